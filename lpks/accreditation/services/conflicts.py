"""Registry conflicts and the lawful status a designation rests on (Pasal 53–56; RULES §3): every reviewer sees the
registry's own evaluation beside an answer that contradicts it; an answer carried forward against it needs a
reviewer's recorded reason; Kemensos designates only an LPKS whose status and registration hold."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation.designation import (
    LAWFUL_STATUS_ITEMS,
    StatusItem,
    check_conflicts_resolved,
    check_lawful_status,
    registry_conflicts,
)
from accreditation.workflow import Action, WorkflowError, available_actions
from lpks.accreditation.models import (
    Assessment,
    AssessmentAnswer,
    AssessmentConflictReason,
)
from lpks.accreditation.services import assessments
from lpks.accreditation.services.registry_facts import registry_report, suggestions
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.institution import Institution
from lpks.security import WRITE, can

FORWARD = (Action.PROPOSE, Action.RECOMMEND, Action.DESIGNATE)
MAX_REASON = 2000


def reasons_of(session: Session, assessment: Assessment) -> list[AssessmentConflictReason]:
    """The reviewers' recorded reasons, oldest first."""
    return list(session.scalars(select(AssessmentConflictReason)
                                .where(AssessmentConflictReason.assessment_id == assessment.id)
                                .order_by(AssessmentConflictReason.id)))


def conflicts_of(session: Session, assessment: Assessment, rows: list[AssessmentAnswer] | None = None,
                 suggested: dict[str, tuple[str, str]] | None = None) -> dict[str, dict[str, Any]]:
    """{indicator: the answer in force, the registry's answer and why, the reason that carries it (or None)} for
    every answer the registry's own evaluation contradicts."""
    if suggested is None:
        inst = session.get(Institution, assessment.institution_id)
        suggested = suggestions(assessments.instrument_of(session, assessment), registry_report(session, inst))
    current = assessments.latest(assessments.answer_rows(session, assessment.id) if rows is None else rows)
    answers = {code: row.answer_code for code, row in current.items()}
    found = {}
    reasons = reasons_of(session, assessment)
    for code in registry_conflicts(answers, {code: value[0] for code, value in suggested.items()}):
        reason = next((r for r in reversed(reasons) if r.indicator_code == code and r.answer_code == answers[code]),
                      None)
        found[code] = {"indicator": code, "answer": answers[code], "registry_answer": suggested[code][0],
                       "registry_reason": suggested[code][1], "reason": reason}
    return found


def may_record(user: Any, assessment: Assessment) -> bool:
    """A reviewer whose forward step is pending (kabupaten/kota verifying, province, Kemensos) records reasons."""
    return can(user, WRITE, assessment) and any(t.action in FORWARD
                                                for t in available_actions(user.role, assessment.state))


def record_reason(session: Session, user: Any, assessment: Assessment, data: dict[str, Any]) -> AssessmentConflictReason:
    """Record why an answer the registry contradicts may go forward (RULES §3)."""
    if not can(user, WRITE, assessment):
        raise NotFound()
    if not may_record(user, assessment):
        raise Forbidden(_("Alasan atas jawaban yang bertentangan dengan registri dicatat oleh peninjau yang sedang "
                          "memegang penilaian ini (Dinas Sosial kabupaten/kota, provinsi atau Kementerian Sosial)."),
                        "indicator")
    code = str(data.get("indicator") or "").strip()
    reason = str(data.get("reason") or "").strip()
    conflict = conflicts_of(session, assessment).get(code)
    if conflict is None:
        raise ServiceError(_("Indikator %(code)s tidak bertentangan dengan penilaian registri.", code=code or "-"),
                           "indicator")
    if not reason:
        raise ServiceError(_("Alasan menerima jawaban yang bertentangan dengan registri wajib diisi."), "reason")
    if len(reason) > MAX_REASON:
        raise ServiceError(_("Alasan paling banyak %(limit)s karakter.", limit=MAX_REASON), "reason")
    row = AssessmentConflictReason(
        assessment_id=assessment.id, institution_id=assessment.institution_id, indicator_code=code,
        answer_code=conflict["answer"], registry_answer=conflict["registry_answer"], reason=reason,
        user_id=getattr(user, "id", None), username=getattr(user, "username", None), role=user.role, at=utcnow())
    session.add(row)
    session.flush()
    return row


def check_step(session: Session, assessment: Assessment, action: Action) -> None:
    """Before a forward step: every registry conflict carries a reviewer's reason; before a designation with a
    grade, the status and the registration hold in the registry (Pasal 53–56)."""
    if action not in FORWARD:
        return
    inst = session.get(Institution, assessment.institution_id)
    report = registry_report(session, inst)
    suggested = suggestions(assessments.instrument_of(session, assessment), report)
    found = conflicts_of(session, assessment, suggested=suggested)
    try:
        check_conflicts_resolved(found, [code for code, c in found.items() if c["reason"] is not None])
        if action is Action.DESIGNATE:  # the registry's records today, not an earlier verifier's finding
            items = [report.item(code) for code in LAWFUL_STATUS_ITEMS]
            check_lawful_status(StatusItem(i.code, i.computed_status.value, i.label_id, i.label_en, i.pasal,
                                           i.computed_reason, i.computed_reason_en) for i in items)
    except WorkflowError as exc:
        raise assessments.refused(exc) from None
