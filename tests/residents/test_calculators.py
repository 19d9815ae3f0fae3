"""The deadline calculators: API contract, boundaries (month ends, leap years, holidays, cuti bersama, weekends),
forbidden input (422 naming the parameter and the rule), the web page and who may use them."""
from __future__ import annotations

import pytest

from tests.conftest import csrf_token, login

from .conftest import Api


@pytest.fixture
def api(seeded, client):
    return Api(client, "dinsos.jatim")


@pytest.mark.parametrize(("level", "start", "days", "last_day", "notice", "maximum"), [
    ("penyidikan", "2025-08-11", 7, "2025-08-17", "2025-08-14", 15),         # ends on a Sunday, Independence Day
    ("penyidikan", "2025-08-05", 15, "2025-08-19", "2025-08-14", 15),        # skips cuti bersama 18 Aug + weekend
    ("penuntutan", "2024-02-25", 5, "2024-02-29", "2024-02-27", 10),         # leap day
    ("pengadilan_negeri", "2024-12-20", 10, "2024-12-29", "2024-12-24", 25),  # Natal and its cuti bersama
    ("pengadilan_tinggi", "2024-03-23", 25, "2024-04-16", "2024-04-04", 25),  # the whole Lebaran 2024 block
    ("kasasi", "2025-12-20", 35, "2026-01-23", "2026-01-21", 35),            # across the year end
    ("penuntutan", "2026-03-15", 10, "2026-03-24", "2026-03-16", 10),        # Nyepi + Lebaran 2026
    ("penyidikan", "2025-01-31", 1, "2025-01-31", "2025-01-24", 15),         # 1 day; Isra Mikraj + Imlek block
])
def test_custody(api, level, start, days, last_day, notice, maximum):
    response = api.get(f"/rules/custody?level={level}&start={start}&days={days}")
    assert response.status_code == 200, response.get_json()
    assert response.get_json() == {"last_day": last_day, "notice_deadline": notice, "max_days": maximum,
                                   "calendar_missing_years": []}


@pytest.mark.parametrize(("level", "days", "ok"), [
    ("penyidikan", 15, True), ("penyidikan", 16, False), ("penuntutan", 10, True), ("penuntutan", 11, False),
    ("pengadilan_negeri", 25, True), ("pengadilan_negeri", 26, False), ("pengadilan_tinggi", 26, False),
    ("kasasi", 35, True), ("kasasi", 36, False),
])
def test_custody_maximum_per_level(api, level, days, ok):
    response = api.get(f"/rules/custody?level={level}&start=2025-08-11&days={days}")
    if ok:
        assert response.status_code == 200
    else:
        body = response.get_json()
        assert response.status_code == 422 and body["field"] == "days"
        assert "Parameter 'days'" in body["message"] and "Pasal 11 ayat 3" in body["message"]


@pytest.mark.parametrize(("query", "field"), [
    ("level=penyidikan&start=2025-08-11&days=0", "days"),
    ("level=penyidikan&start=2025-08-11&days=tujuh", "days"),
    ("level=penyidikan&start=2025-08-11", "days"),
    ("level=polisi&start=2025-08-11&days=3", "level"),
    ("start=2025-08-11&days=3", "level"),
    ("level=penyidikan&start=2025-02-30&days=3", "start"),
    ("level=penyidikan&days=3", "start"),
])
def test_custody_bad_input_names_the_parameter(api, query, field):
    response = api.get(f"/rules/custody?{query}")
    assert response.status_code == 422 and response.get_json()["field"] == field


@pytest.mark.parametrize(("start", "months", "last_day", "parole"), [
    ("2025-01-31", 1, "2025-02-27", None),            # 31 Jan + 1 month clamps to 28 Feb
    ("2024-01-31", 1, "2024-02-28", None),            # leap year: 29 Feb − 1
    ("2025-01-01", 12, "2025-12-31", "2025-07-03"),   # half (183 days) is later than 3 months
    ("2025-01-01", 6, "2025-06-30", "2025-04-02"),
    ("2025-01-01", 5, "2025-05-31", "2025-04-01"),    # 3 months is later than half
    ("2025-01-01", 3, "2025-03-31", None),            # 3 months falls after the last day: never
    ("2024-02-29", 12, "2025-02-27", "2024-08-30"),
])
def test_court_placement(api, start, months, last_day, parole):
    response = api.get(f"/rules/court-placement?start={start}&months={months}")
    assert response.status_code == 200
    assert response.get_json() == {"last_day": last_day, "parole_eligible_from": parole, "calendar_missing_years": []}


@pytest.mark.parametrize("months", [0, 13, -1])
def test_court_placement_longer_than_a_year_is_refused(api, months):
    body = api.get(f"/rules/court-placement?start=2025-01-01&months={months}").get_json()
    assert body["field"] == "months" and "Pasal 13 ayat 4" in body["message"]


@pytest.mark.parametrize(("born", "offence", "age", "route"), [
    ("2014-07-01", "2026-06-30", 11, "under_12"), ("2014-07-01", "2026-07-01", 12, "anak"),
    ("2008-02-29", "2026-02-28", 17, "anak"),     # a 29 February birthday is reached on 1 March
    ("2008-03-01", "2026-02-28", 17, "anak"), ("2012-02-29", "2024-02-29", 12, "anak"),
    ("2020-01-01", "2020-01-01", 0, "under_12"),
])
def test_age(api, born, offence, age, route):
    assert api.get(f"/rules/age?born={born}&offence={offence}").get_json() == {"age": age, "route": route,
                                                                               "calendar_missing_years": []}


@pytest.mark.parametrize(("born", "offence", "field", "rule"), [
    ("2008-02-29", "2026-03-01", "born", "Pasal 1"), ("2008-03-01", "2026-03-01", "born", "Pasal 1"),
    ("2020-01-02", "2020-01-01", "born", "Pasal 1 angka 3"), ("2020-13-01", "2021-01-01", "born", None),
    ("2010-01-01", "", "offence", None),
])
def test_age_refused(api, born, offence, field, rule):
    response = api.get(f"/rules/age?born={born}&offence={offence}")
    body = response.get_json()
    assert response.status_code == 422 and body["field"] == field
    assert f"'{field}'" in body["message"] and (rule is None or rule in body["message"])


def test_holiday_added_by_kemensos_moves_the_deadline(seeded, client):
    query = "/rules/custody?level=penyidikan&start=2025-08-11&days=7"
    kemensos = Api(client, "kemensos")
    assert kemensos.get(query).get_json()["notice_deadline"] == "2025-08-14"
    assert kemensos.post("/holidays", {"date": "2025-08-14", "name": "Libur daerah", "kind": "cuti_bersama"}
                         ).status_code == 201
    assert kemensos.get(query).get_json()["notice_deadline"] == "2025-08-13"


def test_administrator_may_not_use_the_calculators(seeded, client):
    admin = Api(client, "admin")
    assert admin.get("/rules/age?born=2010-01-01&offence=2025-01-01").status_code == 403
    assert client.get("/admin/calculator/").status_code == 403


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos"])
def test_calculator_page_for_every_other_role(seeded, client, username):
    login(client, username)
    page = client.get("/admin/calculator/").get_data(as_text=True)
    assert "hari terakhir = tanggal mulai + N − 1" in page  # the Readings that decide the outcome
    assert "hari kerja kedua" in page and "⌈jumlah hari" in page
    token = csrf_token(client, "/admin/calculator/")
    result = client.post("/admin/calculator/", data={"custody-csrf_token": token, "custody-level": "penyidikan",
                                                     "custody-start": "2025-08-05", "custody-days": "15"})
    html = result.get_data(as_text=True)
    assert "2025-08-19" in html and "2025-08-14" in html
    refused = client.post("/admin/calculator/", data={"court-csrf_token": token, "court-start": "2025-01-01",
                                                      "court-months": "13"}).get_data(as_text=True)
    assert "Pasal 13 ayat 4" in refused
    age = client.post("/admin/calculator/", data={"age-csrf_token": token, "age-born": "2008-02-29",
                                                  "age-offence": "2026-02-28"}).get_data(as_text=True)
    assert "17" in age and "Anak berusia 12 sampai belum 18 tahun" in age


def test_rule_messages_follow_the_users_language(seeded, client):
    api = Api(client, "kemensos")
    client.post("/language/en", data={"csrf_token": api.token, "next": "/"})
    body = api.get("/rules/custody?level=penyidikan&start=2025-08-11&days=16").get_json()
    assert body["field"] == "days" and "lasts at most 15 days" in body["message"]
    assert "Pasal 11 ayat 3 huruf a" in body["message"]
