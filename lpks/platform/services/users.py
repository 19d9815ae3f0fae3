"""Users: creation with role and scope, authentication with throttling, passwords, tokens."""
from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.models.user import ApiToken, LoginAttempt, User
from lpks.registry.models.institution import Institution
from lpks.platform.models.region import Region
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE
from lpks.platform.models.user import (
    ROLE_ADMIN,
    ROLE_KABKOTA,
    ROLE_KEMENSOS,
    ROLE_OPERATOR,
    ROLES,
    new_session_epoch,
)

from lpks.platform.services import audit
from lpks.platform.errors import NotFound, ServiceError
from lpks.platform.services.passwords import DUMMY_HASH, hash_password, verify_password

TOKEN_PREFIX = "lpks_"
NATIONAL_ROLES = (ROLE_KEMENSOS, ROLE_ADMIN)


def _scope_for(session: Session, role: str, scope: str | None) -> tuple[int | None, str | None]:
    """Check that the scope fits the role; return (institution_id, region_code)."""
    scope = (scope or "").strip() or None
    if role not in ROLES:
        raise ServiceError(_("Peran '%(role)s' tidak dikenal. Pilihan: %(roles)s.",
                             role=role, roles=', '.join(ROLES)), "role")
    if role in NATIONAL_ROLES:
        if scope:
            raise ServiceError(_("Peran %(role)s berlingkup nasional dan tidak memakai lingkup.", role=role), "scope")
        return None, None
    if role == ROLE_OPERATOR:
        if not scope or not scope.isdigit():
            raise ServiceError(_("Peran operator_lpks memerlukan lingkup berupa id LPKS (angka)."), "scope")
        if session.get(Institution, int(scope)) is None:
            raise ServiceError(_("LPKS dengan id %(scope)s tidak ada.", scope=scope), "scope")
        return int(scope), None
    level = LEVEL_KABKOTA if role == ROLE_KABKOTA else LEVEL_PROVINCE
    example = "35.75" if role == ROLE_KABKOTA else "35"
    region = session.get(Region, scope) if scope else None
    if region is None or region.level != level:
        raise ServiceError(
            _("Peran %(role)s memerlukan lingkup berupa kode %(level)s yang terdaftar (contoh: %(example)s).",
              role=role, level=level.replace('_', '/'), example=example), "scope")
    return None, region.code


def create_user(session: Session, username: str, password: str, role: str, scope: str | None = None,
                full_name: str | None = None, locale: str = "id") -> User:
    """Create a user whose role and scope fit together (RULES §1)."""
    username = (username or "").strip()
    if not username or len(username) > 80 or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ServiceError(_("Nama pengguna wajib diisi: huruf, angka, titik, garis bawah atau tanda hubung."),
                           "username")
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise ServiceError(_("Nama pengguna '%(username)s' sudah dipakai.", username=username), "username")
    institution_id, region_code = _scope_for(session, role, scope)
    user = User(username=username, password_hash=hash_password(password), role=role,
                institution_id=institution_id, region_code=region_code, full_name=full_name,
                locale=locale if locale in ("id", "en") else "id", password_changed_at=utcnow())
    session.add(user)
    session.flush()
    return user


def recent_failures(session: Session, username: str, window_seconds: int) -> int:
    """Failed logins for a username within the window (shared by every worker via the database)."""
    since = utcnow() - timedelta(seconds=window_seconds)
    return session.scalar(select(func.count()).select_from(LoginAttempt).where(
        LoginAttempt.username == username.lower(), LoginAttempt.success.is_(False), LoginAttempt.at >= since)) or 0


class LoginThrottled(ServiceError):
    """Too many failed attempts for this user in the last minute."""


def authenticate(session: Session, username: str, password: str, max_failures: int, window_seconds: int) -> User | None:
    """Check a login; records the attempt; refuses once `max_failures` failed within the window."""
    key = (username or "").strip().lower()
    if recent_failures(session, key, window_seconds) >= max_failures:
        audit.record(session, "login_throttled", "app_user", None, ())
        raise LoginThrottled("Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam satu menit.", "username")
    user = session.scalar(select(User).where(func.lower(User.username) == key))
    ok = verify_password(user.password_hash if user else DUMMY_HASH, password) and user is not None and user.active
    session.add(LoginAttempt(username=key, success=ok))
    audit.record(session, "login_success" if ok else "login_failure", "app_user", user.id if user else None)
    return user if ok else None


def end_all_sessions(user: User) -> None:
    """Rotate the session epoch: every cookie issued before is refused from now on."""
    user.session_epoch = new_session_epoch()


def change_password(session: Session, user: User, current: str, new: str, confirm: str | None = None) -> None:
    """Change a password after checking the current one; ends every other session."""
    if not verify_password(user.password_hash, current):
        raise ServiceError(_("Kata sandi saat ini salah."), "current_password")
    if confirm is not None and new != confirm:
        raise ServiceError(_("Konfirmasi kata sandi tidak sama dengan kata sandi baru."), "confirm_password")
    if new == current:
        raise ServiceError(_("Kata sandi baru harus berbeda dari kata sandi saat ini."), "new_password")
    user.password_hash = hash_password(new)
    user.password_changed_at = utcnow()
    end_all_sessions(user)
    audit.record(session, "password_change", "app_user", user.id, ("password_hash",))
    session.flush()


def set_password(session: Session, user: User, new: str) -> None:
    """Set a password (administrator reset); ends every session of that user."""
    user.password_hash = hash_password(new)
    user.password_changed_at = utcnow()
    end_all_sessions(user)
    session.flush()


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(session: Session, username: str) -> tuple[ApiToken, str]:
    """Issue a bearer token; the plain value is returned once and never stored."""
    user = session.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(_("Pengguna '%(username)s' tidak ada.", username=username), "username")
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, token_hash=_hash_token(plain), prefix=plain[:12])
    session.add(token)
    session.flush()
    return token, plain


def revoke_token(session: Session, token_id: int) -> ApiToken:
    """Revoke a token: it is refused from now on."""
    token = session.get(ApiToken, token_id)
    if token is None:
        raise NotFound(_("Token %(token_id)s tidak ada.", token_id=token_id), "token_id")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
    session.flush()
    return token


def user_for_token(session: Session, plain: str) -> User | None:
    """The active user owning a valid, unrevoked token."""
    if not plain or not plain.startswith(TOKEN_PREFIX):
        return None
    token = session.scalar(select(ApiToken).where(ApiToken.token_hash == _hash_token(plain)))
    if token is None or token.revoked_at is not None:
        return None
    user = session.get(User, token.user_id)
    return user if user is not None and user.active else None


def update_user(session: Session, user: User, *, role: str, scope: str | None, full_name: str | None,
                locale: str, active: bool, new_password: str | None = None) -> User:
    """Change a user's role, scope and status; a role, scope or status change ends their sessions."""
    institution_id, region_code = _scope_for(session, role, scope)
    changed_access = (role, institution_id, region_code, active) != (
        user.role, user.institution_id, user.region_code, user.active)
    user.role, user.institution_id, user.region_code = role, institution_id, region_code
    user.full_name = full_name
    user.locale = locale if locale in ("id", "en") else "id"
    user.active = active
    if new_password:
        set_password(session, user, new_password)
    elif changed_access:
        end_all_sessions(user)
    session.flush()
    return user
