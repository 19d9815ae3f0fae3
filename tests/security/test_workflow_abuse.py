"""Workflow abuse (issue 18, items 3 and 5c): evidence cited by an assessment under review is frozen; a decree cannot
make a designation expired on arrival nor replace the designation in force with an older one; the over-capacity
check trusts the capacity the Dinas Sosial verified, not the one the LPKS declares."""
from __future__ import annotations

import io
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from accreditation.workflow import WorkflowError, check_decree_in_force
from lpks.accreditation.models import Assessment
from lpks.platform import clock as local_clock
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.institution import Institution
from tests.accreditation_flow.conftest import (  # noqa: F401 (api: fixture)
    PASURUAN,
    api,
    institution_id,
    started,
    to_state,
)
from tests.conftest import csrf_token, login
from tests.residents.conftest import clock, seeded  # noqa: F401 (fixtures)

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
TODAY = date(2026, 6, 15)


def _upload(api, lpks: int, title: str) -> int:
    response = api.client.post("/api/v1/evidence", content_type="multipart/form-data",
                               headers={"X-CSRFToken": api.token},
                               data={"institution_id": str(lpks), "title": title, "kind": "akta_pendirian",
                                     "item_codes": "a.upt_or_badan_hukum", "file": (io.BytesIO(PDF), "bukti.pdf")})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


def _cite(api, ident: int, doc: int) -> None:
    version = api.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    response = api.put(f"/accreditation/assessments/{ident}/answers", {"version": version, "answers": {
        "b.visi": {"answer": "terpenuhi", "evidence": "Akta di map 3", "evidence_ids": [doc]}}})
    assert response.status_code == 200, response.get_json()


def _patch(api, doc: int, title: str):
    version = api.get(f"/evidence/{doc}").get_json()["version"]
    return api.client.patch(f"/api/v1/evidence/{doc}", json={"title": title, "version": version},
                            headers={"X-CSRFToken": api.token})


def _delete(api, doc: int):
    return api.client.delete(f"/api/v1/evidence/{doc}", headers={"X-CSRFToken": api.token})


@pytest.fixture
def under_review(api, session):
    """Bina Harapan's self-assessment citing document `cited`, submitted to the Dinas Sosial; `loose` is not cited."""
    operator = api("operator.pasuruan")
    own = institution_id(session, PASURUAN)
    cited, loose = _upload(operator, own, "Akta yayasan"), _upload(operator, own, "Foto papan nama")
    ident = started(api)
    _cite(operator, ident, cited)
    to_state(api, ident, "submitted")
    return {"operator": operator, "id": ident, "cited": cited, "loose": loose}


def test_cited_evidence_cannot_be_changed_or_deleted_while_under_review(under_review, api, session, app):
    operator, cited = under_review["operator"], under_review["cited"]
    for response in (_patch(operator, cited, "Akta yang diganti"), _delete(operator, cited)):
        assert response.status_code == 409
        body = response.get_json()
        assert body["field"] == "evidence" and f"penilaian akreditasi #{under_review['id']}" in body["message"]
    session.rollback()
    doc = session.get(EvidenceDocument, cited)
    assert doc.title == "Akta yayasan"
    assert Path(app.config["UPLOAD_DIR"], doc.stored_name).is_file()  # the file stays too
    # the web form refuses it the same way, and the item links cannot be moved either
    client = app.test_client()
    login(client, "operator.pasuruan")
    page = client.get(f"/admin/evidence/edit/?id={cited}")
    form_token = csrf_token(client, f"/admin/evidence/edit/?id={cited}")
    saved = client.post(f"/admin/evidence/edit/?id={cited}", follow_redirects=True, data={
        "csrf_token": form_token, "title": "Lewat formulir", "kind": "akta_pendirian", "item_codes": [],
        "version": str(doc.version)})
    assert page.status_code == 200 and "sedang ditinjau" in saved.get_data(as_text=True)
    session.rollback()
    session.expire_all()
    assert session.get(EvidenceDocument, cited).title == "Akta yayasan"
    # a new version may be added, and a document nobody cited stays editable
    assert _upload(operator, institution_id(session, PASURUAN), "Akta yayasan (perubahan 2026)")
    assert _patch(operator, under_review["loose"], "Foto papan nama depan").status_code == 200
    # the reviewer still finds the cited document behind the answer
    answers = api("dinsos.pasuruan").get(f"/accreditation/assessments/{under_review['id']}").get_json()["answers"]
    assert answers["b.visi"]["evidence_ids"] == [cited]


def test_the_freeze_holds_through_a_return_and_ends_with_the_workflow(under_review, api):
    operator, ident, cited = under_review["operator"], under_review["id"], under_review["cited"]
    returned = api("dinsos.pasuruan").step(ident, "return", note="Lengkapi bukti visi")
    assert returned.status_code == 200, returned.get_json()
    assert _delete(operator, cited).status_code == 409  # still the file the office reviewed
    cancelled = operator.step(ident, "cancel", note="Diajukan ulang tahun depan")
    assert cancelled.status_code == 200, cancelled.get_json()
    assert _patch(operator, cited, "Akta yayasan (arsip)").status_code == 200  # the workflow ended


def test_a_document_deleted_during_the_draft_cannot_be_submitted_as_cited(api, session):
    operator = api("operator.pasuruan")
    doc = _upload(operator, institution_id(session, PASURUAN), "Akta sementara")
    ident = started(api)
    _cite(operator, ident, doc)
    assert _delete(operator, doc).status_code == 204  # a draft does not freeze anything yet
    refused = operator.step(ident, "submit")
    assert refused.status_code == 422 and refused.get_json()["field"] == "evidence_ids"
    assert f"#{doc}" in refused.get_json()["message"] and "b.visi" in refused.get_json()["message"]
    _cite(operator, ident, _upload(operator, institution_id(session, PASURUAN), "Akta pengganti"))
    assert operator.step(ident, "submit").status_code == 200


# --- the designation decree ----------------------------------------------------------------------------------

@pytest.mark.parametrize("decree, until, submitted, current, field_ok", [
    (date(2026, 6, 1), date(2028, 6, 1), date(2026, 5, 1), None, True),
    (date(2026, 5, 1), date(2028, 5, 1), date(2026, 5, 1), None, True),  # on the day of submission
    (date(2026, 4, 30), date(2028, 4, 30), date(2026, 5, 1), None, False),  # before the submission
    (date(1990, 1, 1), date(1992, 1, 1), None, None, False),  # expired on arrival
    (date(2024, 6, 15), date(2026, 6, 15), None, None, True),  # its last valid day is today
    (date(2024, 6, 14), date(2026, 6, 14), None, None, False),  # ended yesterday
    (date(2026, 6, 1), None, None, date(2026, 6, 2), False),  # older than the designation in force
    (date(2026, 6, 2), None, None, date(2026, 6, 2), True),  # same day as the one in force
])
def test_a_decree_holds_on_arrival(decree, until, submitted, current, field_ok):
    if field_ok:
        check_decree_in_force(decree, until, submitted, current, TODAY)
    else:
        with pytest.raises(WorkflowError) as refused:
            check_decree_in_force(decree, until, submitted, current, TODAY)
        assert refused.value.field == "decree_date" and refused.value.kind == "input"


def _backdate_submission(session, ident: int, days: int) -> None:
    session.rollback()
    assessment = session.get(Assessment, ident)
    assessment.submitted_at = datetime.now(timezone.utc) - timedelta(days=days)
    session.commit()


def test_kemensos_cannot_designate_with_a_1990_decree(api, session):
    ident = started(api)
    to_state(api, ident, "recommended")
    response = api("kemensos").step(ident, "designate", decree_number="KEP-1990", decree_date="1990-01-05")
    assert response.status_code == 422 and response.get_json()["field"] == "decree_date"
    assert "mendahului" in response.get_json()["message"]
    _backdate_submission(session, ident, 6 * 365)  # even with a submission as old, it would expire on arrival
    old = (local_clock.today() - timedelta(days=5 * 365)).isoformat()
    expired = api("kemensos").step(ident, "designate", decree_number="KEP-LAMA", decree_date=old, grade="C",
                                   grade_reason="Uji")
    assert expired.status_code == 422 and "kedaluwarsa saat dicatat" in expired.get_json()["message"]
    assert api("kemensos").get(f"/accreditation/assessments/{ident}").get_json()["state"] == "recommended"


def test_an_older_decree_cannot_replace_the_designation_in_force(api, session):
    first = started(api)
    to_state(api, first, "designated")  # decreed today
    second = started(api)
    to_state(api, second, "recommended")
    _backdate_submission(session, second, 30)
    older = (local_clock.today() - timedelta(days=10)).isoformat()
    refused = api("kemensos").step(second, "designate", decree_number="KEP-2", decree_date=older)
    assert refused.status_code == 422 and "lebih lama" in refused.get_json()["message"]
    assert api("kemensos").get(f"/accreditation/assessments/{first}").get_json()["state"] == "designated"
    accepted = api("kemensos").step(second, "designate", decree_number="KEP-3", decree_date=local_clock.today().isoformat())
    assert accepted.status_code == 200, accepted.get_json()
    assert api("kemensos").get(f"/accreditation/assessments/{first}").get_json()["state"] == "superseded"


# --- the capacity the Dinas Sosial verified ----------------------------------------------------------------------

def _institution(api, ident: int) -> dict:
    return api.get(f"/institutions/{ident}").get_json()


def test_only_the_supervising_office_sets_the_verified_capacity(api, session):
    own = institution_id(session, PASURUAN)
    operator, dinsos = api("operator.pasuruan"), api("dinsos.pasuruan")
    version = _institution(operator, own)["version"]
    declared = operator.client.patch(f"/api/v1/institutions/{own}", headers={"X-CSRFToken": operator.token},
                                     json={"capacity_boys": 500, "version": version})
    assert declared.status_code == 200 and declared.get_json()["verified_capacity_boys"] == 30
    refused = operator.client.patch(f"/api/v1/institutions/{own}", headers={"X-CSRFToken": operator.token},
                                    json={"verified_capacity_boys": 500, "version": version + 1})
    assert refused.status_code == 403 and refused.get_json()["field"] == "verified_capacity_boys"
    assert "Dinas Sosial" in refused.get_json()["message"]
    verified = dinsos.client.patch(f"/api/v1/institutions/{own}", headers={"X-CSRFToken": dinsos.token},
                                   json={"verified_capacity_boys": 14, "version": version + 1})
    assert verified.status_code == 200, verified.get_json()
    assert verified.get_json()["verified_capacity_boys"] == 14
    assert verified.get_json()["capacity_verified_on"] == local_clock.today().isoformat()
    other = institution_id(session, "LPKS Cahaya Anak Malang")  # another regency: not its office
    assert dinsos.client.patch(f"/api/v1/institutions/{other}", headers={"X-CSRFToken": dinsos.token},
                               json={"verified_capacity_boys": 99, "version": 1}).status_code == 404


def test_the_operator_form_does_not_offer_the_verified_capacity(demo, app, session):
    own = institution_id(session, PASURUAN)
    operator, dinsos = app.test_client(), app.test_client()
    login(operator, "operator.pasuruan")
    login(dinsos, "dinsos.pasuruan")
    assert 'name="verified_capacity_boys"' not in operator.get(f"/admin/institution/edit/?id={own}").get_data(
        as_text=True)
    assert 'name="verified_capacity_boys"' in dinsos.get(f"/admin/institution/edit/?id={own}").get_data(as_text=True)
    session.rollback()
    assert session.get(Institution, own).verified_capacity_boys == 30


def _verify(session, boys, girls) -> None:
    inst = session.get(Institution, institution_id(session, PASURUAN))
    inst.verified_capacity_boys, inst.verified_capacity_girls = boys, girls
    inst.capacity_boys = inst.capacity_girls = 500  # what the LPKS declares for itself changes nothing
    session.commit()


def _present(session, sex: str) -> int:
    from lpks.residents.services.admission import occupancy

    session.rollback()
    return occupancy(session, institution_id(session, PASURUAN), sex)


def test_admission_checks_the_verified_capacity_not_the_declared_one(seeded, app, clock, session):
    from tests.residents.conftest import Api, file_all, make_placement, make_resident

    operator = Api(app.test_client(), "operator.pasuruan")
    _verify(session, boys=_present(session, "laki_laki"), girls=None)
    boy = make_placement(operator, "diversi")
    file_all(operator, boy)
    full = operator.post(f"/placements/{boy['id']}/admit", {})
    assert full.status_code == 422 and full.get_json()["field"] == "over_capacity_reason"
    assert "diverifikasi Dinas Sosial" in full.get_json()["message"]
    girl = make_placement(operator, "diversi", resident=make_resident(operator, sex="perempuan"))
    file_all(operator, girl)
    unverified = operator.post(f"/placements/{girl['id']}/admit", {})
    assert unverified.status_code == 422 and "belum diverifikasi" in unverified.get_json()["message"]
    admitted = operator.post(f"/placements/{girl['id']}/admit", {"over_capacity_reason": "Rujukan darurat polres"})
    assert admitted.status_code == 200 and admitted.get_json()["over_capacity_reason"] == "Rujukan darurat polres"
    _verify(session, boys=_present(session, "laki_laki") + 1, girls=10)
    assert operator.post(f"/placements/{boy['id']}/admit", {}).status_code == 200  # a verified free place
