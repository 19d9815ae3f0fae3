"""Opening a case (by hand, or by itself when a placement is admitted) and changing its own fields: case number,
the child's kabupaten/kota, the case manager (Pasal 17 ayat 2; RULES §6)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import CaseStage, ChildCase
from lpks.cases.schemas import CaseInput, CaseUpdate
from lpks.cases.services.common import (
    check_version,
    new_record,
    require,
    rules,
    staff_member,
    staff_state,
    task_defaults,
    today,
    touch,
)
from lpks.platform.validation import parse
from lpks.platform.errors import Conflict, Forbidden, ServiceError
from lpks.platform.models.region import Region
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services.common import local_date
from lpks.rules.case_lifecycle import CaseAction
from lpks.rules.case_stages import Activity, Stage
from lpks.rules.case_tasks import assessment_due
from lpks.rules.companions import check_case_manager
from lpks.security import WRITE, can
from lpks.security.access import get_scoped

ADMISSION_ACTIVITIES = (Activity.IDENTIFIKASI.value, Activity.PENERIMAAN.value)  # the admission itself (Pasal 21, 24)


def open_case_of(session: Session, resident_id: int) -> ChildCase | None:
    """The child's open case, if any (at most one: uq_child_case_open_resident)."""
    return session.scalar(select(ChildCase).where(ChildCase.resident_id == resident_id, ChildCase.closed_on.is_(None)))


def _admitted_on(session: Session, resident_id: int):
    placement = session.scalar(select(Placement).where(Placement.resident_id == resident_id,
                                                       Placement.status == STATUS_PRESENT))
    return local_date(placement.handover_at) if placement is not None and placement.handover_at else None


def _start(session: Session, case: ChildCase, activities: tuple[str, ...] = ()) -> ChildCase:
    session.add(case)
    session.flush()
    session.add(new_record(CaseStage, case, stage=Stage.PENDEKATAN_AWAL.value, opened_on=case.opened_on,
                           activities=",".join(activities) or None))
    session.flush()
    return case


def open_for_admission(session: Session, placement: Placement) -> ChildCase:
    """The child's case when a placement is admitted: the open one continues (a case outlives a placement),
    otherwise a new one opens at pendekatan awal with the assessment due (RULES §6)."""
    admitted = local_date(placement.handover_at) if placement.handover_at else today()
    case = open_case_of(session, placement.resident_id)
    if case is not None:
        if case.admitted_on is None and Stage(case.stage).index <= Stage.ASESMEN.index:
            case.admitted_on = admitted
            case.assessment_due = assessment_due(admitted, task_defaults(session))
            touch(case)
            session.flush()
        return case
    case = ChildCase(institution_id=placement.institution_id, resident_id=placement.resident_id,
                     origin="penempatan_lpks", stage=Stage.PENDEKATAN_AWAL.value, opened_on=admitted,
                     admitted_on=admitted, assessment_due=assessment_due(admitted, task_defaults(session)))
    return _start(session, case, ADMISSION_ACTIVITIES)


def _manager(session: Session, case: ChildCase, ident: int):
    member = staff_member(session, case, ident, "case_manager_id")
    certified, _sppa, active = staff_state(member, today())
    with rules("case_manager_id"):
        check_case_manager(member.function, certified=certified, active=active)
    return member


def _region(session: Session, code: str | None) -> str | None:
    if code is None:
        return None
    region = session.get(Region, code)
    if region is None or region.level != "kabupaten_kota":
        raise ServiceError(_("Kabupaten/kota asal anak tidak dikenal (kode wilayah PP.KK, misalnya 35.75)."),
                           "home_region_code")
    return code


def create(session: Session, user: Any, data: dict[str, Any]) -> ChildCase:
    """Open a case for a child of the user's LPKS who has none open (POST /cases)."""
    values = parse(CaseInput, data)
    resident = get_scoped(session, user, Resident, values.resident_id)
    if not can(user, WRITE, resident):
        raise Forbidden(_("Kasus anak dibuka oleh LPKS yang menangani anak."), "resident_id")
    existing = open_case_of(session, resident.id)
    if existing is not None:
        raise Conflict(_("Anak ini sudah memiliki kasus yang berjalan (#%(id)s): satu kasus per anak.",
                         id=existing.id), "resident_id")
    admitted = _admitted_on(session, resident.id)
    case = ChildCase(institution_id=resident.institution_id, resident_id=resident.id, origin="penempatan_lpks",
                     stage=Stage.PENDEKATAN_AWAL.value, opened_on=today(), admitted_on=admitted,
                     case_number=values.case_number, note=values.note,
                     home_region_code=_region(session, values.home_region_code),
                     assessment_due=assessment_due(admitted, task_defaults(session)) if admitted else None)
    if not can(user, WRITE, case):
        raise Forbidden()
    if values.case_manager_id is not None:
        case.case_manager_id = _manager(session, case, values.case_manager_id).id
    return _start(session, case, ADMISSION_ACTIVITIES if admitted else ())


def update(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> ChildCase:
    """Change the fields sent (PATCH); the case manager only while the case is open (a certified peksos)."""
    values = parse(CaseUpdate, data)
    sent = values.model_fields_set - {"version"}
    require(user, case, CaseAction.ASSIGN_MANAGER)
    check_version(case, values.version)
    if "case_manager_id" in sent:
        if values.case_manager_id is None:
            raise ServiceError(_("Manajer kasus tidak dapat dikosongkan; pilih Pekerja Sosial Profesional lain."),
                               "case_manager_id")
        case.case_manager_id = _manager(session, case, values.case_manager_id).id
    if "home_region_code" in sent:
        case.home_region_code = _region(session, values.home_region_code)
    if "case_number" in sent:
        case.case_number = values.case_number
    if "note" in sent:
        case.note = values.note
    touch(case)
    session.flush()
    return case
