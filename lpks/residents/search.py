"""Finding a child in the lists of children, placements, custody periods and cases: by register number, initials or
the LPKS's name — never by the child's name (SPPA Pasal 19).

Why the lists' search box posts its term (POST) and the list's address carries only what it found to search: a term
is typed before anyone knows what it is, and a child's name typed into a GET form would land in the address, the
browser's history and the server's access log. The POST is classified here: a register number, initials (written
with dots, "B.S.", or 2–3 capitals) or the name of an LPKS the user may see go into the list's address, as the list
itself shows them; anything else (it could be a name) is answered "not searchable" and goes nowhere — neither the
address nor a log. A term reaching the list by its address is classified again, so a typed address cannot search
by name either."""
from __future__ import annotations

import re
from typing import Any

from sqlalchemy import false, func, or_, select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.registry.models.institution import Institution
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from lpks.security import READ, scope_clause

MAX_TERM = 100
# register numbers hold digits (ABH-2026-0001) or are capital codes joined by - or / (REG-EKSPOR)
REGISTER = re.compile(r"^(?:(?=.*\d)[A-Za-z0-9./\-]{3,40}|[A-Z0-9]+(?:[-/][A-Z0-9]+)+)$")
INITIALS = re.compile(r"^(?:(?:[A-Za-z]\.\s?){1,8}[A-Za-z]?|[A-Z]{2,3})$")  # "B.S.", "B.S", "BS"


def _initials_key(text: str) -> str:
    return re.sub(r"[^A-Z]", "", text.upper())


def kind_of(term: str) -> str | None:
    """What a typed term is: "register", "initials", or None (it may be a name: not searched, not kept)."""
    term = (term or "").strip()
    if not term or len(term) > MAX_TERM:
        return None
    if REGISTER.match(term):
        return "register"
    if INITIALS.match(term):
        return "initials"
    return None


def institutions_named(user: Any, term: str):
    """The LPKS the user may see whose name contains `term` (case-insensitive), as a subquery of ids; None when the
    term is too short or too long to be a name."""
    term = (term or "").strip()
    if len(term) < 3 or len(term) > MAX_TERM:
        return None
    return select(Institution.id).where(scope_clause(user, Institution, READ),
                                        func.lower(Institution.name).contains(term.lower(), autoescape=True))


def searchable(session: Session, user: Any, term: str) -> bool:
    """Whether `term` may be searched (and may therefore appear in the list's address)."""
    if kind_of(term) is not None:
        return True
    named = institutions_named(user, term)
    return named is not None and session.scalar(select(named.limit(1).exists())) is True


def _residents(term: str):
    """The residents a register number or initials term finds (a subquery of ids)."""
    kind, term = kind_of(term), term.strip()
    if kind == "register":
        return select(Resident.id).where(func.upper(Resident.register_number).contains(term.upper(), autoescape=True))
    if kind == "initials":
        key = _initials_key(term)
        return select(Resident.id).where(func.upper(func.replace(Resident.initials, ".", "")) == key)
    return None


def clause(user: Any, model: type, term: str):
    """The rows of `model` (Resident, Placement, CustodyPeriod, ChildCase) the term finds; false() when it finds
    nothing searchable. The list's own scope still applies: this only narrows it."""
    residents = _residents(term)
    institutions = institutions_named(user, term)
    if model is Resident:
        by_child = Resident.id.in_(residents) if residents is not None else None
    elif model is CustodyPeriod:
        by_child = (CustodyPeriod.placement_id.in_(select(Placement.id).where(Placement.resident_id.in_(residents)))
                    if residents is not None else None)
    else:
        by_child = model.resident_id.in_(residents) if residents is not None else None
    by_lpks = model.institution_id.in_(institutions) if institutions is not None else None
    parts = [p for p in (by_child, by_lpks) if p is not None]
    return or_(*parts) if parts else false()


SEARCHABLE_MODELS = (Resident, Placement, CustodyPeriod, ChildCase)
