"""One date input style across web and admin forms (the browser's date input), Flask-Admin's remaining pickers (list
filters) in Indonesian, and dates shown as "2 Desember 2026"."""
from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from lxml import html as lxml_html

from lpks.formats import format_tanggal
from tests.conftest import login

STATIC = Path(__file__).resolve().parents[2] / "lpks" / "static"


def _page(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return lxml_html.fromstring(response.get_data(as_text=True))


def test_admin_forms_ask_dates_with_the_same_input_as_the_web_forms(demo, client):
    login(client, "operator.pasuruan")
    admin_form = _page(client, "/admin/staff/new/")
    dates = admin_form.xpath("//input[contains(@name, 'until') or contains(@name, 'date') or contains(@name, 'from')]")
    assert dates and all(i.get("type") == "date" for i in dates), [(i.get("name"), i.get("type")) for i in dates]
    assert not admin_form.xpath("//input[@data-role='datepicker']")  # Flask-Admin's English text-and-picker field
    web_form = _page(client, "/admin/resident/new/")
    assert web_form.xpath("//input[@type='date']") and not web_form.xpath("//input[@data-role='datepicker']")


def test_the_remaining_pickers_speak_the_users_language(demo, client):
    login(client, "operator.pasuruan")
    page = _page(client, "/admin/staff/")
    script = page.xpath("//script[contains(@src, 'datepicker-locale.js')]")
    assert script and script[0].get("data-locale") == "id"
    source = (STATIC / "datepicker-locale.js").read_text(encoding="utf-8")
    assert "Desember" in source and '"Terapkan"' in source and "Batal" in source


def test_dates_read_as_indonesians_write_them(demo, app, client):
    assert format_tanggal(date(2026, 12, 2), "id") == "2 Desember 2026"
    login(client, "operator.pasuruan")
    text = _page(client, "/admin/placement/").text_content()
    assert not re.search(r"\b\d{4}-\d{2}-\d{2}\b", text)
    assert re.search(r"\b\d{1,2} (Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|"
                     r"Desember) \d{4}\b", text)
