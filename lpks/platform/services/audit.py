"""The audit trail: every change is recorded automatically; events are recorded explicitly.

A row says who (user, role, IP), when, the action, the object and the NAMES of the fields that
changed — never their values, so no identity ever lands in the trail.
"""
from __future__ import annotations

import contextvars
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import insert, inspect, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import LoginAttempt

# Changes of these columns are bookkeeping, not a user's change.
QUIET_FIELDS = frozenset({"version", "updated_at", "session_epoch", "last_used_at", "created_at"})
UNAUDITED = (AuditLog, AuditTally, LoginAttempt)
TALLY_SECONDS = 60  # one aggregated row per actor, action and object type per minute


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


def record_aggregated(session: Session, action: str, object_type: str | None = None, object_id=None) -> None:
    """Count one event in its minute: the first of the window becomes an audit row, the next ones raise its count
    (`audit_tally`), so a scan of many ids is one row with a count instead of a flood."""
    actor = current_actor()
    now = utcnow()
    who = f"user:{actor.user_id}" if actor.user_id is not None else f"ip:{actor.ip or '-'}"
    start = datetime.fromtimestamp(int(now.timestamp()) // TALLY_SECONDS * TALLY_SECONDS, timezone.utc)
    key = {"action": action, "actor": who[:60], "object_type": object_type or "",
           "object_id": "" if object_id is None else str(object_id), "window_start": start}
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(AuditTally).values(**key, hits=1, last_at=now)
    upsert = upsert.on_conflict_do_update(index_elements=list(key), set_={"hits": AuditTally.hits + 1, "last_at": now})
    tally_id, hits = session.execute(upsert.returning(AuditTally.id, AuditTally.hits)).one()
    if hits == 1:
        audit_id = session.execute(insert(AuditLog).values(_row(action, object_type, object_id, ()))
                                   .returning(AuditLog.id)).scalar_one()
        session.execute(update(AuditTally).where(AuditTally.id == tally_id).values(audit_id=audit_id))


# Refusals happen inside a request whose transaction is rolled back (it answers 403/404): they are collected here
# and written by the request boundary in a transaction of their own (lpks.web.guard).
_refusals: contextvars.ContextVar[list | None] = contextvars.ContextVar("lpks_refusals", default=None)


def collect_refusals() -> contextvars.Token:
    """Start collecting this request's refused accesses."""
    return _refusals.set([])


def refused(object_type: str) -> None:
    """Note an access the policy refused (an object outside the user's scope, a page of another role)."""
    pending = _refusals.get()
    if pending is not None:
        pending.append(object_type)


def reset_refusals(token: contextvars.Token) -> None:
    """Stop collecting (end of the request)."""
    _refusals.reset(token)


def take_refusals() -> list[str]:
    """The refusals noted so far (and forget them)."""
    pending = _refusals.get() or []
    _refusals.set([])
    return pending


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
