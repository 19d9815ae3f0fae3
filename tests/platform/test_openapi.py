"""The published OpenAPI document: a valid 3.1 structure, one declared operation per API route, Indonesian
summaries, and bodies refused by the declared request model with the field and the rule in the user's language."""
from __future__ import annotations

import re

import pytest
from jsonschema import Draft202012Validator

from lpks.web.api.spec import openapi_path
from tests.conftest import csrf_token, login

METHODS = {"get", "put", "post", "delete", "patch"}
# An Indonesian summary has a word of Indonesian form (a me-/pe-/ber- verb or noun, an -an/-kan noun, or a common
# word) and none of the English function words an English summary cannot do without.
INDONESIAN = re.compile(r"\b((me|pe)(m|n|ng|ny)?\w{3,}|ber\w{3,}|\w{3,}(an|kan)|dan|atau|yang|satu|dari|untuk|dengan|"
                        r"anak|kasus|lpks|tanggal|dokumen|wilayah|daftar|riwayat|jawaban|rujukan|versi|jejak|sosial|"
                        r"terminasi|upah)\b", re.IGNORECASE)
ENGLISH = re.compile(r"\b(the|of|and|with|for|list|create|update|delete|get|one)\b", re.IGNORECASE)


@pytest.fixture
def published(demo, client):
    login(client, "kemensos")
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def test_document_is_an_openapi_3_1_structure(published):
    assert published["openapi"] == "3.1.0" and published["info"]["title"] and published["info"]["version"]
    schemas = published["components"]["schemas"]
    for name, schema in schemas.items():
        Draft202012Validator.check_schema(schema)  # each component is a valid JSON Schema 2020-12
    refs = re.findall(r'"\$ref": "#/components/schemas/([^"]+)"', str(published).replace("'", '"'))
    assert refs and not set(refs) - set(schemas), set(refs) - set(schemas)
    operation_ids = []
    for path, item in published["paths"].items():
        assert path.startswith("/api/v1/") and set(item) <= METHODS, path
        for method, op in item.items():
            operation_ids.append(op["operationId"])
            assert op["responses"] and all(re.fullmatch(r"[1-5]\d\d", code) for code in op["responses"]), path
            assert all("description" in answer for answer in op["responses"].values())
            names = {p["name"] for p in op["parameters"] if p["in"] == "path"}
            assert names == set(re.findall(r"\{(\w+)\}", path)), (method, path)
            for parameter in op["parameters"]:
                assert parameter["in"] in ("path", "query") and "schema" in parameter
                assert parameter["in"] != "path" or parameter["required"] is True
            if "requestBody" in op:
                assert op["requestBody"]["content"], path
    assert len(operation_ids) == len(set(operation_ids))


def test_every_api_rule_has_an_operation(app, published):
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1/") or rule.endpoint == "api.unknown":
            continue
        declared = published["paths"].get(openapi_path(rule.rule), {})
        for method in rule.methods - {"HEAD", "OPTIONS"}:
            assert method.lower() in declared, f"{method} {rule.rule} ({rule.endpoint}) has no @operation"


def test_every_operation_has_an_indonesian_summary_and_a_tag(published):
    for path, item in published["paths"].items():
        for method, op in item.items():
            summary = op["summary"]
            assert INDONESIAN.search(summary) and not ENGLISH.search(summary), (method, path, summary)
            assert op["tags"] and op["tags"][0], (method, path)


def test_success_answers_declare_their_schema(published):
    for path, item in published["paths"].items():
        for method, op in item.items():
            success = [code for code in op["responses"] if code.startswith("2")]
            assert success, (method, path)
            for code in success:
                content = op["responses"][code].get("content")
                assert (code == "204") == (content is None), (method, path, code)


@pytest.mark.parametrize("locale, expected", [
    ("id", "harus bilangan bulat"),
    ("en", "must be a whole number"),
])
def test_a_bad_body_is_refused_by_the_declared_model_naming_the_field(demo, client, session, locale, expected):
    from lpks.platform.models.user import User
    from sqlalchemy import select

    user = session.scalars(select(User).where(User.username == "kemensos")).one()
    user.locale = locale
    session.commit()
    login(client, "kemensos")
    token = csrf_token(client, "/")
    response = client.post("/api/v1/institutions", json={"name": "LPKS Baru", "kabkota_code": "35.75",
                                                         "capacity_boys": "banyak"}, headers={"X-CSRFToken": token})
    assert response.status_code == 422
    body = response.get_json()
    assert body["field"] == "capacity_boys" and body["error"] == "invalid"
    assert expected in body["message"], body["message"]
    wrong_type = client.post("/api/v1/institutions", json={"name": ["LPKS"], "kabkota_code": "35.75"},
                             headers={"X-CSRFToken": token})
    assert wrong_type.status_code == 422 and wrong_type.get_json()["field"] == "name"


def test_a_body_of_the_wrong_shape_names_every_bad_field(demo, client):
    """A case body of the wrong shape: each bad field with its own message (CaseInput)."""
    login(client, "operator.pasuruan")
    token = csrf_token(client, "/")
    response = client.post("/api/v1/cases", json={"resident_id": "satu", "surprise": 1},
                           headers={"X-CSRFToken": token})
    assert response.status_code == 422
    fields = {item["field"] for item in response.get_json().get("errors", [])} or {response.get_json()["field"]}
    assert {"resident_id", "surprise"} <= fields


class _Answer:
    """A stand-in for a test client's response."""

    def __init__(self, status: int, body, mimetype: str = "application/json"):
        import json

        self.status_code, self.mimetype, self._data = status, mimetype, json.dumps(body).encode()

    def get_data(self, as_text: bool = False):
        return self._data.decode() if as_text else self._data

    def get_json(self, silent: bool = False):
        import json

        return json.loads(self._data)


def test_the_check_fails_an_answer_the_document_does_not_declare(app):
    from tests.openapi_check import OpenAPIMismatch, check

    page = {"items": [{"code": "35", "name": "Jawa Timur", "level": "provinsi", "province_code": None}],
            "page": 1, "per_page": 20, "total": 1}
    check(app, "GET", "/api/v1/regions", _Answer(200, page))
    with pytest.raises(OpenAPIMismatch, match=r"regions .*at body path 'items/0/name'"):
        check(app, "GET", "/api/v1/regions", _Answer(200, {**page, "items": [{**page["items"][0], "name": 35}]}))
    with pytest.raises(OpenAPIMismatch, match="answered 418, which it does not declare"):
        check(app, "GET", "/api/v1/regions", _Answer(418, {"error": "teapot", "message": "x"}))
    with pytest.raises(OpenAPIMismatch, match="'total' is a required property"):
        check(app, "GET", "/api/v1/regions", _Answer(200, {k: v for k, v in page.items() if k != "total"}))
