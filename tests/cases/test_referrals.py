"""Referral (RULES §7): consent, the receiver's view (initials only until it accepts), accept/decline/complete, the
residential referral that ends the placement and hands the case over, outside the system, and Pasal 55."""
from __future__ import annotations

from sqlalchemy import select

from lpks.cases.models import ChildCase, Referral
from lpks.platform.services.users import create_user
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from tests.conftest import PASSWORD

from .conftest import Api

SURABAYA = "UPT Rehabilitasi Sosial Anak Surabaya"


def surabaya_operator(site) -> None:
    with site.app.test_request_context():
        create_user(site.session, "operator.surabaya", PASSWORD, "operator_lpks", str(site.lpks(SURABAYA).id), "Op")
    site.session.commit()


def body(case, receiver, **extra):
    return {"case_id": case.id, "receiver_kind": "lpks", "receiver_institution_id": receiver.id, "residential": True,
            "reason": "Butuh layanan vokasional", "services_asked": ["vokasional_kewirausahaan"],
            "shared": ["asesmen"], "child_consent": True, "parent_consent": True, **extra}


def test_consent_of_the_child_and_the_parent_is_required(site, client):
    _c, case = site.admit()
    site.session.commit()
    api = Api(client, "operator.pasuruan")
    response = api.post("/referrals", body(case, site.lpks(SURABAYA), child_consent=False))
    assert response.status_code == 422 and response.get_json()["field"] == "child_consent"
    response = api.post("/referrals", body(case, site.lpks(SURABAYA), parent_consent=None))
    assert response.get_json()["field"] == "parent_consent"
    response = api.post("/referrals", body(case, site.lpks(SURABAYA), receiver_kind="dinsos",
                                           receiver_region_code="35.78"))
    assert response.status_code == 422 and response.get_json()["field"] == "residential"


def test_residential_referral_accepted_ends_the_placement_and_the_case_follows_the_child(site, client):
    child, case = site.admit(name="Gilang Ramadhan")
    site.session.commit()
    surabaya_operator(site)
    sender = Api(client, "operator.pasuruan")
    sent = sender.post("/referrals", body(case, site.lpks(SURABAYA)))
    assert sent.status_code == 201, sent.get_json()
    referral = sent.get_json()
    assert referral["status"] == "sent" and referral["receiver"] == SURABAYA and referral["side"] == "sender"

    receiver = Api(site.app.test_client(), "operator.surabaya")
    seen = receiver.get(f"/referrals/{referral['id']}")
    assert seen.status_code == 200
    data = seen.get_json()
    assert data["child"] == {"initials": "G.R."} and data["case_id"] is None and data["shared_records"] == {}
    assert "Gilang" not in seen.get_data(as_text=True) and child.register_number not in seen.get_data(as_text=True)
    assert receiver.get(f"/cases/{case.id}").status_code == 404  # not the receiver's case yet
    assert receiver.get(f"/referrals/{referral['id']}/identity").status_code == 403

    assert sender.post(f"/referrals/{referral['id']}/accept", {"version": referral["version"]}).status_code in (403, 422)
    accepted = receiver.post(f"/referrals/{referral['id']}/accept", {"version": referral["version"]})
    assert accepted.status_code == 200, accepted.get_json()
    data = accepted.get_json()
    assert data["status"] == "accepted" and data["child"]["register_number"] == child.register_number
    assert "asesmen" in data["shared_records"]

    site.session.rollback()
    placement = site.session.scalar(select(Placement).where(Placement.resident_id == child.id))
    assert (placement.status, placement.exit_reason) == ("exited", "referred_elsewhere")
    moved = site.session.get(ChildCase, case.id)
    assert moved.institution_id == site.lpks(SURABAYA).id and moved.closed_on is None  # the case goes with the child
    assert site.session.get(Resident, child.id).institution_id == site.lpks(SURABAYA).id
    assert receiver.get(f"/cases/{case.id}").status_code == 200
    assert sender.get(f"/cases/{case.id}").status_code == 404
    assert sender.get(f"/referrals/{referral['id']}").get_json()["ended_placement_id"] == placement.id
    # the receiver opens its own placement, its documents still required
    opened = receiver.post("/placements", {"resident_id": child.id, "basis": "court_decision",
                                           "start_date": "2025-08-11", "months": 6})
    assert opened.status_code == 201 and opened.get_json()["missing_documents"]
    refused = receiver.post(f"/placements/{opened.get_json()['id']}/admit", {})
    assert refused.status_code == 422


def test_decline_needs_a_reason_and_complete_a_note(site, client):
    _c, case = site.admit()
    site.session.commit()
    surabaya_operator(site)
    sender = Api(client, "operator.pasuruan")
    first = sender.post("/referrals", body(case, site.lpks(SURABAYA), residential=False)).get_json()
    second = sender.post("/referrals", body(case, site.lpks(SURABAYA), residential=False)).get_json()
    receiver = Api(site.app.test_client(), "operator.surabaya")
    response = receiver.post(f"/referrals/{first['id']}/decline", {"version": first["version"]})
    assert response.status_code == 422 and response.get_json()["field"] == "decline_reason"
    declined = receiver.post(f"/referrals/{first['id']}/decline", {"version": first["version"],
                                                                   "decline_reason": "Kuota penuh"}).get_json()
    assert declined["status"] == "declined" and declined["decline_reason"] == "Kuota penuh"
    accepted = receiver.post(f"/referrals/{second['id']}/accept", {"version": second["version"]}).get_json()
    response = receiver.post(f"/referrals/{second['id']}/complete", {"version": accepted["version"]})
    assert response.get_json()["field"] == "completion_note"
    done = receiver.post(f"/referrals/{second['id']}/complete", {"version": accepted["version"],
                                                                 "completion_note": "Pelatihan selesai"}).get_json()
    assert done["status"] == "completed" and done["completed_on"]
    site.session.rollback()
    assert site.session.get(ChildCase, case.id).institution_id == site.institution.id  # not residential: stays


def test_outside_the_system_the_sender_records_the_answer(site, client):
    _c, case = site.admit()
    site.session.commit()
    api = Api(client, "operator.pasuruan")
    sent = api.post("/referrals", body(case, site.lpks(SURABAYA), residential=False, receiver_kind="external",
                                       receiver_institution_id=None, receiver_name="RSUD Dr. Soedarsono",
                                       services_asked=["fisik"])).get_json()
    assert sent["allowed_actions"] == ["accept", "decline"]
    accepted = api.post(f"/referrals/{sent['id']}/accept", {"version": sent["version"]}).get_json()
    assert accepted["status"] == "accepted"


def test_pasal_55_suggests_the_nearest_lpks_with_badan_hukum_and_a_free_place(site, client):
    _c, case = site.admit()
    site.session.commit()
    api = Api(client, "operator.pasuruan")
    own = api.get(f"/cases/{case.id}/referral-suggestions").get_json()
    assert own["pasal_55"] is False  # the LPKS of Kota Pasuruan has badan hukum
    names = [s["name"] for s in own["items"]]
    assert SURABAYA in names and "LPKS Cahaya Anak Malang" not in names  # Malang: no Kemenkumham decree
    assert not any("Jakarta" in n for n in names)  # not a neighbouring province of Jawa Timur
    malang = api.get(f"/cases/{case.id}/referral-suggestions?kabkota_code=35.73").get_json()
    assert malang["pasal_55"] is True and all(s["tier"] == "same_province" for s in malang["items"])


def test_the_dinas_sosial_reads_the_referrals_of_its_region_but_does_not_answer_them(site, client):
    _c, case = site.admit()
    site.session.commit()
    surabaya_operator(site)
    sent = Api(client, "operator.pasuruan").post("/referrals", body(case, site.lpks(SURABAYA))).get_json()
    dinsos = Api(site.app.test_client(), "dinsos.pasuruan")
    assert dinsos.get(f"/referrals/{sent['id']}").get_json()["allowed_actions"] == []
    assert dinsos.post(f"/referrals/{sent['id']}/accept", {"version": sent["version"]}).status_code == 403
    site.session.rollback()
    assert site.session.get(Referral, sent["id"]).status == "sent"


def _token(html: str) -> str:
    import re

    return re.search(r'name="[\w-]*csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def test_referral_through_the_web(site, client):
    import re

    from tests.conftest import login

    _c, case = site.admit(name="Hendra Wijaya")
    site.session.commit()
    surabaya_operator(site)
    login(client, "operator.pasuruan")
    plan = client.get(f"/admin/case/details/?id={case.id}&tab=rencana").get_data(as_text=True)
    assert 'data-testid="new-referral"' in plan
    html = client.get(f"/admin/case/referral/?id={case.id}").get_data(as_text=True)
    assert SURABAYA in html and 'data-testid="suggestion"' in html
    refused = client.post(f"/admin/case/referral/?id={case.id}", data={
        "csrf_token": _token(html), "receiver_kind": "lpks", "receiver_institution_id": str(site.lpks(SURABAYA).id),
        "residential": "false", "reason": "Butuh terapi", "services_asked": ["sosial_konseling"],
        "child_consent": "true", "parent_consent": ""})
    assert refused.status_code == 422 and "Butuh terapi" in refused.get_data(as_text=True)
    assert "Persetujuan orang tua/wali" in refused.get_data(as_text=True)
    sent = client.post(f"/admin/case/referral/?id={case.id}", data={
        "csrf_token": _token(html), "receiver_kind": "lpks", "receiver_institution_id": str(site.lpks(SURABAYA).id),
        "residential": "false", "reason": "Butuh terapi", "services_asked": ["sosial_konseling"],
        "shared": ["asesmen"], "child_consent": "true", "parent_consent": "true"})
    assert sent.status_code == 302
    ident = int(re.search(r"id=(\d+)", sent.headers["Location"]).group(1))

    other = site.app.test_client()
    login(other, "operator.surabaya")
    listing = other.get("/admin/referral/?side=received").get_data(as_text=True)
    assert "H.W." in listing and "Hendra" not in listing and case.id and "ABH-" not in listing
    page = other.get(f"/admin/referral/details/?id={ident}").get_data(as_text=True)
    assert 'data-testid="answer-form"' in page and "Hendra" not in page
    done = other.post(f"/admin/referral/answer/?id={ident}", data={"csrf_token": _token(page), "action": "accept",
                                                                   "version": "1"})
    assert done.status_code == 302
    assert "Diterima" in other.get(f"/admin/referral/details/?id={ident}").get_data(as_text=True)
