"""Excel exports of the registry, always limited to the user's scope and recorded in the audit trail."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.io import registry_export
from lpks.platform.services import audit
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import WorkArea
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import FINAL, Verification
from lpks.registry.services.registrations import describe, last_valid_until
from lpks.registry.services.standards_store import summaries
from lpks.security import READ, scope_clause
from lpks.security.access import get_scoped

MAX_EXPORT = 20_000


def _names(session: Session, user: Any) -> dict[int, str]:
    return dict(session.execute(select(Institution.id, Institution.name)
                                .where(scope_clause(user, Institution, READ))).all())


def institutions_export(session: Session, user: Any) -> bytes:
    """The LPKS list of the user's scope with registry status and compliance."""
    institutions = list(session.scalars(select(Institution).where(scope_clause(user, Institution, READ))
                                        .order_by(Institution.name, Institution.id).limit(MAX_EXPORT)))
    ids = [i.id for i in institutions]
    areas: dict[int, list[str]] = defaultdict(list)
    for inst_id, code in session.execute(select(WorkArea.institution_id, WorkArea.kabkota_code)
                                         .where(WorkArea.institution_id.in_(ids)).order_by(WorkArea.kabkota_code)):
        areas[inst_id].append(code)
    last = dict(session.execute(select(Verification.institution_id, func.max(Verification.visit_date))
                                .where(Verification.institution_id.in_(ids), Verification.status == FINAL)
                                .group_by(Verification.institution_id)).all())
    registrations: dict[int, list[str]] = defaultdict(list)
    for reg in session.scalars(select(Registration).where(Registration.institution_id.in_(ids))
                               .order_by(Registration.authority, Registration.region_code, Registration.id)):
        registrations[reg.institution_id].append(describe(reg))
    until = last_valid_until(session, ids)
    reports = summaries(session, institutions)
    rows = [[i.id, i.name, i.kabkota_code, i.province_code, i.referral_scope, i.capacity_boys, i.capacity_girls,
             i.formation_kind, "; ".join(registrations[i.id]), until.get(i.id), i.designation_decree_number,
             ", ".join(areas[i.id]), float(reports[i.id].compliance), reports[i.id].unmet_count, last.get(i.id)]
            for i in institutions]
    audit.record(session, "export", "institution", None, ("registry_list",))
    return registry_export.institutions_workbook(rows)


def staff_export(session: Session, user: Any, institution_id: int | None = None) -> bytes:
    """Staff of one LPKS (re-importable) or of the whole scope."""
    stmt = select(StaffMember).where(scope_clause(user, StaffMember, READ))
    if institution_id is not None:
        get_scoped(session, user, Institution, institution_id)
        stmt = stmt.where(StaffMember.institution_id == institution_id)
    staff = list(session.scalars(stmt.order_by(StaffMember.institution_id, StaffMember.name).limit(MAX_EXPORT)))
    audit.record(session, "export", "staff_member", institution_id)
    return registry_export.staff_workbook(staff, _names(session, user))


def facilities_export(session: Session, user: Any, institution_id: int | None = None) -> bytes:
    """The facility checklist of one LPKS (its import template) or of every LPKS in scope."""
    if institution_id is not None:
        get_scoped(session, user, Institution, institution_id)
        ids = [institution_id]
    else:
        ids = list(session.scalars(select(Institution.id).where(scope_clause(user, Institution, READ))
                                   .order_by(Institution.name).limit(2000)))
    records: dict[int, dict[str, FacilityRecord]] = {i: {} for i in ids}
    stmt = select(FacilityRecord).where(scope_clause(user, FacilityRecord, READ),
                                        FacilityRecord.institution_id.in_(ids))
    for rec in session.scalars(stmt):
        records[rec.institution_id][rec.item_code] = rec
    audit.record(session, "export", "facility_record", institution_id)
    return registry_export.facilities_workbook(records, _names(session, user))
