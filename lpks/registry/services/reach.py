"""Proposals of an LPKS's referral scope and work area (RULES §3 "Who sets what decides a class"): a lower office
records one with its reason; an office whose authority covers the reach accepts it (the change is made) or
declines it (with a reason)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import authority
from accreditation.levels import ReferralScope
from lpks.platform.errors import Conflict, Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.institution import REFERRAL_SCOPES, Institution
from lpks.registry.models.reach import ACCEPTED, DECLINED, PROPOSED, ReachProposal
from lpks.registry.services.profile import clean_work_area, replace_work_area
from lpks.security import READ, WRITE, can
from lpks.security.access import check_version

MAX_REASON = 2000


def _reason(data: dict[str, Any], key: str, label: str, required: bool = True) -> str | None:
    text = str(data.get(key) or "").strip()
    if required and not text:
        raise ServiceError(_("%(label)s wajib diisi.", label=label), key)
    if len(text) > MAX_REASON:
        raise ServiceError(_("%(label)s paling banyak %(limit)s karakter.", label=label, limit=MAX_REASON), key)
    return text or None


def of_institution(session: Session, inst: Institution) -> list[ReachProposal]:
    """The LPKS's proposals, newest first."""
    return list(session.scalars(select(ReachProposal).where(ReachProposal.institution_id == inst.id)
                                .order_by(ReachProposal.id.desc())))


def propose(session: Session, user: Any, inst: Institution, data: dict[str, Any]) -> ReachProposal:
    """Record a proposed referral scope and work area with its reason (a Dinas Sosial of the LPKS's region)."""
    row = ReachProposal(institution_id=inst.id, referral_scope="", kabkota_codes="", authority="", reason="",
                        proposed_by_role=getattr(user, "role", "") or "")
    if not can(user, READ, inst) or not can(user, WRITE, row) or user.role not in authority.OFFICES:
        raise Forbidden(_("Usulan lingkup rujukan dan wilayah kerja dicatat oleh Dinas Sosial wilayah LPKS ini."),
                        "referral_scope")
    scope = str(data.get("referral_scope") or inst.referral_scope)
    if scope not in REFERRAL_SCOPES:
        raise ServiceError(_("Lingkup rujukan harus salah satu dari: %(choices)s.",
                             choices=", ".join(REFERRAL_SCOPES)), "referral_scope")
    codes = clean_work_area(session, inst, data.get("kabkota_codes") or [])
    row.referral_scope, row.kabkota_codes = scope, ",".join(sorted(codes))
    row.authority = authority.reach_authority(ReferralScope(scope), codes, inst.kabkota_code)
    row.reason = _reason(data, "reason", _("Alasan usulan"))
    row.proposed_by_id = getattr(user, "id", None)
    session.add(row)
    session.flush()
    return row


def may_decide(user: Any, proposal: ReachProposal) -> bool:
    """An office whose authority covers the proposed reach, within its scope, decides a proposal still open."""
    return (proposal.status == PROPOSED and can(user, WRITE, proposal)
            and authority.may_set_reach(getattr(user, "role", ""), proposal.authority))


def decide(session: Session, user: Any, proposal: ReachProposal, data: dict[str, Any]) -> ReachProposal:
    """Accept (the scope and work area are set) or decline (with a reason) a proposal."""
    if not can(user, WRITE, proposal):
        raise Forbidden()
    check_version(proposal, data.get("version"))
    if proposal.status != PROPOSED:
        raise Conflict(_("Usulan ini sudah diputuskan."), "status")
    if not authority.may_set_reach(user.role, proposal.authority):
        names = _(" atau ").join(authority.OFFICE_LABELS[o][0] for o in authority.who_may(proposal.authority))
        raise Forbidden(_("Usulan ini diputuskan oleh %(who)s (wewenang mengikuti jangkauan, Pasal 71–73 dan 85 "
                          "huruf f).", who=names), "decision")
    decision = str(data.get("decision") or "").strip()
    if decision not in (ACCEPTED, DECLINED):
        raise ServiceError(_("Keputusan harus accepted atau declined."), "decision")
    note = _reason(data, "note", _("Alasan keputusan"), required=decision == DECLINED)
    if decision == ACCEPTED:
        inst = session.get(Institution, proposal.institution_id)
        codes = clean_work_area(session, inst, proposal.kabkota_codes.split(","))
        inst.referral_scope = proposal.referral_scope
        replace_work_area(session, inst, codes)
    proposal.status, proposal.decision_note = decision, note
    proposal.decided_by_id, proposal.decided_by_role, proposal.decided_at = getattr(user, "id", None), user.role, \
        utcnow()
    session.flush()
    return proposal
