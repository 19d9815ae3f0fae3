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
from lpks.web.api.paging import paginate
from lpks.web.api.operations import FILE, GONE, SCANS, operation
from lpks.web.downloads import file_response

VER_INPUT = obj({"institution_id": {"type": "integer"}, "visit_date": {"type": "string", "format": "date"},
                 "team": {"type": "string"}, "summary": {"type": "string"}}, ("institution_id", "visit_date"))
TAG_E, TAG_V = "bukti", "verifikasi"


def evidence_json(doc: EvidenceDocument) -> dict:
    """A document's description, the items it proves and where to download it."""
    data = {k: plain(getattr(doc, k)) for k in EVIDENCE_SCHEMA["properties"]
            if k not in ("item_codes", "download_url")}
    data["item_codes"] = evidence.linked_codes(db.session, doc)
    data["download_url"] = url_for("api.evidence_file", ident=doc.id)
    return data


@bp.route("/evidence")
@operation("Dokumen bukti dalam lingkup pengguna", tag=TAG_E, params=[INSTITUTION_FILTER], response=EVIDENCE_SCHEMA,
           paged=True)
def evidence_list():
    """Evidence documents in the user's scope."""
    stmt = institution_filter(scoped_select(current_user, EvidenceDocument), EvidenceDocument)
    return jsonify(paginate(stmt.order_by(EvidenceDocument.uploaded_at.desc(), EvidenceDocument.id.desc()),
                            evidence_json))


@bp.route("/evidence", methods=["POST"])
@operation("Mengunggah dokumen bukti (PDF, JPEG, PNG; diperiksa dari isinya; 413 bila terlalu besar)", tag=TAG_E,
           request=UPLOAD_SCHEMA, request_media="multipart/form-data", response=EVIDENCE_SCHEMA, status=201)
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
@operation("Satu dokumen bukti", tag=TAG_E, response=EVIDENCE_SCHEMA)
def evidence_detail(ident: int):
    """One document's description."""
    return jsonify(evidence_json(get_scoped(db.session, current_user, EvidenceDocument, ident)))


@bp.route("/evidence/<int:ident>", methods=["PATCH"])
@operation("Mengubah keterangan dokumen dan butir yang dibuktikan (wajib version)", tag=TAG_E,
           request=EVIDENCE_SCHEMA, response=EVIDENCE_SCHEMA)
def evidence_update(ident: int):
    """Change a document's description or the items it proves (with version)."""
    doc = get_scoped(db.session, current_user, EvidenceDocument, ident, WRITE)
    evidence.update(db.session, current_user, doc, json_body())
    return jsonify(evidence_json(doc))


@bp.route("/evidence/<int:ident>", methods=["DELETE"])
@operation("Menghapus dokumen bukti", tag=TAG_E, response=None, status=204)
def evidence_delete(ident: int):
    """Delete a document uploaded by mistake."""
    doc = get_scoped(db.session, current_user, EvidenceDocument, ident, WRITE)
    evidence.delete_document(db.session, current_user, doc)
    return "", 204


@bp.route("/evidence/<int:ident>/file")
@operation("Mengunduh berkas bukti (dicatat di jejak audit)", tag=TAG_E, response=FILE, media=SCANS,
           responses=GONE)
def evidence_file(ident: int):
    """The file itself, for users whose scope covers the LPKS (audited)."""
    found = evidence.open_download(db.session, current_user, ident)
    db.session.commit()
    return file_response(found)


def verification_json(ver: Verification) -> dict:
    """A round with its findings."""
    data = {k: plain(getattr(ver, k)) for k in VERIFICATION_SCHEMA["properties"] if k != "findings"}
    data["findings"] = [{"item_code": f.item_code, "status": f.status, "note": f.note}
                        for _code, f in sorted(registry_verification.findings(db.session, ver).items())]
    return data


@bp.route("/verifications")
@operation("Putaran verifikasi standar dalam lingkup pengguna", tag=TAG_V, params=[INSTITUTION_FILTER],
           response=VERIFICATION_SCHEMA, paged=True)
def verification_list():
    """Verification rounds the user may read (an LPKS operator: final rounds only)."""
    stmt = institution_filter(registry_verification.visible_select(current_user), Verification)
    return jsonify(paginate(stmt, verification_json))


@bp.route("/verifications", methods=["POST"])
@operation("Membuka putaran verifikasi (Dinas Sosial kabupaten/kota)", tag=TAG_V, request=VER_INPUT,
           response=VERIFICATION_SCHEMA, status=201)
def verification_create():
    """Open a round for an LPKS of the verifier's region."""
    ver = registry_verification.create(db.session, current_user, json_body())
    return jsonify(verification_json(ver)), 201


@bp.route("/verifications/<int:ident>")
@operation("Satu putaran verifikasi dan temuannya", tag=TAG_V, response=VERIFICATION_SCHEMA)
def verification_detail(ident: int):
    """One round and its findings."""
    return jsonify(verification_json(registry_verification.get_visible(db.session, current_user, ident)))


@bp.route("/verifications/<int:ident>", methods=["PATCH"])
@operation("Mengubah putaran draf (wajib version)", tag=TAG_V, request=VER_INPUT, response=VERIFICATION_SCHEMA)
def verification_update(ident: int):
    """Change a draft round's visit date, team or summary (with version)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.update(db.session, current_user, ver, json_body())
    return jsonify(verification_json(ver))


@bp.route("/verifications/<int:ident>", methods=["DELETE"])
@operation("Menghapus putaran draf", tag=TAG_V, response=None, status=204)
def verification_delete(ident: int):
    """Discard a draft round (final rounds are history and stay)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.delete_draft(db.session, current_user, ver)
    return "", 204


@bp.route("/verifications/<int:ident>/findings", methods=["PUT"])
@operation("Mencatat temuan per butir (terpenuhi/sebagian/belum dan catatan)", tag=TAG_V, request=FINDINGS_INPUT,
           response=VERIFICATION_SCHEMA)
def verification_findings(ident: int):
    """Record findings of a draft round; an empty status removes an item's finding."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.set_findings(db.session, current_user, ver, json_body().get("findings"))
    return jsonify(verification_json(ver))


@bp.route("/verifications/<int:ident>/finalise", methods=["POST"])
@operation("Memfinalkan putaran (wajib version)", tag=TAG_V,
           request=obj({"version": {"type": "integer"}}, ("version",)), response=VERIFICATION_SCHEMA)
def verification_finalise(ident: int):
    """Make a round final (read only, visible to the LPKS, counted in the standards report)."""
    ver = registry_verification.get_visible(db.session, current_user, ident, WRITE)
    registry_verification.finalise(db.session, current_user, ver, json_body().get("version"))
    return jsonify(verification_json(ver))
