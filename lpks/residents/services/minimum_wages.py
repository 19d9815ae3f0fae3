"""The provincial minimum wage (UMP) table of Pasal 14 ayat 1 huruf e, maintained by Kementerian Sosial: one row per
province and year, entered by hand or imported from xlsx (all rows valid or nothing written)."""
from __future__ import annotations

from typing import IO, Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.io.upload import read_table
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import LEVEL_PROVINCE, Region
from lpks.residents.models.obligations import MinimumWage
from lpks.residents.services.common import parse_int, parse_text
from lpks.security import WRITE, can
from lpks.security.access import check_version

COLUMNS = ("kode_provinsi", "tahun", "ump", "keputusan")
MIN_YEAR, MAX_YEAR = 2000, 2100


def _require_write(user: Any) -> None:
    if not can(user, WRITE, MinimumWage(province_code="", year=0, amount=0)):
        raise Forbidden(_("Tabel UMP hanya dapat diubah oleh Kementerian Sosial."))


def clean(session: Session, data: dict[str, Any], current: MinimumWage | None = None) -> dict[str, Any]:
    """Province (a province code), year, amount (rupiah) and decree; one row per province and year."""
    code = str(data.get("province_code") or "").strip()
    region = session.get(Region, code) if code else None
    if region is None or region.level != LEVEL_PROVINCE:
        raise ServiceError(_("Provinsi harus kode provinsi yang terdaftar (contoh 35)."), "province_code")
    year = parse_int(data.get("year"), "year", _("Tahun"))
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ServiceError(_("Tahun harus antara %(low)s dan %(high)s.", low=MIN_YEAR, high=MAX_YEAR), "year")
    amount = parse_int(data.get("amount"), "amount", _("UMP (rupiah per bulan)"))
    if amount <= 0:
        raise ServiceError(_("UMP harus lebih dari 0 rupiah."), "amount")
    clash = session.scalar(select(MinimumWage.id).where(MinimumWage.province_code == code, MinimumWage.year == year,
                                                        MinimumWage.id != (current.id if current else 0)))
    if clash is not None:
        raise ServiceError(_("UMP provinsi ini untuk tahun %(year)s sudah ada.", year=year), "year")
    return {"province_code": code, "year": year, "amount": amount,
            "decree": parse_text(data.get("decree"), "decree", _("Keputusan gubernur"), 200)}


def create(session: Session, user: Any, data: dict[str, Any]) -> MinimumWage:
    """Add the UMP of a province and year."""
    _require_write(user)
    row = MinimumWage(**clean(session, data))
    session.add(row)
    session.flush()
    return row


def update(session: Session, user: Any, row: MinimumWage, data: dict[str, Any]) -> MinimumWage:
    """Correct a row (refuses a stale version)."""
    _require_write(user)
    check_version(row, data.get("version"))
    for key, value in clean(session, {**{"province_code": row.province_code, "year": row.year,
                                         "amount": row.amount, "decree": row.decree}, **data}, row).items():
        setattr(row, key, value)
    row.updated_at = utcnow()
    session.flush()
    return row


def delete(session: Session, user: Any, row: MinimumWage) -> None:
    """Remove a row entered by mistake."""
    _require_write(user)
    session.delete(row)
    session.flush()


def import_xlsx(session: Session, user: Any, stream: IO[bytes] | bytes, name: str | None) -> int:
    """Import rows kode_provinsi, tahun, ump, keputusan: every error listed as "Baris N, kolom X", nothing written
    unless every row is valid; an existing province and year is updated."""
    _require_write(user)
    table = read_table(stream, name, required=COLUMNS[:3])
    errors, cleaned = [], []
    keys = {"kode_provinsi": "province_code", "tahun": "year", "ump": "amount", "keputusan": "decree"}
    for number, row in table.records(lambda v: "" if v is None else str(v).strip()):
        data = {keys[k]: v for k, v in row.items() if k in keys}
        if isinstance(data.get("amount"), str) and data["amount"].endswith(".0"):
            data["amount"] = data["amount"][:-2]
        existing = session.scalar(select(MinimumWage).where(MinimumWage.province_code == data.get("province_code"),
                                                            MinimumWage.year == _year(data.get("year"))))
        try:
            cleaned.append((existing, clean(session, data, existing)))
        except ServiceError as exc:
            column = next((k for k, v in keys.items() if v == exc.field), exc.field)
            errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col=column, reason=exc.message))
    if errors:
        raise ServiceError(" ".join(errors[:100]), "file")
    for existing, values in cleaned:
        if existing is None:
            session.add(MinimumWage(**values))
        else:
            for key, value in values.items():
                setattr(existing, key, value)
            existing.updated_at = utcnow()
    session.flush()
    return len(cleaned)


def _year(value: Any) -> int | None:
    text = str(value or "").strip().removesuffix(".0")
    return int(text) if text.isdigit() else None
