"""What one user or one LPKS may store (issue 18, item 6): a storage quota per LPKS and an upload rate per user, both
kept in the database (they hold across workers), each refusal naming its rule, nothing stored when refused."""
from __future__ import annotations

import io
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from lpks.config import ConfigError, load_config
from lpks.registry.models.evidence import EvidenceDocument
from tests.accreditation_flow.conftest import PASURUAN, Api, institution_id

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def _upload(api: Api, lpks: int, size: int = 0, title: str = "Bukti"):
    content = PDF + b"%" * max(size - len(PDF), 0)
    return api.client.post("/api/v1/evidence", content_type="multipart/form-data", headers={"X-CSRFToken": api.token},
                           data={"institution_id": str(lpks), "title": title, "kind": "lainnya",
                                 "file": (io.BytesIO(content), "bukti.pdf")})


def _files(app) -> int:
    folder = Path(app.config["UPLOAD_DIR"])
    return len(list(folder.iterdir())) if folder.exists() else 0


def test_the_twenty_first_file_in_a_minute_is_refused(demo, app, session):
    api = Api(app.test_client(), "operator.pasuruan")
    own = institution_id(session, PASURUAN)
    statuses = [_upload(api, own, title=f"Bukti {n}").status_code for n in range(20)]
    assert statuses == [201] * 20
    stored = _files(app)
    refused = _upload(api, own, title="Bukti 21")
    assert refused.status_code == 429 and refused.headers["Retry-After"] == "60"
    body = refused.get_json()
    assert body["field"] == "file" and "paling banyak 20 berkas per menit" in body["message"]
    assert _files(app) == stored  # nothing written for the refused one
    session.rollback()
    for doc in session.scalars(select(EvidenceDocument).where(EvidenceDocument.title.like("Bukti %"))):
        doc.uploaded_at = doc.uploaded_at - timedelta(seconds=61)
    session.commit()
    assert _upload(api, own, title="Bukti 22").status_code == 201  # a minute later


def test_the_rate_is_per_user(demo, app, session):
    app.config["UPLOADS_PER_MINUTE"] = 2
    own = institution_id(session, PASURUAN)
    first = Api(app.test_client(), "operator.pasuruan")
    assert [_upload(first, own).status_code for _ in range(3)] == [201, 201, 429]
    from lpks.extensions import db
    from lpks.platform.services.users import create_user
    from tests.conftest import PASSWORD

    with app.app_context():
        create_user(db.session, "operator.kedua", PASSWORD, "operator_lpks", str(own))
        db.session.commit()
    assert _upload(Api(app.test_client(), "operator.kedua"), own).status_code == 201


def test_an_lpks_cannot_store_beyond_its_quota(demo, app, session):
    app.config["UPLOAD_QUOTA_MB"] = 1
    api = Api(app.test_client(), "operator.pasuruan")
    own = institution_id(session, PASURUAN)
    session.rollback()
    used = session.scalar(select(func.coalesce(func.sum(EvidenceDocument.size_bytes), 0))
                          .where(EvidenceDocument.institution_id == own))
    # (uploads stay under 500 kB: the test client spools larger bodies to files it leaves open)
    size = (1024 * 1024 - used) // 3 - 1000
    assert size < 500 * 1024
    created = [_upload(api, own, size=size, title=f"Besar {n}") for n in range(3)]
    assert [r.status_code for r in created] == [201, 201, 201]
    stored = _files(app)
    refused = _upload(api, own, size=5000, title="Lewat kuota")
    assert refused.status_code == 422
    body = refused.get_json()
    assert body["field"] == "file" and "Kuota penyimpanan berkas bukti LPKS ini 1 MB" in body["message"]
    assert _files(app) == stored
    # another LPKS has its own quota
    from lpks.extensions import db
    from lpks.platform.services.users import create_user
    from tests.conftest import PASSWORD

    other = institution_id(session, "LPKS Cahaya Anak Malang")
    with app.app_context():
        create_user(db.session, "operator.malang", PASSWORD, "operator_lpks", str(other))
        db.session.commit()
    assert _upload(Api(app.test_client(), "operator.malang"), other, size=5000).status_code == 201
    # deleting a document frees its space
    deleted = api.client.delete(f"/api/v1/evidence/{created[0].get_json()['id']}", headers={"X-CSRFToken": api.token})
    assert deleted.status_code == 204
    assert _upload(api, own, size=5000, title="Setelah dihapus").status_code == 201


def test_the_upload_page_names_the_rule(demo, app, session):
    from tests.conftest import csrf_token, login

    app.config["UPLOAD_QUOTA_MB"] = 1
    client = app.test_client()
    login(client, "operator.pasuruan")
    own = institution_id(session, PASURUAN)
    page = client.get(f"/admin/registry-files/upload?institution_id={own}").get_data(as_text=True)
    assert "Kuota penyimpanan 1 MB per LPKS" in page and "20 berkas per menit" in page
    app.config["UPLOAD_QUOTA_MB"] = 0  # full already
    response = client.post("/admin/registry-files/upload", content_type="multipart/form-data", data={
        "csrf_token": csrf_token(client, "/admin/registry-files/upload"), "institution_id": str(own),
        "title": "Tidak muat", "kind": "lainnya", "file": (io.BytesIO(PDF), "bukti.pdf")})
    assert response.status_code == 200 and "Kuota penyimpanan berkas bukti" in response.get_data(as_text=True)


@pytest.mark.parametrize("name,key,value,expected", [
    ("LPKS_UPLOAD_QUOTA_MB", "UPLOAD_QUOTA_MB", None, 500), ("LPKS_UPLOAD_QUOTA_MB", "UPLOAD_QUOTA_MB", "50", 50),
    ("LPKS_UPLOADS_PER_MINUTE", "UPLOADS_PER_MINUTE", None, 20),
    ("LPKS_UPLOADS_PER_MINUTE", "UPLOADS_PER_MINUTE", "5", 5)])
def test_the_limits_are_read_from_the_environment(monkeypatch, tmp_path, name, key, value, expected):
    if value is None:
        monkeypatch.delenv(name, raising=False)
    else:
        monkeypatch.setenv(name, value)
    assert load_config(str(tmp_path))[key] == expected


def test_a_wrong_limit_stops_the_start(monkeypatch, tmp_path):
    monkeypatch.setenv("LPKS_UPLOAD_QUOTA_MB", "banyak")
    with pytest.raises(ConfigError, match="LPKS_UPLOAD_QUOTA_MB"):
        load_config(str(tmp_path))
