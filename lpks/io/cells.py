"""Spreadsheet cell safety shared by every export."""
from __future__ import annotations

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_cell(value):
    """Make a cell inert: text starting like a formula gets a leading apostrophe (CSV/Excel injection)."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
