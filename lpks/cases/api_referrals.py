"""The referral API (RULES §7): send, read (the receiver: initials only until it accepts), answer (accept, decline
with a reason, complete with a note), the Pasal 55 proposals and the audited identity for the receiver."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.cases import queries_referrals as q
from lpks.cases import schemas as s
from lpks.cases.api import TAG
from lpks.cases.models import Referral
from lpks.cases.services import referrals
from lpks.cases.services.common import load_case
from lpks.platform.validation import shape
from lpks.extensions import db
from lpks.security import READ, WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param


def _out(referral) -> dict:
    return shape(s.ReferralOut, q.referral_json(db.session, current_user, referral))


@bp.route("/referrals")
@operation("Rujukan yang dikirim atau diterima", tag=TAG, response=s.ReferralOut, paged=True,
           params=[param("side", enum=["sent", "received"]),
                   param("status", enum=["sent", "accepted", "declined", "completed"]),
                   param("case_id", kind="integer")])
def referral_list():
    """Referrals sent by or to the user's unit (or supervised), newest first."""
    case_id = request.args.get("case_id")
    stmt = q.list_select(current_user, side=request.args.get("side") or None,
                         status=request.args.get("status") or None,
                         case_id=int(case_id) if case_id and case_id.isdigit() else None)
    page = paginate(stmt, lambda referral: referral)
    page["items"] = [shape(s.ReferralOut, row) for row in q.rows(db.session, current_user, page["items"])]
    return jsonify(page)


@bp.route("/referrals", methods=["POST"])
@operation("Mengirim rujukan (Pasal 46; persetujuan anak dan orang tua/wali)", tag=TAG, request=s.ReferralInput,
           response=s.ReferralOut, status=201)
def referral_create():
    """Send a referral from a case (case_id in the body)."""
    return jsonify(_out(referrals.send(db.session, current_user, json_body()))), 201


@bp.route("/referrals/<int:ident>")
@operation("Satu rujukan (penerima: inisial anak saja sampai menerima)", tag=TAG, response=s.ReferralOut)
def referral_detail(ident: int):
    """One referral."""
    return jsonify(_out(get_scoped(db.session, current_user, Referral, ident, READ)))


def _answer(ident: int, action: str):
    referral = get_scoped(db.session, current_user, Referral, ident, WRITE)
    referrals.answer(db.session, current_user, referral, {**json_body(), "action": action})
    return jsonify(_out(referral))


@bp.route("/referrals/<int:ident>/accept", methods=["POST"])
@operation("Menerima rujukan", tag=TAG, request=s.ReferralAnswerBody, response=s.ReferralOut)
def referral_accept(ident: int):
    """Accept (a residential referral ends the sending placement and hands the case over)."""
    return _answer(ident, "accept")


@bp.route("/referrals/<int:ident>/decline", methods=["POST"])
@operation("Menolak rujukan (dengan alasan)", tag=TAG, request=s.ReferralAnswerBody, response=s.ReferralOut)
def referral_decline(ident: int):
    """Decline, with the reason."""
    return _answer(ident, "decline")


@bp.route("/referrals/<int:ident>/complete", methods=["POST"])
@operation("Menyelesaikan rujukan (dengan catatan penerima)", tag=TAG, request=s.ReferralAnswerBody,
           response=s.ReferralOut)
def referral_complete(ident: int):
    """Complete, with the receiver's note on the service given."""
    return _answer(ident, "complete")


@bp.route("/referrals/<int:ident>/identity")
@operation("Identitas anak bagi penerima yang telah menerima rujukan yang membagikannya (dicatat di jejak audit)",
           tag=TAG)
def referral_identity(ident: int):
    """The child's identity for the receiver once it accepted a referral sharing it (audited), or for the sender."""
    referral = get_scoped(db.session, current_user, Referral, ident, READ)
    resident, identity = referrals.reveal_identity(db.session, current_user, referral)
    return jsonify({key: value.isoformat() if hasattr(value, "isoformat") else value for key, value in identity.items()}
                   | {"register_number": resident.register_number})


@bp.route("/cases/<int:ident>/referral-suggestions")
@operation("Usulan LPKS terdekat berbadan hukum dengan tempat kosong (Pasal 55)", tag=TAG,
           params=[param("kabkota_code")], response=s.SuggestionsOut)
def case_referral_suggestions(ident: int):
    """Pasal 55: the nearest LPKS with badan hukum and a free place for the child (?kabkota_code=)."""
    case = load_case(db.session, current_user, ident)
    return jsonify(shape(s.SuggestionsOut, q.suggestions(db.session, case, request.args.get("kabkota_code") or None)))
