"""Registry API: proposals of an LPKS's referral scope and work area, decided by the office with the authority
(RULES §3 "Who sets what decides a class")."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.registry.models.institution import Institution
from lpks.registry.models.reach import ReachProposal
from lpks.registry.services import reach
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.registry.schemas import DECISION_INPUT, PROPOSAL_INPUT, PROPOSAL_SCHEMA
from lpks.web.api.operations import list_of, operation

TAG = "registri"


def proposal_json(row: ReachProposal) -> dict:
    """A proposal as JSON."""
    return {"id": row.id, "institution_id": row.institution_id, "referral_scope": row.referral_scope,
            "kabkota_codes": row.kabkota_codes.split(","), "authority": row.authority, "reason": row.reason,
            "status": row.status, "proposed_by_role": row.proposed_by_role,
            "proposed_at": row.proposed_at.isoformat() if row.proposed_at else None,
            "decided_by_role": row.decided_by_role, "decision_note": row.decision_note,
            "decided_at": row.decided_at.isoformat() if row.decided_at else None, "version": row.version}


@bp.route("/institutions/<int:ident>/reach-proposals")
@operation("Usulan lingkup rujukan dan wilayah kerja LPKS", tag=TAG,
           response=list_of(PROPOSAL_SCHEMA, total=False))
def reach_proposal_list(ident: int):
    """The LPKS's proposals, newest first."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify({"items": [proposal_json(row) for row in reach.of_institution(db.session, inst)]})


@bp.route("/institutions/<int:ident>/reach-proposals", methods=["POST"])
@operation("Mencatat usulan lingkup rujukan dan wilayah kerja beserta alasannya (kantor yang tidak berwenang "
           "menetapkannya sendiri)", tag=TAG,
           request=PROPOSAL_INPUT,
           response=PROPOSAL_SCHEMA, status=201)
def reach_proposal_create(ident: int):
    """Record a proposal (a Dinas Sosial of the LPKS's region) for the office with the authority to decide."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify(proposal_json(reach.propose(db.session, current_user, inst, json_body()))), 201


@bp.route("/reach-proposals/<int:ident>/decision", methods=["POST"])
@operation("Menerima atau menolak usulan (kantor yang berwenang: wewenang mengikuti jangkauan)", tag=TAG,
           request=DECISION_INPUT,
           response=PROPOSAL_SCHEMA)
def reach_proposal_decide(ident: int):
    """Accept (the scope and work area are set) or decline (with a reason) a proposal."""
    row = get_scoped(db.session, current_user, ReachProposal, ident, WRITE)
    return jsonify(proposal_json(reach.decide(db.session, current_user, row, json_body())))
