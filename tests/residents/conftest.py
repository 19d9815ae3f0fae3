"""Fixtures of the residents tests: a fixed clock, the demo, API helpers and factories."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from lpks.registry.models.institution import Institution
from tests.conftest import csrf_token, login

JAKARTA = ZoneInfo("Asia/Jakarta")
PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
SURABAYA = "UPT Rehabilitasi Sosial Anak Surabaya"
JAKARTA_LPKS = "LPKS Tunas Bangsa Jakarta Timur"


def set_today(monkeypatch, day: date, at: time = time(10, 0)) -> None:
    """Fix the services' clock to `day` at `at` in Jakarta."""
    from lpks.platform import clock

    moment = datetime.combine(day, at, tzinfo=JAKARTA)
    monkeypatch.setattr(clock, "now", lambda: moment)


@pytest.fixture
def clock(monkeypatch):
    """Call clock(date[, time]) to fix today; defaults to Monday 11 August 2025, 10:00 WIB."""
    def fix(day: date = date(2025, 8, 11), at: time = time(10, 0)) -> date:
        set_today(monkeypatch, day, at)
        return day
    fix()
    return fix


@pytest.fixture
def seeded(demo):
    """The demo plus the holiday calendar of 2024–2026 (boundary tests use fixed dates)."""
    from lpks.extensions import db
    from lpks.platform.services import holidays

    with demo.app_context():
        holidays.seed(db.session, [2024, 2025, 2026])
        db.session.commit()
    return demo


def institution_id(session, name: str = PASURUAN_CITY) -> int:
    return session.scalar(select(Institution.id).where(Institution.name == name))


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
        return self.client.post("/api/v1" + path, json=body or {}, headers={"X-CSRFToken": self.token})

    def patch(self, path, body):
        return self.client.patch("/api/v1" + path, json=body, headers={"X-CSRFToken": self.token})

    def delete(self, path):
        return self.client.delete("/api/v1" + path, headers={"X-CSRFToken": self.token})


@pytest.fixture
def operator(seeded, client):
    return Api(client, "operator.pasuruan")


def child(offence: date = date(2025, 7, 1), **extra) -> dict:
    """A valid Anak aged 15 on the offence date."""
    return {"full_name": "Budi Santoso", "birth_date": (offence - timedelta(days=15 * 366)).isoformat(),
            "sex": "laki_laki", "kind": "anak", "offence_date": offence.isoformat(),
            "offence_description": "Pencurian", "address": "Jl. Melati 1", "parent_guardian": "Slamet", **extra}


def make_resident(api: Api, **extra) -> dict:
    response = api.post("/residents", child(**extra))
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def make_placement(api: Api, basis: str = "titipan", resident: dict | None = None, **extra) -> dict:
    resident = resident or make_resident(api)
    body = {"resident_id": resident["id"], "basis": basis, "start_date": "2025-08-11", **extra}
    if basis == "titipan":
        body.setdefault("conditions", ["keamanan_anak"])
    if basis == "pre_process":
        body.setdefault("conditions", ["tindak_pidana_ringan"])
    if basis == "court_decision":
        body.setdefault("months", 6)
    response = api.post("/placements", body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


DOCUMENT_DATE = "2025-08-01"  # the letters' date: before every clock the tests set (RULES §4: never in the future)


def file_all(api: Api, placement: dict, skip: tuple[str, ...] = (), received_at: str | None = None) -> dict:
    body = None
    for doc in placement["documents"]:
        if doc["code"] in skip or doc["code"] == "laporan_litmas" or doc["on_file"]:
            continue
        extra = {"received_at": received_at} if received_at else {}
        response = api.post(f"/placements/{placement['id']}/documents",
                            {"code": doc["code"], "number": "1", "dated": DOCUMENT_DATE, **extra})
        assert response.status_code == 201, response.get_json()
        body = response.get_json()
    return body


def open_custody(api: Api, placement: dict, **extra) -> dict:
    body = {"level": "penyidikan", "start_date": "2025-08-11", "granted_days": 7, "letter_number": "SP/1",
            "depositor_agency": "Polres Pasuruan Kota", "depositor_superior": "Kapolda Jawa Timur", **extra}
    response = api.post(f"/placements/{placement['id']}/custody-periods", body)
    assert response.status_code == 201, response.get_json()
    return response.get_json()


MEETING = {"held_on": "2025-08-08", "place": "Pusat Kesejahteraan Sosial Kelurahan Bugul Kidul",
           "initiator": "peksos", "initiator_name": "Siti Rahmawati",
           "participants": ["anak_keluarga", "korban_keluarga", "tokoh_masyarakat", "tokoh_agama", "aparatur_desa"],
           "outcome": "Anak ditempatkan di LPKS untuk rehabilitasi sosial selama 3 bulan; ganti rugi dibayar keluarga."}


def record_meeting(api: Api, placement: dict, **extra) -> dict:
    """The Pasal 14 meeting's agreement, recorded before admission (RULES §4 Basis e)."""
    response = api.post(f"/placements/{placement['id']}/meeting", {**MEETING, **extra})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def admitted(api: Api, basis: str = "titipan", **extra) -> dict:
    placement = make_placement(api, basis, **extra)
    file_all(api, placement)
    if basis == "titipan":
        open_custody(api, placement)
    if basis == "pre_process":
        record_meeting(api, placement)
    response = api.post(f"/placements/{placement['id']}/admit", {})
    assert response.status_code == 200, response.get_json()
    return response.get_json()


def peksos_id(api: Api) -> int:
    """A Pekerja Sosial Profesional of the operator's LPKS (progress reports are theirs, Pasal 13 ayat 5)."""
    staff = api.get("/staff?page_size=100").get_json()["items"]
    return next(member["id"] for member in staff if member["function"] == "peksos")


def assessment(api: Api, good: bool, **extra) -> dict:
    """A progress report's body: the behaviour assessment parole reads is the latest report's (RULES §4)."""
    return {"behaviour_good": good, "author_id": peksos_id(api), "summary": "Mengikuti program dengan tertib.",
            **extra}
