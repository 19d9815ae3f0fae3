"""Stored stays for the figure tests: residents, placements and titipan periods written as the services store them
(the figures read stored columns only), with the dates each boundary test needs."""
from __future__ import annotations

import itertools
from datetime import date, datetime, timezone

from sqlalchemy import select

from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident

_numbers = itertools.count(1)


def institution(session, name: str = "LPKS Bina Harapan Kota Pasuruan") -> Institution:
    return session.scalar(select(Institution).where(Institution.name == name))


def user(session, username: str) -> User:
    return session.scalar(select(User).where(User.username == username))


def child(session, inst: Institution, *, kind: str = "anak", sex: str = "laki_laki", age: int | None = 15) -> Resident:
    n = next(_numbers)
    resident = Resident(institution_id=inst.id, register_number=f"FIG-{n:05d}", initials="A.B.", kind=kind, sex=sex,
                        age_at_offence=age, route=None if age is None else ("under_12" if age < 12 else "anak"),
                        full_name=f"Anak Angka {n}", birth_date=date(2010, 1, 1))
    session.add(resident)
    session.flush()
    return resident


def stay(session, inst: Institution, start: date, exit_date: date | None = None, *, basis: str = "titipan",
         reason: str | None = None, status: str | None = None, resident: Resident | None = None,
         last_day: date | None = None, **child_args) -> Placement:
    """A placement (admitted unless status says otherwise), ended on `exit_date` with `reason` when given."""
    resident = resident or child(session, inst, **child_args)
    placement = Placement(
        institution_id=inst.id, resident_id=resident.id, basis=basis, start_date=start, last_day=last_day,
        status=status or ("exited" if exit_date else "present"),
        handover_at=datetime.combine(start, datetime.min.time(), tzinfo=timezone.utc),
        exit_date=exit_date, exit_reason=reason or (("placement_ended" if basis == "court_decision"
                                                     else "returned_to_parents") if exit_date else None))
    session.add(placement)
    session.flush()
    return placement


def period(session, placement: Placement, start: date, last_day: date, *, level: str = "penyidikan",
           deadline: date | None = None, sent: date | None = None, closed_on: date | None = None,
           closed_reason: str | None = None) -> CustodyPeriod:
    """A titipan period; open unless `closed_on` is given."""
    days = (last_day - start).days + 1
    row = CustodyPeriod(institution_id=placement.institution_id, placement_id=placement.id, level=level,
                        start_date=start, granted_days=days, depositor_agency="Polres", total_days=days, max_days=15,
                        last_day=last_day, notice_deadline=deadline or last_day, notice_sent_on=sent,
                        status="closed" if closed_on else "open", closed_on=closed_on, closed_reason=closed_reason)
    session.add(row)
    session.flush()
    return row
