"""Instrument ⇄ flat rows (one table, one header), so the web layer can write an Excel sheet and read it back.

Every row has the keys of COLUMNS; `kind` says what the row is:
  instrument (version) · aspect (aspect, label_id, label_en, weight) · indicator (aspect, indicator, label_id,
  label_en, max_score, prefill = item codes separated by commas) · answer (indicator, answer, label_id, label_en,
  score) · band (grade, blank = not accredited; lower; upper, exclusive except 100) · validity (grade, years).
Rows may come in any order; errors carry the row number (first_row = the sheet row of the first data row).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from .errors import AccreditationError, Problem
from .instrument import AnswerOption, GradeBand, Indicator, Instrument, InstrumentAspect, band_key, to_decimal, to_grade
from .instrument_validation import instrument_problems

COLUMNS = ("kind", "version", "aspect", "indicator", "answer", "grade", "label_id", "label_en",
           "weight", "max_score", "score", "lower", "upper", "years", "prefill")
KINDS = ("instrument", "aspect", "indicator", "answer", "band", "validity")


def _row(kind: str, **values: object) -> dict[str, object]:
    row: dict[str, object] = dict.fromkeys(COLUMNS)
    row.update(kind=kind, **values)
    return row


def instrument_to_rows(instr: Instrument) -> list[dict[str, object]]:
    """The instrument as rows (dicts keyed by COLUMNS), in reading order."""
    rows = [_row("instrument", version=instr.version)]
    for aspect in instr.aspects:
        rows.append(_row("aspect", aspect=aspect.code, label_id=aspect.label_id, label_en=aspect.label_en,
                         weight=aspect.weight))
        for ind in aspect.indicators:
            rows.append(_row("indicator", aspect=aspect.code, indicator=ind.code, label_id=ind.label_id,
                             label_en=ind.label_en, max_score=ind.max_score, prefill=", ".join(ind.prefill)))
            rows.extend(_row("answer", indicator=ind.code, answer=a.code, label_id=a.label_id, label_en=a.label_en,
                             score=a.score) for a in ind.answers)
    rows.extend(_row("band", grade=band.grade.value if band.grade else None, lower=band.lower, upper=band.upper)
                for band in instr.bands)
    rows.extend(_row("validity", grade=grade.value, years=years) for grade, years in instr.validity_years)
    return rows


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _cells(raw: Mapping[str, object] | Sequence[object]) -> dict[str, object]:
    if isinstance(raw, Mapping):
        return {str(k).strip().lower(): v for k, v in raw.items()}
    return dict(zip(COLUMNS, raw))


def _years(value: object) -> int:
    number = to_decimal(value, "years")
    if number != number.to_integral_value():
        raise AccreditationError("years", f"'{value}' bukan bilangan bulat.", f"'{value}' is not a whole number.")
    return int(number)


class _Reader:
    """Collects rows by kind, remembering each element's row number."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []
        self.where: dict[str, int] = {}
        self.version: str | None = None
        self.aspects: dict[str, dict] = {}
        self.indicators: dict[str, dict] = {}
        self.answers: dict[str, list[AnswerOption]] = {}
        self.bands: list[GradeBand] = []
        self.validity: list[tuple] = []

    def fail(self, row: int, field: str, message: str, message_en: str) -> None:
        self.problems.append(Problem(field, message, message_en, row))

    def claim(self, key: str, row: int, what: str, what_en: str) -> bool:
        if key in self.where:
            self.fail(row, key, f"{what} sudah ada di baris {self.where[key]}.", f"{what_en} already on row {self.where[key]}.")
            return False
        self.where[key] = row
        return True

    def read(self, row: int, c: dict[str, object]) -> None:
        kind = _text(c.get("kind")).lower()
        code, ind = _text(c.get("aspect")), _text(c.get("indicator"))
        labels = {"label_id": _text(c.get("label_id")), "label_en": _text(c.get("label_en"))}
        if kind == "instrument":
            if self.claim("version", row, "Baris versi instrumen", "Version row"):
                self.version = _text(c.get("version"))
        elif kind == "aspect":
            weight = to_decimal(c.get("weight"), "weight")
            if self.claim(f"aspects.{code}", row, f"Aspek '{code}'", f"Aspect '{code}'"):
                self.aspects[code] = dict(code=code, weight=weight, **labels)
        elif kind == "indicator":
            prefill = tuple(p.strip() for p in _text(c.get("prefill")).split(",") if p.strip())
            top = to_decimal(c.get("max_score"), "max_score")
            if self.claim(f"indicators.{ind}", row, f"Indikator '{ind}'", f"Indicator '{ind}'"):
                self.indicators[ind] = dict(aspect=code, row=row, code=ind, prefill=prefill, max_score=top, **labels)
        elif kind == "answer":
            answer = _text(c.get("answer"))
            option = AnswerOption(answer, labels["label_id"], to_decimal(c.get("score"), "score"), labels["label_en"])
            if self.claim(f"answers.{ind}.{answer}", row, f"Jawaban '{answer}' indikator '{ind}'",
                          f"Answer '{answer}' of '{ind}'"):
                self.answers.setdefault(ind, []).append((row, option))
        elif kind == "band":
            band = GradeBand(to_grade(c.get("grade"), "grade"), to_decimal(c.get("lower"), "lower"),
                             to_decimal(c.get("upper"), "upper"))
            key = band_key(band.grade)
            if self.claim(f"bands.{key}", row, f"Rentang peringkat {key}", f"Band {key}"):
                self.bands.append(band)
        elif kind == "validity":
            grade, years = to_grade(c.get("grade"), "grade"), _years(c.get("years"))
            key = band_key(grade)
            if self.claim(f"validity_years.{key}", row, f"Masa berlaku {key}", f"Validity {key}"):
                self.validity.append((grade, years))
        else:
            self.fail(row, "kind", f"Jenis baris '{kind}' tidak dikenal; pilihan: {', '.join(KINDS)}.",
                      f"Unknown row kind '{kind}'; allowed: {', '.join(KINDS)}.")

    def build(self) -> Instrument:
        for ind, entries in self.answers.items():
            if ind not in self.indicators:
                for row, _ in entries:
                    self.fail(row, "indicator", f"Indikator '{ind}' tidak ada.", f"Indicator '{ind}' does not exist.")
        by_aspect: dict[str, list[Indicator]] = {code: [] for code in self.aspects}
        for spec in self.indicators.values():
            if spec["aspect"] not in self.aspects:
                self.fail(spec["row"], "aspect", f"Aspek '{spec['aspect']}' tidak ada.", f"Aspect '{spec['aspect']}' does not exist.")
                continue
            answers = tuple(option for _, option in self.answers.get(spec["code"], ()))
            by_aspect[spec["aspect"]].append(Indicator(spec["code"], spec["label_id"], spec["max_score"], answers,
                                                       spec["label_en"], spec["prefill"]))
        if self.version is None:
            self.problems.append(Problem("version", "Baris versi instrumen (kind = instrument) belum ada.",
                                         "The version row (kind = instrument) is missing."))
        aspects = tuple(InstrumentAspect(a["code"], a["label_id"], a["weight"], tuple(by_aspect[a["code"]]), a["label_en"])
                        for a in self.aspects.values())
        return Instrument(self.version or "", aspects, tuple(self.bands), tuple(self.validity))

    def row_of(self, field: str) -> int | None:
        parts = field.split(".")
        for end in range(len(parts), 0, -1):
            if ".".join(parts[:end]) in self.where:
                return self.where[".".join(parts[:end])]
        return None


def instrument_from_rows(rows: Iterable[Mapping[str, object] | Sequence[object]], *, first_row: int = 2) -> Instrument:
    """Read and validate an instrument from rows; AccreditationError lists every problem with its row number."""
    reader = _Reader()
    for number, raw in enumerate(rows, start=first_row):
        cells = _cells(raw)
        if not any(_text(v) for v in cells.values()):
            continue
        try:
            reader.read(number, cells)
        except AccreditationError as error:
            reader.fail(number, error.field, error.message, error.message_en)
    instr = reader.build()
    if not reader.problems:
        reader.problems.extend(Problem(p.field, p.message, p.message_en, reader.row_of(p.field))
                               for p in instrument_problems(instr))
    if reader.problems:
        raise AccreditationError.from_problems(reader.problems, field="rows")
    return instr
