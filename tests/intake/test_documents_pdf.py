"""The Dinas Sosial's products (RULES §8) as A4 PDF read back (issue 17): the office's letterhead, the child, the
product's number and route, the case manager who signs; each download an audited identity view."""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog

from .test_web import act, page, register, token


@pytest.fixture
def products(site, client):
    """A report taken to its route, with a berita acara and a referral letter to a service outside the system."""
    from tests.conftest import login

    login(client, "peksos.pasuruan")
    ident = register(site, client)
    assert act(client, ident, "step", {"step": "pendataan_asesmen", "done_on": "2025-08-11", "problems": "Bolos",
                                       "needs": "Konseling", "potentials": "Rajin", "resources": "Guru BK"}
               ).status_code == 302
    assert act(client, ident, "step", {"step": "case_conference", "done_on": "2025-08-11", "conclusions": "Ringan",
                                       "conference_participants-0-role": "peksos"}).status_code == 302
    assert act(client, ident, "route", {"offence_severity": "ringan"}).status_code == 302
    assert act(client, ident, "berita_acara", {"kind": "berita_acara", "number": "BA/17/2025"}).status_code == 302
    html = page(client, f"/admin/case/details/?id={ident}&tab=prosedur")
    csrf = token(html)
    sent = client.post("/api/v1/referrals", json={
        "case_id": ident, "receiver_kind": "external", "receiver_name": "Puskesmas Bugul Kidul",
        "reason": "Pemeriksaan kesehatan", "services_asked": ["fisik"], "child_consent": True,
        "parent_consent": True}, headers={"X-CSRFToken": csrf})
    assert sent.status_code == 201, sent.get_json()
    letter = client.post(f"/api/v1/cases/{ident}/intake/products", json={
        "kind": "rujukan", "number": "R/17/2025", "referral_id": sent.get_json()["id"]}, headers={"X-CSRFToken": csrf})
    assert letter.status_code == 200, letter.get_json()
    return ident


@pytest.mark.parametrize("kind, title, words", [
    ("berita_acara", "BERITA ACARA PENANGANAN KASUS", ("BA/17/2025", "Keadilan restoratif")),
    ("rujukan", "RUJUKAN", ("R/17/2025", "Puskesmas Bugul Kidul", "Pemeriksaan kesehatan")),
])
def test_each_product_reads_back_from_its_pdf(site, client, products, kind, title, words):
    html = page(client, f"/admin/case/details/?id={products}&tab=prosedur")
    action = re.search(r'action="(/admin/case/intake/print/%s/[^"]+)"' % kind, html).group(1).replace("&amp;", "&")
    response = client.post(action, data={"csrf_token": token(html), "format": "pdf"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(response.get_data()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    assert len(reader.pages) == 1
    flat = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert title in flat.upper() and "DINAS SOSIAL KOTA PASURUAN" in flat.upper()  # the office's letterhead
    assert "Raka Pratama Putra" in flat and site.peksos.full_name in flat  # the child; the case manager signs
    assert all(word in flat for word in words), [word for word in words if word not in flat]
    site.session.rollback()
    assert site.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "view_identity", AuditLog.fields == f"pdf_{kind}")) == 1
