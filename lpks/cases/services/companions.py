"""Companions (Pasal 74–76): a peksos or TKS of the register trained in SPPA accompanies the child, a volunteer
trained in SPPA assists; never one companion for the Anak and the Anak Korban or Anak Saksi of one case number
(Pasal 74 ayat 5); the companion's reports (Pasal 76 huruf g)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import CaseCompanion, ChildCase, CompanionReport
from lpks.cases.schemas import CompanionEnd, CompanionInput, CompanionReportInput
from lpks.cases.services.common import (
    check_version,
    new_record,
    require,
    rules,
    staff_member,
    staff_state,
    today,
)
from lpks.platform.validation import parse
from lpks.platform.errors import ServiceError
from lpks.residents.models.resident import Resident
from lpks.rules.case_lifecycle import CaseAction
from lpks.rules.companions import CompanionRole, check_companion, check_conflict


def active_companions(session: Session, case: ChildCase) -> list[CaseCompanion]:
    """The companions and volunteers of the case not yet ended."""
    return list(session.scalars(select(CaseCompanion).where(CaseCompanion.case_id == case.id,
                                                            CaseCompanion.ended_on.is_(None))))


def _same_person(staff_id: int | None, name: str | None):
    if staff_id is not None:
        return CaseCompanion.staff_member_id == staff_id
    return CaseCompanion.name == name


def _other_kinds(session: Session, case: ChildCase, staff_id: int | None, name: str | None) -> list[str]:
    """Kinds of the other children of the case number whom this person accompanies now (Pasal 74 ayat 5)."""
    if not case.case_number:
        return []
    stmt = (select(Resident.kind).join(ChildCase, ChildCase.resident_id == Resident.id)
            .join(CaseCompanion, CaseCompanion.case_id == ChildCase.id)
            .where(ChildCase.case_number == case.case_number, ChildCase.id != case.id, ChildCase.closed_on.is_(None),
                   CaseCompanion.ended_on.is_(None), _same_person(staff_id, name)))
    return list(session.scalars(stmt))


def assign(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CaseCompanion:
    """Assign a companion of the register, or a volunteer (by name, with the date of the SPPA training)."""
    values = parse(CompanionInput, data)
    require(user, case, CaseAction.ASSIGN_COMPANION)
    day = values.assigned_on or today()
    if day > today():
        raise ServiceError(_("Tanggal penugasan tidak boleh setelah hari ini."), "assigned_on")
    role = CompanionRole(values.role)
    function, name, staff_id, trained, active = None, values.name, None, False, True
    if values.staff_member_id is not None:
        member = staff_member(session, case, values.staff_member_id, "staff_member_id")
        _certified, trained, active = staff_state(member, day)
        function, name, staff_id = member.function, member.name, member.id
    elif role is CompanionRole.PENDAMPING:
        raise ServiceError(_("Pendamping dipilih dari daftar SDM LPKS (Pekerja Sosial Profesional atau TKS)."),
                           "staff_member_id")
    else:
        if not name:
            raise ServiceError(_("Nama relawan wajib diisi."), "name")
        trained = values.sppa_training_date is not None and values.sppa_training_date <= day
    current = active_companions(session, case)
    if any((staff_id is not None and c.staff_member_id == staff_id) or (staff_id is None and c.name == name)
           for c in current):
        raise ServiceError(_("Orang ini sudah mendampingi anak dalam kasus ini."), "staff_member_id")
    resident = session.get(Resident, case.resident_id)
    with rules():
        check_companion(role, function, sppa_trained=trained, active=active,
                        has_companion=any(c.role == CompanionRole.PENDAMPING.value for c in current))
        check_conflict(resident.kind, _other_kinds(session, case, staff_id, name), case.case_number)
    companion = new_record(CaseCompanion, case, role=role.value, staff_member_id=staff_id,
                           name=None if staff_id else name, assigned_on=day,
                           sppa_training_date=None if staff_id else values.sppa_training_date)
    session.add(companion)
    session.flush()
    return companion


def end(session: Session, user: Any, companion: CaseCompanion, data: dict[str, Any]) -> CaseCompanion:
    """End a companion's assignment (not before it began, not in the future)."""
    values = parse(CompanionEnd, data)
    case = session.get(ChildCase, companion.case_id)
    require(user, case, CaseAction.ASSIGN_COMPANION)
    check_version(companion, values.version)
    if companion.ended_on is not None:
        raise ServiceError(_("Penugasan ini sudah berakhir."), "ended_on")
    ended = values.ended_on or today()
    if ended > today() or ended < companion.assigned_on:
        raise ServiceError(_("Tanggal berakhir harus antara tanggal penugasan dan hari ini."), "ended_on")
    companion.ended_on = ended
    session.flush()
    return companion


def report(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CompanionReport:
    """A companion's report on the accompaniment (Pasal 76 huruf g)."""
    values = parse(CompanionReportInput, data)
    require(user, case, CaseAction.COMPANION_REPORT)
    companion = session.get(CaseCompanion, values.companion_id)
    if companion is None or companion.case_id != case.id:
        raise ServiceError(_("Pendamping tidak tercatat pada kasus ini."), "companion_id")
    if values.reported_on > today() or values.reported_on < companion.assigned_on:
        raise ServiceError(_("Tanggal laporan harus antara tanggal penugasan dan hari ini."), "reported_on")
    row = new_record(CompanionReport, case, companion_id=companion.id, reported_on=values.reported_on,
                     summary=values.summary)
    session.add(row)
    session.flush()
    return row
