"""The case API, continued: reintegration (Pasal 49–50), companions and their reports (Pasal 74–76), follow-up
visits (Pasal 34), the task list behind the dashboard's tiles, and the defaults of RULES §6."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.cases import queries
from lpks.cases import schemas as s
from lpks.cases.api import TAG, many
from lpks.cases.models import CaseCompanion, FollowUpVisit, SubstituteFamilySearch
from lpks.cases.services import companions, reintegration, settings
from lpks.cases.services.common import load_case
from lpks.platform.validation import shape
from lpks.extensions import db
from lpks.rules.case_tasks import UPCOMING_WITHIN_DAYS
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.operations import array_of, operation, param


@bp.route("/cases/<int:ident>/reintegration")
@operation("Reintegrasi sosial (Pasal 49)", tag=TAG, response=s.ReintegrationOut)
def case_reintegration_detail(ident: int):
    """The steps of Pasal 49 ayat 1 and which conditions of ayat 7 are still missing."""
    case = load_case(db.session, current_user, ident)
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/reintegration", methods=["POST"])
@operation("Mencatat langkah reintegrasi (Pasal 49 ayat 1 huruf a–d)", tag=TAG, request=s.ReintegrationInput,
           response=s.ReintegrationOut)
def case_reintegration_step(ident: int):
    """Record a step of Pasal 49 ayat 1 huruf a–d (in order)."""
    case = load_case(db.session, current_user, ident, WRITE)
    reintegration.record_step(db.session, current_user, case, json_body())
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/reintegration/refusal", methods=["POST"])
@operation("Penolakan keluarga atau masyarakat (Pasal 50)", tag=TAG, request=s.RefusalInput,
           response=s.ReintegrationOut)
def case_reintegration_refusal(ident: int):
    """The family or community refuses the child (Pasal 50)."""
    case = load_case(db.session, current_user, ident, WRITE)
    reintegration.record_refusal(db.session, current_user, case, json_body())
    return jsonify(shape(s.ReintegrationOut, queries.reintegration(db.session, case)))


@bp.route("/cases/<int:ident>/substitute-searches")
@operation("Pencarian Keluarga Pengganti (Pasal 50)", tag=TAG, response=array_of(s.SearchOut))
def case_search_list(ident: int):
    """The substitute-family searches (Pasal 50)."""
    return jsonify(many(s.SearchOut, queries.searches(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/substitute-searches", methods=["POST"])
@operation("Membuka pencarian Keluarga Pengganti", tag=TAG, request=s.SubstituteSearchInput, response=s.SearchOut,
           status=201)
def case_search_create(ident: int):
    """Open a search for a substitute family after a refusal (Pasal 50)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = reintegration.save_search(db.session, current_user, case, json_body())
    return jsonify(next(x for x in many(s.SearchOut, queries.searches(db.session, case)) if x["id"] == row.id)), 201


@bp.route("/substitute-searches/<int:ident>", methods=["PATCH"])
@operation("Mencatat hasil pencarian Keluarga Pengganti", tag=TAG, request=s.SubstituteSearchInput,
           response=s.SearchOut)
def case_search_update(ident: int):
    """Record a search's progress or result (with the version)."""
    search = get_scoped(db.session, current_user, SubstituteFamilySearch, ident, WRITE)
    case = load_case(db.session, current_user, search.case_id)
    reintegration.save_search(db.session, current_user, case, json_body(), search)
    return jsonify(next(x for x in many(s.SearchOut, queries.searches(db.session, case)) if x["id"] == search.id))


@bp.route("/cases/<int:ident>/companions")
@operation("Pendamping (Pasal 74–76)", tag=TAG, response=array_of(s.CompanionOut))
def case_companion_list(ident: int):
    """Companions and volunteers with their reports (Pasal 74–76)."""
    return jsonify(many(s.CompanionOut, queries.companions(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/companions", methods=["POST"])
@operation("Menugaskan pendamping atau relawan", tag=TAG, request=s.CompanionInput, response=s.CompanionOut,
           status=201)
def case_companion_create(ident: int):
    """Assign a companion (a peksos or TKS trained in SPPA) or a volunteer."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = companions.assign(db.session, current_user, case, json_body())
    return jsonify(next(x for x in many(s.CompanionOut, queries.companions(db.session, case)) if x["id"] == row.id)), 201


@bp.route("/companions/<int:ident>", methods=["PATCH"])
@operation("Mengakhiri penugasan pendamping", tag=TAG, request=s.CompanionEnd, response=s.CompanionOut)
def case_companion_end(ident: int):
    """End a companion's assignment (with the version)."""
    row = get_scoped(db.session, current_user, CaseCompanion, ident, WRITE)
    companions.end(db.session, current_user, row, json_body())
    case = load_case(db.session, current_user, row.case_id)
    return jsonify(next(x for x in many(s.CompanionOut, queries.companions(db.session, case)) if x["id"] == row.id))


@bp.route("/cases/<int:ident>/companion-reports", methods=["POST"])
@operation("Laporan pendamping (Pasal 76 huruf g)", tag=TAG, request=s.CompanionReportInput,
           response=s.CompanionReportOut, status=201)
def case_companion_report(ident: int):
    """A companion's report (Pasal 76 huruf g)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = companions.report(db.session, current_user, case, json_body())
    return jsonify(shape(s.CompanionReportOut, {"id": row.id, "companion_id": row.companion_id,
                                                   "reported_on": row.reported_on, "summary": row.summary})), 201


@bp.route("/cases/<int:ident>/follow-ups")
@operation("Kunjungan bimbingan lanjut (Pasal 34)", tag=TAG, response=array_of(s.FollowUpOut))
def case_follow_up_list(ident: int):
    """The follow-up visits after the return (Pasal 34), each with its state."""
    return jsonify(many(s.FollowUpOut, queries.follow_ups(db.session, load_case(db.session, current_user, ident))))


@bp.route("/follow-ups/<int:ident>", methods=["PATCH"])
@operation("Mencatat kunjungan bimbingan lanjut", tag=TAG, request=s.FollowUpInput, response=s.FollowUpOut)
def case_follow_up_record(ident: int):
    """Record a visit made: date and findings (with the version)."""
    visit = get_scoped(db.session, current_user, FollowUpVisit, ident, WRITE)
    reintegration.record_visit(db.session, current_user, visit, json_body())
    case = load_case(db.session, current_user, visit.case_id)
    return jsonify(next(x for x in many(s.FollowUpOut, queries.follow_ups(db.session, case)) if x["id"] == visit.id))


@bp.route("/case-tasks")
@operation(f"Tugas kasus terlambat atau jatuh tempo ≤ {UPCOMING_WITHIN_DAYS} hari (yang dihitung dasbor)", tag=TAG,
           params=[param("due", enum=["overdue", "upcoming"], required=True), param("case_manager_id", kind="integer"),
                   param("institution_id", kind="integer")], response=s.TaskOut, paged=True)
def case_task_list():
    """Overdue or upcoming work in scope: exactly what the dashboard's tiles count (due=overdue|upcoming)."""
    page = queries.task_page(db.session, current_user, request.args)
    page["items"] = many(s.TaskOut, page["items"])
    return jsonify(page)


@bp.route("/case-task-defaults")
@operation("Ketentuan tenggat kasus (RULES §6)", tag=TAG, response=s.TaskDefaultsOut)
def case_defaults_detail():
    """The defaults of RULES §6 in force."""
    return jsonify(shape(s.TaskDefaultsOut, queries.defaults_json(settings.setting_row(db.session))))


@bp.route("/case-task-defaults", methods=["PUT"])
@operation("Mengubah ketentuan tenggat (Kementerian Sosial)", tag=TAG, request=s.TaskDefaultsInput,
           response=s.TaskDefaultsOut)
def case_defaults_update():
    """Change the defaults (Kementerian Sosial); the open tasks' due dates follow."""
    return jsonify(shape(s.TaskDefaultsOut, queries.defaults_json(settings.update(db.session, current_user, json_body()))))
