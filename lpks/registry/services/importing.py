"""Excel import of staff and facilities: every row is validated by the same service rules as the web form; every
error is reported as "Baris N, kolom X: reason"; nothing is written unless the whole file is valid."""
from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any, Callable

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.io.registry_export import FACILITY_COLUMNS, STAFF_COLUMNS
from lpks.io.registry_xlsx import read_sheet
from lpks.io.upload import cap_errors
from lpks.platform.errors import ServiceError
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import facilities as registry_facilities
from lpks.registry.services import staff as registry_staff
from lpks.registry.services.common import institution_for_write, touch


class ImportRejected(ServiceError):
    """The file has errors; `errors` lists every one of them and nothing was saved."""

    def __init__(self, errors: list[str]):
        super().__init__(_("Berkas tidak disimpan: %(n)s kesalahan. Perbaiki semuanya lalu unggah lagi.",
                           n=len(errors)), "file")
        self.errors = cap_errors(errors)
        self.all_errors = errors  # every line, for the error list a background import offers


@dataclass(frozen=True)
class ImportResult:
    """How many rows were created, updated and skipped."""

    created: int
    updated: int
    skipped: int = 0


# (rows read, None), then (rows checked, rows in all): what a background import reports
Progress = Callable[[int, int | None], None] | None


def _rows(stream: IO[bytes] | bytes, columns, name: str | None,
          progress: Progress = None) -> list[tuple[int, dict[str, Any]]]:
    # up to upload.MAX_ROWS (10,000) like every import: beyond IMPORT_INLINE_ROWS the worker imports them
    rows = read_sheet(stream, tuple(h for h, _f in columns), name,
                      progress=None if progress is None else lambda read: progress(read, None))
    if not rows:
        raise ServiceError(_("Berkas tidak berisi baris data (baris 2 dan seterusnya)."), "file")
    return rows


def _validate(rows, columns, clean, progress: Progress = None) -> tuple[list[tuple[int, dict]], list[str]]:
    header_of = {f: h for h, f in columns}
    valid, errors = [], []
    for checked, (number, record) in enumerate(rows, start=1):
        if progress is not None:
            progress(checked, len(rows))
        data = {field: record.get(header) for header, field in columns}
        try:
            valid.append((number, clean(data)))
        except ServiceError as exc:
            for error in getattr(exc, "errors", None) or [exc]:  # FieldErrors: one line per bad cell
                errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s",
                                row=number, col=header_of.get(error.field, error.field or "-"),
                                reason=error.message))
    return valid, errors


def import_staff(session: Session, user: Any, inst: Institution, stream: IO[bytes] | bytes,
                 name: str | None = None, progress: Progress = None) -> ImportResult:
    """Add or update (same name and function) the staff of one LPKS from the staff template."""
    institution_for_write(session, user, {"institution_id": inst.id}, StaffMember)
    valid, errors = _validate(_rows(stream, STAFF_COLUMNS, name, progress), STAFF_COLUMNS, registry_staff.clean,
                              progress)
    seen: dict[tuple[str, str], int] = {}
    for number, values in valid:
        key = (values["name"].lower(), values["function"])
        if key in seen:
            errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="nama", reason=_(
                "orang dengan fungsi yang sama sudah ada di baris %(first)s.", first=seen[key])))
        seen.setdefault(key, number)
    if errors:
        raise ImportRejected(errors)
    created = updated = 0
    existing = registry_staff.same_index(session, inst.id)
    for _number, values in valid:
        staff = existing.get((values["name"].lower(), values["function"]))
        if staff is None:
            session.add(StaffMember(institution_id=inst.id, **values))
            created += 1
        else:
            for key, value in values.items():
                setattr(staff, key, value)
            touch(staff)
            updated += 1
    session.flush()
    return ImportResult(created, updated)


def import_facilities(session: Session, user: Any, inst: Institution, stream: IO[bytes] | bytes,
                      name: str | None = None, progress: Progress = None) -> ImportResult:
    """Fill the facility checklist of one LPKS from its template; rows without availability are skipped."""
    institution_for_write(session, user, {"institution_id": inst.id}, FacilityRecord)
    rows = _rows(stream, FACILITY_COLUMNS, name, progress)
    user_columns = [h for h, f in FACILITY_COLUMNS if f != "item_code"]
    filled = [(n, r) for n, r in rows if any(r.get(h) not in (None, "") for h in user_columns)]
    valid, errors = _validate(filled, FACILITY_COLUMNS, registry_facilities.clean, progress)
    seen: dict[str, int] = {}
    for number, values in valid:
        if values["item_code"] in seen:
            errors.append(_("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col="kode_butir", reason=_(
                "butir ini sudah diisi di baris %(first)s.", first=seen[values["item_code"]])))
        seen.setdefault(values["item_code"], number)
    if errors:
        raise ImportRejected(errors)
    existing = {r.item.code for r in registry_facilities.checklist(session, inst) if r.record is not None}
    for _number, values in valid:
        registry_facilities.save(session, user, {**values, "institution_id": inst.id}, require_version=False)
    created = sum(1 for _n, v in valid if v["item_code"] not in existing)
    return ImportResult(created, len(valid) - created, len(rows) - len(filled))
