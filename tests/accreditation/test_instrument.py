"""Instrument as data (RULES §3): validation with Indonesian errors, and rows for an Excel sheet, read back."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest

from accreditation import (
    COLUMNS,
    DEFAULT_INSTRUMENT,
    AccreditationError,
    AnswerOption,
    Grade,
    GradeBand,
    instrument_from_rows,
    instrument_problems,
    instrument_to_rows,
    validate_instrument,
)

from .factories import default_bands, one_indicator_instrument


def _messages(instr):
    return [(p.field, p.message) for p in instrument_problems(instr)]


def test_default_instrument_is_valid_and_follows_the_reading():
    validate_instrument(DEFAULT_INSTRUMENT)
    bands = {b.grade: (b.lower, b.upper) for b in DEFAULT_INSTRUMENT.bands}
    assert bands == {Grade.A: (86, 100), Grade.B: (71, 86), Grade.C: (56, 71), None: (0, 56)}
    assert dict(DEFAULT_INSTRUMENT.validity_years) == {Grade.A: 5, Grade.B: 3, Grade.C: 2}
    assert [a.code for a in DEFAULT_INSTRUMENT.aspects] == list("abcdefg")
    assert sum(a.weight for a in DEFAULT_INSTRUMENT.aspects) == 100
    assert all(ind.prefill == (ind.code,) for ind in DEFAULT_INSTRUMENT.indicators)


def test_weights_must_sum_to_100():
    aspects = (dataclasses.replace(DEFAULT_INSTRUMENT.aspects[0], weight=Decimal(10)),) + DEFAULT_INSTRUMENT.aspects[1:]
    with pytest.raises(AccreditationError) as caught:
        validate_instrument(dataclasses.replace(DEFAULT_INSTRUMENT, aspects=aspects))
    assert caught.value.field == "instrument"
    assert caught.value.message == "Jumlah bobot aspek harus 100; sekarang 95."


@pytest.mark.parametrize("bands, field, words", [
    ((GradeBand(Grade.A, 86, 100), GradeBand(Grade.B, 71, 85), GradeBand(Grade.C, 56, 71), GradeBand(None, 0, 56)),
     "bands.A", "Celah antara B (71 s.d. kurang dari 85) dan A (86 s.d. 100): 85 sampai 86 tidak tercakup."),
    ((GradeBand(Grade.A, 85, 100), GradeBand(Grade.B, 71, 86), GradeBand(Grade.C, 56, 71), GradeBand(None, 0, 56)),
     "bands.A", "Rentang B (71 s.d. kurang dari 86) tumpang tindih dengan A (85 s.d. 100)."),
    ((GradeBand(Grade.A, 86, 100), GradeBand(Grade.B, 71, 86), GradeBand(Grade.C, 56, 71)),
     "bands.C", "Nilai 0 sampai 56 tidak tercakup rentang mana pun."),
    ((GradeBand(Grade.A, 86, 99), GradeBand(Grade.B, 71, 86), GradeBand(Grade.C, 56, 71), GradeBand(None, 0, 56)),
     "bands.A", "Nilai 99 sampai 100 tidak tercakup rentang mana pun."),
    ((GradeBand(Grade.B, 86, 100), GradeBand(Grade.A, 71, 86), GradeBand(Grade.C, 56, 71), GradeBand(None, 0, 56)),
     "bands.B", "Nilai lebih tinggi harus memberi peringkat lebih tinggi"),
    ((GradeBand(Grade.A, 86, 100), GradeBand(Grade.A, 71, 86), GradeBand(None, 0, 71)),
     "bands.A", "muncul lebih dari sekali"),
])
def test_bands_must_cover_0_to_100_without_gaps_or_overlaps(bands, field, words):
    problems = _messages(one_indicator_instrument({"ya": 100, "tidak": 0}, bands=bands))
    assert any(f == field and words in message for f, message in problems), problems


@pytest.mark.parametrize("answers, field, words", [
    ({"ya": 100}, "indicators.a.1.answers", "paling sedikit 2 pilihan jawaban"),
    ({"ya": 100, "tidak": -1}, "answers.a.1.tidak.score", "skor -1 harus 0 sampai 100"),
    ({"ya": 120, "tidak": 0}, "answers.a.1.ya.score", "skor 120 harus 0 sampai 100"),
    ({"ya": 90, "tidak": 0}, "indicators.a.1.answers", "tidak ada jawaban dengan skor maksimum 100"),
])
def test_each_indicator_needs_two_answers_scored_0_to_max(answers, field, words):
    problems = _messages(one_indicator_instrument(answers))
    assert any(f == field and words in message for f, message in problems), problems


@pytest.mark.parametrize("validity, field", [
    ({Grade.A: 5, Grade.B: 3}, "validity_years.C"),
    ({Grade.A: 5, Grade.B: 0, Grade.C: 2}, "validity_years.B"),
    ({Grade.A: 5, Grade.B: 3, Grade.C: 2.5}, "validity_years.C"),
])
def test_validity_years_are_positive_whole_years_for_every_grade(validity, field):
    assert field in [f for f, _ in _messages(one_indicator_instrument({"ya": 100, "tidak": 0}, validity=validity))]


def test_unknown_prefill_item_is_refused():
    instr = DEFAULT_INSTRUMENT
    aspect = instr.aspects[1]
    bad = dataclasses.replace(aspect.indicators[0], prefill=("b.slogan",))
    instr = dataclasses.replace(instr, aspects=(instr.aspects[0], dataclasses.replace(aspect, indicators=(
        bad,) + aspect.indicators[1:])) + instr.aspects[2:])
    assert ("indicators.b.visi.prefill", "Indikator b.visi: butir standar 'b.slogan' tidak dikenal.") in _messages(instr)


def test_rows_round_trip_the_default_instrument():
    rows = instrument_to_rows(DEFAULT_INSTRUMENT)
    assert all(tuple(row) == COLUMNS for row in rows)
    assert instrument_from_rows(rows) == DEFAULT_INSTRUMENT
    as_tuples = [tuple(row[c] for c in COLUMNS) for row in rows]
    assert instrument_from_rows(as_tuples) == DEFAULT_INSTRUMENT


def test_rows_accept_spreadsheet_values_and_skip_blank_rows():
    rows = [
        {"kind": "instrument", "version": "2026.1"},
        {"kind": "aspect", "aspect": "a", "label_id": "Status", "weight": 100.0},
        {},
        {"kind": "indicator", "aspect": "a", "indicator": "a.1", "label_id": "Badan hukum", "max_score": "2",
         "prefill": "a.upt_or_badan_hukum"},
        {"kind": "answer", "indicator": "a.1", "answer": "ya", "label_id": "Ya", "score": 2},
        {"kind": "answer", "indicator": "a.1", "answer": "sebagian", "label_id": "Sebagian", "score": "0,5"},
        {"kind": "answer", "indicator": "a.1", "answer": "tidak", "label_id": "Tidak", "score": 0},
        {"kind": "band", "grade": "a", "lower": 86, "upper": 100},
        {"kind": "band", "grade": "B", "lower": 71, "upper": 86},
        {"kind": "band", "grade": "C", "lower": 56, "upper": 71},
        {"kind": "band", "grade": None, "lower": 0, "upper": 56},
        {"kind": "validity", "grade": "A", "years": 5.0},
        {"kind": "validity", "grade": "B", "years": "3"},
        {"kind": "validity", "grade": "C", "years": 2},
    ]
    instr = instrument_from_rows(rows)
    assert instr.indicators[0].answer("sebagian") == AnswerOption("sebagian", "Sebagian", Decimal("0.5"), "")
    assert instr.validity_for("a") == 5 and instr.bands[0].grade is Grade.A


def test_row_errors_carry_sheet_row_numbers():
    rows = instrument_to_rows(DEFAULT_INSTRUMENT)
    rows[1]["weight"] = "lima belas"  # sheet row 3 (row 1 is the header)
    rows[-4]["upper"] = 85  # band C → gap
    rows.append({"kind": "catatan"})
    with pytest.raises(AccreditationError) as caught:
        instrument_from_rows(rows)
    found = [(p.row, p.field) for p in caught.value.problems]
    assert (3, "weight") in found and (len(rows) + 1, "kind") in found
    assert caught.value.message.startswith("Baris 3: 'lima belas' bukan angka.")


def test_validation_errors_from_rows_point_at_the_offending_row():
    rows = instrument_to_rows(DEFAULT_INSTRUMENT)
    band_b = next(i for i, r in enumerate(rows) if r["kind"] == "band" and r["grade"] == "B")
    rows[band_b]["lower"] = 72
    with pytest.raises(AccreditationError) as caught:
        instrument_from_rows(rows, first_row=2)
    problem = caught.value.problems[0]
    assert problem.row == band_b + 2  # the row whose lower bound opens the gap
    assert problem.message.startswith("Celah antara C (56 s.d. kurang dari 71) dan B (72 s.d. kurang dari 86)")


def test_duplicate_and_orphan_rows_are_refused():
    rows = instrument_to_rows(DEFAULT_INSTRUMENT)
    rows.append(dict(rows[1]))  # aspect a again
    rows.append({"kind": "answer", "indicator": "z.9", "answer": "ya", "label_id": "Ya", "score": 1})
    with pytest.raises(AccreditationError) as caught:
        instrument_from_rows(rows)
    messages = [p.message for p in caught.value.problems]
    assert "Aspek 'a' sudah ada di baris 3." in messages and "Indikator 'z.9' tidak ada." in messages


def test_bands_fixture_is_the_reading():
    assert default_bands() == DEFAULT_INSTRUMENT.bands
