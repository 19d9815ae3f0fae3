"""The standards report and the accreditation certificate as A4 PDF (same template as the printable page), each
download audited; the renderer loads nothing but the package's own static files."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from lpks.accreditation.models import Assessment
from lpks.io.pdf import RefusedResource, static_path
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from tests.conftest import login


def _text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    return " ".join(page.extract_text() for page in reader.pages)


def test_standards_report_pdf(demo, client, session):
    inst = session.scalar(select(Institution).where(Institution.name == "LPKS Bina Harapan Kota Pasuruan"))
    login(client, "dinsos.pasuruan")
    page = client.get(f"/admin/standards/{inst.id}/print").get_data(as_text=True)
    assert 'data-testid="print-pdf"' in page and 'data-testid="print-back"' in page
    text = _text(client.get(f"/admin/standards/{inst.id}/print?format=pdf"))
    assert "LAPORAN PEMENUHAN STANDAR LEMBAGA" in text and inst.name in text
    flat = " ".join(text.split())
    assert inst.address in flat and "Pasal 52" in flat and "Kepatuhan keseluruhan" in flat  # the registry's record
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.object_type == "standards_report")
                         .order_by(AuditLog.id.desc()))
    assert (row.action, row.fields, row.object_id) == ("export", "pdf", str(inst.id))


def test_accreditation_certificate_pdf(demo, client, session):
    assessment = session.scalar(select(Assessment).where(Assessment.state == "designated", Assessment.grade == "A")
                                .order_by(Assessment.id))
    login(client, "kemensos")
    response = client.get(f"/admin/accreditation/{assessment.id}/certificate?format=pdf")
    text = _text(response)
    assert "SERTIFIKAT AKREDITASI" in text and assessment.decree_number in text
    flat = " ".join(text.split())
    inst = session.get(Institution, assessment.institution_id)
    signer = session.get(User, assessment.designated_by_id)
    assert "KEMENTERIAN SOSIAL REPUBLIK INDONESIA" in flat and inst.name in flat and (inst.address or "") in flat
    assert (signer.full_name or signer.username) in flat and "a.n. Menteri Sosial" in flat  # who designated signs
    assert len(PdfReader(io.BytesIO(response.get_data())).pages) == 1  # a certificate is one page
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.object_type == "accreditation_certificate"))
    assert (row.action, row.fields) == ("export", "pdf")


@pytest.mark.parametrize("url", [
    "https://evil.example/static/lpks.css",        # another host
    "file:///etc/passwd",
    "https://lpks.invalid/static/../config.py",     # out of the static folder
    "https://lpks.invalid/admin/",                   # a page, not a static file
    "https://lpks.invalid/static/no-such.css",
])
def test_the_renderer_refuses_everything_but_our_static_files(url):
    with pytest.raises(RefusedResource):
        static_path(url)


def test_the_renderer_serves_our_stylesheets():
    assert static_path("https://lpks.invalid/static/residents-print.css").name == "residents-print.css"
