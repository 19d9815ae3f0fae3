"""How the assessment page shows each indicator: the answer in force, the LPKS's own, the adjustment, the
registry's suggestion. Presentation only."""
from __future__ import annotations

from dataclasses import dataclass

from accreditation import Instrument
from lpks.accreditation.models import AssessmentAnswer
from lpks.accreditation.services.assessments import SOURCE_VERIFIER


@dataclass
class IndicatorLine:
    """One indicator as a page shows it."""

    code: str
    label: str
    options: tuple
    current: AssessmentAnswer | None
    own: AssessmentAnswer | None  # the LPKS's latest answer (registry or self)
    adjustment: AssessmentAnswer | None  # the verifier's adjustment in force, if any
    suggestion: tuple[str, str] | None
    history: int


def lines(instr: Instrument, rows: list[AssessmentAnswer], suggested: dict[str, tuple[str, str]]):
    """Per aspect, its indicator lines (answer in force, the LPKS's own, the adjustment, the registry's)."""
    by_code: dict[str, list[AssessmentAnswer]] = {}
    for row in rows:
        by_code.setdefault(row.indicator_code, []).append(row)
    result = []
    for aspect in instr.aspects:
        items = []
        for ind in aspect.indicators:
            history = by_code.get(ind.code, [])
            current = history[-1] if history else None
            own = next((r for r in reversed(history) if r.source != SOURCE_VERIFIER), None)
            adjustment = current if current is not None and current.source == SOURCE_VERIFIER else None
            items.append(IndicatorLine(ind.code, ind.label_id, ind.answers, current, own, adjustment,
                                       suggested.get(ind.code), len(history)))
        result.append((aspect, items))
    return result
