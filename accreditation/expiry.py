"""When a registration, a certificate or an SPPA training is flagged as expiring (dashboards, RULES §1–2).

Decision (the regulation is silent): a date that expires within EXPIRY_WARNING_DAYS calendar days of today,
today included, is "segera berakhir"; one already past is "kedaluwarsa". Both are shown, so an expired
registration stays visible until it is renewed. Dates are inclusive: valid until 1 March means valid on 1 March.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import Enum

EXPIRY_WARNING_DAYS = 90


class ExpiryState(str, Enum):
    """Where a validity end date stands on a given day."""

    KEDALUWARSA = "kedaluwarsa"  # already past
    SEGERA = "segera_berakhir"  # within the warning window
    BERLAKU = "berlaku"  # later than the window


def warning_horizon(as_of: date, days: int = EXPIRY_WARNING_DAYS) -> date:
    """The last validity date still flagged on `as_of`: as_of + days (a query bound: valid_until <= horizon)."""
    return as_of + timedelta(days=days)


def expiry_state(valid_until: date | None, as_of: date, days: int = EXPIRY_WARNING_DAYS) -> ExpiryState | None:
    """Expired, expiring within the window, or valid; None when no end date is recorded."""
    if valid_until is None:
        return None
    if valid_until < as_of:
        return ExpiryState.KEDALUWARSA
    if valid_until <= warning_horizon(as_of, days):
        return ExpiryState.SEGERA
    return ExpiryState.BERLAKU


def days_left(valid_until: date, as_of: date) -> int:
    """Days from `as_of` to the last valid day (0 = last day today, negative = expired)."""
    return (valid_until - as_of).days
