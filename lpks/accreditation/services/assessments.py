"""Accreditation assessments (Pasal 56, 85–87; RULES §3): self-assessment, pre-fill from the registry, answers,
adjustments and the running score. Steps of the workflow are in steps.py, its history in events.py; no rule
lives here.

Answers are append-only rows: the latest row per indicator counts, every earlier one stays (who, when, why).
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import Instrument, ScoreResult, score
from accreditation.workflow import (
    OPEN_STATES,
    WorkflowError,
    check_adjustment,
    check_answer,
    check_start,
)
from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
)
from lpks.accreditation.services import evidence as answer_evidence
from lpks.accreditation.services import instruments
from lpks.accreditation.services.events import answer_rows, latest, record_event
from lpks.accreditation.services.registry_facts import registry_report, suggestions
from lpks.platform.errors import Conflict, FieldErrors, Forbidden, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.numbers import as_id
from lpks.registry.models.institution import Institution
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version, get_scoped

SOURCE_REGISTRY, SOURCE_SELF, SOURCE_VERIFIER = "registry", "self", "verifier"
MAX_EVIDENCE = 2000


def refused(exc: WorkflowError) -> ServiceError:
    """A workflow refusal as the HTTP-shaped error: role 403, state 409, input 422."""
    if exc.kind == "role":
        return Forbidden(exc.message, exc.field)
    if exc.kind == "state":
        return Conflict(exc.message, exc.field)
    if len(exc.problems) > 1:  # every input at once, each beside its field
        return FieldErrors([ServiceError(p.message, p.field) for p in exc.problems])
    return ServiceError(exc.message, exc.field)


# --- loading -----------------------------------------------------------------------------------------------------

def instrument_of(session: Session, assessment: Assessment) -> Instrument:
    """The instrument version the assessment is scored with (never the newest by accident)."""
    return instruments.load(session.get(AccreditationInstrument, assessment.instrument_id))


def score_of(session: Session, assessment: Assessment, rows: list[AssessmentAnswer] | None = None) -> ScoreResult:
    """Score the answers in force with the assessment's own instrument (reads only)."""
    rows = answer_rows(session, assessment.id) if rows is None else rows
    answers = {code: row.answer_code for code, row in latest(rows).items() if row.answer_code is not None}
    return score(instrument_of(session, assessment), answers)


def rescore(session: Session, assessment: Assessment, rows: list[AssessmentAnswer] | None = None) -> ScoreResult:
    """Score the answers in force and keep the figures on the assessment (lists and dashboards read them)."""
    result = score_of(session, assessment, rows)
    if (assessment.total, assessment.band_grade, assessment.complete) == (
            result.total, result.grade.value if result.grade else None, result.complete):
        return result
    assessment.total = result.total
    assessment.band_grade = result.grade.value if result.grade else None
    assessment.complete = result.complete
    return result


def get(session: Session, user: Any, ident, action: str = READ) -> Assessment:
    """One assessment within the user's scope (404 otherwise)."""
    return get_scoped(session, user, Assessment, ident, action)


def _add(session, assessment: Assessment, user: Any, code: str, answer: str | None, source: str,
         evidence: str | None = None, reason: str | None = None,
         evidence_ids: list[int] | None = None) -> AssessmentAnswer:
    row = AssessmentAnswer(assessment_id=assessment.id, institution_id=assessment.institution_id,
                           indicator_code=code, answer_code=answer, source=source, evidence=evidence, reason=reason,
                           evidence_ids=answer_evidence.dump_ids(evidence_ids or []),
                           user_id=getattr(user, "id", None), username=getattr(user, "username", None) or "sistem",
                           role=getattr(user, "role", None) or "sistem", at=utcnow())
    session.add(row)
    return row


# --- the LPKS's self-assessment ----------------------------------------------------------------------------------

def _open_assessment(session: Session, institution_id: int) -> int | None:
    """The id of the LPKS's assessment in progress, if any (one at a time)."""
    return session.scalar(select(Assessment.id).where(
        Assessment.institution_id == institution_id, Assessment.state.in_([s.value for s in OPEN_STATES])).limit(1))


def startable_institution(session: Session, user: Any) -> Institution | None:
    """The LPKS this user may start a self-assessment for now (the workflow's start rule), or None."""
    ident = getattr(user, "institution_id", None)
    if not ident:
        return None
    inst = session.get(Institution, ident)
    if inst is None or not can(user, WRITE, Assessment(institution_id=inst.id)):
        return None
    has_open = _open_assessment(session, inst.id)
    try:
        check_start(user.role, has_open is not None)
    except WorkflowError:
        return None
    return inst


def start(session: Session, user: Any, data: dict[str, Any]) -> Assessment:
    """Open a self-assessment for the LPKS with the current instrument, pre-filled from the registry."""
    ident = data.get("institution_id") or getattr(user, "institution_id", None)
    if ident in (None, "") or as_id(ident) is None:
        raise ServiceError(_("LPKS wajib dipilih."), "institution_id")
    inst = get_scoped(session, user, Institution, as_id(ident))
    if not can(user, WRITE, Assessment(institution_id=inst.id)):
        raise Forbidden()
    has_open = _open_assessment(session, inst.id)
    try:
        check_start(user.role, has_open is not None)
    except WorkflowError as exc:
        raise refused(exc) from None
    row, _created = instruments.ensure_default(session)
    assessment = Assessment(institution_id=inst.id, instrument_id=row.id, started_by_id=user.id)
    session.add(assessment)
    session.flush()
    instr = instruments.load(row)
    for code, (answer, why) in suggestions(instr, registry_report(session, inst)).items():
        _add(session, assessment, user, code, answer, SOURCE_REGISTRY, reason=why)
    session.flush()
    rescore(session, assessment)
    record_event(session, assessment, user, "start", None, assessment.state, None)
    session.flush()
    return assessment


def _clean_answers(instr: Instrument, raw: Any) -> dict[str, tuple[str | None, str | None]]:
    if not isinstance(raw, dict) or not raw:
        raise ServiceError(_("Jawaban wajib dikirim sebagai objek {kode indikator: {answer, evidence}}."), "answers")
    indicators = {ind.code: ind for ind in instr.indicators}
    cleaned = {}
    for code, value in raw.items():
        ind = indicators.get(code)
        if ind is None:
            raise ServiceError(_("Indikator '%(code)s' tidak ada dalam instrumen versi %(version)s.",
                                 code=code, version=instr.version), "answers")
        value = value if isinstance(value, dict) else {"answer": value}
        answer = (str(value.get("answer") or "").strip()) or None
        if answer is not None and ind.answer(answer) is None:
            choices = ", ".join(a.code for a in ind.answers)
            raise ServiceError(_("Jawaban '%(answer)s' tidak tersedia untuk indikator %(code)s; pilihan: %(choices)s.",
                                 answer=answer, code=code, choices=choices),
                               f"answers.{code}")
        evidence = (str(value.get("evidence") or "").strip()) or None
        if evidence and len(evidence) > MAX_EVIDENCE:
            raise ServiceError(_("Bukti indikator %(code)s paling banyak %(limit)s karakter.",
                                 code=code, limit=MAX_EVIDENCE), f"answers.{code}")
        cleaned[code] = (answer, evidence)
    return cleaned


def save_answers(session: Session, user: Any, assessment: Assessment, data: dict[str, Any]) -> ScoreResult:
    """The LPKS answers (draft or returned); an answer equal to the registry's counts as confirmed by it."""
    if not can(user, WRITE, assessment):
        raise NotFound()
    try:
        check_answer(user.role, assessment.state)
    except WorkflowError as exc:
        raise refused(exc) from None
    check_version(assessment, data.get("version"))
    instr = instrument_of(session, assessment)
    cleaned = _clean_answers(instr, data.get("answers"))
    chosen = {code: answer_evidence.clean_ids(session, assessment.institution_id, value["evidence_ids"],
                                              f"answers.{code}.evidence_ids")
              for code, value in data["answers"].items() if isinstance(value, dict) and "evidence_ids" in value}
    inst = session.get(Institution, assessment.institution_id)
    suggested = suggestions(instr, registry_report(session, inst))
    rows = answer_rows(session, assessment.id)
    current = latest(rows)
    own = latest([r for r in rows if r.source != SOURCE_VERIFIER])
    for code, (answer, evidence) in cleaned.items():
        row, mine = current.get(code), own.get(code)
        # Documents not sent are kept (a client that does not know them does not drop them).
        ids = chosen.get(code, answer_evidence.stored_ids(mine))
        if (row is not None and row.answer_code == answer and (mine.evidence if mine else None) == evidence
                and answer_evidence.stored_ids(mine) == ids):
            continue  # unchanged: no row, so the history shows only real changes
        registry = suggested.get(code)
        if registry is not None and registry[0] == answer and answer is not None:
            rows.append(_add(session, assessment, user, code, answer, SOURCE_REGISTRY, evidence, registry[1], ids))
        else:
            rows.append(_add(session, assessment, user, code, answer, SOURCE_SELF, evidence, evidence_ids=ids))
        assessment.updated_at = utcnow()  # any change of answers is a new version of the assessment
    session.flush()
    result = rescore(session, assessment, rows)
    session.flush()
    return result


def refresh_prefill(session: Session, user: Any, assessment: Assessment, data: dict[str, Any]) -> int:
    """Take the registry's answers again where the answer in force is the registry's or none; returns changes."""
    if not can(user, WRITE, assessment):
        raise NotFound()
    try:
        check_answer(user.role, assessment.state)
    except WorkflowError as exc:
        raise refused(exc) from None
    check_version(assessment, data.get("version"))
    inst = session.get(Institution, assessment.institution_id)
    rows = answer_rows(session, assessment.id)
    current = latest(rows)
    changed = 0
    for code, (answer, why) in suggestions(instrument_of(session, assessment), registry_report(session, inst)).items():
        row = current.get(code)
        if row is None or row.answer_code is None or (row.source == SOURCE_REGISTRY and row.answer_code != answer):
            # The documents the LPKS chose stay with the indicator when the registry's answer is taken again.
            rows.append(_add(session, assessment, user, code, answer, SOURCE_REGISTRY, reason=why,
                             evidence_ids=answer_evidence.stored_ids(row)))
            changed += 1
    if changed:
        assessment.updated_at = utcnow()
    session.flush()
    rescore(session, assessment, rows)
    session.flush()
    return changed


def adjust(session: Session, user: Any, assessment: Assessment, data: dict[str, Any]) -> ScoreResult:
    """The Dinas Sosial kabupaten/kota adjusts one indicator with a written reason (Pasal 87 huruf h)."""
    if not can(user, WRITE, assessment):
        raise NotFound()
    reason = (str(data.get("reason") or "")).strip()
    try:
        check_adjustment(user.role, assessment.state, reason)
    except WorkflowError as exc:
        raise refused(exc) from None
    check_version(assessment, data.get("version"))
    if len(reason) > MAX_EVIDENCE:
        raise ServiceError(_("Alasan paling banyak %(limit)s karakter.", limit=MAX_EVIDENCE), "reason")
    instr = instrument_of(session, assessment)
    code = str(data.get("indicator") or "").strip()
    indicator = next((i for i in instr.indicators if i.code == code), None)
    if indicator is None:
        raise ServiceError(_("Indikator '%(code)s' tidak ada dalam instrumen versi %(version)s.",
                             code=code, version=instr.version), "indicator")
    answer = str(data.get("answer") or "").strip()
    if indicator.answer(answer) is None:
        choices = ", ".join(a.code for a in indicator.answers)
        raise ServiceError(_("Jawaban '%(answer)s' tidak tersedia untuk indikator %(code)s; pilihan: %(choices)s.",
                             answer=answer, code=code, choices=choices), "answer")
    rows = answer_rows(session, assessment.id)
    current = latest(rows).get(code)
    if current is not None and current.answer_code == answer:
        raise ServiceError(_("Jawaban indikator %(code)s sudah '%(answer)s'; tidak ada yang disesuaikan.",
                             code=code, answer=answer), "answer")
    rows.append(_add(session, assessment, user, code, answer, SOURCE_VERIFIER, reason=reason))
    assessment.updated_at = utcnow()
    session.flush()
    result = rescore(session, assessment, rows)
    session.flush()
    return result


__all__ = ["adjust", "answer_rows", "get", "latest", "record_event", "refresh_prefill", "rescore", "save_answers",
           "start"]
