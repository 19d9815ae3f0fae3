"""The missing obligations of issue 12 item 9 through the API and the placement page: the UMP table and the
loss-versus-UMP check, the Pasal 14 meeting before admission, the school-exam permission with its letter, the
progress reports whose latest one decides parole, and a notice sent late that stays late."""
from __future__ import annotations

import io
import re
from datetime import date

import pytest

from tests.conftest import csrf_token, login
from tests.conftest import workbook as xlsx

from .conftest import (
    MEETING,
    Api,
    admitted,
    file_all,
    make_placement,
    make_resident,
    peksos_id,
    record_meeting,
)


@pytest.fixture
def no_ump(seeded, session):
    """An empty UMP table (the demo seeds its own example rows)."""
    from sqlalchemy import delete

    from lpks.residents.models.obligations import MinimumWage

    session.execute(delete(MinimumWage))
    session.commit()
    return seeded


UMP_2025 = {"province_code": "35", "year": 2025, "amount": 2305985, "decree": "Kepgub Jatim 100.3.3.1/2024"}


def _loss_placement(api, loss):
    return api.post("/placements", {"resident_id": make_resident(api)["id"], "basis": "pre_process",
                                    "start_date": "2025-08-11", "conditions": ["kerugian_tidak_melebihi_ump"],
                                    "victim_loss": loss})


def test_the_loss_condition_is_checked_against_the_ump(no_ump, client, clock):
    operator = Api(client, "operator.pasuruan")
    missing = _loss_placement(operator, 500000)
    assert missing.status_code == 422 and missing.get_json()["field"] == "conditions"
    assert "Jawa Timur tahun 2025" in missing.get_json()["message"]
    assert operator.post("/minimum-wages", UMP_2025).status_code == 403  # the table is Kemensos's
    kemensos = Api(client, "kemensos")
    assert kemensos.post("/minimum-wages", UMP_2025).status_code == 201
    assert kemensos.post("/minimum-wages", UMP_2025).get_json()["field"] == "year"  # one per province and year
    operator = Api(client, "operator.pasuruan")
    above = _loss_placement(operator, 2305986)
    assert above.status_code == 422 and above.get_json()["field"] == "victim_loss"
    assert "2.305.985" in above.get_json()["message"]
    within = _loss_placement(operator, 2305985)
    assert within.status_code == 201 and within.get_json()["victim_loss"] == 2305985


def test_the_ump_table_imports_from_xlsx(no_ump, client):
    login(client, "kemensos")
    token = csrf_token(client, "/admin/minimum_wage/")
    bad = xlsx(["kode_provinsi", "tahun", "ump", "keputusan"], [["35", 2026, 2446880, "Kepgub"], ["35.75", 2026, 1, ""],
                                                                ["31", 2026, "banyak", ""]])
    page = client.post("/admin/minimum_wage/import/", data={"csrf_token": token, "file": (io.BytesIO(bad), "ump.xlsx")},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "Baris 3, kolom kode_provinsi" in page and "Baris 4, kolom ump" in page
    assert Api(client, "kemensos").get("/minimum-wages").get_json()["items"] == []  # nothing saved
    good = xlsx(["kode_provinsi", "tahun", "ump", "keputusan"], [["35", 2026, 2446880, "Kepgub"],
                                                                 ["31", 2026, 5396761, "Kepgub DKI"]])
    token = csrf_token(client, "/admin/minimum_wage/")
    page = client.post("/admin/minimum_wage/import/", data={"csrf_token": token, "file": (io.BytesIO(good), "u.xlsx")},
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "2 baris UMP disimpan." in page
    rows = Api(client, "kemensos").get("/minimum-wages").get_json()["items"]
    assert {(r["province_code"], r["year"], r["amount"]) for r in rows} == {("35", 2026, 2446880),
                                                                           ("31", 2026, 5396761)}


def test_admission_rests_on_the_meeting_agreement(operator, clock):
    placement = make_placement(operator, "pre_process")
    file_all(operator, placement)
    refused = operator.post(f"/placements/{placement['id']}/admit", {})
    assert refused.status_code == 422 and refused.get_json()["field"] == "meeting"
    assert "Pasal 14 ayat 3" in refused.get_json()["message"]
    incomplete = operator.post(f"/placements/{placement['id']}/meeting",
                               {**MEETING, "participants": ["anak_keluarga", "korban_keluarga"]})
    assert incomplete.status_code == 422 and incomplete.get_json()["field"] == "participants"
    assert "Tokoh agama" in incomplete.get_json()["message"]
    meeting = record_meeting(operator, placement)["meeting"]
    assert meeting["initiator"] == "peksos" and "Tokoh masyarakat" in meeting["participant_labels"]
    assert operator.post(f"/placements/{placement['id']}/meeting", MEETING).status_code == 422  # recorded once
    assert operator.post(f"/placements/{placement['id']}/admit", {}).status_code == 200


def test_the_meeting_form_on_the_placement_page(operator, client, clock):
    placement = make_placement(operator, "pre_process")
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-testid="meeting-missing"' in page and 'data-testid="meeting-form"' in page
    form = {"csrf_token": csrf_token(client, url), "held_on": "2025-08-08", "place": "Pusat Kesejahteraan Sosial",
            "initiator": "tks", "participants": ["anak_keluarga", "korban_keluarga", "tokoh_masyarakat",
                                                 "tokoh_agama", "aparatur_desa", "bhabinkamtibmas"],
            "outcome": "Ditempatkan di LPKS selama 3 bulan"}
    page = client.post(f"/admin/placement/meeting/?id={placement['id']}", data=form,
                       follow_redirects=True).get_data(as_text=True)
    assert "Kesepakatan musyawarah dicatat." in page and 'data-testid="meeting"' in page and "Bhabinkamtibmas" in page


def test_school_exam_request_letter_and_answer(operator, client, clock):
    placement = admitted(operator, "titipan")
    body = {"exam": "Asesmen Sumatif Akhir Semester", "school": "SMPN 2 Pasuruan", "exam_date": "2025-08-20",
            "place": "sekolah", "addressee": "Kasat Reskrim Polres Pasuruan Kota", "letter_number": "400/12/LPKS",
            "letter_date": "2025-08-11"}
    created = operator.post(f"/placements/{placement['id']}/school-exams", body)
    assert created.status_code == 201
    exam = created.get_json()["school_exams"][0]
    assert exam["place_label"] == "Di sekolah" and exam["answer"] is None
    court = admitted(operator, "court_decision")
    refused = operator.post(f"/placements/{court['id']}/school-exams", body)
    assert refused.status_code == 422 and "Pasal 11 ayat 8" in refused.get_json()["message"]
    early = operator.post(f"/school-exams/{exam['id']}/answer", {"answer": "granted_school", "answer_date": "2025-08-10"})
    assert early.status_code == 422 and early.get_json()["field"] == "answer_date"
    answered = operator.post(f"/school-exams/{exam['id']}/answer", {"answer": "granted_lpks",
                                                                    "answer_date": "2025-08-11"}).get_json()
    assert answered["school_exams"][0]["answer_label"] == "Diizinkan di LPKS"
    url = f"/admin/placement/details/?id={placement['id']}"
    token = csrf_token(client, url)
    letter = client.post(f"/admin/placement/school-exam/print/?id={placement['id']}&exam={exam['id']}",
                         data={"csrf_token": token}).get_data(as_text=True)
    assert "Pasal 11 ayat (8)" in letter and "400/12/LPKS" in letter and "SMPN 2 Pasuruan" in letter
    assert "Budi Santoso" in letter  # the letter names the child: an audited identity view


def test_school_exam_form_on_the_page(operator, client, clock):
    placement = admitted(operator, "titipan")
    url = f"/admin/placement/details/?id={placement['id']}"
    form = {"csrf_token": csrf_token(client, url), "exam": "Ujian Tengah Semester", "exam_date": "2025-08-18",
            "place": "lpks", "addressee": "Penyidik Unit PPA", "letter_number": "400/13/LPKS",
            "letter_date": "2025-08-11"}
    page = client.post(f"/admin/placement/school-exam/?id={placement['id']}", data=form,
                       follow_redirects=True).get_data(as_text=True)
    assert "Permohonan ujian sekolah dicatat." in page and "Ujian Tengah Semester" in page
    assert 'data-testid="exam-answer-form"' in page


def test_progress_reports_decide_parole(operator, client, clock, session):
    from lpks.registry.models.staff import StaffMember

    clock(date(2025, 8, 11))
    placement = admitted(operator, "court_decision", start_date="2025-01-01", months=12)
    path = f"/placements/{placement['id']}/progress-reports"
    not_peksos = session.scalar(StaffMember.__table__.select().with_only_columns(StaffMember.id).where(
        StaffMember.institution_id == placement["institution_id"], StaffMember.function != "peksos"))
    refused = operator.post(path, {"author_id": not_peksos, "summary": "x", "behaviour_good": True})
    assert refused.status_code == 422 and refused.get_json()["field"] == "author_id"
    author = peksos_id(operator)
    good = operator.post(path, {"author_id": author, "report_date": "2025-08-01", "summary": "Tertib dan aktif.",
                                "behaviour_good": True, "recommendation": "parole"}).get_json()
    assert good["parole"]["status"] == "eligible" and good["progress_reports"][0]["recommendation"] == "parole"
    later = operator.post(path, {"author_id": author, "report_date": "2025-08-10", "summary": "Berkelahi.",
                                 "behaviour_good": False, "recommendation": "continue"}).get_json()
    assert later["parole"]["status"] == "not_eligible"  # the latest report's assessment is the one parole reads
    older = operator.post(path, {"author_id": author, "report_date": "2025-07-01", "summary": "Awal.",
                                 "behaviour_good": True}).get_json()
    assert older["parole"]["status"] == "not_eligible" and len(older["progress_reports"]) == 3
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-testid="progress-reports"' in page and "Berkelahi." in page and 'data-testid="report-form"' in page
    done = client.post(f"/admin/placement/progress-report/?id={placement['id']}", data={
        "csrf_token": csrf_token(client, url), "author_id": str(author), "report_date": "2025-08-11",
        "summary": "Membaik.", "behaviour_good": "ya", "recommendation": "parole"}, follow_redirects=True)
    assert "Laporan perkembangan dicatat." in done.get_data(as_text=True)
    assert operator.get(f"/placements/{placement['id']}").get_json()["parole"]["status"] == "eligible"


def test_a_notice_sent_after_its_deadline_stays_late(operator, client, clock):
    clock(date(2025, 8, 11))
    placement = admitted(operator, "titipan")
    period = placement["custody_periods"][0]  # deadline 14 August
    clock(date(2025, 8, 15))
    sent = operator.post(f"/custody-periods/{period['id']}/notice", {"notice_number": "400/1",
                                                                     "notice_sent_on": "2025-08-15"}).get_json()
    assert sent["notice_late"] is True and sent["notice_overdue"] is False
    page = client.get("/").get_data(as_text=True)
    section = page[page.index("Titipan: tenggat"):page.index("Penempatan berdasarkan putusan")]
    href, late = re.findall(r'data-testid="tile"><a href="([^"]*)">(\d+)</a>', section)[4]
    assert int(late) >= 1 and href.endswith("due=notice_late")
    assert f"/admin/placement/details/?id={placement['id']}" in client.get(href.replace("&amp;", "&")).get_data(
        as_text=True)
    detail = client.get(f"/admin/placement/details/?id={placement['id']}").get_data(as_text=True)
    assert 'data-testid="notice-late"' in detail
