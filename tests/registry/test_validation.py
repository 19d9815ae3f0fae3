"""Every bad input is refused by the service with a message naming the field; web form, API and import share it."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.staff import StaffMember
from tests.registry.conftest import PASURUAN, ids

STAFF_OK = {"name": "Rina Ayu", "function": "peksos"}


@pytest.mark.parametrize("body, field", [
    ({"function": "peksos"}, "name"),
    ({"name": "x" * 121, "function": "peksos"}, "name"),
    ({"name": "Rina", "function": "astronot"}, "function"),
    ({**STAFF_OK, "engagement": "sukarela"}, "engagement"),
    ({"name": "dr. Ani", "function": "psikolog", "engagement": "kerja_sama"}, "partner_name"),
    ({**STAFF_OK, "certification_date": "20-13-2025"}, "certification_date"),
    ({**STAFF_OK, "certification_date": "2099-01-01"}, "certification_date"),
    ({**STAFF_OK, "certification_valid_until": "2027-01-01"}, "certification_number"),
    ({**STAFF_OK, "certification_number": "S1", "certification_date": "2025-01-10",
      "certification_valid_until": "2025-01-09"}, "certification_valid_until"),
    ({**STAFF_OK, "sppa_valid_until": "2027-01-01"}, "sppa_training_date"),
    ({**STAFF_OK, "active_from": "2025-02-01", "active_until": "2025-01-31"}, "active_until"),
])
def test_staff_errors_name_the_field(browse, body, field):
    b = browse("operator.pasuruan")
    response = b.api("POST", "/api/v1/staff", json=body)
    assert response.status_code == 422, response.get_json()
    assert response.get_json()["field"] == field and response.get_json()["message"]


@pytest.mark.parametrize("body, field", [
    ({"item_code": "e.tidak.ada", "status": "tersedia"}, "e.tidak.ada.item_code"),
    ({"item_code": "e.perkantoran.ruang_pimpinan", "status": "lengkap"}, "e.perkantoran.ruang_pimpinan.status"),
    ({"item_code": "e.perkantoran.ruang_pimpinan", "status": "tidak", "quantity": 2},
     "e.perkantoran.ruang_pimpinan.quantity"),
    ({"item_code": "e.perkantoran.ruang_pimpinan", "status": "tersedia", "quantity": -1},
     "e.perkantoran.ruang_pimpinan.quantity"),
    ({"item_code": "e.perkantoran.ruang_pimpinan", "status": "tersedia", "condition": "hancur"},
     "e.perkantoran.ruang_pimpinan.condition"),
])
def test_facility_errors_name_the_item_and_field(browse, session, body, field):
    b = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    response = b.api("PUT", f"/api/v1/institutions/{lpks}/facilities", json={"items": [body]})
    assert response.status_code == 422 and response.get_json()["field"] == field


@pytest.mark.parametrize("body, field", [
    ({"year": 1999, "source_kind": "apbd", "amount": "10"}, "year"),
    ({"year": 2026, "source_kind": "judi", "amount": "10"}, "source_kind"),
    ({"year": 2026, "source_kind": "apbd", "amount": "-5"}, "amount"),
    ({"year": 2026, "source_kind": "apbd", "amount": "sepuluh"}, "amount"),
    ({"year": 2026, "source_kind": "apbd", "amount": "1.5,555"}, "amount"),
])
def test_funding_errors(browse, body, field):
    response = browse("operator.pasuruan").api("POST", "/api/v1/funding-sources", json=body)
    assert response.status_code == 422 and response.get_json()["field"] == field


def test_amount_accepts_indonesian_notation(browse):
    response = browse("operator.pasuruan").api("POST", "/api/v1/funding-sources",
                                               json={"year": 2026, "source_kind": "hibah", "amount": "1.500.000,50"})
    assert response.status_code == 201 and response.get_json()["amount"] == "1500000.50"


@pytest.mark.parametrize("body, field", [
    ({"formation_kind": "swasta"}, "formation_kind"),
    ({"deed_date": "2099-01-01"}, "deed_date"),
    ({"vision": "x" * 5001}, "vision"),
])
def test_profile_errors(browse, session, body, field):
    lpks = ids(session)[PASURUAN]
    b = browse("operator.pasuruan")
    version = b.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    response = b.api("PATCH", f"/api/v1/institutions/{lpks}", json={**body, "version": version})
    assert response.status_code == 422 and response.get_json()["field"] == field, response.get_json()


def test_profile_update_through_the_api_is_audited_by_field_name(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("operator.pasuruan")
    version = b.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    response = b.api("PATCH", f"/api/v1/institutions/{lpks}", json={
        "vision": "Anak pulih dan mandiri", "deed_date": "2014-03-10", "version": version})
    body = response.get_json()
    assert response.status_code == 200 and body["deed_date"] == "2014-03-10"
    session.rollback()
    fields = session.scalars(select(AuditLog.fields).where(AuditLog.object_type == "institution",
                                                           AuditLog.action == "update")).all()
    assert any("vision" in (f or "") for f in fields) and not any("Anak pulih" in (f or "") for f in fields)


def test_work_area_codes_are_checked_and_the_domicile_is_kept(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("dinsos.pasuruan")
    bad = b.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["35.99", "35"]})
    assert bad.status_code == 422 and bad.get_json()["field"] == "kabkota_codes"
    assert "35, 35.99" in bad.get_json()["message"]  # a province code is not a kabupaten/kota
    # across provinces only Kemensos sets it (RULES §3: the authority follows the reach)
    assert b.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["31.74"]}).status_code == 403
    ok = browse("kemensos").api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["31.74"]})
    assert ok.get_json()["kabkota_codes"] == ["31.74", "35.75"] and ok.get_json()["provinces"] == 2


def test_position_other_needs_a_title_and_staff_must_belong_to_the_lpks(browse, session):
    b = browse("operator.pasuruan")
    response = b.api("POST", "/api/v1/positions", json={"position": "lainnya", "holder_name": "Budi"})
    assert response.status_code == 422 and response.get_json()["field"] == "title"
    other = session.scalar(select(StaffMember).where(StaffMember.institution_id != ids(session)[PASURUAN]))
    response = b.api("POST", "/api/v1/positions", json={"position": "pimpinan", "holder_name": "Budi",
                                                        "staff_member_id": other.id})
    assert response.status_code == 422 and response.get_json()["field"] == "staff_member_id"


def test_stale_versions_are_refused(browse, session):
    b = browse("operator.pasuruan")
    staff = b.get(f"/api/v1/staff?institution_id={ids(session)[PASURUAN]}").get_json()["items"][0]
    path = f"/api/v1/staff/{staff['id']}"
    assert b.api("PATCH", path, json={"note": "a", "version": staff["version"]}).status_code == 200
    stale = b.api("PATCH", path, json={"note": "b", "version": staff["version"]})
    assert stale.status_code == 409 and stale.get_json()["field"] == "version"
    assert b.api("PATCH", path, json={"note": "b"}).get_json()["field"] == "version"
    facility = b.get(f"/api/v1/institutions/{ids(session)[PASURUAN]}/facilities").get_json()["items"][0]
    stale = b.api("PUT", f"/api/v1/institutions/{ids(session)[PASURUAN]}/facilities", json={"items": [
        {"item_code": facility["item_code"], "status": "sebagian", "version": facility["version"] - 1}]})
    assert stale.status_code == 409
    session.rollback()
    assert session.get(FacilityRecord, facility["id"]).status == facility["status"]
