"""Write rows to a CSV or XLSX file as they come, in constant memory: openpyxl's write-only workbook (each row goes
to a temporary sheet file at once) or the csv writer; every text cell made inert (lpks.io.cells.neutralise_cell)."""
from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence
from zoneinfo import ZoneInfo

from openpyxl import Workbook

from lpks.io.cells import neutralise_cell

FORMATS = ("csv", "xlsx")
MIMETYPES = {"csv": "text/csv; charset=utf-8",
             "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def plain(value: Any, tz: ZoneInfo) -> Any:
    """A cell value a spreadsheet can hold: text made inert, an aware time shown in the users' zone."""
    if isinstance(value, str):
        return neutralise_cell(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.astimezone(tz).replace(tzinfo=None)  # Excel has no time zones
    return value


def write_rows(path: Path, fmt: str, header: Sequence[str], rows: Iterable[Sequence[Any]], tz: ZoneInfo,
               sheet: str = "data", progress: Callable[[int], None] | None = None) -> int:
    """Write `header` then every row to `path` in `fmt` (csv or xlsx); returns how many rows were written."""
    if fmt not in FORMATS:
        raise ValueError(fmt)
    count = 0
    if fmt == "csv":
        with open(path, "w", newline="", encoding="utf-8-sig") as handle:  # the BOM lets Excel read UTF-8
            writer = csv.writer(handle)
            writer.writerow([plain(h, tz) for h in header])
            for row in rows:
                writer.writerow(["" if v is None else plain(v, tz) for v in row])
                count += 1
                if progress is not None:
                    progress(count)
        return count
    book = Workbook(write_only=True)
    ws = book.create_sheet(sheet[:31])
    ws.append([plain(h, tz) for h in header])
    for row in rows:
        ws.append([plain(v, tz) for v in row])
        count += 1
        if progress is not None:
            progress(count)
    book.save(path)
    return count
