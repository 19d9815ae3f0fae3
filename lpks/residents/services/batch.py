"""Registering many residents at once (the Excel import): the checks of residents.create, in a few queries."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lpks.platform.errors import Conflict, ServiceError, error_list
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents

Errors = list[tuple[str | None, str]]


def create_many(session: Session, user: Any, items: list[dict[str, Any]]) -> list[Errors]:
    """Register every valid item in one flush; return each item's errors as (field, message), empty when created.

    Same checks and outcome as calling residents.create for each item in turn: role and LPKS scope, clean(),
    register numbers unique in the LPKS (earlier items included), automatic numbers in sequence. Each creation
    is audited by the ORM change listener, as for a single registration. Raises Conflict if another
    registration took a number in between (the caller's transaction must then be rolled back).
    """
    try:
        institution_id = residents.registering_institution(user, {})
        refused: Errors = []
    except ServiceError as exc:
        institution_id, refused = 0, error_list(exc)
    names = residents.labels()  # translated once for the whole batch
    errors: list[Errors] = []
    cleaned: list[dict[str, Any] | None] = []
    for item in items:
        try:
            values = residents.clean(item, names=names)
        except ServiceError as exc:
            errors.append(error_list(exc))
            cleaned.append(None)
            continue
        errors.append(list(refused))
        cleaned.append(None if refused else values)
    if refused:
        return errors
    taken, matched = _numbers_in_use(session, institution_id)
    prefix = residents.register_prefix()
    new = []
    for index, values in enumerate(cleaned):
        if values is None:
            continue
        number = values.get("register_number")
        if not number:
            count = matched  # as residents._next_register_number: count this year's numbers, then skip taken ones
            while (number := f"{prefix}{(count := count + 1):04d}") in taken:
                pass
            values["register_number"] = number
        elif number in taken:
            errors[index] = error_list(residents.register_taken(number))
            continue
        taken.add(number)
        matched += number.startswith(prefix)
        new.append(Resident(institution_id=institution_id, **values))
    session.add_all(new)
    try:
        session.flush()
    except IntegrityError:  # another registration took a number between the check and the insert
        raise Conflict(_("Nomor register sudah dipakai."), "register_number") from None
    return errors


def _numbers_in_use(session: Session, institution_id: int) -> tuple[set[str], int]:
    """Every register number of the LPKS (a few thousand at most: one query, no IN list of the batch's numbers),
    and how many carry this year's prefix (counted as residents._next_register_number counts them)."""
    taken = set(session.scalars(select(Resident.register_number).where(Resident.institution_id == institution_id)))
    matched = session.scalar(select(func.count()).select_from(Resident).where(
        Resident.institution_id == institution_id, Resident.register_number.like(residents.register_prefix() + "%")))
    return taken, matched or 0
