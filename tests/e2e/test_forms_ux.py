"""Forms in a real browser (issue 17), for what only a browser shows: a refused form is brought into view with its
<details> opened and its summary focused; "Sesuaikan" on the long assessment comes back where the reviewer was;
the placement form shows the conditions of the chosen basis only; "accept the system's count" fills in place."""
from __future__ import annotations

from datetime import date

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

CITY = "LPKS Bina Harapan Kota Pasuruan"
CHILD = {"register_number": "ABH-UX-01", "full_name": "Dimas Pratama", "nik": "3575010101100011"}


def SEED_EXTRA(session):  # noqa: N802 (the live_server hook's name)
    """A child without a placement, a pending titipan placement and a submitted self-assessment of the city LPKS."""
    from sqlalchemy import select

    from lpks.accreditation.services import assessments, steps
    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.residents.services import placements, residents

    inst = session.scalar(select(Institution).where(Institution.name == CITY))
    operator = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    child = residents.create(session, operator, {
        "institution_id": inst.id, "kind": "anak", "sex": "laki_laki", "birth_date": date(2011, 4, 2),
        "birth_place": "Kota Pasuruan", "address": "Jalan Contoh 3", "parent_guardian": "Wali Contoh",
        "offence_date": date(2025, 6, 1), "offence_description": "Perkelahian", **CHILD})
    other = residents.create(session, operator, {
        "institution_id": inst.id, "kind": "anak", "sex": "laki_laki", "birth_date": date(2011, 5, 2),
        "birth_place": "Kota Pasuruan", "address": "Jalan Contoh 4", "parent_guardian": "Wali Contoh",
        "offence_date": date(2025, 6, 1), "offence_description": "Perkelahian", "register_number": "ABH-UX-02",
        "full_name": "Eko Saputra", "nik": "3575010101100012"})
    placements.create(session, operator, {"resident_id": other.id, "basis": "titipan",
                                          "conditions": ["keamanan_anak"], "start_date": date.today().isoformat()})
    assert child.id
    assessment = assessments.start(session, operator, {"institution_id": inst.id})
    instr = assessments.instrument_of(session, assessment)
    answers = {ind.code: {"answer": "terpenuhi", "evidence": f"Arsip LPKS, map {ind.code}"}
               for ind in instr.indicators}
    assessments.save_answers(session, operator, assessment, {"version": assessment.version, "answers": answers})
    steps.transition(session, operator, assessment, {"action": "submit", "version": assessment.version})


@pytest.fixture(autouse=True)
def _quick(live_server, page):
    page.set_default_timeout(8000)


def _placement_of(page, live_server, register_number: str) -> None:
    page.goto(f"{live_server}/admin/placement/")
    page.locator("tr", has_text=register_number).locator("a[title], a.icon").first.click()
    page.wait_for_url("**/admin/placement/details/**")


def test_a_refused_custody_form_is_shown_open_and_in_view_with_what_was_typed(live_server, page):
    login(page, live_server, "operator.pasuruan")
    _placement_of(page, live_server, "ABH-UX-02")
    form = page.locator("[data-testid=custody-form]")
    form.locator("input[name=letter_number]").fill("SP/99/XI")
    form.locator("input[name=granted_days]").fill("5")
    form.locator("input[name=depositor_superior]").fill("Kapolda Jawa Timur")
    form.locator("button[type=submit]").click()  # no start date, no depositor: refused
    page.wait_for_load_state()
    summary = page.locator("[data-testid=custody-form] [data-error-summary]")
    assert summary.is_visible() and summary.evaluate("el => el === document.activeElement")
    box = summary.bounding_box()
    assert 0 <= box["y"] < page.viewport_size["height"]  # the message is on screen, not 1,000 px above it
    assert page.locator("[data-testid=custody-form] input[name=letter_number]").input_value() == "SP/99/XI"
    summary.locator("a", has_text="Lembaga penitip").click()
    assert page.evaluate("document.activeElement.name") == "depositor_agency"
    # the refusal answers 422 (nothing saved), which Chromium logs as a failed load; no other error
    assert [e for e in page.errors if "422" not in e] == [] and page.dialogs == []


def test_the_placement_form_shows_the_conditions_of_the_chosen_basis_only(live_server, page):
    login(page, live_server, "operator.pasuruan")
    page.goto(f"{live_server}/admin/resident/")
    page.locator("tr", has_text=CHILD["register_number"]).locator("a[title], a.icon").first.click()
    page.click("[data-testid=new-placement]")
    page.wait_for_url("**/admin/placement/add/**")
    page.wait_for_load_state("load")
    titipan, offences = page.locator("[data-testid=conditions-titipan]"), page.locator("[data-testid=conditions-pre_process]")
    months = page.locator("input[name=months]")
    assert not titipan.is_visible() and not offences.is_visible() and not months.is_visible()
    page.select_option("select[name=basis]", "titipan")
    assert titipan.is_visible() and not offences.is_visible() and not months.is_visible()
    page.select_option("select[name=basis]", "court_decision")
    assert not titipan.is_visible() and months.is_visible()
    assert page.errors == []


def test_sesuaikan_comes_back_where_the_reviewer_was(live_server, page):
    login(page, live_server, "dinsos.pasuruan")
    page.goto(f"{live_server}/admin/accreditation/")
    page.locator("a[href*='/admin/accreditation/']", has_text="#").first.click()
    page.wait_for_selector("[data-testid^=adjust-]")
    forms = page.locator("form[data-testid^=adjust-]")
    target = forms.nth(forms.count() * 2 // 3)
    code = target.get_attribute("data-testid").removeprefix("adjust-")
    target.scroll_into_view_if_needed()
    page.mouse.wheel(0, 120)
    # the wheel scrolls asynchronously: read the position once it has settled
    page.wait_for_function("""() => { const y = window.scrollY, settled = window.__lastY === y;
                                      window.__lastY = y; return settled; }""", polling=150)
    before = page.evaluate("window.scrollY")
    assert before > 3000  # far down a long page
    target.locator("select[name=answer]").select_option(index=1)  # another answer than the LPKS's "terpenuhi"
    target.locator("input[name=reason]").fill("Diperiksa saat kunjungan")
    target.locator("button[type=submit]").click()
    page.wait_for_load_state("load")
    assert "Indikator disesuaikan" in page.inner_text(".alert-success")
    after = page.evaluate("window.scrollY")
    assert abs(after - before) < 40, (before, after)
    assert page.url.endswith(f"#indicator-{code}")
    assert page.errors == []


def test_accept_the_system_count_fills_an_aspect_in_place(live_server, page):
    login(page, live_server, "dinsos.pasuruan")
    page.goto(f"{live_server}/admin/registry/")
    page.locator("a", has_text=CITY).first.click()
    page.click("[data-testid=verify-link]")
    page.fill("input[name=visit_date]", date.today().isoformat())
    page.click("main button[type=submit]:has-text('Simpan'), .container button[type=submit]:has-text('Simpan')")
    page.wait_for_url("**/admin/verify/**")
    url = page.url
    page.click("[data-testid=accept-aspect-b]")
    assert page.url == url  # in place: no reload
    for select in page.locator("select[name^='status-b.']").all():
        assert select.input_value() == select.get_attribute("data-system-value")
    assert all(s.input_value() == "" for s in page.locator("select[name^='status-c.']").all())
