"""API bearer tokens: only the hash is stored; each expires (LPKS_TOKEN_DAYS, 90 days by default), records its last
use at most once a minute, and ends with a password change, a deactivation or "end all my tokens"."""
from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta, timezone
from typing import Any

from flask import current_app, has_app_context
from flask_babel import gettext as _
from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from lpks.platform.errors import NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import ApiToken, User
from lpks.platform.numbers import as_id

TOKEN_PREFIX = "lpks_"
DEFAULT_DAYS = 90
MAX_DAYS = 3650
TOUCH_EVERY = timedelta(minutes=1)  # a token's reads write its last use at most this often


def token_days() -> int:
    """How long a new token lives (config TOKEN_DAYS, from LPKS_TOKEN_DAYS)."""
    return int(current_app.config.get("TOKEN_DAYS", DEFAULT_DAYS)) if has_app_context() else DEFAULT_DAYS


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(moment: datetime | None) -> datetime | None:
    """SQLite hands timestamps back without their zone (they were stored in UTC)."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def create_token(session: Session, username: str, days: int | None = None) -> tuple[ApiToken, str]:
    """Issue a bearer token valid for `days` (default LPKS_TOKEN_DAYS); the plain value is returned once."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(_("Pengguna '%(username)s' tidak ada.", username=username), "username")
    if not user.active:
        raise ServiceError(_("Pengguna '%(username)s' tidak aktif: token tidak dapat dibuat.", username=username),
                           "username")
    days = token_days() if days is None else days
    if not 1 <= days <= MAX_DAYS:
        raise ServiceError(_("Masa berlaku token harus 1 sampai %(maximum)s hari.", maximum=MAX_DAYS), "days")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, token_hash=_hash(plain), prefix=plain[:12],
                     expires_at=utcnow() + timedelta(days=days))
    session.add(token)
    session.flush()
    return token, plain


def revoke_token(session: Session, token_id: Any) -> ApiToken:
    """Revoke a token: it is refused from now on."""
    token = session.get(ApiToken, as_id(token_id) or 0)
    if token is None:
        raise NotFound(_("Token %(token_id)s tidak ada.", token_id=token_id), "token_id")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    session.flush()
    return token


def revoke_all(session: Session, user: User) -> int:
    """End every token of the user still in force (password change, deactivation, "end all my tokens")."""
    now = utcnow()
    tokens = list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None),
                                                         ApiToken.expires_at > now)))
    for token in tokens:
        token.revoked_at = now
    session.flush()
    return len(tokens)


def in_force(session: Session, user: User) -> list[ApiToken]:
    """The user's tokens that still work, newest first."""
    return list(session.scalars(select(ApiToken).where(ApiToken.user_id == user.id, ApiToken.revoked_at.is_(None),
                                                       ApiToken.expires_at > utcnow())
                                .order_by(ApiToken.id.desc())))


def find(session: Session, plain: str) -> tuple[User, ApiToken] | None:
    """The active user and the token, for a token in force (not revoked, not expired)."""
    if not plain or not plain.startswith(TOKEN_PREFIX) or len(plain) > 100:
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash(plain)))
    if token is None or token.revoked_at is not None or _aware(token.expires_at) <= utcnow():
        return None
    user = session.get(User, token.user_id)
    return (user, token) if user is not None and user.active else None


def needs_touch(token: ApiToken) -> bool:
    """Is the recorded last use older than a minute (so this use should be written)?"""
    last = _aware(token.last_used_at)
    return last is None or utcnow() - last >= TOUCH_EVERY


def touch(session: Session, token_id: int) -> None:
    """Record a use; a use within a minute of the recorded one writes nothing (several workers may race: the
    condition lets one of them through)."""
    now = utcnow()
    session.execute(update(ApiToken).where(ApiToken.id == token_id, or_(
        ApiToken.last_used_at.is_(None), ApiToken.last_used_at < now - TOUCH_EVERY)).values(last_used_at=now))
