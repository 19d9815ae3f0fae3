"""Every printed document of the case as an A4 PDF read back (issue 17): the letterhead of the LPKS, the child, the
key fields of the records, the signers (the case manager; the LPKS head the registry names), one page where the form
is one page; each download an audited identity view."""
from __future__ import annotations

import io
from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from lpks.cases.services import assessments, plans, reintegration, referrals, stages
from lpks.platform.models.audit import AuditLog
from lpks.registry.models.profile import OrganisationPosition
from tests.conftest import login

from .conftest import TODAY
from .test_case_flow import complete, manage
from .test_documents import token

LPKS = "LPKS Bina Harapan Kota Pasuruan"


@pytest.fixture
def terminated(site, clock):
    """A case from admission to termination with a referral outside the system, through the services."""
    _child, case = site.admit(name="Rahmat Hidayat")
    session, user = site.session, site.operator
    with site.app.test_request_context():
        manage(site, case)
        complete(site, case, "pendekatan_awal", TODAY - timedelta(days=2))
        assessments.record_assessment(session, user, case, {
            "assessed_on": TODAY.isoformat(), "problems": "Kecanduan gawai", "needs": "Konseling",
            "potentials": "Suka olahraga", "resources": "Guru BK", "recommendation": "Konseling mingguan"})
        assessments.record_conference(session, user, case, {
            "held_on": TODAY.isoformat(), "conclusions": "Konseling dan olahraga",
            "participants": [{"role": "peksos", "name": site.peksos.name}, {"role": "keluarga"}]})
        complete(site, case, "asesmen")
        service = plans.add_service(session, user, case, {"form": "sosial_konseling", "description": "Konseling",
                                                          "provider_staff_id": site.peksos.id,
                                                          "due_on": TODAY.isoformat()})
        plans.save_plan(session, user, case, {"goal": "Kembali ke keluarga", "agreed_on": TODAY.isoformat(),
                                              "needs": [{"priority": 1, "need": "Konseling"}]})
        complete(site, case, "rencana")
        referral = referrals.send(session, user, {
            "case_id": case.id, "receiver_kind": "external", "receiver_name": "RSUD Bangil", "reason": "Terapi",
            "services_asked": ["fisik"], "child_consent": True, "parent_consent": True,
            "sent_on": TODAY.isoformat()})
        plans.update_service(session, user, service, {"action": "done", "done_on": TODAY, "outcome": "Terlaksana",
                                                      "version": service.version})
        complete(site, case, "intervensi")
        complete(site, case, "resosialisasi", note="Anak dan keluarga siap")
        row = reintegration.record_step(session, user, case, {"step": "prepare_child", "done_on": TODAY,
                                                              "note": "Hasil resosialisasi baik"})
        row = reintegration.record_step(session, user, case, {
            "step": "prepare_family", "done_on": TODAY, "family_kind": "keluarga", "version": row.version,
            "agreed_return_on": TODAY.isoformat()})
        row = reintegration.record_step(session, user, case, {"step": "return", "done_on": TODAY,
                                                              "received_by_relationship": "ibu kandung",
                                                              "version": row.version})
        reintegration.record_step(session, user, case, {
            "step": "monitor", "done_on": TODAY, "note": "Betah", "safe": True, "comfortable": True,
            "needs_met": True, "accepted": True, "version": row.version})
        stages.terminate(session, user, case, {"reason": "completed", "activities": ["identifikasi_keberhasilan"],
                                               "version": case.version})
    session.commit()
    return case, referral


def _head(site) -> str:
    return site.session.scalar(select(OrganisationPosition.holder_name).where(
        OrganisationPosition.institution_id == site.institution.id, OrganisationPosition.position == "pimpinan"))


# document, its title, the words of its records, who signs it ("manager", "head"), its pages (None: may run on)
DOCUMENTS = [
    ("pernyataan-bersama", "PERNYATAAN BERSAMA", ("Wali Uji",), ("head",), 1),
    ("laporan-sosial", "LAPORAN SOSIAL", ("Kecanduan gawai", "Konseling mingguan", "Guru BK"), ("manager",), None),
    ("serah-terima-keluarga", "SERAH TERIMA", ("ibu kandung", "Wali Uji"), ("manager",), 1),
    ("ringkasan", "RINGKASAN KASUS", ("Kecanduan gawai", "Terminasi: selesai", "ABH-"), ("manager",), None),
    ("rujukan", "FORMULIR RUJUKAN", ("RSUD Bangil", "Terapi"), ("manager",), None),
]


@pytest.mark.parametrize("code, title, words, signers, pages", DOCUMENTS)
def test_each_case_document_reads_back_from_its_pdf(site, client, terminated, code, title, words, signers, pages):
    case, referral = terminated
    login(client, "operator.pasuruan")
    html = client.get(f"/admin/case/details/?id={case.id}&tab=dokumen").get_data(as_text=True)
    query = f"?id={case.id}" + (f"&referral={referral.id}" if code == "rujukan" else "")
    response = client.post(f"/admin/case/print/{code}/{query}", data={"csrf_token": token(html), "format": "pdf"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert response.headers["Cache-Control"] == "no-store"
    reader = PdfReader(io.BytesIO(response.get_data()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    if pages:
        assert len(reader.pages) == pages
    last = reader.pages[-1].extract_text().lstrip()
    assert len(reader.pages) == 1 or not last.startswith(("Kota Pasuruan,", "Pihak kedua", "PIHAK KEDUA")), last
    # the signature block is never alone on its page
    text = " ".join(p.extract_text() for p in reader.pages)
    flat = " ".join(text.split())
    assert title in flat.upper() and LPKS.upper() in flat.upper() and "Rahmat Hidayat" in flat
    assert all(word in flat for word in words), [word for word in words if word not in flat]
    names = {"manager": site.peksos.name, "head": _head(site)}
    assert all(names[s] in flat for s in signers), [names[s] for s in signers if names[s] not in flat]
    site.session.rollback()
    assert site.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "view_identity", AuditLog.fields == f"pdf_{code}")) == 1
