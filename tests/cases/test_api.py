"""The case API: scope (one policy, 404 out of scope), initials by default, the audited identity, 422 naming the
field in Indonesian, and a case taken through its stages with its tasks."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog

from tests.openapi_check import resolved

from .conftest import JAKARTA_EAST, TODAY, Api


def seed(world, **kwargs):
    child, case = world.admit(**kwargs)
    world.session.commit()
    return child, case


def test_list_and_detail_show_initials_and_the_stage_and_tasks(site, client):
    child, case = seed(site, name="Kirana Purnamasari")
    api = Api(client, "operator.pasuruan")
    listed = api.get("/cases?per_page=100").get_json()
    row = next(r for r in listed["items"] if r["id"] == case.id)
    assert row["child"]["initials"] == "K.P." and row["stage"] == "pendekatan_awal" and row["upcoming"] == 1
    detail = api.get(f"/cases/{case.id}")
    assert detail.status_code == 200
    data = detail.get_json()
    assert data["stage"] == "pendekatan_awal" and len(data["stages"]) == 7
    assert data["tasks"] == [{"kind": "asesmen", "label": "Asesmen diselesaikan", "item_id": case.id,
                              "case_id": case.id, "due_on": (TODAY + timedelta(days=4)).isoformat(),
                              "state": "upcoming", "child": None, "case_manager": None, "institution": None}]
    assert "Kirana" not in detail.get_data(as_text=True) and "Kirana" not in api.get("/cases").get_data(as_text=True)


def test_filters_stage_manager_overdue_and_search(site, client, clock):
    _a, first = seed(site, name="Anak Satu", register_number="REG-SATU")
    _b, second = seed(site, name="Bocah Dua", register_number="REG-DUA")
    api = Api(client, "operator.pasuruan")
    response = api.patch(f"/cases/{first.id}", {"case_manager_id": site.peksos.id, "version": first.version})
    assert response.status_code == 200, response.get_json()
    managed = api.get(f"/cases?case_manager_id={site.peksos.id}&per_page=100").get_json()["items"]
    assert first.id in {r["id"] for r in managed} and second.id not in {r["id"] for r in managed}
    assert {r["case_manager"] for r in managed} == {site.peksos.name}
    assert [r["id"] for r in api.get("/cases?q=REG-DUA").get_json()["items"]] == [second.id]
    assert {r["id"] for r in api.get("/cases?q=B.D.").get_json()["items"]} == {second.id}
    assert not {first.id, second.id} & {r["id"] for r in api.get("/cases?overdue=1&per_page=100").get_json()["items"]}
    clock(TODAY + timedelta(days=5))  # the assessments were due on day 4
    overdue = {r["id"] for r in api.get("/cases?overdue=1&per_page=100").get_json()["items"]}
    assert {first.id, second.id} <= overdue
    in_assessment = api.get("/cases?stage=asesmen&per_page=100").get_json()["items"]
    assert in_assessment and all(r["stage"] == "asesmen" for r in in_assessment)
    assert not {first.id, second.id} & {r["id"] for r in in_assessment}


def test_out_of_scope_is_404_and_the_dinas_sosial_reads_but_does_not_write(site, client):
    _c, inside = seed(site)
    _d, outside = seed(site, institution=site.lpks(JAKARTA_EAST), name="Luar Jakarta")
    api = Api(client, "operator.pasuruan")
    assert api.get(f"/cases/{outside.id}").status_code == 404
    assert api.patch(f"/cases/{outside.id}", {"note": "x", "version": 1}).status_code == 404
    assert api.get(f"/cases/{outside.id}/assessments").status_code == 404
    dinsos = Api(client, "dinsos.pasuruan")
    assert dinsos.get(f"/cases/{inside.id}").status_code == 200
    assert dinsos.get(f"/cases/{outside.id}").status_code == 404
    assert dinsos.patch(f"/cases/{inside.id}", {"note": "x", "version": inside.version}).status_code == 403
    assert dinsos.get(f"/cases/{inside.id}").get_json()["allowed_actions"] == []


def test_identity_reveal_is_audited_and_only_for_identity_roles(site, client, session):
    child, case = seed(site, name="Larasati Wulandari")
    api = Api(client, "operator.pasuruan")
    before = session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_identity"))
    response = api.get(f"/cases/{case.id}/identity")
    assert response.status_code == 200 and response.get_json()["full_name"] == "Larasati Wulandari"
    session.rollback()
    assert session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_identity")) == \
        before + 1
    assert Api(client, "dinsos.jatim").get(f"/cases/{case.id}/identity").status_code == 403


def test_bad_bodies_name_the_field_in_indonesian(site, client):
    _c, case = seed(site)
    api = Api(client, "operator.pasuruan")
    api.patch(f"/cases/{case.id}", {"case_manager_id": site.peksos.id, "version": case.version})
    response = api.post(f"/cases/{case.id}/stages", {"stage": "pendekatan_awal", "activities": ["terbang"]})
    assert response.status_code == 422 and response.get_json()["field"] == "activities.0"
    assert "Kegiatan harus salah satu dari" in response.get_json()["message"]
    response = api.post(f"/cases/{case.id}/conferences", {"held_on": "kemarin", "participants": [], "extra": 1})
    body = response.get_json()
    assert response.status_code == 422
    assert {e["field"] for e in body["errors"]} == {"held_on", "conclusions", "participants", "extra"}
    assert "Tanggal temu bahas harus tanggal yang sah" in body["message"]
    assert api.post(f"/cases/{case.id}/services", {"form": "sulap", "description": "x", "due_on": "2025-08-20"}
                    ).get_json()["field"] == "form"
    response = api.patch(f"/cases/{case.id}", {"case_manager_id": site.tks.id, "version": case.version + 1})
    assert response.status_code == 422 and response.get_json()["field"] == "case_manager_id"
    assert "Pekerja Sosial Profesional" in response.get_json()["message"]


def test_a_case_through_the_api(site, client):
    _c, case = seed(site)
    api = Api(client, "operator.pasuruan")
    assert api.patch(f"/cases/{case.id}", {"case_manager_id": site.peksos.id, "version": case.version}
                     ).status_code == 200
    stages = api.get(f"/cases/{case.id}/stages").get_json()
    response = api.post(f"/cases/{case.id}/stages", {
        "stage": "pendekatan_awal", "complete": True, "version": stages[0]["version"],
        "activities": ["sosialisasi_konsultasi", "identifikasi", "motivasi", "seleksi", "penerimaan"]})
    assert response.status_code == 200 and response.get_json()["stage"] == "asesmen"
    assert api.post(f"/cases/{case.id}/assessments", {"assessed_on": TODAY.isoformat(), "problems": "a", "needs": "b",
                                                      "potentials": "c", "resources": "d"}).status_code == 201
    conference = api.post(f"/cases/{case.id}/conferences", {"held_on": TODAY.isoformat(), "conclusions": "Lanjut",
                                                            "participants": [{"role": "peksos", "name": "X"}]})
    assert conference.status_code == 201 and conference.get_json()["participants"][0]["label"] == \
        "Pekerja Sosial Profesional"
    stages = api.get(f"/cases/{case.id}/stages").get_json()
    done = api.post(f"/cases/{case.id}/stages", {"stage": "asesmen", "complete": True, "version": stages[1]["version"],
                                                 "activities": ["persiapan", "pengumpulan_data", "analisis",
                                                                "temu_bahas_kasus"]}).get_json()
    assert done["stage"] == "rencana"
    assert [(t["kind"], t["due_on"]) for t in done["tasks"]] == [("rencana", (TODAY + timedelta(days=7)).isoformat())]
    service = api.post(f"/cases/{case.id}/services", {"form": "mental_spiritual", "description": "Bimbingan ibadah",
                                                      "provider": "Ustaz Rahman", "due_on": TODAY.isoformat()})
    assert service.status_code == 201 and service.get_json()["pasal"].startswith("Pasal 35 ayat 1 huruf d")
    plan = api.put(f"/cases/{case.id}/plan", {"agreed_on": TODAY.isoformat(),
                                              "needs": [{"priority": 1, "need": "Bimbingan"}]})
    assert plan.status_code == 200 and plan.get_json()["services"][0]["form"] == "mental_spiritual"
    item = service.get_json()
    updated = api.patch(f"/case-services/{item['id']}", {"action": "done", "done_on": TODAY.isoformat(),
                                                         "outcome": "Rutin", "version": item["version"]})
    assert updated.status_code == 200 and updated.get_json()["status"] == "done"


def test_task_list_and_defaults(site, client, clock):
    _c, case = seed(site)
    api = Api(client, "operator.pasuruan")
    upcoming = api.get("/case-tasks?due=upcoming&per_page=100").get_json()
    assert any(t["case_id"] == case.id and t["kind"] == "asesmen" for t in upcoming["items"])
    assert api.get("/case-tasks?due=kemarin").get_json()["field"] == "due"
    defaults = api.get("/case-task-defaults").get_json()
    assert defaults == {"assessment_days": 7, "plan_days": 7, "follow_up_months": [1, 3, 6],
                        "upcoming_within_days": 7, "version": 1}
    change = {"assessment_days": 2, "plan_days": 7, "follow_up_months": [1, 3, 6], "version": 1}
    assert api.put("/case-task-defaults", change).status_code == 403
    kemensos = Api(client, "kemensos")
    assert kemensos.put("/case-task-defaults", change).status_code == 200
    overdue = kemensos.get("/case-tasks?due=overdue&per_page=100").get_json()["items"]
    assert any(t["case_id"] == case.id and t["due_on"] == (TODAY - timedelta(days=1)).isoformat() for t in overdue)


def test_every_case_route_is_in_the_openapi_document(client, demo):
    published = Api(client, "operator.pasuruan").get("/openapi.json").get_json()
    paths = published["paths"]
    for path in ("/api/v1/cases", "/api/v1/cases/{id}", "/api/v1/cases/{id}/stages", "/api/v1/cases/{id}/plan",
                 "/api/v1/cases/{id}/companions", "/api/v1/cases/{id}/follow-ups", "/api/v1/case-tasks"):
        assert path in paths
    body = resolved(published, paths["/api/v1/cases/{id}/conferences"]["post"]["requestBody"]["content"]
                    ["application/json"]["schema"])
    assert body["properties"]["participants"]["items"]["properties"]["role"]["enum"][0] == "peksos"
