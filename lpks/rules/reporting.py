"""Data compilation and the yearly report (Pasal 85 huruf h, 86 huruf f, 87 huruf f, 89–92; RULES §9): the levels a
report climbs, its lifecycle, the small-cell rule, and the age groups of the figures.

Decisions where RULES §9 is silent, kept here and nowhere else (the README repeats them):
- a report covers one fiscal year, 1 January to 31 December (Pasal 90: evaluated at the end of the fiscal year);
  it may be drafted for the current year or an earlier one (not before 2018, the year of the regulation);
- the owner office drafts (evaluation and next year's plan, Pasal 90), the province and Kemensos compile the
  received reports of the level below into their draft, and the owner submits: the figures are frozen then;
- the office directly above receives a submitted report; the national report has nobody above: submitting it is
  final;
- a submitted or received report is never changed: a correction is a new revision, drafted with its reason; only the
  latest revision can be revised, and only once it has been submitted;
- a draft is seen by its own office only; the offices above see a report once it is submitted;
- a cell counting 1 or 2 children is shown as "< 3" to province and national users (0 is shown: it names nobody).
"""

from __future__ import annotations

from datetime import date
from enum import Enum

from lpks.rules.errors import RuleError

FIRST_YEAR = 2018  # Permensos 26/2018
SMALL_CELL = 3
SMALL_CELL_TEXT = "< 3"
RULE = "Pasal 90–92"


class Level(str, Enum):
    """The government levels that compile data and report (Pasal 85–87, 91)."""

    KABKOTA = "kabupaten_kota"
    PROVINCE = "provinsi"
    NATIONAL = "nasional"

    @property
    def above(self) -> Level | None:
        """The level a report of this level goes up to (Pasal 91: "secara berjenjang")."""
        return {Level.KABKOTA: Level.PROVINCE, Level.PROVINCE: Level.NATIONAL}.get(self)

    @property
    def below(self) -> Level | None:
        """The level whose reports this level compiles."""
        return {Level.PROVINCE: Level.KABKOTA, Level.NATIONAL: Level.PROVINCE}.get(self)


class State(str, Enum):
    """Where a revision of a yearly report stands."""

    DRAFT = "draft"
    SUBMITTED = "submitted"
    RECEIVED = "received"


class Action(str, Enum):
    """A step of the yearly report."""

    EDIT = "edit"          # the narrative: evaluation and next year's plan (Pasal 90)
    COMPILE = "compile"    # take in the received reports of the level below (Pasal 86 huruf f, 85 huruf h)
    SUBMIT = "submit"      # freeze the figures and send the report up (Pasal 91)
    RECEIVE = "receive"    # the level above acknowledges it
    REVISE = "revise"      # a correction: a new revision with its reason


class Relation(str, Enum):
    """How the user's office stands to a report."""

    OWN = "own"
    ABOVE = "above"      # the office directly above the report's office
    OTHER = "other"


def relation(report_level: Level | str, report_region: str | None, office_level: Level | str | None,
             office_region: str | None) -> Relation:
    """The relation of an office to a report: its own, the office directly above, or another."""
    report_level = Level(report_level)
    if office_level is None:
        return Relation.OTHER
    office_level = Level(office_level)
    if office_level is report_level and (office_region or None) == (report_region or None):
        return Relation.OWN
    if office_level is report_level.above:
        if office_level is Level.NATIONAL:
            return Relation.ABOVE
        if report_region and office_region and report_region.split(".")[0] == office_region:
            return Relation.ABOVE
    return Relation.OTHER


def allowed_actions(level: Level | str, state: State | str, rel: Relation | str, *,
                    latest: bool = True) -> frozenset[Action]:
    """What an office in relation `rel` may do to a revision in `state`; `latest`: no newer revision exists."""
    level, state, rel = Level(level), State(state), Relation(rel)
    if rel is Relation.OWN:
        if state is State.DRAFT:
            compile_ = {Action.COMPILE} if level.below is not None else set()
            return frozenset({Action.EDIT, Action.SUBMIT, *compile_})
        return frozenset({Action.REVISE}) if latest else frozenset()
    if rel is Relation.ABOVE and state is State.SUBMITTED:
        return frozenset({Action.RECEIVE})
    return frozenset()


_REFUSALS = {
    Action.EDIT: ("Laporan yang sudah dikirim tidak dapat diubah; koreksi dibuat sebagai revisi baru dengan "
                  "alasannya.", "A submitted report cannot be changed; a correction is a new revision with its "
                  "reason.", "state"),
    Action.COMPILE: ("Hanya draf laporan provinsi atau nasional yang menghimpun laporan tingkat di bawahnya.",
                     "Only a draft provincial or national report compiles the reports of the level below.",
                     "state"),
    Action.SUBMIT: ("Hanya draf laporan milik kantor Anda yang dapat dikirim.",
                    "Only a draft report of your own office can be submitted.", "state"),
    Action.RECEIVE: ("Hanya laporan yang telah dikirim kepada kantor Anda yang dapat diterima.",
                     "Only a report submitted to your office can be received.", "state"),
    Action.REVISE: ("Revisi hanya dapat dibuat dari revisi terakhir yang sudah dikirim, oleh kantor pembuatnya.",
                    "A revision can only be made from the latest submitted revision, by its own office.", "state"),
}


def require(level: Level | str, state: State | str, rel: Relation | str, action: Action, *,
            latest: bool = True) -> None:
    """Raise a RuleError naming the field when `action` is not open to the office."""
    if action in allowed_actions(level, state, rel, latest=latest):
        return
    message, message_en, field = _REFUSALS[action]
    raise RuleError(message, field=field, rule=RULE, message_en=message_en)


def visible_to(state: State | str, rel_is_own: bool) -> bool:
    """A draft is its own office's; every other state is seen by the offices above too."""
    return rel_is_own or State(state) is not State.DRAFT


def check_year(year: object, today: date) -> int:
    """A fiscal year from 2018 to the current one (Pasal 92 ayat 1: every year)."""
    if isinstance(year, bool) or not isinstance(year, int) or not FIRST_YEAR <= year <= today.year:
        raise RuleError(f"Tahun laporan harus antara {FIRST_YEAR} dan {today.year}.", field="year", rule=RULE,
                        message_en=f"The report's year must be between {FIRST_YEAR} and {today.year}.")
    return year


def fiscal_year(year: int) -> tuple[date, date]:
    """The fiscal year's first and last day (Pasal 90 ayat 1)."""
    return date(year, 1, 1), date(year, 12, 31)


def is_small(value: int | None) -> bool:
    """A count of 1 or 2 children: shown as "< 3" to province and national users (RULES §9 Privacy)."""
    return value is not None and 0 < value < SMALL_CELL


AGE_GROUPS = (("under_12", None, 11), ("12_13", 12, 13), ("14_15", 14, 15), ("16_17", 16, 17))


def age_group(age: int | None) -> str:
    """The reporting age group of an age in completed years on the offence date (RULES §4)."""
    if age is None:
        return "unknown"
    for code, low, high in AGE_GROUPS:
        if (low is None or age >= low) and age <= high:
            return code
    return "unknown"
