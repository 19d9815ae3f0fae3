"""Pre-fill instrument answers from the standards report, through each indicator's `prefill` item codes."""

from __future__ import annotations

from .catalogue import get_item
from .catalogue_model import SourceKind
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


def _known(report: StandardsReport, code: str) -> bool:
    """Whether the registry can answer the item: it has the data, or a verifier decided it (a manual item's
    computed "belum" only means nobody has looked yet)."""
    return get_item(code).source.kind is not SourceKind.MANUAL or report.item(code).decided_by == "verifikator"


def prefill_answers(instrument: Instrument, report: StandardsReport) -> dict[str, str]:
    """Suggested answers {indicator: answer} where an answer code equals the combined item status; an indicator
    resting on a manual item that no verifier has decided is left for the LPKS to answer."""
    suggested = {}
    for ind in instrument.indicators:
        if not ind.prefill or not all(_known(report, code) for code in ind.prefill):
            continue
        status = _combined([report.item(code).status for code in ind.prefill])
        if ind.answer(status.value) is not None:
            suggested[ind.code] = status.value
    return suggested
