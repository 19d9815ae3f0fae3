"""The audit trail: every change is recorded automatically; events are recorded explicitly.

A row says who (user, role, IP), when, the action, the object and the NAMES of the fields that
changed — never their values, so no identity ever lands in the trail.
"""
from __future__ import annotations

import contextvars
from dataclasses import dataclass

from sqlalchemy import insert, inspect
from sqlalchemy.orm import Session

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import LoginAttempt

# Changes of these columns are bookkeeping, not a user's change.
QUIET_FIELDS = frozenset({"version", "updated_at", "session_epoch", "last_used_at", "created_at"})
UNAUDITED = (AuditLog, LoginAttempt)


@dataclass(frozen=True)
class Actor:
    """Who is acting: a logged-in user, or the command line."""

    user_id: int | None = None
    username: str | None = None
    role: str | None = None
    ip: str | None = None


CLI_ACTOR = Actor(username="cli", role="cli")
_actor: contextvars.ContextVar[Actor] = contextvars.ContextVar("lpks_actor", default=CLI_ACTOR)


def set_actor(actor: Actor) -> contextvars.Token:
    """Set who is acting for the rest of this request or command."""
    return _actor.set(actor)


def current_actor() -> Actor:
    """Who is acting now."""
    return _actor.get()


def _row(action: str, object_type: str | None, object_id, fields) -> dict:
    actor = current_actor()
    return {
        "at": utcnow(), "user_id": actor.user_id, "username": actor.username, "role": actor.role,
        "ip": actor.ip, "action": action, "object_type": object_type,
        "object_id": None if object_id is None else str(object_id),
        "fields": ",".join(sorted(fields)) if fields else None,
    }


def record(session: Session, action: str, object_type: str | None = None, object_id=None, fields=()) -> None:
    """Append one explicit event (login, export, identity view…) in the session's transaction."""
    session.execute(insert(AuditLog), [_row(action, object_type, object_id, fields)])


def record_many(session: Session, action: str, object_type: str | None, object_ids, fields=()) -> None:
    """The same event for many objects (an export revealing each child's identity) in one statement."""
    rows = [_row(action, object_type, object_id, fields) for object_id in object_ids]
    if rows:
        session.execute(insert(AuditLog), rows)


def _identity(obj) -> tuple[str, str | None]:
    state = inspect(obj)
    # a row created in this flush has no identity key yet, but its primary key is already assigned
    key = state.identity or tuple(state.mapper.primary_key_from_instance(obj))
    return obj.__tablename__, None if not key or None in key else ":".join(str(k) for k in key)


def _changed_fields(obj) -> list[str]:
    state = inspect(obj)
    names = []
    for attr in state.mapper.column_attrs:
        if attr.key in QUIET_FIELDS:
            continue
        if state.attrs[attr.key].history.has_changes():
            names.append(attr.key)
    return names


def _new_fields(obj) -> list[str]:
    state = inspect(obj)
    return [a.key for a in state.mapper.column_attrs
            if a.key not in QUIET_FIELDS and getattr(obj, a.key) is not None]


def _refuse_audit_rewrite(session, flush_context, instances) -> None:
    for obj in list(session.dirty) + list(session.deleted):
        if isinstance(obj, AuditLog) and (obj in session.deleted or session.is_modified(obj)):
            raise PermissionError("Catatan audit tidak dapat diubah atau dihapus.")


def _audit_changes(session, flush_context) -> None:
    rows = []
    for obj in session.new:
        if not isinstance(obj, UNAUDITED) and hasattr(obj, "__tablename__"):
            rows.append(_row("create", *_identity(obj), _new_fields(obj)))
    for obj in session.dirty:
        if isinstance(obj, UNAUDITED) or not hasattr(obj, "__tablename__"):
            continue
        fields = _changed_fields(obj)
        if fields:
            rows.append(_row("update", *_identity(obj), fields))
    for obj in session.deleted:
        if not isinstance(obj, UNAUDITED) and hasattr(obj, "__tablename__"):
            rows.append(_row("delete", *_identity(obj), ()))
    if rows:
        session.execute(insert(AuditLog), rows)


# Installed on every Session by lpks.wiring.install(), never by importing this module.
SESSION_HOOKS = [
    ("before_flush", _refuse_audit_rewrite),
    ("after_flush", _audit_changes),
]
