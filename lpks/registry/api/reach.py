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
from lpks.web.api.spec import describe, param

ID = [param("id", "path", "integer")]
TAG = "registri"
PROPOSAL_SCHEMA = {"type": "object", "properties": {
    "id": {"type": "integer"}, "institution_id": {"type": "integer"}, "referral_scope": {"type": "string"},
    "kabkota_codes": {"type": "array", "items": {"type": "string"}},
    "authority": {"enum": ["dinsos_kabkota", "dinsos_provinsi", "kemensos"]}, "reason": {"type": "string"},
    "status": {"enum": ["proposed", "accepted", "declined"]}, "proposed_by_role": {"type": "string"},
    "decided_by_role": {"type": ["string", "null"]}, "decision_note": {"type": ["string", "null"]},
    "version": {"type": "integer"}}}


def proposal_json(row: ReachProposal) -> dict:
    """A proposal as JSON."""
    return {"id": row.id, "institution_id": row.institution_id, "referral_scope": row.referral_scope,
            "kabkota_codes": row.kabkota_codes.split(","), "authority": row.authority, "reason": row.reason,
            "status": row.status, "proposed_by_role": row.proposed_by_role,
            "proposed_at": row.proposed_at.isoformat() if row.proposed_at else None,
            "decided_by_role": row.decided_by_role, "decision_note": row.decision_note,
            "decided_at": row.decided_at.isoformat() if row.decided_at else None, "version": row.version}


@bp.route("/institutions/<int:ident>/reach-proposals")
def reach_proposal_list(ident: int):
    """The LPKS's proposals, newest first."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify({"items": [proposal_json(row) for row in reach.of_institution(db.session, inst)]})


@bp.route("/institutions/<int:ident>/reach-proposals", methods=["POST"])
def reach_proposal_create(ident: int):
    """Record a proposal (a Dinas Sosial of the LPKS's region) for the office with the authority to decide."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify(proposal_json(reach.propose(db.session, current_user, inst, json_body()))), 201


@bp.route("/reach-proposals/<int:ident>/decision", methods=["POST"])
def reach_proposal_decide(ident: int):
    """Accept (the scope and work area are set) or decline (with a reason) a proposal."""
    row = get_scoped(db.session, current_user, ReachProposal, ident, WRITE)
    return jsonify(proposal_json(reach.decide(db.session, current_user, row, json_body())))


describe("/institutions/{id}/reach-proposals", "get", "Usulan lingkup rujukan dan wilayah kerja LPKS", params=ID,
         tag=TAG)
describe("/institutions/{id}/reach-proposals", "post", "Mencatat usulan lingkup rujukan dan wilayah kerja beserta "
         "alasannya (kantor yang tidak berwenang menetapkannya sendiri)", params=ID, tag=TAG,
         body={"type": "object", "required": ["referral_scope", "kabkota_codes", "reason"], "properties": {
             "referral_scope": {"enum": ["kabupaten_kota", "provinsi", "nasional"]},
             "kabkota_codes": {"type": "array", "items": {"type": "string"}}, "reason": {"type": "string"}}},
         response=PROPOSAL_SCHEMA)
describe("/reach-proposals/{id}/decision", "post", "Menerima atau menolak usulan (kantor yang berwenang: wewenang "
         "mengikuti jangkauan)", params=ID, tag=TAG,
         body={"type": "object", "required": ["decision", "version"], "properties": {
             "decision": {"enum": ["accepted", "declined"]}, "note": {"type": "string"},
             "version": {"type": "integer"}}}, response=PROPOSAL_SCHEMA)
