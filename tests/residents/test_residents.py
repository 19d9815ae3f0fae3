"""Residents: registration checks (age on the offence date, route, NIK…), pseudonymised lists, the audited
identity reveal for the roles of RULES §1 only, and no identity in URLs, lists or API lists."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.resident import Resident
from tests.conftest import csrf_token, login

from .conftest import Api, child, make_resident


def test_registration_derives_initials_age_route_and_register_number(operator):
    body = make_resident(operator)
    assert body["initials"] == "B.S." and body["age_at_offence"] == 15 and body["route"] == "anak"
    assert body["register_number"].startswith("ABH-") and "full_name" not in body and "birth_date" not in body
    second = make_resident(operator)
    assert second["register_number"] != body["register_number"]


@pytest.mark.parametrize(("born", "offence", "route", "age"), [
    ("2013-08-01", "2025-07-31", "under_12", 11), ("2013-08-01", "2025-08-01", "anak", 12),
    ("2008-02-29", "2026-02-28", "anak", 17),
])
def test_route_comes_from_the_age_on_the_offence_date(operator, clock, born, offence, route, age):
    clock(date(2026, 3, 2))
    body = operator.post("/residents", child(birth_date=born, offence_date=offence)).get_json()
    assert (body["route"], body["age_at_offence"]) == (route, age)


@pytest.mark.parametrize(("changes", "field"), [
    ({"birth_date": "2008-03-01", "offence_date": "2026-03-01"}, "birth_date"),   # 18 on the offence date
    ({"birth_date": "2008-02-29", "offence_date": "2026-03-01"}, "birth_date"),
    ({"birth_date": "2025-07-02"}, "birth_date"),                                 # born after the offence
    ({"full_name": ""}, "full_name"), ({"birth_date": "2010-02-30"}, "birth_date"), ({"sex": "x"}, "sex"),
    ({"kind": "dewasa"}, "kind"), ({"nik": "12345"}, "nik"), ({"offence_date": None}, "offence_date"),
    ({"offence_description": ""}, "offence_description"), ({"offence_date": "2099-01-01"}, "offence_date"),
    ({"register_number": "Budi Santoso"}, "register_number"),
])
def test_bad_input_names_the_field(operator, clock, changes, field):
    clock(date(2026, 3, 2))
    response = operator.post("/residents", {**child(), **changes})
    assert response.status_code == 422 and response.get_json()["field"] == field, response.get_json()


def test_eighteen_on_the_offence_date_is_refused_with_a_clear_message(operator, clock):
    clock(date(2026, 3, 2))
    body = operator.post("/residents", child(birth_date="2008-03-01", offence_date="2026-03-01")).get_json()
    assert "sudah berusia 18 tahun" in body["message"] and "Pasal 1 angka 4" in body["message"]


def test_victim_without_an_offence_date_is_checked_on_the_day_of_registration(operator, clock):
    clock(date(2025, 8, 11))
    ok = operator.post("/residents", child(kind="anak_korban", offence_date=None, offence_description=None,
                                           birth_date="2010-01-01"))
    assert ok.status_code == 201 and ok.get_json()["route"] is None
    adult = operator.post("/residents", child(kind="anak_saksi", offence_date=None, birth_date="2007-08-11"))
    assert adult.status_code == 422 and adult.get_json()["field"] == "birth_date"


def test_register_number_is_unique_per_lpks(operator):
    make_resident(operator, register_number="REG/2025/001")
    again = operator.post("/residents", child(register_number="REG/2025/001"))
    assert again.status_code == 422 and again.get_json()["field"] == "register_number"


def test_update_needs_the_version_and_recomputes(operator):
    body = make_resident(operator)
    stale = operator.patch(f"/residents/{body['id']}", {"full_name": "Ahmad Rizal", "version": 99})
    assert stale.status_code == 409
    missing = operator.patch(f"/residents/{body['id']}", {"full_name": "Ahmad Rizal"})
    assert missing.status_code == 422 and missing.get_json()["field"] == "version"
    ok = operator.patch(f"/residents/{body['id']}", {"full_name": "Ahmad Rizal", "version": 1}).get_json()
    assert ok["initials"] == "A.R." and ok["version"] == 2


@pytest.mark.parametrize(("username", "allowed"), [
    ("operator.pasuruan", True), ("dinsos.pasuruan", True), ("dinsos.jatim", False), ("kemensos", False)])
def test_identity_api_for_the_roles_of_rules_1_only_and_audited(seeded, client, session, username, allowed):
    resident_id = make_resident(Api(client, "operator.pasuruan"))["id"]
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    api = Api(client, username)
    assert api.get(f"/residents/{resident_id}").status_code == 200
    response = api.get(f"/residents/{resident_id}/identity")
    assert response.status_code == (200 if allowed else 403)
    if allowed:
        assert response.get_json()["full_name"] == "Budi Santoso"
    session.rollback()
    views = session.scalars(select(AuditLog).where(AuditLog.action == "view_identity",
                                                   AuditLog.object_id == str(resident_id))).all()
    assert [v.username for v in views] == ([username] if allowed else [])


def test_administrator_sees_no_child_data(seeded, client):
    api = Api(client, "admin")
    for path in ("/residents", "/placements", "/custody-periods", "/residents/1", "/holidays"):
        assert api.get(path).status_code in (200, 404)
        if api.get(path).status_code == 200:
            assert api.get(path).get_json()["total"] == 0
    for path in ("/admin/resident/", "/admin/placement/", "/admin/custody/", "/admin/holiday/"):
        assert client.get(path).status_code == 403


def xlsx_text(data: bytes) -> str:
    """Every cell of every sheet, as one text."""
    import io

    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True)
    return "\n".join(str(cell) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)
                     for cell in row)


def _identity_values(session, resident_id):
    resident = session.get(Resident, resident_id)
    return [resident.full_name, resident.address, resident.parent_guardian, resident.birth_date.isoformat()]


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos"])
def test_lists_details_dashboard_and_api_lists_show_no_identity(seeded, client, session, username):
    resident_id = make_resident(Api(client, "operator.pasuruan"), full_name="Cahyo Nugroho Wibisono")["id"]
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    login(client, username)
    session.rollback()
    secrets = _identity_values(session, resident_id)
    pages = [client.get(path).get_data(as_text=True) for path in (
        "/admin/resident/", f"/admin/resident/details/?id={resident_id}", "/admin/placement/", "/",
        "/api/v1/residents", f"/api/v1/residents/{resident_id}")]
    pages.append(xlsx_text(client.get("/admin/resident/export.xlsx").data))
    assert "C.N.W." in pages[0] and "C.N.W." in pages[1]
    for page in pages:
        for secret in secrets:
            assert secret not in page


def test_reveal_in_the_web_is_a_post_with_csrf_and_is_audited_each_time(seeded, client, session):
    resident_id = make_resident(Api(client, "operator.pasuruan"))["id"]
    details = client.get(f"/admin/resident/details/?id={resident_id}").get_data(as_text=True)
    assert "Budi Santoso" not in details and "Tampilkan identitas lengkap" in details
    assert client.get(f"/admin/resident/identity/?id={resident_id}").status_code == 405
    assert client.post(f"/admin/resident/identity/?id={resident_id}").status_code == 400  # no CSRF token
    token = csrf_token(client, f"/admin/resident/details/?id={resident_id}")
    for _ in range(2):
        page = client.post(f"/admin/resident/identity/?id={resident_id}", data={"csrf_token": token})
        assert page.status_code == 200 and "Budi Santoso" in page.get_data(as_text=True)
    session.rollback()
    assert session.scalar(select(AuditLog.id).where(AuditLog.action == "view_identity")) is not None
    assert len(session.scalars(select(AuditLog).where(AuditLog.action == "view_identity",
                                                      AuditLog.object_id == str(resident_id))).all()) == 2
    fields = session.scalars(select(AuditLog.fields).where(AuditLog.object_type == "resident")).all()
    assert all("Budi" not in (f or "") for f in fields)


@pytest.mark.parametrize("username", ["dinsos.jatim", "kemensos"])
def test_province_and_national_users_get_no_reveal_button_and_cannot_post_it(seeded, client, username):
    resident_id = make_resident(Api(client, "operator.pasuruan"))["id"]
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    login(client, username)
    page = client.get(f"/admin/resident/details/?id={resident_id}").get_data(as_text=True)
    assert "Tampilkan identitas lengkap" not in page
    token = csrf_token(client, "/account/")
    assert client.post(f"/admin/resident/identity/?id={resident_id}", data={"csrf_token": token}).status_code == 403
    assert client.post("/admin/resident/export-identity/", data={"csrf_token": token}).status_code == 403


def test_identity_edit_through_the_reveal_page(seeded, client, session):
    resident_id = make_resident(Api(client, "operator.pasuruan"))["id"]
    token = csrf_token(client, f"/admin/resident/details/?id={resident_id}")
    page = client.post(f"/admin/resident/identity/?id={resident_id}", data={"csrf_token": token})
    assert 'name="version"' in page.get_data(as_text=True)
    data = {**child(), "full_name": "Dewi Kartika", "csrf_token": token, "version": "1", "register_number": ""}
    data = {k: v for k, v in data.items() if v is not None}
    saved = client.post(f"/admin/resident/identity/save/?id={resident_id}", data=data)
    assert saved.status_code == 302
    session.rollback()
    assert session.get(Resident, resident_id).initials == "D.K."
    bad = client.post(f"/admin/resident/identity/save/?id={resident_id}", data={**data, "nik": "12", "version": "2"})
    assert "NIK harus 16 angka" in bad.get_data(as_text=True)


def test_search_is_by_register_number(seeded, client):
    api = Api(client, "operator.pasuruan")
    make_resident(api, register_number="REG-777")
    assert "REG-777" in client.get("/admin/resident/?search=REG-777").get_data(as_text=True)
    assert api.get("/residents?register_number=REG-777").get_json()["total"] == 1


def test_create_through_the_admin_form(seeded, client, session):
    login(client, "operator.pasuruan")
    token = csrf_token(client, "/admin/resident/new/")
    data = {k: v for k, v in {**child(), "csrf_token": token, "register_number": ""}.items() if v is not None}
    response = client.post("/admin/resident/new/", data=data)
    assert response.status_code == 302 and "/admin/resident/details/" in response.headers["Location"]
    refused = client.post("/admin/resident/new/", data={**data, "birth_date": "2000-01-01"})
    assert refused.status_code == 200 and "18 tahun" in refused.get_data(as_text=True)


def test_register_number_taken_by_a_concurrent_registration_is_a_conflict(operator, monkeypatch):
    from lpks.residents.services import residents

    make_resident(operator, register_number="REG/2025/009")
    # The other request inserts after this one checked: the database's unique constraint is what refuses it.
    monkeypatch.setattr(residents, "_unique_register", lambda *args, **kwargs: None)
    raced = operator.post("/residents", child(register_number="REG/2025/009"))
    body = raced.get_json()
    assert raced.status_code == 409 and body["field"] == "register_number"
    assert "Nomor register REG/2025/009" in body["message"]
    assert operator.get("/residents?register_number=REG/2025/009").get_json()["total"] == 1


@pytest.mark.parametrize(("username", "offered"), [("operator.pasuruan", True), ("dinsos.pasuruan", True),
                                                   ("dinsos.jatim", False), ("kemensos", False)])
def test_identity_export_is_offered_by_the_policy(seeded, client, username, offered):
    login(client, username)
    page = client.get("/admin/resident/").get_data(as_text=True)
    assert ('data-testid="export-identity"' in page) is offered


def test_identity_export_button_follows_identity_roles(seeded, client, monkeypatch):
    from lpks.residents.services import residents

    monkeypatch.setattr(residents, "IDENTITY_ROLES", ("operator_lpks",))  # the one place the roles are decided
    login(client, "dinsos.pasuruan")
    assert 'data-testid="export-identity"' not in client.get("/admin/resident/").get_data(as_text=True)
    token = csrf_token(client, "/account/")
    assert client.post("/admin/resident/export-identity/", data={"csrf_token": token}).status_code == 403
