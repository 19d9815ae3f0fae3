"""The main job of each remaining role, in the browser as a new user would do it: log in, follow the menu and the
links, fill the forms, read the result on screen, log out. Preconditions are seeded through the services."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tests.e2e.conftest import login, logout

pytestmark = pytest.mark.e2e

CITY = "LPKS Bina Harapan Kota Pasuruan"
CHILD = {"register_number": "ABH-E2E-01", "full_name": "Bagas Wicaksono", "nik": "3575010101100009"}


def SEED_EXTRA(session):  # noqa: N802 (the live_server hook's name)
    """A child without a placement (operator) and a submitted self-assessment of the city LPKS (kabupaten/kota)."""
    from sqlalchemy import select

    from lpks.accreditation.services import assessments, steps
    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.residents.services import residents

    inst = session.scalar(select(Institution).where(Institution.name == CITY))
    operator = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    residents.create(session, operator, {
        "institution_id": inst.id, "kind": "anak", "sex": "laki_laki", "birth_date": date(2011, 4, 2),
        "birth_place": "Kota Pasuruan", "address": "Jalan Contoh 2", "parent_guardian": "Wali Contoh",
        "offence_date": date(2025, 6, 1), "offence_description": "Perkelahian", **CHILD})
    assessment = assessments.start(session, operator, {"institution_id": inst.id})
    instr = assessments.instrument_of(session, assessment)
    answers = {ind.code: {"answer": "terpenuhi", "evidence": f"Arsip LPKS, map {ind.code}"}
               for ind in instr.indicators}
    assessments.save_answers(session, operator, assessment, {"version": assessment.version, "answers": answers})
    steps.transition(session, operator, assessment, {"action": "submit", "version": assessment.version})


@pytest.fixture(autouse=True)
def _quick(live_server, page):  # the server first: Playwright runs an event loop
    """A step that cannot happen fails in seconds, not after Playwright's default 30 s."""
    page.set_default_timeout(8000)


def _menu(page, category: str, item: str) -> None:
    """Open a menu category of the navigation bar and click one of its entries.

    A click that lands before Bootstrap's scripts have bound the dropdown opens nothing (a person would click
    again), so the page is first allowed to finish loading and the category is clicked again if needed."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    page.wait_for_load_state("load")
    # the category's whole name: "Anak" is also a word of "Kasus anak"
    toggle = page.locator("a.nav-link.dropdown-toggle").filter(has_text=re.compile(rf"^\s*{re.escape(category)}\s*$"))
    entry = page.locator(f"a.dropdown-item:has-text('{item}')")
    for _attempt in range(3):
        toggle.click()
        try:
            entry.wait_for(state="visible", timeout=2500)
            break
        except PlaywrightTimeout:
            continue
    entry.click()


def _flash(page) -> str:
    """The flashed messages and alerts now on screen."""
    return "\n".join(page.locator(".alert").all_inner_texts())



def _record_document(page, label: str, number: str) -> None:
    """One row of the placement's documents form filled, the others left blank (they are skipped)."""
    row = page.locator("[data-testid=documents-form] tr", has_text=label)
    row.locator("input[name$=dated]").fill(date.today().isoformat())  # a document has its date (RULES §4)
    row.locator("input[name$=number]").fill(number)
    page.click("[data-testid=documents-form] button:has-text('Simpan dokumen')")
    page.wait_for_load_state()
    assert "Dokumen dicatat." in _flash(page)


def test_operator_admits_a_placement_with_its_documents(live_server, page):
    login(page, live_server, "operator.pasuruan")
    _menu(page, "Anak", "Data anak")
    page.wait_for_url("**/admin/resident/**")
    page.locator("tr", has_text=CHILD["register_number"]).locator("a[title], a.icon").first.click()
    page.wait_for_url("**/admin/resident/details/**")
    page.click("[data-testid=new-placement]")
    page.select_option("select[name=basis]", "pre_process")
    page.select_option("select[name=suspected_violence]", "tidak")
    page.get_by_label(re.compile(r"^Tindak pidana ringan \(")).check()
    page.click("button:has-text('Simpan penempatan')")
    page.wait_for_url("**/admin/placement/details/**")
    assert "Penempatan dicatat" in _flash(page)

    _record_document(page, "persetujuan orang tua/wali", "PO-17")
    page.check("[data-testid=admit-form] input[name=confirmed]")
    page.click("[data-testid=admit-form] button:has-text('Terima anak')")
    page.wait_for_load_state()
    refusal = _flash(page)
    assert "Surat pernyataan persetujuan anak" in refusal, refusal  # the missing document is named
    assert page.inner_text("[data-testid=status]") != "Di LPKS"

    _record_document(page, "persetujuan anak untuk menjadi klien", "PA-17")
    page.check("[data-testid=admit-form] input[name=confirmed]")
    page.click("[data-testid=admit-form] button:has-text('Terima anak')")
    page.wait_for_load_state()
    refusal = _flash(page)
    assert "Kesepakatan musyawarah" in refusal, refusal  # a child not yet in legal process: the meeting first
    assert page.locator("[data-testid=meeting-missing]").is_visible()

    form = page.locator("[data-testid=meeting-form]")
    form.locator("input[name=held_on]").fill(date.today().isoformat())
    form.locator("input[name=place]").fill("Pusat Kesejahteraan Sosial Kelurahan Bugul Kidul")
    form.locator("select[name=initiator]").select_option("peksos")
    for box in form.locator("input[name=participants]").all():
        box.check()
    form.locator("textarea[name=outcome]").fill("Anak ditempatkan di LPKS untuk pembinaan")
    form.locator("button[type=submit]").click()
    page.wait_for_load_state()
    assert "Kesepakatan musyawarah dicatat." in _flash(page), _flash(page)
    assert "Pusat Kesejahteraan Sosial Kelurahan Bugul Kidul" in page.inner_text("[data-testid=meeting]")
    page.check("[data-testid=admit-form] input[name=confirmed]")
    page.click("[data-testid=admit-form] button:has-text('Terima anak')")
    page.wait_for_load_state()
    assert "Anak diterima di LPKS." in _flash(page)
    assert page.locator("[data-testid=missing]").count() == 0
    assert page.locator("[data-testid=admit-form]").count() == 0
    logout(page)


def _record_conflict_reasons(page, reason: str) -> int:
    """As a reviewer: every answer that contradicts the registry gets the reviewer's recorded reason, one form at a
    time (each records and reloads the page); returns how many were recorded."""
    recorded = 0
    while (form := page.locator("form[data-testid^=conflict-form-]").first).count():
        code = form.get_attribute("data-testid").removeprefix("conflict-form-")
        form.locator("input[name=reason]").fill(reason)
        form.locator("button:has-text('Catat alasan')").click()
        page.wait_for_load_state()
        assert page.locator(f"form[data-testid='conflict-form-{code}']").count() == 0, _flash(page)
        assert reason in page.inner_text(f"[data-testid='conflict-{code}']")
        recorded += 1
    return recorded


def _open_assessment(page, institution: str) -> None:
    page.locator("[data-testid=queue] tr", has_text=institution).locator("a").first.click()
    page.wait_for_load_state()


def test_dinsos_kabkota_verifies_standards_and_proposes_the_assessment(live_server, page):
    login(page, live_server, "dinsos.pasuruan")
    _menu(page, "Registri LPKS", "Daftar dan kepatuhan")
    page.click(f"a:has-text('{CITY}')")
    page.click("[data-testid=verify-link]")
    page.fill("input[name=visit_date]", date.today().isoformat())
    page.fill("input[name=team]", "Tim verifikasi Dinas Sosial Kota Pasuruan")
    page.click("button.btn-primary:has-text('Simpan')")
    page.wait_for_url(re.compile(r"/admin/verify/\d+$"))
    assert "Putaran verifikasi #" in _flash(page)
    item = page.locator("tr[data-item]").first
    code = item.get_attribute("data-item")
    item.locator("select").select_option("belum")
    item.locator("input[type=text]").fill("Papan nama belum terpasang saat kunjungan")
    page.click("[data-testid=save-findings]")
    page.wait_for_load_state()
    assert "Temuan disimpan" in _flash(page)
    row = page.locator(f"tr[data-item='{code}']")
    assert row.locator("select").input_value() == "belum"
    assert row.locator("input[type=text]").input_value() == "Papan nama belum terpasang saat kunjungan"

    _menu(page, "Akreditasi", "Penilaian akreditasi")
    _open_assessment(page, CITY)
    page.fill("[data-testid=step-propose] textarea[name=note]", "Verifikasi lapangan sesuai")
    page.check("[data-testid=step-propose] input[name=confirmed]")
    page.click("[data-testid=step-propose] button[type=submit]")
    page.wait_for_load_state()
    refusal = _flash(page)  # answers that contradict the registry's "belum" need a reviewer's reason first
    assert "bertentangan dengan penilaian registri" in refusal and "Catat alasan" in refusal, refusal
    assert page.locator("[data-testid=step-propose]").count() == 1

    assert _record_conflict_reasons(page, "Dipenuhi saat kunjungan verifikasi; registri belum diperbarui") > 0
    page.fill("[data-testid=step-propose] textarea[name=note]", "Verifikasi lapangan sesuai")
    page.check("[data-testid=step-propose] input[name=confirmed]")
    page.click("[data-testid=step-propose] button[type=submit]")
    page.wait_for_load_state()
    assert "Langkah tercatat: Diusulkan" in _flash(page), _flash(page)
    assert page.locator("[data-testid=step-propose]").count() == 0
    logout(page)


def test_dinsos_provinsi_recommends_a_proposed_accreditation(live_server, page):
    login(page, live_server, "dinsos.jatim")
    _menu(page, "Akreditasi", "Penilaian akreditasi")
    _open_assessment(page, "LPKS Taruna Mandiri Pasuruan")
    # the contradictions stay shown with the kabupaten/kota's reasons; any left without one gets the province's
    assert page.locator("[data-testid^=conflict-]").count() > 0
    assert "Diteruskan dengan alasan" in page.inner_text("main")
    _record_conflict_reasons(page, "Diperiksa provinsi: bukti dokumen memadai")
    page.fill("[data-testid=step-recommend] textarea[name=note]", "Layak direkomendasikan kepada Menteri")
    page.check("[data-testid=step-recommend] input[name=confirmed]")
    page.click("[data-testid=step-recommend] button[type=submit]")
    page.wait_for_load_state()
    assert "Langkah tercatat: Direkomendasikan" in _flash(page), _flash(page)
    assert "Layak direkomendasikan kepada Menteri" in page.inner_text("body")  # in the workflow history
    logout(page)


def test_admin_creates_a_user_with_a_role_and_scope_who_then_logs_in(live_server, page):
    login(page, live_server, "admin")
    assert page.locator("h1").first.inner_text() == "Dasbor Administrator Sistem"
    _menu(page, "Sistem", "Pengguna")
    page.wait_for_url("**/admin/user/**")
    page.click("a.nav-link:has-text('Buat')")
    page.fill("input[name=username]", "dinsos.kota.baru")
    page.fill("input[name=full_name]", "Sari Verifikator")
    page.select_option("select[name=role]", "dinsos_kabkota")
    page.select_option("select[name=scope]", "35.75")  # picked from the regions, not typed
    page.fill("input[name=new_password]", "kata-sandi-baru-123")
    page.click("input[type=submit][value='Simpan']")
    page.wait_for_url("**/admin/user/**")
    row = page.locator("tr", has_text="dinsos.kota.baru")
    assert "35.75" in row.inner_text()
    logout(page)

    page.fill("input[name=username]", "dinsos.kota.baru")
    page.fill("input[name=password]", "kata-sandi-baru-123")
    page.click("button[type=submit]")
    assert page.locator("h1").first.inner_text() == "Dasbor Dinas Sosial Kabupaten/Kota"
    logout(page)
