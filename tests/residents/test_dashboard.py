"""Dashboard sections of the residents area, per role and scope: court placements (parole, ending within 30 days,
overstay), occupancy against capacity; every listed item links to its record; the admin sees none of it."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tests.conftest import csrf_token, login

from .conftest import Api, admitted, assessment

TILE = re.compile(r'data-testid="tile"><a href="[^"]*">(\d+)</a>')


def _section(page: str, title: str, following: str) -> str:
    start = page.index(title)
    return page[start:page.index(following, start)]


@pytest.mark.parametrize(("today", "expected"), [
    # tiles: eligible, eligible by time (behaviour not assessed), ending within 30 days, overstay
    (date(2025, 4, 1), [0, 0, 0, 0]),
    (date(2025, 4, 2), [0, 1, 0, 0]),    # parole eligible from 2 April (half of 181 days, later than 3 months)
    (date(2025, 5, 31), [0, 1, 1, 0]),   # last day 30 June is 30 days away
    (date(2025, 6, 30), [0, 1, 1, 0]),
    (date(2025, 7, 1), [0, 1, 0, 1]),    # past the last day, still present
])
def test_court_section_windows(operator, client, clock, today, expected):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "court_decision", start_date="2025-01-01", months=6)
    clock(today)
    section = _section(client.get("/").get_data(as_text=True), "Penempatan berdasarkan putusan", "Admisi")
    assert [int(v) for v in TILE.findall(section)] == expected
    assert (f"/admin/placement/details/?id={placement['id']}#parole" in section) == any(expected)


def test_behaviour_moves_the_child_between_parole_tiles(operator, client, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "court_decision", start_date="2025-01-01", months=6)
    operator.post(f"/placements/{placement['id']}/behaviour", assessment(operator, True, behaviour_assessed_on="2025-08-11"))
    clock(date(2025, 6, 1))
    section = _section(client.get("/").get_data(as_text=True), "Penempatan berdasarkan putusan", "Admisi")
    assert [int(v) for v in TILE.findall(section)][:2] == [1, 0]
    assert "memenuhi syarat pembebasan bersyarat" in section


def test_occupancy_by_lpks_links_to_the_institution(operator, client, clock):
    admitted(operator, "diversi")
    page = client.get("/").get_data(as_text=True)
    section = _section(page, "Hunian terhadap kapasitas", "</section>")
    assert "LPKS Bina Harapan Kota Pasuruan" in section and "/admin/institution/details/?id=" in section
    assert re.search(r"\d+ / 30", section) and "UPT Rehabilitasi" not in section


@pytest.mark.parametrize(("username", "sees"), [
    ("dinsos.pasuruan", True), ("dinsos.jatim", True), ("kemensos", True), ("admin", False)])
def test_sections_per_role(operator, client, username, sees):
    client.post("/logout", data={"csrf_token": operator.token})
    login(client, username)
    page = client.get("/").get_data(as_text=True)
    for title in ("Titipan: tenggat", "Penempatan berdasarkan putusan", "Admisi", "Hunian terhadap kapasitas"):
        assert (title in page) == sees, title
    if username == "kemensos":
        assert "UPT Rehabilitasi Sosial Anak Surabaya" in _section(page, "Hunian terhadap kapasitas", "</section>")


def test_dashboard_rows_show_initials_and_register_numbers(seeded, client):
    api = Api(client, "operator.pasuruan")
    page = client.get("/").get_data(as_text=True)
    assert "B.S. · ABH-DEMO-0001" in page and "Budi Santoso" not in page  # the demo's titipan child
    assert api.get("/residents").status_code == 200


def _tile_links(section: str) -> list[tuple[str, int]]:
    return [(href.replace("&amp;", "&"), int(value))
            for href, value in re.findall(r'data-testid="tile"><a href="([^"]*)">(\d+)</a>', section)]


def test_every_titipan_counted_is_reachable_from_its_tile(operator, client, clock, session):
    from lpks.registry.models.institution import Institution
    from lpks.residents.dashboard import ROWS

    from .conftest import institution_id

    session.get(Institution, institution_id(session)).verified_capacity_boys = 100  # room for more than ROWS children
    session.commit()
    clock(date(2025, 8, 11))
    placements = [admitted(operator, "titipan") for _ in range(ROWS + 1)]
    sent = admitted(operator, "titipan")
    operator.post(f"/custody-periods/{sent['custody_periods'][0]['id']}/notice", {"notice_number": "1"})
    clock(date(2025, 8, 15))  # every notice deadline (14 August) has passed
    section = _section(client.get("/").get_data(as_text=True), "Titipan: tenggat", "Penempatan berdasarkan putusan")
    assert section.count("/admin/placement/details/") == ROWS  # the table stops at ROWS…
    overdue_href, overdue = _tile_links(section)[0]
    assert overdue == ROWS + 1 and overdue_href.endswith("/admin/custody/?due=notice_overdue")
    listed = client.get(overdue_href).get_data(as_text=True)  # …the tile's list has every one of them
    assert 'data-testid="due-filter"' in listed and "Surat pemberitahuan terlambat" in listed
    ids = {int(i) for i in re.findall(r"/admin/placement/details/\?id=(\d+)", listed)}
    assert ids == {p["id"] for p in placements}
    sort_links = re.findall(r'href="([^"]*sort=[^"]*)"', listed)  # sorting (and paging) keep the filter
    assert sort_links and all("due=notice_overdue" in href for href in sort_links)
    ending_href, ending = _tile_links(section)[2]
    ending_ids = {int(i) for i in re.findall(r"/admin/placement/details/\?id=(\d+)",
                                             client.get(ending_href).get_data(as_text=True))}
    assert ending == ROWS + 2 and ending_ids == {p["id"] for p in placements} | {sent["id"]}
    everything = client.get("/admin/custody/").get_data(as_text=True)
    assert 'data-testid="due-filter"' not in everything


def test_court_and_occupancy_tiles_lead_to_exactly_their_placements(operator, client, clock):
    clock(date(2025, 8, 11))
    court = admitted(operator, "court_decision", start_date="2025-01-01", months=12)
    other = admitted(operator, "diversi")
    page = client.get("/").get_data(as_text=True)
    section = _section(page, "Penempatan berdasarkan putusan", "Admisi")
    href, count = _tile_links(section)[1]  # eligible by time, behaviour not yet assessed
    assert count == 1 and href.endswith("/admin/placement/?due=parole_not_assessed")
    listed = client.get(href).get_data(as_text=True)
    assert "Memenuhi syarat waktu, perilaku belum dinilai" in listed
    ids = {int(i) for i in re.findall(r"/admin/placement/details/\?id=(\d+)", listed)}
    assert ids == {court["id"]}
    occupancy = _section(page, "Hunian terhadap kapasitas", "</section>")
    present_href, present = _tile_links(occupancy)[0]
    present_ids = {int(i) for i in re.findall(r"/admin/placement/details/\?id=(\d+)",
                                              client.get(present_href).get_data(as_text=True))}
    assert {court["id"], other["id"]} <= present_ids and len(present_ids) == present


def test_an_unknown_due_name_shows_the_whole_list(operator, client):
    page = client.get("/admin/placement/?due=nonsense")
    assert page.status_code == 200 and 'data-testid="due-filter"' not in page.get_data(as_text=True)


def test_a_year_missing_from_the_calendar_is_flagged(demo, client, session, monkeypatch):
    """While this year or the next has no holiday, every role with deadlines is warned; Kemensos's tile leads to
    the calendar. Once the year is seeded the warning goes."""
    from lpks.platform.services import holidays
    from tests.residents.conftest import set_today

    set_today(monkeypatch, date(2031, 3, 2))
    login(client, "kemensos")
    page = client.get("/").get_data(as_text=True)
    warning = _section(page, "Kalender hari libur belum lengkap", "</section>")
    assert "2031, 2032" in warning and 'href="/admin/holiday/' in warning and "tanpa hari libur" in warning
    holidays.seed(session, [2031, 2032])
    session.commit()
    assert "Kalender hari libur belum lengkap" not in client.get("/").get_data(as_text=True)
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    login(client, "admin")
    assert "Kalender hari libur" not in client.get("/").get_data(as_text=True)
