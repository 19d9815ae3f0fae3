"""Legal bases, conditions, required documents and admission (Pasal 9 ayat 1, 10–14)."""

from datetime import date, datetime, timedelta

import pytest

from lpks.rules import (
    DOCTOR_CERTIFICATE,
    LegalBasis,
    MissingDocumentsError,
    PreProcessOffence,
    Route,
    RuleError,
    TitipanReason,
    basis_info,
    check_admission,
    check_basis_route,
    check_conditions,
    doctor_certificate_due,
    is_doctor_certificate_late,
    loss_within_minimum_wage,
    missing_documents,
    requires_hospital_exam,
    under_12_court_deadline,
)

EXPECTED_DOCUMENTS = {  # RULES §4 table, in the order of the Pasal
    LegalBasis.UNDER_12: [
        ("permohonan_penempatan_penyidik", "Surat permohonan penempatan dari penyidik", "Pasal 10 ayat 5 huruf a"),
        ("keputusan_musyawarah",
         "Hasil keputusan antara penyidik, pembimbing kemasyarakatan, dan Pekerja Sosial Profesional",
         "Pasal 10 ayat 5 huruf b"),
        ("bast_penempatan", "Berita acara serah terima penempatan", "Pasal 10 ayat 5 huruf c"),
        (DOCTOR_CERTIFICATE, "Surat keterangan sehat dari dokter (paling lambat 1x24 jam)", "Pasal 10 ayat 5 huruf d"),
        ("pernyataan_bersama_keamanan_pengawasan",
         "Surat pernyataan bersama mengenai keamanan dan pengawasan Anak yang ditempatkan di LPKS",
         "Pasal 10 ayat 5 huruf e"),
    ],
    LegalBasis.TITIPAN: [
        ("permohonan_penitipan", "Surat permohonan penitipan", "Pasal 11 ayat 2 huruf a"),
        ("bast_penitipan", "Berita acara serah terima penitipan", "Pasal 11 ayat 2 huruf b"),
        ("pernyataan_bersama_keamanan", "Surat pernyataan bersama mengenai keamanan Anak yang ditempatkan di LPKS",
         "Pasal 11 ayat 2 huruf c"),
        ("resume_kasus", "Resume/kronologis kasus", "Pasal 11 ayat 2 huruf d"),
        ("laporan_sosial", "Laporan sosial dari Pekerja Sosial Profesional atau Tenaga Kesejahteraan Sosial",
         "Pasal 11 ayat 2 huruf e"),
    ],
    LegalBasis.DIVERSI: [
        ("permohonan_penempatan_penyidik_anak", "Surat permohonan penempatan dari penyidik Anak",
         "Pasal 12 ayat 6 huruf a"),
        ("keputusan_musyawarah",
         "Hasil keputusan musyawarah antara penyidik, pembimbing kemasyarakatan, dan Pekerja Sosial Profesional",
         "Pasal 12 ayat 6 huruf b"),
        ("bast_penempatan", "Berita acara serah terima penempatan", "Pasal 12 ayat 6 huruf c"),
        (DOCTOR_CERTIFICATE, "Surat keterangan sehat dari dokter (paling lambat 1x24 jam)", "Pasal 12 ayat 6 huruf d"),
        ("pernyataan_bersama_keamanan_pengawasan",
         "Surat pernyataan bersama mengenai keamanan dan pengawasan Anak yang ditempatkan di LPKS",
         "Pasal 12 ayat 6 huruf e"),
    ],
    LegalBasis.COURT_DECISION: [
        ("salinan_putusan", "Salinan atau petikan penetapan dan/atau putusan pengadilan", "Pasal 13 ayat 7 huruf a"),
        ("ba_pelaksanaan_putusan", "Berita acara pelaksanaan penetapan dan/atau putusan pengadilan",
         "Pasal 13 ayat 7 huruf b"),
        ("litmas_atau_laporan_sosial",
         "Laporan penelitian kemasyarakatan dari pembimbing kemasyarakatan dan/atau laporan sosial dari Pekerja "
         "Sosial Profesional", "Pasal 13 ayat 7 huruf c"),
        ("pernyataan_tanggung_jawab",
         "Surat pernyataan tanggung jawab orang tua/wali/jaksa penuntut umum/pembimbing kemasyarakatan dalam "
         "mendukung proses Rehabilitasi Sosial dan Reintegrasi Sosial", "Pasal 13 ayat 7 huruf d"),
    ],
    LegalBasis.PRE_PROCESS: [
        ("persetujuan_orang_tua", "Surat pernyataan persetujuan orang tua/wali untuk menjadi klien", "Pasal 14 ayat 2"),
        ("persetujuan_anak", "Surat pernyataan persetujuan anak untuk menjadi klien", "Pasal 14 ayat 2"),
    ],
}


def codes(basis):
    return [code for code, _, _ in EXPECTED_DOCUMENTS[basis]]


@pytest.mark.parametrize("basis", list(LegalBasis))
def test_documents_follow_the_rules_table(basis):
    info = basis_info(basis)
    assert [(doc.code, doc.label_id, doc.pasal) for doc in info.documents] == EXPECTED_DOCUMENTS[basis]
    assert all(doc.label_en for doc in info.documents)


@pytest.mark.parametrize(("basis", "pasal", "options"), [
    (LegalBasis.UNDER_12, "Pasal 9 ayat 1 huruf a; Pasal 10", ()),
    (LegalBasis.TITIPAN, "Pasal 9 ayat 1 huruf b dan ayat 2; Pasal 11", tuple(TitipanReason)),
    (LegalBasis.DIVERSI, "Pasal 9 ayat 1 huruf c; Pasal 12", ()),
    (LegalBasis.COURT_DECISION, "Pasal 9 ayat 1 huruf d; Pasal 13", ()),
    (LegalBasis.PRE_PROCESS, "Pasal 9 ayat 1 huruf e; Pasal 14", tuple(PreProcessOffence)),
])
def test_basis_info(basis, pasal, options):
    info = basis_info(basis.value)
    assert info.pasal == pasal and info.condition_options == options
    assert info.label_id and info.label_en and info.condition_id and info.condition_en


def test_condition_option_counts_follow_the_law():
    assert [reason.pasal[-1] for reason in TitipanReason] == ["a", "b", "c"]
    assert [offence.pasal[-1] for offence in PreProcessOffence] == ["a", "b", "c", "d", "e"]


@pytest.mark.parametrize("basis", list(LegalBasis))
def test_all_documents_on_file_admits(basis):
    assert missing_documents(basis, codes(basis)) == ()
    assert check_admission(basis, set(codes(basis))) == ()


@pytest.mark.parametrize("basis", list(LegalBasis))
def test_error_lists_every_missing_document_with_its_pasal(basis):
    with pytest.raises(MissingDocumentsError) as caught:
        check_admission(basis, [])
    error = caught.value
    assert isinstance(error, RuleError) and error.field == "documents"
    assert [doc.code for doc in error.missing] == codes(basis)
    for _, label, pasal in EXPECTED_DOCUMENTS[basis]:
        assert f"{label} ({pasal})" in error.message
    assert all(f"({doc.pasal})" in error.message_en for doc in error.missing)


def test_only_missing_documents_are_named():
    on_file = ["permohonan_penitipan", "bast_penitipan", "resume_kasus"]
    with pytest.raises(MissingDocumentsError) as caught:
        check_admission(LegalBasis.TITIPAN, on_file)
    assert [doc.code for doc in caught.value.missing] == ["pernyataan_bersama_keamanan", "laporan_sosial"]
    assert "Surat permohonan penitipan" not in caught.value.message
    assert caught.value.rule == "Pasal 11 ayat 2"


@pytest.mark.parametrize("alternative", ["litmas_atau_laporan_sosial", "laporan_litmas", "laporan_sosial"])
def test_litmas_and_or_social_report(alternative):
    on_file = ["salinan_putusan", "ba_pelaksanaan_putusan", "pernyataan_tanggung_jawab", alternative]
    assert missing_documents(LegalBasis.COURT_DECISION, on_file) == ()


HANDOVER = datetime(2024, 2, 28, 21, 30)


@pytest.mark.parametrize(("now", "pending"), [
    (HANDOVER + timedelta(hours=1), True),
    (HANDOVER + timedelta(hours=24), True),   # "paling lambat 1x24 jam": the 24th hour is still on time
    (HANDOVER + timedelta(hours=24, minutes=1), False),
])
@pytest.mark.parametrize("basis", [LegalBasis.UNDER_12, LegalBasis.DIVERSI])
def test_doctor_certificate_may_follow_within_24_hours(basis, now, pending):
    on_file = [code for code in codes(basis) if code != DOCTOR_CERTIFICATE]
    if pending:
        assert [doc.code for doc in check_admission(basis, on_file, handover_at=HANDOVER, now=now)] == [
            DOCTOR_CERTIFICATE]
    else:
        with pytest.raises(MissingDocumentsError) as caught:
            check_admission(basis, on_file, handover_at=HANDOVER, now=now)
        assert [doc.code for doc in caught.value.missing] == [DOCTOR_CERTIFICATE]
    with pytest.raises(MissingDocumentsError):  # without the handover time every document is due at once
        check_admission(basis, on_file)


def test_pending_certificate_does_not_excuse_other_documents():
    with pytest.raises(MissingDocumentsError) as caught:
        check_admission(LegalBasis.UNDER_12, ["bast_penempatan"], handover_at=HANDOVER, now=HANDOVER)
    assert DOCTOR_CERTIFICATE not in [doc.code for doc in caught.value.missing]
    assert len(caught.value.missing) == 3


def test_doctor_certificate_due_across_leap_day():
    assert doctor_certificate_due(HANDOVER) == datetime(2024, 2, 29, 21, 30)


@pytest.mark.parametrize(("received", "now", "late"), [
    (datetime(2024, 2, 29, 21, 29), datetime(2024, 3, 5), False),
    (datetime(2024, 2, 29, 21, 30), datetime(2024, 3, 5), False),
    (datetime(2024, 2, 29, 21, 31), datetime(2024, 3, 5), True),
    (None, datetime(2024, 2, 29, 21, 30), False),
    (None, datetime(2024, 2, 29, 21, 31), True),
])
def test_is_doctor_certificate_late(received, now, late):
    assert is_doctor_certificate_late(HANDOVER, received, now) is late


@pytest.mark.parametrize(("basis", "violence", "expected"), [
    (LegalBasis.UNDER_12, True, True),
    (LegalBasis.DIVERSI, True, True),
    (LegalBasis.UNDER_12, False, False),
    (LegalBasis.DIVERSI, False, False),
    (LegalBasis.TITIPAN, True, False),
    (LegalBasis.COURT_DECISION, True, False),
    (LegalBasis.PRE_PROCESS, True, False),
])
def test_requires_hospital_exam(basis, violence, expected):
    assert requires_hospital_exam(basis, violence) is expected
    assert (basis_info(basis).hospital_exam_pasal is not None) is (basis in (LegalBasis.UNDER_12, LegalBasis.DIVERSI))


@pytest.mark.parametrize(("basis", "selected", "expected"), [
    (LegalBasis.TITIPAN, ["keamanan_anak"], (TitipanReason.CHILD_SAFETY,)),
    (LegalBasis.TITIPAN, ["tidak_tersedia_lpas", "tidak_tersedia_lpas"], (TitipanReason.NO_LPAS,)),
    (LegalBasis.PRE_PROCESS, ["delik_aduan", "tanpa_korban"],
     (PreProcessOffence.DELIK_ADUAN, PreProcessOffence.TANPA_KORBAN)),
    (LegalBasis.DIVERSI, [], ()),
])
def test_check_conditions(basis, selected, expected):
    assert check_conditions(basis, selected) == expected


@pytest.mark.parametrize(("basis", "selected", "field", "rule"), [
    (LegalBasis.TITIPAN, [], "reason", "Pasal 11 ayat 1"),
    (LegalBasis.TITIPAN, ["bosan"], "reason", "Pasal 11 ayat 1"),
    (LegalBasis.PRE_PROCESS, [], "offence", "Pasal 14 ayat 1"),
    (LegalBasis.PRE_PROCESS, ["pembunuhan"], "offence", "Pasal 14 ayat 1"),
    (LegalBasis.COURT_DECISION, ["delik_aduan"], "conditions", "Pasal 9 ayat 1 huruf d; Pasal 13"),
])
def test_check_conditions_refusals(basis, selected, field, rule):
    with pytest.raises(RuleError) as caught:
        check_conditions(basis, selected)
    assert (caught.value.field, caught.value.rule) == (field, rule)
    assert rule in caught.value.message


@pytest.mark.parametrize(("basis", "route", "ok"), [
    (LegalBasis.UNDER_12, Route.UNDER_12, True),
    (LegalBasis.UNDER_12, Route.ANAK, False),
    (LegalBasis.TITIPAN, Route.UNDER_12, False),
    (LegalBasis.DIVERSI, Route.UNDER_12, False),
    (LegalBasis.COURT_DECISION, Route.ANAK, True),
    (LegalBasis.PRE_PROCESS, "anak", True),
])
def test_check_basis_route(basis, route, ok):
    if ok:
        assert check_basis_route(basis, route) is basis
    else:
        with pytest.raises(RuleError) as caught:
            check_basis_route(basis, route)
        assert caught.value.field == "basis"


def test_unknown_basis_is_a_rule_error():
    with pytest.raises(RuleError) as caught:
        missing_documents("pengampunan", [])
    assert caught.value.field == "basis"


@pytest.mark.parametrize(("submitted", "expected"), [  # RULES §4 Reading: submission + 3 calendar days
    (date(2024, 2, 28), date(2024, 3, 2)),
    (date(2023, 2, 28), date(2023, 3, 3)),
    (date(2024, 12, 30), date(2025, 1, 2)),
])
def test_under_12_court_deadline(submitted, expected):
    assert under_12_court_deadline(submitted) == expected


@pytest.mark.parametrize(("loss", "wage", "expected"), [(2_000_000, 2_000_000, True), (2_000_001, 2_000_000, False)])
def test_loss_within_minimum_wage(loss, wage, expected):
    assert loss_within_minimum_wage(loss, wage) is expected
