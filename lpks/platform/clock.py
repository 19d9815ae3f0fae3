"""Today's date and the current time where the users are (LPKS_TIMEZONE, Asia/Jakarta by default).

Deadlines are dates in Indonesia: at 01:00 WIB it is already tomorrow, while the server's UTC clock
still says today. Every "today" in services, dashboards and templates comes from here.
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from flask import current_app, has_app_context

DEFAULT_TIMEZONE = "Asia/Jakarta"


def local_zone() -> ZoneInfo:
    """The configured time zone of the users."""
    name = current_app.config.get("BABEL_DEFAULT_TIMEZONE") if has_app_context() else None
    return ZoneInfo(name or DEFAULT_TIMEZONE)


def now() -> datetime:
    """The current time, aware, in the users' time zone."""
    return datetime.now(timezone.utc).astimezone(local_zone())


def today() -> date:
    """Today's date in the users' time zone."""
    return now().date()
