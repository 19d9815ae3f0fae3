"""What the child's page shows on each tab — the child, the placements, the custody periods, the case and the
documents — each read within the user's scope (a tab the role may not read is not offered). Initials and register
numbers only: the full identity stays behind the audited reveal of the child tab."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.platform.labels import enum_label, pick
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident
from lpks.rules import LegalBasis
from lpks.rules.case_stages import Stage
from lpks.rules.custody import CustodyLevel
from lpks.rules.documents import document_labels
from lpks.security import READ, scope_clause
from lpks.security.permissions import POLICY

TABS = ("anak", "penempatan", "titipan", "kasus", "dokumen")
_MODELS = {"penempatan": Placement, "titipan": CustodyPeriod, "kasus": ChildCase, "dokumen": PlacementDocument}


def tabs_for(user: Any) -> tuple[str, ...]:
    """The tabs the user's role may read (the child tab always: the page is the child's)."""
    return tuple(t for t in TABS if t == "anak" or READ in POLICY.get(_MODELS[t], {}).get(user.role, {}))


def _placements(session: Session, user: Any, resident: Resident) -> list[Placement]:
    return list(session.scalars(select(Placement).where(Placement.resident_id == resident.id,
                                                        scope_clause(user, Placement, READ))
                                .order_by(Placement.start_date.desc(), Placement.id.desc())))


def tab_context(session: Session, user: Any, resident: Resident, tab: str) -> dict:
    """The rows of one tab."""
    if tab == "penempatan":
        return {"placements": [(p, enum_label(LegalBasis, p.basis)) for p in _placements(session, user, resident)]}
    if tab == "titipan":
        ids = [p.id for p in _placements(session, user, resident)]
        periods = list(session.scalars(select(CustodyPeriod).where(
            CustodyPeriod.placement_id.in_(ids), scope_clause(user, CustodyPeriod, READ))
            .order_by(CustodyPeriod.start_date, CustodyPeriod.id))) if ids else []
        return {"periods": [(c, enum_label(CustodyLevel, c.level)) for c in periods]}
    if tab == "kasus":
        cases = list(session.scalars(select(ChildCase).where(ChildCase.resident_id == resident.id,
                                                             scope_clause(user, ChildCase, READ))
                                     .order_by(ChildCase.id.desc())))
        return {"cases": [(c, enum_label(Stage, c.stage)) for c in cases]}
    if tab == "dokumen":
        ids = [p.id for p in _placements(session, user, resident)]
        docs = list(session.scalars(select(PlacementDocument).where(
            PlacementDocument.placement_id.in_(ids), scope_clause(user, PlacementDocument, READ))
            .order_by(PlacementDocument.placement_id.desc(), PlacementDocument.id))) if ids else []
        names = document_labels()
        return {"documents": [(d, pick(*names[d.code]) if d.code in names else "-") for d in docs]}
    return {}
