"""Registry API: evidence documents (multipart upload, scoped audited download, links to items) and verification
rounds (Dinas Sosial kabupaten/kota writes; the LPKS reads final rounds; province and Kemensos read their scope)."""
from __future__ import annotations

from flask import jsonify, request, url_for
from flask_login import current_user

from lpks.extensions import db
from lpks.registry.api.records import INSTITUTION_FILTER, institution_filter
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.verification import Verification
from lpks.registry.schemas import (
    EVIDENCE_SCHEMA,
    FINDINGS_INPUT,
    UPLOAD_SCHEMA,
    VERIFICATION_SCHEMA,
    obj,
    plain,
)
from lpks.registry.services import evidence
from lpks.registry.services import verification as registry_verification
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import PAGING_PARAMS, paginate
from lpks.web.api.spec import describe, param
from lpks.web.downloads import file_response

ID = [param("id", "path", "integer")]
TAG_E, TAG_V = "bukti", "verifikasi"


def evidence_json(doc: EvidenceDocument) -> dict:
    """A document's description, the items it proves and where to download it."""
    data = {k: plain(getattr(doc, k)) for k in EVIDENCE_SCHEMA["properties"]
            if k not in ("item_codes", "download_url")}
    data["item_codes"] = evidence.linked_codes(db.session, doc)
    data["download_url"] = url_for("api.evidence_file", ident=doc.id)
    return data


@bp.route("/evidence")
def evidence_list():
    """Evidence documents in the user's scope."""
    stmt = institution_filter(scoped_select(current_user, EvidenceDocument), EvidenceDocument)
    return jsonify(paginate(stmt.order_by(EvidenceDocument.uploaded_at.desc(), EvidenceDocument.id.desc()),
                            evidence_json))


@bp.route("/evidence", methods=["POST"])
def evidence_upload():
    """Upload one PDF/JPEG/PNG (multipart) with its description and the items it proves."""
    upload = request.files.get("file")
    data = request.form.to_dict()
    data["item_codes"] = request.form.getlist("item_codes") if len(request.form.getlist("item_codes")) > 1 \
        else data.get("item_codes")
    doc = evidence.upload(db.session, current_user, data, upload.stream if upload else b"",
                          upload.filename if upload else None)
    return jsonify(evidence_json(doc)), 201


@bp.route("/evidence/<int:ident>")
def evidence_detail(ident: int):
    """One document's description."""
    return jsonify(evidence_json(get_scoped(db.session, current_user, EvidenceDocument, ident)))


@bp.route("/evidence/<int:ident>", methods=["PATCH"])
def evidence_update(ident: int):
    """Change a document's description or the items it proves (with version)."""
    doc = get_scoped(db.session, current_user, EvidenceDocument, ident, WRITE)
    evidence.update(db.session, current_user, doc, json_body())
    return jsonify(evidence_json(doc))


@bp.route("/evidence/<int:ident>", methods=["DELETE"])
def evidence_delete(ident: int):
    """Delete a document uploaded by mistake."""
    doc = get_scoped(db.session, current_user, EvidenceDocument, ident, WRITE)
    evidence.delete_document(db.session, current_user, doc)
    return "", 204


@bp.route("/evidence/<int:ident>/file")
def evidence_file(ident: int):
    """The file itself, for users whose scope covers the LPKS (audited)."""
    found = evidence.open_download(db.session, current_user, ident)
    db.session.commit()
    return file_response(found)


describe("/evidence", "get", "Dokumen bukti dalam lingkup pengguna", params=PAGING_PARAMS + [INSTITUTION_FILTER],
         tag=TAG_E)
describe("/evidence", "post", "Mengunggah dokumen bukti (PDF, JPEG, PNG; diperiksa dari isinya; 413 bila terlalu "
         "besar)", body=UPLOAD_SCHEMA, response=EVIDENCE_SCHEMA, tag=TAG_E)
describe("/evidence/{id}", "get", "Satu dokumen bukti", params=ID, response=EVIDENCE_SCHEMA, tag=TAG_E)
describe("/evidence/{id}", "patch", "Mengubah keterangan dokumen dan butir yang dibuktikan (wajib version)",
         params=ID, body=EVIDENCE_SCHEMA, response=EVIDENCE_SCHEMA, tag=TAG_E)
describe("/evidence/{id}", "delete", "Menghapus dokumen bukti", params=ID, tag=TAG_E)
describe("/evidence/{id}/file", "get", "Mengunduh berkas bukti (dicatat di jejak audit)", params=ID, tag=TAG_E)


def verification_json(ver: Verification) -> dict:
    """A round with its findings."""
    data = {k: plain(getattr(ver, k)) for k in VERIFICATION_SCHEMA["properties"] if k != "findings"}
    data["findings"] = [{"item_code": f.item_code, "status": f.status, "note": f.note}
                        for _code, f in sorted(registry_verification.findings(db.session, ver).items())]
    return data


@bp.route("/verifications")
def verification_list():
    """Verification rounds the user may read (an LPKS operator: final rounds only)."""
    stmt = institution_filter(registry_verification.visible_select(current_user), Verification)
    return jsonify(paginate(stmt, verification_json))


@bp.route("/verifications", methods=["POST"])
def verification_create():
    """Open a round for an LPKS of the verifier's region."""
    ver = registry_verification.create(db.session, current_user, json_body())
    return jsonify(verification_json(ver)), 201


@bp.route("/verifications/<int:ident>")
def verification_detail(ident: int):
    """One round and its findings."""
    return jsonify(verification_json(registry_verification.get_visible(db.session, current_user, ident)))


@bp.route("/verifications/<int:ident>", methods=["PATCH"])
def verification_update(ident: int):
    """Change a draft round's visit date, team or summary (with version)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.update(db.session, current_user, ver, json_body())
    return jsonify(verification_json(ver))


@bp.route("/verifications/<int:ident>", methods=["DELETE"])
def verification_delete(ident: int):
    """Discard a draft round (final rounds are history and stay)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.delete_draft(db.session, current_user, ver)
    return "", 204


@bp.route("/verifications/<int:ident>/findings", methods=["PUT"])
def verification_findings(ident: int):
    """Record findings of a draft round; an empty status removes an item's finding."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.set_findings(db.session, current_user, ver, json_body().get("findings"))
    return jsonify(verification_json(ver))


@bp.route("/verifications/<int:ident>/finalise", methods=["POST"])
def verification_finalise(ident: int):
    """Make a round final (read only, visible to the LPKS, counted in the standards report)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.finalise(db.session, current_user, ver, json_body().get("version"))
    return jsonify(verification_json(ver))


VER_INPUT = obj({"institution_id": {"type": "integer"}, "visit_date": {"type": "string", "format": "date"},
                 "team": {"type": "string"}, "summary": {"type": "string"}}, ("institution_id", "visit_date"))
describe("/verifications", "get", "Putaran verifikasi standar dalam lingkup pengguna",
         params=PAGING_PARAMS + [INSTITUTION_FILTER], tag=TAG_V)
describe("/verifications", "post", "Membuka putaran verifikasi (Dinas Sosial kabupaten/kota)", body=VER_INPUT,
         response=VERIFICATION_SCHEMA, tag=TAG_V)
describe("/verifications/{id}", "get", "Satu putaran verifikasi dan temuannya", params=ID,
         response=VERIFICATION_SCHEMA, tag=TAG_V)
describe("/verifications/{id}", "patch", "Mengubah putaran draf (wajib version)", params=ID, body=VER_INPUT,
         response=VERIFICATION_SCHEMA, tag=TAG_V)
describe("/verifications/{id}", "delete", "Menghapus putaran draf", params=ID, tag=TAG_V)
describe("/verifications/{id}/findings", "put", "Mencatat temuan per butir (terpenuhi/sebagian/belum dan catatan)",
         params=ID, body=FINDINGS_INPUT, response=VERIFICATION_SCHEMA, tag=TAG_V)
describe("/verifications/{id}/finalise", "post", "Memfinalkan putaran (wajib version)", params=ID,
         body=obj({"version": {"type": "integer"}}, ("version",)), response=VERIFICATION_SCHEMA, tag=TAG_V)
