"""Pre-fill instrument answers from the standards report, through each indicator's `prefill` item codes."""

from __future__ import annotations

from .instrument import Instrument
from .standards import StandardsReport
from .standards_facts import ItemStatus


def _combined(statuses: list[ItemStatus]) -> ItemStatus:
    """All met → terpenuhi; none met nor partly met → belum; anything else → sebagian."""
    if all(s is ItemStatus.TERPENUHI for s in statuses):
        return ItemStatus.TERPENUHI
    if all(s is ItemStatus.BELUM for s in statuses):
        return ItemStatus.BELUM
    return ItemStatus.SEBAGIAN


def prefill_answers(instrument: Instrument, report: StandardsReport) -> dict[str, str]:
    """Suggested answers {indicator: answer} where an answer code equals the combined item status."""
    suggested = {}
    for ind in instrument.indicators:
        if not ind.prefill:
            continue
        status = _combined([report.item(code).status for code in ind.prefill])
        if ind.answer(status.value) is not None:
            suggested[ind.code] = status.value
    return suggested
