"""Pre-fill: indicators the registry answers are filled from it and show their source; without the registry's
standards function the Institution row alone answers what it can."""
from __future__ import annotations

from sqlalchemy import select

from lpks.accreditation.models import AssessmentAnswer
from lpks.registry.models.institution import Institution
from lpks.registry.services import standards

from .conftest import PASURUAN, institution_id


def test_answers_come_from_the_registry_with_their_source(api, session):
    detail = api("operator.pasuruan").post("/accreditation/assessments", {}).get_json()
    session.rollback()
    inst = session.get(Institution, institution_id(session, PASURUAN))
    report = standards.reports_for(session, [inst])[inst.id]
    answers = detail["answers"]
    assert answers["a.terdaftar"]["source"] == "registry"
    assert answers["a.terdaftar"]["answer"] == report.item("a.terdaftar").status.value
    assert report.item("a.terdaftar").pasal in answers["a.terdaftar"]["reason"]
    assert all(a["source"] == "registry" and a["username"] == "operator.pasuruan" for a in answers.values())
    # A manual item is pre-filled only because a verifier decided it, and says so.
    assert report.item("c.pemahaman_rehsos").decided_by == "verifikator"
    assert "temuan verifikator" in answers["c.pemahaman_rehsos"]["reason"]


def test_without_the_registry_function_the_institution_row_answers(api, session, monkeypatch):
    monkeypatch.delattr(standards, "reports_for")
    detail = api("operator.pasuruan").post("/accreditation/assessments", {}).get_json()
    answers = detail["answers"]
    # The row knows the vision; registrations, staff and facilities it cannot know: not met.
    assert answers["b.visi"]["answer"] == "terpenuhi"
    assert answers["d.teknis.peksos"]["answer"] == "belum"
    # Whether the head understands social rehabilitation (Pasal 58 ayat 2) the registry cannot know: left open.
    assert "c.pemahaman_rehsos" not in answers
    rows = session.scalars(select(AssessmentAnswer).where(AssessmentAnswer.assessment_id == detail["id"])).all()
    assert len(rows) == len(answers)


def test_taking_the_registry_answers_again_keeps_the_lpks_own(api, session):
    operator = api("operator.pasuruan")
    detail = operator.post("/accreditation/assessments", {}).get_json()
    ident = detail["id"]
    own = operator.put(f"/accreditation/assessments/{ident}/answers", {"version": detail["version"], "answers": {
        "b.misi": {"answer": "sebagian", "evidence": "Draf misi 2026"}}}).get_json()
    assert own["answers"]["b.misi"]["source"] in ("self", "registry")
    refreshed = operator.post(f"/accreditation/assessments/{ident}/prefill", {"version": own["version"]}).get_json()
    assert refreshed["answers"]["b.misi"]["answer"] == "sebagian"
