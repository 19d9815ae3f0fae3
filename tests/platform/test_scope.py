"""One permission policy, every path: admin list, details, edit, export, API list, detail and update."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.security import READ, WRITE, can, scope_clause
from tests.conftest import csrf_token, login

PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
SURABAYA = "UPT Rehabilitasi Sosial Anak Surabaya"
JAKARTA = "LPKS Tunas Bangsa Jakarta Timur"

# Which demo LPKS each demo user may see.
VISIBLE = {
    "operator.pasuruan": {PASURUAN_CITY},
    "dinsos.pasuruan": {PASURUAN_CITY},
    "dinsos.jatim": {PASURUAN_CITY, SURABAYA, "LPKS Taruna Mandiri Pasuruan", "LPKS Cahaya Anak Malang"},
}


def _ids(session):
    return {i.name: i.id for i in session.scalars(select(Institution))}


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_lists_details_edit_and_api_follow_scope(demo, client, session, username):
    ids = _ids(session)
    login(client, username)
    listing = client.get("/admin/institution/").get_data(as_text=True)
    api = client.get("/api/v1/institutions?per_page=100").get_json()
    assert {i["name"] for i in api["items"]} == VISIBLE[username]
    assert api["total"] == len(VISIBLE[username])
    for name, ident in ids.items():
        inside = name in VISIBLE[username]
        assert (name in listing) == inside, name
        assert (client.get(f"/api/v1/institutions/{ident}").status_code == 200) == inside, name
        details = client.get(f"/admin/institution/details/?id={ident}")
        assert (details.status_code == 200) == inside, name
        if not inside:
            assert name not in client.get(f"/admin/institution/edit/?id={ident}", follow_redirects=True).get_data(as_text=True)


def test_api_ids_guessed_by_incrementing_reveal_nothing(demo, client):
    login(client, "operator.pasuruan")
    statuses = {client.get(f"/api/v1/institutions/{i}").status_code for i in range(2, 40)}
    assert statuses == {404}


def test_export_is_limited_to_scope(demo, client):
    login(client, "dinsos.pasuruan")
    data = client.get("/admin/institution/export/csv/").get_data(as_text=True)
    assert PASURUAN_CITY in data and SURABAYA not in data and JAKARTA not in data


def test_operator_cannot_update_another_lpks(demo, client, session):
    ids = _ids(session)
    login(client, "operator.pasuruan")
    token = csrf_token(client, "/")
    response = client.patch(f"/api/v1/institutions/{ids[SURABAYA]}", json={"name": "x", "version": 1},
                            headers={"X-CSRFToken": token})
    assert response.status_code == 404
    edit = client.post(f"/admin/institution/edit/?id={ids[SURABAYA]}",
                       data={"csrf_token": token, "name": "Dibajak", "kabkota_code": "35.78", "version": "1",
                             "referral_scope": "provinsi", "capacity_boys": "1", "capacity_girls": "1"})
    assert edit.status_code == 302
    session.expire_all()
    assert session.get(Institution, ids[SURABAYA]).name == SURABAYA


def test_province_reads_but_cannot_write(demo, client, session):
    ids = _ids(session)
    login(client, "dinsos.jatim")
    token = csrf_token(client, "/")
    response = client.patch(f"/api/v1/institutions/{ids[SURABAYA]}", json={"name": "x", "version": 1},
                            headers={"X-CSRFToken": token})
    assert response.status_code == 403


@pytest.mark.parametrize("username,path", [
    ("operator.pasuruan", "/admin/user/"), ("dinsos.jatim", "/admin/audit/"), ("kemensos", "/admin/token/")])
def test_system_views_are_for_the_administrator_only(demo, client, username, path):
    login(client, username)
    assert client.get(path).status_code == 403


def test_admin_sees_users_but_no_child_data_views(demo, client):
    login(client, "admin")
    assert client.get("/admin/user/").status_code == 200
    assert client.get("/admin/audit/").status_code == 200


def test_can_and_scope_clause_agree_for_every_user_and_institution(demo, session):
    for user in session.scalars(select(User)):
        for action in (READ, WRITE):
            allowed = set(session.scalars(select(Institution.id).where(scope_clause(user, Institution, action))))
            for inst in session.scalars(select(Institution)):
                assert can(user, action, inst) == (inst.id in allowed), (user.username, action, inst.name)


def test_inactive_user_is_denied_everything(demo, session):
    user = session.scalar(select(User).where(User.username == "kemensos"))
    user.active = False
    inst = session.scalars(select(Institution)).first()
    assert not can(user, READ, inst)


def test_admin_edit_with_a_stale_version_is_refused_not_overwritten(demo, client, session):
    ids = _ids(session)
    login(client, "dinsos.pasuruan")
    token = csrf_token(client, "/")
    form = {"csrf_token": token, "name": "Nama Baru", "kabkota_code": "35.75", "referral_scope": "kabupaten_kota",
            "capacity_boys": "12", "capacity_girls": "6", "version": "1"}
    first = client.post(f"/admin/institution/edit/?id={ids[PASURUAN_CITY]}", data=form)
    assert first.status_code == 302
    second = client.post(f"/admin/institution/edit/?id={ids[PASURUAN_CITY]}", data={**form, "name": "Nama Lain"},
                         follow_redirects=True)
    assert "telah diubah oleh pengguna lain" in second.get_data(as_text=True)
    session.rollback()
    assert session.get(Institution, ids[PASURUAN_CITY]).name == "Nama Baru"


def test_exports_are_audited(demo, client, session):
    from lpks.platform.models.audit import AuditLog

    login(client, "dinsos.pasuruan")
    assert client.get("/admin/institution/export/xlsx/").status_code == 200
    session.rollback()
    row = session.scalars(select(AuditLog).where(AuditLog.action == "export")).one()
    assert row.username == "dinsos.pasuruan" and row.object_type == "institution" and row.fields == "xlsx"


def test_export_cells_starting_like_formulas_are_neutralised(demo, client, session):
    inst = session.scalars(select(Institution).where(Institution.name == PASURUAN_CITY)).one()
    inst.address = '=HYPERLINK("http://evil")'
    session.commit()
    login(client, "dinsos.pasuruan")
    data = client.get("/admin/institution/export/csv/").get_data(as_text=True)
    assert "'=HYPERLINK" in data


def test_bulk_action_without_csrf_token_is_refused(demo, client, session):
    ids = _ids(session)
    login(client, "kemensos")
    response = client.post("/admin/institution/action/", data={"action": "delete", "rowid": [str(ids[SURABAYA])]})
    assert response.status_code == 400
    session.rollback()
    assert session.get(Institution, ids[SURABAYA]) is not None


def test_admin_creates_a_user_and_a_bad_scope_is_explained(demo, client, session):
    login(client, "admin")
    token = csrf_token(client, "/admin/user/new/")
    bad = client.post("/admin/user/new/", data={"csrf_token": token, "username": "budi", "role": "dinsos_kabkota",
                                                 "scope": "35", "new_password": "kata-sandi-panjang-1",
                                                 "locale": "id", "active": "y"}, follow_redirects=True)
    assert "kode kabupaten/kota" in bad.get_data(as_text=True)
    good = client.post("/admin/user/new/", data={"csrf_token": token, "username": "budi", "role": "dinsos_kabkota",
                                                  "scope": "35.75", "new_password": "kata-sandi-panjang-1",
                                                  "locale": "id", "active": "y"})
    assert good.status_code == 302
    session.rollback()
    user = session.scalar(select(User).where(User.username == "budi"))
    assert user.region_code == "35.75" and user.password_hash.startswith("$argon2id$")
