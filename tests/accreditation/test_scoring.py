"""Scoring (RULES §3): weights, rounding half up to 2 decimals before banding, exact band edges, validity dates."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

import pytest

from accreditation import (
    DEFAULT_INSTRUMENT,
    AccreditationError,
    AnswerOption,
    Grade,
    GradeBand,
    Indicator,
    Instrument,
    InstrumentAspect,
    evaluate,
    prefill_answers,
    score,
    valid_until,
)

from .factories import compliant_facts, one_indicator_instrument

EDGES = [
    ("0", None), ("55.99", None), ("55.994", None), ("55.995", Grade.C), ("56", Grade.C), ("70", Grade.C),
    ("70.99", Grade.C), ("70.01", Grade.C), ("71", Grade.B), ("85", Grade.B), ("85.99", Grade.B),
    ("85.994", Grade.B), ("85.995", Grade.A), ("86", Grade.A), ("100", Grade.A),
]


@pytest.mark.parametrize("points, grade", EDGES)
def test_band_edges_after_rounding_half_up(points, grade):
    instr = one_indicator_instrument({"pilihan": points, "penuh": "100"})
    result = score(instr, {"a.1": "pilihan"})
    assert result.total == Decimal(points).quantize(Decimal("0.01"), rounding="ROUND_HALF_UP")
    assert result.grade == grade


def test_weights_apply_to_each_aspects_share():
    answers = (AnswerOption("ya", "Ya", 2), AnswerOption("sebagian", "Sebagian", 1), AnswerOption("tidak", "Tidak", 0))
    instr = Instrument("uji-bobot", (
        InstrumentAspect("a", "A", 30, (Indicator("a.1", "x", 2, answers), Indicator("a.2", "y", 2, answers))),
        InstrumentAspect("b", "B", 70, (Indicator("b.1", "z", 2, answers),)),
    ), DEFAULT_INSTRUMENT.bands, {"A": 5, "B": 3, "C": 2})
    result = score(instr, {"a.1": "ya", "a.2": "sebagian", "b.1": "ya"})
    assert result.total == Decimal("92.50")  # 30 × 3/4 + 70 × 1
    assert [(a.code, a.score, a.points) for a in result.aspects] == [
        ("a", Decimal("75.00"), Decimal("22.50")), ("b", Decimal("100.00"), Decimal("70.00"))]
    assert result.grade is Grade.A and result.grade == "A"


def test_total_is_rounded_once_from_exact_values():
    answers = (AnswerOption("ya", "Ya", 3), AnswerOption("x", "x", 1), AnswerOption("tidak", "Tidak", 0))
    instr = Instrument("uji-pembulatan", (
        InstrumentAspect("a", "A", 50, (Indicator("a.1", "x", 3, answers),)),
        InstrumentAspect("b", "B", 50, (Indicator("b.1", "y", 3, answers),)),
    ), DEFAULT_INSTRUMENT.bands, {"A": 5, "B": 3, "C": 2})
    result = score(instr, {"a.1": "x", "b.1": "x"})
    assert result.total == Decimal("33.33")  # 100/3, not 16.67 + 16.67 = 33.34
    assert [a.points for a in result.aspects] == [Decimal("16.67"), Decimal("16.67")]


def test_missing_indicators_score_zero_and_withhold_the_grade():
    answers = {ind.code: "terpenuhi" for ind in DEFAULT_INSTRUMENT.indicators}
    del answers["a.penetapan_menteri"]
    result = score(DEFAULT_INSTRUMENT, answers)
    assert result.missing == ("a.penetapan_menteri",) and not result.complete
    assert result.total == Decimal("95.00") and result.grade is None  # 100 − 15/3


@pytest.mark.parametrize("answers, words", [
    ({"z.9": "terpenuhi"}, "Indikator 'z.9' tidak ada dalam instrumen versi 2018.1."),
    ({"b.visi": "ya"}, "Jawaban 'ya' tidak tersedia untuk indikator b.visi; pilihan: terpenuhi, sebagian, belum."),
])
def test_unknown_indicator_or_answer_is_refused(answers, words):
    with pytest.raises(AccreditationError) as caught:
        score(DEFAULT_INSTRUMENT, answers)
    assert caught.value.field == "answers" and caught.value.message == words


def test_an_invalid_instrument_cannot_score():
    broken = dataclasses.replace(DEFAULT_INSTRUMENT, bands=DEFAULT_INSTRUMENT.bands[:3])
    with pytest.raises(AccreditationError, match="Nilai 0 sampai 56 tidak tercakup"):
        score(broken, {})


def test_a_new_instrument_version_leaves_an_old_score_unchanged():
    old = DEFAULT_INSTRUMENT
    answers = {ind.code: "terpenuhi" for ind in old.indicators} | {"f.sumber_dana": "belum", "g.reintegrasi": "belum"}
    before = score(old, answers)
    stricter = dataclasses.replace(old, version="2027.1", bands=(
        GradeBand(Grade.A, 95, 100), GradeBand(Grade.B, 80, 95), GradeBand(Grade.C, 60, 80), GradeBand(None, 0, 60)))
    after = score(stricter, answers)
    assert (before.instrument_version, before.total, before.grade) == ("2018.1", Decimal("91.67"), Grade.A)
    assert (after.instrument_version, after.grade) == ("2027.1", Grade.B)
    assert score(old, answers) == before and old.bands[0] == GradeBand(Grade.A, 86, 100)
    with pytest.raises(dataclasses.FrozenInstanceError):
        old.bands[0].lower = Decimal(95)  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        before.total = Decimal(0)  # type: ignore[misc]


@pytest.mark.parametrize("designated, grade, until", [
    (date(2025, 3, 15), "A", date(2030, 3, 15)),
    (date(2025, 3, 15), Grade.B, date(2028, 3, 15)),
    (date(2025, 3, 15), "c", date(2027, 3, 15)),
    (date(2024, 2, 29), "A", date(2029, 2, 28)),
    (date(2024, 2, 29), "C", date(2026, 2, 28)),
])
def test_valid_until_adds_the_grades_years(designated, grade, until):
    assert valid_until(designated, grade, DEFAULT_INSTRUMENT) == until


def test_no_validity_without_a_grade():
    with pytest.raises(AccreditationError) as caught:
        valid_until(date(2025, 1, 1), None, DEFAULT_INSTRUMENT)
    assert caught.value.field == "grade"


def test_prefill_from_the_standards_report_scores_a_compliant_lpks_100():
    report = evaluate(compliant_facts())
    answers = prefill_answers(DEFAULT_INSTRUMENT, report)
    assert len(answers) == len(DEFAULT_INSTRUMENT.indicators)
    assert score(DEFAULT_INSTRUMENT, answers).total == Decimal("100.00")


def test_prefill_follows_item_status_incl_verifier_findings():
    report = evaluate(compliant_facts(mission="", verifier_findings={"c.pemahaman_rehsos": "sebagian"}))
    answers = prefill_answers(DEFAULT_INSTRUMENT, report)
    assert (answers["b.misi"], answers["c.pemahaman_rehsos"], answers["b.visi"]) == ("belum", "sebagian", "terpenuhi")


def test_prefill_leaves_a_manual_item_no_verifier_decided_to_the_lpks():
    report = evaluate(compliant_facts(verifier_findings={}))
    answers = prefill_answers(DEFAULT_INSTRUMENT, report)
    assert "c.pemahaman_rehsos" not in answers  # the registry cannot know it: not "belum from the registry"
    assert len(answers) == len(DEFAULT_INSTRUMENT.indicators) - 1 and answers["c.pimpinan"] == "terpenuhi"


def test_prefill_skips_an_indicator_that_combines_a_manual_item_nobody_decided():
    answer = (AnswerOption("terpenuhi", "ya", Decimal(10)), AnswerOption("sebagian", "sebagian", Decimal(5)),
              AnswerOption("belum", "tidak", Decimal(0)))
    combined = Indicator("c.1", "Struktur dan pemahaman", Decimal(10), answer,
                         prefill=("c.pimpinan", "c.pemahaman_rehsos"))
    instrument = Instrument("uji-2", (InstrumentAspect("c", "Struktur", Decimal(100), (combined,)),),
                            DEFAULT_INSTRUMENT.bands, DEFAULT_INSTRUMENT.validity_years)
    assert prefill_answers(instrument, evaluate(compliant_facts(verifier_findings={}))) == {}
    decided = evaluate(compliant_facts(verifier_findings={"c.pemahaman_rehsos": "sebagian"}))
    assert prefill_answers(instrument, decided) == {"c.1": "sebagian"}
