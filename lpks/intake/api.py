"""The API of Dinas Sosial case handling (RULES §8) on the shared /api/v1 blueprint: the case is created through
POST /cases with an `origin` of the procedure (lpks.cases.api), its procedure under /cases/{id}/intake, and
complaints under /complaints. Bodies are validated by lpks.intake.schemas, answers shaped by schemas_out."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.cases.validation import openapi_schema, shape
from lpks.extensions import db
from lpks.intake import queries
from lpks.intake import schemas as s
from lpks.intake import schemas_out as o
from lpks.intake.models import CaseOfficer, ServiceComplaint
from lpks.intake.services import complaints, follow, intake, products, steps
from lpks.intake.services.common import load
from lpks.residents.services.common import holiday_set
from lpks.rules.service_time import ComplaintChannel
from lpks.security import READ, WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.paging import PAGING_PARAMS, paginate
from lpks.web.api.spec import describe, param

TAG = "kasus Dinas Sosial"
ID = [param("id", "path", "integer")]


def _intake_out(ident: int):
    case, found = load(db.session, current_user, ident)
    return jsonify(shape(o.IntakeOut, queries.intake_json(db.session, current_user, case, found)))


def _act(ident: int, call):
    """Run one write on the case's procedure, then answer the intake as it stands."""
    case, found = load(db.session, current_user, ident, WRITE)
    call(case, found)
    return _intake_out(ident)


@bp.route("/cases/<int:ident>/intake")
def intake_of_case(ident: int):
    """How the case reached the Dinas Sosial and how its procedure stands."""
    return _intake_out(ident)


@bp.route("/cases/<int:ident>/intake", methods=["PATCH"])
def intake_update(ident: int):
    """Correct who reported or invited, the letter, the receipt date (with the version)."""
    return _act(ident, lambda c, i: intake.update(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/steps", methods=["POST"])
def intake_step(ident: int):
    """Record the next step of the channel's path or the route, with its facts."""
    return _act(ident, lambda c, i: steps.record_step(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/route", methods=["POST"])
def intake_route(ident: int):
    """Decide the route: the rule gives it from the age on the offence date and the offence weighed."""
    return _act(ident, lambda c, i: steps.route(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/officers", methods=["POST"])
def intake_officer(ident: int):
    """Assign a peksos (case manager, companion) or a TKSK (monitoring at the case manager's request)."""
    return _act(ident, lambda c, i: follow.assign(db.session, current_user, c, i, json_body()))


@bp.route("/case-officers/<int:ident>/end", methods=["POST"])
def intake_officer_end(ident: int):
    """End an assignment (with the version)."""
    officer = get_scoped(db.session, current_user, CaseOfficer, ident, READ)
    return _act(officer.case_id, lambda c, i: follow.end_assignment(db.session, current_user, c, i, officer,
                                                                    json_body()))


@bp.route("/cases/<int:ident>/intake/monitoring", methods=["POST"])
def intake_monitoring(ident: int):
    """Record a monitoring of care, rehabilitation and social sanctions."""
    return _act(ident, lambda c, i: follow.monitor(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/report", methods=["POST"])
def intake_report(ident: int):
    """The case manager's report after termination."""
    return _act(ident, lambda c, i: follow.write_report(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/report/filing", methods=["POST"])
def intake_report_filing(ident: int):
    """The data and information section files the report; the case closes."""
    return _act(ident, lambda c, i: follow.file_report(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/products", methods=["POST"])
def intake_product(ident: int):
    """Issue a product (berita acara, or a referral letter from a referral): the first stops the clock."""
    return _act(ident, lambda c, i: products.issue(db.session, current_user, c, i, json_body()))


# --- complaints ---------------------------------------------------------------------------------------------------

def _complaint(complaint: ServiceComplaint) -> dict:
    return shape(o.ComplaintOut, queries.complaint_json(db.session, complaint))


@bp.route("/complaints")
def complaint_list():
    """Complaints in scope, newest first; filters: state (due, overdue, answered) and channel."""
    stmt = queries.complaint_select(current_user, state=request.args.get("state") or None,
                                    channel=request.args.get("channel") or None)
    holidays = holiday_set(db.session)
    return jsonify(paginate(stmt, lambda c: shape(o.ComplaintOut, queries.complaint_json(db.session, c, holidays))))


@bp.route("/complaints", methods=["POST"])
def complaint_create():
    """Record a complaint (the data and information section)."""
    return jsonify(_complaint(complaints.create(db.session, current_user, json_body()))), 201


def _scoped_complaint(ident: int, action: str) -> ServiceComplaint:
    return get_scoped(db.session, current_user, ServiceComplaint, ident, action)


@bp.route("/complaints/<int:ident>")
def complaint_detail(ident: int):
    """One complaint with its due date and state."""
    return jsonify(_complaint(_scoped_complaint(ident, READ)))


@bp.route("/complaints/<int:ident>", methods=["PATCH"])
def complaint_update(ident: int):
    """Answer (answer and date) or correct the subject (with the version)."""
    complaint = _scoped_complaint(ident, WRITE)
    return jsonify(_complaint(complaints.update(db.session, current_user, complaint, json_body())))


INTAKE = openapi_schema(o.IntakeOut, "serialization")
COMPLAINT = openapi_schema(o.ComplaintOut, "serialization")


def _body(model) -> dict:
    return openapi_schema(model)


describe("/cases/{id}/intake", "get", "Penerimaan kasus oleh Dinas Sosial: jalur, rute, waktu layanan, petugas",
         params=ID, response=INTAKE, tag=TAG)
describe("/cases/{id}/intake", "patch", "Mengoreksi pelapor, surat undangan atau tanggal diterima (version)",
         params=ID, body=_body(s.IntakeUpdate), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/steps", "post", "Mencatat langkah prosedur berikutnya dengan faktanya", params=ID,
         body=_body(s.StepInput), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/route", "post", "Memutuskan rute (usia pada tanggal tindak pidana dan beratnya)",
         params=ID, body=_body(s.RouteInput), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/officers", "post", "Menugaskan Pekerja Sosial atau TKSK", params=ID,
         body=_body(s.OfficerInput), response=INTAKE, tag=TAG)
describe("/case-officers/{id}/end", "post", "Mengakhiri penugasan", params=ID, body=_body(s.OfficerEnd),
         response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/monitoring", "post", "Mencatat pemantauan (Prosedur langkah 11)", params=ID,
         body=_body(s.MonitoringInput), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/report", "post", "Laporan manajer kasus (Prosedur langkah 13)", params=ID,
         body=_body(s.ReportInput), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/report/filing", "post", "Pengarsipan laporan oleh Seksi Data dan Informasi; kasus "
         "ditutup", params=ID, body=_body(s.FileInput), response=INTAKE, tag=TAG)
describe("/cases/{id}/intake/products", "post", "Menerbitkan produk layanan (menghentikan hitungan waktu layanan)",
         params=ID, body=_body(s.ProductInput), response=INTAKE, tag=TAG)
describe("/complaints", "get", "Pengaduan layanan dalam lingkup", tag=TAG,
         params=PAGING_PARAMS + [param("state", enum=["due", "overdue", "answered"]),
                                 param("channel", enum=[c.value for c in ComplaintChannel])],
         response={"type": "object", "properties": {"items": {"type": "array", "items": COMPLAINT},
                                                    "page": {"type": "integer"}, "per_page": {"type": "integer"},
                                                    "total": {"type": "integer"}}})
describe("/complaints", "post", "Mencatat pengaduan layanan", body=_body(s.ComplaintInput), response=COMPLAINT,
         tag=TAG)
describe("/complaints/{id}", "get", "Satu pengaduan", params=ID, response=COMPLAINT, tag=TAG)
describe("/complaints/{id}", "patch", "Menjawab pengaduan atau mengoreksi pokoknya (version)", params=ID,
         body=_body(s.ComplaintUpdate), response=COMPLAINT, tag=TAG)
