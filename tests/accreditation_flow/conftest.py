"""Helpers of the accreditation flow tests: logins, CSRF headers, and assessments driven through the API."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from lpks.accreditation.models import Assessment
from lpks.registry.models.institution import Institution
from tests.conftest import csrf_token, login

PASURUAN = "LPKS Bina Harapan Kota Pasuruan"
TARUNA = "LPKS Taruna Mandiri Pasuruan"  # Kabupaten Pasuruan (35.14): the demo left it proposed
PELITA = "LPKS Pelita Jakarta Selatan"  # the demo left it recommended
FORWARD = ("propose", "recommend", "designate")
ROLES = {"operator_lpks": "operator.pasuruan", "dinsos_kabkota": "dinsos.pasuruan",
         "dinsos_provinsi": "dinsos.jatim", "kemensos": "kemensos"}


def institution_id(session, name: str) -> int:
    return session.scalar(select(Institution.id).where(Institution.name == name))


class Api:
    """A logged-in API client that sends the CSRF header with each write."""

    def __init__(self, client, username: str):
        self.client = client
        login(client, username)
        self.token = csrf_token(client, "/account/")

    def get(self, path: str, **kw):
        return self.client.get("/api/v1" + path, **kw)

    def post(self, path: str, body: dict | None = None):
        return self.client.post("/api/v1" + path, json=body or {}, headers={"X-CSRFToken": self.token})

    def put(self, path: str, body: dict):
        return self.client.put("/api/v1" + path, json=body, headers={"X-CSRFToken": self.token})

    def step(self, ident: int, action: str, *, accept: bool = True, **extra):
        """Take a step; before a forward one the reviewer first records a reason for every answer the registry
        contradicts, as RULES §3 requires (accept=False leaves them open)."""
        if accept and action in FORWARD:
            accept_conflicts(self, ident)
        version = self.get(f"/accreditation/assessments/{ident}").get_json()["version"]
        return self.post(f"/accreditation/assessments/{ident}/transitions",
                         {"action": action, "version": version, **extra})


@pytest.fixture
def api(demo, app):
    """api(username) → a fresh logged-in API client."""
    return lambda username: Api(app.test_client(), username)


def answer_all(api_client: Api, ident: int, answer: str = "terpenuhi", evidence: str = "Arsip no. 12") -> dict:
    """Answer every indicator of an assessment (with evidence) through the API."""
    detail = api_client.get(f"/accreditation/assessments/{ident}").get_json()
    instrument = api_client.get(f"/accreditation/instruments/{detail['instrument_id']}").get_json()
    answers = {ind["code"]: {"answer": answer, "evidence": evidence}
               for aspect in instrument["aspects"] for ind in aspect["indicators"]}
    response = api_client.put(f"/accreditation/assessments/{ident}/answers",
                              {"version": detail["version"], "answers": answers})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def started(api, answer: str = "terpenuhi") -> int:
    """A self-assessment of LPKS Bina Harapan, every indicator answered: its id."""
    operator = api("operator.pasuruan")
    created = operator.post("/accreditation/assessments", {})
    assert created.status_code == 201, created.get_json()
    answer_all(operator, created.get_json()["id"], answer)
    return created.get_json()["id"]


def to_state(api, ident: int, state: str, **designation) -> None:
    """Move a complete self-assessment of Bina Harapan forward to `state` through the API."""
    path = [("operator.pasuruan", "submit", "submitted"), ("dinsos.pasuruan", "propose", "proposed"),
            ("dinsos.jatim", "recommend", "recommended"), ("kemensos", "designate", "designated")]
    for username, action, reached in path:
        extra = designation if action == "designate" else {}
        if action == "designate":
            extra = {"decree_number": "001/HUK/2026", "decree_date": _today(), **designation}
        response = api(username).step(ident, action, **extra)
        assert response.status_code == 200, (action, response.get_json())
        if reached == state:
            return


def accept_conflicts(reviewer: Api, ident: int, reason: str = "Diperiksa di lapangan: dokumen asli ada.") -> int:
    """The reviewer records a reason for every answer the registry contradicts (RULES §3); how many it did."""
    detail = reviewer.get(f"/accreditation/assessments/{ident}").get_json()
    recorded = 0
    for conflict in detail.get("registry_conflicts", []):
        if conflict["reason"] is None:
            response = reviewer.post(f"/accreditation/assessments/{ident}/conflict-reasons",
                                     {"indicator": conflict["indicator"], "reason": reason})
            if response.status_code != 201:  # not this reviewer's turn: the step itself answers why
                break
            recorded += 1
    return recorded


def _today() -> str:
    from lpks.platform.clock import today

    return today().isoformat()


def assessment(session, ident: int) -> Assessment:
    session.rollback()
    return session.get(Assessment, ident)


def hidden_codes(html: str) -> list[str]:
    return re.findall(r'name="indicator" value="([^"]+)"', html)
