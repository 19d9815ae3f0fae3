"""The one workbook writer: write_only sheets (constant memory per row), every text cell neutralised against
formulas, numbers and dates kept as such, yes/no for booleans."""
from __future__ import annotations

import io
from datetime import date
from decimal import Decimal
from typing import Any, Iterable

from openpyxl import Workbook

from lpks.io.cells import neutralise_cell

XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def cell(value: Any) -> Any:
    """A value as a safe cell: None empty, a boolean as ya/tidak, numbers and dates as such, text neutralised."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, (int, float, Decimal, date)):
        return value
    return neutralise_cell(str(value))


def workbook_bytes(sheets: Iterable[tuple[str, list[str], Iterable[Iterable[Any]]]]) -> bytes:
    """A write_only workbook of (title, header, rows) sheets."""
    workbook = Workbook(write_only=True)
    for title, header, rows in sheets:
        sheet = workbook.create_sheet(title=title[:31])
        sheet.append([cell(h) for h in header])
        for row in rows:
            sheet.append([cell(v) for v in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
