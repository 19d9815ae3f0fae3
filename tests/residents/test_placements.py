"""Placements: legal basis and its condition, the documents of each basis, the doctor's certificate within 24 hours,
the hospital examination, capacity by sex (and two admissions racing for the last place), parole and exit."""
from __future__ import annotations

import threading
from datetime import date, time

import pytest

from lpks.registry.models.institution import Institution
from lpks.rules import REQUIRED_DOCUMENTS, LegalBasis
from tests.conftest import csrf_token

from .conftest import (
    Api,
    admitted,
    assessment,
    child,
    file_all,
    institution_id,
    make_placement,
    make_resident,
    open_custody,
    record_meeting,
)

UNDER_12 = {"birth_date": "2015-01-01"}  # 10 on 1 July 2025

LETTER = {"number": "1", "dated": "2025-08-01"}  # a document has its date and number (RULES §4)


def _resident_for(api, basis):
    return make_resident(api, **(UNDER_12 if basis == "under_12" else {}))


@pytest.mark.parametrize("basis", [b.value for b in LegalBasis])
def test_admission_is_refused_listing_every_missing_document_with_its_pasal(operator, basis):
    placement = make_placement(operator, basis, resident=_resident_for(operator, basis))
    refused = operator.post(f"/placements/{placement['id']}/admit", {"handover_at": "2025-08-11T08:00"})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "documents"
    for doc in REQUIRED_DOCUMENTS[LegalBasis(basis)]:
        assert doc.label_id in body["message"] and doc.pasal in body["message"]
    last = REQUIRED_DOCUMENTS[LegalBasis(basis)][-1]
    file_all(operator, placement, skip=(last.code,))
    if basis == "titipan":
        open_custody(operator, placement)
    one_missing = operator.post(f"/placements/{placement['id']}/admit", {}).get_json()
    assert last.label_id in one_missing["message"] and last.pasal in one_missing["message"]
    assert REQUIRED_DOCUMENTS[LegalBasis(basis)][0].label_id not in one_missing["message"]
    file_all(operator, operator.get(f"/placements/{placement['id']}").get_json())
    if basis == "pre_process":  # its meeting's agreement comes before admission too (Pasal 14 ayat 3)
        record_meeting(operator, placement)
    done = operator.post(f"/placements/{placement['id']}/admit", {})
    assert done.status_code == 200 and done.get_json()["status"] == "present"


def test_court_decision_accepts_litmas_or_social_report(operator):
    placement = make_placement(operator, "court_decision")
    for code in ("salinan_putusan", "ba_pelaksanaan_putusan", "pernyataan_tanggung_jawab", "laporan_litmas"):
        assert operator.post(f"/placements/{placement['id']}/documents", {"code": code, **LETTER}).status_code == 201
    assert operator.post(f"/placements/{placement['id']}/admit", {}).status_code == 200


def test_unknown_document_and_duplicates_are_refused(operator):
    placement = make_placement(operator, "titipan")
    wrong = operator.post(f"/placements/{placement['id']}/documents", {"code": "salinan_putusan"})
    assert wrong.status_code == 422 and wrong.get_json()["field"] == "code"
    operator.post(f"/placements/{placement['id']}/documents", {"code": "resume_kasus", **LETTER})
    again = operator.post(f"/placements/{placement['id']}/documents", {"code": "resume_kasus", **LETTER})
    assert again.status_code == 422


@pytest.mark.parametrize(("basis", "extra", "field"), [
    ("titipan", {"conditions": []}, "conditions"),
    ("titipan", {"conditions": ["tidak_ada_lpas"]}, "conditions"),
    ("pre_process", {"conditions": []}, "conditions"),
    ("diversi", {"conditions": ["keamanan_anak"]}, "conditions"),
    ("under_12", {}, "basis"),                      # a 15-year-old is not placed under Pasal 9 ayat 1 huruf a
    ("court_decision", {"months": 13}, "months"),
    ("court_decision", {"months": None}, "months"),
    ("titipan", {"months": 3}, "months"),
    ("nasional", {}, "basis"),
    ("titipan", {"start_date": "2025-13-01"}, "start_date"),
])
def test_bad_placement_input_names_the_field(operator, basis, extra, field):
    resident = make_resident(operator)
    body = {"resident_id": resident["id"], "basis": basis, "start_date": "2025-08-11",
            **({"conditions": ["keamanan_anak"]} if basis == "titipan" else {}), **extra}
    response = operator.post("/placements", body)
    assert response.status_code == 422 and response.get_json()["field"] == field, response.get_json()


def test_a_child_under_12_is_placed_only_under_huruf_a(operator):
    resident = make_resident(operator, **UNDER_12)
    body = operator.post("/placements", {"resident_id": resident["id"], "basis": "diversi"}).get_json()
    assert body["field"] == "basis" and "Pasal 9 ayat 1 huruf a" in body["message"]


@pytest.mark.parametrize("kind", ["anak_korban", "anak_saksi"])
def test_victims_and_witnesses_are_not_placed_under_pasal_9_ayat_1(operator, kind):
    resident = make_resident(operator, kind=kind)
    body = operator.post("/placements", {"resident_id": resident["id"], "basis": "diversi"}).get_json()
    assert body["field"] == "kind" and "Pasal 9 ayat 1, 3 dan 4" in body["message"]


def test_one_open_placement_per_child_and_cancel(operator):
    placement = make_placement(operator, "diversi")
    again = operator.post("/placements", {"resident_id": placement["resident_id"], "basis": "diversi"})
    assert again.status_code == 422 and again.get_json()["field"] == "resident_id"
    assert operator.delete(f"/placements/{placement['id']}").status_code == 200
    assert operator.get(f"/placements/{placement['id']}").status_code == 404


def test_doctors_certificate_may_follow_within_24_hours_then_is_flagged_late(operator, clock, client):
    clock(date(2025, 8, 11), time(10, 0))
    placement = make_placement(operator, "under_12", resident=make_resident(operator, **UNDER_12))
    file_all(operator, placement, skip=("surat_keterangan_sehat",), received_at="2025-08-11T09:00")
    body = operator.post(f"/placements/{placement['id']}/admit", {"handover_at": "2025-08-11T09:00"}).get_json()
    assert body["status"] == "present" and body["doctor_certificate_late"] is False
    assert body["doctor_certificate_due"].startswith("2025-08-12T02:00")  # 09:00 WIB next day = 02:00 UTC
    clock(date(2025, 8, 12), time(9, 0))
    assert operator.get(f"/placements/{placement['id']}").get_json()["doctor_certificate_late"] is False
    clock(date(2025, 8, 12), time(9, 1))
    assert operator.get(f"/placements/{placement['id']}").get_json()["doctor_certificate_late"] is True
    assert "Surat keterangan sehat dokter lewat 1x24 jam" in client.get("/").get_data(as_text=True)
    late = operator.post(f"/placements/{placement['id']}/documents",
                         {"code": "surat_keterangan_sehat", "received_at": "2025-08-12T09:01",
                          **LETTER}).get_json()
    assert late["doctor_certificate_late"] is True and late["missing_documents"] == []
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert "TERLAMBAT" in page


def test_admission_after_24_hours_needs_the_certificate(operator, clock):
    clock(date(2025, 8, 12), time(10, 0))
    placement = make_placement(operator, "diversi")
    file_all(operator, placement, skip=("surat_keterangan_sehat",))
    body = operator.post(f"/placements/{placement['id']}/admit", {"handover_at": "2025-08-11T09:59"}).get_json()
    assert body["field"] == "documents" and "Pasal 12 ayat 6 huruf d" in body["message"]


def test_suspected_violence_requires_the_hospital_examination(operator, client, clock):
    """RULES §4 (issue 12 item 9): the examination is recorded before admission, which it blocks until then."""
    placement = make_placement(operator, "diversi", suspected_violence=True)
    placement = file_all(operator, placement)
    assert placement["hospital_exam_required"] and placement["hospital_exam_missing"]
    refused = operator.post(f"/placements/{placement['id']}/admit", {})
    assert refused.status_code == 422 and refused.get_json()["field"] == "hospital_exam_on"
    assert "Pasal 12 ayat 7" in refused.get_json()["message"]
    after = operator.patch(f"/placements/{placement['id']}", {
        "hospital_exam_on": "2025-08-12", "hospital_exam_place": "RSUD dr. R. Soedarsono",
        "version": placement["version"]}).get_json()
    assert operator.post(f"/placements/{placement['id']}/admit", {}).get_json()["field"] == "hospital_exam_on"
    updated = operator.patch(f"/placements/{placement['id']}", {
        "hospital_exam_on": "2025-08-11", "hospital_exam_place": "RSUD dr. R. Soedarsono",
        "hospital_exam_result": "Tidak ditemukan luka", "version": after["version"]}).get_json()
    assert updated["hospital_exam_missing"] is False
    admitted_now = operator.post(f"/placements/{placement['id']}/admit", {})
    assert admitted_now.status_code == 200
    assert "pemeriksaan rumah sakit belum dicatat" not in client.get("/").get_data(as_text=True)
    titipan = admitted(operator, "titipan", suspected_violence=True)
    assert titipan["hospital_exam_required"] is False  # Pasal 10 ayat 6 and 12 ayat 7 only


def _set_capacity(session, girls: int, boys: int = 12) -> None:
    """The capacity as the Dinas Sosial verified it (the admission check reads the verified figures)."""
    inst = session.get(Institution, institution_id(session))
    inst.verified_capacity_girls, inst.verified_capacity_boys = girls, boys
    session.commit()


def _present_girls(session) -> int:
    from lpks.residents.services.admission import occupancy

    session.rollback()
    return occupancy(session, institution_id(session), "perempuan")


def test_admission_over_capacity_needs_a_reason(operator, session):
    _set_capacity(session, girls=_present_girls(session))
    placement = make_placement(operator, "diversi", resident=make_resident(operator, sex="perempuan"))
    file_all(operator, placement)
    refused = operator.post(f"/placements/{placement['id']}/admit", {})
    assert refused.status_code == 422 and refused.get_json()["field"] == "over_capacity_reason"
    assert "perempuan" in refused.get_json()["message"]
    boy = admitted(operator, "diversi")  # places for boys are free
    assert boy["status"] == "present"
    ok = operator.post(f"/placements/{placement['id']}/admit", {"over_capacity_reason": "Rujukan darurat"})
    assert ok.status_code == 200 and ok.get_json()["over_capacity_reason"] == "Rujukan darurat"


def test_two_admissions_into_the_last_place_exactly_one_succeeds(seeded, app, session):
    clients = [app.test_client(), app.test_client()]
    apis = [Api(clients[0], "operator.pasuruan"), None]
    placements = []
    for _ in range(2):
        placement = make_placement(apis[0], "diversi", resident=make_resident(apis[0], sex="perempuan"))
        file_all(apis[0], placement)
        placements.append(placement)
    apis[1] = Api(clients[1], "operator.pasuruan")
    _set_capacity(session, girls=_present_girls(session) + 1)
    barrier, results = threading.Barrier(2), [None, None]

    def admit(index):
        barrier.wait()
        results[index] = apis[index].post(f"/placements/{placements[index]['id']}/admit", {}).status_code

    threads = [threading.Thread(target=admit, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(results) == [200, 422]
    session.rollback()
    assert _present_girls(session) == session.get(Institution, institution_id(session)).verified_capacity_girls


def test_court_placement_parole_status_and_exit(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "court_decision", start_date="2025-01-01", months=12)
    assert (placement["last_day"], placement["parole_eligible_from"]) == ("2025-12-31", "2025-07-03")
    assert placement["parole"]["status"] == "eligible_by_time_behaviour_not_assessed"
    early = operator.post(f"/placements/{placement['id']}/exit", {"exit_reason": "parole", "exit_date": "2025-07-02"})
    assert early.status_code == 422 and "2025-07-03" not in early.get_json()["message"]
    assert "3 Juli 2025" in early.get_json()["message"]
    not_assessed = operator.post(f"/placements/{placement['id']}/exit", {"exit_reason": "parole"})
    assert not_assessed.status_code == 422 and "perilaku belum dinilai" in not_assessed.get_json()["message"]
    bad = operator.post(f"/placements/{placement['id']}/behaviour", assessment(operator, False)).get_json()
    assert bad["parole"]["status"] == "not_eligible"
    good = operator.post(f"/placements/{placement['id']}/behaviour", assessment(operator, True)).get_json()
    assert good["parole"]["status"] == "eligible" and good["parole"]["label"] == "memenuhi syarat"
    done = operator.post(f"/placements/{placement['id']}/exit", {"exit_reason": "parole"}).get_json()
    assert done["status"] == "exited" and done["exit_reason"] == "parole"


def test_court_placement_too_short_for_parole(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "court_decision", start_date="2025-06-01", months=3)
    assert placement["parole_eligible_from"] is None and placement["parole"]["status"] == "not_eligible"


@pytest.mark.parametrize(("basis", "reason", "ok"), [
    ("titipan", "picked_up_by_depositor", True),
    ("titipan", "not_picked_up_returned_to_parents", False),  # on day 1: notice unsent, period running (Pasal 11)
    ("titipan", "parole", False), ("diversi", "picked_up_by_depositor", False), ("diversi", "completed", True),
    ("diversi", "ran_away_not_found", True), ("court_decision", "not_picked_up_returned_to_parents", False),
    ("pre_process", "returned_to_parents", True), ("diversi", "pulang", False),
])
def test_exit_reasons_by_basis(operator, basis, reason, ok):
    placement = admitted(operator, basis)
    response = operator.post(f"/placements/{placement['id']}/exit", {"exit_reason": reason, "exit_date": "2025-08-11"})
    assert response.status_code == (200 if ok else 422), response.get_json()
    if not ok:
        assert response.get_json()["field"] == "exit_reason"
    elif basis == "titipan":
        assert all(p["status"] == "closed" and p["closed_reason"] == reason
                   for p in response.get_json()["custody_periods"])


def test_exit_date_checks(operator, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "diversi")
    for exit_date in ("2025-08-12", "2025-08-10"):
        response = operator.post(f"/placements/{placement['id']}/exit", {"exit_reason": "completed",
                                                                        "exit_date": exit_date})
        assert response.get_json()["field"] == "exit_date"


def test_kabkota_reads_but_cannot_write(seeded, client):
    placement = admitted(Api(client, "operator.pasuruan"), "diversi")
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    api = Api(client, "dinsos.pasuruan")
    assert api.get(f"/placements/{placement['id']}").status_code == 200
    assert api.post(f"/placements/{placement['id']}/exit", {"exit_reason": "completed"}).status_code == 403
    assert api.post("/residents", child()).status_code == 403
    page = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert "Akhiri penempatan" not in page and "Cetak berita acara" in page
