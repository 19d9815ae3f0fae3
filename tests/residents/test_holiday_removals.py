"""Dates Kementerian Sosial removed from the calendar stay removed: seeding again never brings them back."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from lpks.platform.models.holiday import Holiday, HolidayRemoval
from lpks.residents.models.custody import CustodyPeriod
from tests.conftest import csrf_token, login

from .conftest import Api, admitted


def _days(session) -> set[date]:
    session.rollback()
    return set(session.scalars(select(Holiday.day)))


def _seed_in_the_web(client, years: str = "2025") -> str:
    token = csrf_token(client, "/admin/holiday/")
    return client.post("/admin/holiday/seed/", data={"csrf_token": token, "years": years},
                       follow_redirects=True).get_data(as_text=True)


def test_a_removed_seeded_date_is_not_seeded_again(seeded, client, session):
    kemensos = Api(client, "kemensos")
    session.rollback()
    holiday = session.scalar(select(Holiday).where(Holiday.day == date(2025, 8, 18)))
    assert holiday.source == "seeded"
    assert kemensos.delete(f"/holidays/{holiday.id}").status_code == 200
    assert date(2025, 8, 18) not in _days(session)
    page = _seed_in_the_web(client)
    assert "0 tanggal ditambahkan" in page
    assert date(2025, 8, 18) not in _days(session)
    listed = [item["date"] for item in kemensos.get("/holidays?year=2025&per_page=100").get_json()["items"]]
    assert "2025-08-18" not in listed
    assert session.scalar(select(HolidayRemoval.name).where(HolidayRemoval.day == date(2025, 8, 18)))


def test_a_moved_seeded_date_is_not_seeded_again_at_its_old_place(seeded, client, session):
    kemensos = Api(client, "kemensos")
    session.rollback()
    holiday = session.scalar(select(Holiday).where(Holiday.day == date(2025, 8, 18)))
    moved = kemensos.patch(f"/holidays/{holiday.id}", {"date": "2025-08-19", "version": holiday.version})
    assert moved.status_code == 200 and moved.get_json()["version"] == holiday.version + 1
    _seed_in_the_web(client)
    days = _days(session)
    assert date(2025, 8, 19) in days and date(2025, 8, 18) not in days


def test_seed_service_counts_removed_dates_and_removal_still_counts_in_every_computation(seeded, client, session,
                                                                                          clock, operator):
    from lpks.extensions import db
    from lpks.platform.services import holidays

    clock(date(2025, 8, 11))
    period = admitted(operator, "titipan", start_date="2025-08-11")["custody_periods"][0]
    kemensos = Api(client, "kemensos")
    added = kemensos.post("/holidays", {"date": "2025-08-14", "name": "Libur tambahan", "kind": "national"})
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).notice_deadline == date(2025, 8, 13)
    assert kemensos.delete(f"/holidays/{added.get_json()['id']}").status_code == 200
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).notice_deadline == date(2025, 8, 14)
    seeded_17 = session.scalar(select(Holiday).where(Holiday.day == date(2025, 8, 17)))
    assert kemensos.delete(f"/holidays/{seeded_17.id}").status_code == 200
    with seeded.app_context():
        result = holidays.seed(db.session, [2025])
        db.session.commit()
    assert result.created == 0 and result.removed == 1
    assert date(2025, 8, 17) not in _days(session)


def test_removing_a_date_twice_keeps_one_record(seeded, client, session):
    login(client, "kemensos")
    kemensos = Api(client, "kemensos")
    first = kemensos.post("/holidays", {"date": "2025-09-01", "name": "Percobaan", "kind": "national"}).get_json()
    assert kemensos.delete(f"/holidays/{first['id']}").status_code == 200
    again = kemensos.post("/holidays", {"date": "2025-09-01", "name": "Percobaan", "kind": "national"})
    assert again.status_code == 201
    assert date(2025, 9, 1) in _days(session)
    assert kemensos.delete(f"/holidays/{again.get_json()['id']}").status_code == 200
    session.rollback()
    assert len(session.scalars(select(HolidayRemoval).where(HolidayRemoval.day == date(2025, 9, 1))).all()) == 1
