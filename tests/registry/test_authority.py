"""Who sets what decides an LPKS's class and standards: the designation is the Minister's (Pasal 56), the referral
scope and the work area (Pasal 71–73) are recorded by the supervising Dinas Sosial kabupaten/kota or Kemensos; an
LPKS operator can change none of them, whatever the door (service, web form, API)."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.extensions import db
from lpks.platform.errors import Forbidden
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import WorkArea
from lpks.registry.services import institutions
from lpks.registry.services import profile as registry_profile
from tests.registry.conftest import PASURUAN, ids


def _user(username: str) -> User:
    return db.session.scalar(select(User).where(User.username == username))


@pytest.mark.parametrize("username, field, value, allowed", [
    ("operator.pasuruan", "referral_scope", "nasional", False),
    ("dinsos.pasuruan", "referral_scope", "kabupaten_kota", True),
    ("kemensos", "referral_scope", "nasional", True),
])
def test_the_service_decides_who_sets_class_fields(demo, field, username, value, allowed):
    with demo.test_request_context("/"):
        inst = db.session.scalar(select(Institution).where(Institution.name == PASURUAN))
        data = {field: value, "version": inst.version}
        if allowed:
            institutions.update(db.session, _user(username), inst, data)
            assert getattr(inst, field) == value
        else:
            with pytest.raises(Forbidden) as refused:
                institutions.update(db.session, _user(username), inst, data)
            assert refused.value.field == field and "hanya dapat diubah oleh" in refused.value.message
        db.session.rollback()


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan", "kemensos"])
@pytest.mark.parametrize("field, value", [("designation_decree_number", "Kepmensos No. 1/HUK/2026"),
                                          ("designation_decree_date", date(2025, 1, 2))])
def test_no_profile_records_the_designation(demo, username, field, value):
    """RULES §3 (issue 12 item 1): the Pasal 56 designation is the workflow's decision; Kemensos included, nobody
    types it into a profile."""
    from lpks.platform.errors import ServiceError

    with demo.test_request_context("/"):
        inst = db.session.scalar(select(Institution).where(Institution.name == PASURUAN))
        before = getattr(inst, field)
        with pytest.raises(ServiceError) as refused:
            institutions.update(db.session, _user(username), inst, {field: value, "version": inst.version})
        assert refused.value.field == field and "Pasal 56" in refused.value.message
        assert "Tetapkan akreditasi" in refused.value.message and getattr(inst, field) == before
        db.session.rollback()


def test_sending_the_current_value_again_is_not_a_change(demo):
    with demo.test_request_context("/"):
        inst = db.session.scalar(select(Institution).where(Institution.name == PASURUAN))
        data = {"referral_scope": inst.referral_scope, "designation_decree_number": inst.designation_decree_number,
                "designation_decree_date": inst.designation_decree_date, "phone": "0343-1", "version": inst.version}
        institutions.update(db.session, _user("operator.pasuruan"), inst, data)
        assert inst.phone == "0343-1"
        db.session.rollback()


def test_the_api_refuses_the_operator_and_names_the_field(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("operator.pasuruan")
    version = b.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    response = b.api("PATCH", f"/api/v1/institutions/{lpks}", json={"referral_scope": "nasional",
                                                                    "version": version})
    body = response.get_json()
    assert response.status_code == 403 and body["field"] == "referral_scope" and "Lingkup rujukan" in body["message"]
    for user in (b, browse("kemensos")):
        response = user.api("PATCH", f"/api/v1/institutions/{lpks}", json={"designation_decree_number": "KEP-1",
                                                                           "version": version})
        body = response.get_json()
        assert response.status_code == 422 and body["field"] == "designation_decree_number"
        assert "Pasal 56" in body["message"]
    area = b.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["31.74"]})
    assert area.status_code == 403 and area.get_json()["field"] == "kabkota_codes"
    assert "Wilayah kerja hanya dapat diubah oleh Dinas Sosial kabupaten/kota atau Kementerian Sosial" in \
        area.get_json()["message"]
    session.rollback()
    assert "31.74" not in session.scalars(select(WorkArea.kabkota_code).where(WorkArea.institution_id == lpks)).all()


def test_the_supervising_dinas_sosial_sets_scope_and_work_area(browse, session):
    """RULES §3 (issue 12 item 2): the authority follows the reach; the kabupaten/kota keeps its own reach, a
    provincial reach is the province's or Kemensos's."""
    lpks = ids(session)[PASURUAN]
    b = browse("dinsos.pasuruan")
    version = b.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    scope = b.api("PATCH", f"/api/v1/institutions/{lpks}", json={"referral_scope": "provinsi", "version": version})
    assert scope.status_code == 403 and "Dinas Sosial provinsi atau Kementerian Sosial" in scope.get_json()["message"]
    area = b.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["35.73"]})
    assert area.status_code == 403 and area.get_json()["field"] == "kabkota_codes"
    assert "Dinas Sosial provinsi atau Kementerian Sosial" in area.get_json()["message"]
    same = b.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["35.75"]})
    assert same.status_code == 200 and same.get_json()["kabkota_codes"] == ["35.75"]
    k = browse("kemensos")
    version = k.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    scope = k.api("PATCH", f"/api/v1/institutions/{lpks}", json={"referral_scope": "provinsi", "version": version})
    assert scope.status_code == 200 and scope.get_json()["referral_scope"] == "provinsi"
    area = k.api("PUT", f"/api/v1/institutions/{lpks}/work-area", json={"kabkota_codes": ["35.14"]})
    assert area.status_code == 200 and area.get_json()["kabkota_codes"] == ["35.14", "35.75"]


def test_the_operator_forms_do_not_offer_the_fields(browse, session):
    lpks = ids(session)[PASURUAN]
    operator, kemensos = browse("operator.pasuruan"), browse("kemensos")
    profile = operator.get(f"/admin/registry/{lpks}/profile").get_data(as_text=True)
    assert 'name="vision"' in profile and 'name="designation_decree_number"' not in profile
    ministry = kemensos.get(f"/admin/registry/{lpks}/profile").get_data(as_text=True)
    assert 'name="vision"' in ministry and 'name="designation_decree_number"' not in ministry  # RULES §3
    edit = operator.get(f"/admin/institution/edit/?id={lpks}").get_data(as_text=True)
    assert 'name="phone"' in edit and 'name="referral_scope"' not in edit
    assert 'name="referral_scope"' in browse("dinsos.pasuruan").get(f"/admin/institution/edit/?id={lpks}").get_data(
        as_text=True)
    overview = operator.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    assert "Ubah profil dan status" in overview and "Ubah wilayah kerja" not in overview
    assert operator.get(f"/admin/registry/{lpks}/work-area").status_code == 403
    # A forged field in the profile form is ignored: the form has no such field.
    before = session.get(Institution, lpks).designation_decree_number
    form = {"vision": "Visi baru", "designation_decree_number": "PALSU",
            "version": str(session.get(Institution, lpks).version)}
    assert operator.post(f"/admin/registry/{lpks}/profile", data=form).status_code == 302
    session.rollback()
    inst = session.get(Institution, lpks)
    assert inst.vision == "Visi baru" and inst.designation_decree_number == before


def test_the_work_area_service_refuses_the_operator(demo):
    with demo.test_request_context("/"):
        inst = db.session.scalar(select(Institution).where(Institution.name == PASURUAN))
        with pytest.raises(Forbidden) as refused:
            registry_profile.set_work_area(db.session, _user("operator.pasuruan"), inst, ["31.74"])
        assert refused.value.field == "kabkota_codes"


def test_the_domicile_is_in_the_work_area_wherever_it_is_read(demo):
    """One rule (registry_profile.with_domicile) for the page, the API and the class: after Kemensos moves the
    domicile, the new one is part of the work area everywhere, the recorded ones stay."""
    from lpks.accreditation.services import classes as accreditation_classes

    with demo.test_request_context("/"):
        kemensos = _user("kemensos")
        inst = db.session.scalar(select(Institution).where(Institution.name == PASURUAN))
        registry_profile.set_work_area(db.session, kemensos, inst, ["31.74"])
        institutions.update(db.session, kemensos, inst, {"kabkota_code": "35.14", "version": inst.version})
        assert [r.code for r in registry_profile.work_area(db.session, inst)] == ["31.74", "35.14", "35.75"]
        assert accreditation_classes.work_area_counts(db.session, [inst])[inst.id] == (2, 3)
        view = accreditation_classes.class_of(db.session, inst)
        assert (view.provinces, view.kabupaten_kota) == (2, 3)
        db.session.rollback()
