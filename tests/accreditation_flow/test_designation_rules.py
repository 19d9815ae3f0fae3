"""Designation exact to the regulation through the API (issue 12 item 1): no grade for an LPKS whose status or
registration does not hold; the Pasal 56 item is met by the workflow's designation and by nothing else; registry
conflicts are shown to every reviewer and need a reviewer's recorded reason."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from lpks.registry.models.institution import Institution
from lpks.registry.models.registration import Registration

from .conftest import PASURUAN, institution_id, started, to_state


def _without_badan_hukum(session, inst_id):
    session.rollback()  # a fresh transaction after the requests' writes
    inst = session.get(Institution, inst_id)
    inst.formation_kind, inst.kemenkumham_decree_number, inst.kemenkumham_decree_date = "masyarakat", None, None
    session.commit()


def test_a_community_lpks_without_badan_hukum_is_not_designated(api, session):
    inst_id = institution_id(session, PASURUAN)
    ident = started(api)
    _without_badan_hukum(session, inst_id)
    to_state(api, ident, "recommended")
    refused = api("kemensos").step(ident, "designate", decree_number="KEP-9/2026", decree_date=date.today().isoformat())
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "status"
    assert "Pasal 53 ayat (1); Pasal 54 ayat (1)" in body["message"] and "Pasal 56" in body["message"]
    assert api("kemensos").get(f"/accreditation/assessments/{ident}").get_json()["state"] == "recommended"


def test_an_lpks_without_a_registration_in_force_is_not_designated(api, session):
    inst_id = institution_id(session, PASURUAN)
    ident = started(api)
    session.rollback()
    for row in session.scalars(select(Registration).where(Registration.institution_id == inst_id)):
        row.valid_until = date.today() - timedelta(days=1)
    session.commit()
    to_state(api, ident, "recommended")
    refused = api("kemensos").step(ident, "designate", decree_number="KEP-9/2026", decree_date=date.today().isoformat())
    assert refused.status_code == 422 and "Pasal 54 ayat (2)" in refused.get_json()["message"]


def _pasal_56(api, inst_id):
    report = api("kemensos").get(f"/api/v1/institutions/{inst_id}/standards".removeprefix("/api/v1")).get_json()
    return next(item for aspect in report["aspects"] for item in aspect["items"]
                if item["code"] == "a.penetapan_menteri")


def test_the_pasal_56_item_is_met_by_the_workflows_designation_only(api, session):
    inst_id = institution_id(session, PASURUAN)
    assert _pasal_56(api, inst_id)["status"] == "belum"  # the demo's designation expired; the decree was cleared
    kemensos = api("kemensos")
    version = kemensos.get(f"/institutions/{inst_id}").get_json()["version"]
    typed = kemensos.client.patch(f"/api/v1/institutions/{inst_id}", json={
        "designation_decree_number": "KEP-1/2026", "designation_decree_date": "2026-01-05", "version": version},
        headers={"X-CSRFToken": kemensos.token})
    assert typed.status_code == 422 and _pasal_56(api, inst_id)["status"] == "belum"
    ident = started(api)
    to_state(api, ident, "designated", decree_number="KEP-77/2026")
    assert _pasal_56(api, inst_id)["status"] == "terpenuhi"
    profile = kemensos.get(f"/institutions/{inst_id}").get_json()
    assert profile["designation_decree_number"] == "KEP-77/2026"


def test_conflicts_are_shown_to_every_reviewer_and_need_a_reason(api, session):
    ident = started(api)  # every indicator answered "terpenuhi", whatever the registry says
    assert api("operator.pasuruan").step(ident, "submit").status_code == 200
    kabkota = api("dinsos.pasuruan")
    conflicts = kabkota.get(f"/accreditation/assessments/{ident}").get_json()["registry_conflicts"]
    assert conflicts and all(c["registry_answer"] == "belum" and c["reason"] is None for c in conflicts)
    refused = kabkota.step(ident, "propose", accept=False)
    assert refused.status_code == 422 and refused.get_json()["field"] == "conflicts"
    assert conflicts[0]["indicator"] in refused.get_json()["message"]
    operator = api("operator.pasuruan")
    assert operator.post(f"/accreditation/assessments/{ident}/conflict-reasons",
                         {"indicator": conflicts[0]["indicator"], "reason": "x"}).status_code == 403
    empty = kabkota.post(f"/accreditation/assessments/{ident}/conflict-reasons",
                         {"indicator": conflicts[0]["indicator"], "reason": " "})
    assert empty.status_code == 422 and empty.get_json()["field"] == "reason"
    not_one = kabkota.post(f"/accreditation/assessments/{ident}/conflict-reasons",
                           {"indicator": "b.visi", "reason": "x"})
    assert not_one.status_code == 422 and not_one.get_json()["field"] == "indicator"
    assert kabkota.step(ident, "propose").status_code == 200  # records a reason for each, then proposes
    province = api("dinsos.jatim")
    seen = province.get(f"/accreditation/assessments/{ident}").get_json()["registry_conflicts"]
    assert [c["indicator"] for c in seen] == [c["indicator"] for c in conflicts]
    assert all(c["reason"]["username"] == "dinsos.pasuruan" for c in seen)
    assert province.step(ident, "recommend", accept=False).status_code == 200
