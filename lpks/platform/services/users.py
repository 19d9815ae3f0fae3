"""Users: creation with role and scope, authentication (throttled: lpks.platform.services.throttle), passwords, status."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE, Region
from lpks.platform.models.user import (
    FUNCTIONS,
    ROLE_ADMIN,
    ROLE_KABKOTA,
    ROLE_KEMENSOS,
    ROLE_OPERATOR,
    ROLES,
    User,
    new_session_epoch,
)
from lpks.platform.numbers import as_id
from lpks.platform.services import audit, throttle, tokens
from lpks.platform.services.passwords import DUMMY_HASH, hash_password, verify_password
from lpks.registry.models.institution import Institution

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
        if not as_id(scope):
            raise ServiceError(_("Peran operator_lpks memerlukan lingkup berupa id LPKS (angka)."), "scope")
        if session.get(Institution, as_id(scope)) is None:
            raise ServiceError(_("LPKS dengan id %(scope)s tidak ada.", scope=scope), "scope")
        return as_id(scope), None
    level = LEVEL_KABKOTA if role == ROLE_KABKOTA else LEVEL_PROVINCE
    example = "35.75" if role == ROLE_KABKOTA else "35"
    region = session.get(Region, scope) if scope else None
    if region is None or region.level != level:
        raise ServiceError(
            _("Peran %(role)s memerlukan lingkup berupa kode %(level)s yang terdaftar (contoh: %(example)s).",
              role=role, level=level.replace('_', '/'), example=example), "scope")
    return None, region.code


def _function_for(role: str, function: str | None) -> str | None:
    """A Dinas Sosial kabupaten/kota user's function in its case handling (RULES §8); no other role has one."""
    function = (function or "").strip() or None
    if function is None:
        return None
    if role != ROLE_KABKOTA:
        raise ServiceError(_("Fungsi pekerja sosial, TKSK atau data dan informasi hanya untuk pengguna Dinas Sosial "
                             "kabupaten/kota."), "function")
    if function not in FUNCTIONS:
        raise ServiceError(_("Fungsi '%(function)s' tidak dikenal. Pilihan: %(functions)s.", function=function,
                             functions=", ".join(FUNCTIONS)), "function")
    return function


def create_user(session: Session, username: str, password: str, role: str, scope: str | None = None,
                full_name: str | None = None, locale: str = "id", function: str | None = None) -> User:
    """Create a user whose role and scope fit together (RULES §1), with a Dinas Sosial user's function (§8)."""
    username = (username or "").strip()
    if not username or len(username) > 80 or not username.replace(".", "").replace("_", "").replace("-", "").isalnum():
        raise ServiceError(_("Nama pengguna wajib diisi: huruf, angka, titik, garis bawah atau tanda hubung."),
                           "username")
    if session.scalar(select(User.id).where(func.lower(User.username) == username.lower())):
        raise ServiceError(_("Nama pengguna '%(username)s' sudah dipakai.", username=username), "username")
    institution_id, region_code = _scope_for(session, role, scope)
    user = User(username=username, password_hash=hash_password(password, username), role=role,
                function=_function_for(role, function),
                institution_id=institution_id, region_code=region_code, full_name=full_name,
                locale=locale if locale in ("id", "en") else "id", password_changed_at=utcnow())
    session.add(user)
    session.flush()
    return user


def authenticate(session: Session, username: str, password: str, client: str) -> User | None:
    """Check a login from one client address; every check is recorded and throttled per (address, username)."""
    key = (username or "").strip().lower()
    user = session.scalar(select(User).where(func.lower(User.username) == key))
    throttle.check(session, client, key, "username", user.id if user else None)
    ok = verify_password(user.password_hash if user else DUMMY_HASH, password) and user is not None and user.active
    throttle.record(session, client, key, ok)
    audit.record(session, "login_success" if ok else "login_failure", "app_user", user.id if user else None)
    return user if ok else None


def end_all_sessions(user: User) -> None:
    """Rotate the session epoch: every cookie issued before is refused from now on."""
    user.session_epoch = new_session_epoch()


def change_password(session: Session, user: User, current: str, new: str, confirm: str | None = None,
                    client: str = "") -> None:
    """Change a password after checking the current one (throttled like a login); ends every other session and
    every API token."""
    throttle.check(session, client, user.username, "current_password", user.id)
    ok = verify_password(user.password_hash, current)
    throttle.record(session, client, user.username, ok)
    if not ok:
        audit.record(session, "password_check_failure", "app_user", user.id)
        raise ServiceError(_("Kata sandi saat ini salah."), "current_password")
    if confirm is not None and new != confirm:
        raise ServiceError(_("Konfirmasi kata sandi tidak sama dengan kata sandi baru."), "confirm_password")
    if new == current:
        raise ServiceError(_("Kata sandi baru harus berbeda dari kata sandi saat ini."), "new_password")
    user.password_hash = hash_password(new, user.username, "new_password", _("Kata sandi baru"))
    user.password_changed_at = utcnow()
    end_all_sessions(user)
    tokens.revoke_all(session, user)
    audit.record(session, "password_change", "app_user", user.id, ("password_hash",))
    session.flush()


def set_password(session: Session, user: User, new: str) -> None:
    """Set a password (administrator reset); ends every session and every API token of that user."""
    user.password_hash = hash_password(new, user.username, "new_password", _("Kata sandi baru"))
    user.password_changed_at = utcnow()
    end_all_sessions(user)
    tokens.revoke_all(session, user)
    session.flush()


def set_active(session: Session, username: str, active: bool) -> User:
    """Activate or deactivate a user by name (CLI); a deactivation ends their sessions and tokens."""
    user = session.scalar(select(User).where(func.lower(User.username) == (username or "").strip().lower()))
    if user is None:
        raise NotFound(_("Pengguna '%(username)s' tidak ada.", username=username), "username")
    if user.active != active:
        user.active = active
        end_all_sessions(user)
        if not active:
            tokens.revoke_all(session, user)
    session.flush()
    return user


def update_user(session: Session, user: User, *, role: str, scope: str | None, full_name: str | None,
                locale: str, active: bool, new_password: str | None = None, actor: Any = None,
                function: str | None = None) -> User:
    """Change a user's role, scope, function and status; a role, scope, function or status change ends their sessions
    (a deactivation their tokens too). An administrator cannot deactivate or demote their own account (nobody would be
    left to undo it)."""
    if actor is not None and actor.id == user.id and (not active or role != user.role):
        raise ServiceError(_("Anda tidak dapat menonaktifkan atau mengubah peran akun Anda sendiri."),
                           "active" if not active else "role")
    institution_id, region_code = _scope_for(session, role, scope)
    function = _function_for(role, function)
    changed_access = (role, institution_id, region_code, active, function) != (
        user.role, user.institution_id, user.region_code, user.active, user.function)
    user.role, user.institution_id, user.region_code, user.function = role, institution_id, region_code, function
    user.full_name = full_name
    user.locale = locale if locale in ("id", "en") else "id"
    user.active = active
    if new_password:
        set_password(session, user, new_password)
    elif changed_access:
        end_all_sessions(user)
    if not active:
        tokens.revoke_all(session, user)
    session.flush()
    return user
