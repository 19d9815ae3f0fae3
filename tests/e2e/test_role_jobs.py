"""Each role does a job in the browser as a new user would: log in, fill a form, see the result, log out."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import login, logout

pytestmark = pytest.mark.e2e



def test_operator_registers_a_child(live_server, page):
    login(page, live_server, "operator.pasuruan")
    page.goto(f"{live_server}/admin/resident/new/")
    page.fill("input[name=full_name]", "Rangga Saputra")
    page.fill("input[name=birth_date]", "2010-02-01")
    page.select_option("select[name=sex]", "laki_laki")
    page.select_option("select[name=kind]", "anak")
    page.fill("input[name=offence_date]", "2025-07-01")
    page.fill("textarea[name=offence_description], input[name=offence_description]", "Pencurian")
    page.click("input[type=submit][value='Simpan'], button[type=submit]:has-text('Simpan')")
    page.wait_for_url("**/admin/resident/details/**")
    assert "R.S." in page.inner_text("body")
    logout(page)


def test_kemensos_adds_a_cuti_bersama_day(live_server, page):
    login(page, live_server, "kemensos")
    page.goto(f"{live_server}/admin/holiday/new/")
    page.fill("input[name=date]", "2031-12-26")
    page.fill("input[name=name]", "Cuti bersama Natal")
    page.select_option("select[name=kind]", "cuti_bersama")
    page.click("input[type=submit][value='Simpan'], button[type=submit]:has-text('Simpan')")
    page.wait_for_url("**/admin/holiday/**")
    assert "berhasil" in page.inner_text("body").lower()  # flask-admin's "saved" message, in Indonesian
    logout(page)
