"""Typed reading of an uploaded registry workbook (read_only): dates stay dates, whole numbers stay integers."""
from __future__ import annotations

from datetime import datetime
from typing import IO, Any, Callable

from lpks.io.upload import MAX_ROWS, read_table


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str):
        return value.strip()
    return value


def read_sheet(content: bytes | IO[bytes], required: tuple[str, ...], name: str | None = None,
               max_rows: int = MAX_ROWS, progress: Callable[[int], None] | None = None
               ) -> list[tuple[int, dict[str, Any]]]:
    """Rows of the first sheet as (row number, {header: value}); dates stay dates; blank rows are skipped."""
    return read_table(content, name, required=required, max_rows=max_rows, progress=progress).records(_cell)
