"""Evaluate an LPKS against the standards of Pasal 52 ayat (4): per item, per aspect and overall compliance.

Rules fixed here (RULES §2 and the decisions where it is silent):
- Compliance of an aspect = points / mandatory items, terpenuhi 1 point, sebagian 1/2, belum 0 (RULES §2);
  optional items (Pasal 61 ayat (2)) are evaluated and shown but never counted nor listed as unmet.
- Percentages are Decimals 0.00–100.00, computed exactly and rounded half up to 2 decimals once (rounding.py).
- Overall compliance = unweighted mean of the seven aspect compliances (each aspect of Pasal 52 ayat (4) counts
  the same, so 43 facility items cannot drown the 3 status items), from exact values, rounded once.
- A verifier's finding, when present, decides the item's status; the computed status and reason stay visible
  next to it (`computed_status`, `computed_reason`), so a disagreement can be seen and discussed.
- Unmet = every mandatory item whose effective status is not terpenuhi (sebagian included), with its Pasal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .catalogue import ASPECTS
from .catalogue_model import StandardItem
from .rounding import percent
from .standards_checks import compute
from .standards_facts import InstitutionFacts, ItemStatus
from .standards_input import normalise

POINTS = {ItemStatus.TERPENUHI: Fraction(1), ItemStatus.SEBAGIAN: Fraction(1, 2), ItemStatus.BELUM: Fraction(0)}


@dataclass(frozen=True)
class ItemResult:
    """Result of one item: the effective status, and both the computed and the verifier's view."""

    code: str
    aspect: str
    label_id: str
    label_en: str
    pasal: str
    mandatory: bool
    status: ItemStatus
    reason: str
    reason_en: str
    decided_by: str  # "verifikator" or "sistem"
    computed_status: ItemStatus
    computed_reason: str
    computed_reason_en: str
    verifier_status: ItemStatus | None = None
    verifier_note: str = ""


@dataclass(frozen=True)
class AspectResult:
    """One aspect: its items, compliance 0.00–100.00 and the unmet mandatory items."""

    code: str
    label_id: str
    label_en: str
    pasal: str
    items: tuple[ItemResult, ...]
    compliance: Decimal
    mandatory_count: int
    points: Fraction
    unmet: tuple[ItemResult, ...]


@dataclass(frozen=True)
class StandardsReport:
    """The standards report of one LPKS on one date."""

    as_of: date
    aspects: tuple[AspectResult, ...]
    compliance: Decimal

    @property
    def unmet(self) -> tuple[ItemResult, ...]:
        """Every unmet mandatory item of every aspect, in catalogue order."""
        return tuple(item for aspect in self.aspects for item in aspect.unmet)

    def aspect(self, code: str) -> AspectResult:
        """The result of aspect a–g."""
        return next(a for a in self.aspects if a.code == code)

    def item(self, code: str) -> ItemResult:
        """The result of one item by code."""
        return next(i for a in self.aspects for i in a.items if i.code == code)


def _item_result(item: StandardItem, facts: InstitutionFacts) -> ItemResult:
    computed = compute(item, facts)
    finding = facts.verifier_findings.get(item.code)
    common = dict(code=item.code, aspect=item.aspect, label_id=item.label_id, label_en=item.label_en,
                  pasal=item.pasal, mandatory=item.mandatory, computed_status=computed.status,
                  computed_reason=computed.reason, computed_reason_en=computed.reason_en)
    if finding is None:
        return ItemResult(**common, status=computed.status, reason=computed.reason, reason_en=computed.reason_en,
                          decided_by="sistem")
    note = f": {finding.note}" if finding.note else ""
    return ItemResult(**common, status=finding.status, decided_by="verifikator",
                      reason=f"Temuan verifikator: {finding.status.value}{note}",
                      reason_en=f"Verifier's finding: {finding.status.value}{note}",
                      verifier_status=finding.status, verifier_note=finding.note)


def evaluate(facts: InstitutionFacts) -> StandardsReport:
    """Evaluate every item of Pasal 52 ayat (4) huruf a–g; raises AccreditationError on unknown codes or values."""
    facts = normalise(facts)
    aspects = []
    shares = []
    for aspect in ASPECTS:
        items = tuple(_item_result(item, facts) for item in aspect.items)
        mandatory = [i for i in items if i.mandatory]
        points = sum((POINTS[i.status] for i in mandatory), Fraction(0))
        shares.append(points / len(mandatory) if mandatory else Fraction(1))
        aspects.append(AspectResult(
            code=aspect.code, label_id=aspect.label_id, label_en=aspect.label_en, pasal=aspect.pasal, items=items,
            compliance=percent(points, len(mandatory)), mandatory_count=len(mandatory), points=points,
            unmet=tuple(i for i in mandatory if i.status is not ItemStatus.TERPENUHI),
        ))
    overall = percent(sum(shares, Fraction(0)), len(shares))
    return StandardsReport(as_of=facts.as_of, aspects=tuple(aspects), compliance=overall)
