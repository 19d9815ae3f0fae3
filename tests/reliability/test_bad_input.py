"""Bad input that used to answer 500 (issue 18, item 5): integer parameters beyond what the database holds, digits
that are not ASCII, ids longer than any row, JSON nested 1,000 levels deep, CR/LF in `next`. Each now answers 4xx,
and a query parameter's refusal names it."""
from __future__ import annotations

import json
import re

import pytest

from lpks.web.guard import is_public
from tests.conftest import PASSWORD, csrf_token, login
from tests.security.matrix import NOT_INSTANTIATED, PATH_VALUES

HUGE = "9" * 30
OUT_OF_RANGE = (HUGE, "-" + HUGE, "2147483648", "-1", "²", "٣٤")


def _get_rules(app):
    """Every GET route behind the login (the public ones, login and language, read no number)."""
    return sorted((r for r in app.url_map.iter_rules() if "GET" in r.methods and r.endpoint not in NOT_INSTANTIATED
                   and not is_public(r.endpoint)), key=lambda r: r.rule)


def _path(rule, ident: str = "1") -> str:
    path = rule.rule
    for arg in rule.arguments:
        value = ident if arg not in PATH_VALUES else PATH_VALUES[arg][0]
        path = re.sub(r"<(?:[^:>]+:)?%s>" % arg, value, path)
    return path


def _names_parameter(response, name: str) -> bool:
    if response.is_json:
        return response.get_json().get("field") == name
    return f"Parameter &#39;{name}&#39;" in response.get_data(as_text=True)


@pytest.mark.parametrize("username", ["kemensos", "operator.pasuruan"])
def test_every_get_route_refuses_out_of_range_integer_parameters_naming_them(demo, app, username):
    client = app.test_client()
    login(client, username)
    failures, checked = [], 0
    for rule in _get_rules(app):
        path = _path(rule)
        for name, value in (("page", HUGE), ("per_page", "-" + HUGE), ("institution_id", "2147483648"),
                            ("resident_id", HUGE), ("id", "²"), ("year", "٣٤"), ("period", HUGE), ("doc", "-1"),
                            ("page_size", "+" + HUGE)):
            response = client.get(path, query_string={name: value})
            checked += 1
            if response.status_code != 422 or not _names_parameter(response, name):
                failures.append(f"{path}?{name}={value} -> {response.status_code}")
    assert not failures, failures
    assert checked > 1000


def test_every_route_with_an_id_in_its_path_answers_404_beyond_the_integer_range(demo, app):
    client = app.test_client()
    login(client, "kemensos")
    failures = []
    for rule in _get_rules(app):
        if any(type(rule._converters[a]).__name__ == "IntegerConverter" for a in rule.arguments):
            for value in (HUGE, "2147483648"):
                response = client.get(_path(rule, value))
                if response.status_code != 404:
                    failures.append(f"{_path(rule, value)} -> {response.status_code}")
    assert not failures, failures


@pytest.mark.parametrize("value", ["9" * 30, "-" + "9" * 30, "1," + "9" * 30])
def test_integer_filters_of_admin_lists_refuse_values_beyond_the_range(demo, app, value):
    client = app.test_client()
    login(client, "operator.pasuruan")
    views = [v for v in app.extensions["admin"][0]._views if getattr(v, "_filters", None)]
    checked = []
    for view in views:
        for index, flt in enumerate(view._filters):
            if "Int" not in type(flt).__name__ or ("," in value and "List" not in type(flt).__name__):
                continue  # a list of ids only for the "in list" filters
            arg = f"flt0_{view.get_filter_arg(index, flt)}"
            response = client.get(f"{view.url}/", query_string={arg: value})
            if response.status_code == 403:
                continue  # a list this role does not enter
            body = response.get_data(as_text=True)
            assert response.status_code == 422 and arg in body, (view.endpoint, arg, response.status_code)
            checked.append(arg)
    assert len(checked) >= 4


@pytest.mark.parametrize("depth", [33, 1000, 100_000])
def test_json_nested_too_deep_answers_400_naming_the_body(demo, app, depth):
    client = app.test_client()
    login(client, "operator.pasuruan")
    token = csrf_token(client, "/account/")
    body = "[" * depth + "]" * depth
    for path in ("/api/v1/residents", "/api/v1/institutions", "/api/v1/accreditation/assessments"):
        response = client.post(path, data=body, content_type="application/json", headers={"X-CSRFToken": token})
        assert response.status_code == 400, (path, response.status_code)
        assert response.get_json()["field"] == "body" and "32 tingkat" in response.get_json()["message"]


def test_json_nested_32_levels_is_read_as_usual(demo, app):
    client = app.test_client()
    login(client, "operator.pasuruan")
    token = csrf_token(client, "/account/")
    nested = json.dumps({"full_name": "x", "note": json.loads("[" * 31 + "]" * 31)})
    response = client.post("/api/v1/residents", data=nested, content_type="application/json",
                           headers={"X-CSRFToken": token})
    assert response.status_code == 422 and response.get_json()["field"] != "body"


@pytest.mark.parametrize("target", ["/admin/\r\nSet-Cookie: dicuri=1", "/\nLocation: https://evil.example/",
                                    "/%0d%0aX: 1", "/\x7f", "/\t/evil.example"])
def test_control_characters_in_next_are_ignored_on_login_and_language(demo, app, target):
    client = app.test_client()
    assert client.get("/login", query_string={"next": target}).status_code == 200
    token = csrf_token(client, "/login")
    response = client.post("/login", query_string={"next": target},
                           data={"username": "kemensos", "password": PASSWORD, "csrf_token": token, "next": target})
    assert response.status_code == 302
    assert not {"\r", "\n", "\x00"} & set(response.headers["Location"]), response.headers["Location"]
    assert "evil" not in response.headers["Location"]
    assert "dicuri" not in response.headers.get("Set-Cookie", "")
    switched = client.post("/language/en", data={"csrf_token": csrf_token(client, "/"), "next": target})
    assert switched.status_code == 302
    assert not {"\r", "\n", "\x00"} & set(switched.headers["Location"]), switched.headers["Location"]


def test_a_nul_in_next_is_refused(demo, app):
    client = app.test_client()
    assert client.get("/login", query_string={"next": "/\x00"}).status_code == 422
    token = csrf_token(client, "/login")
    response = client.post("/login", data={"username": "kemensos", "password": PASSWORD, "csrf_token": token,
                                           "next": "/admin/\x00"})
    assert response.status_code == 422 and client.get("/").status_code == 302  # not logged in either


@pytest.mark.parametrize("username", ["operator.pasuruan"])
def test_a_nul_character_answers_422_naming_the_field_on_every_door(demo, app, username):
    """PostgreSQL cannot store NUL (0x00) in text: a form field, a query value or a JSON string holding it answered
    500 there; now 422 names the field before any query runs (the login form included)."""
    anonymous = app.test_client()
    token = csrf_token(anonymous, "/login")
    refused = anonymous.post("/login", data={"username": "kemen\x00sos", "password": "x" * 12, "csrf_token": token})
    assert refused.status_code == 422 and "username" in refused.get_data(as_text=True)
    client = app.test_client()
    login(client, username)
    token = csrf_token(client, "/account/")
    for body, field in (({"name": "Nama\x00", "function": "supir"}, "name"),
                        ({"name": "Nama", "function": "supir", "note": ["baris\x00"]}, "note")):
        response = client.post("/api/v1/staff", json=body, headers={"X-CSRFToken": token})
        assert response.status_code == 422 and response.get_json()["field"] == field
    form = client.post("/admin/staff/new/", data={"csrf_token": token, "name": "Nama\x00Nul", "function": "supir"})
    assert form.status_code == 422 and "NUL" in form.get_data(as_text=True)
    query = client.get("/api/v1/residents", query_string={"register_number": "ABH\x00"})
    assert query.status_code == 422 and query.get_json()["field"] == "register_number"
