"""JSON shapes of the accreditation API (the same data the pages show)."""
from __future__ import annotations

import json
from typing import Any

from sqlalchemy.orm import Session

from accreditation import Instrument
from accreditation.workflow import OPEN_STATES, STATE_LABELS, effective_state
from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
    AssessmentEvent,
)
from lpks.accreditation.services import assessments, conflicts, steps
from lpks.accreditation.services import evidence as answer_evidence
from lpks.platform import clock
from lpks.registry.models.institution import Institution


def _num(value) -> str | None:
    return None if value is None else format(value, "f")


def _iso(value) -> str | None:
    return None if value is None else value.isoformat()


def instrument_json(row: AccreditationInstrument, instr: Instrument | None = None) -> dict[str, Any]:
    """A stored version; with `instr`, its whole content."""
    body: dict[str, Any] = {"id": row.id, "version": row.version, "note": row.note, "based_on_id": row.based_on_id,
                            "created_by": row.created_by, "created_at": _iso(row.created_at)}
    if instr is not None:
        body["aspects"] = [{"code": a.code, "label": a.label_id, "weight": _num(a.weight), "indicators": [
            {"code": i.code, "label": i.label_id, "max_score": _num(i.max_score), "prefill": list(i.prefill),
             "answers": [{"code": o.code, "label": o.label_id, "score": _num(o.score)} for o in i.answers]}
            for i in a.indicators]} for a in instr.aspects]
        body["bands"] = [{"grade": b.grade.value if b.grade else None, "lower": _num(b.lower), "upper": _num(b.upper)}
                         for b in instr.bands]
        body["validity_years"] = {g.value: y for g, y in instr.validity_years}
        body["rows"] = json.loads(row.rows_json)
    return body


def assessment_json(a: Assessment, institution_name: str | None = None) -> dict[str, Any]:
    """The assessment's state, score and designation."""
    state = effective_state(a.state, a.valid_until, clock.today())
    return {"id": a.id, "institution_id": a.institution_id, "institution_name": institution_name,
            "instrument_id": a.instrument_id, "state": state.value, "state_label": STATE_LABELS[state][0],
            "recorded_state": a.state, "state_changed_at": _iso(a.state_changed_at), "total": _num(a.total),
            "band_grade": a.band_grade, "complete": a.complete, "submitted_at": _iso(a.submitted_at),
            "grade": a.grade, "grade_reason": a.grade_reason, "decree_number": a.decree_number,
            "decree_date": _iso(a.decree_date), "valid_until": _iso(a.valid_until), "version": a.version}


def answer_json(row: AssessmentAnswer) -> dict[str, Any]:
    """One answer row (history)."""
    return {"id": row.id, "indicator": row.indicator_code, "answer": row.answer_code, "source": row.source,
            "evidence": row.evidence, "evidence_ids": answer_evidence.stored_ids(row), "reason": row.reason, "username": row.username, "role": row.role,
            "at": _iso(row.at)}


def event_json(e: AssessmentEvent) -> dict[str, Any]:
    """One workflow event."""
    return {"id": e.id, "action": e.action, "from_state": e.from_state, "to_state": e.to_state, "note": e.note,
            "username": e.username, "role": e.role, "at": _iso(e.at), "total": _num(e.total),
            "band_grade": e.band_grade, "grade": e.grade}


OPEN = {state.value for state in OPEN_STATES}


def assessment_detail(session: Session, user: Any, a: Assessment) -> dict[str, Any]:
    """The assessment with its answers in force, the score per aspect, the steps open to the user."""
    inst = session.get(Institution, a.institution_id)
    rows = assessments.answer_rows(session, a.id)
    result = assessments.score_of(session, a, rows)
    body = assessment_json(a, inst.name if inst else None)
    body["instrument_version"] = result.instrument_version
    body["aspects"] = [{"code": s.code, "label": s.label_id, "weight": _num(s.weight), "score": _num(s.score),
                        "points": _num(s.points), "missing": list(s.missing)} for s in result.aspects]
    body["missing"] = list(result.missing)
    body["answers"] = {code: answer_json(row) for code, row in assessments.latest(rows).items()}
    # The documents the LPKS chose stay in force through a verifier's adjustment (its row names none).
    own = assessments.latest([r for r in rows if r.source != assessments.SOURCE_VERIFIER])
    for code, answer in body["answers"].items():
        answer["evidence_ids"] = answer_evidence.stored_ids(own.get(code))
    body["actions"] = [t.action.value for t in steps.actions_for(user, a)]
    # RULES §3: every reviewer sees where the registry's own evaluation contradicts an answer, and why it went on
    found = conflicts.conflicts_of(session, a, rows) if a.state in OPEN else {}
    body["registry_conflicts"] = [
        {"indicator": c["indicator"], "answer": c["answer"], "registry_answer": c["registry_answer"],
         "registry_reason": c["registry_reason"],
         "reason": ({"reason": c["reason"].reason, "username": c["reason"].username, "role": c["reason"].role,
                     "at": _iso(c["reason"].at)} if c["reason"] else None)} for c in found.values()]
    return body
