"""The JSON API: OpenAPI document, JSON errors naming the field, versions, CSRF for cookie sessions."""
from __future__ import annotations

from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.registry.models.institution import Institution
from tests.conftest import csrf_token, login


def test_openapi_documents_every_api_route(app):
    login_free = app.test_client()
    assert login_free.get("/api/v1/openapi.json").status_code == 401
    from lpks.web.api.spec import document

    documented = set(document()["paths"])
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/") and rule.endpoint not in ("api.openapi", "api.unknown"):
            path = rule.rule.replace("<int:ident>", "{id}")
            assert path in documented, path


def test_openapi_served_to_logged_in_user(demo, client):
    login(client, "kemensos")
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.") and "/api/v1/institutions" in doc["paths"]


def test_unknown_api_path_is_json_404(demo, client):
    login(client, "kemensos")
    response = client.get("/api/v1/does-not-exist")
    assert response.status_code == 404 and response.is_json


def test_validation_error_names_field_and_rule(demo, client, session):
    login(client, "kemensos")
    token = csrf_token(client, "/")
    cases = [
        ({"name": "", "kabkota_code": "35.75"}, "name"),
        ({"name": "LPKS Baru", "kabkota_code": "35"}, "kabkota_code"),
        ({"name": "LPKS Baru", "kabkota_code": "35.75", "capacity_boys": "banyak"}, "capacity_boys"),
        ({"name": "LPKS Baru", "kabkota_code": "35.75", "referral_scope": "dunia"}, "referral_scope"),
        ({"name": "LPKS Baru", "kabkota_code": "35.75", "email": "bukan-email"}, "email"),
        ({"name": {"x": 1}, "kabkota_code": "35.75"}, "name"),  # found by the random-body property test
        ({"name": "LPKS Baru", "kabkota_code": ["35.75"]}, "kabkota_code"),
        ({"name": "LPKS Baru", "kabkota_code": "35.75", "phone": 343}, "phone"),
    ]
    for body, field in cases:
        response = client.post("/api/v1/institutions", json=body, headers={"X-CSRFToken": token})
        assert response.status_code == 422, body
        payload = response.get_json()
        assert payload["field"] == field and payload["message"], payload
    not_json = client.post("/api/v1/institutions", data="x", headers={"X-CSRFToken": token})
    assert not_json.status_code == 422 and not_json.get_json()["field"] == "body"


def test_create_and_update_with_version(demo, client, session):
    login(client, "kemensos")
    token = csrf_token(client, "/")
    created = client.post("/api/v1/institutions", json={"name": "LPKS Baru", "kabkota_code": "35.75"},
                          headers={"X-CSRFToken": token})
    assert created.status_code == 201
    body = created.get_json()
    assert body["province_code"] == "35" and body["version"] == 1
    ok = client.patch(f"/api/v1/institutions/{body['id']}", json={"capacity_boys": 10, "version": 1},
                      headers={"X-CSRFToken": token})
    assert ok.status_code == 200 and ok.get_json()["version"] == 2
    stale = client.patch(f"/api/v1/institutions/{body['id']}", json={"capacity_boys": 11, "version": 1},
                         headers={"X-CSRFToken": token})
    assert stale.status_code == 409 and stale.get_json()["field"] == "version"
    missing = client.patch(f"/api/v1/institutions/{body['id']}", json={"capacity_boys": 11},
                           headers={"X-CSRFToken": token})
    assert missing.status_code == 422 and missing.get_json()["field"] == "version"
    fields = session.scalars(select(AuditLog.fields).where(AuditLog.action == "update",
                                                           AuditLog.object_type == "institution")).all()
    assert "capacity_boys" in fields


def test_cookie_session_write_without_csrf_is_refused(demo, client, session):
    login(client, "kemensos")
    response = client.post("/api/v1/institutions", json={"name": "LPKS Baru", "kabkota_code": "35.75"})
    assert response.status_code == 400 and response.get_json()["error"] == "csrf"
    assert session.scalar(select(Institution).where(Institution.name == "LPKS Baru")) is None


def test_paging_parameters_are_validated(demo, client):
    login(client, "kemensos")
    assert client.get("/api/v1/institutions?per_page=101").get_json()["field"] == "per_page"
    assert client.get("/api/v1/institutions?page=0").status_code == 422
    page = client.get("/api/v1/institutions?per_page=2&page=2").get_json()
    assert page["total"] == 6 and len(page["items"]) == 2 and page["page"] == 2
