"""Printed documents (A4, Indonesian, from the records), each print an audited identity view."""
from __future__ import annotations

import re
from datetime import timedelta

from sqlalchemy import func, select

from lpks.cases.services import assessments, cases
from lpks.platform.models.audit import AuditLog
from tests.conftest import login

from .conftest import TODAY


def token(html: str) -> str:
    return re.search(r'name="[\w-]*csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def views(session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_identity",
                                                                           AuditLog.fields.like("print_%")))


def test_social_report_from_the_assessment_and_each_print_audited(site, client):
    _c, case = site.admit(name="Rahmat Hidayat")
    with site.app.test_request_context():
        cases.update(site.session, site.operator, case, {"case_manager_id": site.peksos.id, "version": case.version})
    site.session.commit()
    login(client, "operator.pasuruan")
    html = client.get(f"/admin/case/details/?id={case.id}&tab=dokumen").get_data(as_text=True)
    assert re.search(r'disabled data-testid="print-laporan-sosial"', html)  # no assessment yet
    assert client.post(f"/admin/case/print/laporan-sosial/?id={case.id}",
                       data={"csrf_token": token(html)}).status_code == 422
    from lpks.cases.services import stages

    with site.app.test_request_context():
        stages.record(site.session, site.operator, case, {
            "stage": "pendekatan_awal", "complete": True, "version": 1,
            "activities": ["sosialisasi_konsultasi", "identifikasi", "motivasi", "seleksi", "penerimaan"]})
        assessments.record_assessment(site.session, site.operator, case, {
            "assessed_on": TODAY.isoformat(), "problems": "Kecanduan gawai", "needs": "Konseling",
            "potentials": "Suka olahraga", "resources": "Guru BK", "recommendation": "Konseling mingguan"})
    site.session.commit()
    before = views(site.session)
    html = client.get(f"/admin/case/details/?id={case.id}&tab=dokumen").get_data(as_text=True)
    report = client.post(f"/admin/case/print/laporan-sosial/?id={case.id}", data={"csrf_token": token(html)})
    text = report.get_data(as_text=True)
    assert report.status_code == 200 and "Laporan Sosial" in text and "Rahmat Hidayat" in text
    assert "Kecanduan gawai" in text and "Konseling mingguan" in text and site.peksos.name in text
    assert "residents-print.css" in text and 'style="' not in text
    statement = client.post(f"/admin/case/print/pernyataan-bersama/?id={case.id}", data={"csrf_token": token(html)})
    assert statement.status_code == 200 and "Pernyataan Bersama" in statement.get_data(as_text=True)
    pdf = client.post(f"/admin/case/print/laporan-sosial/?id={case.id}", data={"csrf_token": token(html),
                                                                               "format": "pdf"})
    assert pdf.status_code == 200 and pdf.mimetype == "application/pdf" and pdf.data.startswith(b"%PDF")
    assert views(site.session) == before + 2
    site.session.rollback()
    assert site.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "view_identity", AuditLog.fields == "pdf_laporan-sosial")) == 1
    assert client.post(f"/admin/case/print/ringkasan/?id={case.id}",
                       data={"csrf_token": token(html)}).status_code == 422  # not terminated yet
    assert client.post(f"/admin/case/print/laporan-sosial/?id={case.id}").status_code == 400  # no CSRF token


def test_prints_are_for_identity_roles_only(site, client):
    _c, case = site.admit()
    site.session.commit()
    login(client, "dinsos.jatim")
    html = client.get(f"/admin/case/details/?id={case.id}&tab=dokumen").get_data(as_text=True)
    assert 'data-testid="prints"' not in html
    assert client.post(f"/admin/case/print/pernyataan-bersama/?id={case.id}",
                       data={"csrf_token": token(client.get("/account/").get_data(as_text=True))}).status_code == 403


def test_referral_form_lampiran_iii(site, client):
    from lpks.cases.services import referrals

    _c, case = site.admit(name="Lukman Hakim")
    with site.app.test_request_context():
        referral = referrals.send(site.session, site.operator, {
            "case_id": case.id, "receiver_kind": "external", "receiver_name": "RSUD Bangil", "reason": "Terapi",
            "services_asked": ["fisik"], "child_consent": True, "parent_consent": True,
            "sent_on": (TODAY - timedelta(days=1)).isoformat()})
    site.session.commit()
    login(client, "operator.pasuruan")
    html = client.get(f"/admin/referral/details/?id={referral.id}").get_data(as_text=True)
    assert 'data-testid="print-referral"' in html
    printed = client.post(f"/admin/case/print/rujukan/?id={case.id}&referral={referral.id}",
                          data={"csrf_token": token(html)})
    text = printed.get_data(as_text=True)
    assert printed.status_code == 200 and "Formulir Rujukan" in text and "RSUD Bangil" in text
    assert "Lukman Hakim" in text and "Bimbingan fisik" in text
