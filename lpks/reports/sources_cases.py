"""The SQL of the case figures (RULES §6–8) over the child's case, its referrals and the Dinas Sosial's intake: rows
owned by an LPKS (institution_id) or by a Dinas Sosial kabupaten/kota itself (owner_region_code), each counted in the
reader's row (Ctx.lpks_row / Ctx.office_row). Imported only where the case areas are installed (lpks.cases,
lpks.intake)."""
from __future__ import annotations

from sqlalchemy import and_, case, func, literal, or_, select

from lpks.cases.models import CaseStage, ChildCase
from lpks.cases.models_referral import Referral
from lpks.registry.models.institution import Institution
from lpks.reports.registry import Ctx
from lpks.reports.sql import row
from lpks.rules.case_stages import Stage
from lpks.security import READ, scope_clause

STAGE_ORDER = {stage.value: n for n, stage in enumerate(Stage, start=1)}


def _owned(ctx: Ctx, model, stmt):
    """`stmt` over `model` restricted to the area and the user's scope, with the reader's row for each owner: an
    LPKS's row, or the Dinas Sosial office's own."""
    lpks = model.institution_id.is_not(None)
    where = or_(and_(lpks, ctx.lpks()), and_(model.institution_id.is_(None),
                                             ctx.area.regions(model.owner_region_code)))
    return (stmt.outerjoin(Institution, Institution.id == model.institution_id)
            .where(where, scope_clause(ctx.user, model, READ)))


def _reader_row(ctx: Ctx, model):
    return case((model.institution_id.is_not(None), ctx.lpks_row()), else_=ctx.office_row(model.owner_region_code))


def cases_by_stage(ctx: Ctx, key: str):
    """Cases open on the reference date, by the stage of Pasal 18 they had reached on that date (the latest stage
    opened on or before it, from the case's stage history)."""
    day = ctx.period.reference
    order = case(*[(CaseStage.stage == code, n) for code, n in STAGE_ORDER.items()], else_=0)
    reached = (select(CaseStage.case_id.label("case_id"), func.max(order).label("n"))
               .where(CaseStage.opened_on <= day).group_by(CaseStage.case_id).subquery())
    stage = case(*[(reached.c.n == n, literal(code)) for code, n in STAGE_ORDER.items()], else_=literal("unknown"))
    where = _reader_row(ctx, ChildCase)
    stmt = (select(*row(key, where, stage, func.count(ChildCase.id))).select_from(ChildCase)
            .join(reached, reached.c.case_id == ChildCase.id))
    return [_owned(ctx, ChildCase, stmt)
            .where(ChildCase.opened_on <= day, or_(ChildCase.closed_on.is_(None), ChildCase.closed_on > day))
            .group_by(where, stage)]


def terminations_by_reason(ctx: Ctx, key: str):
    """Cases terminated in the period, by the termination reason of Pasal 33 ayat 2."""
    period = ctx.period
    where = _reader_row(ctx, ChildCase)
    stmt = select(*row(key, where, ChildCase.termination_reason, func.count(ChildCase.id))).select_from(ChildCase)
    return [_owned(ctx, ChildCase, stmt)
            .where(ChildCase.terminated_on.between(period.start, period.end),
                   ChildCase.termination_reason.is_not(None))
            .group_by(where, ChildCase.termination_reason)]


def referral_status_on(day):
    """A referral's status on a date, from the dates its answer and completion were recorded."""
    return case((and_(Referral.completed_on.is_not(None), Referral.completed_on <= day), literal("completed")),
                (and_(Referral.decided_on.is_not(None), Referral.decided_on <= day, Referral.status == "declined"),
                 literal("declined")),
                (and_(Referral.decided_on.is_not(None), Referral.decided_on <= day), literal("accepted")),
                else_=literal("sent"))


def referrals_by(column_of):
    """Referrals sent in the period by their sender (an LPKS or a Dinas Sosial), grouped by `column_of(ctx)`."""
    def build(ctx: Ctx, key: str):
        period = ctx.period
        where, category = _reader_row(ctx, Referral), column_of(ctx)
        stmt = select(*row(key, where, category, func.count(Referral.id))).select_from(Referral)
        return [_owned(ctx, Referral, stmt).where(Referral.sent_on.between(period.start, period.end))
                .group_by(where, category)]
    return build


def intake_by(column_of, date_of):
    """Dinas Sosial cases (RULES §8) whose `date_of` falls in the period, grouped by `column_of(ctx)`."""
    def build(ctx: Ctx, key: str):
        from lpks.intake.models import CaseIntake

        period = ctx.period
        where, category, when = _reader_row(ctx, CaseIntake), column_of(ctx, CaseIntake), date_of(CaseIntake)
        stmt = select(*row(key, where, category, func.count(CaseIntake.id))).select_from(CaseIntake)
        return [_owned(ctx, CaseIntake, stmt).where(when.between(period.start, period.end), category.is_not(None))
                .group_by(where, category)]
    return build


def service_state_on(ctx: Ctx, intake):
    """The service time's state on the reference date (RULES §8 Reading: the 5th working day after receipt)."""
    day = ctx.period.reference
    issued = and_(intake.service_product_issued_on.is_not(None), intake.service_product_issued_on <= day)
    return case((and_(issued, intake.service_product_issued_on <= intake.service_deadline), literal("on_time")),
                (issued, literal("late")), (intake.service_deadline < day, literal("overdue")), else_=literal("due"))


DAY_BUCKETS = (("0_2", 0, 2), ("3_5", 3, 5), ("6_10", 6, 10), ("over_10", 11, None))


def days_bucket(ctx: Ctx, intake):
    """The working days taken to issue the product, in buckets (the deadline is the 5th)."""
    taken = intake.days_taken
    whens = [(and_(taken >= low, taken <= high) if high is not None else taken >= low, literal(code))
             for code, low, high in DAY_BUCKETS]
    return case(*whens, else_=None)
