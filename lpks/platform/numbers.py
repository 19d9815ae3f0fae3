"""Whole numbers typed by people or sent by clients: ASCII digits only, and never beyond what the database holds.

`int()` accepts what no form should ("²" fails only after `str.isdigit()` said yes, "٣" is 3), and a 30-digit id
overflows SQLite's INTEGER and PostgreSQL's `integer` alike: both answered 500. Every id and count read from text
goes through here."""
from __future__ import annotations

import re
from typing import Any

DB_INT_MAX = 2_147_483_647  # PostgreSQL `integer` (int4): every id column and every stored count
_WHOLE = re.compile(r"[+-]?[0-9]+")


def parse_whole(value: Any) -> int | None:
    """The integer written in ASCII decimal digits (optional sign, spaces around), or None when it is not one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    text = str(value).strip() if value is not None else ""
    return int(text) if _WHOLE.fullmatch(text) else None


def in_db_range(number: int, minimum: int = 0) -> bool:
    """Does the number fit the database's integer columns (and the caller's lower bound)?"""
    return minimum <= number <= DB_INT_MAX


def as_id(value: Any) -> int | None:
    """A database id (1 … 2,147,483,647) from text or a number; None when the value cannot be one (callers then
    answer as for a missing row)."""
    number = parse_whole(value)
    return number if number is not None and in_db_range(number, 1) else None


def looks_whole(text: str) -> bool:
    """Is the text meant as a whole number: digits of any script ("²", "٣" included), an optional sign?"""
    digits = (text or "").strip().lstrip("+-")
    return digits.isdigit()
