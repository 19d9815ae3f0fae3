"""Placement documents through the API and the placement page (issue 12 item 8): date plus number or scan, never a
date in the future; scans go through the evidence pipeline (checked by content) and are opened only by roles that
may see the child's identity, audited; a row recorded as a tick alone is not on file and blocks admission."""
from __future__ import annotations

import io
import re
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.placement import PlacementDocument
from tests.conftest import csrf_token, login
from tests.hostile.files import EXE
from tests.registry.conftest import PDF, PNG

from .conftest import Api, file_all, make_placement, record_meeting


def _post_file(api, path, fields, content, name):
    return api.client.post("/api/v1" + path, data={**fields, "file": (io.BytesIO(content), name)},
                           headers={"X-CSRFToken": api.token}, content_type="multipart/form-data")


@pytest.mark.parametrize(("body", "field"), [
    ({"code": "resume_kasus"}, "dated"),                                          # a tick alone
    ({"code": "resume_kasus", "number": "R/1"}, "dated"),
    ({"code": "resume_kasus", "dated": "2025-08-11"}, "number"),
    ({"code": "resume_kasus", "number": "R/1", "dated": "2025-08-12"}, "dated"),  # dated tomorrow
])
def test_incomplete_documents_are_refused(operator, clock, body, field):
    placement = make_placement(operator)
    response = operator.post(f"/placements/{placement['id']}/documents", body)
    assert response.status_code == 422 and response.get_json()["field"] == field
    assert "Pasal 11 ayat 2 huruf d" in response.get_json()["message"]


def test_a_scan_instead_of_a_number(operator, clock, app, session):
    placement = make_placement(operator)
    response = _post_file(operator, f"/placements/{placement['id']}/documents",
                          {"code": "resume_kasus", "dated": "2025-08-11"}, PDF, "resume.pdf")
    assert response.status_code == 201, response.get_json()
    doc = next(d for d in response.get_json()["documents"] if d["code"] == "resume_kasus")
    assert doc["on_file"] and doc["number"] is None and doc["scan"]["content_type"] == "application/pdf"
    download = operator.get(doc["scan"]["url"].removeprefix("/api/v1"))
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Disposition"].startswith("attachment")
    session.rollback()
    assert session.scalar(select(AuditLog).where(AuditLog.action == "download",
                                                 AuditLog.object_type == "placement_document")) is not None


def test_a_disguised_file_is_refused_by_its_content(operator, clock):
    placement = make_placement(operator)
    response = _post_file(operator, f"/placements/{placement['id']}/documents",
                          {"code": "resume_kasus", "dated": "2025-08-11"}, EXE, "resume.pdf")
    assert response.status_code == 422 and response.get_json()["field"] == "file"
    assert not next(d for d in operator.get(f"/placements/{placement['id']}").get_json()["documents"]
                    if d["code"] == "resume_kasus")["recorded"]


def test_a_scan_attached_later_and_who_may_open_it(seeded, client, clock):
    operator = Api(client, "operator.pasuruan")
    placement = make_placement(operator)
    file_all(operator, placement)
    doc_id = next(d["id"] for d in operator.get(f"/placements/{placement['id']}").get_json()["documents"]
                  if d["code"] == "laporan_sosial")
    attached = _post_file(operator, f"/placement-documents/{doc_id}/scan", {}, PNG, "laporan.png")
    assert attached.status_code == 201
    url = next(d for d in attached.get_json()["documents"] if d["code"] == "laporan_sosial")["scan"]["url"]
    province = Api(client, "dinsos.jatim")
    assert province.get(url.removeprefix("/api/v1")).status_code == 403  # initials and aggregates only
    kabkota = Api(client, "dinsos.pasuruan")
    assert kabkota.get(url.removeprefix("/api/v1")).status_code == 200


def test_a_tick_recorded_earlier_is_not_on_file(operator, clock, session):
    """A row from before this rule (number and date empty) shows as incomplete and blocks admission until
    completed."""
    placement = make_placement(operator, "pre_process")
    session.add(PlacementDocument(institution_id=placement["institution_id"], placement_id=placement["id"],
                                  code="persetujuan_anak", received_at=datetime(2025, 8, 11, tzinfo=timezone.utc)))
    session.commit()
    operator.post(f"/placements/{placement['id']}/documents",
                  {"code": "persetujuan_orang_tua", "number": "P/1", "dated": "2025-08-11"})
    state = operator.get(f"/placements/{placement['id']}").get_json()
    row = next(d for d in state["documents"] if d["code"] == "persetujuan_anak")
    assert row["recorded"] and not row["on_file"] and row["lacking"] == "dated"
    record_meeting(operator, placement)
    refused = operator.post(f"/placements/{placement['id']}/admit", {})
    assert refused.status_code == 422 and "persetujuan anak" in refused.get_json()["message"]
    completed = operator.post(f"/placements/{placement['id']}/documents",
                              {"code": "persetujuan_anak", "number": "P/2", "dated": "2025-08-11"})
    assert completed.status_code == 201
    assert operator.post(f"/placements/{placement['id']}/admit", {}).status_code == 200


def test_the_page_records_a_document_with_its_scan(operator, client, clock):
    placement = make_placement(operator)
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert "centang saja bukan dokumen" in page and 'enctype="multipart/form-data"' in page
    token = csrf_token(client, url)
    action = f"/admin/placement/documents/?id={placement['id']}"
    refused = client.post(action, data={"csrf_token": token, "resume_kasus-code": "resume_kasus",
                                        "resume_kasus-dated": "2025-08-11"}, follow_redirects=True)
    assert "isi nomor surat atau lampirkan pindaiannya" in refused.get_data(as_text=True)
    done = client.post(action, data={"csrf_token": token, "resume_kasus-code": "resume_kasus",
                                     "resume_kasus-dated": "2025-08-11",
                                     "resume_kasus-file": (io.BytesIO(PDF), "resume.pdf")},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "Dokumen dicatat." in done
    row = re.search(r'data-testid="document-resume_kasus">(.*?)</tr>', done, re.S).group(1)
    assert "ada" in row and 'data-testid="scan-link"' in row and "resume.pdf" in row


def test_the_province_page_shows_no_scan_link(seeded, client, clock):
    operator = Api(client, "operator.pasuruan")
    placement = make_placement(operator)
    _post_file(operator, f"/placements/{placement['id']}/documents", {"code": "resume_kasus", "dated": "2025-08-11"},
               PDF, "resume.pdf")
    client.post("/logout", data={"csrf_token": operator.token})
    login(client, "dinsos.jatim")
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert "pindaian terlampir" in page and 'data-testid="scan-link"' not in page
