"""Class (typology) of an LPKS, Pasal 70–73, with the RULES §3 Reading in one place.

Reading (RULES §3): grades and referral scopes are ordered (A > B > C; nasional > provinsi > kabupaten_kota) and
a criterion "grade X" / "scope Y" is met by X or Y or higher. The class is the highest (A, then B, then C) whose
criteria all hold; none → no class (None). No valid accreditation (grade None) → no class.
Decisions: every criterion of every class is listed, in the order A, B, C, each with met True/False, so the user
sees why a higher class was missed; the work area is given as counts of provinces and kabupaten/kota, and
inconsistent counts are refused (a kabupaten/kota lies in exactly one province).
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import AccreditationError, Problem
from .instrument import to_grade
from .levels import Grade, ReferralScope


@dataclass(frozen=True)
class Criterion:
    """One criterion of one class and whether it holds."""

    key: str
    klass: str
    label_id: str
    label_en: str
    pasal: str
    met: bool


@dataclass(frozen=True)
class ClassResult:
    """The class ('A'|'B'|'C'|None) and every criterion of classes A, B, C in that order."""

    klass: str | None
    criteria: tuple[Criterion, ...]

    @property
    def unmet(self) -> tuple[Criterion, ...]:
        """Criteria that do not hold."""
        return tuple(c for c in self.criteria if not c.met)

    def criteria_of(self, klass: str) -> tuple[Criterion, ...]:
        """The criteria of one class."""
        return tuple(c for c in self.criteria if c.klass == klass)


def _scope(value: object) -> ReferralScope | None:
    try:
        return ReferralScope(value.strip().lower() if isinstance(value, str) else value)
    except ValueError:
        return None


def _inputs(grade, referral_scope, provinces, kabupaten_kota) -> tuple[Grade | None, ReferralScope, int, int]:
    problems: list[Problem] = []
    try:
        grade = to_grade(grade)
    except AccreditationError as error:
        problems.append(error.problems[0])
    scope = _scope(referral_scope)
    if scope is None:
        problems.append(Problem("referral_scope", f"Cakupan rujukan '{referral_scope}' tidak dikenal; pilihan: "
                                "kabupaten_kota, provinsi, nasional.",
                                f"Unknown referral scope '{referral_scope}'; allowed: kabupaten_kota, provinsi, nasional."))
    for name, value, noun, noun_en in (("provinces", provinces, "provinsi", "provinces"),
                                       ("kabupaten_kota", kabupaten_kota, "kabupaten/kota", "districts/cities")):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            problems.append(Problem(name, f"Jumlah {noun} wilayah kerja harus bilangan bulat 0 atau lebih.",
                                    f"Number of {noun_en} in the work area must be a whole number, 0 or more."))
    if not problems and provinces > kabupaten_kota:
        problems.append(Problem("provinces", f"Wilayah kerja {provinces} provinsi tidak mungkin hanya mencakup "
                                f"{kabupaten_kota} kabupaten/kota.",
                                f"A work area of {provinces} provinces cannot cover only {kabupaten_kota} districts/cities."))
    elif not problems and provinces == 0 and kabupaten_kota > 0:
        problems.append(Problem("provinces", "Kabupaten/kota wilayah kerja pasti berada dalam paling sedikit 1 provinsi.",
                                "Districts/cities of the work area lie in at least 1 province."))
    if problems:
        raise AccreditationError.from_problems(problems)
    return grade, scope, provinces, kabupaten_kota  # type: ignore[return-value]


def _at_least(actual, required) -> bool:
    return actual is not None and actual >= required


def classify(grade: Grade | str | None, referral_scope: ReferralScope | str, provinces: int,
             kabupaten_kota: int) -> ClassResult:
    """Class A/B/C of Pasal 71–73 from grade, referral scope and work area (RULES §3 Reading)."""
    grade, scope, provinces, kabupaten_kota = _inputs(grade, referral_scope, provinces, kabupaten_kota)
    criteria = (
        Criterion("A.grade", "A", "Memperoleh nilai akreditasi A", "Accreditation grade A",
                  "Pasal 71 huruf a", _at_least(grade, Grade.A)),
        Criterion("A.referral_scope", "A", "Menjadi rujukan nasional", "National referral",
                  "Pasal 71 huruf b", scope >= ReferralScope.NASIONAL),
        Criterion("A.provinces", "A", "Wilayah kerja lebih dari 1 daerah provinsi", "Work area in more than 1 province",
                  "Pasal 71 huruf c", provinces > 1),
        Criterion("B.grade", "B", "Memperoleh nilai akreditasi A", "Accreditation grade A",
                  "Pasal 72 huruf a", _at_least(grade, Grade.A)),
        Criterion("B.referral_scope", "B", "Menjadi rujukan provinsi (atau lebih tinggi)", "Provincial referral or higher",
                  "Pasal 72 huruf b", scope >= ReferralScope.PROVINSI),
        Criterion("B.kabupaten_kota", "B", "Wilayah kerja lebih dari 1 daerah kabupaten/kota",
                  "Work area in more than 1 district/city", "Pasal 72 huruf c", kabupaten_kota > 1),
        Criterion("C.grade", "C", "Memperoleh nilai akreditasi B (atau lebih tinggi)", "Accreditation grade B or higher",
                  "Pasal 73 huruf a", _at_least(grade, Grade.B)),
        Criterion("C.kabupaten_kota", "C", "Wilayah kerja hanya mencakup 1 daerah kabupaten/kota",
                  "Work area of exactly 1 district/city", "Pasal 73 huruf b", kabupaten_kota == 1),
    )
    klass = next((k for k in ("A", "B", "C") if all(c.met for c in criteria if c.klass == k)), None)
    return ClassResult(klass, criteria)


def criteria_for_api(result: ClassResult) -> list[dict[str, object]]:
    """[{"criterion": key, "met": bool}, ...] for every criterion of A, B, C in that order."""
    return [{"criterion": c.key, "met": c.met} for c in result.criteria]
