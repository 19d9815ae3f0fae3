"""Dashboard thresholds and predicates, kept here so no view holds a number (RULES §5 Dashboards)."""

from __future__ import annotations

from datetime import date, timedelta

NOTICE_DUE_WITHIN_DAYS = 7
CUSTODY_ENDING_WITHIN_DAYS = 7
PLACEMENT_ENDING_WITHIN_DAYS = 30


def due_window(today: date, within_days: int) -> tuple[date, date]:
    """Inclusive date range [today, today + within_days] for a "due within N days" query."""
    return today, today + timedelta(days=within_days)


def _within(day: date, today: date, within_days: int) -> bool:
    first, last = due_window(today, within_days)
    return first <= day <= last


def is_notice_overdue(deadline: date, today: date, sent_on: date | None = None) -> bool:
    """Notice of end of titipan not sent and its deadline has passed (Pasal 11 ayat 4)."""
    return sent_on is None and today > deadline


def is_notice_late(deadline: date, sent_on: date | None) -> bool:
    """A notice recorded as sent after its deadline stays late, on the record and every figure (RULES §5)."""
    return sent_on is not None and sent_on > deadline


def is_notice_due_soon(deadline: date, today: date, sent_on: date | None = None) -> bool:
    """Notice not sent and its deadline falls today or within 7 days (Pasal 11 ayat 4)."""
    return sent_on is None and _within(deadline, today, NOTICE_DUE_WITHIN_DAYS)


def is_custody_ending_soon(last_day: date, today: date) -> bool:
    """Titipan period whose last day is today or within 7 days (Pasal 11 ayat 3)."""
    return _within(last_day, today, CUSTODY_ENDING_WITHIN_DAYS)


def is_placement_ending_soon(last_day: date, today: date) -> bool:
    """Placement whose last day is today or within 30 days (Pasal 13 ayat 4)."""
    return _within(last_day, today, PLACEMENT_ENDING_WITHIN_DAYS)


def is_overstay(last_day: date, today: date, still_present: bool) -> bool:
    """Child still present after the period's last day (Pasal 11 ayat 5–6; Pasal 13 ayat 4)."""
    return still_present and today > last_day


def occupancy_rate(present: int, capacity: int) -> float | None:
    """Residents present as a share of capacity; None when capacity is unknown or zero."""
    if capacity <= 0:
        return None
    return present / capacity


def is_over_capacity(present: int, capacity: int) -> bool:
    """More residents present than the declared capacity."""
    return capacity > 0 and present > capacity
