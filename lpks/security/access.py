"""Scoped loading: every path fetches objects through these, so the permission check is never skipped."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, NotFound
from lpks.platform.services import audit
from lpks.security import READ, WRITE, can, scope_clause


def scoped_select(user: Any, model: type, action: str = READ) -> Select:
    """SELECT of the rows of `model` the user may see (or change, with action=write)."""
    return select(model).where(scope_clause(user, model, action))


def count_scoped(session: Session, user: Any, model: type, *where) -> int:
    """How many rows of `model` in the user's scope match `where`."""
    stmt = select(func.count()).select_from(model).where(scope_clause(user, model, READ), *where)
    return session.scalar(stmt) or 0


def get_scoped(session: Session, user: Any, model: type, ident, action: str = READ):
    """One object by id if the user may reach it; otherwise NotFound (never revealing it exists). A refusal of an
    object that exists is noted for the audit trail (aggregated per minute: lpks.platform.services.audit.refused)."""
    obj = session.get(model, ident)
    if obj is None or not can(user, READ, obj):
        audit.refused(model.__tablename__)  # a guessed id and another scope's id look alike: both are counted
        raise NotFound()
    if action == WRITE and not can(user, WRITE, obj):
        audit.refused(model.__tablename__)
        raise Forbidden()
    return obj


def check_version(obj: Any, submitted) -> None:
    """Refuse a save based on an older version of the record (no silent overwrite)."""
    from lpks.platform.errors import Conflict, ServiceError

    if submitted is None or submitted == "":
        raise ServiceError(_("Nomor versi data wajib dikirim (field 'version')."), "version")
    try:
        submitted = int(submitted)
    except (TypeError, ValueError):
        raise ServiceError(_("Nomor versi harus berupa angka."), "version") from None
    if submitted != obj.version:
        raise Conflict(_("Data ini telah diubah oleh pengguna lain sejak Anda membukanya. "
                       "Muat ulang untuk melihat perubahan, lalu simpan kembali."), "version")
