"""Fixtures of the case tests: a fixed clock, the demo's Pasuruan LPKS with its operator and social workers, and
factories that admit a child through the real services (the admission opens the case)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.platform.models.user import User
from tests.conftest import csrf_token, login

JAKARTA = ZoneInfo("Asia/Jakarta")
PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
JAKARTA_EAST = "LPKS Tunas Bangsa Jakarta Timur"
TODAY = date(2025, 8, 11)


def set_today(monkeypatch, day: date, at: time = time(10, 0)) -> None:
    """Fix the services' clock to `day` at `at` in Jakarta."""
    from lpks.platform import clock

    moment = datetime.combine(day, at, tzinfo=JAKARTA)
    monkeypatch.setattr(clock, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch):
    """Call clock(date) to move today; starts on Monday 11 August 2025."""
    def fix(day: date = TODAY, at: time = time(10, 0)) -> date:
        set_today(monkeypatch, day, at)
        return day
    fix()
    return fix


@dataclass
class World:
    """The Pasuruan city LPKS as the tests use it."""

    app: object
    session: object
    operator: User
    institution: Institution
    peksos: StaffMember
    tks: StaffMember

    def user(self, username: str) -> User:
        return self.session.scalar(select(User).where(User.username == username))

    def staff(self, function: str, institution: Institution | None = None) -> StaffMember:
        inst = institution or self.institution
        return self.session.scalar(select(StaffMember).where(StaffMember.institution_id == inst.id,
                                                             StaffMember.function == function)
                                   .order_by(StaffMember.id))

    def lpks(self, name: str) -> Institution:
        return self.session.scalar(select(Institution).where(Institution.name == name))

    def admit(self, *args, **kwargs):
        """A resident registered and admitted on a court decision (documents on file): the case opens. Outside a
        request context (API and web tests) the work runs in one of its own, which is then left."""
        from flask import has_request_context

        if has_request_context():
            return self._admit(*args, **kwargs)
        with self.app.test_request_context():
            return self._admit(*args, **kwargs)

    def _admit(self, kind: str = "anak", name: str = "Bayu Aji Nugroho", institution: Institution | None = None,
               handover: datetime | None = None, operator: User | None = None, **resident):
        from lpks.residents.services import placements, admission as placements_admission
        from lpks.residents.services import residents as resident_service

        inst = institution or self.institution
        actor = operator or (self.operator if inst.id == self.institution.id else User(
            username="uji", password_hash="-", role="operator_lpks", institution_id=inst.id, active=True))
        offence = date(2025, 6, 1)
        child = resident_service.create(self.session, actor, {
            "institution_id": inst.id, "kind": kind, "full_name": name, "sex": "laki_laki",
            "birth_date": date(2010, 1, 5), "offence_date": offence if kind == "anak" else None,
            "offence_description": "Pencurian" if kind == "anak" else None, "address": "Jl. Mawar 2",
            "parent_guardian": "Wali Uji", **resident})
        if kind != "anak":
            return child, None
        placement = placements.create(self.session, actor, {"resident_id": child.id, "basis": "court_decision",
                                                             "start_date": TODAY - timedelta(days=3), "months": 6})
        moment = handover or datetime.combine(TODAY - timedelta(days=3), time(9), tzinfo=JAKARTA)
        for code, _label, _pasal in placements_admission.document_choices("court_decision"):
            if code != "laporan_litmas":
                placements_admission.add_document(self.session, actor, placement,
                                                  {"code": code, "number": "U-1", "dated": moment.date(),
                                                   "received_at": moment})
        placements_admission.admit(self.session, actor, placement,
                                   {"handover_at": moment, "over_capacity_reason": "Uji: anak ditempatkan lebih"})
        from lpks.cases.services.cases import open_case_of

        return child, open_case_of(self.session, child.id)


def _world(app, session) -> World:
    inst = session.scalar(select(Institution).where(Institution.name == PASURUAN_CITY))
    operator = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    w = World(app, session, operator, inst, None, None)
    w.peksos, w.tks = w.staff("peksos"), w.staff("tks")
    return w


@pytest.fixture
def world(demo, app, session, clock):
    """The demo's Pasuruan city LPKS, inside a request context (messages are translated), clock fixed: for tests of
    the services."""
    with app.test_request_context():
        yield _world(app, session)


@pytest.fixture
def site(demo, app, session, clock):
    """The same, outside any request context: for tests that send requests (a shared context would share the CSRF
    token and the database session with the requests)."""
    return _world(app, session)


class Api:
    """A logged-in JSON client (cookie session + CSRF header)."""

    def __init__(self, client, username: str):
        self.client = client
        if client.get("/login").status_code == 302:  # someone is logged in on this client: log out first
            client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
        login(client, username)
        self.token = csrf_token(client, "/account/")

    def get(self, path, **kw):
        return self.client.get("/api/v1" + path, **kw)

    def post(self, path, body=None):
        return self.client.post("/api/v1" + path, json=body if body is not None else {},
                                headers={"X-CSRFToken": self.token})

    def put(self, path, body):
        return self.client.put("/api/v1" + path, json=body, headers={"X-CSRFToken": self.token})

    def patch(self, path, body):
        return self.client.patch("/api/v1" + path, json=body, headers={"X-CSRFToken": self.token})


def refused(session, call, *args, **kwargs):
    """The ServiceError a service call raises, its writes undone (a savepoint: the test's earlier work stays)."""
    from lpks.platform.errors import ServiceError

    savepoint = session.begin_nested()
    try:
        call(*args, **kwargs)
    except ServiceError as exc:
        savepoint.rollback()
        return exc
    savepoint.rollback()
    raise AssertionError(f"{getattr(call, '__name__', call)} was not refused")
