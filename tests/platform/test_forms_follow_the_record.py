"""Forms that follow the record (issue 17): no button or field a user will be refused on, pickers instead of codes
typed by hand, roles by their label, each role's menu with the pages it works on, no internal version field."""
from __future__ import annotations

import re

from sqlalchemy import select

from lpks.registry.models.institution import Institution
from tests.conftest import csrf_token, login


def _client(demo, username):
    client = demo.test_client()
    login(client, username)
    return client


def _menu(html: str) -> set[str]:
    return set(re.findall(r'class="dropdown-item[^"]*" href="([^"]+)"', html))


def test_the_operator_is_not_offered_to_create_an_lpks_nor_to_move_its_domicile(demo, session):
    operator = _client(demo, "operator.pasuruan")
    listing = operator.get("/admin/institution/").get_data(as_text=True)
    assert "/admin/institution/new/" not in listing
    assert operator.get("/admin/institution/new/").status_code in (302, 403)
    ident = session.scalar(select(Institution.id).where(Institution.name == "LPKS Bina Harapan Kota Pasuruan"))
    edit = operator.get(f"/admin/institution/edit/?id={ident}").get_data(as_text=True)
    assert 'name="kabkota_code"' not in edit and 'name="name"' in edit
    assert re.search(r'<input[^>]*name="version"[^>]*type="hidden"|<input[^>]*type="hidden"[^>]*name="version"', edit)
    office = _client(demo, "dinsos.pasuruan")
    new = office.get("/admin/institution/new/").get_data(as_text=True)
    picker = new[new.index('name="kabkota_code"'):]
    picker = picker[:picker.index("</select>")]
    assert "Kota Pasuruan" in picker and "Kota Surabaya" not in picker  # only where it may register an LPKS
    ministry = _client(demo, "kemensos")
    assert 'name="kabkota_code"' in ministry.get(f"/admin/institution/edit/?id={ident}").get_data(as_text=True)


def test_the_staff_form_carries_its_version_hidden(demo, session):
    operator = _client(demo, "operator.pasuruan")
    page = operator.get("/admin/staff/new/").get_data(as_text=True)
    assert ">Versi<" not in page and not re.search(r'<input(?![^>]*type="hidden")[^>]*name="version"', page)


def test_the_administrator_picks_a_scope_and_reads_roles_by_their_label(demo):
    admin = _client(demo, "admin")
    users = admin.get("/admin/user/").get_data(as_text=True)
    assert "Operator LPKS" in users and ">operator_lpks<" not in users
    new = admin.get("/admin/user/new/").get_data(as_text=True)
    picker = new[new.index('name="scope"'):]
    picker = picker[:picker.index("</select>")]
    assert '<optgroup label="LPKS">' in picker and "LPKS Bina Harapan Kota Pasuruan" in picker
    assert "Jawa Timur" in picker and "Kota Pasuruan" in picker
    token = csrf_token(admin, "/admin/user/new/")
    refused = admin.post("/admin/user/new/", data={"csrf_token": token, "username": "operator.baru",
                                                   "full_name": "Operator Baru", "role": "operator_lpks",
                                                   "scope": "", "new_password": "pendek", "locale": "id"})
    page = refused.get_data(as_text=True)
    assert 'data-testid="error-summary"' in page and 'value="Operator Baru"' in page  # kept, and said on top
    assert 'href="#scope"' in page or 'href="#new_password"' in page


def test_each_role_menu_offers_the_pages_it_works_on(demo):
    operator = _menu(_client(demo, "operator.pasuruan").get("/").get_data(as_text=True))
    assert "/admin/placement/" in operator and "/admin/resident/" in operator
    assert not {"/admin/region/", "/admin/accreditation-report/", "/admin/institution_class/"} & operator
    assert not {"/admin/user/", "/admin/token/", "/admin/audit/"} & operator
    office = _menu(_client(demo, "dinsos.pasuruan").get("/").get_data(as_text=True))
    assert "/admin/accreditation-report/" in office
    admin = _menu(_client(demo, "admin").get("/").get_data(as_text=True))
    assert {"/admin/user/", "/admin/institution_directory/"} <= admin and "/admin/placement/" not in admin
