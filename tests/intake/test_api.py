"""The JSON API of Dinas Sosial case handling (RULES §8): a report from receipt to filing through /api/v1/cases and
/cases/{id}/intake, the service-time fields on the case, complaints, the OpenAPI document, and who may do what."""
from __future__ import annotations

from datetime import date

from tests.intake.conftest import Api, intake_body
from tests.openapi_check import resolved


def _register(api, site, **changes):
    body = intake_body(**changes)
    body.setdefault("case_manager_user_id", site.peksos.id)
    return api.post("/cases", body)


def test_a_report_from_receipt_to_filing_through_the_api(site, client, clock):
    peksos = Api(client, "peksos.pasuruan")
    created = _register(peksos, site)
    assert created.status_code == 201, created.get_json()
    case = created.get_json()
    assert (case["origin"], case["stage"], case["received_on"], case["service_deadline"]) == (
        "laporan", "pendekatan_awal", "2025-08-11", "2025-08-19")
    assert case["service_state"] == "due" and case["calendar_missing_years"] == [] and case["route"] is None
    assert case["child"]["initials"] == "R.P.P." and "full_name" not in case["child"]
    assert "Raka" not in created.get_data(as_text=True) and "Ibu Sri" not in created.get_data(as_text=True)
    ident = case["id"]
    intake = case["intake"]
    assert intake["next_step"] == "pendataan_asesmen" and "record_step" in intake["allowed_actions"]

    for body in ({"step": "pendataan_asesmen", "done_on": "2025-08-11", "problems": "a", "needs": "b",
                  "potentials": "c", "resources": "d"},
                 {"step": "case_conference", "done_on": "2025-08-11", "conclusions": "Ringan",
                  "conference_participants": [{"role": "peksos"}]}):
        answer = peksos.post(f"/cases/{ident}/intake/steps", body)
        assert answer.status_code == 200, answer.get_json()
    answer = peksos.post(f"/cases/{ident}/intake/route", {"offence_severity": "ringan",
                                                          "version": answer.get_json()["version"]})
    assert answer.get_json()["route_label"].startswith("Keadilan restoratif")
    answer = peksos.post(f"/cases/{ident}/intake/products", {"kind": "berita_acara", "number": "BA/7/2025"})
    assert answer.status_code == 200
    clock(date(2025, 8, 12))
    answer = peksos.post(f"/cases/{ident}/intake/steps", {
        "step": "musyawarah_pasal_14", "done_on": "2025-08-12", "participants": ["anak_keluarga", "peksos_tks"],
        "care_decision": "orang_tua_wali", "rehabilitation_forms": ["sosial_konseling"], "outcome": "Sepakat"})
    assert answer.status_code == 200, answer.get_json()
    answer = peksos.post(f"/cases/{ident}/intake/monitoring", {"monitored_on": "2025-08-12", "findings": "Baik",
                                                               "goal_reached": True})
    assert answer.status_code == 200
    detail = peksos.get(f"/cases/{ident}").get_json()
    assert (detail["stage"], detail["service_product_issued_on"], detail["days_taken"], detail["service_state"]) == (
        "intervensi", "2025-08-11", 0, "on_time")
    answer = peksos.post(f"/cases/{ident}/termination", {"reason": "completed", "version": detail["version"]})
    assert answer.status_code == 200 and answer.get_json()["stage"] == "terminasi"
    assert peksos.post(f"/cases/{ident}/intake/report", {"summary": "Selesai"}).status_code == 200

    datin = Api(client, "datin.pasuruan")
    version = datin.get(f"/cases/{ident}/intake").get_json()["report"]["version"]
    answer = datin.post(f"/cases/{ident}/intake/report/filing", {"archive_number": "ARS/9", "version": version})
    assert answer.status_code == 200 and answer.get_json()["report"]["filed_on"] == "2025-08-12"
    assert datin.get(f"/cases/{ident}").get_json()["closed_on"] == "2025-08-12"


def test_refusals_name_the_field_and_keep_the_order(site, client):
    peksos = Api(client, "peksos.pasuruan")
    answer = _register(peksos, site, child={"birth_date": "2005-01-01"})
    assert answer.status_code == 422 and "child.birth_date" in str(answer.get_json())
    answer = _register(peksos, site, origin="undangan_rj", reporter_kind="anak")
    assert answer.status_code == 422 and "reporter_kind" in str(answer.get_json())
    answer = _register(peksos, site, received_on="kemarin")
    assert answer.status_code == 422 and "received_on" in str(answer.get_json())
    ident = _register(peksos, site).get_json()["id"]
    answer = peksos.post(f"/cases/{ident}/intake/route", {"offence_severity": "ringan", "version": 1})
    assert answer.status_code == 422  # the path first
    answer = peksos.post(f"/cases/{ident}/intake/steps", {"step": "case_conference", "done_on": "2025-08-11",
                                                          "conclusions": "x", "conference_participants": [
                                                              {"role": "peksos"}]})
    assert answer.status_code == 422 and answer.get_json()["field"] == "step"


def test_who_may_do_what(site, client):
    peksos = Api(client, "peksos.pasuruan")
    ident = _register(peksos, site).get_json()["id"]
    assert peksos.get(f"/cases/{ident}/identity").get_json()["reporter_name"] == "Ibu Sri"

    general = Api(client, "dinsos.pasuruan")
    assert general.get(f"/cases/{ident}").status_code == 200  # the office reads its cases (initials)
    assert general.get(f"/cases/{ident}/identity").status_code == 403
    assert _register(general, site).status_code == 403
    assert general.post("/residents", {"full_name": "X"}).status_code == 403  # residents stay the LPKS's

    other = Api(client, "peksos2.pasuruan")
    assert other.post(f"/cases/{ident}/intake/steps", {"step": "pendataan_asesmen"}).status_code == 403
    assert other.get(f"/cases/{ident}/identity").status_code == 403

    province = Api(client, "dinsos.jatim")
    assert province.get(f"/cases/{ident}").get_json()["child"]["initials"] == "R.P.P."
    assert province.get(f"/cases/{ident}/identity").status_code == 403
    assert province.post(f"/cases/{ident}/intake/monitoring", {}).status_code == 403

    for username in ("operator.pasuruan", "peksos.kabpasuruan"):
        stranger = Api(client, username)
        assert stranger.get(f"/cases/{ident}").status_code == 404
        assert stranger.get(f"/cases/{ident}/intake").status_code == 404
    assert Api(client, "admin").get(f"/cases/{ident}/intake").status_code in (403, 404)


def test_the_list_filters_by_channel_and_service_time(site, client, clock):
    peksos = Api(client, "peksos.pasuruan")
    ident = _register(peksos, site).get_json()["id"]
    lpks_case = Api(client, "operator.pasuruan").get("/cases?origin=penempatan_lpks").get_json()["items"]
    assert lpks_case and all(row["received_on"] is None for row in lpks_case)
    peksos = Api(client, "peksos.pasuruan")
    rows = peksos.get("/cases?origin=laporan&service=due").get_json()["items"]
    assert ident in [row["id"] for row in rows]
    row = next(r for r in rows if r["id"] == ident)
    assert (row["service_deadline"], row["service_state"], row["case_manager"]) == (
        "2025-08-19", "due", "Peksos Dinas Sosial Kota Pasuruan")
    clock(date(2025, 8, 20))
    assert ident not in [r["id"] for r in peksos.get("/cases?service=due").get_json()["items"]]
    assert ident in [r["id"] for r in peksos.get("/cases?service=overdue").get_json()["items"]]


def test_complaints(site, client, clock):
    datin = Api(client, "datin.pasuruan")
    created = datin.post("/complaints", {"channel": "whatsapp", "received_on": "2025-08-11",
                                         "subject": "Belum ada kunjungan"})
    assert created.status_code == 201, created.get_json()
    complaint = created.get_json()
    assert (complaint["answer_due"], complaint["state"]) == ("2025-08-19", "due")
    answer = datin.patch(f"/complaints/{complaint['id']}", {"answer": "Kunjungan 12 Agustus",
                                                            "answered_on": "2025-08-11", "version": 1})
    assert answer.status_code == 200 and answer.get_json()["state"] == "answered"
    assert datin.get("/complaints?state=answered").get_json()["total"] >= 1
    bad = datin.post("/complaints", {"channel": "surat", "received_on": "2025-08-11", "subject": "x"})
    assert bad.status_code == 422 and "channel" in str(bad.get_json())
    assert Api(client, "peksos.pasuruan").post("/complaints", {"channel": "lapor", "received_on": "2025-08-11",
                                                                "subject": "x"}).status_code == 403
    assert Api(client, "dinsos.jatim").get(f"/complaints/{complaint['id']}").status_code == 200
    assert Api(client, "peksos.kabpasuruan").get(f"/complaints/{complaint['id']}").status_code == 404
    assert Api(client, "operator.pasuruan").get("/complaints").get_json()["total"] == 0


def test_the_openapi_document_describes_the_procedure(site, client):
    spec = Api(client, "peksos.pasuruan").get("/openapi.json").get_json()
    for path in ("/api/v1/cases/{id}/intake", "/api/v1/cases/{id}/intake/steps", "/api/v1/cases/{id}/intake/route",
                 "/api/v1/complaints", "/api/v1/complaints/{id}", "/api/v1/cases/{id}/intake/products"):
        assert path in spec["paths"], path
    case = resolved(spec, spec["paths"]["/api/v1/cases/{id}"]["get"]["responses"]["200"]["content"]
                    ["application/json"]["schema"])
    for name in ("origin", "received_on", "service_deadline", "service_product_issued_on", "route",
                 "calendar_missing_years"):
        assert name in case["properties"], name
    create = resolved(spec, spec["paths"]["/api/v1/cases"]["post"]["requestBody"]["content"]["application/json"]
                      ["schema"])
    assert any("origin" in option["properties"] for option in create["oneOf"])
