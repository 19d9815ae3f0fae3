"""Custody letters are not bent after the fact (issue 12 item 10): through the API and the placement page, a first
letter grants at most the level's base days, an admitted child's period start and days change only by a corrected
letter (audited as such) and never into the future, an admission lies between the placement's start and now, and a
placement's start never moves after its handover."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from tests.conftest import csrf_token

from .conftest import admitted, file_all, make_placement, open_custody

LETTER = {"level": "penyidikan", "start_date": "2025-08-11", "letter_number": "SP/1",
          "depositor_agency": "Polres Pasuruan Kota", "depositor_superior": "Kapolda Jawa Timur"}


def test_a_first_letter_of_fifteen_days_is_refused(operator, clock):
    placement = make_placement(operator)
    refused = operator.post(f"/placements/{placement['id']}/custody-periods", {**LETTER, "granted_days": 15})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "granted_days"
    assert "paling lama 7 hari" in body["message"] and "UU SPPA Pasal 33 ayat 1" in body["message"]
    period = open_custody(operator, placement, granted_days=7)
    extended = operator.post(f"/custody-periods/{period['id']}/extensions",
                             {"authority": "Kejaksaan Negeri Kota Pasuruan", "letter_number": "B-1", "days": 8})
    assert extended.get_json()["total_days"] == 15


def test_a_first_letter_of_fifteen_days_is_refused_on_the_page(operator, client, clock):
    placement = make_placement(operator)
    url = f"/admin/placement/details/?id={placement['id']}"
    form = {"csrf_token": csrf_token(client, url), "level": "penyidikan", "start_date": "2025-08-11",
            "granted_days": "15", "depositor_agency": "Polres", "depositor_superior": "Kapolda", "confirm_gap": "tidak"}
    page = client.post(f"/admin/placement/custody/?id={placement['id']}", data=form,
                       follow_redirects=True).get_data(as_text=True)
    assert "paling lama 7 hari" in page and "UU SPPA Pasal 33 ayat 1" in page
    assert operator.get(f"/placements/{placement['id']}").get_json()["custody_periods"] == []


@pytest.fixture
def titipan(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    return placement, placement["custody_periods"][0]


def test_before_admission_the_letter_may_be_corrected_freely(operator, clock):
    placement = make_placement(operator)
    period = open_custody(operator, placement, granted_days=7)
    ok = operator.patch(f"/custody-periods/{period['id']}", {"granted_days": 5, "version": period["version"]})
    assert ok.status_code == 200 and ok.get_json()["last_day"] == "2025-08-15"


def test_after_admission_start_and_days_need_the_corrected_letter(operator, titipan, session):
    _placement, period = titipan
    path = f"/custody-periods/{period['id']}"
    for change in ({"granted_days": 5}, {"start_date": "2025-08-11", "granted_days": 6}):
        refused = operator.patch(path, {**change, "version": period["version"]})
        assert refused.status_code == 422 and refused.get_json()["field"] == "correction_letter_number"
        assert "nomor dan tanggal surat koreksi" in refused.get_json()["message"]
    undated = operator.patch(path, {"granted_days": 5, "version": period["version"],
                                    "correction_letter_number": "SP/1a"})
    assert undated.get_json()["field"] == "correction_letter_date"
    tomorrow = operator.patch(path, {"granted_days": 5, "version": period["version"],
                                     "correction_letter_number": "SP/1a", "correction_letter_date": "2025-08-12"})
    assert tomorrow.get_json()["field"] == "correction_letter_date"
    ok = operator.patch(path, {"granted_days": 5, "version": period["version"], "correction_letter_number": "SP/1a",
                               "correction_letter_date": "2025-08-11"})
    body = ok.get_json()
    assert ok.status_code == 200 and body["last_day"] == "2025-08-15"
    assert (body["corrected_letter_number"], body["corrected_letter_date"]) == ("SP/1a", "2025-08-11")
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.action == "correct_letter"))
    assert row.object_type == "custody_period" and row.object_id == str(period["id"])
    assert row.fields and "granted_days" in row.fields and row.username == "operator.pasuruan"


def test_other_fields_need_no_corrected_letter(operator, titipan):
    _placement, period = titipan
    ok = operator.patch(f"/custody-periods/{period['id']}", {"depositor_address": "Jl. Veteran 1",
                                                              "version": period["version"]})
    assert ok.status_code == 200


def test_an_admitted_period_cannot_move_into_the_future(operator, titipan):
    _placement, period = titipan
    moved = operator.patch(f"/custody-periods/{period['id']}", {
        "start_date": "2025-09-20", "version": period["version"], "correction_letter_number": "SP/1a",
        "correction_letter_date": "2025-08-11"})
    assert moved.status_code == 422 and moved.get_json()["field"] == "start_date"
    assert operator.get(f"/custody-periods/{period['id']}").get_json()["last_day"] == "2025-08-17"


def test_correction_form_on_the_placement_page(operator, client, titipan):
    placement, period = titipan
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-testid="correction-form"' in page
    prefix = f"p{period['id']}-"
    form = {"csrf_token": csrf_token(client, url), f"{prefix}start_date": "2025-08-11", f"{prefix}granted_days": "5",
            f"{prefix}version": str(period["version"]), f"{prefix}confirm_gap": "tidak"}
    action = f"/admin/placement/custody/correct/?id={placement['id']}&period={period['id']}"
    refused = client.post(action, data=form, follow_redirects=True).get_data(as_text=True)
    assert "nomor dan tanggal surat koreksi" in refused
    done = client.post(action, data={**form, f"{prefix}correction_letter_number": "SP/1a",
                                     f"{prefix}correction_letter_date": "2025-08-11"},
                       follow_redirects=True).get_data(as_text=True)
    assert "Masa titipan dikoreksi." in done and "dikoreksi dengan surat" in done and "SP/1a" in done


@pytest.mark.parametrize(("handover", "ok"), [
    ("2001-05-01T10:00", False),          # the admission, years before its placement started
    ("2025-08-10T23:00", False),          # the evening before the start, local time
    ("2025-08-11T08:00", True),
])
def test_admission_lies_between_start_and_now(operator, clock, handover, ok):
    placement = make_placement(operator, "court_decision")
    file_all(operator, placement)
    response = operator.post(f"/placements/{placement['id']}/admit", {"handover_at": handover})
    if ok:
        assert response.status_code == 200
    else:
        assert response.status_code == 422 and response.get_json()["field"] == "handover_at"
        assert "tidak boleh sebelum tanggal mulai penempatan (11 Agustus 2025)" in response.get_json()["message"]


def test_a_placements_start_never_moves_after_its_handover(operator, clock):
    placement = admitted(operator, "court_decision")
    clock(date(2025, 8, 20))
    moved = operator.patch(f"/placements/{placement['id']}", {"start_date": "2025-08-12",
                                                              "version": placement["version"]})
    assert moved.status_code == 422 and moved.get_json()["field"] == "start_date"
    assert "serah terima" in moved.get_json()["message"]
    earlier = operator.patch(f"/placements/{placement['id']}", {"start_date": "2025-08-10",
                                                                "version": placement["version"]})
    assert earlier.status_code == 200


def test_a_titipan_placements_start_never_moves_after_its_first_period(operator, clock):
    placement = make_placement(operator)
    open_custody(operator, placement)
    moved = operator.patch(f"/placements/{placement['id']}", {"start_date": "2025-08-12",
                                                              "version": placement["version"]})
    assert moved.status_code == 422 and moved.get_json()["field"] == "start_date"
