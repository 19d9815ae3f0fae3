"""Every bad input of the assessment API is refused with a message naming its field; nothing is written."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from lpks.accreditation.models import AssessmentAnswer

from .conftest import started, to_state


@pytest.mark.parametrize("answers, field", [
    (None, "answers"), ({}, "answers"), ("terpenuhi", "answers"),
    ({"z.tidak_ada": {"answer": "terpenuhi"}}, "answers"),
    ({"b.visi": {"answer": "sempurna"}}, "answers.b.visi"),
    ({"b.visi": {"answer": "terpenuhi", "evidence": "x" * 2001}}, "answers.b.visi"),
])
def test_bad_answers(api, session, answers, field):
    operator = api("operator.pasuruan")
    detail = operator.post("/accreditation/assessments", {}).get_json()
    before = session.scalar(select(func.count()).select_from(AssessmentAnswer))
    response = operator.put(f"/accreditation/assessments/{detail['id']}/answers",
                            {"version": detail["version"], "answers": answers})
    assert response.status_code == 422 and response.get_json()["field"] == field
    session.rollback()
    assert session.scalar(select(func.count()).select_from(AssessmentAnswer)) == before


@pytest.mark.parametrize("body, field", [
    ({"indicator": "b.visi", "answer": "belum", "reason": ""}, "reason"),
    ({"indicator": "z.tidak_ada", "answer": "belum", "reason": "x"}, "indicator"),
    ({"indicator": "b.visi", "answer": "sempurna", "reason": "x"}, "answer"),
    ({"indicator": "b.visi", "answer": "terpenuhi", "reason": "x"}, "answer"),  # already so: nothing to adjust
])
def test_bad_adjustments(api, session, body, field):
    ident = started(api)
    to_state(api, ident, "submitted")
    local = api("dinsos.pasuruan")
    version = local.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    response = local.post(f"/accreditation/assessments/{ident}/adjustments", {**body, "version": version})
    assert response.status_code == 422 and response.get_json()["field"] == field


@pytest.mark.parametrize("extra, field", [
    ({"decree_number": ""}, "decree_number"), ({"decree_number": "x" * 101}, "decree_number"),
    ({"decree_date": "20-03-2026x"}, "decree_date"), ({"decree_date": ""}, "decree_date"),
    ({"decree_date": "2999-01-01"}, "decree_date"), ({"grade": "E"}, "grade"),
    ({"grade": "C"}, "grade_reason"), ({"note": "x" * 2001}, "note"),
])
def test_bad_designations(api, session, extra, field):
    ident = started(api)
    to_state(api, ident, "recommended")
    response = api("kemensos").step(ident, "designate", **{"decree_number": "KEP-1", "decree_date": "2026-01-05",
                                                           **extra})
    assert response.status_code == 422 and response.get_json()["field"] == field
    assert api("kemensos").get(f"/accreditation/assessments/{ident}").get_json()["state"] == "recommended"


def test_unknown_filters_and_bodies(api):
    kemensos = api("kemensos")
    assert kemensos.get("/accreditation/assessments?state=hilang").get_json()["field"] == "state"
    assert kemensos.get("/accreditation/assessments?institution_id=x").get_json()["field"] == "institution_id"
    response = kemensos.client.post("/api/v1/accreditation/instruments", data="bukan json",
                                    headers={"X-CSRFToken": kemensos.token})
    assert response.status_code == 422 and response.get_json()["field"] == "body"
    unknown = kemensos.step(1, "setujui")
    assert unknown.status_code == 422 and unknown.get_json()["field"] == "action"
