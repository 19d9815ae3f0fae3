"""Residents (ABH): registration, identity changes, and the audited reveal of a full identity (RULES §1, §4)."""
from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lpks.platform.errors import Collector, Conflict, Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import ROLE_KABKOTA, ROLE_OPERATOR
from lpks.platform.services import audit
from lpks.residents.models.placement import STATUS_EXITED, Placement
from lpks.residents.models.resident import IDENTITY_FIELDS, SEXES, Resident
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    parse_choice,
    parse_text,
    rules,
    today,
)
from lpks.rules import (
    ResidentKind,
    check_basis_route,
    check_placement_kind,
    check_resident_age,
)
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version
from lpks.security.permissions import (
    POLICY,
    may_reveal_identity,
    registers_lpks_residents,
    reveals_identities,
)

# RULES §1 Reading: the LPKS operator (own residents) and Dinas Sosial kabupaten/kota (its region) may reveal a
# full identity; province and national users work with initials, register numbers and aggregates only.
IDENTITY_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA)
NIK = re.compile(r"^\d{16}$")
REGISTER = re.compile(r"^[A-Za-z0-9./-]{1,40}$")
KINDS = tuple(kind.value for kind in ResidentKind)
TEXTS = (("full_name", 120, True), ("birth_place", 80, False), ("address", 300, False),
         ("parent_guardian", 200, False), ("religion", 30, False), ("education", 80, False),
         ("disability", 120, False), ("offence_description", 500, False))


def labels() -> dict[str, str]:
    """Indonesian field labels for messages (translated)."""
    return {"full_name": _("Nama lengkap"), "nik": _("NIK"), "birth_place": _("Tempat lahir"),
            "birth_date": _("Tanggal lahir"), "sex": _("Jenis kelamin"), "address": _("Alamat"),
            "parent_guardian": _("Orang tua/wali"), "religion": _("Agama"), "education": _("Pendidikan"),
            "disability": _("Disabilitas"), "kind": _("Jenis ABH"), "offence_date": _("Tanggal tindak pidana"),
            "offence_description": _("Uraian tindak pidana"), "register_number": _("Nomor register")}


def initials_of(full_name: str) -> str:
    """Initials shown instead of the name: "Budi Santoso" → "B.S." (SPPA Pasal 19)."""
    words = [w for w in re.split(r"[\s.\-']+", full_name) if w and w[0].isalnum()]
    return "".join(f"{w[0].upper()}." for w in words[:8]) or "-"


def clean(data: dict[str, Any], existing: Resident | None = None, *,
          names: dict[str, str] | None = None) -> dict[str, Any]:
    """Validate a resident's fields and derive initials, age and route (Pasal 1 angka 3–6; RULES §4).

    Every bad field is reported (FieldErrors when more than one), so an import row lists all its bad cells.
    `names` are the translated labels, passed in by a caller cleaning many rows (translated once, not per row).
    """
    names = names or labels()
    merged = {key: getattr(existing, key) for key in (*IDENTITY_FIELDS, "kind", "sex")} if existing else {}
    merged.update({k: v for k, v in data.items() if k in (*IDENTITY_FIELDS, "kind", "sex", "register_number")})
    out: dict[str, Any] = {}
    found = Collector()
    for key, limit, required in TEXTS:
        with found.catch():
            out[key] = parse_text(merged.get(key), key, names[key], limit, required=required)
    with found.catch():
        nik = parse_text(merged.get("nik"), "nik", names["nik"], 16)
        if nik and not NIK.match(nik):
            raise ServiceError(_("NIK harus 16 angka (kosongkan bila belum diketahui)."), "nik")
        out["nik"] = nik
    with found.catch():
        out["sex"] = parse_choice(merged.get("sex"), "sex", names["sex"], SEXES)
    with found.catch():
        out["kind"] = parse_choice(merged.get("kind"), "kind", names["kind"], KINDS)
    with found.catch():
        out["birth_date"] = parse_date(merged.get("birth_date"), "birth_date", names["birth_date"])
    is_anak = out.get("kind") == ResidentKind.ANAK.value
    with found.catch():
        offence_date = parse_date(merged.get("offence_date"), "offence_date", names["offence_date"],
                                  required=is_anak)
        if offence_date and offence_date > today():
            raise ServiceError(_("Tanggal tindak pidana tidak boleh setelah hari ini."), "offence_date")
        out["offence_date"] = offence_date
    if is_anak and "offence_description" in out and not out["offence_description"]:
        found.add(_("Uraian tindak pidana wajib diisi untuk Anak (Pasal 1 angka 3)."), "offence_description")
    # Age on the offence date (RULES §4); a victim or witness without one is checked on the day of registration.
    if not found.failed("kind", "birth_date", "offence_date"):
        with found.catch(), rules("birth_date"):  # the rule names its input "born"; the record's field birth_date
            check = check_resident_age(out["kind"], out["birth_date"], out["offence_date"] or today())
            out["age_at_offence"] = check.age
            out["route"] = check.route.value if check.route else None
    if "full_name" in out:
        out["initials"] = initials_of(out["full_name"])
    if "register_number" in data:
        with found.catch():
            number = parse_text(data.get("register_number"), "register_number", names["register_number"], 40)
            if number and not REGISTER.match(number):
                raise ServiceError(_("Nomor register hanya boleh berisi huruf, angka, titik, garis miring dan tanda "
                                     "hubung (tanpa nama anak)."), "register_number")
            if number:
                out["register_number"] = number
    found.done()
    return out


def register_prefix() -> str:
    """The prefix of this year's automatic register numbers ("ABH-2026-"), followed by a 4-digit count."""
    return f"ABH-{today().year}-"


def register_taken(number: str) -> ServiceError:
    """The error for a register number already used in the LPKS."""
    return ServiceError(_("Nomor register %(number)s sudah dipakai di LPKS ini.", number=number), "register_number")


def _institution_of(user: Any, data: dict[str, Any]) -> int:
    if not registers_lpks_residents(user):  # a Dinas Sosial registers its own children with their case (RULES §8)
        raise Forbidden(_("Anak didaftarkan oleh operator LPKS."))
    institution_id = data.get("institution_id") or getattr(user, "institution_id", None)
    try:
        return int(institution_id)
    except (TypeError, ValueError):
        raise ServiceError(_("LPKS wajib dipilih."), "institution_id") from None


def _check_may_register(user: Any, resident: Resident) -> None:
    if not can(user, WRITE, resident):
        raise Forbidden(_("Anda tidak berwenang mendaftarkan anak di LPKS ini."), "institution_id")


def registering_institution(user: Any, data: dict[str, Any]) -> int:
    """The LPKS new residents are registered in, after the role and scope checks of `create` (for a batch)."""
    institution_id = _institution_of(user, data)
    _check_may_register(user, Resident(institution_id=institution_id))  # the scope depends on the LPKS only
    return institution_id


def _next_register_number(session: Session, institution_id: int) -> str:
    prefix = register_prefix()
    count = session.scalar(select(func.count()).select_from(Resident).where(
        Resident.institution_id == institution_id, Resident.register_number.like(prefix + "%"))) or 0
    while True:
        count += 1
        candidate = f"{prefix}{count:04d}"
        taken = session.scalar(select(Resident.id).where(Resident.institution_id == institution_id,
                                                         Resident.register_number == candidate))
        if taken is None:
            return candidate


def create(session: Session, user: Any, data: dict[str, Any]) -> Resident:
    """Register a resident in the operator's LPKS."""
    institution_id = _institution_of(user, data)
    resident = Resident(institution_id=institution_id, **clean(data))
    _check_may_register(user, resident)
    if not resident.register_number:
        resident.register_number = _next_register_number(session, institution_id)
    _unique_register(session, institution_id, resident.register_number)
    session.add(resident)
    try:
        session.flush()
    except IntegrityError:  # another registration took the number between the check and the insert
        raise Conflict(_("Nomor register %(number)s baru saja dipakai untuk anak lain di LPKS ini; simpan lagi "
                         "untuk mendapat nomor baru atau isi nomor lain.", number=resident.register_number),
                       "register_number") from None
    return resident


def _unique_register(session: Session, institution_id: int, number: str, ident: int | None = None) -> None:
    clash = session.scalar(select(Resident.id).where(
        Resident.institution_id == institution_id, Resident.register_number == number, Resident.id != (ident or 0)))
    if clash is not None:
        raise register_taken(number)


def update(session: Session, user: Any, resident: Resident, data: dict[str, Any]) -> Resident:
    """Change a resident's record, refusing a stale version and a kind or age that breaks an open placement."""
    if not can(user, WRITE, resident):
        raise Forbidden()
    check_version(resident, data.get("version"))
    values = clean(data, resident)
    for placement in session.scalars(select(Placement).where(Placement.resident_id == resident.id,
                                                             Placement.status != STATUS_EXITED)):
        with rules():
            check_placement_kind(values["kind"])
            check_basis_route(placement.basis, values["route"])
    if values.get("register_number", resident.register_number) != resident.register_number:
        _unique_register(session, resident.institution_id, values["register_number"], resident.id)
    for key, value in values.items():
        setattr(resident, key, value)
    resident.updated_at = utcnow()
    try:
        session.flush()
    except IntegrityError:
        raise Conflict(_("Nomor register sudah dipakai."), "register_number") from None
    return resident


def transfer(session: Session, resident: Resident, institution_id: int) -> Resident:
    """The child's file follows the child to another LPKS (an accepted residential referral, RULES §7): the register
    number is kept unless that LPKS already uses it, then the LPKS's next automatic number is given."""
    if resident.institution_id == institution_id:
        return resident
    # the register number is the LPKS's: a Dinas Sosial's number is kept unless the LPKS already uses it
    clash = session.scalar(select(Resident.id).where(Resident.institution_id == institution_id,
                                                     Resident.register_number == resident.register_number))
    if clash is not None:
        resident.register_number = _next_register_number(session, institution_id)
    resident.institution_id, resident.owner_region_code = institution_id, None  # a Dinas Sosial's child too (§8)
    resident.updated_at = utcnow()
    session.flush()
    return resident


def may_export_identity(user: Any) -> bool:
    """May this user's role reveal (and export) the full identities of the residents in its scope? (RULES §1)."""
    role = getattr(user, "role", None)
    return role in IDENTITY_ROLES and READ in POLICY.get(Resident, {}).get(role, {}) and reveals_identities(user)


def may_view_identity(user: Any, resident: Resident) -> bool:
    """May this user reveal this resident's full identity? (RULES §1 Reading)."""
    return may_reveal_identity(user, resident)


def reveal_identity(session: Session, user: Any, resident: Resident, purpose: str | None = None) -> dict:
    """The full identity, for permitted roles only; every reveal is audited (Pasal 4 huruf i; SPPA Pasal 19).

    `purpose` (e.g. "print_notice", "export") is kept in the audit row's fields; never an identity value.
    """
    if not may_view_identity(user, resident):
        raise Forbidden(_("Identitas lengkap anak hanya dapat dibuka oleh operator LPKS dan Dinas Sosial "
                          "kabupaten/kota yang menanganinya."))
    audit.record(session, "view_identity", "resident", resident.id, (purpose,) if purpose else ())
    return identity_of(resident)


def identity_of(resident: Resident) -> dict:
    """The identity fields (call only after an audited reveal)."""
    return {key: getattr(resident, key) for key in IDENTITY_FIELDS}


def public(resident: Resident) -> dict:
    """What lists, exports, dashboards and API lists show: initials and register number, never the identity."""
    return {"id": resident.id, "institution_id": resident.institution_id,
            "register_number": resident.register_number, "initials": resident.initials, "kind": resident.kind,
            "sex": resident.sex, "route": resident.route, "age_at_offence": resident.age_at_offence,
            "version": resident.version}
