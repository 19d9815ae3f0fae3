"""Before admission (RULES §4, issue 12 item 9): the hospital examination when violence is suspected; for a child
not yet in legal process, the Pasal 14 meeting's agreement and the loss-versus-UMP condition. The school exam and
the progress reports (Pasal 11 ayat 8, 13 ayat 5), and a notice sent late (Pasal 11 ayat 4)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from lpks.rules import (
    RuleError,
    check_exam_answer,
    check_exam_request,
    check_hospital_exam,
    check_loss,
    check_meeting,
    check_report,
    is_notice_late,
    required_participants,
)

TODAY = date(2026, 12, 2)
ALL = ["anak_keluarga", "korban_keluarga", "tokoh_masyarakat", "tokoh_agama", "aparatur_desa"]


@pytest.mark.parametrize(("basis", "suspected", "exam_on", "hospital", "field"), [
    ("under_12", True, TODAY, "RSUD", None),
    ("diversi", True, TODAY - timedelta(days=1), "RSUD", None),
    ("diversi", True, None, "RSUD", "hospital_exam_on"),
    ("diversi", True, TODAY, "", "hospital_exam_on"),                     # the hospital is named
    ("under_12", True, TODAY + timedelta(days=1), "RSUD", "hospital_exam_on"),  # after the handover
    ("titipan", True, None, None, None),                                  # Pasal 10 ayat 6 / 12 ayat 7 only
    ("diversi", False, None, None, None),
])
def test_hospital_exam_before_admission(basis, suspected, exam_on, hospital, field):
    if field is None:
        assert check_hospital_exam(basis, suspected, exam_on, hospital, TODAY) is None
    else:
        with pytest.raises(RuleError) as refused:
            check_hospital_exam(basis, suspected, exam_on, hospital, TODAY)
        assert refused.value.field == field and "ayat" in refused.value.message


@pytest.mark.parametrize(("loss", "wage", "year", "field"), [
    (2_305_985, 2_305_985, 2025, None),            # equal: "tidak lebih dari"
    (0, 2_305_985, 2025, None),
    (2_305_986, 2_305_985, 2025, "victim_loss"),   # one rupiah above
    (None, 2_305_985, 2025, "victim_loss"),
    (100, None, 2025, "conditions"),               # no UMP for that province and year: cannot be chosen
    (100, 2_305_985, None, "conditions"),          # no offence date: no year
])
def test_loss_against_the_ump(loss, wage, year, field):
    if field is None:
        assert check_loss(loss, wage, "Jawa Timur", year) is None
    else:
        with pytest.raises(RuleError) as refused:
            check_loss(loss, wage, "Jawa Timur", year)
        assert refused.value.field == field and "Pasal 14 ayat 1 huruf e" in refused.value.message


def test_the_victim_takes_part_unless_there_is_none():
    assert "korban_keluarga" in [p.value for p in required_participants(["pelanggaran"])]
    assert "korban_keluarga" not in [p.value for p in required_participants(["tanpa_korban"])]


@pytest.mark.parametrize(("changes", "field"), [
    ({}, None),
    ({"participants": ALL[:-1]}, "participants"),                      # aparatur desa missing (ayat 5)
    ({"participants": [*ALL, "babinsa", "lainnya"]}, None),            # ayat 6: may also take part
    ({"participants": [p for p in ALL if p != "korban_keluarga"], "conditions": ["tanpa_korban"]}, None),
    ({"held_on": TODAY + timedelta(days=1)}, "held_on"),
    ({"place": " "}, "place"),
    ({"initiator": "polisi"}, "initiator"),                            # peksos or TKS (ayat 3)
    ({"outcome": ""}, "outcome"),
])
def test_meeting(changes, field):
    args = {"held_on": TODAY, "place": "Pusat Kesejahteraan Sosial", "initiator": "tks", "participants": ALL,
            "outcome": "Ditempatkan di LPKS", "conditions": ["pelanggaran"], **changes}
    if field is None:
        assert check_meeting(today=TODAY, **args)
    else:
        with pytest.raises(RuleError) as refused:
            check_meeting(today=TODAY, **args)
        assert refused.value.field == field and "Pasal 14" in refused.value.message


@pytest.mark.parametrize(("exam", "letter", "field"), [
    (TODAY, TODAY, None), (TODAY + timedelta(days=20), TODAY - timedelta(days=2), None),
    (TODAY - timedelta(days=1), TODAY, "exam_date"), (TODAY + timedelta(days=5), TODAY + timedelta(days=1),
                                                      "letter_date"),
])
def test_school_exam_request(exam, letter, field):
    if field is None:
        assert check_exam_request(exam, letter, TODAY) is None
    else:
        with pytest.raises(RuleError) as refused:
            check_exam_request(exam, letter, TODAY)
        assert refused.value.field == field and "Pasal 11 ayat 8" in refused.value.message


@pytest.mark.parametrize(("answer", "ok"), [(TODAY, True), (TODAY - timedelta(days=3), True),
                                            (TODAY - timedelta(days=4), False), (TODAY + timedelta(days=1), False)])
def test_school_exam_answer(answer, ok):
    if ok:
        assert check_exam_answer(TODAY - timedelta(days=3), answer, TODAY) is None
    else:
        with pytest.raises(RuleError):
            check_exam_answer(TODAY - timedelta(days=3), answer, TODAY)


@pytest.mark.parametrize(("report", "peksos", "field"), [
    (TODAY, True, None), (TODAY - timedelta(days=30), True, None), (TODAY, False, "author_id"),
    (TODAY + timedelta(days=1), True, "report_date"), (TODAY - timedelta(days=31), True, "report_date"),
])
def test_progress_report(report, peksos, field):
    start = TODAY - timedelta(days=30)
    if field is None:
        assert check_report(report, start, TODAY, peksos) is None
    else:
        with pytest.raises(RuleError) as refused:
            check_report(report, start, TODAY, peksos)
        assert refused.value.field == field and "Pasal 13 ayat 5" in refused.value.message


@pytest.mark.parametrize(("sent", "late"), [(None, False), (TODAY, False), (TODAY - timedelta(days=1), False),
                                            (TODAY + timedelta(days=1), True)])
def test_a_notice_sent_after_its_deadline_stays_late(sent, late):
    assert is_notice_late(TODAY, sent) is late
