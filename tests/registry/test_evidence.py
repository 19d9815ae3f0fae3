"""Evidence files: type by content, size limit, random names outside the web root, scoped and audited download,
links to items, and files that follow the transaction."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.registry.models.evidence import EvidenceDocument, EvidenceLink
from tests.registry.conftest import JPEG, PASURUAN, PDF, PNG, SURABAYA, ids


def _stored(app) -> set[str]:
    """Files in the evidence folder (none yet if nothing was ever stored)."""
    folder = app.config["UPLOAD_DIR"]
    return set(os.listdir(folder)) if os.path.isdir(folder) else set()


def _upload(b, lpks, content, name="bukti.pdf", **extra):
    data = {"institution_id": str(lpks), "title": "Akta", "kind": "akta_pendirian", **extra,
            "file": (io.BytesIO(content), name)}
    return b.api("POST", "/api/v1/evidence", data=data, content_type="multipart/form-data")


@pytest.mark.parametrize("content, name, mime", [(PDF, "akta.pdf", "application/pdf"),
                                                 (PNG, "foto.png", "image/png"),
                                                 (JPEG, "foto.jpeg", "image/jpeg"),
                                                 (PDF, "menyamar.png", "application/pdf")])
def test_accepted_types_are_decided_by_content(browse, session, app, content, name, mime):
    lpks = ids(session)[PASURUAN]
    response = _upload(browse("operator.pasuruan"), lpks, content, name, item_codes="a.upt_or_badan_hukum,b.visi")
    assert response.status_code == 201, response.get_json()
    body = response.get_json()
    assert body["content_type"] == mime and body["item_codes"] == ["a.upt_or_badan_hukum", "b.visi"]
    assert body["original_name"].endswith({"application/pdf": ".pdf", "image/png": ".png", "image/jpeg": ".jpg"}[mime])
    session.rollback()
    doc = session.get(EvidenceDocument, body["id"])
    stored = Path(app.config["UPLOAD_DIR"]) / doc.stored_name
    assert stored.read_bytes() == content and len(doc.stored_name) == 64 and name not in doc.stored_name
    assert not str(stored).startswith(app.static_folder)
    assert oct(stored.stat().st_mode & 0o777) == "0o600"


@pytest.mark.parametrize("content, name", [(b"MZ\x90\x00 executable", "akta.pdf"),
                                           (b"<html><script>alert(1)</script>", "akta.pdf"),
                                           (b"GIF89a......", "foto.png")])
def test_other_content_is_refused_whatever_its_name(browse, session, content, name):
    response = _upload(browse("operator.pasuruan"), ids(session)[PASURUAN], content, name)
    assert response.status_code == 422 and response.get_json()["field"] == "file"
    assert "PDF, JPEG atau PNG" in response.get_json()["message"]


def test_empty_and_oversized_files(browse, session, app):
    b = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    assert _upload(b, lpks, b"").get_json()["field"] == "file"
    app.config["EVIDENCE_MAX_BYTES"] = 100
    too_big = _upload(b, lpks, PDF + b"0" * 200)
    assert too_big.status_code == 413 and too_big.get_json()["field"] == "file"
    app.config["MAX_CONTENT_LENGTH"] = 2000
    assert _upload(b, lpks, PDF + b"0" * 5000).status_code == 413
    session.rollback()
    stored = _stored(app)
    assert all(session.scalar(select(EvidenceDocument).where(EvidenceDocument.stored_name == f)) is not None
               for f in stored)


def test_unknown_item_codes_are_refused_and_no_file_is_left(browse, session, app):
    before = _stored(app)
    response = _upload(browse("operator.pasuruan"), ids(session)[PASURUAN], PDF, item_codes="z.tidak_ada")
    assert response.status_code == 422 and response.get_json()["field"] == "item_codes"
    assert _stored(app) == before


def test_a_failed_transaction_removes_the_file(browse, session, app, monkeypatch):
    from lpks.registry.services import evidence

    def broken(*args, **kwargs):
        raise evidence.ServiceError("gagal menyimpan tautan", "item_codes")
    monkeypatch.setattr(evidence, "_replace_links", broken)
    before = _stored(app)
    assert _upload(browse("operator.pasuruan"), ids(session)[PASURUAN], PDF).status_code == 422
    assert _stored(app) == before


def test_download_is_scoped_and_audited(browse, session):
    lpks = ids(session)[PASURUAN]
    doc_id = _upload(browse("operator.pasuruan"), lpks, PDF).get_json()["id"]
    for username, allowed in (("dinsos.pasuruan", True), ("dinsos.jatim", True), ("kemensos", True)):
        b = browse(username)
        for path in (f"/admin/registry-files/evidence/{doc_id}", f"/api/v1/evidence/{doc_id}/file"):
            response = b.get(path)
            assert response.status_code == 200, (username, path)
            assert response.data == PDF and response.headers["Content-Disposition"].startswith("attachment")
            assert response.headers["X-Content-Type-Options"] == "nosniff"
    session.rollback()
    rows = session.scalars(select(AuditLog).where(AuditLog.action == "download",
                                                  AuditLog.object_id == str(doc_id))).all()
    assert {r.username for r in rows} == {"dinsos.pasuruan", "dinsos.jatim", "kemensos"} and len(rows) == 6


def test_other_scopes_get_404_for_the_file_and_its_record(browse, session):
    doc_id = _upload(browse("operator.pasuruan"), ids(session)[PASURUAN], PDF).get_json()["id"]
    for username in ("admin", "operator.pasuruan"):
        b = browse(username)
        assert b.get(f"/api/v1/evidence/{doc_id + 1}/file").status_code == 404
    b = browse("admin")
    assert b.get(f"/api/v1/evidence/{doc_id}/file").status_code == 404
    assert b.get(f"/api/v1/evidence/{doc_id}").status_code == 404
    assert b.get(f"/admin/registry-files/evidence/{doc_id}").status_code == 403


def test_an_operator_cannot_upload_for_another_lpks(browse, session):
    response = _upload(browse("operator.pasuruan"), ids(session)[SURABAYA], PDF)
    assert response.status_code == 404 and response.get_json()["field"] == "institution_id"


def test_links_change_and_delete_removes_the_file_after_commit(browse, session, app):
    b = browse("operator.pasuruan")
    body = _upload(b, ids(session)[PASURUAN], PNG, "foto.png", item_codes="e.perkantoran.ruang_pimpinan").get_json()
    changed = b.api("PATCH", f"/api/v1/evidence/{body['id']}", json={
        "item_codes": ["e.perkantoran.ruang_rapat"], "title": "Foto ruang rapat", "version": body["version"]})
    assert changed.status_code == 200 and changed.get_json()["item_codes"] == ["e.perkantoran.ruang_rapat"]
    session.rollback()
    stored = Path(app.config["UPLOAD_DIR"]) / session.get(EvidenceDocument, body["id"]).stored_name
    session.rollback()
    assert b.api("DELETE", f"/api/v1/evidence/{body['id']}").status_code == 204
    session.rollback()
    assert session.get(EvidenceDocument, body["id"]) is None and not stored.exists()
    assert not session.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == body["id"])).all()


def test_upload_through_the_web_form_shows_in_the_standards_report(browse, session):
    b = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    page = b.get(f"/admin/registry-files/upload?institution_id={lpks}")
    assert page.status_code == 200 and "PDF, JPEG atau PNG" in page.get_data(as_text=True)
    response = b.post("/admin/registry-files/upload", data={
        "institution_id": str(lpks), "title": "Foto ruang konseling", "kind": "foto_sarana",
        "item_codes": ["e.pelayanan_teknis.ruang_konseling_psikososial"],
        "file": (io.BytesIO(JPEG), "konseling.jpg")}, content_type="multipart/form-data")
    assert response.status_code == 302
    report = b.get(f"/admin/standards/{lpks}").get_data(as_text=True)
    assert "Foto ruang konseling" in report
    bad = b.post("/admin/registry-files/upload", data={
        "institution_id": str(lpks), "title": "Virus", "kind": "lainnya",
        "file": (io.BytesIO(b"MZ..."), "virus.pdf")}, content_type="multipart/form-data")
    assert bad.status_code == 200 and "PDF, JPEG atau PNG" in bad.get_data(as_text=True)
