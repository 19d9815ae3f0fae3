"""The child's case in the browser, as the LPKS's social worker works it (RULES §6–7): the case manager assigned,
each stage's activities, the assessment, the case conference, the plan and its services, reintegration with the
family, termination, the follow-up visits months later, the printed handover and case summary; and a referral to a
service outside the system. Preconditions (a child admitted, so its case is open) are seeded through the services."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from tests.e2e.conftest import login, logout
from tests.e2e.steps import flash, local_today, menu

pytestmark = pytest.mark.e2e

CITY = "LPKS Bina Harapan Kota Pasuruan"
CHILD = {"register_number": "ABH-E2E-C1", "full_name": "Galih Saputra"}
REFERRED = {"register_number": "ABH-E2E-C2", "full_name": "Hendra Wijaya"}


def SEED_EXTRA(session):  # noqa: N802 (the live_server hook's name)
    """Two children admitted three days ago on a court decision, with their documents: each case is open."""
    from zoneinfo import ZoneInfo

    from sqlalchemy import select

    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.residents.services import admission, placements, residents

    inst = session.scalar(select(Institution).where(Institution.name == CITY))
    operator = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    moment = datetime.combine(local_today() - timedelta(days=3), time(9), tzinfo=ZoneInfo("Asia/Jakarta"))
    for child in (CHILD, REFERRED):
        resident = residents.create(session, operator, {
            "institution_id": inst.id, "kind": "anak", "sex": "laki_laki", "birth_date": date(2010, 1, 5),
            "offence_date": moment.date() - timedelta(days=60), "offence_description": "Pencurian",
            "address": "Jl. Mawar 2", "parent_guardian": "Bapak Wali", **child})
        placement = placements.create(session, operator, {"resident_id": resident.id, "basis": "court_decision",
                                                          "start_date": moment.date(), "months": 6})
        for code, _label, _pasal in admission.document_choices("court_decision"):
            if code != "laporan_litmas":
                admission.add_document(session, operator, placement, {"code": code, "number": "U-1",
                                                                       "dated": moment.date(), "received_at": moment})
        admission.admit(session, operator, placement, {"handover_at": moment,
                                                       "over_capacity_reason": "Uji: ditempatkan melebihi kapasitas"})


@pytest.fixture(autouse=True)
def _quick(live_server, page):
    page.set_default_timeout(10000)


def _fill(form, values: dict) -> None:
    for name, value in values.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def _submit(page, testid: str, values: dict, opener: str | None = None, tick_all: bool = False,
            expect: str = "Tersimpan.") -> None:
    """Open the form's section if it is folded, type, tick every activity if asked, save, and read the message."""
    if opener:
        page.locator("summary", has_text=opener).first.click()
    form = page.locator(f"[data-testid={testid}]").first
    _fill(form, values)
    if tick_all:
        for box in form.locator("input[type=checkbox]").all():
            box.check()
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert expect in flash(page), (testid, flash(page), page.locator("[data-testid=field-error]").all_inner_texts())


def _stage(page, complete: bool = True, **values) -> None:
    _submit(page, "stage-form", {"stage-complete": "true" if complete else "false",
                                 **{f"stage-{k}": v for k, v in values.items()}}, tick_all=True)


def _open_case(page, live_server, register_number: str) -> str:
    menu(page, "Kasus anak", "Daftar kasus")
    page.fill("input[name=q]", register_number)
    page.press("input[name=q]", "Enter")
    page.wait_for_load_state()
    page.locator("[data-testid=case-row]", has_text=register_number).locator("a").first.click()
    page.wait_for_url("**/admin/case/details/**")
    return page.url.split("&")[0]


def _tab(page, url: str, tab: str) -> None:
    page.goto(f"{url}&tab={tab}")


def test_the_social_worker_takes_a_case_from_admission_to_follow_up(live_server, page, monkeypatch):
    today = local_today()
    login(page, live_server, "operator.pasuruan")
    url = _open_case(page, live_server, CHILD["register_number"])
    assert "G.S." in page.inner_text("[data-testid=case-title]")
    assert "Pendekatan awal" in page.inner_text("[data-testid=stage]")

    _tab(page, url, "anak")
    page.locator("summary", has_text="Ubah kasus dan manajer kasus").click()
    manager = page.locator("[data-testid=case-form] select[name='case-case_manager_id'] option").nth(1)
    _submit(page, "case-form", {"case-case_manager_id": manager.get_attribute("value")})

    _tab(page, url, "tahapan")
    _stage(page)
    assert "Asesmen" in page.inner_text("[data-testid=stage]")
    _submit(page, "assessment-form", {"assessment-assessed_on": today.isoformat(),
                                      "assessment-problems": "Putus sekolah dan pergaulan",
                                      "assessment-needs": "Kembali bersekolah", "assessment-potentials": "Rajin",
                                      "assessment-resources": "Paman yang mendukung",
                                      "assessment-recommendation": "Kejar paket B"}, opener="Catat asesmen")
    assert "Putus sekolah dan pergaulan" in page.inner_text("[data-testid=assessment]")
    _submit(page, "conference-form", {"conference-held_on": today.isoformat(),
                                      "conference-conclusions": "Anak kembali bersekolah melalui paket B",
                                      "conference-participants-0-role": "peksos",
                                      "conference-participants-0-name": "Peksos LPKS",
                                      "conference-participants-1-role": "keluarga"}, opener="Catat temu bahas kasus")
    assert "Anak kembali bersekolah melalui paket B" in page.inner_text("[data-testid=conference]")
    _stage(page)
    assert "Penyusunan rencana" in page.inner_text("[data-testid=stage]")

    _tab(page, url, "rencana")
    _submit(page, "service-form", {"service-form": "fisik", "service-description": "Olahraga pagi",
                                   "service-provider": "Pengasuh asrama", "service-due_on": today.isoformat()},
            opener="Rencanakan layanan")
    _submit(page, "plan-form", {"plan-goal": "Anak kembali bersekolah", "plan-agreed_on": today.isoformat(),
                                "plan-needs-0-priority": "1", "plan-needs-0-need": "Pendidikan kesetaraan"},
            opener="Susun atau revisi rencana")
    assert "Pendidikan kesetaraan" in page.inner_text("[data-testid=plan]")
    _tab(page, url, "tahapan")
    _stage(page)
    _tab(page, url, "rencana")
    service = page.locator("[data-testid=service]").first
    service.locator("summary", has_text="Catat").click()
    done = service.locator("[data-testid=service-done-form]")  # its inputs are named after the service's id
    done.locator("input[name$=done_on]").fill(today.isoformat())
    done.locator("textarea[name$=outcome]").fill("Rutin setiap pagi")
    done.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Tersimpan." in flash(page), flash(page)
    assert "Rutin setiap pagi" in page.inner_text("[data-testid=services]")

    _tab(page, url, "tahapan")
    _stage(page)  # intervensi
    _stage(page, note="Siap kembali ke keluarga")  # resosialisasi
    for values in ({"reintegration-step": "prepare_child", "reintegration-done_on": today.isoformat(),
                    "reintegration-note": "Anak siap"},
                   {"reintegration-step": "prepare_family", "reintegration-done_on": today.isoformat(),
                    "reintegration-family_kind": "keluarga", "reintegration-agreed_return_on": today.isoformat()},
                   {"reintegration-step": "return", "reintegration-done_on": today.isoformat(),
                    "reintegration-received_by_relationship": "ayah"},
                   {"reintegration-step": "monitor", "reintegration-done_on": today.isoformat(),
                    "reintegration-note": "Betah di rumah", "reintegration-safe": "true",
                    "reintegration-comfortable": "true", "reintegration-needs_met": "true",
                    "reintegration-accepted": "true"}):
        _submit(page, "reintegration-form", values, opener="Catat langkah reintegrasi")
    assert "aman, nyaman" in page.inner_text("[data-testid=conditions]")
    _submit(page, "terminate-form", {"terminate-reason": "completed"}, tick_all=True)
    assert "Terminasi" in page.inner_text("[data-testid=termination]")
    assert "Bimbingan lanjut" in page.inner_text("[data-testid=stage]")

    # the follow-up visits, each on its day (the server's clock moves; the person just comes back later)
    from lpks.platform import clock

    visits = page.locator("[data-testid=follow-ups] tbody tr")
    assert visits.count() == 3
    for n in range(3):
        due = page.locator("[data-testid=follow-ups] tbody tr").nth(n).locator("td").nth(1).inner_text()
        day = _indonesian_date(due)
        moment = datetime.combine(day, time(10), tzinfo=clock.local_zone())
        monkeypatch.setattr(clock, "now", lambda moment=moment: moment)
        page.reload()
        row = page.locator("[data-testid=follow-ups] tbody tr").nth(n)
        row.locator("summary", has_text="Catat kunjungan").click()
        form = row.locator("[data-testid=follow-up-form]")
        form.locator("input[name$=visited_on]").fill(day.isoformat())
        form.locator("textarea[name$=findings]").fill(f"Kunjungan {n + 1}: anak bersekolah")
        form.locator("button[type=submit]").click()
        page.wait_for_load_state()
        assert "Tersimpan." in flash(page), flash(page)
    _stage(page, completed_on=day.isoformat())
    assert page.locator("[data-testid=closed]").count() == 1

    _tab(page, url, "dokumen")
    for code, words in (("serah-terima-keluarga", "ayah"), ("ringkasan", "Galih Saputra")):
        page.click(f"[data-testid=print-{code}]")
        page.wait_for_load_state()
        assert words in page.inner_text("body")
        page.click("[data-testid=print-back]")
        page.wait_for_load_state()
    logout(page)


MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
          "November", "Desember"]


def _indonesian_date(text: str) -> date:
    """'2 Maret 2027 terjadwal' → date(2027, 3, 2): the page shows dates the Indonesian way."""
    day, month, year = text.split()[:3]
    return date(int(year), MONTHS.index(month) + 1, int(day))


def test_the_social_worker_refers_a_child_to_a_service_outside_the_system(live_server, page):
    login(page, live_server, "operator.pasuruan")
    url = _open_case(page, live_server, REFERRED["register_number"])
    _tab(page, url, "rencana")
    page.click("[data-testid=new-referral]")
    page.wait_for_load_state()
    page.select_option("select[name=receiver_kind]", "external")
    page.fill("input[name=receiver_name]", "RSUD dr. R. Soedarsono")
    page.fill("input[name=receiver_address]", "Jl. Dr. Wahidin Sudirohusodo 4, Kota Pasuruan")
    page.fill("textarea[name=reason]", "Pemeriksaan kesehatan jiwa anak")
    page.locator("input[name=services_asked]").first.check()
    page.select_option("select[name=child_consent]", "true")
    page.select_option("select[name=parent_consent]", "true")
    page.fill("input[name=consent_on]", local_today().isoformat())
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()
    assert "Rujukan dikirim." in flash(page), (flash(page), page.locator("[data-testid=field-error]").all_inner_texts())
    assert "RSUD dr. R. Soedarsono" in page.inner_text("main")
    page.click("[data-testid=print-referral]")  # the referral form of Lampiran III, with the child's identity
    page.wait_for_load_state()
    letter = page.inner_text("body")
    assert "Hendra Wijaya" in letter and "RSUD dr. R. Soedarsono" in letter and CITY in letter
    page.click("[data-testid=print-back]")
    page.wait_for_load_state()
    logout(page)
