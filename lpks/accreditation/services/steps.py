"""Workflow steps of an assessment (accreditation.workflow decides who may do what): submit, return, propose,
recommend, designate (Pasal 56, 85 huruf e, 86 huruf g, 87 huruf h), and the daily expiry. Every step is an event
row with who, when, why and the score at that moment; nothing is overwritten."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accreditation import AccreditationError, ScoreResult, valid_until
from accreditation.instrument import to_grade
from accreditation.workflow import (
    Action,
    State,
    WorkflowError,
    available_actions,
    check_complete,
    check_decree_in_force,
    check_designation,
    check_evidence,
    check_expiry,
    check_transition,
)
from lpks.accreditation.models import Assessment
from lpks.accreditation.services import assessments, classes, conflicts
from lpks.accreditation.services import evidence as answer_evidence
from lpks.platform import clock
from lpks.platform.dates import parse_date
from lpks.platform.errors import Collector, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.institution import Institution
from lpks.rules.labels import format_date_id
from lpks.security import WRITE, can
from lpks.security.access import check_version

MAX_NOTE = 2000
SYSTEM = {"id": None, "username": "sistem", "role": "sistem"}


def _move(session: Session, assessment: Assessment, user: Any, action: str, target: State, note: str | None,
          result: ScoreResult | None) -> None:
    before = assessment.state
    assessment.state = target.value
    assessment.state_changed_at = utcnow()
    assessment.updated_at = utcnow()
    assessments.record_event(session, assessment, user, action, before, target.value, note, result)


def _text(data: dict, key: str, label: str, limit: int) -> str | None:
    value = str(data.get(key) or "").strip()
    if len(value) > limit:
        raise ServiceError(_("%(label)s paling banyak %(limit)s karakter.", label=label, limit=limit), key)
    return value or None


def transition(session: Session, user: Any, assessment: Assessment, data: dict[str, Any]) -> Assessment:
    """Take one workflow step on an assessment in the user's scope."""
    if not can(user, WRITE, assessment):
        raise NotFound()
    note = _text(data, "note", _l("Catatan"), MAX_NOTE)
    try:
        step = check_transition(data.get("action") or "", user.role, assessment.state, reason=note or "")
    except WorkflowError as exc:
        raise assessments.refused(exc) from None
    check_version(assessment, data.get("version"))
    result = assessments.rescore(session, assessment)
    try:
        if step.action in (Action.SUBMIT, Action.DESIGNATE):
            check_complete(result.missing)
        if step.action is Action.SUBMIT:
            _check_evidence(session, assessment)
    except WorkflowError as exc:
        raise assessments.refused(exc) from None
    conflicts.check_step(session, assessment, step.action)
    if step.action is Action.DESIGNATE:
        _designate(session, user, assessment, data, result)
    if step.action is Action.SUBMIT:
        assessment.submitted_at = utcnow()
    _move(session, assessment, user, step.action.value, step.target, note, result)
    session.flush()
    if step.action is Action.DESIGNATE:
        _supersede(session, assessment)
        classes.recompute(session, [session.get(Institution, assessment.institution_id)], "penetapan")
        session.flush()
    return assessment


def _check_evidence(session: Session, assessment: Assessment) -> None:
    instr = assessments.instrument_of(session, assessment)
    rows = assessments.answer_rows(session, assessment.id)
    current = assessments.latest(rows)
    own = assessments.latest([r for r in rows if r.source != assessments.SOURCE_VERIFIER])
    items = []
    for ind in instr.indicators:
        row = current.get(ind.code)
        if row is None or row.answer_code is None:
            continue
        mine = own.get(ind.code)
        confirmed = row.source in (assessments.SOURCE_REGISTRY, assessments.SOURCE_VERIFIER)
        items.append((ind.code, ind.answer(row.answer_code).score, confirmed, mine.evidence if mine else None))
    check_evidence(items)
    _check_cited_documents(session, own)


def _check_cited_documents(session: Session, own: dict) -> None:
    """Every document an answer cites still exists when the file goes to review (from then on it is frozen): a
    document deleted during the draft would leave the reviewers a dangling id."""
    cited = {(code, ident) for code, row in own.items() for ident in answer_evidence.stored_ids(row)}
    if not cited:
        return
    present = set(session.scalars(select(EvidenceDocument.id).where(
        EvidenceDocument.id.in_({ident for _code, ident in cited}))))
    missing = sorted((code, ident) for code, ident in cited if ident not in present)
    if missing:
        code, ident = missing[0]
        raise ServiceError(_("Jawaban %(code)s mengutip dokumen bukti #%(doc)s yang sudah dihapus: pilih ulang dokumen "
                             "buktinya sebelum mengajukan penilaian.", code=code, doc=ident), "evidence_ids")


def _designate(session: Session, user: Any, assessment: Assessment, data: dict[str, Any],
               result: ScoreResult) -> None:
    """Grade from the bands unless a reason says otherwise; validity from the grade (Pasal 56, 85 huruf e)."""
    raw = data.get("grade")
    check = Collector()
    grade = result.grade
    try:
        if raw not in (None, ""):
            grade = None if str(raw).strip().lower() == "none" else to_grade(raw, "grade")
    except AccreditationError as exc:
        check.add(exc.message, "grade")
    reason = check(_text, data, "grade_reason", _l("Alasan nilai akreditasi"), MAX_NOTE)
    number = check(_text, data, "decree_number", _l("Nomor keputusan"), 100)
    decree_date = check(parse_date, data.get("decree_date"), "decree_date", _l("Tanggal keputusan"), required=False)
    try:
        check_designation(result.grade, grade, reason, number, decree_date, clock.today())
    except WorkflowError as exc:
        for problem in exc.problems:
            if not check.failed(problem.field):
                check.add(problem.message, problem.field)
    check.done()
    instr = assessments.instrument_of(session, assessment)
    try:
        until = valid_until(decree_date, grade, instr) if grade is not None else None
    except AccreditationError as exc:
        raise ServiceError(exc.message, "grade") from None
    try:
        check_decree_in_force(decree_date, until, _local_day(assessment.submitted_at),
                              _decree_in_force(session, assessment), clock.today())
    except WorkflowError as exc:
        raise assessments.refused(exc) from None
    assessment.grade = grade.value if grade is not None else None
    assessment.grade_reason = reason if grade != result.grade else None
    assessment.decree_number, assessment.decree_date, assessment.valid_until = number, decree_date, until
    assessment.designated_by_id, assessment.designated_at = user.id, utcnow()
    inst = session.get(Institution, assessment.institution_id)
    if grade is not None and hasattr(inst, "designation_decree_number"):
        # The registry's profile records the Minister's designation decree (Pasal 56): keep it current.
        inst.designation_decree_number, inst.designation_decree_date = number, decree_date
        inst.updated_at = utcnow()


def _local_day(moment: datetime | None) -> date | None:
    """The local date of a stored moment (SQLite hands back naive UTC)."""
    if moment is None:
        return None
    return (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(clock.local_zone()).date()


def _decree_in_force(session: Session, assessment: Assessment) -> date | None:
    """The decree date of the LPKS's designation in force today (another assessment), if any."""
    today = clock.today()
    return session.scalar(select(func.max(Assessment.decree_date)).where(
        Assessment.institution_id == assessment.institution_id, Assessment.id != assessment.id,
        Assessment.state == State.DESIGNATED.value,
        or_(Assessment.valid_until.is_(None), Assessment.valid_until >= today)))


def _supersede(session: Session, assessment: Assessment) -> None:
    older = session.scalars(select(Assessment).where(
        Assessment.institution_id == assessment.institution_id, Assessment.id != assessment.id,
        Assessment.state == State.DESIGNATED.value))
    for other in older:
        check_transition(Action.SUPERSEDE, SYSTEM["role"], other.state)
        _move(session, other, SYSTEM, Action.SUPERSEDE.value, State.SUPERSEDED,
              f"Digantikan penetapan #{assessment.id} ({assessment.decree_number}).", None)


@dataclass(frozen=True)
class ExpiryRun:
    """What the daily expiry did."""

    expired: int
    classes_changed: int


def expire_due(session: Session, today: date | None = None) -> ExpiryRun:
    """Record every designation whose last valid day has passed as expired, and classify those LPKS again."""
    today = today or clock.today()
    due = list(session.scalars(select(Assessment).where(Assessment.state == State.DESIGNATED.value,
                                                        Assessment.valid_until < today).order_by(Assessment.id)))
    for assessment in due:
        check_expiry(assessment.state, assessment.valid_until, today)
        _move(session, assessment, SYSTEM, Action.EXPIRE.value, State.EXPIRED,
              f"Masa berlaku berakhir {format_date_id(assessment.valid_until)}.", None)
    session.flush()
    # Every LPKS: classes resting on an expired accreditation, and LPKS without a stored class yet.
    changed = classes.recompute(session, session.scalars(select(Institution).order_by(Institution.id)), "kedaluwarsa",
                                today)
    session.flush()
    return ExpiryRun(len(due), len(changed))


def actions_for(user: Any, assessment: Assessment):
    """The steps the user may take now (for buttons)."""
    if not can(user, WRITE, assessment):
        return ()
    return available_actions(user.role, assessment.state)


def designation_preview(session: Session, assessment: Assessment, result: ScoreResult) -> dict[str, Any] | None:
    """For the designation form: the bands' grade and the validity it would give if decreed today."""
    if assessment.state != State.RECOMMENDED.value:
        return None
    today = clock.today()
    until = None
    if result.grade is not None:
        until = valid_until(today, result.grade, assessments.instrument_of(session, assessment))
    return {"band_grade": result.grade.value if result.grade else None, "valid_until": until, "today": today}
