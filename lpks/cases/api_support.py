"""The case API, continued: reintegration (Pasal 49–50), companions and their reports (Pasal 74–76), follow-up
visits (Pasal 34), the task list behind the dashboard's tiles, and the defaults of RULES §6."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.cases import queries
from lpks.cases import schemas as s
from lpks.cases.api import ID, TAG, answer, body, listing, many
from lpks.cases.models import CaseCompanion, FollowUpVisit, SubstituteFamilySearch
from lpks.cases.services import companions, reintegration, settings
from lpks.cases.services.common import load_case
from lpks.cases.validation import shape
from lpks.extensions import db
from lpks.rules.case_tasks import UPCOMING_WITHIN_DAYS
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.spec import describe, param


@bp.route("/cases/<int:ident>/reintegration")
def case_reintegration_detail(ident: int):
    """The steps of Pasal 49 ayat 1 and which conditions of ayat 7 are still missing."""
    case = load_case(db.session, current_user, ident)
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/reintegration", methods=["POST"])
def case_reintegration_step(ident: int):
    """Record a step of Pasal 49 ayat 1 huruf a–d (in order)."""
    case = load_case(db.session, current_user, ident, WRITE)
    reintegration.record_step(db.session, current_user, case, json_body())
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/reintegration/refusal", methods=["POST"])
def case_reintegration_refusal(ident: int):
    """The family or community refuses the child (Pasal 50)."""
    case = load_case(db.session, current_user, ident, WRITE)
    reintegration.record_refusal(db.session, current_user, case, json_body())
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/substitute-searches")
def case_search_list(ident: int):
    """The substitute-family searches (Pasal 50)."""
    return jsonify(many(s.SearchOut, queries.searches(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/substitute-searches", methods=["POST"])
def case_search_create(ident: int):
    """Open a search for a substitute family after a refusal (Pasal 50)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = reintegration.save_search(db.session, current_user, case, json_body())
    return jsonify(next(x for x in many(s.SearchOut, queries.searches(db.session, case)) if x["id"] == row.id)), 201


@bp.route("/substitute-searches/<int:ident>", methods=["PATCH"])
def case_search_update(ident: int):
    """Record a search's progress or result (with the version)."""
    search = get_scoped(db.session, current_user, SubstituteFamilySearch, ident, WRITE)
    case = load_case(db.session, current_user, search.case_id)
    reintegration.save_search(db.session, current_user, case, json_body(), search)
    return jsonify(next(x for x in many(s.SearchOut, queries.searches(db.session, case)) if x["id"] == search.id))


@bp.route("/cases/<int:ident>/companions")
def case_companion_list(ident: int):
    """Companions and volunteers with their reports (Pasal 74–76)."""
    return jsonify(many(s.CompanionOut, queries.companions(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/companions", methods=["POST"])
def case_companion_create(ident: int):
    """Assign a companion (a peksos or TKS trained in SPPA) or a volunteer."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = companions.assign(db.session, current_user, case, json_body())
    return jsonify(next(x for x in many(s.CompanionOut, queries.companions(db.session, case)) if x["id"] == row.id)), 201


@bp.route("/companions/<int:ident>", methods=["PATCH"])
def case_companion_end(ident: int):
    """End a companion's assignment (with the version)."""
    row = get_scoped(db.session, current_user, CaseCompanion, ident, WRITE)
    companions.end(db.session, current_user, row, json_body())
    case = load_case(db.session, current_user, row.case_id)
    return jsonify(next(x for x in many(s.CompanionOut, queries.companions(db.session, case)) if x["id"] == row.id))


@bp.route("/cases/<int:ident>/companion-reports", methods=["POST"])
def case_companion_report(ident: int):
    """A companion's report (Pasal 76 huruf g)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = companions.report(db.session, current_user, case, json_body())
    return jsonify(shape(s.CompanionReportOut, {"id": row.id, "companion_id": row.companion_id,
                                                   "reported_on": row.reported_on, "summary": row.summary})), 201


@bp.route("/cases/<int:ident>/follow-ups")
def case_follow_up_list(ident: int):
    """The follow-up visits after the return (Pasal 34), each with its state."""
    return jsonify(many(s.FollowUpOut, queries.follow_ups(db.session, load_case(db.session, current_user, ident))))


@bp.route("/follow-ups/<int:ident>", methods=["PATCH"])
def case_follow_up_record(ident: int):
    """Record a visit made: date and findings (with the version)."""
    visit = get_scoped(db.session, current_user, FollowUpVisit, ident, WRITE)
    reintegration.record_visit(db.session, current_user, visit, json_body())
    case = load_case(db.session, current_user, visit.case_id)
    return jsonify(next(x for x in many(s.FollowUpOut, queries.follow_ups(db.session, case)) if x["id"] == visit.id))


@bp.route("/case-tasks")
def case_task_list():
    """Overdue or upcoming work in scope: exactly what the dashboard's tiles count (due=overdue|upcoming)."""
    page = queries.task_page(db.session, current_user, request.args)
    page["items"] = many(s.TaskOut, page["items"])
    return jsonify(page)


@bp.route("/case-task-defaults")
def case_defaults_detail():
    """The defaults of RULES §6 in force."""
    return jsonify(shape(s.TaskDefaultsOut, queries.defaults_json(settings.setting_row(db.session))))


@bp.route("/case-task-defaults", methods=["PUT"])
def case_defaults_update():
    """Change the defaults (Kementerian Sosial); the open tasks' due dates follow."""
    return jsonify(shape(s.TaskDefaultsOut, queries.defaults_json(settings.update(db.session, current_user, json_body()))))


describe("/cases/{id}/reintegration", "get", "Reintegrasi sosial (Pasal 49)", params=ID,
         response=answer(s.ReintegrationOut), tag=TAG)
describe("/cases/{id}/reintegration", "post", "Mencatat langkah reintegrasi (Pasal 49 ayat 1 huruf a–d)", params=ID,
         body=body(s.ReintegrationInput), response=answer(s.ReintegrationOut), tag=TAG)
describe("/cases/{id}/reintegration/refusal", "post", "Penolakan keluarga atau masyarakat (Pasal 50)", params=ID,
         body=body(s.RefusalInput), response=answer(s.ReintegrationOut), tag=TAG)
describe("/cases/{id}/substitute-searches", "get", "Pencarian Keluarga Pengganti (Pasal 50)", params=ID,
         response=listing(s.SearchOut), tag=TAG)
describe("/cases/{id}/substitute-searches", "post", "Membuka pencarian Keluarga Pengganti", params=ID,
         body=body(s.SubstituteSearchInput), response=answer(s.SearchOut), tag=TAG)
describe("/substitute-searches/{id}", "patch", "Mencatat hasil pencarian Keluarga Pengganti", params=ID,
         body=body(s.SubstituteSearchInput), response=answer(s.SearchOut), tag=TAG)
describe("/cases/{id}/companions", "get", "Pendamping (Pasal 74–76)", params=ID, response=listing(s.CompanionOut),
         tag=TAG)
describe("/cases/{id}/companions", "post", "Menugaskan pendamping atau relawan", params=ID,
         body=body(s.CompanionInput), response=answer(s.CompanionOut), tag=TAG)
describe("/companions/{id}", "patch", "Mengakhiri penugasan pendamping", params=ID, body=body(s.CompanionEnd),
         response=answer(s.CompanionOut), tag=TAG)
describe("/cases/{id}/companion-reports", "post", "Laporan pendamping (Pasal 76 huruf g)", params=ID,
         body=body(s.CompanionReportInput), response=answer(s.CompanionReportOut), tag=TAG)
describe("/cases/{id}/follow-ups", "get", "Kunjungan bimbingan lanjut (Pasal 34)", params=ID,
         response=listing(s.FollowUpOut), tag=TAG)
describe("/follow-ups/{id}", "patch", "Mencatat kunjungan bimbingan lanjut", params=ID, body=body(s.FollowUpInput),
         response=answer(s.FollowUpOut), tag=TAG)
describe("/case-tasks", "get", f"Tugas kasus terlambat atau jatuh tempo ≤ {UPCOMING_WITHIN_DAYS} hari (yang dihitung "
         "dasbor)", tag=TAG, params=[param("due", enum=["overdue", "upcoming"], required=True),
                                     param("case_manager_id", kind="integer"), param("institution_id", kind="integer"),
                                     param("page", kind="integer"), param("per_page", kind="integer")],
         response={"type": "object", "properties": {"items": listing(s.TaskOut), "total": {"type": "integer"}}})
describe("/case-task-defaults", "get", "Ketentuan tenggat kasus (RULES §6)", response=answer(s.TaskDefaultsOut),
         tag=TAG)
describe("/case-task-defaults", "put", "Mengubah ketentuan tenggat (Kementerian Sosial)", body=body(s.TaskDefaultsInput),
         response=answer(s.TaskDefaultsOut), tag=TAG)
