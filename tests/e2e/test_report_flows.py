"""The reporting and deciding jobs in the browser: the yearly report goes up the chain (Kota Pasuruan writes and
sends it, Jawa Timur receives it, compiles and sends its own, the Ministry receives it and reads the printable
report); the province and the Ministry read their figures, the Ministry from its map down to a province and a
regency/city; the Ministry designates a recommended accreditation and sees the LPKS's class. The tests of this module
follow one another (one server, one database), as the offices do."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import login, logout
from tests.e2e.steps import flash, local_today, menu

pytestmark = pytest.mark.e2e

JAKSEL = "LPKS Pelita Jakarta Selatan"


@pytest.fixture(autouse=True)
def _quick(live_server, page):
    page.set_default_timeout(15000)


def _own_report(page) -> None:
    """Open the office's report of the year shown, creating its draft first when there is none."""
    own = page.locator("[data-testid=own-reports] a[data-testid^=report-]")
    if own.count() == 0:
        page.click("[data-testid=create]")
        page.wait_for_load_state()
    else:
        own.first.click()
        page.wait_for_load_state()
    assert page.url.rstrip("/").split("/")[-1].isdigit(), page.url


def _write_and_send(page, evaluation: str, plan: str, compile_first: bool = False) -> None:
    page.fill("[data-testid=narrative-form] textarea[name=evaluation]", evaluation)
    page.fill("[data-testid=narrative-form] textarea[name=plan]", plan)
    page.click("[data-testid=save]")
    page.wait_for_load_state()
    if compile_first:
        page.click("[data-testid=action-compile]")
        page.wait_for_load_state()
        assert page.locator("[data-testid=parts]").count() == 1, flash(page)
    page.check("[data-testid=confirm-report-submit] input[name=confirmed]")
    page.click("[data-testid=action-submit]")
    page.wait_for_load_state()
    assert "Dikirim" in page.inner_text("[data-testid=state]"), flash(page)
    assert page.locator("[data-testid=narrative-form]").count() == 0  # sent: the figures and the text are frozen
    assert evaluation in page.inner_text("[data-testid=evaluation]")


def _receive_from(page, office: str) -> None:
    row = page.locator("[data-testid=below] tr", has_text=office)
    assert "Dikirim, menunggu diterima" in row.inner_text()
    row.locator("a", has_text="Revisi").click()
    page.wait_for_load_state()
    page.check("[data-testid=confirm-report-receive] input[name=confirmed]")
    page.click("[data-testid=action-receive]")
    page.wait_for_load_state()
    assert "Diterima" in page.inner_text("[data-testid=state]"), flash(page)


def test_the_yearly_report_goes_from_the_city_to_the_province(live_server, page):
    login(page, live_server, "dinsos.pasuruan")
    menu(page, "Laporan", "Laporan tahunan")
    _own_report(page)
    assert "Kota Pasuruan" in page.locator("h1").inner_text()
    _write_and_send(page, "Layanan rehabilitasi sosial anak berjalan sesuai rencana.",
                    "Menambah dua Pekerja Sosial tersertifikasi.")
    logout(page)

    login(page, live_server, "dinsos.jatim")
    menu(page, "Laporan", "Laporan tahunan")
    _receive_from(page, "Kota Pasuruan")
    menu(page, "Laporan", "Laporan tahunan")
    row = page.locator("[data-testid=below] tr", has_text="Kota Pasuruan")
    assert "Diterima" in row.inner_text()
    assert "Kota Pasuruan" not in page.inner_text("[data-testid=missing]")
    _own_report(page)
    _write_and_send(page, "Provinsi membina empat kabupaten/kota.", "Bimbingan teknis akreditasi LPKS.",
                    compile_first=True)
    assert "Kota Pasuruan" in page.inner_text("[data-testid=parts]")  # the city's report is part of the province's
    logout(page)


def test_the_ministry_receives_the_province_report_and_reads_it_printed(live_server, page):
    login(page, live_server, "kemensos")
    menu(page, "Laporan", "Laporan tahunan")
    _receive_from(page, "Jawa Timur")
    page.click("[data-testid=print]")
    page.wait_for_load_state()
    printed = page.inner_text("body")
    assert "Jawa Timur" in printed and "Provinsi membina empat kabupaten/kota." in printed
    assert page.locator("[data-testid=print-pdf]").count() == 1 and page.locator("[data-testid=print-back]").count()
    page.click("[data-testid=print-back]")
    page.wait_for_load_state()
    logout(page)


def test_the_province_reads_its_figures_down_to_a_city(live_server, page):
    login(page, live_server, "dinsos.jatim")
    menu(page, "Laporan", "Angka dan grafik")
    assert "Jawa Timur" in page.inner_text("[data-testid=area-name]")
    assert page.locator("[data-testid^=figure-]").count() > 3 and page.locator("svg.rep-chart").count() > 0
    page.click("button:has-text('Tampilkan')")
    page.wait_for_load_state()
    page.locator("[data-testid='drill-35.75']").first.click()
    page.wait_for_load_state()
    assert "Kota Pasuruan" in page.inner_text("[data-testid=area-name]")
    assert "Jawa Timur" in page.inner_text("[data-testid=crumbs]")
    logout(page)


def test_the_ministry_reads_the_national_figures_from_its_map(live_server, page):
    login(page, live_server, "kemensos")
    menu(page, "Laporan", "Angka dan grafik")
    assert "Nasional" in page.inner_text("[data-testid=area-name]") or "Indonesia" in page.inner_text(
        "[data-testid=area-name]")
    assert page.locator("[data-testid=map] a").count() >= 2  # the provinces with figures are links
    page.locator("[data-testid='map-35']").click()
    page.wait_for_load_state()
    assert "Jawa Timur" in page.inner_text("[data-testid=area-name]")
    logout(page)


def test_the_ministry_designates_a_recommended_accreditation_and_sees_the_class(live_server, page):
    login(page, live_server, "kemensos")
    menu(page, "Akreditasi", "Penilaian akreditasi")
    page.locator("[data-testid=queue] tr", has_text=JAKSEL).locator("a").first.click()
    page.wait_for_load_state()
    while (form := page.locator("form[data-testid^=conflict-form-]").first).count():  # reasons first (issue 12)
        form.locator("input[name=reason]").fill("Diperiksa Kementerian: bukti memadai")
        form.locator("button").click()
        page.wait_for_load_state()
    step = page.locator("[data-testid=step-designate]")
    step.locator("input[name=decree_number]").fill("KEPMENSOS 17/HUK/2026")
    step.locator("input[name=decree_date]").fill(local_today().isoformat())
    step.locator("textarea[name=note]").fill("Ditetapkan sesuai rekomendasi provinsi")
    step.locator("input[name=confirmed]").check()
    step.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Langkah tercatat" in flash(page), flash(page)
    assert "KEPMENSOS 17/HUK/2026" in page.inner_text("main")
    menu(page, "Akreditasi", "Kelas LPKS")
    assert JAKSEL in page.inner_text("main")
    logout(page)
