"""Dates and numbers as Indonesian readers write them ("2 Desember 2026", "1.234,5"), in the user's locale and time
zone: for templates (filters `tanggal`, `tanggal_waktu`, `angka`), workbooks, PDFs and messages."""
from __future__ import annotations

from datetime import date, datetime, timezone
from typing import Any
from zoneinfo import ZoneInfo

from babel import Locale, dates, numbers
from flask import current_app, has_app_context
from flask_babel import get_locale, get_timezone
from jinja2 import pass_context

DEFAULT_LOCALE = "id"
DEFAULT_TIMEZONE = "Asia/Jakarta"
DATE_PATTERN = "d MMMM y"


def _locale(locale: str | Locale | None) -> Locale:
    if locale is not None:
        return Locale.parse(locale)
    if has_app_context() and "babel" in current_app.extensions:
        current = get_locale()
        if current is not None:
            return current
    return Locale.parse(DEFAULT_LOCALE)


def _timezone() -> Any:
    if has_app_context() and "babel" in current_app.extensions:
        return get_timezone()  # BABEL_DEFAULT_TIMEZONE, Asia/Jakarta unless configured
    return ZoneInfo(DEFAULT_TIMEZONE)


def _local(value: datetime) -> datetime:
    """`value` in the app's time zone; a naive datetime is UTC (how LPKS stores times)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(_timezone())


def _empty(value: Any) -> bool:
    return value is None or value == ""


def format_tanggal(value: date | datetime | None, locale: str | Locale | None = None) -> str:
    """A date: "20 Maret 2026" (id), "20 March 2026" (en); a datetime in Asia/Jakarta; None → "-"."""
    if _empty(value):
        return "-"
    if isinstance(value, str):  # an ISO date from a JSON-ready state (services' *_state dicts)
        value = date.fromisoformat(value)
    if isinstance(value, datetime):
        value = _local(value).date()
    return dates.format_date(value, DATE_PATTERN, locale=_locale(locale))


def format_tanggal_waktu(value: datetime | date | None, locale: str | Locale | None = None) -> str:
    """A datetime in Asia/Jakarta (naive = UTC): "20 Maret 2026 14.05", "20 March 2026 14:05"."""
    # Always a 24-hour clock, with the locale's separator when CLDR has one ("." in Indonesian).
    if _empty(value):
        return "-"
    if not isinstance(value, datetime):
        return format_tanggal(value, locale)
    loc = _locale(locale)
    short_time = loc.time_formats["short"].pattern
    time_pattern = short_time if "H" in short_time and "a" not in short_time else "HH:mm"
    return dates.format_datetime(_local(value), f"{DATE_PATTERN} {time_pattern}", locale=loc)


def format_month(value: date | None, locale: str | Locale | None = None) -> str:
    """A month and year: "Agu 2026" (id), "Aug 2026" (en)."""
    if _empty(value):
        return "-"
    return dates.format_date(value, "MMM y", locale=_locale(locale))


def format_angka(value: Any, desimal: int | None = None, locale: str | Locale | None = None) -> str:
    """A number with locale grouping: "1.234.567,5" (id), "1,234,567.5" (en); desimal fixes decimals."""
    if _empty(value):
        return "-"
    loc = _locale(locale)
    if desimal is None:
        return numbers.format_decimal(value, locale=loc)
    pattern = "#,##0" + ("." + "0" * desimal if desimal > 0 else "")
    return numbers.format_decimal(value, format=pattern, locale=loc)


# Jinja folds filters applied to constants at compile time ({{ 1500|angka }}) and caches the
# template, which would freeze the first request's locale; pass_context filters are never folded.

@pass_context
def tanggal_filter(context: Any, value: Any, locale: str | None = None) -> str:
    return format_tanggal(value, locale)


@pass_context
def tanggal_waktu_filter(context: Any, value: Any, locale: str | None = None) -> str:
    return format_tanggal_waktu(value, locale)


@pass_context
def angka_filter(context: Any, value: Any, desimal: int | None = None, locale: str | None = None) -> str:
    return format_angka(value, desimal, locale)
