"""Registrations (tanda daftar) of an LPKS at Kementerian Sosial and at Dinas Sosial provinsi or kabupaten/kota
(Pasal 54 ayat (2)): one LPKS may hold one at Kemensos and one per Dinas Sosial region. Every door (web form,
admin list, JSON API) writes through here."""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any, Iterable

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accreditation import RegistrationFact
from accreditation.expiry import expiry_state
from lpks.platform.dates import parse_date
from lpks.platform import clock
from lpks.platform.errors import Collector, Conflict, ServiceError
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE, Region
from lpks.registry.models.institution import Institution
from lpks.registry.models.registration import (
    AUTHORITIES,
    DINSOS_KABKOTA,
    DINSOS_PROVINSI,
    KEMENSOS,
    Registration,
)
from lpks.registry.services.common import (
    blank,
    check_write,
    institution_for_write,
    touch,
)
from lpks.security.access import check_version

FIELDS = ("authority", "region_code", "number", "issued_on", "valid_until")
# The level of the issuing region each Dinas Sosial has; Kemensos is national (no region).
REGION_LEVEL = {DINSOS_PROVINSI: LEVEL_PROVINCE, DINSOS_KABKOTA: LEVEL_KABKOTA}


def authority_labels() -> dict[str, str]:
    """Who issued the registration, as users read it."""
    return {KEMENSOS: _("Kementerian Sosial"), DINSOS_PROVINSI: _("Dinas Sosial provinsi"),
            DINSOS_KABKOTA: _("Dinas Sosial kabupaten/kota")}


def field_labels() -> dict[str, str]:
    """The name of each field in messages and forms."""
    return {"authority": _("Instansi pendaftar"), "region_code": _("Wilayah Dinas Sosial"),
            "number": _("Nomor tanda daftar"), "issued_on": _("Tanggal tanda daftar"),
            "valid_until": _("Tanda daftar berlaku sampai")}


def _authority(data: dict) -> str:
    value = data.get("authority")
    value = None if blank(value) else str(value).strip()
    if value not in AUTHORITIES:
        raise ServiceError(_("Instansi pendaftar wajib dipilih: kemensos, dinsos_provinsi atau dinsos_kabkota."),
                           "authority")
    return value


def _number(data: dict) -> str:
    value = data.get("number")
    if blank(value):
        raise ServiceError(_("Nomor tanda daftar wajib diisi."), "number")
    value = str(value).strip()
    if len(value) > 100:
        raise ServiceError(_("Nomor tanda daftar paling banyak 100 karakter."), "number")
    return value


def _date(data: dict, key: str) -> date | None:
    label = field_labels()[key]
    try:
        value = parse_date(data.get(key), key, label, required=False)
    except ServiceError:
        raise ServiceError(_("%(label)s harus tanggal dengan format TTTT-BB-HH (contoh 2026-03-20).", label=label),
                           key) from None
    if key == "issued_on" and value is not None and value > clock.today():
        raise ServiceError(_("Tanggal tanda daftar tidak boleh sesudah hari ini."), key)
    return value


def _region(session: Session, inst: Institution, authority: str | None, data: dict) -> str | None:
    """The Dinas Sosial's region; blank means the LPKS's own domicile (province or kabupaten/kota)."""
    raw = data.get("region_code")
    if authority == KEMENSOS or authority is None:
        return None
    level = REGION_LEVEL[authority]
    if blank(raw):
        return inst.province_code if level == LEVEL_PROVINCE else inst.kabkota_code
    code = str(raw).strip()
    region = session.get(Region, code)
    if region is None or region.level != level:
        if level == LEVEL_PROVINCE:
            raise ServiceError(_("Wilayah Dinas Sosial harus kode provinsi yang terdaftar (contoh 35)."),
                               "region_code")
        raise ServiceError(_("Wilayah Dinas Sosial harus kode kabupaten/kota yang terdaftar (contoh 35.75)."),
                           "region_code")
    return code


def clean(session: Session, inst: Institution, data: dict[str, Any]) -> dict[str, Any]:
    """Validate one registration, reporting every bad field at once."""
    check = Collector()
    authority = check(_authority, data)
    out = {"authority": authority, "region_code": check(_region, session, inst, authority, data),
           "number": check(_number, data), "issued_on": check(_date, data, "issued_on"),
           "valid_until": check(_date, data, "valid_until")}
    start, end = out["issued_on"], out["valid_until"]
    if start is not None and end is not None and end <= start:
        check.errors.append(ServiceError(_("Tanda daftar berlaku sampai harus sesudah tanggal tanda daftar."),
                                         "valid_until"))
    check.done()
    return out


def _refuse_duplicate(session: Session, inst_id: int, values: dict, current: int | None = None) -> None:
    stmt = select(Registration.id).where(Registration.institution_id == inst_id,
                                         Registration.authority == values["authority"])
    stmt = stmt.where(Registration.region_code.is_(None) if values["region_code"] is None
                      else Registration.region_code == values["region_code"])
    if current is not None:
        stmt = stmt.where(Registration.id != current)
    if session.scalar(stmt.limit(1)) is not None:
        raise Conflict(_("LPKS ini sudah memiliki tanda daftar dari instansi dan wilayah itu: ubah tanda daftar "
                         "tersebut (misalnya saat diperpanjang)."), "authority")


def create(session: Session, user: Any, data: dict[str, Any]) -> Registration:
    """Record a registration of an LPKS (the operator's own LPKS, or `institution_id` within scope)."""
    inst = institution_for_write(session, user, data, Registration)
    values = clean(session, inst, data)
    _refuse_duplicate(session, inst.id, values)
    registration = Registration(institution_id=inst.id, **values)
    session.add(registration)
    session.flush()
    return registration


def update(session: Session, user: Any, registration: Registration, data: dict[str, Any]) -> Registration:
    """Change a registration (a renewal: new number, date and end), refusing a stale version."""
    check_write(user, registration)
    check_version(registration, data.get("version"))
    inst = institution_for_write(session, user, data, Registration, current=registration.institution_id)
    merged = {k: getattr(registration, k) for k in FIELDS}
    merged.update({k: v for k, v in data.items() if k in merged})
    if "authority" in data and "region_code" not in data and data["authority"] != registration.authority:
        merged["region_code"] = None  # another office: its region is the one given, or the domicile
    values = clean(session, inst, merged)
    _refuse_duplicate(session, inst.id, values, registration.id)
    for key, value in values.items():
        setattr(registration, key, value)
    touch(registration)
    session.flush()
    return registration


def delete(session: Session, user: Any, registration: Registration) -> None:
    """Remove a registration entered by mistake (or withdrawn)."""
    check_write(user, registration)
    session.delete(registration)
    session.flush()


def of_institution(session: Session, institution_id: int) -> list[Registration]:
    """The registrations of one LPKS already in the caller's scope: Kemensos first, then by region."""
    order = {KEMENSOS: 0, DINSOS_PROVINSI: 1, DINSOS_KABKOTA: 2}
    rows = session.scalars(select(Registration).where(Registration.institution_id == institution_id))
    return sorted(rows, key=lambda r: (order.get(r.authority, 9), r.region_code or "", r.id))


def facts_by_institution(session: Session, ids: Iterable[int]) -> dict[int, tuple[RegistrationFact, ...]]:
    """The registrations of several LPKS as plain facts for the standards evaluation, in one query."""
    grouped: dict[int, list[RegistrationFact]] = defaultdict(list)
    ids = list(ids)
    if ids:
        for r in session.scalars(select(Registration).where(Registration.institution_id.in_(ids))):
            grouped[r.institution_id].append(RegistrationFact(r.authority, r.number or "", r.issued_on, r.valid_until))
    return {i: tuple(grouped[i]) for i in ids}


def last_valid_until(session: Session, ids: Iterable[int]) -> dict[int, date]:
    """The latest end date among each LPKS's registrations (lists and exports), in one query."""
    ids = list(ids)
    if not ids:
        return {}
    return dict(session.execute(select(Registration.institution_id, func.max(Registration.valid_until))
                                .where(Registration.institution_id.in_(ids))
                                .group_by(Registration.institution_id)).all())


def describe(registration: Registration, labels: dict[str, str] | None = None) -> str:
    """One registration in words (lists, exports, dashboards): who issued it, where, and its number; `labels` are
    authority_labels() when a caller describes many."""
    where = f" {registration.region_code}" if registration.region_code else ""
    labels = labels or authority_labels()
    return f"{labels.get(registration.authority, registration.authority)}{where}: {registration.number}"


def expiry_of(registration: Registration) -> str | None:
    """Where the registration stands today (accreditation.expiry): kedaluwarsa, segera_berakhir or berlaku; None
    without an end date."""
    state = expiry_state(registration.valid_until, clock.today())
    return state.value if state else None
