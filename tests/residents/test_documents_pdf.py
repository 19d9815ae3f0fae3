"""Official documents as A4 PDF from the same template as the printable page, read back as text; each download is an
audited identity view; the printable page offers back, print and PDF."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from tests.conftest import csrf_token
from tests.residents.conftest import admitted

A4 = (595, 842)  # points, rounded


@pytest.fixture
def titipan(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    return placement, placement["custody_periods"][0]


def _pdf(response) -> PdfReader:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith('attachment; filename="')
    assert response.headers["Cache-Control"] == "no-store"
    return PdfReader(io.BytesIO(response.get_data()))


@pytest.mark.parametrize("document, title, pages", [
    ("pemberitahuan", "PEMBERITAHUAN", 1),
    ("bast", "BERITA ACARA", 1),
    ("serah-terima-titipan", "SERAH TERIMA", 1),
])
def test_each_letter_is_an_a4_pdf_with_its_text(seeded, client, session, titipan, document, title, pages):
    placement, period = titipan
    token = csrf_token(client, f"/admin/placement/details/?id={placement['id']}")
    query = f"?id={placement['id']}" + (f"&period={period['id']}" if document == "pemberitahuan" else "")
    reader = _pdf(client.post(f"/admin/placement/print/{document}/{query}", data={"csrf_token": token,
                                                                                  "format": "pdf"}))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert title in text.upper() and "Budi Santoso" in text and "LPKS Bina Harapan Kota Pasuruan".upper() in text.upper()
    assert "RAHASIA" in text and len(reader.pages) == pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == A4
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.action == "view_identity").order_by(AuditLog.id.desc()))
    assert row.fields == f"pdf_{document}" and row.object_id == str(placement["resident_id"])


def test_the_printable_page_offers_back_print_and_pdf(seeded, client, titipan):
    placement, _period = titipan
    details = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(details).get_data(as_text=True)
    assert 'data-testid="print-bast-pdf"' in page and 'target="_blank"' not in page
    letter = client.post(f"/admin/placement/print/bast/?id={placement['id']}",
                         data={"csrf_token": csrf_token(client, details)}).get_data(as_text=True)
    for testid in ("print-back", "print-now", "print-pdf"):
        assert f'data-testid="{testid}"' in letter
    assert f'href="{details}"' in letter.replace("&amp;", "&")
