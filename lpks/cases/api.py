"""The case API (RULES §6): cases, stages, assessments, case conferences, the plan and services, on the shared
/api/v1 blueprint; bodies validated and answers shaped by lpks.cases.schemas. Reintegration, companions, follow-ups,
tasks and defaults: lpks.cases.api_support; referrals: lpks.cases.api_referrals."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.cases import queries
from lpks.cases import schemas as s
from lpks.cases.models import ORIGINS, CaseService
from lpks.cases.services import assessments, cases, plans, stages
from lpks.cases.services.common import load_case
from lpks.platform.validation import shape
from lpks.extensions import db
from lpks.intake.queries import SERVICE_FILTERS
from lpks.intake.schemas import IntakeInput
from lpks.intake.services import follow, intake
from lpks.intake.services.common import intake_of
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.residents.services.common import parse_int
from lpks.rules.case_stages import STAGES
from lpks.security import READ, WRITE
from lpks.security.access import get_scoped
from lpks.security.permissions import INTAKE_ORIGINS
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import array_of, operation, param

TAG = "kasus"


def many(model, items) -> list:
    """Each item shaped by `model`."""
    return [shape(model, item) for item in items]


def case_out(case) -> dict:
    """The case as the API shows it."""
    return shape(s.CaseOut, queries.case_json(db.session, current_user, case))


def _arg_int(name: str):
    value = request.args.get(name)
    return None if value in (None, "") else parse_int(value, name, f"Parameter '{name}'")


@bp.route("/cases")
@operation("Daftar kasus anak dalam lingkup (inisial dan nomor register)", tag=TAG, response=s.CaseRow, paged=True,
           params=[param("stage", enum=[st.value for st in STAGES]), param("case_manager_id", kind="integer"),
                   param("overdue", enum=["1", "0"]), param("q", description="nomor register atau inisial"),
                   param("institution_id", kind="integer"), param("status", enum=["open", "closed"]),
                   param("origin", enum=list(ORIGINS)),
                   param("service", enum=list(SERVICE_FILTERS), description="waktu layanan Dinas Sosial (RULES §8)")])
def case_list():
    """Cases in scope, newest first; filters: stage, case manager, overdue work, register number or initials."""
    stmt = queries.list_select(current_user, stage=request.args.get("stage") or None,
                               manager=_arg_int("case_manager_id"), overdue=request.args.get("overdue") in ("1", "true"),
                               search=request.args.get("q"), institution=_arg_int("institution_id"),
                               status=request.args.get("status") or None, origin=request.args.get("origin") or None,
                               service=request.args.get("service") or None)
    page = paginate(stmt, lambda row: (row[0], row[1]))
    page["items"] = many(s.CaseRow, queries.rows(db.session, current_user, page["items"]))
    return jsonify(page)


@bp.route("/cases", methods=["POST"])
@operation("Membuka kasus anak: oleh LPKS (resident_id), atau laporan/undangan yang diterima Dinas Sosial "
           "kabupaten/kota (origin laporan, undangan_rj, undangan_diversi; RULES §8)", tag=TAG,
           request={"oneOf": [s.CaseInput, IntakeInput]}, response=s.CaseOut, status=201)
def case_create():
    """Open a case for a child of the user's LPKS (an admission opens one by itself)."""
    data = json_body()
    if data.get("origin") in INTAKE_ORIGINS:  # a report or invitation the Dinas Sosial receives (RULES §8)
        return jsonify(case_out(intake.register(db.session, current_user, data))), 201
    return jsonify(case_out(cases.create(db.session, current_user, data))), 201


@bp.route("/cases/<int:ident>")
@operation("Satu kasus: tahap, tugas terlambat dan mendatang", tag=TAG, response=s.CaseOut)
def case_detail(ident: int):
    """One case with its stages and its overdue and upcoming tasks."""
    return jsonify(case_out(load_case(db.session, current_user, ident)))


@bp.route("/cases/<int:ident>", methods=["PATCH"])
@operation("Mengubah kasus (wajib menyertakan version)", tag=TAG, request=s.CaseUpdate, response=s.CaseOut)
def case_update(ident: int):
    """Change the case number, the child's kabupaten/kota, the case manager or the note (with the version)."""
    case = load_case(db.session, current_user, ident, WRITE)
    return jsonify(case_out(cases.update(db.session, current_user, case, json_body())))


@bp.route("/cases/<int:ident>/identity")
@operation("Identitas lengkap anak (operator LPKS, Dinas Sosial kabupaten/kota; dicatat di jejak audit)", tag=TAG)
def case_identity(ident: int):
    """The child's full identity, for the roles RULES §1 allows; every call is audited (view_identity)."""
    case = load_case(db.session, current_user, ident)
    resident = get_scoped(db.session, current_user, Resident, case.resident_id)
    identity = residents.reveal_identity(db.session, current_user, resident, "case")
    received = intake_of(db.session, case)  # who reported identifies the child's circle: shown with the identity
    return jsonify({key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in identity.items()}
                   | {"resident_id": resident.id, "register_number": resident.register_number}
                   | ({"reporter_name": received.reporter_name} if received is not None else {}))


@bp.route("/cases/<int:ident>/stages")
@operation("Tahapan rehabilitasi sosial (Pasal 18 ayat 1)", tag=TAG, response=array_of(s.StageOut))
def case_stage_list(ident: int):
    """The seven stages of Pasal 18 ayat 1 with their activities, completion date and author."""
    case = load_case(db.session, current_user, ident)
    return jsonify(many(s.StageOut, queries.stages_of(db.session, case)))


@bp.route("/cases/<int:ident>/stages", methods=["POST"])
@operation("Mencatat kegiatan tahap berjalan; complete=true menyelesaikannya", tag=TAG, request=s.StageInput,
           response=s.CaseOut)
def case_stage_record(ident: int):
    """Record the current stage's activities; with complete=true, complete it and open the next."""
    case = load_case(db.session, current_user, ident, WRITE)
    stages.record(db.session, current_user, case, json_body())
    return jsonify(case_out(case))


@bp.route("/cases/<int:ident>/termination", methods=["POST"])
@operation("Terminasi (Pasal 33)", tag=TAG, request=s.TerminationInput, response=s.CaseOut)
def case_terminate(ident: int):
    """Terminate (Pasal 33): before the terminasi stage only for the reasons of ayat 2 huruf b–d."""
    case = load_case(db.session, current_user, ident, WRITE)
    if (received := intake_of(db.session, case)) is not None:  # the Dinas Sosial's procedure (step 12)
        return jsonify(case_out(follow.terminate(db.session, current_user, case, received, json_body())))
    return jsonify(case_out(stages.terminate(db.session, current_user, case, json_body())))


@bp.route("/cases/<int:ident>/assessments")
@operation("Asesmen kasus", tag=TAG, response=array_of(s.AssessmentOut))
def case_assessment_list(ident: int):
    """The case's assessments, newest first."""
    return jsonify(many(s.AssessmentOut, queries.assessments(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/assessments", methods=["POST"])
@operation("Mencatat asesmen (Pasal 25)", tag=TAG, request=s.AssessmentInput, response=s.AssessmentOut, status=201)
def case_assessment_create(ident: int):
    """Record an assessment (Pasal 25 ayat 1)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = assessments.record_assessment(db.session, current_user, case, json_body())
    return jsonify(shape(s.AssessmentOut, next(a for a in queries.assessments(db.session, case)
                                               if a["id"] == row.id))), 201


@bp.route("/cases/<int:ident>/conferences")
@operation("Temu bahas kasus", tag=TAG, response=array_of(s.ConferenceOut))
def case_conference_list(ident: int):
    """The case conferences with their participants."""
    return jsonify(many(s.ConferenceOut, queries.conferences(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/conferences", methods=["POST"])
@operation("Mencatat temu bahas kasus", tag=TAG, request=s.ConferenceInput, response=s.ConferenceOut, status=201)
def case_conference_create(ident: int):
    """Record a case conference (temu bahas kasus)."""
    case = load_case(db.session, current_user, ident, WRITE)
    row = assessments.record_conference(db.session, current_user, case, json_body())
    return jsonify(shape(s.ConferenceOut, next(c for c in queries.conferences(db.session, case)
                                               if c["id"] == row.id))), 201


@bp.route("/cases/<int:ident>/plan")
@operation("Rencana pemecahan masalah (Pasal 26)", tag=TAG, response=s.PlanOut)
def case_plan_detail(ident: int):
    """The plan: needs by priority, services chosen, agreed date."""
    return jsonify(shape(s.PlanOut, queries.plan(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/plan", methods=["PUT"])
@operation("Menyusun atau merevisi rencana", tag=TAG, request=s.PlanInput, response=s.PlanOut)
def case_plan_save(ident: int):
    """Write or revise the plan (the version once it exists)."""
    case = load_case(db.session, current_user, ident, WRITE)
    plans.save_plan(db.session, current_user, case, json_body())
    return jsonify(shape(s.PlanOut, queries.plan(db.session, case)))


@bp.route("/cases/<int:ident>/services")
@operation("Layanan rehabilitasi (Pasal 35)", tag=TAG, response=array_of(s.ServiceOut))
def case_service_list(ident: int):
    """The case's services by due date."""
    return jsonify(many(s.ServiceOut, queries.services(db.session, load_case(db.session, current_user, ident))))


@bp.route("/cases/<int:ident>/services", methods=["POST"])
@operation("Merencanakan layanan", tag=TAG, request=s.ServiceInput, response=s.ServiceOut, status=201)
def case_service_create(ident: int):
    """Plan a service of Pasal 35 ayat 1 with its due date and provider."""
    case = load_case(db.session, current_user, ident, WRITE)
    return jsonify(shape(s.ServiceOut, queries.service_json(plans.add_service(db.session, current_user, case,
                                                                              json_body())))), 201


@bp.route("/case-services/<int:ident>")
@operation("Satu layanan", tag=TAG, response=s.ServiceOut)
def case_service_detail(ident: int):
    """One service."""
    return jsonify(shape(s.ServiceOut, queries.service_json(get_scoped(db.session, current_user, CaseService, ident,
                                                                       READ))))


@bp.route("/case-services/<int:ident>", methods=["PATCH"])
@operation("Mencatat layanan dilaksanakan atau dibatalkan", tag=TAG, request=s.ServiceUpdate, response=s.ServiceOut)
def case_service_update(ident: int):
    """Record a service done (date, outcome) or cancelled (reason)."""
    service = get_scoped(db.session, current_user, CaseService, ident, WRITE)
    return jsonify(shape(s.ServiceOut, queries.service_json(plans.update_service(db.session, current_user, service,
                                                                                 json_body()))))
