"""Calendar coverage (RULES §5, issue 12 item 3): years the holiday calendar does not hold are computed and said so,
in the calculators' API and page, on every API object with a working-day deadline, on the placement page and the
titipan list, and in the dashboard warning, which covers every year an open deadline touches."""
from __future__ import annotations

import re
from datetime import date

import pytest
from sqlalchemy import delete

from tests.conftest import csrf_token, login

from .conftest import Api, make_placement, open_custody


@pytest.fixture
def calendar_2026_2027(demo, session):
    """The calendar holds 2026 and 2027 only (what the demo seeds on 2 December 2026)."""
    from lpks.platform.models.holiday import Holiday
    from lpks.platform.services import holidays

    session.execute(delete(Holiday))
    holidays.seed(session, [2026, 2027])
    session.commit()
    return demo


@pytest.mark.parametrize(("query", "missing"), [
    ("level=penyidikan&start=2028-12-20&days=15", [2028, 2029]),   # the issue's example
    ("level=penyidikan&start=2025-12-14&days=14", [2025]),         # Christmas 2025 unknown
    ("level=penuntutan&start=2026-03-15&days=10", []),
    ("level=kasasi&start=2027-12-20&days=35", [2028]),
])
def test_custody_calculator_names_the_missing_years(calendar_2026_2027, client, query, missing):
    body = Api(client, "dinsos.jatim").get(f"/rules/custody?{query}").get_json()
    assert body["calendar_missing_years"] == missing


def test_the_issue_example_exactly(calendar_2026_2027, client):
    body = Api(client, "kemensos").get("/rules/custody?level=penyidikan&start=2028-12-20&days=15").get_json()
    assert body == {"last_day": "2029-01-03", "notice_deadline": "2029-01-01", "max_days": 15,
                    "calendar_missing_years": [2028, 2029]}


def test_court_placement_and_age_carry_the_key(calendar_2026_2027, client):
    api = Api(client, "kemensos")
    court = api.get("/rules/court-placement?start=2029-01-01&months=6").get_json()
    assert court["calendar_missing_years"] == []  # calendar days only: no working day is counted
    assert api.get("/rules/age?born=2010-01-01&offence=2025-01-01").get_json()["calendar_missing_years"] == []


def test_calculator_page_marks_the_estimate(calendar_2026_2027, client):
    login(client, "dinsos.pasuruan")
    token = csrf_token(client, "/admin/calculator/")
    html = client.post("/admin/calculator/", data={"custody-csrf_token": token, "custody-level": "penyidikan",
                                                   "custody-start": "2028-12-20", "custody-days": "15"}
                       ).get_data(as_text=True)
    estimate = re.search(r'data-testid="estimate">([^<]*)<', html).group(1)
    assert "Perkiraan" in estimate and "2028, 2029" in estimate
    held = client.post("/admin/calculator/", data={"custody-csrf_token": token, "custody-level": "penuntutan",
                                                   "custody-start": "2026-03-15", "custody-days": "10"})
    assert 'data-testid="estimate"' not in held.get_data(as_text=True)


def test_placement_api_and_page_mark_a_period_counted_over_a_missing_year(calendar_2026_2027, client, clock):
    clock(date(2026, 1, 2))
    api = Api(client, "operator.pasuruan")
    placement = make_placement(api, start_date="2025-12-29")
    period = open_custody(api, placement, start_date="2025-12-29", granted_days=7)  # last day 4 Jan 2026
    assert period["notice_deadline"] == "2025-12-31" and period["calendar_missing_years"] == [2025]
    detail = api.get(f"/placements/{placement['id']}").get_json()
    assert detail["calendar_missing_years"] == [2025]
    assert detail["custody_periods"][0]["calendar_missing_years"] == [2025]
    listed = api.get(f"/custody-periods?placement_id={placement['id']}").get_json()["items"]
    assert listed[0]["calendar_missing_years"] == [2025]
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert re.search(r'data-testid="estimate">[^<]*2025', page)
    titipan_list = client.get("/admin/custody/").get_data(as_text=True)
    assert re.search(r'data-testid="estimate"[^>]*>perkiraan \(2025\)', titipan_list)


def test_a_period_inside_held_years_is_no_estimate(calendar_2026_2027, client, clock):
    clock(date(2026, 3, 16))
    api = Api(client, "operator.pasuruan")
    placement = make_placement(api, start_date="2026-03-15")
    period = open_custody(api, placement, level="penuntutan", start_date="2026-03-15", granted_days=5)
    assert period["calendar_missing_years"] == []
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert 'data-testid="estimate"' not in page


def test_dashboard_warning_covers_every_year_an_open_deadline_touches(calendar_2026_2027, client, clock):
    """This year and the next are held; an open titipan whose notice deadline falls in 2025 still warns."""
    from .conftest import file_all

    clock(date(2026, 1, 2))
    api = Api(client, "operator.pasuruan")
    placement = make_placement(api, start_date="2025-12-29")
    file_all(api, placement)
    open_custody(api, placement, start_date="2025-12-29", granted_days=7)
    assert api.post(f"/placements/{placement['id']}/admit", {}).status_code == 200
    page = client.get("/").get_data(as_text=True)
    start = page.index("Kalender hari libur belum lengkap")
    warning = page[start:page.index("</section>", start)]
    assert "2025" in warning and "2026" not in warning and "2027" not in warning
