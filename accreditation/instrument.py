"""The accreditation instrument as data (RULES §3): aspects → indicators → scored answers, weights, bands, validity.

An Instrument is immutable; a new version is a new object, so a score keeps meaning what it meant.
Scale: each indicator scores 0..max_score; an aspect's share is its summed answer scores over its summed
max scores; the total is Σ weight × share with weights summing to exactly 100 (no normalisation).
Bands are half-open [lower, upper), the top band includes 100: "B 71–85" is written lower 71, upper 86.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from .errors import AccreditationError
from .levels import Grade

HUNDRED = Decimal(100)


def to_decimal(value: object, field_name: str) -> Decimal:
    """A number from int/Decimal/float/str (decimal comma accepted); AccreditationError otherwise."""
    if isinstance(value, bool) or value is None:
        raise AccreditationError(field_name, "Angka wajib diisi.", "A number is required.")
    if isinstance(value, Decimal):
        result = value
    else:
        text = str(value).strip()
        if "," in text and "." not in text:
            text = text.replace(",", ".")
        try:
            result = Decimal(text)
        except InvalidOperation:
            raise AccreditationError(field_name, f"'{value}' bukan angka.", f"'{value}' is not a number.") from None
    if not result.is_finite():
        raise AccreditationError(field_name, f"'{value}' bukan angka.", f"'{value}' is not a number.")
    return result


def to_grade(value: object, field_name: str = "grade") -> Grade | None:
    """Grade A/B/C from a Grade or a string (case-insensitive); None or blank means not accredited."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        return Grade(value.strip().upper() if isinstance(value, str) else value)
    except ValueError:
        raise AccreditationError(field_name, f"Nilai akreditasi '{value}' tidak dikenal; pilihan: A, B, C.",
                                 f"Unknown accreditation grade '{value}'; allowed: A, B, C.") from None


def band_key(grade: Grade | None) -> str:
    """Key of a band in error paths and rows: the grade letter, or 'none' for not accredited."""
    return grade.value if grade is not None else "none"


@dataclass(frozen=True)
class AnswerOption:
    """One answer of an indicator and its score."""

    code: str
    label_id: str
    score: Decimal
    label_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "score", to_decimal(self.score, f"answers.{self.code}.score"))


@dataclass(frozen=True)
class Indicator:
    """A scored question; `prefill` names catalogue items whose standards result can pre-fill the answer."""

    code: str
    label_id: str
    max_score: Decimal
    answers: tuple[AnswerOption, ...]
    label_en: str = ""
    prefill: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "max_score", to_decimal(self.max_score, f"indicators.{self.code}.max_score"))
        object.__setattr__(self, "answers", tuple(self.answers))
        object.__setattr__(self, "prefill", tuple(self.prefill))

    def answer(self, code: str) -> AnswerOption | None:
        """The answer with this code, if any."""
        return next((a for a in self.answers if a.code == code), None)


@dataclass(frozen=True)
class InstrumentAspect:
    """An aspect of the instrument with its weight (points out of 100)."""

    code: str
    label_id: str
    weight: Decimal
    indicators: tuple[Indicator, ...]
    label_en: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "weight", to_decimal(self.weight, f"aspects.{self.code}.weight"))
        object.__setattr__(self, "indicators", tuple(self.indicators))


@dataclass(frozen=True)
class GradeBand:
    """Scores in [lower, upper) earn `grade` (None = not accredited); a band ending at 100 includes 100."""

    grade: Grade | None
    lower: Decimal
    upper: Decimal

    def __post_init__(self) -> None:
        key = f"bands.{band_key(to_grade(self.grade, 'bands'))}"
        object.__setattr__(self, "grade", to_grade(self.grade, key))
        object.__setattr__(self, "lower", to_decimal(self.lower, f"{key}.lower"))
        object.__setattr__(self, "upper", to_decimal(self.upper, f"{key}.upper"))

    def contains(self, total: Decimal) -> bool:
        """Whether a (rounded) total falls in this band."""
        return self.lower <= total < self.upper or (total == self.upper == HUNDRED)


@dataclass(frozen=True)
class Instrument:
    """A versioned accreditation instrument; validate with validate_instrument()."""

    version: str
    aspects: tuple[InstrumentAspect, ...]
    bands: tuple[GradeBand, ...]
    validity_years: tuple[tuple[Grade, int], ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "aspects", tuple(self.aspects))
        object.__setattr__(self, "bands", tuple(self.bands))
        pairs = self.validity_years.items() if isinstance(self.validity_years, Mapping) else self.validity_years
        object.__setattr__(self, "validity_years", tuple(
            (to_grade(grade, "validity_years"), years) for grade, years in pairs
        ))

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """Every indicator, in order."""
        return tuple(ind for aspect in self.aspects for ind in aspect.indicators)

    def validity_for(self, grade: Grade | str) -> int | None:
        """Validity in years of a grade, if defined."""
        wanted = to_grade(grade)
        return next((years for g, years in self.validity_years if g == wanted), None)

    def band_for(self, total: Decimal) -> GradeBand | None:
        """The band a rounded total falls in."""
        return next((band for band in self.bands if band.contains(total)), None)
