"""Throttling of password checks per client address and username together, with growing delays, kept in the
database so it holds across gunicorn workers.

The first LOGIN_FREE_FAILURES failed checks of a pair (since its last success, within LOGIN_WINDOW_SECONDS) cost
nothing; after that, each attempt must wait LOGIN_DELAY_SECONDS × 2^(failures − free) after the last failure, at
most LOGIN_MAX_DELAY_SECONDS. Nothing is ever locked, and the pair is the unit: a client who knows a username
slows only itself, and the rightful user at their own address still gets in. The login form and the current
password on the account page share the counters."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import LoginAttempt
from lpks.platform.services import audit

DEFAULTS = {"LOGIN_FREE_FAILURES": 5, "LOGIN_DELAY_SECONDS": 30, "LOGIN_MAX_DELAY_SECONDS": 900,
            "LOGIN_WINDOW_SECONDS": 86400}


@dataclass(frozen=True)
class Policy:
    """How many failures are free, the first delay, the longest delay, how far back failures count."""

    free: int
    delay: int
    max_delay: int
    window: int

    @classmethod
    def configured(cls) -> Policy:
        cfg = current_app.config if has_app_context() else {}
        return cls(*(int(cfg.get(key, default)) for key, default in DEFAULTS.items()))

    def wait(self, failures: int) -> int:
        """Seconds to wait after the last failure, given the failures counted so far."""
        if failures < self.free:
            return 0
        return min(self.delay * 2 ** min(failures - self.free, 30), self.max_delay)


class Throttled(ServiceError):
    """Too many failed password checks from this address for this user: try again in `retry_after` seconds."""

    def __init__(self, message: str, field: str, retry_after: int):
        super().__init__(message, field, status=429)
        self.retry_after = retry_after


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def remaining(session: Session, client: str, username: str, policy: Policy | None = None) -> int:
    """Seconds this pair must still wait before its next password check (0: go ahead)."""
    policy = policy or Policy.configured()
    now = utcnow()
    pair = (LoginAttempt.username == username, LoginAttempt.client == client)
    last_ok = select(func.max(LoginAttempt.at)).where(*pair, LoginAttempt.success.is_(True)).scalar_subquery()
    since = now - timedelta(seconds=policy.window)
    failures, last = session.execute(select(func.count(), func.max(LoginAttempt.at)).where(
        *pair, LoginAttempt.success.is_(False), LoginAttempt.at >= since,
        LoginAttempt.at > func.coalesce(last_ok, since))).one()
    wait = policy.wait(failures or 0)
    if not wait or last is None:
        return 0
    left = (_aware(last) + timedelta(seconds=wait) - now).total_seconds()
    return max(int(left) + (1 if left % 1 else 0), 0)


def check(session: Session, client: str, username: str, field: str, user_id: int | None = None) -> None:
    """Refuse a password check this pair must still wait for (429, audited once per minute with a count); the
    password is then not even compared, so waiting is the only way on."""
    key = (username or "").strip().lower()[:80]
    left = remaining(session, client or "", key)
    if left:
        audit.record_aggregated(session, "login_throttled", "app_user", user_id)
        raise Throttled(_("Terlalu banyak percobaan kata sandi yang salah dari alamat ini untuk pengguna ini. "
                          "Coba lagi dalam %(seconds)s detik.", seconds=left), field, left)


def record(session: Session, client: str, username: str, success: bool) -> None:
    """Keep one password check of this pair."""
    session.add(LoginAttempt(username=(username or "").strip().lower()[:80], client=(client or "")[:45],
                             success=success))
