"""Titipan checks: admission needs a running titipan period, the notice is dated with its recorded sending date and
reprintable after the period closes, dates cannot precede what they belong to, and a child not picked up goes back
to the parents only after the notice and the last day (Pasal 11 ayat 3–6)."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from lpks.models import CustodyPeriod, Placement, Resident
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
