"""The facility checklist (Pasal 63–65): one row per item of accreditation.FACILITY_ITEMS, upserted by code."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import FACILITY_ITEMS, FacilityItem, FacilityStatus
from accreditation.registry_catalogue import CONDITIONS, codes
from lpks.platform.errors import Collector, FieldErrors, ServiceError
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.institution import Institution
from lpks.registry.services.common import (
    check_write,
    choice,
    institution_for_write,
    integer,
    text,
    touch,
)
from lpks.security.access import check_version

STATUSES = tuple(s.value for s in FacilityStatus)
CONDITION_CODES = codes(CONDITIONS)
ITEMS_BY_CODE = {item.code: item for item in FACILITY_ITEMS}


@dataclass
class ChecklistRow:
    """A catalogue item and what the LPKS recorded about it (None: not filled in yet)."""

    item: FacilityItem
    record: FacilityRecord | None


def checklist(session: Session, inst: Institution) -> list[ChecklistRow]:
    """Every facility item in the regulation's order, with the LPKS's record when there is one."""
    records = {r.item_code: r for r in session.scalars(
        select(FacilityRecord).where(FacilityRecord.institution_id == inst.id))}
    return [ChecklistRow(item, records.get(item.code)) for item in FACILITY_ITEMS]


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one checklist row; every bad field is reported."""
    check = Collector()
    code = str(data.get("item_code") or "").strip()
    if code not in ITEMS_BY_CODE:
        check.errors.append(ServiceError(_("Butir sarana '%(code)s' tidak dikenal (lihat daftar Pasal 64–65).",
                                           code=code),
                                         "item_code"))
    out = {
        "item_code": code,
        "status": check(choice, data, "status", _l("Ketersediaan"), STATUSES, required=True),
        "quantity": check(integer, data, "quantity", _l("Jumlah"), maximum=100_000),
        "condition": check(choice, data, "condition", _l("Kondisi"), CONDITION_CODES),
        "note": check(text, data, "note", _l("Catatan"), 500),
    }
    if out["status"] == "tidak" and out["quantity"]:
        check.errors.append(ServiceError(_("Jumlah harus kosong atau 0 bila sarana tidak tersedia."), "quantity"))
    check.done()
    return out


def save(session: Session, user: Any, data: dict[str, Any], *, require_version: bool = True) -> FacilityRecord:
    """Create or change the LPKS's row for one item; a change must carry the version it was read at."""
    inst = institution_for_write(session, user, data, FacilityRecord)
    values = clean(data)
    record = session.scalar(select(FacilityRecord).where(FacilityRecord.institution_id == inst.id,
                                                         FacilityRecord.item_code == values["item_code"]))
    if record is None:
        record = FacilityRecord(institution_id=inst.id, **values)
        session.add(record)
    else:
        check_write(user, record)
        if all(getattr(record, key) == value for key, value in values.items()):
            return record  # unchanged: no new version, no audit row
        if require_version:
            check_version(record, data.get("version"))
        for key, value in values.items():
            setattr(record, key, value)
        touch(record)
    session.flush()
    return record


def save_many(session: Session, user: Any, inst: Institution, rows: list[dict[str, Any]], *,
              require_version: bool = True) -> list[FacilityRecord]:
    """Save several rows of one LPKS at once (the checklist form); the first bad row stops everything."""
    saved = []
    for row in rows:
        try:
            saved.append(save(session, user, {**row, "institution_id": inst.id}, require_version=require_version))
        except ServiceError as exc:
            code = str(row.get("item_code") or "")
            item = ITEMS_BY_CODE.get(code)
            where = f"{item.group.label_id}: {item.label_id}" if item else code
            kind = ServiceError if isinstance(exc, FieldErrors) else type(exc)
            raise kind(f"{where} — {exc.message}", f"{code}.{exc.field}" if exc.field else code) from None
    return saved


def update_record(session: Session, user: Any, record: FacilityRecord, data: dict[str, Any]) -> FacilityRecord:
    """Change one existing row (API PATCH): the item code stays."""
    check_write(user, record)
    check_version(record, data.get("version"))
    merged = {"item_code": record.item_code, "status": record.status, "quantity": record.quantity,
              "condition": record.condition, "note": record.note}
    merged.update({k: v for k, v in data.items() if k in ("status", "quantity", "condition", "note")})
    for key, value in clean(merged).items():
        setattr(record, key, value)
    touch(record)
    session.flush()
    return record
