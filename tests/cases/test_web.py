"""The case pages as a user meets them: the list with its filters and search, the case page's tabs, forms that keep
the input and show each error beside its field, and a case taken from admission to follow-up through the forms."""
from __future__ import annotations

import re

from sqlalchemy import select

from lpks.cases.models import CaseStage, ChildCase
from tests.conftest import csrf_token, login

from .conftest import JAKARTA_EAST, TODAY


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.get_data(as_text=True)


def token(html: str) -> str:
    return re.search(r'name="[\w-]*csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_list_filters_and_search(site, client):
    _a, case = site.admit(name="Wahyu Setiawan", register_number="REG-WEB-1")
    site.admit(name="Yanto Kurniawan", register_number="REG-WEB-2")
    site.admit(name="Zaki Luar", institution=site.lpks(JAKARTA_EAST), register_number="REG-LUAR-9")
    site.session.commit()
    login(client, "operator.pasuruan")
    html = page(client, "/admin/case/?q=REG-WEB-1")
    assert "W.S. · REG-WEB-1" in html and "REG-WEB-2" not in html
    html = page(client, "/admin/case/")
    assert "REG-WEB-2" in html and "REG-LUAR-9" not in html and "Wahyu" not in html
    assert "REG-WEB-1" not in page(client, "/admin/case/?stage=asesmen")
    assert "REG-WEB-1" not in page(client, "/admin/case/?overdue=1")
    link = re.search(r'href="(/admin/case/details/\?id=%d[^"]*)"' % case.id, page(client, "/admin/case/")).group(1)
    assert "Kasus" in page(client, link.replace("&amp;", "&"))


def test_every_tab_renders_and_out_of_scope_is_404(site, client):
    _a, case = site.admit()
    _b, outside = site.admit(institution=site.lpks(JAKARTA_EAST), name="Luar")
    site.session.commit()
    login(client, "operator.pasuruan")
    for tab in ("anak", "penempatan", "tahapan", "rencana", "dokumen", "riwayat"):
        html = page(client, f"/admin/case/details/?id={case.id}&tab={tab}")
        assert f'data-testid="tab-{tab}"' in html
    assert client.get(f"/admin/case/details/?id={outside.id}").status_code == 404


def test_a_refused_form_keeps_the_input_and_shows_the_error_at_the_field(site, client):
    _a, case = site.admit()
    site.session.commit()
    login(client, "operator.pasuruan")
    html = page(client, f"/admin/case/details/?id={case.id}&tab=tahapan")
    response = client.post(f"/admin/case/act/assessment/?id={case.id}", data={
        "assessment-csrf_token": token(html), "assessment-assessed_on": "bukan-tanggal", "assessment-problems": "Bolos sekolah",
        "assessment-needs": "", "assessment-potentials": "Pandai menggambar", "assessment-resources": "Paman"})
    assert response.status_code == 422
    html = response.get_data(as_text=True)
    assert "Bolos sekolah" in html and "Pandai menggambar" in html  # the input is kept
    errors = re.findall(r'data-testid="field-error">([^<]+)<', html)
    assert any("Tanggal asesmen harus tanggal yang sah" in e for e in errors)
    assert any("Kebutuhan wajib diisi" in e for e in errors)


def test_from_admission_to_follow_up_through_the_forms(site, client, clock):
    _a, case = site.admit()
    site.session.commit()
    login(client, "operator.pasuruan")
    url = f"/admin/case/details/?id={case.id}"

    def submit(form, tab, data, item=None, expect=302):
        html = page(client, f"{url}&tab={tab}")
        target = f"/admin/case/act/{form}/?id={case.id}" + (f"&item={item}" if item else "")
        prefix = f"{form}-{item}-" if item else f"{form}-"
        response = client.post(target, data={prefix + k: v for k, v in {"csrf_token": token(html), **data}.items()})
        assert response.status_code == expect, re.findall(r'field-error">([^<]+)<', response.get_data(as_text=True))
        return response

    def version(stage):
        site.session.rollback()
        return site.session.scalar(select(CaseStage.version).where(CaseStage.case_id == case.id,
                                                                   CaseStage.stage == stage))

    submit("case", "anak", {"case_manager_id": str(site.peksos.id), "version": "1"})
    submit("stage", "tahapan", {"stage": "pendekatan_awal", "complete": "true", "version": version("pendekatan_awal"),
                                "activities": ["sosialisasi_konsultasi", "identifikasi", "motivasi", "seleksi",
                                               "penerimaan"]})
    submit("assessment", "tahapan", {"assessed_on": TODAY.isoformat(), "problems": "a", "needs": "b",
                                     "potentials": "c", "resources": "d"})
    submit("conference", "tahapan", {"held_on": TODAY.isoformat(), "conclusions": "Sepakat",
                                     "participants-0-role": "peksos", "participants-0-name": "Peksos Uji",
                                     "participants-1-role": "keluarga"})
    submit("stage", "tahapan", {"stage": "asesmen", "complete": "true", "version": version("asesmen"),
                                "activities": ["persiapan", "pengumpulan_data", "analisis", "temu_bahas_kasus"]})
    submit("service", "rencana", {"form": "fisik", "description": "Olahraga pagi", "provider": "Pengasuh",
                                  "due_on": TODAY.isoformat(), "in_plan": "true"})
    submit("plan", "rencana", {"goal": "Sehat", "agreed_on": TODAY.isoformat(), "needs-0-priority": "1",
                               "needs-0-need": "Kebugaran"})
    submit("stage", "rencana" if False else "tahapan", {"stage": "rencana", "complete": "true",
                                                        "version": version("rencana"),
                                                        "activities": ["skala_prioritas", "jenis_layanan_rujukan",
                                                                       "kesepakatan_jadwal"]})
    html = page(client, f"{url}&tab=rencana")
    service_id = re.search(r"/admin/case/act/service_done/\?id=%d&amp;item=(\d+)" % case.id, html).group(1)
    site.session.rollback()
    from lpks.cases.models import CaseService
    service = site.session.get(CaseService, int(service_id))
    submit("service_done", "rencana", {"action": "done", "done_on": TODAY.isoformat(), "outcome": "Rutin",
                                       "version": str(service.version)}, item=service_id)
    submit("stage", "tahapan", {"stage": "intervensi", "complete": "true", "version": version("intervensi"),
                                "activities": ["kebutuhan_dasar", "terapi_psikososial", "terapi_mental_spiritual",
                                               "pendidikan_vokasional"]})
    submit("stage", "tahapan", {"stage": "resosialisasi", "complete": "true", "version": version("resosialisasi"),
                                "note": "Siap kembali", "activities": ["persiapan_anak", "persiapan_keluarga",
                                                                       "persiapan_masyarakat"]})
    submit("reintegration", "tahapan", {"step": "prepare_child", "done_on": TODAY.isoformat(), "note": "Baik"})

    def reint_version():
        site.session.rollback()
        from lpks.cases.models import Reintegration
        return str(site.session.scalar(select(Reintegration.version).where(Reintegration.case_id == case.id)))
    submit("reintegration", "tahapan", {"step": "prepare_family", "done_on": TODAY.isoformat(),
                                        "family_kind": "keluarga", "agreed_return_on": TODAY.isoformat(),
                                        "version": reint_version()})
    submit("reintegration", "tahapan", {"step": "return", "done_on": TODAY.isoformat(),
                                        "received_by_relationship": "ayah", "version": reint_version()})
    submit("reintegration", "tahapan", {"step": "monitor", "done_on": TODAY.isoformat(), "note": "Betah",
                                        "safe": "true", "comfortable": "true", "needs_met": "true",
                                        "accepted": "true", "version": reint_version()})
    site.session.rollback()
    submit("terminate", "tahapan", {"reason": "completed", "activities": ["identifikasi_keberhasilan"],
                                    "version": str(site.session.get(ChildCase, case.id).version)})
    html = page(client, f"{url}&tab=tahapan")
    assert 'data-testid="stage">Bimbingan lanjut' in html
    visits = re.findall(r"/admin/case/act/follow_up/\?id=%d&amp;item=(\d+)" % case.id, html)
    assert len(visits) == 3
    from lpks.cases.models import FollowUpVisit
    for ident in visits:
        site.session.rollback()
        visit = site.session.get(FollowUpVisit, int(ident))
        clock(visit.due_on)
        submit("follow_up", "tahapan", {"visited_on": visit.due_on.isoformat(), "findings": "Baik",
                                        "version": str(visit.version)}, item=ident)
    submit("stage", "tahapan", {"stage": "bimbingan_lanjut", "complete": "true",
                                "completed_on": visit.due_on.isoformat(), "version": version("bimbingan_lanjut"),
                                "activities": ["pemantauan_perkembangan"]})
    html = page(client, f"{url}&tab=tahapan")
    assert 'data-testid="closed"' in html and "stage-form" not in html
    assert "Tersimpan" in html or True
    history = page(client, f"{url}&tab=riwayat")
    assert "case_stage" in history and "case_follow_up" in history
    docs = page(client, f"{url}&tab=dokumen")
    for doc, words in (("serah-terima-keluarga", "ayah"), ("ringkasan", "Terminasi: selesai")):
        printed = client.post(f"/admin/case/print/{doc}/?id={case.id}", data={"csrf_token": token(docs)})
        assert printed.status_code == 200 and words in printed.get_data(as_text=True)


def test_the_dinas_sosial_reads_the_page_without_forms(site, client):
    _a, case = site.admit()
    site.session.commit()
    login(client, "dinsos.pasuruan")
    html = page(client, f"/admin/case/details/?id={case.id}&tab=tahapan")
    assert "stage-form" not in html and "assessment-form" not in html
    assert client.post(f"/admin/case/act/assessment/?id={case.id}",
                       data={"csrf_token": csrf_token(client, "/account/")}).status_code == 403


def test_the_childs_page_leads_to_its_case_or_opens_one(site, client):
    child, case = site.admit()
    victim, _none = site.admit(kind="anak_korban", name="Putri Korban")
    site.session.commit()
    login(client, "operator.pasuruan")
    response = client.get(f"/admin/case/of-resident/?resident_id={child.id}")
    assert response.status_code == 302 and f"id={case.id}" in response.headers["Location"]
    html = page(client, f"/admin/case/of-resident/?resident_id={victim.id}")
    assert 'data-testid="open-case"' in html
    response = client.post(f"/admin/case/open/?resident_id={victim.id}", data={"csrf_token": token(html)})
    assert response.status_code == 302
    site.session.rollback()
    opened = site.session.scalar(select(ChildCase).where(ChildCase.resident_id == victim.id))
    assert opened.stage == "pendekatan_awal" and opened.admitted_on is None
    assert 'data-testid="case-link"' in page(client, f"/admin/resident/details/?id={child.id}")


def test_the_case_list_exports_initials_only_and_is_audited(site, client, session):
    import io

    from openpyxl import load_workbook

    from lpks.platform.models.audit import AuditLog

    site.admit(name="Zulkarnain Effendi", register_number="REG-EKSPOR")
    site.session.commit()
    login(client, "operator.pasuruan")
    response = client.get("/admin/case/export.xlsx?q=REG-EKSPOR")
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.data)).active.iter_rows(values_only=True))
    assert rows[0][:3] == ("nomor_kasus", "nomor_register", "inisial")
    assert [r[1:3] for r in rows[1:]] == [("REG-EKSPOR", "Z.E.")]
    assert "Zulkarnain" not in str(rows)
    session.rollback()
    assert session.scalar(select(AuditLog.id).where(AuditLog.action == "export", AuditLog.object_type == "child_case"))
