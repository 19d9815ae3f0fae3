"""Workbook plumbing of the registry: typed reading of an uploaded .xlsx (read_only) and write_only sheets whose
every text cell is neutralised."""
from __future__ import annotations

import io
from datetime import date, datetime
from typing import IO, Any, Iterable

from openpyxl import Workbook

from lpks.io.cells import neutralise_cell
from lpks.io.upload import MAX_ROWS, read_table

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def read_sheet(content: bytes | IO[bytes], required: tuple[str, ...], name: str | None = None,
               max_rows: int = MAX_ROWS) -> list[tuple[int, dict[str, Any]]]:
    """Rows of the first sheet as (row number, {header: value}); dates stay dates; blank rows are skipped."""
    return read_table(content, name, required=required, max_rows=max_rows).records(_cell)


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
