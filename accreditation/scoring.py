"""Score an assessment with its instrument, grade it, and date its validity (Pasal 56, 85 huruf e; RULES §3).

Decisions:
- Totals are computed exactly and rounded half up to 2 decimals once; the band is chosen from the rounded total,
  so 85.995 → 86.00 → A, while 85.99 → B (bands are [lower, upper)).
- An unanswered indicator scores 0 and is listed in `missing`; while anything is missing the assessment is
  incomplete and gets no grade (grade None), although the running total is shown.
- Aspect `score` is the aspect's own 0–100 share; `points` its weighted contribution. Both are rounded for
  display only: the total comes from exact values, so the rounded points may differ from it by a cent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from fractions import Fraction

from .errors import AccreditationError, Problem
from .instrument import Instrument, to_grade
from .instrument_validation import validate_instrument
from .levels import Grade
from .rounding import HUNDRED, round2, to_fraction


@dataclass(frozen=True)
class AspectScore:
    """Score of one aspect: share 0–100, weighted points, unanswered indicators."""

    code: str
    label_id: str
    weight: Decimal
    score: Decimal
    points: Decimal
    missing: tuple[str, ...]


@dataclass(frozen=True)
class ScoreResult:
    """Total 0.00–100.00, per aspect, grade (None = not accredited or incomplete) and missing indicators."""

    instrument_version: str
    total: Decimal
    aspects: tuple[AspectScore, ...]
    grade: Grade | None
    missing: tuple[str, ...]

    @property
    def complete(self) -> bool:
        """Whether every indicator was answered."""
        return not self.missing


def _check_answers(instrument: Instrument, answers: Mapping[str, str | None]) -> None:
    indicators = {ind.code: ind for ind in instrument.indicators}
    problems = []
    for code, answer in answers.items():
        ind = indicators.get(code)
        if ind is None:
            problems.append(Problem("answers", f"Indikator '{code}' tidak ada dalam instrumen versi {instrument.version}.",
                                    f"Indicator '{code}' is not in instrument version {instrument.version}."))
        elif answer is not None and ind.answer(answer) is None:
            choices = ", ".join(a.code for a in ind.answers)
            problems.append(Problem("answers", f"Jawaban '{answer}' tidak tersedia untuk indikator {code}; pilihan: {choices}.",
                                    f"Answer '{answer}' is not an option of indicator {code}; options: {choices}."))
    if problems:
        raise AccreditationError.from_problems(problems, field="answers")


def score(instrument: Instrument, answers: Mapping[str, str | None]) -> ScoreResult:
    """Score answers {indicator code: answer code} with a valid instrument (RULES §3)."""
    validate_instrument(instrument)
    _check_answers(instrument, answers)
    total = Fraction(0)
    aspects = []
    for aspect in instrument.aspects:
        got, top, missing = Fraction(0), Fraction(0), []
        for ind in aspect.indicators:
            top += to_fraction(ind.max_score)
            chosen = answers.get(ind.code)
            if chosen is None:
                missing.append(ind.code)
            else:
                got += to_fraction(ind.answer(chosen).score)
        share = got / top
        weighted = share * to_fraction(aspect.weight)
        total += weighted
        aspects.append(AspectScore(aspect.code, aspect.label_id, aspect.weight, round2(share * HUNDRED),
                                   round2(weighted), tuple(missing)))
    rounded = round2(total)
    missing_all = tuple(code for a in aspects for code in a.missing)
    band = instrument.band_for(rounded)
    grade = band.grade if band is not None and not missing_all else None
    return ScoreResult(instrument.version, rounded, tuple(aspects), grade, missing_all)


def add_years(start: date, years: int) -> date:
    """Same day and month `years` later; 29 February becomes 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def valid_until(designation_date: date, grade: Grade | str | None, instrument: Instrument) -> date:
    """Designation date + the grade's validity years (Pasal 56; RULES §3 Reading)."""
    wanted = to_grade(grade)
    if wanted is None:
        raise AccreditationError("grade", "Tidak terakreditasi: tidak ada masa berlaku.",
                                 "Not accredited: there is no validity period.")
    years = instrument.validity_for(wanted)
    if years is None:
        raise AccreditationError("grade", f"Instrumen versi {instrument.version} tidak mengatur masa berlaku peringkat {wanted}.",
                                 f"Instrument version {instrument.version} sets no validity for grade {wanted}.")
    return add_years(designation_date, years)
