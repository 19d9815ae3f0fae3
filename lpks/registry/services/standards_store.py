"""The stored standards evaluation (StandardsEvaluation): kept true by the session, read by dashboards
and lists.

- Any change to the records the evaluation reads (the LPKS itself, staff, facilities, positions, funding, reports,
  registrations, verification rounds and findings) evaluates that LPKS again just before its transaction commits,
  whoever made the change (web, API, import, command). On PostgreSQL the row is locked first, so two transactions
  changing one LPKS at once evaluate one after the other, each seeing the other's committed records.
- A row holds from `evaluated_on` through `valid_through` (standards.holds_through). Readers use the rows that hold
  today and evaluate the few that do not on the fly, never writing during a read; `lpks standards refresh` (daily)
  stores them again.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Iterable

from sqlalchemy import and_, bindparam, or_, select, update
from sqlalchemy.orm import Session

from accreditation import AccreditationError
from lpks.cases.models import (
    CaseCompanion,
    CaseService,
    CaseStage,
    ChildCase,
    Reintegration,
)
from lpks.platform import clock
from lpks.registry.models.evaluation import StandardsEvaluation
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding

SOURCES = (StaffMember, FacilityRecord, OrganisationPosition, FundingSource, FinancialReport, Registration,
           Verification, VerificationFinding,
           # aspect g is read from the case records (issue 13)
           ChildCase, CaseStage, CaseService, Reintegration, CaseCompanion)
PENDING = "lpks_standards_pending"
BATCH = 500
E = StandardsEvaluation


@dataclass(frozen=True)
class Summary:
    """What lists and dashboards show of an evaluation."""

    compliance: Decimal
    unmet_count: int


def holds(day: date):
    """SQL: the stored row holds on `day` (an outer-joined missing row does not)."""
    return and_(E.evaluated_on <= day, E.valid_through >= day)


def not_holding(day: date):
    """SQL, on Institution outer-joined with the stored rows: no row, or one that does not hold on `day`."""
    return or_(E.institution_id.is_(None), E.evaluated_on > day, E.valid_through < day)


def _compute(session: Session, institutions: list[Institution], day: date, *, lenient: bool = False
             ) -> dict[int, tuple[Summary, date]]:
    """Summaries and holding days of the LPKS. With `lenient` (storing), an LPKS whose records the evaluation
    refuses (AccreditationError) is left out, so the write goes through and its pages show that error as before;
    readers let it raise, as the live evaluation does."""
    from lpks.registry.services.standards import evaluations

    result = {}
    for start in range(0, len(institutions), BATCH):
        batch = institutions[start:start + BATCH]
        try:
            evaluated = evaluations(session, batch, day)
        except AccreditationError:
            if not lenient:
                raise
            evaluated = {}
            for inst in batch if len(batch) > 1 else ():  # find the one(s) refused, keep the others
                try:
                    evaluated.update(evaluations(session, [inst], day))
                except AccreditationError:
                    continue
        for ident, (report, through) in evaluated.items():
            result[ident] = (Summary(report.compliance, len(report.unmet)), through)
    return result


def _now(session: Session, institutions: list[Institution], day: date) -> dict[int, Summary]:
    return {ident: summary for ident, (summary, _t) in _compute(session, institutions, day).items()}


def summaries(session: Session, institutions: list[Institution], day: date | None = None) -> dict[int, Summary]:
    """{id: Summary} of the given LPKS on `day`: stored rows that hold, the rest evaluated now (not stored)."""
    day = day or clock.today()
    ids = [inst.id for inst in institutions]
    if not ids:
        return {}
    result = {row.institution_id: Summary(row.compliance, row.unmet_mandatory) for row in session.execute(
        select(E.institution_id, E.compliance, E.unmet_mandatory).where(E.institution_id.in_(ids), holds(day)))}
    result.update(_now(session, [inst for inst in institutions if inst.id not in result], day))
    return result


def summaries_now(session: Session, ids: list[int], day: date) -> dict[int, Summary]:
    """{id: Summary} evaluated now (not stored) for the LPKS `ids`: those whose stored row does not hold."""
    return _now(session, list(session.scalars(select(Institution).where(Institution.id.in_(ids))
                                              .order_by(Institution.id))), day)


def _insert(session: Session):
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(E.__table__)


def store(session: Session, ids: Iterable[int], day: date | None = None) -> int:
    """Evaluate the LPKS `ids` on `day` and store the rows (locked first on PostgreSQL); returns how many."""
    day = day or clock.today()
    ids = sorted(set(ids))
    if not ids:
        return 0
    stmt = _insert(session)
    # A row that holds on no day: readers evaluate the LPKS live until this transaction stores its figures.
    unheld = {"evaluated_on": day, "valid_through": date.min, "compliance": Decimal(0), "unmet_mandatory": 0}
    existing = set(session.scalars(select(Institution.id).where(Institution.id.in_(ids))))
    ids = [ident for ident in ids if ident in existing]
    if not ids:
        return 0
    session.execute(stmt.on_conflict_do_nothing(index_elements=["institution_id"]),
                    [{"institution_id": ident, **unheld} for ident in ids])
    # Lock in id order (no deadlock), then read the records: a concurrent writer of the same LPKS waits here and
    # this transaction's reads see its commit (READ COMMITTED takes a new snapshot per statement). SQLite writers
    # are serialised anyway; FOR UPDATE is not rendered there.
    session.execute(select(E.institution_id).where(E.institution_id.in_(ids)).order_by(E.institution_id)
                    .with_for_update())
    institutions = list(session.scalars(select(Institution).where(Institution.id.in_(ids))))
    computed = _compute(session, institutions, day, lenient=True)
    rows = [{"ident": ident, "evaluated_on": day, "valid_through": through, "compliance": summary.compliance,
             "unmet_mandatory": summary.unmet_count} for ident, (summary, through) in computed.items()]
    # An LPKS the evaluation refused holds no stored row: its pages evaluate it on the fly (and show why).
    rows += [{"ident": ident, **unheld} for ident in ids if ident not in computed]
    session.execute(update(E.__table__).where(E.__table__.c.institution_id == bindparam("ident"))
                    .values(evaluated_on=bindparam("evaluated_on"), valid_through=bindparam("valid_through"),
                            compliance=bindparam("compliance"), unmet_mandatory=bindparam("unmet_mandatory")),
                    rows)
    return len(rows)


def refresh(session: Session, day: date | None = None, everything: bool = False) -> int:
    """Daily (`lpks standards refresh`): store again every LPKS whose row is missing or no longer holds (all of
    them with `everything`); returns how many were evaluated."""
    day = day or clock.today()
    stmt = select(Institution.id).outerjoin(E, E.institution_id == Institution.id)
    if not everything:
        stmt = stmt.where(not_holding(day))
    ids = list(session.scalars(stmt.order_by(Institution.id)))
    done = 0
    for start in range(0, len(ids), BATCH):
        done += store(session, ids[start:start + BATCH], day)
    return done


def _touched(obj) -> int | None:
    if isinstance(obj, Institution):
        return obj.id
    if isinstance(obj, SOURCES):
        return obj.institution_id
    return None


def _forget_deleted(session, flush_context, instances) -> None:
    """The stored row is derived data: it goes with its LPKS (anything else still refuses the delete)."""
    for obj in list(session.deleted):
        if isinstance(obj, Institution) and obj.id is not None:
            session.execute(E.__table__.delete().where(E.__table__.c.institution_id == obj.id))


def _collect(session, flush_context) -> None:
    pending: set[int] = session.info.setdefault(PENDING, set())
    new, deleted = session.new, session.deleted  # each access builds a new set: once, not once per object
    for obj in list(new) + list(session.dirty) + list(deleted):
        ident = _touched(obj)
        if ident is not None and (obj in new or obj in deleted or session.is_modified(obj)):
            pending.add(ident)
    for obj in session.deleted:
        if isinstance(obj, Institution):
            pending.discard(obj.id)


def _evaluate_touched(session) -> None:
    if session.in_nested_transaction():  # a savepoint: the outer transaction's commit evaluates
        return
    session.flush()  # the last changes first, so they are collected and read
    pending = session.info.pop(PENDING, None)
    if pending:
        store(session, pending)


def _drop_pending(session, transaction) -> None:
    if transaction.parent is None:  # the whole transaction ended (committed or rolled back)
        session.info.pop(PENDING, None)


# Installed on every Session by lpks.wiring.install(), never by importing this module.
SESSION_HOOKS = [
    ("before_flush", _forget_deleted),
    ("after_flush", _collect),
    ("before_commit", _evaluate_touched),
    ("after_transaction_end", _drop_pending),
]
