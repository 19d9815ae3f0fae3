"""The yearly report through the API (/api/v1/reports/annual…): the same three levels produce, submit and compile
the 2026 report, Kemensos with a bearer token; bodies are validated, every route is in the OpenAPI document."""
from __future__ import annotations

from lpks.web.api.spec import document
from tests.openapi_check import resolved


def _bearer(app, session, username: str):
    from lpks.platform.services.tokens import create_token

    _token, raw = create_token(session, username)
    session.commit()
    client = app.test_client()
    headers = {"Authorization": f"Bearer {raw}"}

    class Token:
        def get(self, path):
            return client.get(path, headers=headers)

        def api(self, method, path, **kw):
            return client.open(path, method=method, headers=headers, **kw)
    return Token()


def _step(client, ident: int, action: str, **extra):
    version = client.get(f"/api/v1/reports/annual/{ident}").get_json()["version"]
    return client.api("POST", f"/api/v1/reports/annual/{ident}/transitions",
                      json={"action": action, "version": version, **extra})


def _produce(client, year: int, evaluation: str) -> dict:
    created = client.api("POST", "/api/v1/reports/annual", json={"year": year})
    assert created.status_code == 201, created.get_json()
    report = created.get_json()
    assert report["state"] == "draft" and "edit" in report["actions"] and "submit" in report["actions"]
    patched = client.api("PATCH", f"/api/v1/reports/annual/{report['id']}",
                         json={"version": report["version"], "evaluation": evaluation, "plan": "Rencana " + evaluation})
    assert patched.status_code == 200 and patched.get_json()["evaluation"] == evaluation
    return patched.get_json()


def test_each_level_produces_submits_and_compiles_the_2026_report_through_the_api(browse, app, session):
    city, province = browse("dinsos.pasuruan"), browse("dinsos.jatim")
    nation = _bearer(app, session, "kemensos")
    report = _produce(city, 2026, "Evaluasi kota")
    detail = city.get(f"/api/v1/reports/annual/{report['id']}").get_json()
    assert detail["frozen"] is False and detail["figures"]["area"]["scope"] == "35.75"
    assert province.get(f"/api/v1/reports/annual/{report['id']}").status_code == 404   # a draft is its own
    submitted = _step(city, report["id"], "submit")
    assert submitted.status_code == 200 and submitted.get_json()["state"] == "submitted"
    assert submitted.get_json()["submitted_by"] == "Dinas Sosial Kota Pasuruan"
    overview = province.get("/api/v1/reports/annual/overview?year=2026").get_json()
    assert "35.75" not in overview["missing"] and "35.73" in overview["missing"]
    assert _step(province, report["id"], "receive").get_json()["state"] == "received"
    own = _produce(province, 2026, "Evaluasi provinsi")
    compiled = _step(province, own["id"], "compile")
    assert compiled.status_code == 200 and compiled.get_json()["compiled_at"]
    detail = province.get(f"/api/v1/reports/annual/{own['id']}").get_json()
    assert [p["region_code"] for p in detail["parts"]] == ["35.75"]
    assert {m["code"] for m in detail["missing"]} == {"35.14", "35.73", "35.78"}
    assert _step(province, own["id"], "submit").get_json()["state"] == "submitted"
    assert _step(nation, own["id"], "receive").get_json()["state"] == "received"
    national = _produce(nation, 2026, "Evaluasi nasional")
    _step(nation, national["id"], "compile")
    done = _step(nation, national["id"], "submit").get_json()
    assert done["state"] == "submitted" and done["actions"] == ["revise"]
    detail = nation.get(f"/api/v1/reports/annual/{national['id']}").get_json()
    assert detail["frozen"] is True and [p["region_code"] for p in detail["parts"]] == ["35"]
    assert detail["parts"][0]["evaluation"] == "Evaluasi provinsi"
    listed = nation.get("/api/v1/reports/annual?year=2026").get_json()
    assert {(r["level"], r["state"]) for r in listed["items"]} == {
        ("nasional", "submitted"), ("provinsi", "received"), ("kabupaten_kota", "received")}


def test_revision_and_refusals_name_their_field(browse):
    city = browse("dinsos.pasuruan")
    listed = city.get("/api/v1/reports/annual?year=2024").get_json()["items"]
    latest = next(r for r in listed if r["latest"])
    assert latest["revision"] == 2 and latest["actions"] == ["revise"]
    refused = _step(city, latest["id"], "revise")
    assert refused.status_code == 422 and refused.get_json()["field"] == "reason"
    revised = _step(city, latest["id"], "revise", reason="Koreksi.")
    assert revised.status_code == 201 and revised.get_json()["revision"] == 3
    assert revised.get_json()["revision_reason"] == "Koreksi." and revised.get_json()["state"] == "draft"
    old = next(r for r in listed if r["revision"] == 1)
    stale = _step(city, old["id"], "revise", reason="Lagi.")
    assert stale.status_code == 422 and stale.get_json()["field"] == "state"
    for body, field in (({"year": 2027}, "year"), ({"year": 2024}, "year"), ({"year": 2026, "tahun": 2026}, "tahun"),
                        ({}, "year"),
                        ({"year": "dua ribu"}, "year")):
        response = city.api("POST", "/api/v1/reports/annual", json=body)
        assert response.status_code == 422 and response.get_json()["field"] == field, body
    wrong = city.api("POST", f"/api/v1/reports/annual/{latest['id']}/transitions", json={"action": "publish",
                                                                                            "version": 1})
    assert wrong.status_code == 422 and wrong.get_json()["field"] == "action"
    # the province may receive but not submit or revise a kabupaten/kota's report; another province sees nothing
    province = browse("dinsos.jatim")
    assert _step(province, latest["id"], "revise", reason="x").get_json()["field"] == "state"
    received = city.get("/api/v1/reports/annual?year=2024&state=received").get_json()["items"][0]
    assert _step(province, received["id"], "receive").status_code == 422


def test_every_reports_route_is_documented():
    published = document()
    paths = published["paths"]
    for path, methods in (("/api/v1/reports/figures", {"get"}), ("/api/v1/reports/annual", {"get", "post"}),
                          ("/api/v1/reports/annual/overview", {"get"}),
                          ("/api/v1/reports/annual/{id}", {"get", "patch"}),
                          ("/api/v1/reports/annual/{id}/transitions", {"post"})):
        assert set(paths[path]) == methods, path
    figures = paths["/api/v1/reports/figures"]["get"]
    schema = resolved(published, figures["responses"]["200"]["content"]["application/json"]["schema"])
    assert "$ref" not in str(schema) and {"area", "period", "figures", "masked"} <= set(schema["properties"])
    assert [p["name"] for p in figures["parameters"]] == ["scope", "from", "to"]
    body = paths["/api/v1/reports/annual/{id}/transitions"]["post"]["requestBody"]["content"]["application/json"]
    actions = resolved(published, body["schema"])["properties"]["action"]["enum"]
    assert actions == ["compile", "submit", "receive", "revise"]
