"""The eleven forms of Pasal 35 ayat 1 and a service's dates."""

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.rehab_services import FORMS, check_done, check_due

TODAY = date(2025, 8, 11)


def test_eleven_forms_a_to_k():
    assert [f.value for f in FORMS] == [
        "motivasi_diagnosis", "perawatan_pengasuhan", "vokasional_kewirausahaan", "mental_spiritual", "fisik",
        "sosial_konseling", "aksesibilitas", "bantuan_asistensi", "resosialisasi", "bimbingan_lanjut", "rujukan"]
    assert [f.pasal.split(";")[0][-1] for f in FORMS] == list("abcdefghijk")


@pytest.mark.parametrize(("due", "ok"), [(None, False), (date(2025, 8, 10), False), (date(2025, 8, 11), True)])
def test_due_date(due, ok):
    if ok:
        assert check_due(due, TODAY) == due
    else:
        with pytest.raises(RuleError) as caught:
            check_due(due, TODAY)
        assert caught.value.field == "due_on"


@pytest.mark.parametrize(("status", "done", "outcome", "field"), [
    ("planned", date(2025, 8, 11), "Anak mengikuti", None),
    ("planned", date(2025, 8, 1), "Anak mengikuti", None),       # the day it was planned
    ("planned", date(2025, 7, 31), "Anak mengikuti", "done_on"),  # before it was planned
    ("planned", date(2025, 8, 12), "Anak mengikuti", "done_on"),  # tomorrow
    ("planned", None, "Anak mengikuti", "done_on"),
    ("planned", date(2025, 8, 11), " ", "outcome"),
    ("done", date(2025, 8, 11), "x", "status"),
    ("cancelled", date(2025, 8, 11), "x", "status"),
])
def test_done(status, done, outcome, field):
    if field is None:
        check_done(status, done, outcome, date(2025, 8, 1), TODAY)
    else:
        with pytest.raises(RuleError) as caught:
            check_done(status, done, outcome, date(2025, 8, 1), TODAY)
        assert caught.value.field == field
