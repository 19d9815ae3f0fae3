"""Every workflow step by every role through the API, allowed and refused, with who/when/why recorded."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.accreditation.models import AssessmentEvent
from lpks.platform.models.audit import AuditLog

from .conftest import ROLES, assessment, started, to_state

ACTIONS = ["submit", "cancel", "return", "propose", "return_to_kabkota", "recommend", "return_to_province",
           "designate", "expire", "supersede"]
OWNER = {"submit": "operator_lpks", "cancel": "operator_lpks", "return": "dinsos_kabkota",
         "propose": "dinsos_kabkota", "return_to_kabkota": "dinsos_provinsi", "recommend": "dinsos_provinsi",
         "return_to_province": "kemensos", "designate": "kemensos"}
FROM = {"submit": ("draft",), "cancel": ("draft",), "return": ("submitted",), "propose": ("submitted",),
        "return_to_kabkota": ("proposed",), "recommend": ("proposed",), "return_to_province": ("recommended",),
        "designate": ("recommended",)}
TARGET = {"submit": "submitted", "cancel": "cancelled", "return": "returned", "propose": "proposed",
          "return_to_kabkota": "submitted", "recommend": "recommended", "return_to_province": "proposed",
          "designate": "designated"}
BODY = {"note": "Alasan tertulis", "decree_number": "KEP-7/2026"}


def _expected(action: str, role: str, state: str) -> int:
    if action not in OWNER or role != OWNER[action]:  # expire and supersede are the system's, never a person's
        return 403
    return 200 if state in FROM[action] else 409


@pytest.mark.parametrize("state", ["draft", "submitted", "proposed", "recommended", "designated"])
def test_refused_steps_change_nothing(api, session, state):
    ident = started(api)
    if state != "draft":
        to_state(api, ident, state)
    clients = {role: api(username) for role, username in ROLES.items()}
    for action in ACTIONS:
        for role, client in clients.items():
            expected = _expected(action, role, state)
            if expected == 200:
                continue
            response = client.step(ident, action, **BODY)
            assert response.status_code == expected, (action, role, state, response.get_json())
            assert response.get_json()["field"] == "action"
    assert assessment(session, ident).state == state
    admin = api("admin")  # no accreditation data for the system administrator
    assert admin.get(f"/accreditation/assessments/{ident}").status_code == 404
    assert admin.post(f"/accreditation/assessments/{ident}/transitions",
                      {"action": "submit", "version": 1}).status_code == 404


@pytest.mark.parametrize("action", list(OWNER))
def test_each_allowed_step_by_its_role(api, session, action):
    ident = started(api)
    state = FROM[action][0]
    if state != "draft":
        to_state(api, ident, state)
    client = api(ROLES[OWNER[action]])
    today = __import__("lpks.platform.clock", fromlist=["today"]).today().isoformat()
    response = client.step(ident, action, note="Alasan tertulis", decree_number="KEP-7/2026", decree_date=today)
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["state"] == TARGET[action]
    events = session.scalars(select(AssessmentEvent).where(AssessmentEvent.assessment_id == ident)
                             .order_by(AssessmentEvent.id)).all()
    last = events[-1]
    assert (last.action, last.from_state, last.to_state) == (action, state, TARGET[action])
    assert last.username == ROLES[OWNER[action]] and last.note == "Alasan tertulis" and last.at is not None
    assert session.scalar(select(AuditLog.id).where(AuditLog.object_type == "accreditation_event",
                                                    AuditLog.action == "create", AuditLog.username == last.username))


@pytest.mark.parametrize("action", ["return", "cancel", "return_to_kabkota", "return_to_province"])
def test_a_return_without_reason_is_refused(api, session, action):
    ident = started(api)
    if FROM[action][0] != "draft":
        to_state(api, ident, FROM[action][0])
    response = api(ROLES[OWNER[action]]).step(ident, action, note="  ")
    assert response.status_code == 422 and response.get_json()["field"] == "reason"
    assert assessment(session, ident).state == FROM[action][0]


def test_a_stale_version_is_a_conflict(api, session):
    ident = started(api)
    operator = api("operator.pasuruan")
    response = operator.post(f"/accreditation/assessments/{ident}/transitions", {"action": "submit", "version": 1})
    assert response.status_code == 409 and response.get_json()["field"] == "version"
    missing = operator.post(f"/accreditation/assessments/{ident}/transitions", {"action": "submit"})
    assert missing.status_code == 422 and missing.get_json()["field"] == "version"


def test_the_round_trip_of_returns_keeps_every_step(api, session):
    ident = started(api)
    to_state(api, ident, "submitted")
    assert api("dinsos.pasuruan").step(ident, "return", note="Bukti sarana belum lengkap").status_code == 200
    operator = api("operator.pasuruan")
    assert operator.step(ident, "submit").status_code == 200
    assert api("dinsos.pasuruan").step(ident, "propose").status_code == 200
    assert api("dinsos.jatim").step(ident, "return_to_kabkota", note="Lampirkan berita acara").status_code == 200
    assert api("dinsos.pasuruan").step(ident, "propose").status_code == 200
    assert api("dinsos.jatim").step(ident, "recommend").status_code == 200
    assert api("kemensos").step(ident, "return_to_province", note="Rekomendasi belum ditandatangani").status_code == 200
    history = api("kemensos").get(f"/accreditation/assessments/{ident}/events").get_json()["items"]
    assert [e["action"] for e in history] == ["start", "submit", "return", "submit", "propose", "return_to_kabkota",
                                              "propose", "recommend", "return_to_province"]
    assert history[2]["note"] == "Bukti sarana belum lengkap" and history[2]["username"] == "dinsos.pasuruan"


def test_submitting_needs_every_answer_and_evidence(api, session):
    operator = api("operator.pasuruan")
    created = operator.post("/accreditation/assessments", {}).get_json()
    ident = created["id"]
    # The default instrument pre-fills every indicator from the registry; clearing one leaves it unanswered.
    code = next(iter(created["answers"]))
    cleared = operator.put(f"/accreditation/assessments/{ident}/answers",
                           {"version": created["version"], "answers": {code: {"answer": None}}}).get_json()
    assert cleared["missing"] == [code] and cleared["band_grade"] is None
    incomplete = operator.step(ident, "submit")
    assert incomplete.status_code == 422 and incomplete.get_json()["field"] == "answers"
    assert code in incomplete.get_json()["message"]
    # An answer of its own that earns points needs evidence; the registry's answers do not.
    claimed = operator.put(f"/accreditation/assessments/{ident}/answers",
                           {"version": cleared["version"], "answers": {code: {"answer": "terpenuhi"}}}).get_json()
    assert claimed["answers"][code]["source"] in ("self", "registry")
    if claimed["answers"][code]["source"] == "registry":  # the registry says terpenuhi: claim less than it says
        claimed = operator.put(f"/accreditation/assessments/{ident}/answers", {
            "version": claimed["version"], "answers": {code: {"answer": "sebagian"}}}).get_json()
    lacking = operator.step(ident, "submit")
    assert lacking.status_code == 422 and lacking.get_json()["field"] == "evidence"
    operator.put(f"/accreditation/assessments/{ident}/answers", {
        "version": claimed["version"], "answers": {code: {"answer": claimed["answers"][code]["answer"],
                                                         "evidence": "SK pengurus no. 4/2025"}}})
    assert operator.step(ident, "submit").status_code == 200


def test_one_open_assessment_per_lpks(api, session):
    started(api)
    again = api("operator.pasuruan").post("/accreditation/assessments", {})
    assert again.status_code == 409 and again.get_json()["field"] == "institution_id"
    assert api("dinsos.pasuruan").post("/accreditation/assessments", {"institution_id": 1}).status_code == 403
