"""Workbook plumbing of the registry: typed reading of an uploaded .xlsx (read_only) and write_only sheets whose
every text cell is neutralised."""
from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from typing import Any, Iterable

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from lpks.services.errors import ServiceError

from .cells import neutralise_cell

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def read_sheet(content: bytes, required: tuple[str, ...]) -> list[tuple[int, dict[str, Any]]]:
    """Rows of the first sheet as (row number, {header: value}); dates stay dates; blank rows are skipped."""
    if not content.startswith(b"PK\x03\x04"):
        raise ServiceError("Berkas harus buku kerja Excel .xlsx (unduh templatnya dari halaman ini).", "file")
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ServiceError("Berkas .xlsx rusak atau tidak dapat dibaca.", "file") from None
    try:
        rows = [list(r) for r in workbook.worksheets[0].iter_rows(values_only=True)]
    finally:
        workbook.close()
    if not rows:
        raise ServiceError("Berkas kosong: baris pertama harus berisi judul kolom.", "file")
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise ServiceError(f"Kolom wajib tidak ada: {', '.join(missing)}. Gunakan templat dari sistem.", "file")
    result = []
    for number, values in enumerate(rows[1:], start=2):
        record = {name: _cell(values[i]) if i < len(values) else None for i, name in enumerate(header) if name}
        if any(v not in (None, "") for v in record.values()):
            result.append((number, record))
    return result


def workbook_bytes(sheets: Iterable[tuple[str, list[str], Iterable[Iterable[Any]]]]) -> bytes:
    """A write_only workbook of (title, header, rows) sheets; text cells neutralised against formulas."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([neutralise_cell(h) for h in header])
        for row in rows:
            sheet.append([_out(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _out(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, (date, int, float)) and not isinstance(value, bool):
        return value
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    return neutralise_cell(str(value))
