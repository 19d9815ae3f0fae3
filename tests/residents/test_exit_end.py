"""The end of a placement through the API and the placement page (issue 12 item 5)."""
from __future__ import annotations

from datetime import date

from tests.conftest import csrf_token

from .conftest import admitted


def _court(operator, clock):
    """A court placement of 6 months from 1 June 2026: last day 30 November 2026."""
    clock(date(2026, 6, 1))
    placement = admitted(operator, "court_decision", start_date="2026-06-01", months=6)
    assert placement["last_day"] == "2026-11-30"
    return placement


def test_end_of_placement_not_before_its_last_day(operator, clock):
    placement = _court(operator, clock)
    clock(date(2026, 11, 29))
    path = f"/placements/{placement['id']}/exit"
    early = operator.post(path, {"exit_reason": "placement_ended", "exit_date": "2026-11-29"})
    assert early.status_code == 422 and early.get_json()["field"] == "exit_reason"
    assert "30 November 2026" in early.get_json()["message"]
    parents = operator.post(path, {"exit_reason": "returned_to_parents", "exit_date": "2026-11-29"})
    assert parents.status_code == 422
    clock(date(2026, 11, 30))
    done = operator.post(path, {"exit_reason": "placement_ended", "exit_date": "2026-11-30"})
    assert done.status_code == 200 and done.get_json()["exit_reason"] == "placement_ended"


def test_an_early_court_decision_ends_it_with_number_and_date(operator, clock):
    placement = _court(operator, clock)
    clock(date(2026, 9, 1))
    path = f"/placements/{placement['id']}/exit"
    missing = operator.post(path, {"exit_reason": "court_ended_early", "exit_date": "2026-09-01"})
    assert missing.status_code == 422 and missing.get_json()["field"] == "exit_decision_number"
    done = operator.post(path, {"exit_reason": "court_ended_early", "exit_date": "2026-09-01",
                                "exit_decision_number": "5/Pen.Pid.Sus-Anak/2026/PN Psr",
                                "exit_decision_date": "2026-08-30"}).get_json()
    assert (done["status"], done["exit_decision_number"], done["exit_decision_date"]) == \
        ("exited", "5/Pen.Pid.Sus-Anak/2026/PN Psr", "2026-08-30")


def test_the_exit_form_refuses_an_early_end_of_placement(operator, client, clock):
    placement = _court(operator, clock)
    clock(date(2026, 11, 29))
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert "hanya pada atau setelah hari terakhir" in page  # the Reading, shown by the form
    form = {"csrf_token": csrf_token(client, url), "exit_reason": "placement_ended", "exit_date": "2026-11-29"}
    refused = client.post(f"/admin/placement/exit/?id={placement['id']}", data=form,
                          follow_redirects=True).get_data(as_text=True)
    assert "30 November 2026" in refused and "Pasal 33 ayat 2" in refused
    assert operator.get(f"/placements/{placement['id']}").get_json()["status"] == "present"
    done = client.post(f"/admin/placement/exit/?id={placement['id']}", data={
        **form, "exit_reason": "court_ended_early", "exit_decision_number": "5/Pen/2026",
        "exit_decision_date": "2026-11-28"}, follow_redirects=True).get_data(as_text=True)
    assert "Penempatan diakhiri." in done and "5/Pen/2026" in done
