"""The API of Dinas Sosial case handling (RULES §8) on the shared /api/v1 blueprint: the case is created through
POST /cases with an `origin` of the procedure (lpks.cases.api), its procedure under /cases/{id}/intake, and
complaints under /complaints. Bodies are validated by lpks.intake.schemas, answers shaped by schemas_out."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.platform.validation import shape
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
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param

TAG = "kasus Dinas Sosial"


def _intake_out(ident: int):
    case, found = load(db.session, current_user, ident)
    return jsonify(shape(o.IntakeOut, queries.intake_json(db.session, current_user, case, found)))


def _act(ident: int, call):
    """Run one write on the case's procedure, then answer the intake as it stands."""
    case, found = load(db.session, current_user, ident, WRITE)
    call(case, found)
    return _intake_out(ident)


@bp.route("/cases/<int:ident>/intake")
@operation("Penerimaan kasus oleh Dinas Sosial: jalur, rute, waktu layanan, petugas", tag=TAG, response=o.IntakeOut)
def intake_of_case(ident: int):
    """How the case reached the Dinas Sosial and how its procedure stands."""
    return _intake_out(ident)


@bp.route("/cases/<int:ident>/intake", methods=["PATCH"])
@operation("Mengoreksi pelapor, surat undangan atau tanggal diterima (version)", tag=TAG, request=s.IntakeUpdate,
           response=o.IntakeOut)
def intake_update(ident: int):
    """Correct who reported or invited, the letter, the receipt date (with the version)."""
    return _act(ident, lambda c, i: intake.update(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/steps", methods=["POST"])
@operation("Mencatat langkah prosedur berikutnya dengan faktanya", tag=TAG, request=s.StepInput, response=o.IntakeOut)
def intake_step(ident: int):
    """Record the next step of the channel's path or the route, with its facts."""
    return _act(ident, lambda c, i: steps.record_step(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/route", methods=["POST"])
@operation("Memutuskan rute (usia pada tanggal tindak pidana dan beratnya)", tag=TAG, request=s.RouteInput,
           response=o.IntakeOut)
def intake_route(ident: int):
    """Decide the route: the rule gives it from the age on the offence date and the offence weighed."""
    return _act(ident, lambda c, i: steps.route(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/officers", methods=["POST"])
@operation("Menugaskan Pekerja Sosial atau TKSK", tag=TAG, request=s.OfficerInput, response=o.IntakeOut)
def intake_officer(ident: int):
    """Assign a peksos (case manager, companion) or a TKSK (monitoring at the case manager's request)."""
    return _act(ident, lambda c, i: follow.assign(db.session, current_user, c, i, json_body()))


@bp.route("/case-officers/<int:ident>/end", methods=["POST"])
@operation("Mengakhiri penugasan", tag=TAG, request=s.OfficerEnd, response=o.IntakeOut)
def intake_officer_end(ident: int):
    """End an assignment (with the version)."""
    officer = get_scoped(db.session, current_user, CaseOfficer, ident, READ)
    return _act(officer.case_id, lambda c, i: follow.end_assignment(db.session, current_user, c, i, officer,
                                                                    json_body()))


@bp.route("/cases/<int:ident>/intake/monitoring", methods=["POST"])
@operation("Mencatat pemantauan (Prosedur langkah 11)", tag=TAG, request=s.MonitoringInput, response=o.IntakeOut)
def intake_monitoring(ident: int):
    """Record a monitoring of care, rehabilitation and social sanctions."""
    return _act(ident, lambda c, i: follow.monitor(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/report", methods=["POST"])
@operation("Laporan manajer kasus (Prosedur langkah 13)", tag=TAG, request=s.ReportInput, response=o.IntakeOut)
def intake_report(ident: int):
    """The case manager's report after termination."""
    return _act(ident, lambda c, i: follow.write_report(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/report/filing", methods=["POST"])
@operation("Pengarsipan laporan oleh Seksi Data dan Informasi; kasus ditutup", tag=TAG, request=s.FileInput,
           response=o.IntakeOut)
def intake_report_filing(ident: int):
    """The data and information section files the report; the case closes."""
    return _act(ident, lambda c, i: follow.file_report(db.session, current_user, c, i, json_body()))


@bp.route("/cases/<int:ident>/intake/products", methods=["POST"])
@operation("Menerbitkan produk layanan (menghentikan hitungan waktu layanan)", tag=TAG, request=s.ProductInput,
           response=o.IntakeOut)
def intake_product(ident: int):
    """Issue a product (berita acara, or a referral letter from a referral): the first stops the clock."""
    return _act(ident, lambda c, i: products.issue(db.session, current_user, c, i, json_body()))


# --- complaints ---------------------------------------------------------------------------------------------------

def _complaint(complaint: ServiceComplaint) -> dict:
    return shape(o.ComplaintOut, queries.complaint_json(db.session, complaint))


@bp.route("/complaints")
@operation("Pengaduan layanan dalam lingkup", tag=TAG,
           params=[param("state", enum=["due", "overdue", "answered"]),
                   param("channel", enum=[c.value for c in ComplaintChannel])],
           response=o.ComplaintOut, paged=True)
def complaint_list():
    """Complaints in scope, newest first; filters: state (due, overdue, answered) and channel."""
    stmt = queries.complaint_select(current_user, state=request.args.get("state") or None,
                                    channel=request.args.get("channel") or None)
    holidays = holiday_set(db.session)
    return jsonify(paginate(stmt, lambda c: shape(o.ComplaintOut, queries.complaint_json(db.session, c, holidays))))


@bp.route("/complaints", methods=["POST"])
@operation("Mencatat pengaduan layanan", tag=TAG, request=s.ComplaintInput, response=o.ComplaintOut, status=201)
def complaint_create():
    """Record a complaint (the data and information section)."""
    return jsonify(_complaint(complaints.create(db.session, current_user, json_body()))), 201


def _scoped_complaint(ident: int, action: str) -> ServiceComplaint:
    return get_scoped(db.session, current_user, ServiceComplaint, ident, action)


@bp.route("/complaints/<int:ident>")
@operation("Satu pengaduan", tag=TAG, response=o.ComplaintOut)
def complaint_detail(ident: int):
    """One complaint with its due date and state."""
    return jsonify(_complaint(_scoped_complaint(ident, READ)))


@bp.route("/complaints/<int:ident>", methods=["PATCH"])
@operation("Menjawab pengaduan atau mengoreksi pokoknya (version)", tag=TAG, request=s.ComplaintUpdate,
           response=o.ComplaintOut)
def complaint_update(ident: int):
    """Answer (answer and date) or correct the subject (with the version)."""
    complaint = _scoped_complaint(ident, WRITE)
    return jsonify(_complaint(complaints.update(db.session, current_user, complaint, json_body())))

