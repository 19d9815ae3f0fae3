"""Each role as a new user: log in, see the dashboard of its scope, open its lists, log out."""
from __future__ import annotations

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

ROLES = [
    ("operator.pasuruan", "Dasbor LPKS", "LPKS Bina Harapan Kota Pasuruan", "UPT Rehabilitasi Sosial Anak Surabaya"),
    ("dinsos.pasuruan", "Dasbor Dinas Sosial Kabupaten/Kota", "LPKS Bina Harapan Kota Pasuruan", "LPKS Cahaya Anak Malang"),
    ("dinsos.jatim", "Dasbor Dinas Sosial Provinsi", "LPKS Cahaya Anak Malang", "LPKS Pelita Jakarta Selatan"),
    ("kemensos", "Dasbor Kementerian Sosial", "LPKS Pelita Jakarta Selatan", None),
]


@pytest.mark.parametrize("username,title,visible,hidden", ROLES)
def test_role_logs_in_sees_its_scope_and_logs_out(live_server, page, username, title, visible, hidden):
    login(page, live_server, username)
    assert page.locator("h1").first.inner_text() == title
    page.click("a.nav-link:has-text('LPKS')")
    page.wait_for_url("**/admin/institution/**")
    body = page.inner_text("body")
    assert visible in body
    if hidden:
        assert hidden not in body
    assert "Daftar" in body or "Cari" in body  # flask-admin speaks Indonesian
    page.click("[data-testid=logout]")
    page.wait_for_url("**/login**")
    assert "Anda telah keluar" in page.inner_text("body")
    assert page.errors == [], page.errors  # no script error, no CSP violation
    assert page.dialogs == []


def test_language_switch_to_english_and_back(live_server, page):
    login(page, live_server, "kemensos")
    page.click("button:has-text('English')")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Ministry of Social Affairs dashboard"
    page.click("button:has-text('Bahasa Indonesia')")
    page.wait_for_load_state()
    assert page.locator("h1").first.inner_text() == "Dasbor Kementerian Sosial"
