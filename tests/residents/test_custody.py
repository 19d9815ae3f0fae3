"""Titipan periods: stored last day and notice deadline, extensions up to the level's maximum, the next level,
the notice (printable, audited), recomputation when the holiday calendar changes, and the dashboard."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.custody import CustodyPeriod
from tests.conftest import csrf_token, login

from .conftest import Api, admitted, make_placement


@pytest.fixture
def titipan(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    return placement, placement["custody_periods"][0]


def test_period_dates_are_computed_and_stored(titipan, session):
    _placement, period = titipan
    assert (period["last_day"], period["notice_deadline"], period["max_days"]) == ("2025-08-17", "2025-08-14", 15)
    session.rollback()
    stored = session.get(CustodyPeriod, period["id"])
    assert (stored.last_day, stored.notice_deadline, stored.total_days) == (date(2025, 8, 17), date(2025, 8, 14), 7)


def test_extensions_up_to_the_maximum(operator, titipan):
    _placement, period = titipan
    ext = {"authority": "Kejaksaan Negeri Kota Pasuruan", "letter_number": "B-1", "days": 8}
    refused = operator.post(f"/custody-periods/{period['id']}/extensions", {**ext, "days": 9})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "days"
    assert "paling lama 15 hari" in body["message"] and "7 + 9" in body["message"]
    ok = operator.post(f"/custody-periods/{period['id']}/extensions", ext).get_json()
    assert (ok["total_days"], ok["last_day"], ok["notice_deadline"]) == (15, "2025-08-25", "2025-08-21")
    assert ok["extensions"][0]["authority"] == "Kejaksaan Negeri Kota Pasuruan"
    more = operator.post(f"/custody-periods/{period['id']}/extensions", {**ext, "days": 1})
    assert more.status_code == 422
    for missing in ("authority", "letter_number"):
        assert operator.post(f"/custody-periods/{period['id']}/extensions",
                             {**ext, missing: ""}).get_json()["field"] == missing


def test_next_level_opens_a_new_period_and_closes_the_previous(operator, titipan):
    placement, period = titipan
    base = {"start_date": "2025-08-18", "granted_days": 5, "depositor_agency": "Kejaksaan Negeri Kota Pasuruan",
            "depositor_superior": "Kepala Kejaksaan Tinggi Jawa Timur"}
    wrong = operator.post(f"/placements/{placement['id']}/custody-periods", {**base, "level": "pengadilan_negeri"})
    assert wrong.status_code == 422 and wrong.get_json()["field"] == "level"
    early = operator.post(f"/placements/{placement['id']}/custody-periods",
                          {**base, "level": "penuntutan", "start_date": "2025-08-11"})
    assert early.get_json()["field"] == "start_date"
    too_long = operator.post(f"/placements/{placement['id']}/custody-periods",
                             {**base, "level": "penuntutan", "granted_days": 11})
    assert too_long.get_json()["field"] == "granted_days" and "Pasal 11 ayat 3 huruf b" in too_long.get_json()["message"]
    ok = operator.post(f"/placements/{placement['id']}/custody-periods", {**base, "level": "penuntutan"})
    assert ok.status_code == 201 and ok.get_json()["last_day"] == "2025-08-22"
    periods = operator.get(f"/placements/{placement['id']}").get_json()["custody_periods"]
    assert [(p["level"], p["status"]) for p in periods] == [("penyidikan", "closed"), ("penuntutan", "open")]
    assert periods[0]["closed_reason"] == "next_level"
    closed = operator.post(f"/custody-periods/{period['id']}/extensions",
                           {"authority": "x", "letter_number": "y", "days": 1})
    assert closed.get_json()["field"] == "status"


def test_custody_only_for_titipan(operator):
    placement = make_placement(operator, "diversi")
    response = operator.post(f"/placements/{placement['id']}/custody-periods",
                             {"level": "penyidikan", "start_date": "2025-08-11", "granted_days": 3,
                              "depositor_agency": "x", "depositor_superior": "y"})
    assert response.status_code == 422 and response.get_json()["field"] == "placement_id"


def test_period_correction_needs_the_version(operator, titipan):
    _placement, period = titipan
    stale = operator.patch(f"/custody-periods/{period['id']}", {"granted_days": 6, "version": 5})
    assert stale.status_code == 409
    # the child is admitted: the days are a fact of the letter, corrected only by citing the corrected letter
    corrected = {"correction_letter_number": "SP.Han/1a", "correction_letter_date": "2025-08-11"}
    ok = operator.patch(f"/custody-periods/{period['id']}", {"granted_days": 6, "version": period["version"],
                                                              **corrected})
    assert ok.get_json()["last_day"] == "2025-08-16" and ok.get_json()["version"] == period["version"] + 1


def test_notice_sent_is_recorded(operator, titipan, clock):
    _placement, period = titipan
    future = operator.post(f"/custody-periods/{period['id']}/notice", {"notice_sent_on": "2025-08-12"})
    assert future.get_json()["field"] == "notice_sent_on"
    ok = operator.post(f"/custody-periods/{period['id']}/notice", {"notice_number": "400/12/LPKS/2025"}).get_json()
    assert ok["notice_sent_on"] == "2025-08-11" and ok["notice_number"] == "400/12/LPKS/2025"


def test_holiday_changes_recompute_open_periods_in_the_same_transaction(seeded, client, session, clock, titipan):
    placement, period = titipan
    kemensos = Api(client, "kemensos")
    created = kemensos.post("/holidays", {"date": "2025-08-14", "name": "Libur tambahan", "kind": "cuti_bersama"})
    assert created.status_code == 201
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).notice_deadline == date(2025, 8, 13)
    holiday = created.get_json()
    moved = kemensos.patch(f"/holidays/{holiday['id']}", {"date": "2025-08-13", "version": holiday["version"]})
    assert moved.status_code == 200
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).notice_deadline == date(2025, 8, 14)
    assert kemensos.delete(f"/holidays/{holiday['id']}").status_code == 200
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).notice_deadline == date(2025, 8, 14)


def test_only_kemensos_edits_the_calendar(seeded, client):
    operator = Api(client, "operator.pasuruan")
    assert operator.get("/holidays?year=2025").get_json()["total"] > 10
    assert operator.post("/holidays", {"date": "2025-08-14", "name": "x"}).status_code == 403
    holiday = operator.get("/holidays?year=2025").get_json()["items"][0]
    assert operator.patch(f"/holidays/{holiday['id']}", {"name": "x", "version": 1}).status_code == 403
    assert operator.delete(f"/holidays/{holiday['id']}").status_code == 403
    assert client.get("/admin/holiday/new/").status_code in (302, 403)


def test_kemensos_edits_the_calendar_in_the_web(seeded, client, session):
    login(client, "kemensos")
    page = client.get("/admin/holiday/").get_data(as_text=True)
    assert "Isi dari kalender bawaan" in page
    token = csrf_token(client, "/admin/holiday/new/")
    created = client.post("/admin/holiday/new/", data={"csrf_token": token, "date": "2025-08-14",
                                                       "name": "Libur tambahan", "kind": "cuti_bersama"})
    assert created.status_code == 302
    duplicate = client.post("/admin/holiday/new/", data={"csrf_token": token, "date": "2025-08-14",
                                                         "name": "Lagi", "kind": "national"})
    assert "sudah ada di kalender" in duplicate.get_data(as_text=True)
    seeded_again = client.post("/admin/holiday/seed/", data={"csrf_token": token, "years": "2025"},
                               follow_redirects=True).get_data(as_text=True)
    assert "0 tanggal ditambahkan" in seeded_again


def test_notice_letter_prints_on_a4_with_the_copy_and_is_an_audited_identity_view(seeded, client, session, titipan):
    placement, period = titipan
    path = f"/admin/placement/print/pemberitahuan/?id={placement['id']}&period={period['id']}"
    assert client.get(path).status_code == 405
    token = csrf_token(client, f"/admin/placement/details/?id={placement['id']}")
    letter = client.post(path, data={"csrf_token": token})
    html = letter.get_data(as_text=True)
    assert letter.status_code == 200 and "residents-print.css" in html and "style=" not in html
    assert "Budi Santoso" in html and "Polres Pasuruan Kota" in html and "Tembusan" in html
    assert "Kapolda Jawa Timur" in html and "17 Agustus 2025" in html and "Pasal 11 ayat (4)" in html
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.action == "view_identity"))
    assert row.fields == "print_pemberitahuan" and row.object_id == str(placement["resident_id"])
    for document in ("bast", "serah-terima-titipan"):
        page = client.post(f"/admin/placement/print/{document}/?id={placement['id']}", data={"csrf_token": token})
        assert page.status_code == 200 and "Budi Santoso" in page.get_data(as_text=True)


def test_province_cannot_print(seeded, client, titipan):
    placement, period = titipan
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    login(client, "dinsos.jatim")
    token = csrf_token(client, "/account/")
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert "Cetak" not in page
    assert client.post(f"/admin/placement/print/bast/?id={placement['id']}",
                       data={"csrf_token": token}).status_code == 403


def test_css_is_a4():
    from pathlib import Path

    import lpks

    css = (Path(lpks.__file__).parent / "static" / "residents-print.css").read_text(encoding="utf-8")
    assert "@page { size: A4" in css


@pytest.mark.parametrize(("today", "expected"), [
    # tiles: notices overdue, notices due within 7 days, custody ending within 7 days, overstays
    (date(2025, 8, 6), [0, 0, 0, 0]),
    (date(2025, 8, 7), [0, 1, 0, 0]),    # deadline 14 Aug is exactly 7 days away
    (date(2025, 8, 10), [0, 1, 1, 0]),   # last day 17 Aug is exactly 7 days away
    (date(2025, 8, 14), [0, 1, 1, 0]),   # deadline today
    (date(2025, 8, 15), [1, 0, 1, 0]),
    (date(2025, 8, 17), [1, 0, 1, 0]),   # last day today
    (date(2025, 8, 18), [1, 0, 0, 1]),   # past the last day, child still present
])
def test_dashboard_windows(seeded, client, clock, titipan, today, expected):
    placement, _period = titipan
    clock(today)
    page = client.get("/").get_data(as_text=True)
    section = page[page.index("Titipan: tenggat"):page.index("Penempatan berdasarkan putusan")]
    tiles = [int(v) for v in __import__("re").findall(r'data-testid="tile"><a href="[^"]*">(\d+)</a>', section)]
    assert tiles[:4] == expected  # the fifth tile counts notices sent late (RULES §5): the demo has one
    assert (f"/admin/placement/details/?id={placement['id']}#titipan" in section) == any(expected)


def test_sent_notice_leaves_the_notice_lists(seeded, client, clock, operator, titipan):
    placement, period = titipan
    operator.post(f"/custody-periods/{period['id']}/notice", {"notice_number": "1"})
    clock(date(2025, 8, 15))
    page = client.get("/").get_data(as_text=True)
    section = page[page.index("Titipan: tenggat"):page.index("Penempatan berdasarkan putusan")]
    tiles = [int(v) for v in __import__("re").findall(r'data-testid="tile"><a href="[^"]*">(\d+)</a>', section)]
    assert tiles[:4] == [0, 0, 1, 0]  # the fifth tile counts notices sent late (RULES §5): the demo has one


def test_kemensos_changes_and_deletes_a_date_in_the_web(seeded, client, session):
    from lpks.platform.models.holiday import Holiday

    login(client, "kemensos")
    session.rollback()
    holiday = session.scalar(select(Holiday).where(Holiday.day == date(2025, 8, 18)))
    form = client.get(f"/admin/holiday/edit/?id={holiday.id}").get_data(as_text=True)
    assert 'value="2025-08-18"' in form
    token = csrf_token(client, f"/admin/holiday/edit/?id={holiday.id}")
    saved = client.post(f"/admin/holiday/edit/?id={holiday.id}", data={
        "csrf_token": token, "date": "2025-08-19", "name": "Cuti bersama (digeser)", "kind": "cuti_bersama",
        "version": str(holiday.version)})
    assert saved.status_code == 302
    stale = client.post(f"/admin/holiday/edit/?id={holiday.id}", data={
        "csrf_token": token, "date": "2025-08-19", "name": "x", "kind": "cuti_bersama", "version": "1"},
        follow_redirects=True)
    assert "diubah oleh pengguna lain" in stale.get_data(as_text=True)
    session.rollback()
    changed = session.get(Holiday, holiday.id)
    assert (changed.day, changed.source) == (date(2025, 8, 19), "manual")
    ident = holiday.id
    assert client.post("/admin/holiday/delete/", data={"csrf_token": token, "id": str(ident)}).status_code == 302
    session.rollback()
    assert session.scalar(select(Holiday.id).where(Holiday.id == ident)) is None
