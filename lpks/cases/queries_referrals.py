"""Reads of referrals (RULES §7): a referral as its sender or receiver sees it — the receiver sees the referral's own
data and the child's initials only until it accepts — the referrals in scope, and the Pasal 55 proposals."""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from lpks.cases.models import CasePlan, ChildCase, PlanNeed, Referral
from lpks.cases.services.referrals import side_of
from lpks.registry.models.institution import Institution
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.models.resident import SEX_FEMALE, Resident
from lpks.residents.services.common import locale_code
from lpks.rules.nearest import Candidate, has_badan_hukum, nearest, needs_pasal_55
from lpks.rules.referrals import RECEIVER, ReferralStatus, allowed_referral_actions
from lpks.security import READ, WRITE, can, scope_clause

ANSWERED = (ReferralStatus.ACCEPTED.value, ReferralStatus.COMPLETED.value)


def _sender_name(session: Session, referral: Referral) -> str:
    if referral.institution_id:
        inst = session.get(Institution, referral.institution_id)
        return inst.name if inst else "-"
    return f"Dinas Sosial {referral.owner_region_code}"


def shared_records(session: Session, referral: Referral) -> dict:
    """What the sender shared, for the receiver once it accepted: the latest assessment, the plan's needs."""
    from lpks.cases.queries import assessments

    shared = set((referral.shared or "").split(","))
    case = session.get(ChildCase, referral.case_id)
    found: dict[str, Any] = {}
    if "asesmen" in shared or "laporan_sosial" in shared:
        latest = assessments(session, case)[:1]
        found["asesmen"] = {k: latest[0][k] for k in ("assessed_on", "problems", "needs", "potentials", "resources",
                                                    "recommendation")} if latest else None
    if "rencana" in shared:
        plan = session.scalar(select(CasePlan).where(CasePlan.case_id == case.id))
        found["rencana"] = {"goal": plan.goal if plan else None, "needs": [
            n.need for n in session.scalars(select(PlanNeed).where(PlanNeed.case_id == case.id)
                                            .order_by(PlanNeed.priority))]}
    return found


def referral_json(session: Session, user: Any, referral: Referral, *, with_shared: bool = True) -> dict:
    """A referral for the user: the receiver before accepting sees initials only and nothing shared (lists leave the
    shared records out; its case, child and LPKS come from the session when `rows` read them first)."""
    side = side_of(user, referral) or "reader"
    case = session.get(ChildCase, referral.case_id)
    resident = session.get(Resident, case.resident_id)
    answered = referral.status in ANSWERED
    receiving_unanswered = side == RECEIVER and not answered
    child = {"initials": resident.initials} if receiving_unanswered else {
        "initials": resident.initials, "register_number": resident.register_number, "kind": resident.kind,
        "sex": resident.sex}
    external = referral.receiver_kind == "external"
    actions = allowed_referral_actions(referral.status, side, external) if can(user, WRITE, referral) else frozenset()
    status = ReferralStatus(referral.status)
    return {
        "id": referral.id, "case_id": None if receiving_unanswered else referral.case_id, "side": side,
        "sender": _sender_name(session, referral), "receiver_kind": referral.receiver_kind,
        "receiver_institution_id": referral.receiver_institution_id,
        "receiver_region_code": referral.receiver_region_code, "receiver": referral.receiver_name or "-",
        "child": child, "residential": referral.residential, "reason": referral.reason,
        "services_asked": [s for s in referral.services_asked.split(",") if s], "services_note": referral.services_note,
        "shared": [s for s in (referral.shared or "").split(",") if s], "child_consent": referral.child_consent,
        "parent_consent": referral.parent_consent, "consent_on": referral.consent_on, "sent_on": referral.sent_on,
        "status": status.value, "status_label": status.label(locale_code()), "decided_on": referral.decided_on,
        "decline_reason": referral.decline_reason, "completed_on": referral.completed_on,
        "completion_note": referral.completion_note, "ended_placement_id": referral.ended_placement_id,
        "allowed_actions": sorted(a.value for a in actions),
        "shared_records": shared_records(session, referral) if with_shared and side == RECEIVER and answered else {},
        "version": referral.version}


def rows(session: Session, user: Any, referrals: list[Referral]) -> list[dict]:
    """A page of referrals as list rows: their cases, children and LPKS read in three statements first."""
    cases = session.scalars(select(ChildCase).where(ChildCase.id.in_({r.case_id for r in referrals}))).all()
    children = session.scalars(select(Resident).where(Resident.id.in_({c.resident_id for c in cases}))).all()
    lpks = {r.institution_id for r in referrals} | {r.receiver_institution_id for r in referrals}
    institutions = session.scalars(select(Institution).where(Institution.id.in_(lpks - {None}))).all()
    held = (cases, children, institutions)  # referenced until the rows are made: the identity map answers the gets
    result = [referral_json(session, user, r, with_shared=False) for r in referrals]
    del held
    return result


def list_select(user: Any, *, side: str | None = None, status: str | None = None, case_id: int | None = None):
    """Referrals in scope (sent by or to the user's unit, or supervised), newest first."""
    stmt = select(Referral).where(scope_clause(user, Referral, READ)).order_by(Referral.id.desc())
    if status:
        stmt = stmt.where(Referral.status == status)
    if case_id is not None:
        stmt = stmt.where(Referral.case_id == case_id)
    if side == "received":
        stmt = stmt.where(or_(Referral.receiver_institution_id == getattr(user, "institution_id", None),
                              Referral.receiver_region_code == getattr(user, "region_code", None)))
    elif side == "sent":
        stmt = stmt.where(or_(Referral.institution_id == getattr(user, "institution_id", None),
                              Referral.owner_region_code == getattr(user, "region_code", None)))
    return stmt


def suggestions(session: Session, case: ChildCase, kabkota_code: str | None = None, limit: int = 5) -> dict:
    """Pasal 55: LPKS with badan hukum and a free place for the child's sex, nearest first (lpks.rules.nearest)."""
    resident = session.get(Resident, case.resident_id)
    sender = session.get(Institution, case.institution_id) if case.institution_id else None
    home = kabkota_code or case.home_region_code or (sender.kabkota_code if sender else case.owner_region_code)
    girls = resident.sex == SEX_FEMALE
    present = dict(session.execute(
        select(Placement.institution_id, func.count()).join(Resident, Resident.id == Placement.resident_id)
        .where(Placement.status == STATUS_PRESENT, Resident.sex == resident.sex)
        .group_by(Placement.institution_id)).all())
    candidates = [Candidate(i.id, i.name, i.kabkota_code, i.province_code,
                            has_badan_hukum(i.formation_kind, i.establishment_decree_number, i.deed_number,
                                            i.kemenkumham_decree_number),
                            (i.capacity_girls if girls else i.capacity_boys) - present.get(i.id, 0))
                  for i in session.scalars(select(Institution).order_by(Institution.id))]
    exclude = frozenset({case.institution_id} if case.institution_id else set())
    proposals = nearest(home, candidates, limit, exclude)
    return {"kabkota_code": home, "pasal_55": needs_pasal_55(home, candidates), "items": [
        {"institution_id": p.candidate.id, "name": p.candidate.name, "kabkota_code": p.candidate.kabkota_code,
         "tier": p.tier.value, "tier_label": p.tier.label(locale_code()), "free_places": p.candidate.free_places}
        for p in proposals]}


def directory(session: Session) -> list[tuple[int, str]]:
    """Every LPKS in the system a referral may go to (RULES §7), by name."""
    return [(i.id, i.name) for i in session.scalars(select(Institution).order_by(Institution.name))]
