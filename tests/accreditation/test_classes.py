"""Class of an LPKS (Pasal 70–73) with the RULES §3 Reading: "X or higher", highest class whose criteria all hold."""

from __future__ import annotations

import pytest

from accreditation import (
    AccreditationError,
    Grade,
    ReferralScope,
    classify,
    criteria_for_api,
)

AREAS = ((0, 0), (1, 1), (1, 2), (2, 2))  # (provinces, kabupaten_kota), every consistent count in 0/1/2
# Expected class per (grade, referral scope), for the areas above in that order.
EXPECTED = {
    ("A", "nasional"): (None, "C", "B", "A"),
    ("A", "provinsi"): (None, "C", "B", "B"),
    ("A", "kabupaten_kota"): (None, "C", None, None),
    ("B", "nasional"): (None, "C", None, None),
    ("B", "provinsi"): (None, "C", None, None),
    ("B", "kabupaten_kota"): (None, "C", None, None),
    ("C", "nasional"): (None, None, None, None),
    ("C", "provinsi"): (None, None, None, None),
    ("C", "kabupaten_kota"): (None, None, None, None),
    (None, "nasional"): (None, None, None, None),
    (None, "provinsi"): (None, None, None, None),
    (None, "kabupaten_kota"): (None, None, None, None),
}
CASES = [(g, s, p, k, expected[i]) for (g, s), expected in EXPECTED.items() for i, (p, k) in enumerate(AREAS)]
KEYS = ["A.grade", "A.referral_scope", "A.provinces", "B.grade", "B.referral_scope", "B.kabupaten_kota",
        "C.grade", "C.kabupaten_kota"]


@pytest.mark.parametrize("grade, scope, provinces, kabupaten_kota, klass", CASES)
def test_class_for_every_grade_scope_and_area(grade, scope, provinces, kabupaten_kota, klass):
    result = classify(grade, scope, provinces, kabupaten_kota)
    assert result.klass == klass
    assert all(c.met for c in result.criteria_of(klass)) if klass else True


def test_criteria_for_api_lists_every_criterion_of_a_b_c_in_order():
    result = classify("A", "provinsi", 1, 3)
    assert criteria_for_api(result) == [
        {"criterion": "A.grade", "met": True}, {"criterion": "A.referral_scope", "met": False},
        {"criterion": "A.provinces", "met": False}, {"criterion": "B.grade", "met": True},
        {"criterion": "B.referral_scope", "met": True}, {"criterion": "B.kabupaten_kota", "met": True},
        {"criterion": "C.grade", "met": True}, {"criterion": "C.kabupaten_kota", "met": False},
    ]
    assert {"class": result.klass, "criteria": criteria_for_api(result)}["class"] == "B"


def test_no_valid_accreditation_gives_no_class_with_every_unmet_criterion():
    result = classify(None, ReferralScope.NASIONAL, 3, 10)
    assert result.klass is None
    assert [c.key for c in result.unmet] == ["A.grade", "B.grade", "C.grade", "C.kabupaten_kota"]
    assert [c.key for c in result.criteria] == KEYS


def test_higher_grade_meets_a_lower_grade_criterion_and_higher_scope_a_lower_scope():
    assert classify(Grade.A, "kabupaten_kota", 1, 1).criteria_of("C")[0].met  # A ≥ B (Pasal 73 huruf a)
    assert classify("A", "nasional", 1, 4).klass == "B"  # nasional ≥ provinsi (Pasal 72 huruf b)


def test_criteria_cite_their_pasal_and_speak_indonesian():
    result = classify("B", "provinsi", 1, 1)
    assert [c.pasal for c in result.criteria][:3] == ["Pasal 71 huruf a", "Pasal 71 huruf b", "Pasal 71 huruf c"]
    assert result.criteria[-1].label_id == "Wilayah kerja hanya mencakup 1 daerah kabupaten/kota"


@pytest.mark.parametrize("args, field", [
    (("D", "nasional", 1, 1), "grade"),
    (("AA", "nasional", 1, 1), "grade"),
    (("A", "regional", 1, 1), "referral_scope"),
    (("A", None, 1, 1), "referral_scope"),
    (("A", "nasional", -1, 1), "provinces"),
    (("A", "nasional", 1, -1), "kabupaten_kota"),
    (("A", "nasional", True, 1), "provinces"),
    (("A", "nasional", 1, "2"), "kabupaten_kota"),
    (("A", "nasional", 1.0, 2), "provinces"),
    # inconsistent areas within counts 0/1/2: a kabupaten/kota lies in exactly one province
    (("A", "nasional", 1, 0), "provinces"),
    (("A", "nasional", 2, 0), "provinces"),
    (("A", "nasional", 2, 1), "provinces"),
    (("A", "nasional", 0, 1), "provinces"),
    (("A", "nasional", 0, 2), "provinces"),
])
def test_invalid_inputs_are_refused_naming_the_api_parameter(args, field):
    with pytest.raises(AccreditationError) as caught:
        classify(*args)
    assert caught.value.field == field and caught.value.message and caught.value.message_en


def test_every_invalid_parameter_is_reported_at_once():
    with pytest.raises(AccreditationError) as caught:
        classify("Z", "dunia", -1, -2)
    assert [p.field for p in caught.value.problems] == ["grade", "referral_scope", "provinces", "kabupaten_kota"]
