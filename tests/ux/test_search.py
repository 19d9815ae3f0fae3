"""The search box of the lists of children, placements, custody periods and cases: register number, initials or LPKS
name, within scope; a child's name is never searched, never put in an address and never logged."""
from __future__ import annotations

import logging
import re

import pytest
from lxml import html as lxml_html

from tests.conftest import csrf_token, login

LISTS = ["/admin/resident/", "/admin/placement/", "/admin/custody/", "/admin/case/"]


def _search(client, path: str, term: str):
    """Type `term` into the list's search box and submit it, as a person does; the list then shown."""
    page = lxml_html.fromstring(client.get(path).get_data(as_text=True))
    form = page.xpath("//form[@role='search' or @data-testid='case-filters']")[0]
    assert form.get("method").lower() == "post"  # the term is never sent in the address by the form itself
    box = form.xpath(".//input[@name='q']")[0]
    assert "inisial" in (box.get("placeholder") or "")
    answer = client.post(form.get("action"), data={"q": term, "csrf_token": csrf_token(client, path)})
    assert answer.status_code == 302
    location = answer.headers["Location"]
    return location, client.get(location).get_data(as_text=True)


def _registers(body: str) -> set[str]:
    return set(re.findall(r"\b(?:ABH|DS)-(?:DEMO|\d{4})-\d{4}\b", lxml_html.fromstring(body).text_content()))


@pytest.mark.parametrize("path", LISTS)
def test_a_register_number_finds_that_child_only(demo, client, path):
    login(client, "operator.pasuruan")
    location, body = _search(client, path, "ABH-DEMO-0001")
    assert "search=ABH-DEMO-0001" in location or "q=ABH-DEMO-0001" in location
    assert _registers(body) <= {"ABH-DEMO-0001"}
    if path != "/admin/case/":  # the demo's child 0001 is a titipan without a case of its own
        assert _registers(body) == {"ABH-DEMO-0001"}


def test_initials_find_the_children_with_them(demo, client):
    login(client, "operator.pasuruan")
    _location, body = _search(client, "/admin/resident/", "B.S.")
    text = lxml_html.fromstring(body).text_content()
    assert "ABH-DEMO-0001" in text and "R.P." not in text


def test_an_lpks_name_finds_its_children_within_the_users_scope(demo, client):
    login(client, "kemensos")
    _location, body = _search(client, "/admin/case/", "Tunas Bangsa")
    assert _registers(body) == {"ABH-DEMO-0201"}
    client.post("/logout", data={"csrf_token": csrf_token(client, "/")})
    login(client, "operator.pasuruan")  # another LPKS's name is not one this user may search by
    location, body = _search(client, "/admin/case/", "Tunas Bangsa")
    assert "Tunas" not in location and "nama anak tidak dapat dicari" in body


@pytest.mark.parametrize("path", LISTS)
def test_a_childs_name_is_not_searched_and_leaves_no_trace(demo, client, caplog, path):
    login(client, "operator.pasuruan")  # a role that may see identities: still no search by name
    caplog.set_level(logging.DEBUG)
    location, body = _search(client, path, "Budi Santoso")
    assert "Budi" not in location and "Santoso" not in location
    assert "nama anak tidak dapat dicari" in body
    assert "Budi" not in caplog.text
    typed = client.get(path + "?search=Budi+Santoso&q=Budi+Santoso").get_data(as_text=True)
    assert "nama anak tidak dapat dicari" in typed
    assert "Budi Santoso" not in lxml_html.fromstring(typed).text_content()


def test_another_lpks_child_is_not_found_by_its_register_number(demo, client):
    login(client, "operator.pasuruan")
    _location, body = _search(client, "/admin/case/", "ABH-DEMO-0201")  # the Jakarta LPKS's child
    assert _registers(body) == set()
