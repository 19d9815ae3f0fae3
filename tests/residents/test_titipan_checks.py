"""Titipan checks: admission needs a running titipan period, the notice is dated with its recorded sending date and
reprintable after the period closes, dates cannot precede what they belong to, and a child not picked up goes back
to the parents only after the notice and the last day (Pasal 11 ayat 3–6)."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from tests.conftest import csrf_token

from .conftest import admitted, file_all, make_placement, open_custody
from .test_io import GOOD, upload, workbook


def _ready_titipan(operator) -> dict:
    placement = make_placement(operator, "titipan")
    file_all(operator, placement)
    return placement


def test_titipan_admission_needs_a_running_period_api(operator):
    placement = _ready_titipan(operator)
    refused = operator.post(f"/placements/{placement['id']}/admit", {})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "custody_period"
    assert "Masa titipan" in body["message"] and "Pasal 11 ayat 3" in body["message"]
    open_custody(operator, placement)
    assert operator.post(f"/placements/{placement['id']}/admit", {}).status_code == 200


def test_titipan_admission_needs_a_running_period_web(operator, client):
    placement = _ready_titipan(operator)
    details = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(details).get_data(as_text=True)
    assert "Anak titipan baru dapat diterima setelah masa titipan dicatat" in page
    token = csrf_token(client, details)
    refused = client.post(f"/admin/placement/admit/?id={placement['id']}", data={"csrf_token": token},
                          follow_redirects=True).get_data(as_text=True)
    assert "Masa titipan wajib dicatat sebelum anak titipan diterima" in refused
    assert operator.get(f"/placements/{placement['id']}").get_json()["status"] == "pending"


def test_titipan_admission_needs_a_running_period_import(seeded, client, session, clock):
    from tests.conftest import login

    login(client, "operator.pasuruan")
    session.rollback()
    before = session.scalar(select(Resident.id).order_by(Resident.id.desc()))
    row = {**GOOD, "tingkat": None, "tanggal_mulai_titipan": None, "jumlah_hari": None}
    page = upload(client, workbook([row])).get_data(as_text=True)
    assert "Baris 2, kolom tingkat" in page
    session.rollback()
    assert session.scalar(select(Resident.id).order_by(Resident.id.desc())) == before


def test_period_cannot_start_before_the_placement(operator):
    placement = _ready_titipan(operator)
    early = operator.post(f"/placements/{placement['id']}/custody-periods", {
        "level": "penyidikan", "start_date": "2025-08-10", "granted_days": 7,
        "depositor_agency": "Polres", "depositor_superior": "Kapolda"})
    body = early.get_json()
    assert early.status_code == 422 and body["field"] == "start_date"
    assert "Tanggal mulai titipan" in body["message"] and "11 Agustus 2025" in body["message"]
    period = open_custody(operator, placement)
    moved = operator.patch(f"/custody-periods/{period['id']}", {"start_date": "2025-08-01",
                                                                "version": period["version"]})
    assert moved.status_code == 422 and moved.get_json()["field"] == "start_date"


def test_notice_cannot_be_sent_before_the_period_starts(operator, clock):
    clock(date(2025, 8, 13))
    placement = admitted(operator, "titipan")
    period = placement["custody_periods"][0]
    early = operator.post(f"/custody-periods/{period['id']}/notice", {"notice_sent_on": "2025-08-10"})
    body = early.get_json()
    assert early.status_code == 422 and body["field"] == "notice_sent_on"
    assert "Tanggal pengiriman surat" in body["message"] and "11 Agustus 2025" in body["message"]
    ok = operator.post(f"/custody-periods/{period['id']}/notice", {"notice_sent_on": "2025-08-11"})
    assert ok.status_code == 200


def _print_notice(client, placement, period) -> str:
    token = csrf_token(client, f"/admin/placement/details/?id={placement['id']}")
    letter = client.post(f"/admin/placement/print/pemberitahuan/?id={placement['id']}&period={period['id']}",
                         data={"csrf_token": token})
    assert letter.status_code == 200
    return letter.get_data(as_text=True)


def _letter_date(html: str) -> str:
    return re.search(r'class="right">[^<]*, ([^<]+)</td>', html).group(1)


def test_notice_letter_is_dated_when_sent_and_reprintable_after_the_period_closes(operator, client, clock, session):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    period = placement["custody_periods"][0]
    assert _letter_date(_print_notice(client, placement, period)) == "11 Agustus 2025"  # not sent yet: today
    clock(date(2025, 8, 13))
    operator.post(f"/custody-periods/{period['id']}/notice", {"notice_sent_on": "2025-08-12", "notice_number": "7"})
    clock(date(2025, 8, 16))
    assert _letter_date(_print_notice(client, placement, period)) == "12 Agustus 2025"
    operator.post(f"/placements/{placement['id']}/custody-periods", {
        "level": "penuntutan", "start_date": "2025-08-16", "granted_days": 5,
        "depositor_agency": "Kejaksaan Negeri", "depositor_superior": "Kejaksaan Tinggi"})
    session.rollback()
    assert session.get(CustodyPeriod, period["id"]).status == "closed"
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert page.count('data-testid="print-notice"') == 2
    reprint = _print_notice(client, placement, period)
    assert _letter_date(reprint) == "12 Agustus 2025" and "Polres Pasuruan Kota" in reprint


def test_not_picked_up_return_only_after_notice_and_last_day(operator, clock, session):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")  # last day 17 August 2025
    period = placement["custody_periods"][0]
    path = f"/placements/{placement['id']}/exit"
    reason = {"exit_reason": "not_picked_up_returned_to_parents"}
    clock(date(2025, 8, 20))
    unsent = operator.post(path, {**reason, "exit_date": "2025-08-18"})
    assert unsent.status_code == 422 and unsent.get_json()["field"] == "exit_reason"
    assert "Pasal 11 ayat 5–6" in unsent.get_json()["message"]
    operator.post(f"/custody-periods/{period['id']}/notice", {"notice_sent_on": "2025-08-14"})
    on_last_day = operator.post(path, {**reason, "exit_date": "2025-08-17"})
    body = on_last_day.get_json()
    assert on_last_day.status_code == 422 and body["field"] == "exit_date" and "Pasal 11 ayat 5–6" in body["message"]
    done = operator.post(path, {**reason, "exit_date": "2025-08-18"})
    assert done.status_code == 200, done.get_json()
    session.rollback()
    assert session.get(Placement, placement["id"]).exit_reason == "not_picked_up_returned_to_parents"
