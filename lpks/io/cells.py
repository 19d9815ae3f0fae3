"""Spreadsheet cell safety shared by every export."""
from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Make a cell inert and writable: text starting like a formula gets a leading apostrophe (CSV/Excel
    injection), and control characters a workbook cannot hold are dropped (openpyxl would refuse the export)."""
    if not isinstance(value, str):
        return value
    value = ILLEGAL_CHARACTERS_RE.sub("", value)
    return "'" + value if value.startswith(FORMULA_STARTS) else value
