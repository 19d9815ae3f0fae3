"""The registry JSON API: same validation and permission as the web forms, ISO dates, documented routes."""
from __future__ import annotations

from datetime import date

from lpks.web.api.spec import document
from tests.registry.conftest import PASURUAN, ids


def test_every_registry_route_is_documented(app):
    paths = document()["paths"]
    for path in ("/api/v1/staff", "/api/v1/staff/{id}", "/api/v1/verifications/{id}/findings",
                 "/api/v1/institutions/{id}/standards", "/api/v1/evidence/{id}/file", "/api/v1/registry/expiring",
                 "/api/v1/institutions/{id}/facilities/import", "/api/v1/standards/catalogue"):
        assert path in paths, path


def test_institution_json_carries_the_registry_profile_with_iso_dates(browse, session):
    body = browse("dinsos.pasuruan").get(f"/api/v1/institutions/{ids(session)[PASURUAN]}").get_json()
    assert body["formation_kind"] == "masyarakat" and body["deed_number"].startswith("Akta")
    assert date.fromisoformat(body["deed_date"])
    assert "registration_number" not in body  # registrations are a list of their own (test_registrations.py)


def test_standards_report_json(browse, session):
    lpks = ids(session)[PASURUAN]
    body = browse("kemensos").get(f"/api/v1/institutions/{lpks}/standards").get_json()
    assert [a["code"] for a in body["aspects"]] == list("abcdefg")
    assert body["compliance"].count(".") == 1 and len(body["unmet"]) >= 1
    assert all(i["pasal"].startswith("Pasal") for i in body["unmet"])
    item = next(i for a in body["aspects"] for i in a["items"] if i["code"] == "a.upt_or_badan_hukum")
    assert item["evidence_ids"]
    past = browse("kemensos").get(f"/api/v1/institutions/{lpks}/standards?as_of=2020-01-01").get_json()
    assert past["as_of"] == "2020-01-01" and past["verifications"] == []
    bad = browse("kemensos").get(f"/api/v1/institutions/{lpks}/standards?as_of=kemarin")
    assert bad.status_code == 422 and bad.get_json()["field"] == "as_of"


def test_catalogue_lists_every_code_a_client_sends(browse):
    body = browse("operator.pasuruan").get("/api/v1/standards/catalogue").get_json()
    assert len(body["facility_items"]) == 43 and len(body["staff_functions"]) == 16
    assert sum(len(a["items"]) for a in body["aspects"]) == 77
    assert {t["code"] for t in body["funding_sources"]} >= {"apbn", "apbd", "masyarakat", "hibah", "lainnya"}


def test_crud_of_positions_funding_and_yearly_reports(browse, session):
    b = browse("operator.pasuruan")
    position = b.api("POST", "/api/v1/positions", json={"position": "bidang_teknis", "holder_name": "Rina",
                                                        "since": "2025-01-02"})
    assert position.status_code == 201 and position.get_json()["since"] == "2025-01-02"
    pid = position.get_json()["id"]
    ended = b.api("PATCH", f"/api/v1/positions/{pid}", json={"until": "2025-12-31", "version": 1})
    assert ended.get_json()["until"] == "2025-12-31" and ended.get_json()["holder_name"] == "Rina"
    assert b.api("DELETE", f"/api/v1/positions/{pid}").status_code == 204
    report = b.api("POST", "/api/v1/financial-reports", json={"year": 2019, "budget_plan": True})
    assert report.status_code == 201
    duplicate = b.api("POST", "/api/v1/financial-reports", json={"year": 2019})
    assert duplicate.status_code == 409 and duplicate.get_json()["field"] == "year"
    listed = b.get("/api/v1/funding-sources?year=abc")
    assert listed.status_code == 422 and listed.get_json()["field"] == "year"
    assert b.get(f"/api/v1/funding-sources?year={date.today().year}").get_json()["total"] >= 2


def test_bearer_token_clients_use_the_same_checks(demo, client):
    from lpks.extensions import db
    from lpks.platform.services.tokens import create_token

    with demo.app_context():
        _token, plain = create_token(db.session, "operator.pasuruan")
        db.session.commit()
    headers = {"Authorization": f"Bearer {plain}"}
    created = client.post("/api/v1/staff", json={"name": "Via Token", "function": "supir"}, headers=headers)
    assert created.status_code == 201
    bad = client.post("/api/v1/staff", json={"name": "Via Token", "function": "pilot"}, headers=headers)
    assert bad.status_code == 422 and bad.get_json()["field"] == "function"
