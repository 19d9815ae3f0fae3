"""Accreditation API (issue 4): the class rule, instruments, assessments and their steps, decisions, classes and
the compilations. Every route reaches the same services as the web pages, with the same checks."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from accreditation.workflow import DECIDED_STATES, State
from lpks.accreditation import reports
from lpks.accreditation import schemas as a
from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
    AssessmentEvent,
)
from lpks.accreditation.serialize import (
    answer_json,
    assessment_detail,
    assessment_json,
    event_json,
    instrument_json,
)
from lpks.accreditation.services import (
    assessments,
    classes,
    conflicts,
    instruments,
    steps,
)
from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.registry.models.institution import Institution
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.operations import operation, param
from lpks.web.api.paging import paginate
from lpks.web.params import query_int

TAG = "akreditasi"


@bp.route("/rules/class")
@operation("Kelas LPKS (Pasal 70–73) untuk suatu kasus: kelas dan setiap kriteria terpenuhi atau tidak. Masukan "
           "tidak valid → 422 dengan 'field' = nama parameter.", tag="kalkulator",
           params=[param("grade", required=True, enum=["A", "B", "C", "none"]),
                   param("referral_scope", required=True, enum=["kabupaten_kota", "provinsi", "nasional"]),
                   param("provinces", kind="integer", required=True, minimum=0),
                   param("kabupaten_kota", kind="integer", required=True, minimum=0)], response=a.ClassRuleOut)
def rules_class():
    """Class A/B/C (or none) and every criterion for a case (Pasal 70–73, RULES §3)."""
    return jsonify(classes.check_case(request.args))


# --- instruments --------------------------------------------------------------------------------------------------

@bp.route("/accreditation/instruments")
@operation("Versi instrumen akreditasi", tag=TAG, response=a.InstrumentOut, paged=True)
def instrument_list():
    """Published versions, newest first."""
    stmt = scoped_select(current_user, AccreditationInstrument).order_by(AccreditationInstrument.id.desc())
    return jsonify(paginate(stmt, instrument_json))


@bp.route("/accreditation/instruments/<int:ident>")
@operation("Satu versi instrumen lengkap", tag=TAG, response=a.InstrumentDetailOut)
def instrument_detail(ident: int):
    """One version with its aspects, indicators, answers, bands, validity and rows."""
    row = instruments.get(db.session, current_user, ident)
    return jsonify(instrument_json(row, instruments.load(row)))


@bp.route("/accreditation/instruments", methods=["POST"])
@operation("Menerbitkan versi instrumen baru (Kementerian Sosial): 'rows' (format lembar Excel) atau 'version' "
           "dengan 'weights', 'bands', 'validity_years' yang diubah; divalidasi", tag=TAG,
           request=a.InstrumentInput, response=a.InstrumentDetailOut, status=201)
def instrument_create():
    """Publish a new version (Kemensos): whole rows, or changes to the current version."""
    body = json_body()
    if "rows" in body:
        row = instruments.publish_rows(db.session, current_user, body.get("rows"), body.get("note"), first_row=1)
    else:
        row = instruments.revise(db.session, current_user, body)
    return jsonify(instrument_json(row, instruments.load(row))), 201


def _named_json(row) -> dict:
    """An (assessment, LPKS name) row of reports.named as JSON."""
    return assessment_json(*row)


# --- assessments --------------------------------------------------------------------------------------------------

def _assessment_list_stmt():
    queue = request.args.get("queue") in ("1", "true")
    stmt = reports.queue_select(current_user) if queue else scoped_select(current_user, Assessment)
    state = request.args.get("state")
    if state:
        if state not in {s.value for s in State}:
            raise ServiceError(_("Parameter 'state' tidak dikenal: %(state)s.", state=state), "state")
        stmt = stmt.where(Assessment.state == state)
    ident = query_int(request.args, "institution_id")
    if ident is not None:
        stmt = stmt.where(Assessment.institution_id == ident)
    return stmt.order_by(Assessment.id.desc())


@bp.route("/accreditation/assessments")
@operation("Penilaian akreditasi dalam lingkup pengguna (filter state, institution_id, queue=1)", tag=TAG,
           params=[param("state"), param("queue"), param("institution_id", kind="integer")],
           response=a.AssessmentOut, paged=True)
def assessment_list():
    """Assessments in the user's scope (filters: state, institution_id, queue=1 for the user's queue)."""
    return jsonify(paginate(reports.named(_assessment_list_stmt()), _named_json))


@bp.route("/accreditation/assessments", methods=["POST"])
@operation("Memulai penilaian mandiri (operator LPKS), diisi awal dari registri", tag=TAG,
           request=a.AssessmentStart, response=a.AssessmentDetailOut, status=201)
def assessment_create():
    """Start a self-assessment (LPKS operator), pre-filled from the registry."""
    assessment = assessments.start(db.session, current_user, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment)), 201


@bp.route("/accreditation/assessments/<int:ident>")
@operation("Satu penilaian: jawaban, skor per aspek, langkah yang tersedia", tag=TAG, response=a.AssessmentDetailOut)
def assessment_get(ident: int):
    """One assessment: answers in force, score per aspect, the steps open to the user."""
    return jsonify(assessment_detail(db.session, current_user, assessments.get(db.session, current_user, ident)))


@bp.route("/accreditation/assessments/<int:ident>/answers", methods=["PUT"])
@operation("Mengisi jawaban (operator LPKS; draf atau dikembalikan); 'evidence_ids': dokumen bukti LPKS itu sendiri "
           "(tidak dikirim → pilihan sebelumnya tetap)", tag=TAG,
           request=a.AnswersInput,
           response=a.AssessmentDetailOut)
def assessment_answers(ident: int):
    """Answer indicators (LPKS operator, draft or returned); the score follows."""
    assessment = assessments.get(db.session, current_user, ident, WRITE)
    assessments.save_answers(db.session, current_user, assessment, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment))


@bp.route("/accreditation/assessments/<int:ident>/answers")
@operation("Riwayat seluruh jawaban", tag=TAG, response=a.AnswerOut, paged=True)
def assessment_answer_history(ident: int):
    """Every answer ever given, oldest first (nothing is overwritten)."""
    assessment = assessments.get(db.session, current_user, ident)
    stmt = scoped_select(current_user, AssessmentAnswer).where(AssessmentAnswer.assessment_id == assessment.id)
    return jsonify(paginate(stmt.order_by(AssessmentAnswer.id), answer_json))


@bp.route("/accreditation/assessments/<int:ident>/prefill", methods=["POST"])
@operation("Mengambil ulang jawaban dari registri (operator LPKS)", tag=TAG,
           request=a.VersionInput, response=a.AssessmentDetailOut)
def assessment_prefill(ident: int):
    """Take the registry's answers again (LPKS operator)."""
    assessment = assessments.get(db.session, current_user, ident, WRITE)
    assessments.refresh_prefill(db.session, current_user, assessment, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment))


@bp.route("/accreditation/assessments/<int:ident>/adjustments", methods=["POST"])
@operation("Menyesuaikan satu indikator dengan alasan tertulis (Dinas Sosial kabupaten/kota, Pasal 87 huruf h)",
           tag=TAG,
           request=a.AdjustmentInput, response=a.AssessmentDetailOut)
def assessment_adjust(ident: int):
    """Adjust one indicator with a written reason (Dinas Sosial kabupaten/kota, during verification)."""
    assessment = assessments.get(db.session, current_user, ident, WRITE)
    assessments.adjust(db.session, current_user, assessment, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment))


@bp.route("/accreditation/assessments/<int:ident>/transitions", methods=["POST"])
@operation("Langkah alur kerja: submit, cancel, return, propose, return_to_kabkota, recommend, return_to_province, "
           "designate (grade, grade_reason, decree_number, decree_date). Peran lain → 403, status lain → 409, "
           "masukan kurang → 422", tag=TAG,
           request=a.TransitionInput, response=a.AssessmentDetailOut)
def assessment_transition(ident: int):
    """Take a workflow step: submit, cancel, return, propose, return_to_kabkota, recommend, return_to_province,
    designate."""
    assessment = assessments.get(db.session, current_user, ident, WRITE)
    steps.transition(db.session, current_user, assessment, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment))


@bp.route("/accreditation/assessments/<int:ident>/conflict-reasons", methods=["POST"])
@operation("Mencatat alasan meneruskan jawaban yang bertentangan dengan penilaian registri ('belum'); tanpa alasan "
           "itu usul, rekomendasi dan penetapan ditolak (Dinas Sosial kabupaten/kota, provinsi, Kementerian Sosial "
           "yang memegang penilaian)", tag=TAG,
           request=a.ConflictReasonInput,
           response=a.AssessmentDetailOut, status=201)
def assessment_conflict_reason(ident: int):
    """Record why an answer the registry's own evaluation contradicts may go forward (the reviewer holding it)."""
    assessment = assessments.get(db.session, current_user, ident, WRITE)
    conflicts.record_reason(db.session, current_user, assessment, json_body())
    return jsonify(assessment_detail(db.session, current_user, assessment)), 201


@bp.route("/accreditation/assessments/<int:ident>/events")
@operation("Riwayat alur kerja: siapa, kapan, mengapa", tag=TAG, response=a.EventOut, paged=True)
def assessment_events(ident: int):
    """The workflow history: who, when, why."""
    assessment = assessments.get(db.session, current_user, ident)
    stmt = scoped_select(current_user, AssessmentEvent).where(AssessmentEvent.assessment_id == assessment.id)
    return jsonify(paginate(stmt.order_by(AssessmentEvent.id), event_json))


# --- decisions, classes, compilations -----------------------------------------------------------------------------

@bp.route("/accreditation/decisions")
@operation("Keputusan penetapan akreditasi dalam lingkup pengguna", tag=TAG, response=a.AssessmentOut, paged=True)
def decision_list():
    """Designations (in force, expired, superseded) in the user's scope, newest decree first."""
    stmt = scoped_select(current_user, Assessment).where(Assessment.state.in_([s.value for s in DECIDED_STATES]))
    stmt = stmt.order_by(Assessment.decree_date.desc(), Assessment.id.desc())
    return jsonify(paginate(reports.named(stmt), _named_json))


@bp.route("/accreditation/expiring")
@operation("Akreditasi yang berakhir dalam 180 hari", tag=TAG, response=a.AssessmentOut, paged=True)
def expiring_list():
    """Designations whose validity ends within 180 days."""
    return jsonify(paginate(reports.named(reports.expiring_select(current_user)), _named_json))


@bp.route("/accreditation/classes")
@operation("Kelas setiap LPKS dalam lingkup, dengan setiap kriteria", tag=TAG, response=a.InstitutionClassOut,
           paged=True)
def class_list():
    """The class of every LPKS in the user's scope, with every criterion."""
    reports.require_reader(current_user)
    page = paginate(scoped_select(current_user, Institution).order_by(Institution.name, Institution.id), lambda i: i)
    views = classes.effective(db.session, page["items"])
    page["items"] = [{"institution_id": i.id, "institution_name": i.name, **views[i.id].as_api()}
                     for i in page["items"]]
    return jsonify(page)


@bp.route("/accreditation/classes/<int:ident>")
@operation("Kelas satu LPKS (id LPKS), dengan setiap kriteria", tag=TAG, response=a.InstitutionClassOut)
def class_detail(ident: int):
    """The class of one LPKS (by its id)."""
    reports.require_reader(current_user)
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify({"institution_id": inst.id, "institution_name": inst.name,
                    **classes.class_of(db.session, inst).as_api()})


@bp.route("/accreditation/report")
@operation("Rekap akreditasi dan kelas per provinsi atau per kabupaten/kota (Pasal 85 huruf h, 86 huruf f, 87 huruf "
           "f)", tag=TAG, params=[param("group", enum=["provinsi", "kabupaten_kota"])], response=a.CompilationOut)
def report():
    """Accreditation and class by province or by kabupaten/kota, in the user's scope."""
    compilation = reports.compile_report(db.session, current_user, request.args.get("group"))
    return jsonify({"group": compilation.group, "date": compilation.today.isoformat(), "regions": [
        {"code": r.code, "name": r.name, "lpks": r.total, "in_process": r.in_process, "expiring": r.expiring,
         "grades": {k or "none": v for k, v in r.grades.items()},
         "classes": {k or "none": v for k, v in r.classes.items()}} for r in compilation.regions]})
