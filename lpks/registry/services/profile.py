"""Registry profile of an LPKS: status, designation, vision, mission and programme (Pasal 53, 55–57, 69), its work
area (RULES §1) and its organisation structure (Pasal 58). Registrations (Pasal 54 ayat (2)): registry_registrations."""
from __future__ import annotations

from datetime import date
from typing import Any, Iterable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, or_, select
from sqlalchemy.orm import Session

from accreditation import authority
from accreditation.errors import AccreditationError
from accreditation.registry_catalogue import POSITIONS, codes
from lpks.platform.dates import parse_date
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.region import LEVEL_KABKOTA, Region
from lpks.platform.numbers import as_id
from lpks.registry.models.institution import FORMATION_KINDS, Institution
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.staff import StaffMember
from lpks.registry.services.common import (
    MAX_TEXT,
    check_write,
    choice,
    institution_for_write,
    only_for,
    period,
    text,
    today,
    touch,
)
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version
from lpks.security.permissions import POLICY

NUMBERS = {  # field: label (decree and deed numbers)
    "establishment_decree_number": _l("Nomor keputusan pembentukan UPT"),
    "deed_number": _l("Nomor akta pendirian"),
    "kemenkumham_decree_number": _l("Nomor keputusan Kemenkumham"),
}
DATES = {
    "establishment_decree_date": _l("Tanggal keputusan pembentukan"),
    "deed_date": _l("Tanggal akta pendirian"),
    "kemenkumham_decree_date": _l("Tanggal keputusan Kemenkumham"),
}
# The Pasal 56 designation is the workflow's decision (RULES §3): shown on the profile, never typed into it.
DESIGNATION_FIELDS = ("designation_decree_number", "designation_decree_date")
TEXTS = {
    "vision": _l("Visi"), "mission": _l("Misi"),
    "program_rehabilitation_stages": _l("Tahapan Rehabilitasi Sosial (Pasal 18)"),
    "program_rehabilitation_forms": _l("Bentuk Rehabilitasi Sosial (Pasal 35)"),
    "program_reintegration": _l("Reintegrasi Sosial (Pasal 47–50)"),
    "program_companionship": _l("Pendampingan ABH (Pasal 74–84)"),
}
REGISTRY_FIELDS = ("formation_kind", *NUMBERS, *DATES, *TEXTS)


def clean_registry(data: dict[str, Any]) -> dict[str, Any]:
    """Validate the registry fields present in `data` (institution create/update)."""
    out: dict[str, Any] = {}
    if "formation_kind" in data:
        out["formation_kind"] = choice(data, "formation_kind", _l("Bentuk pendirian"), FORMATION_KINDS)
    for key, label in NUMBERS.items():
        if key in data:
            out[key] = text(data, key, label, 100)
    for key, label in DATES.items():
        if key in data:
            out[key] = parse_date(data.get(key), key, label, required=False, not_after=today())
    for key, label in TEXTS.items():
        if key in data:
            out[key] = text(data, key, label, MAX_TEXT)
    return out


# --- work area ------------------------------------------------------------------------------------------

def with_domicile(inst: Institution, codes: Iterable[str]) -> set[str]:
    """THE rule (a decision; RULES §1 is silent): an LPKS serves where it stands, so its domicile is always part of
    its work area, whatever was recorded (also after Kemensos moves the domicile)."""
    return set(codes) | {inst.kabkota_code}


def work_area_codes(session: Session, institutions: Iterable[Institution]) -> dict[int, set[str]]:
    """The kabupaten/kota codes of each LPKS's work area, domicile included, in one query (pages and the class)."""
    institutions = list(institutions)
    recorded: dict[int, set[str]] = {inst.id: set() for inst in institutions}
    if recorded:
        stmt = select(WorkArea.institution_id, WorkArea.kabkota_code).where(WorkArea.institution_id.in_(list(recorded)))
        for inst_id, code in session.execute(stmt):
            recorded[inst_id].add(code)
    return {inst.id: with_domicile(inst, recorded[inst.id]) for inst in institutions}


def work_area(session: Session, inst: Institution) -> list[Region]:
    """The kabupaten/kota of the LPKS's work area, by code."""
    codes = work_area_codes(session, [inst])[inst.id]
    return list(session.scalars(select(Region).where(Region.code.in_(codes)).order_by(Region.code)))


WORK_AREA_SETTERS = tuple(role for role, rules in POLICY[WorkArea].items() if WRITE in rules)


def clean_work_area(session: Session, inst: Institution, region_codes: list[str] | str) -> set[str]:
    """The kabupaten/kota codes of a work area, checked against the region list, the domicile included."""
    if isinstance(region_codes, str):
        region_codes = [c for c in region_codes.replace(";", ",").replace("\n", ",").split(",")]
    if not isinstance(region_codes, (list, tuple)):
        raise ServiceError(_("Wilayah kerja harus daftar kode kabupaten/kota."), "kabkota_codes")
    wanted = with_domicile(inst, {str(c).strip() for c in region_codes if str(c).strip()})
    found = {r.code: r for r in session.scalars(select(Region).where(Region.code.in_(wanted)))}
    bad = sorted(c for c in wanted if c not in found or found[c].level != LEVEL_KABKOTA)
    if bad:
        raise ServiceError(_("Kode kabupaten/kota tidak dikenal: %(bad)s (contoh 35.75).",
                             bad=', '.join(bad)), "kabkota_codes")
    return wanted


def check_reach(user: Any, inst: Institution, scope: str, codes: set[str], field: str) -> None:
    """The authority follows the reach (RULES §3): 403 naming the offices that may set it."""
    try:
        authority.check_reach(user.role, scope, codes, inst.kabkota_code, field)
    except AccreditationError as exc:
        raise Forbidden(exc.message, field) from None


def replace_work_area(session: Session, inst: Institution, wanted: set[str]) -> None:
    """Store exactly `wanted` (already checked) as the work area."""
    current = set(session.scalars(select(WorkArea.kabkota_code).where(WorkArea.institution_id == inst.id)))
    removed = current - wanted
    if removed:
        session.execute(delete(WorkArea).where(WorkArea.institution_id == inst.id,
                                               WorkArea.kabkota_code.in_(removed)))
    for code in sorted(wanted - current):
        session.add(WorkArea(institution_id=inst.id, kabkota_code=code))
    touch(inst)
    session.flush()


def set_work_area(session: Session, user: Any, inst: Institution, region_codes: list[str] | str) -> list[Region]:
    """Replace the work area; the domicile is always part of it (`with_domicile`); the reach it gives must be
    within the office's authority (RULES §3)."""
    if not can(user, WRITE, WorkArea(institution_id=inst.id)):
        if can(user, READ, inst):
            raise only_for(_l("Wilayah kerja"), WORK_AREA_SETTERS, _l("menentukan kelas LPKS, Pasal 71–73"),
                           "kabkota_codes")
        raise Forbidden()
    wanted = clean_work_area(session, inst, region_codes)
    if wanted != work_area_codes(session, [inst])[inst.id]:
        check_reach(user, inst, inst.referral_scope, wanted, "kabkota_codes")
    replace_work_area(session, inst, wanted)
    return work_area(session, inst)


# --- organisation structure (Pasal 58) -----------------------------------------------------------------------

POSITION_CODES = codes(POSITIONS)


def _clean_position(session: Session, user: Any, inst_id: int, data: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {
        "position": choice(data, "position", _l("Jabatan"), POSITION_CODES, required=True),
        "title": text(data, "title", _l("Nama jabatan"), 120),
        "holder_name": text(data, "holder_name", _l("Nama pejabat"), 120, required=True),
        "decree_number": text(data, "decree_number", _l("Nomor surat keputusan"), 100),
        "since": parse_date(data.get("since"), "since", _l("Menjabat sejak"), required=False),
        "until": parse_date(data.get("until"), "until", _l("Menjabat sampai"), required=False),
    }
    if out["position"] == "lainnya" and not out["title"]:
        raise ServiceError(_("Nama jabatan wajib diisi untuk jabatan lain."), "title")
    period(out["since"], out["until"], "until", _l("Menjabat sejak"), _l("Menjabat sampai"))
    staff_id = data.get("staff_member_id")
    out["staff_member_id"] = None
    if staff_id not in (None, ""):
        staff = session.get(StaffMember, as_id(staff_id)) if as_id(staff_id) else None
        if staff is None or staff.institution_id != inst_id or not can(user, READ, staff):
            raise ServiceError(_("Tenaga yang dipilih bukan tenaga LPKS ini."), "staff_member_id")
        out["staff_member_id"] = staff.id
    return out


def create_position(session: Session, user: Any, data: dict[str, Any]) -> OrganisationPosition:
    """Record who holds a position of the structure."""
    inst = institution_for_write(session, user, data, OrganisationPosition)
    position = OrganisationPosition(institution_id=inst.id, **_clean_position(session, user, inst.id, data))
    session.add(position)
    session.flush()
    return position


def update_position(session: Session, user: Any, position: OrganisationPosition, data: dict[str, Any]):
    """Change a position record, refusing a stale version."""
    check_write(user, position)
    check_version(position, data.get("version"))
    institution_for_write(session, user, data, OrganisationPosition, current=position.institution_id)
    merged = {k: getattr(position, k) for k in ("position", "title", "holder_name", "decree_number", "since",
                                                 "until", "staff_member_id")}
    merged.update({k: v for k, v in data.items() if k in merged})
    for key, value in _clean_position(session, user, position.institution_id, merged).items():
        setattr(position, key, value)
    touch(position)
    session.flush()
    return position


def delete_position(session: Session, user: Any, position: OrganisationPosition) -> None:
    """Remove a position record entered by mistake (a past holder is ended with `until`, not deleted)."""
    check_write(user, position)
    session.delete(position)
    session.flush()


HEAD_POSITION = "pimpinan"  # Pasal 58 ayat (1) huruf a: the head signs the LPKS's letters


def head_of(session: Session, institution_id: int, on: date) -> str | None:
    """The name of the LPKS's head in office on `on`, as its organisation structure records it, or None."""
    return session.scalar(
        select(OrganisationPosition.holder_name)
        .where(OrganisationPosition.institution_id == institution_id,
               OrganisationPosition.position == HEAD_POSITION,
               or_(OrganisationPosition.since.is_(None), OrganisationPosition.since <= on),
               or_(OrganisationPosition.until.is_(None), OrganisationPosition.until >= on))
        .order_by(OrganisationPosition.since.desc().nulls_last(), OrganisationPosition.id.desc()).limit(1))
