"""A child's processing history (UU 27/2022): who viewed, changed or exported the record, when — from the audit trail.

Only the roles that may see the child's full identity (RULES §1, residents.IDENTITY_ROLES) and whose scope covers the
child may produce it; every production (page, file, API) is itself an audited event. The history names objects, actions
and changed FIELD NAMES only: the audit trail never holds values.
"""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import Select, and_, false, func, or_, select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.cases.queries import audit_clauses as case_audit_clauses
from lpks.platform.labels import audit_action_label
from lpks.platform.labels import object_label as _object_label
from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.audit import AuditLog
from lpks.platform.services import audit
from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.security.access import get_scoped

MAX_PER_PAGE = 100


def resident_for_history(session: Session, user: Any, ident) -> Resident:
    """The resident, if the user may see its identity: out of scope → NotFound, a role without it → Forbidden."""
    try:
        ident = int(ident)
    except (TypeError, ValueError):
        raise NotFound() from None
    resident = get_scoped(session, user, Resident, ident)
    if not residents.may_view_identity(user, resident):
        raise Forbidden(_("Riwayat pemrosesan data anak hanya dapat dibuka oleh operator LPKS dan Dinas Sosial "
                          "kabupaten/kota yang menanganinya."))
    return resident


def _ids(session: Session, stmt) -> list[str]:
    return [str(i) for i in session.scalars(stmt)]


def _named(object_type: str, ids: list[str]):
    return and_(AuditLog.object_type == object_type, AuditLog.object_id.in_(ids)) if ids else false()


def history_select(session: Session, resident: Resident) -> Select:
    """Audit rows naming the resident or one of its placements, documents, titipan periods or extensions.

    Exports that included the child are there too: a full-identity export writes a view_identity row per child
    (purpose "export"). A pseudonymised export names no child, so it is not attributed to one.
    """
    placement_ids = select(Placement.id).where(Placement.resident_id == resident.id)
    period_ids = select(CustodyPeriod.id).where(CustodyPeriod.placement_id.in_(placement_ids))
    return select(AuditLog).where(or_(
        _named("resident", [str(resident.id)]),
        _named("placement", _ids(session, placement_ids)),
        _named("placement_document", _ids(session, select(PlacementDocument.id)
                                          .where(PlacementDocument.placement_id.in_(placement_ids)))),
        _named("custody_period", _ids(session, period_ids)),
        _named("custody_extension", _ids(session, select(CustodyExtension.id)
                                         .where(CustodyExtension.custody_period_id.in_(period_ids)))),
        *case_audit_clauses(session, list(session.scalars(select(ChildCase.id)
                                                          .where(ChildCase.resident_id == resident.id)))),
    )).order_by(AuditLog.at.desc(), AuditLog.id.desc())


def entry(row: AuditLog) -> dict:
    """One event: time (UTC, aware), user, role, action, object and changed field names — never values."""
    return {"id": row.id, "at": row.at, "username": row.username, "role": row.role, "action": row.action,
            "object_type": row.object_type, "object_id": row.object_id,
            "fields": row.fields.split(",") if row.fields else []}


def _positive(value, name: str, default: int, maximum: int | None = None) -> int:
    if value in (None, ""):
        return default
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ServiceError(_("Parameter '%(name)s' harus bilangan bulat positif.", name=name), name) from None
    if number < 1:
        raise ServiceError(_("Parameter '%(name)s' harus paling kecil 1.", name=name), name)
    if maximum and number > maximum:
        raise ServiceError(_("Parameter '%(name)s' paling besar %(max)s.", name=name, max=maximum), name)
    return number


def history_page(session: Session, user: Any, ident, page=None, per_page=None) -> dict:
    """One page of the child's history ({resident, items, page, per_page, total}); audited as view_history."""
    resident = resident_for_history(session, user, ident)
    page = _positive(page, "page", 1)
    per_page = _positive(per_page, "per_page", 20, MAX_PER_PAGE)
    # the viewing is recorded first, so the page shows it (the trail is the truth of who looked)
    audit.record(session, "view_history", "resident", resident.id)
    stmt = history_select(session, resident)
    total = session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
    rows = session.scalars(stmt.limit(per_page).offset((page - 1) * per_page)).all()
    return {"resident": resident, "items": [entry(r) for r in rows], "page": page, "per_page": per_page,
            "total": total}


def history_all(session: Session, user: Any, ident) -> tuple[Resident, list[dict]]:
    """The whole history for a file; audited as an export of this child's history."""
    resident = resident_for_history(session, user, ident)
    audit.record(session, "export", "resident", resident.id, ("history",))
    return resident, [entry(r) for r in session.scalars(history_select(session, resident))]


def action_label(action: str | None) -> str:
    """The action in the user's language."""
    return audit_action_label(action)


def object_label(object_type: str | None, object_id: str | None) -> str:
    """"Penempatan #12"."""
    return _object_label(object_type, object_id)
