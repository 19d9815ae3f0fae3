"""Intake in the browser: an LPKS operator takes in a child titipan from the police (child → placement → documents
→ custody → admit → print → notice sent) in at most 12 clicks, counted; what the operator sees on the way is
asserted, and the printed notice is read back from its PDF."""
from __future__ import annotations

import io
import re
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import login, logout
from tests.e2e.steps import Clicks, flash, local_today, menu

pytestmark = pytest.mark.e2e

MAX_CLICKS = 12  # issue 17: a prepared operator, the papers in hand


@pytest.fixture(autouse=True)
def _quick(live_server, page):
    page.set_default_timeout(10000)


def test_a_titipan_intake_takes_at_most_twelve_clicks(live_server, page):
    today = local_today()
    login(page, live_server, "operator.pasuruan")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Dasbor LPKS"
    clicks = Clicks(page)

    # the child
    clicks.click("[data-testid=quick-new-child]")  # the dashboard's first step
    page.fill("input[name=full_name]", "Fajar Nugroho")
    page.fill("input[name=birth_date]", (today - timedelta(days=15 * 366)).isoformat())
    page.select_option("select[name=sex]", "laki_laki")
    page.select_option("select[name=kind]", "anak")
    page.fill("input[name=offence_date]", (today - timedelta(days=3)).isoformat())
    page.fill("textarea[name=offence_description]", "Pencurian sepeda motor")
    page.fill("input[name=parent_guardian]", "Slamet Riyadi")
    clicks.click("input[type=submit][value='Simpan']")
    page.wait_for_url("**/admin/resident/details/**")
    assert "F.N." in page.inner_text("body") and "Fajar Nugroho" not in page.inner_text("main")  # initials only

    # the placement
    clicks.click("[data-testid=new-placement]")
    page.select_option("select[name=basis]", "titipan")
    page.select_option("select[name=suspected_violence]", "tidak")  # asked, never assumed
    clicks.check("input[name=conditions][value=tidak_tersedia_lpas]")
    page.fill("input[name=start_date]", today.isoformat())
    clicks.click("button:has-text('Simpan penempatan')")
    page.wait_for_url("**/admin/placement/details/**")
    assert "Penempatan dicatat" in flash(page)
    assert "Menunggu kelengkapan" in page.inner_text("[data-testid=status]")

    # every document in one form, then the custody period (its form is open while none is recorded)
    rows = page.locator("[data-testid=documents-form] tr[data-testid^=documents-row-]")
    assert rows.count() >= 4
    for i in range(rows.count()):
        rows.nth(i).locator("input[name$=-dated]").fill(today.isoformat())
        rows.nth(i).locator("input[name$=-number]").fill(f"B/{i + 1}/2026")
    clicks.click("[data-testid=documents-form] button:has-text('Simpan dokumen')")
    page.wait_for_load_state()
    assert "Dokumen dicatat." in flash(page), flash(page)
    assert page.locator("[data-testid=missing]").count() == 0

    custody = page.locator("[data-testid=custody-form]")
    custody.locator("input[name=start_date]").fill(today.isoformat())
    custody.locator("input[name=granted_days]").fill("7")
    custody.locator("input[name=letter_number]").fill("SP.Han/77/XII/2026")
    custody.locator("input[name=letter_date]").fill(today.isoformat())
    custody.locator("input[name=depositor_agency]").fill("Satreskrim Polres Pasuruan Kota")
    custody.locator("input[name=depositor_superior]").fill("Kapolda Jawa Timur")
    clicks.click(custody.locator("button[type=submit]"))
    page.wait_for_load_state()
    assert page.locator("[data-testid=period]").count() == 1, flash(page)

    # admit (a tick confirms: the admission cannot be undone)
    clicks.check("[data-testid=admit-form] input[name=confirmed]")
    clicks.click("[data-testid=admit-form] button:has-text('Terima anak')")
    page.wait_for_load_state()
    assert "Anak diterima di LPKS." in flash(page), flash(page)
    assert page.inner_text("[data-testid=status]") == "Sedang ditempatkan"

    # print the notice (as PDF) and record that it was sent (its form is open while the notice is not recorded)
    with page.expect_download() as download:
        clicks.click("[data-testid=print-notice-pdf]")
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(Path(download.value.path()).read_bytes())).pages)
    assert "Fajar Nugroho" in text and "Satreskrim Polres Pasuruan Kota" in text and "Kapolda Jawa Timur" in text
    notice = page.locator("[data-testid=notice-form]")
    notice.locator("input[name=notice_number]").fill("400/77/LPKS/2026")
    notice.locator("input[name=notice_sent_on]").fill(today.isoformat())
    clicks.click(notice.locator("button[type=submit]"))
    page.wait_for_load_state()
    assert "400/77/LPKS/2026" in page.inner_text("[data-testid=notice-sent]"), flash(page)

    assert clicks.count <= MAX_CLICKS, clicks.log
    print(f"titipan intake: {clicks.count} clicks")  # noqa: T201 (the measure, shown with -s)
    logout(page)


def _fill(form, values: dict) -> None:
    """Type into the form's fields by name (text, date, textarea) or choose (select)."""
    for name, value in values.items():
        field = form.locator(f"[name='{name}']")
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(value)
        else:
            field.fill(value)


def test_dinas_sosial_takes_a_report_routes_it_and_issues_its_product_within_five_working_days(live_server, page):
    """A peksos of the kota's Dinas Sosial: the report received, the assessment and case conference recorded, the
    route decided, the berita acara issued and printed, the 5-working-day service time shown as met."""
    today = local_today()
    login(page, live_server, "peksos.pasuruan")
    menu(page, "Kasus anak", "Daftar kasus")
    page.click("[data-testid=intake-new]")
    form = page.locator("[data-testid=intake-form]")
    _fill(form, {"origin": "laporan", "reporter_kind": "orang_tua_wali", "reporter_name": "Ibu Wulan",
                 "received_on": today.isoformat(), "child-full_name": "Dimas Prasetyo", "child-sex": "laki_laki",
                 "child-birth_date": (today - timedelta(days=14 * 366)).isoformat(),
                 "child-offence_date": (today - timedelta(days=2)).isoformat(),
                 "child-offence_description": "Merusak pagar sekolah", "child-parent_guardian": "Ibu Wulan"})
    form.locator("select[name=case_manager_user_id] option").nth(1).wait_for(state="attached")
    form.locator("select[name=case_manager_user_id]").select_option(index=1)
    page.click("[data-testid=intake-form] button[type=submit]")
    page.wait_for_url("**/admin/case/details/**")
    assert "Laporan/undangan dicatat" in flash(page), flash(page)
    body = page.inner_text("main")
    assert "Dimas Prasetyo" not in body and "Ibu Wulan" not in body  # initials on the page, the names protected
    assert page.inner_text("[data-testid=service-state]") == "dalam batas waktu"
    deadline = page.inner_text("[data-testid=service-deadline]")
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]+ \d{4}", deadline), deadline  # "9 Desember 2026"

    step = page.locator("[data-testid=step-form]")
    _fill(step, {"step-done_on": today.isoformat(), "step-problems": "Konflik dengan teman sekolah",
                 "step-needs": "Konseling", "step-potentials": "Aktif berolahraga", "step-resources": "Guru BK"})
    step.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Tersimpan." in flash(page), flash(page)
    step = page.locator("[data-testid=step-form]")
    _fill(step, {"step-done_on": today.isoformat(), "step-conclusions": "Tindak pidana ringan, keluarga mendukung",
                 "step-conference_participants-0-role": "peksos"})
    step.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Tersimpan." in flash(page), flash(page)

    route = page.locator("[data-testid=route-form]")
    route.locator("select[name='route-offence_severity']").select_option("ringan")
    route.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Keadilan restoratif di masyarakat" in page.inner_text("[data-testid=route]")

    page.click("summary:has-text('Terbitkan berita acara')")
    product = page.locator("[data-testid=berita_acara-form]")
    product.locator("input[name='berita_acara-number']").fill("BA/17/XII/2026")
    product.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "BA/17/XII/2026" in page.inner_text("[data-testid=products]")
    assert page.inner_text("[data-testid=service-state]") == "produk terbit tepat waktu"

    page.click("[data-testid=print-berita_acara]")
    page.wait_for_load_state()
    letter = page.inner_text("body")
    assert "Berita Acara Penanganan Kasus Rehabilitasi Sosial".upper() in letter.upper()
    assert "Dimas Prasetyo" in letter and "BA/17/XII/2026" in letter and "Dinas Sosial Kota Pasuruan" in letter
    page.click("[data-testid=print-back]")
    page.wait_for_url("**/admin/case/details/**")
    logout(page)
