"""Fixtures of the Dinas Sosial case-handling tests: a fixed clock (Monday 11 August 2025, the week of the
Independence Day cuti bersama), the demo's Kota Pasuruan office with its people by function, and a factory that
registers a report or invitation through the real service."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import pytest
from sqlalchemy import select

from lpks.platform.models.user import User
from tests.cases.conftest import JAKARTA, TODAY, Api, refused, set_today  # noqa: F401  (shared with the case tests)

CHILD = {"full_name": "Raka Pratama Putra", "sex": "laki_laki", "birth_date": "2011-03-04",
         "offence_date": "2025-08-01", "offence_description": "Mengambil sepeda tetangga", "address": "Jl. Melati 7",
         "parent_guardian": "Ibu Sri"}


@pytest.fixture
def clock(monkeypatch):
    """Call clock(date) to move today; starts on Monday 11 August 2025."""
    def fix(day: date = TODAY) -> date:
        set_today(monkeypatch, day)
        return day
    fix()
    return fix


def intake_body(**changes) -> dict:
    """A report received today by the Kota Pasuruan office (case manager filled in by Office.register)."""
    body = {"origin": "laporan", "reporter_kind": "orang_tua_wali", "reporter_name": "Ibu Sri",
            "received_on": TODAY.isoformat(), "child": dict(CHILD)}
    child = changes.pop("child", None)
    if child:
        body["child"].update(child)
    body.update(changes)
    return body


@dataclass
class Office:
    """The Dinas Sosial of Kota Pasuruan as the tests use it."""

    app: object
    session: object
    users: dict = field(default_factory=dict)

    def user(self, username: str) -> User:
        if username not in self.users:
            self.users[username] = self.session.scalar(select(User).where(User.username == username))
        return self.users[username]

    @property
    def peksos(self) -> User:
        return self.user("peksos.pasuruan")

    def register(self, by: str = "peksos.pasuruan", **changes):
        from lpks.intake.services import intake

        body = intake_body(**changes)
        body.setdefault("case_manager_user_id", self.peksos.id)
        return intake.register(self.session, self.user(by), body)

    def intake(self, case):
        from lpks.intake.services.common import intake_of

        return intake_of(self.session, case)


def _calendar(app, session) -> None:
    """The holiday calendar of 2025 (the demo seeds the real current years only)."""
    from lpks.platform.services import holidays

    with app.test_request_context():
        holidays.seed(session, [2025])
    session.commit()


@pytest.fixture
def office(demo, app, session, clock):
    """The office inside a request context (messages translated), with the 2025 calendar: for the service tests."""
    _calendar(app, session)
    with app.test_request_context():
        yield Office(app, session)


@pytest.fixture
def site(demo, app, session, clock):
    """The same outside a request context: for tests that send requests."""
    _calendar(app, session)
    return Office(app, session)
