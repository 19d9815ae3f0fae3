"""Receiving a report or an invitation (procedure steps 1–2): the child registered under the identity protection of
residents (owned by the Dinas Sosial kabupaten/kota), the case opened at pendekatan awal with its case manager, and
the intake with its service deadline (RULES §8)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lpks.cases.models import CaseStage, ChildCase
from lpks.cases.services.common import stage_record
from lpks.platform.validation import parse
from lpks.intake.models import CaseIntake, CaseOfficer
from lpks.intake.schemas import IntakeInput, IntakeUpdate
from lpks.intake.services.common import (
    check_on,
    holiday_set,
    require,
    rules,
    today,
    touch,
)
from lpks.platform.errors import (
    Collector,
    Conflict,
    FieldErrors,
    Forbidden,
    ServiceError,
)
from lpks.platform.models.region import Region
from lpks.platform.models.user import FUNCTION_PEKSOS, ROLE_KABKOTA, User
from lpks.residents.models.resident import Resident
from lpks.residents.services.residents import clean
from lpks.rules.case_stages import Activity, Stage
from lpks.rules.intake import check_reporter
from lpks.rules.service_time import check_received, service_deadline
from lpks.security.access import check_version
from lpks.security.permissions import may_do_intake

CHILD_FIELDS = ("full_name", "sex", "birth_date", "offence_date", "offence_description", "nik", "birth_place",
                "address", "parent_guardian", "religion", "education", "disability")


def _child(data: dict[str, Any]) -> dict[str, Any]:
    """The child's fields validated as a resident's (identity, age on the offence date: 18 or older refused), each
    error named under `child.`."""
    try:
        return clean({**{k: data.get(k) for k in CHILD_FIELDS}, "kind": "anak"})
    except FieldErrors as exc:
        raise FieldErrors([ServiceError(e.message, f"child.{e.field}") for e in exc.errors]) from None
    except ServiceError as exc:
        raise ServiceError(exc.message, f"child.{exc.field}") from None


def peksos_of(session: Session, region: str, ident: int | None, field: str = "case_manager_user_id") -> User:
    """An active peksos of the office (the case manager of a Dinas Sosial case, Pasal 17 ayat 2)."""
    user = session.get(User, ident) if ident else None
    if user is None or user.role != ROLE_KABKOTA or user.region_code != region or not user.active \
            or user.function != FUNCTION_PEKSOS:
        raise ServiceError(_("Manajer kasus adalah Pekerja Sosial aktif Dinas Sosial ini (Pasal 17 ayat 2)."), field)
    return user


def home_region(session: Session, code: str) -> str:
    """The child's kabupaten/kota (Pasal 55), by region code."""
    region = session.get(Region, code)
    if region is None or region.level != "kabupaten_kota":
        raise ServiceError(_("Kabupaten/kota asal anak tidak dikenal (kode wilayah PP.KK, misalnya 35.75)."),
                           "home_region_code")
    return code


def _register_number(session: Session, region: str) -> str:
    prefix = f"DS-{today().year}-"
    count = session.scalar(select(func.count()).select_from(Resident).where(
        Resident.owner_region_code == region, Resident.register_number.like(prefix + "%"))) or 0
    while True:
        count += 1
        number = f"{prefix}{count:04d}"
        if session.scalar(select(Resident.id).where(Resident.owner_region_code == region,
                                                    Resident.register_number == number)) is None:
            return number


def _open_case_with_nik(session: Session, region: str, nik: str | None) -> int | None:
    if not nik:
        return None
    return session.scalar(select(ChildCase.id).join(Resident, Resident.id == ChildCase.resident_id).where(
        Resident.owner_region_code == region, Resident.nik == nik, ChildCase.closed_on.is_(None)))


def register(session: Session, user: Any, data: dict[str, Any]) -> ChildCase:
    """Receive a report or invitation: the child, the case and the intake, all at once or nothing."""
    if not may_do_intake(user, "register"):
        raise Forbidden(_("Laporan dan undangan dicatat oleh Pekerja Sosial atau Seksi Data dan Informasi Dinas Sosial "
                          "kabupaten/kota."))
    values = parse(IntakeInput, data)
    region, found = user.region_code, Collector()
    with found.catch(), rules():
        check_reporter(values.origin, values.reporter_kind)
    with found.catch(), rules():
        check_received(values.received_on, today())
    child = found(_child, values.child.model_dump())
    manager = found(peksos_of, session, region, values.case_manager_user_id)
    home = found(home_region, session, values.home_region_code or region)
    found.done()
    if (same := _open_case_with_nik(session, region, child.get("nik"))) is not None:
        raise Conflict(_("Anak dengan NIK ini sudah memiliki kasus yang berjalan (#%(id)s): satu kasus per anak.",
                         id=same), "child.nik")
    resident = Resident(owner_region_code=region, register_number=_register_number(session, region), **child)
    session.add(resident)
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(_("Nomor register baru saja dipakai; simpan lagi."), "child") from None
    received = values.received_on
    case = ChildCase(owner_region_code=region, resident_id=resident.id, origin=values.origin,
                     stage=Stage.PENDEKATAN_AWAL.value, opened_on=received, case_number=values.case_number,
                     home_region_code=home, note=values.note)
    session.add(case)
    session.flush()
    session.add(CaseStage(case_id=case.id, owner_region_code=region, stage=Stage.PENDEKATAN_AWAL.value,
                          opened_on=received, activities=Activity.PENERIMAAN.value))
    session.add(CaseIntake(owner_region_code=region, case_id=case.id, channel=values.origin,
                           reporter_kind=values.reporter_kind, reporter_name=values.reporter_name,
                           reporter_agency=values.reporter_agency, letter_number=values.letter_number,
                           received_on=received, service_deadline=service_deadline(received, holiday_set(session))))
    session.add(CaseOfficer(owner_region_code=region, case_id=case.id, user_id=manager.id, function=FUNCTION_PEKSOS,
                            role="manajer_kasus", assigned_on=received))
    session.flush()
    return case


def update(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> CaseIntake:
    """Correct who reported or invited, the letter, or the receipt date (while no product is issued: the
    deadline follows)."""
    require(session, user, case, intake, "register")
    values = parse(IntakeUpdate, data)
    check_version(intake, values.version)
    sent = values.model_fields_set - {"version"}
    for key in ("reporter_name", "reporter_agency", "letter_number"):
        if key in sent:
            setattr(intake, key, getattr(values, key))
    if "received_on" in sent and values.received_on != intake.received_on:
        if values.received_on is None:
            raise ServiceError(_("Tanggal diterima wajib diisi."), "received_on")
        if intake.service_product_issued_on is not None:
            raise ServiceError(_("Tanggal diterima tidak dapat diubah setelah produk layanan terbit: waktu layanan "
                                 "sudah dihitung darinya."), "received_on")
        check_on(values.received_on, values.received_on, "received_on", _("Tanggal diterima"))
        intake.received_on = case.opened_on = values.received_on
        first = stage_record(session, case, Stage.PENDEKATAN_AWAL)
        if first is not None:
            first.opened_on = values.received_on
        intake.service_deadline = service_deadline(values.received_on, holiday_set(session))
        touch(case)
    touch(intake)
    session.flush()
    return intake
