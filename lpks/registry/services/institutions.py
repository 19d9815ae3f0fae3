"""LPKS institutions: validation, creation and update, within the user's scope."""
from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.errors import Collector, Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import LEVEL_KABKOTA, Region, province_of
from lpks.registry.models.institution import REFERRAL_SCOPES, Institution
from lpks.registry.services.common import only_for
from lpks.registry.services.profile import (
    DESIGNATION_FIELDS,
    REGISTRY_FIELDS,
    check_reach,
    clean_registry,
    work_area_codes,
)
from lpks.security import WRITE, can, may_create, may_set, setters_of
from lpks.security.access import check_version

EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
EDITABLE = ("name", "kabkota_code", "address", "phone", "email", "referral_scope", "capacity_boys", "capacity_girls")
EDITABLE += REGISTRY_FIELDS  # registry profile (issue 3): status, vision, mission, programme
VERIFIED_CAPACITY = {"verified_capacity_boys": _l("Kapasitas anak laki-laki terverifikasi"),
                     "verified_capacity_girls": _l("Kapasitas anak perempuan terverifikasi")}
EDITABLE += tuple(VERIFIED_CAPACITY)

# Fields not every writer may set (lpks.security.FIELD_POLICY decides who): label and why, for the refusal.
RESTRICTED = {
    "referral_scope": (_l("Lingkup rujukan"), _l("menentukan kelas LPKS, Pasal 71–73")),
    **{key: (label, _l("diverifikasi Dinas Sosial kabupaten/kota atau Kementerian Sosial, Pasal 87 huruf f dan j; "
                       "pemeriksaan kapasitas penerimaan memakainya"))
       for key, label in VERIFIED_CAPACITY.items()},
}


def _refuse_designation(data: dict[str, Any], current: Institution | None) -> None:
    """The Pasal 56 designation is recorded only by the workflow's designation step (RULES §3); sending the value
    the profile already shows is no change."""
    for key in DESIGNATION_FIELDS:
        if key not in data:
            continue
        value, before = data.get(key), getattr(current, key, None) if current is not None else None
        if value in (None, "") and before is None:
            continue
        if before is not None and str(value) == (before.isoformat() if hasattr(before, "isoformat") else before):
            continue
        raise ServiceError(_("Penetapan LPKS oleh Menteri (Pasal 56) hanya dicatat oleh langkah \"Tetapkan "
                             "akreditasi\" di akhir alur akreditasi: usul Dinas Sosial kabupaten/kota (Pasal 87 "
                             "huruf h), rekomendasi Dinas Sosial provinsi (Pasal 86 huruf g), keputusan Menteri "
                             "(Pasal 85 huruf e). Kolom ini tidak dapat diisi di profil."), key)


def settable(user: Any, field: str) -> bool:
    """Whether the user may set this LPKS field (forms hide the fields for which it is False)."""
    return may_set(user, Institution, field)


def domicile_choices(session: Session, user: Any) -> list[tuple[str, str]]:
    """(code, name) of the regencies/cities where the user may hold an LPKS (the domicile picker)."""
    regions = session.execute(select(Region.code, Region.name).where(Region.level == LEVEL_KABKOTA)
                              .order_by(Region.name)).all()
    return [(code, name) for code, name in regions
            if can(user, WRITE, Institution(kabkota_code=code, province_code=province_of(code)))]


def _check_restricted(user: Any, values: dict[str, Any], current: Institution | None) -> None:
    """Refuse a change to a field the user's role may not set; sending its current value again is harmless."""
    for key, (label, why) in RESTRICTED.items():
        if key in values and not settable(user, key):
            before = getattr(current, key) if current is not None else None
            if values[key] != before:
                raise only_for(label, setters_of(Institution, key), why, key)


def _int(value, field: str, label: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ServiceError(_("%(label)s harus berupa bilangan bulat.", label=label), field) from None
    if number < 0 or number > 10000:
        raise ServiceError(_("%(label)s harus antara 0 dan 10.000.", label=label), field)
    return number


def _string(data: dict[str, Any], key: str) -> str:
    """A text field, trimmed ("" when empty); a number, list or object sent through the API is refused."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ServiceError(_("Kolom %(key)s harus berupa teks.", key=key), key)
    return value.strip()


def clean(session: Session, data: dict[str, Any]) -> dict[str, Any]:
    """Validate institution fields; every message names the field and the rule, all bad fields at once."""
    out: dict[str, Any] = {}
    check = Collector()
    if "name" in data:
        with check.catch():
            name = _string(data, "name")
            if not name or len(name) > 200:
                raise ServiceError(_("Nama LPKS wajib diisi, paling banyak 200 karakter."), "name")
            out["name"] = name
    if "kabkota_code" in data:
        with check.catch():
            code = _string(data, "kabkota_code")
            region = session.get(Region, code) if code else None
            if region is None or region.level != LEVEL_KABKOTA:
                raise ServiceError(_("Domisili harus kode kabupaten/kota yang terdaftar (contoh 35.75)."),
                                   "kabkota_code")
            out["kabkota_code"] = code
            out["province_code"] = province_of(code)
    for key, limit in (("address", 300), ("phone", 40), ("email", 120)):
        if key in data:
            with check.catch():
                value = _string(data, key) or None
                if value and len(value) > limit:
                    raise ServiceError(_("Kolom %(key)s paling banyak %(limit)s karakter.", key=key, limit=limit),
                                       key)
                out[key] = value
    if out.get("email") and not EMAIL.match(out["email"]):
        check.add(_("Alamat email tidak valid."), "email")
    if "referral_scope" in data:
        scope = data.get("referral_scope") or "kabupaten_kota"
        if scope not in REFERRAL_SCOPES:
            check.add(_("Lingkup rujukan harus salah satu dari: %(choices)s.",
                        choices=', '.join(REFERRAL_SCOPES)), "referral_scope")
        out["referral_scope"] = scope
    for key, label in (("capacity_boys", _l("Kapasitas anak laki-laki")),
                       ("capacity_girls", _l("Kapasitas anak perempuan"))):
        if key in data and data.get(key) not in (None, ""):
            out[key] = check(_int, data[key], key, label)
    for key, label in VERIFIED_CAPACITY.items():
        if key in data:  # empty: not (or no longer) verified
            out[key] = None if data.get(key) in (None, "") else check(_int, data[key], key, label)
    with check.catch():
        out.update(clean_registry(data))
    check.done()
    return out


def _stamp_verification(inst: Institution, values: dict[str, Any], current: Institution | None) -> None:
    """A verified capacity carries the day it was verified (set or changed); cleared, it has none."""
    keys = [k for k in VERIFIED_CAPACITY if k in values]
    if not keys or (current is not None and all(values[k] == getattr(current, k) for k in keys)):
        return
    verified = [values.get(k, getattr(current, k, None)) for k in VERIFIED_CAPACITY]
    inst.capacity_verified_on = None if all(v is None for v in verified) else clock.today()


def create(session: Session, user: Any, data: dict[str, Any]) -> Institution:
    """Register a new LPKS (Kementerian Sosial, or Dinas Sosial for its own regency/city)."""
    _refuse_designation(data, None)
    values = clean(session, {**{"name": None, "kabkota_code": None}, **data})
    _check_restricted(user, values, None)
    inst = Institution(**values)
    _stamp_verification(inst, values, None)
    if not can(user, WRITE, inst) or not may_create(user, Institution):
        raise Forbidden(_("Anda tidak berwenang mendaftarkan LPKS di wilayah ini."), "kabkota_code")
    check_reach(user, inst, inst.referral_scope or "kabupaten_kota", {inst.kabkota_code}, "referral_scope")
    session.add(inst)
    session.flush()
    return inst


def update(session: Session, user: Any, inst: Institution, data: dict[str, Any]) -> Institution:
    """Change an LPKS's profile, refusing a stale version."""
    if not can(user, WRITE, inst):
        raise Forbidden()
    check_version(inst, data.get("version"))
    _refuse_designation(data, inst)
    values = clean(session, {k: v for k, v in data.items() if k in EDITABLE})
    if "kabkota_code" in values and values["kabkota_code"] != inst.kabkota_code and not settable(user, "kabkota_code"):
        raise Forbidden(_("Domisili LPKS hanya dapat dipindahkan oleh Kementerian Sosial."), "kabkota_code")
    _check_restricted(user, values, inst)
    if "referral_scope" in values and values["referral_scope"] != inst.referral_scope:
        check_reach(user, inst, values["referral_scope"], work_area_codes(session, [inst])[inst.id],
                    "referral_scope")
    _stamp_verification(inst, values, inst)
    for key, value in values.items():
        setattr(inst, key, value)
    inst.updated_at = utcnow()
    session.flush()
    return inst
