"""Official documents as A4 PDF from the same template as the printable page, read back as text; each download is an
audited identity view; the printable page offers back, print and PDF."""
from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
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


def _head(session) -> str:
    """The head of the demo's Kota Pasuruan LPKS, as its organisation structure records it."""
    inst = session.scalar(select(Institution).where(Institution.name == "LPKS Bina Harapan Kota Pasuruan"))
    return session.scalar(select(OrganisationPosition.holder_name).where(
        OrganisationPosition.institution_id == inst.id, OrganisationPosition.position == "pimpinan"))


# (document, title, words the letter must carry besides the child, whether the LPKS head signs it)
@pytest.mark.parametrize("document, title, words, signed, pages", [
    ("pemberitahuan", "PEMBERITAHUAN", ("Pasal 11 ayat (4)", "Polres Pasuruan Kota", "Kapolda Jawa Timur", "SP/1"),
     True, 1),
    ("bast", "BERITA ACARA", ("PIHAK PERTAMA", "PIHAK KEDUA", "Polres Pasuruan Kota"), False, 1),
    ("serah-terima-titipan", "SERAH TERIMA", ("PIHAK PERTAMA", "PIHAK KEDUA"), False, 1),
])
def test_each_letter_is_an_a4_pdf_with_its_text(seeded, client, session, titipan, document, title, words, signed,
                                                pages):
    placement, period = titipan
    token = csrf_token(client, f"/admin/placement/details/?id={placement['id']}")
    query = f"?id={placement['id']}" + (f"&period={period['id']}" if document == "pemberitahuan" else "")
    reader = _pdf(client.post(f"/admin/placement/print/{document}/{query}", data={"csrf_token": token,
                                                                                  "format": "pdf"}))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert title in text.upper() and "Budi Santoso" in text and "LPKS Bina Harapan Kota Pasuruan".upper() in text.upper()
    assert "RAHASIA" in text and len(reader.pages) == pages
    assert all(word in text for word in words), [word for word in words if word not in text]
    head = _head(session)
    assert head and (head in text) == signed  # the head named by the registry signs the LPKS's own letters
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


def test_the_school_exam_request_is_a_one_page_pdf_signed_by_the_head(seeded, operator, client, session, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    exam = operator.post(f"/placements/{placement['id']}/school-exams", {
        "exam": "Asesmen Sumatif Akhir Semester", "school": "SMPN 2 Pasuruan", "exam_date": "2025-08-20",
        "place": "sekolah", "addressee": "Kasat Reskrim Polres Pasuruan Kota", "letter_number": "400/12/LPKS",
        "letter_date": "2025-08-11"}).get_json()["school_exams"][0]
    details = f"/admin/placement/details/?id={placement['id']}"
    url = f"/admin/placement/school-exam/print/?id={placement['id']}&exam={exam['id']}"
    page = client.post(url, data={"csrf_token": csrf_token(client, details)}).get_data(as_text=True)
    for testid in ("print-back", "print-now", "print-pdf"):
        assert f'data-testid="{testid}"' in page
    reader = _pdf(client.post(url, data={"csrf_token": csrf_token(client, details), "format": "pdf"}))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert len(reader.pages) == 1 and "LPKS Bina Harapan Kota Pasuruan".upper() in text.upper()
    for word in ("400/12/LPKS", "SMPN 2 Pasuruan", "Kasat Reskrim Polres Pasuruan Kota", "Budi Santoso",
                 "Pasal 11 ayat (8)", _head(session)):
        assert word in text, word
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.action == "view_identity").order_by(AuditLog.id.desc()))
    assert row.fields == "pdf_ujian_sekolah" and row.object_id == str(placement["resident_id"])
