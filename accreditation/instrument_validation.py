"""Validation of an accreditation instrument (RULES §3): weights, answers, bands without gaps/overlaps, validity."""

from __future__ import annotations

from decimal import Decimal

from .catalogue import STANDARD_ITEMS
from .errors import AccreditationError, Problem
from .instrument import HUNDRED, GradeBand, Indicator, Instrument, band_key

_ITEM_CODES = frozenset(item.code for item in STANDARD_ITEMS)
_ZERO = Decimal(0)


def _n(value: Decimal) -> str:
    """A number as a user reads it: 86, 85.5 (no trailing zeros, no exponent)."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def _p(problems: list[Problem], field: str, message: str, message_en: str) -> None:
    problems.append(Problem(field, message, message_en))


def _indicator(ind: Indicator, problems: list[Problem]) -> None:
    key = f"indicators.{ind.code}"
    if not ind.label_id.strip():
        _p(problems, key, f"Indikator {ind.code}: uraian wajib diisi.", f"Indicator {ind.code}: label is required.")
    if ind.max_score <= _ZERO:
        _p(problems, f"{key}.max_score", f"Indikator {ind.code}: skor maksimum harus lebih dari 0.",
           f"Indicator {ind.code}: maximum score must be above 0.")
    if len(ind.answers) < 2:
        _p(problems, f"{key}.answers", f"Indikator {ind.code}: paling sedikit 2 pilihan jawaban.",
           f"Indicator {ind.code}: at least 2 answers are needed.")
    codes = [a.code for a in ind.answers]
    for code in sorted({c for c in codes if codes.count(c) > 1}):
        _p(problems, f"answers.{ind.code}.{code}", f"Indikator {ind.code}: kode jawaban '{code}' ganda.",
           f"Indicator {ind.code}: duplicate answer code '{code}'.")
    for answer in ind.answers:
        if not answer.code.strip():
            _p(problems, f"{key}.answers", f"Indikator {ind.code}: kode jawaban wajib diisi.",
               f"Indicator {ind.code}: answer code is required.")
        if not _ZERO <= answer.score <= ind.max_score:
            _p(problems, f"answers.{ind.code}.{answer.code}.score",
               f"Indikator {ind.code}, jawaban {answer.code}: skor {_n(answer.score)} harus 0 sampai {_n(ind.max_score)}.",
               f"Indicator {ind.code}, answer {answer.code}: score {_n(answer.score)} must be 0 to {_n(ind.max_score)}.")
    if ind.answers and ind.max_score > _ZERO and max(a.score for a in ind.answers) != ind.max_score:
        _p(problems, f"{key}.answers",
           f"Indikator {ind.code}: tidak ada jawaban dengan skor maksimum {_n(ind.max_score)}.",
           f"Indicator {ind.code}: no answer scores the maximum {_n(ind.max_score)}.")
    for code in ind.prefill:
        if code not in _ITEM_CODES:
            _p(problems, f"{key}.prefill", f"Indikator {ind.code}: butir standar '{code}' tidak dikenal.",
               f"Indicator {ind.code}: unknown standard item '{code}'.")


def _aspects(instr: Instrument, problems: list[Problem]) -> None:
    if not instr.aspects:
        _p(problems, "aspects", "Instrumen belum memiliki aspek.", "The instrument has no aspect.")
    seen_aspects: set[str] = set()
    seen_indicators: set[str] = set()
    for aspect in instr.aspects:
        key = f"aspects.{aspect.code}"
        if not aspect.code.strip() or aspect.code in seen_aspects:
            _p(problems, key,
               f"Kode aspek '{aspect.code}' kosong atau ganda.", f"Aspect code '{aspect.code}' empty or duplicated.")
        seen_aspects.add(aspect.code)
        if aspect.weight <= _ZERO:
            _p(problems, f"{key}.weight", f"Aspek {aspect.code}: bobot harus lebih dari 0.",
               f"Aspect {aspect.code}: weight must be above 0.")
        if not aspect.indicators:
            _p(problems, f"{key}.indicators",
               f"Aspek {aspect.code}: belum ada indikator.", f"Aspect {aspect.code}: no indicators.")
        for ind in aspect.indicators:
            if not ind.code.strip() or ind.code in seen_indicators:
                _p(problems, f"indicators.{ind.code}", f"Kode indikator '{ind.code}' kosong atau ganda.",
                   f"Indicator code '{ind.code}' empty or duplicated.")
            seen_indicators.add(ind.code)
            _indicator(ind, problems)
    total = sum((a.weight for a in instr.aspects), _ZERO)
    if instr.aspects and total != HUNDRED:
        _p(problems, "weights", f"Jumlah bobot aspek harus 100; sekarang {_n(total)}.",
           f"Aspect weights must add up to 100; they add up to {_n(total)}.")


def _label(band: GradeBand, en: bool = False) -> str:
    """'B (71 s.d. kurang dari 86)': the band as a user reads it; the top band includes 100."""
    name = band.grade.value if band.grade else ("not accredited" if en else "tidak terakreditasi")
    if band.upper == HUNDRED:
        return f"{name} ({_n(band.lower)} to 100)" if en else f"{name} ({_n(band.lower)} s.d. 100)"
    upper = f"below {_n(band.upper)}" if en else f"kurang dari {_n(band.upper)}"
    return f"{name} ({_n(band.lower)} {'to' if en else 's.d.'} {upper})"


def _rank(band: GradeBand) -> int:
    return -1 if band.grade is None else band.grade.rank


def _bands(instr: Instrument, problems: list[Problem]) -> None:
    if not instr.bands:
        _p(problems, "bands", "Rentang nilai peringkat belum diisi.", "No grade bands.")
        return
    grades = [b.grade for b in instr.bands]
    for band in instr.bands:
        key = f"bands.{band_key(band.grade)}"
        if grades.count(band.grade) > 1:
            _p(problems, key,
               f"Peringkat {_label(band)} muncul lebih dari sekali.", f"Band {_label(band, en=True)} is duplicated.")
        if not _ZERO <= band.lower < band.upper <= HUNDRED:
            _p(problems, key, f"Rentang {_label(band)}: harus 0 ≤ bawah < atas ≤ 100.",
               f"Band {_label(band, en=True)}: must be 0 ≤ lower < upper ≤ 100.")
    ordered = sorted(instr.bands, key=lambda b: (b.lower, b.upper))
    if ordered[0].lower > _ZERO:
        _p(problems, f"bands.{band_key(ordered[0].grade)}",
           f"Nilai 0 sampai {_n(ordered[0].lower)} tidak tercakup rentang mana pun.",
           f"Scores 0 to {_n(ordered[0].lower)} are not covered by any band.")
    for low, high in zip(ordered, ordered[1:]):
        key = f"bands.{band_key(high.grade)}"
        if low.upper < high.lower:
            _p(problems, key,
               f"Celah antara {_label(low)} dan {_label(high)}: {_n(low.upper)} sampai {_n(high.lower)} tidak tercakup.",
               f"Gap between {_label(low, en=True)} and {_label(high, en=True)}: "
               f"{_n(low.upper)} to {_n(high.lower)} not covered.")
        elif low.upper > high.lower:
            _p(problems, key, f"Rentang {_label(low)} tumpang tindih dengan {_label(high)}.",
               f"Band {_label(low, en=True)} overlaps {_label(high, en=True)}.")
        if _rank(high) <= _rank(low):
            _p(problems, key,
               f"Nilai lebih tinggi harus memberi peringkat lebih tinggi: {_label(high)} di atas {_label(low)}.",
               f"A higher score must give a higher grade: {_label(high, en=True)} is above {_label(low, en=True)}.")
    if ordered[-1].upper < HUNDRED:
        _p(problems, f"bands.{band_key(ordered[-1].grade)}",
           f"Nilai {_n(ordered[-1].upper)} sampai 100 tidak tercakup rentang mana pun.",
           f"Scores {_n(ordered[-1].upper)} to 100 are not covered by any band.")


def _validity(instr: Instrument, problems: list[Problem]) -> None:
    graded = {b.grade for b in instr.bands if b.grade is not None}
    given = [g for g, _ in instr.validity_years]
    for grade, years in instr.validity_years:
        key = f"validity_years.{band_key(grade)}"
        if grade is None or grade not in graded or given.count(grade) > 1:
            _p(problems, key,
               f"Masa berlaku untuk peringkat '{band_key(grade)}' tidak sesuai rentang nilai atau ganda.",
               f"Validity for grade '{band_key(grade)}' matches no band or is duplicated.")
        if isinstance(years, bool) or not isinstance(years, int) or years <= 0:
            _p(problems, key, f"Masa berlaku peringkat {band_key(grade)} harus bilangan bulat tahun lebih dari 0.",
               f"Validity of grade {band_key(grade)} must be a whole number of years above 0.")
    for grade in sorted(graded - set(given), key=lambda g: -g.rank):
        _p(problems, f"validity_years.{grade.value}", f"Masa berlaku peringkat {grade.value} belum diisi.",
           f"Validity of grade {grade.value} is missing.")


def instrument_problems(instr: Instrument) -> tuple[Problem, ...]:
    """Every problem of an instrument, each with a field path (e.g. 'bands.B', 'weights')."""
    problems: list[Problem] = []
    if not instr.version or not str(instr.version).strip():
        _p(problems, "version", "Versi instrumen wajib diisi.", "The instrument version is required.")
    _aspects(instr, problems)
    _bands(instr, problems)
    _validity(instr, problems)
    return tuple(problems)


def validate_instrument(instr: Instrument) -> Instrument:
    """Return the instrument if valid; otherwise raise AccreditationError listing every problem."""
    problems = instrument_problems(instr)
    if problems:
        raise AccreditationError.from_problems(problems, field="instrument")
    return instr
