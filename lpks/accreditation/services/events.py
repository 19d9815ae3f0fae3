"""The accreditation workflow's history: the answers in force and the append-only events (who, when, why, the
score then)."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import ScoreResult
from lpks.accreditation.models import Assessment, AssessmentAnswer, AssessmentEvent
from lpks.platform.models.base import utcnow


def answer_rows(session: Session, assessment_id: int) -> list[AssessmentAnswer]:
    """Every answer row of an assessment, oldest first."""
    return list(session.scalars(select(AssessmentAnswer).where(AssessmentAnswer.assessment_id == assessment_id)
                                .order_by(AssessmentAnswer.id)))


def latest(rows: list[AssessmentAnswer]) -> dict[str, AssessmentAnswer]:
    """The row in force per indicator."""
    current: dict[str, AssessmentAnswer] = {}
    for row in rows:
        current[row.indicator_code] = row
    return current


def _who(user: Any) -> tuple[int | None, str, str]:
    if isinstance(user, dict):
        return user.get("id"), user.get("username") or "sistem", user.get("role") or "sistem"
    return user.id, user.username, user.role


def _snapshot(result: ScoreResult | None, answers: dict[str, str | None]) -> str | None:
    if result is None:
        return None
    return json.dumps({"instrument": result.instrument_version, "total": str(result.total),
                       "answers": answers,
                       "aspects": {a.code: {"score": str(a.score), "points": str(a.points)} for a in result.aspects}},
                      ensure_ascii=False, separators=(",", ":"))


def record_event(session: Session, assessment: Assessment, user: Any, action: str, from_state: str | None,
                 to_state: str, note: str | None, result: ScoreResult | None = None) -> AssessmentEvent:
    """Append one event (who, when, why, the score then)."""
    user_id, username, role = _who(user)
    answers = None
    if result is not None:
        current = latest(answer_rows(session, assessment.id))
        answers = {code: row.answer_code for code, row in current.items()}
    event = AssessmentEvent(assessment_id=assessment.id, institution_id=assessment.institution_id, action=action,
                            from_state=from_state, to_state=to_state, note=(note or "").strip() or None,
                            user_id=user_id, username=username, role=role, at=utcnow(), total=assessment.total,
                            band_grade=assessment.band_grade, grade=assessment.grade,
                            snapshot=_snapshot(result, answers or {}))
    session.add(event)
    return event
