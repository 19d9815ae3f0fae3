"""A later titipan period never hides an overstay (RULES §5, issue 12 item 4): a next-level period that leaves days
uncovered needs "confirm_gap", and those days then stay an overstay on the record, the placement page, the API and
the dashboard tile and its list; a start later than both today and the day after the previous last day is refused."""
from __future__ import annotations

import re
from datetime import date

import pytest

from tests.conftest import csrf_token

from .conftest import Api, file_all, make_placement, open_custody

PENUNTUTAN = {"level": "penuntutan", "granted_days": 5, "letter_number": "B-20/PENUNTUTAN",
              "depositor_agency": "Kejaksaan Negeri Kota Pasuruan",
              "depositor_superior": "Kepala Kejaksaan Tinggi Jawa Timur"}
TILES = re.compile(r'data-testid="tile"><a href="([^"]*)">(\d+)</a>')


def _custody_tiles(client) -> list[tuple[str, int]]:
    page = client.get("/").get_data(as_text=True)
    section = page[page.index("Titipan: tenggat"):page.index("Penempatan berdasarkan putusan")]
    return [(href.replace("&amp;", "&"), int(value)) for href, value in TILES.findall(section)]


def _counted_as_overstay(client, placement) -> bool:
    """The overstay tile's list (exactly what it counts, RULES §5) holds the placement; its count matches."""
    href, count = _custody_tiles(client)[3]
    assert href.endswith("/admin/custody/?due=custody_overstay")
    listed = client.get(href).get_data(as_text=True)
    assert len(re.findall(r"/admin/placement/details/\?id=\d+", listed)) == count
    return f"/admin/placement/details/?id={placement['id']}#" in listed


@pytest.fixture
def held_past(seeded, client, clock):
    """The issue's child: penyidikan 24 Oct – 7 Nov 2026 (7 days + 8 by extension), still held on 2 Dec 2026."""
    from lpks.extensions import db
    from lpks.platform.services import holidays

    with seeded.app_context():
        holidays.seed(db.session, [2026, 2027])
        db.session.commit()
    clock(date(2026, 10, 24))
    api = Api(client, "operator.pasuruan")
    placement = make_placement(api, start_date="2026-10-24")
    file_all(api, placement)
    period = open_custody(api, placement, start_date="2026-10-24", granted_days=7)
    assert api.post(f"/custody-periods/{period['id']}/extensions",
                    {"authority": "Kejaksaan Negeri Kota Pasuruan", "letter_number": "B-1", "days": 8}
                    ).get_json()["last_day"] == "2026-11-07"
    assert api.post(f"/placements/{placement['id']}/admit", {}).status_code == 200
    clock(date(2026, 12, 2))
    return api, placement


def test_the_overstay_is_shown_before_the_next_period(held_past, client):
    api, placement = held_past
    detail = api.get(f"/placements/{placement['id']}").get_json()
    assert detail["overstay"] and detail["custody_periods"][0]["overstay"]
    assert detail["overstays"] == [{"from": "2026-11-08", "to": "2026-12-02", "days": 25, "ongoing": True}]
    assert _counted_as_overstay(client, placement)


@pytest.mark.parametrize("start", ["2026-12-20", "2026-12-03", "2028-12-02"])
def test_a_future_start_is_refused_even_confirmed(held_past, start):
    api, placement = held_past
    refused = api.post(f"/placements/{placement['id']}/custody-periods",
                       {**PENUNTUTAN, "start_date": start, "confirm_gap": True})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "start_date"
    assert "2 Desember 2026" in body["message"] and "Pasal 11 ayat 3" in body["message"]


def test_the_gap_needs_confirmation_and_then_stays_an_overstay(held_past, client):
    api, placement = held_past
    unconfirmed = api.post(f"/placements/{placement['id']}/custody-periods", {**PENUNTUTAN, "start_date": "2026-12-02"})
    body = unconfirmed.get_json()
    assert unconfirmed.status_code == 422 and body["field"] == "confirm_gap"
    assert "25 hari (8 November 2026 sampai 2 Desember 2026)" not in body["message"]
    assert "24 hari (8 November 2026 sampai 1 Desember 2026)" in body["message"]
    opened = api.post(f"/placements/{placement['id']}/custody-periods",
                      {**PENUNTUTAN, "start_date": "2026-12-02", "confirm_gap": True})
    assert opened.status_code == 201
    period = opened.get_json()
    assert (period["uncovered_from"], period["uncovered_to"], period["uncovered_days"]) == \
        ("2026-11-08", "2026-12-01", 24)
    detail = api.get(f"/placements/{placement['id']}").get_json()
    assert detail["overstay"] is True
    assert detail["overstays"] == [{"from": "2026-11-08", "to": "2026-12-01", "days": 24, "ongoing": False}]
    assert [p["status"] for p in detail["custody_periods"]] == ["closed", "open"]
    assert _counted_as_overstay(client, placement)  # the count did not fall when the next period opened
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    overstays_box = re.search(r'data-testid="overstays">(.*?)</div>', page, re.S).group(1)
    assert "8 November 2026" in overstays_box and "1 Desember 2026" in overstays_box and "24" in overstays_box


def test_a_third_period_keeps_the_earlier_gap_counted(held_past, client, clock):
    api, placement = held_past
    assert api.post(f"/placements/{placement['id']}/custody-periods",
                    {**PENUNTUTAN, "start_date": "2026-12-02", "confirm_gap": True}).status_code == 201
    clock(date(2026, 12, 5))
    court = {**PENUNTUTAN, "level": "pengadilan_negeri", "granted_days": 10, "start_date": "2026-12-05",
             "depositor_agency": "Pengadilan Negeri Pasuruan"}
    assert api.post(f"/placements/{placement['id']}/custody-periods", court).status_code == 201
    detail = api.get(f"/placements/{placement['id']}").get_json()
    assert [p["status"] for p in detail["custody_periods"]] == ["closed", "closed", "open"]
    assert detail["overstays"] == [{"from": "2026-11-08", "to": "2026-12-01", "days": 24, "ongoing": False}]
    assert _counted_as_overstay(client, placement)


def test_a_covered_next_period_records_no_overstay(seeded, client, clock):
    clock(date(2026, 11, 5))
    api = Api(client, "operator.pasuruan")
    placement = make_placement(api, start_date="2026-11-01")
    file_all(api, placement)
    open_custody(api, placement, start_date="2026-11-01", granted_days=7)  # last day 7 November
    period = api.post(f"/placements/{placement['id']}/custody-periods", {**PENUNTUTAN, "start_date": "2026-11-08"})
    assert period.status_code == 201 and period.get_json()["uncovered_days"] == 0
    assert api.get(f"/placements/{placement['id']}").get_json()["overstays"] == []
    assert not _counted_as_overstay(client, placement)


def test_moving_a_start_later_is_checked_the_same_way(held_past):
    api, placement = held_past
    period = api.post(f"/placements/{placement['id']}/custody-periods",
                      {**PENUNTUTAN, "start_date": "2026-11-08"}).get_json()
    refused = api.patch(f"/custody-periods/{period['id']}", {"start_date": "2026-11-20", "version": period["version"],
                                                              "correction_letter_number": "B-20a/PENUNTUTAN",
                                                              "correction_letter_date": "2026-11-20"})
    assert refused.status_code == 422 and refused.get_json()["field"] == "confirm_gap"


def test_web_form_asks_for_the_confirmation(held_past, client):
    _api, placement = held_past
    url = f"/admin/placement/details/?id={placement['id']}"
    token = csrf_token(client, url)
    form = {"csrf_token": token, "level": "penuntutan", "start_date": "2026-12-02", "granted_days": "5",
            "letter_number": "B-20", "depositor_agency": "Kejaksaan Negeri Kota Pasuruan",
            "depositor_superior": "Kepala Kejaksaan Tinggi Jawa Timur", "confirm_gap": "tidak"}
    refused = client.post(f"/admin/placement/custody/?id={placement['id']}", data=form, follow_redirects=True)
    assert "24 hari" in refused.get_data(as_text=True) and "Pasal 11 ayat 3" in refused.get_data(as_text=True)
    done = client.post(f"/admin/placement/custody/?id={placement['id']}", data={**form, "confirm_gap": "ya"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Masa titipan dicatat." in done and 'data-testid="uncovered"' in done
