"""Regions: the official list of provinces and regencies/cities."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.errors import ServiceError
from lpks.platform.models.region import (
    LEVEL_KABKOTA,
    LEVEL_PROVINCE,
    LEVELS,
    Region,
    province_of,
)

PROVINCE_CODE = re.compile(r"^\d{2}$")
KABKOTA_CODE = re.compile(r"^\d{2}\.\d{2}$")


@dataclass
class ImportResult:
    """What an import did."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)


def _check_row(number: int, row: dict[str, str], provinces: set[str]) -> list[str]:
    errors = []
    code, name, level = row.get("kode", ""), row.get("nama", ""), row.get("tingkat", "")
    if level not in LEVELS:
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="tingkat",
                             reason=_("'%(level)s' harus 'provinsi' atau 'kabupaten_kota'.", level=level)))
    elif level == LEVEL_PROVINCE and not PROVINCE_CODE.match(code):
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="kode",
                             reason=_("kode provinsi '%(code)s' harus dua angka (contoh 35).", code=code)))
    elif level == LEVEL_KABKOTA and not KABKOTA_CODE.match(code):
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="kode", reason=_(
            "kode kabupaten/kota '%(code)s' harus berbentuk PP.KK (contoh 35.75).", code=code)))
    elif level == LEVEL_KABKOTA and province_of(code) not in provinces:
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="kode", reason=_(
            "provinsi %(province)s untuk '%(code)s' tidak ada.", province=province_of(code), code=code)))
    if not name:
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="nama", reason=_("wajib diisi.")))
    elif len(name) > 120:
        errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s",
                        row=number, col="nama", reason=_("paling banyak 120 karakter.")))
    return errors


def import_regions(session: Session, rows: list[tuple[int, dict[str, str]]]) -> ImportResult:
    """Insert or update regions by code; all rows valid or nothing is written."""
    existing = {r.code: r for r in session.scalars(select(Region))}
    provinces = {c for c, r in existing.items() if r.level == LEVEL_PROVINCE}
    provinces |= {row.get("kode", "") for _, row in rows if row.get("tingkat") == LEVEL_PROVINCE}
    result = ImportResult()
    seen: dict[str, int] = {}
    for number, row in rows:
        result.errors += _check_row(number, row, provinces)
        code = row.get("kode", "")
        if code in seen:
            result.errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="kode", reason=_(
                "'%(code)s' sudah ada di baris %(first)s.", code=code, first=seen[code])))
        seen.setdefault(code, number)
    if result.errors:
        from lpks.io.upload import (
            cap_errors,  # (lpks.io imports services: import here, not at module load)
        )

        raise ServiceError(_("Impor wilayah dibatalkan, tidak ada data yang disimpan (%(count)s kesalahan):\n"
                             "%(errors)s", count=len(result.errors), errors="\n".join(cap_errors(result.errors))),
                           "file")
    ordered = sorted(rows, key=lambda item: item[1]["tingkat"] != LEVEL_PROVINCE)
    for _number, row in ordered:
        code, name, level = row["kode"], row["nama"], row["tingkat"]
        parent = province_of(code) if level == LEVEL_KABKOTA else None
        region = existing.get(code)
        if region is None:
            session.add(Region(code=code, name=name, level=level, province_code=parent))
            result.created += 1
        elif (region.name, region.level, region.province_code) != (name, level, parent):
            region.name, region.level, region.province_code = name, level, parent
            result.updated += 1
        else:
            result.unchanged += 1
        if level == LEVEL_PROVINCE:
            session.flush()
    session.flush()
    return result
