"""Properties over many inputs: totals stay in 0–100, grades follow the bands, class never drops as grade rises."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from accreditation import DEFAULT_INSTRUMENT, Grade, ReferralScope, classify, score

INDICATORS = DEFAULT_INSTRUMENT.indicators
ANSWER = st.sampled_from(["terpenuhi", "sebagian", "belum", None])
RANK = {None: 0, "C": 1, "B": 2, "A": 3}


@settings(database=None)  # write nothing outside tests/accreditation
@given(st.lists(ANSWER, min_size=len(INDICATORS), max_size=len(INDICATORS)))
def test_total_in_range_and_grade_from_its_band(choices):
    answers = {ind.code: c for ind, c in zip(INDICATORS, choices)}
    result = score(DEFAULT_INSTRUMENT, answers)
    assert Decimal(0) <= result.total <= Decimal(100) and result.total == result.total.quantize(Decimal("0.01"))
    if result.complete:
        expected = next(b.grade for b in DEFAULT_INSTRUMENT.bands if b.lower <= result.total < max(b.upper, 100.01))
        assert result.grade == expected
    else:
        assert result.grade is None


# consistent work areas: no province ⇔ no kabupaten/kota; otherwise at least one kabupaten/kota per province
AREA = st.integers(0, 5).flatmap(lambda p: st.tuples(st.just(p), st.integers(p, 8 if p else 0)))


@settings(database=None)  # write nothing outside tests/accreditation
@given(st.sampled_from(list(ReferralScope)), AREA)
def test_a_higher_grade_never_gives_a_lower_class(scope, area):
    classes = [classify(grade, scope, *area).klass for grade in (None, Grade.C, Grade.B, Grade.A)]
    assert [RANK[k] for k in classes] == sorted(RANK[k] for k in classes)


@settings(database=None)  # write nothing outside tests/accreditation
@given(st.sampled_from([None, "A", "B", "C"]), AREA)
def test_a_wider_referral_scope_never_gives_a_lower_class(grade, area):
    classes = [classify(grade, scope, *area).klass for scope in ReferralScope]
    assert [RANK[k] for k in classes] == sorted(RANK[k] for k in classes)
