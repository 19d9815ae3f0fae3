"""Tasks are derived, not typed (RULES §6): anything with a due date and no completion is a task, overdue once its
date has passed and upcoming within 7 days.

Reading (RULES §6, defaults the national user may change): the assessment is due 7 days after admission, the plan 7
days after the assessment, follow-up visits 1, 3 and 6 months after the return; once the plan is agreed its own dates
(the services' due dates) rule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from .errors import RuleError
from .labels import LabelledEnum

RULE = "ketentuan tenggat kasus"
UPCOMING_WITHIN_DAYS = 7
MAX_DAYS = 90
MAX_MONTHS = 36
MAX_VISITS = 12


@dataclass(frozen=True)
class TaskDefaults:
    """The editable defaults of RULES §6."""

    assessment_days: int = 7
    plan_days: int = 7
    follow_up_months: tuple[int, ...] = (1, 3, 6)


DEFAULTS = TaskDefaults()


def _days(value: object, field: str, what_id: str, what_en: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_DAYS:
        raise RuleError(f"{what_id} harus bilangan bulat 1 sampai {MAX_DAYS} hari, bukan {value!r} ({RULE}).",
                        field=field, rule=RULE,
                        message_en=f"{what_en} must be a whole number of 1 to {MAX_DAYS} days, not {value!r} ({RULE}).")
    return value


def check_defaults(assessment_days: object, plan_days: object, follow_up_months: object) -> TaskDefaults:
    """Validate new defaults: days 1–90; follow-up months strictly ascending, each 1–36, one to twelve visits."""
    months = tuple(follow_up_months) if isinstance(follow_up_months, (list, tuple)) else None
    valid = (months is not None and 1 <= len(months) <= MAX_VISITS
             and all(isinstance(m, int) and not isinstance(m, bool) and 1 <= m <= MAX_MONTHS for m in months)
             and all(a < b for a, b in zip(months, months[1:])))
    if not valid:
        raise RuleError(f"Bulan kunjungan bimbingan lanjut harus 1 sampai {MAX_VISITS} bilangan bulat 1–{MAX_MONTHS}, "
                        f"naik berurutan (misalnya 1, 3, 6), bukan {follow_up_months!r} ({RULE}).",
                        field="follow_up_months", rule=RULE,
                        message_en=f"Follow-up months must be 1 to {MAX_VISITS} whole numbers of 1–{MAX_MONTHS} in "
                                   f"ascending order (e.g. 1, 3, 6), not {follow_up_months!r} ({RULE}).")
    return TaskDefaults(_days(assessment_days, "assessment_days", "Batas asesmen setelah admisi",
                              "The assessment deadline after admission"),
                        _days(plan_days, "plan_days", "Batas rencana setelah asesmen",
                              "The plan deadline after the assessment"), months)


def assessment_due(admitted_on: date, defaults: TaskDefaults = DEFAULTS) -> date:
    """The assessment stage is due N days after admission (default 7)."""
    return admitted_on + timedelta(days=defaults.assessment_days)


def plan_due(assessed_on: date, defaults: TaskDefaults = DEFAULTS) -> date:
    """The plan is due N days after the assessment stage was completed (default 7)."""
    return assessed_on + timedelta(days=defaults.plan_days)


def follow_up_dates(returned_on: date, defaults: TaskDefaults = DEFAULTS) -> tuple[date, ...]:
    """Follow-up visits 1, 3 and 6 months after the return (by default); a month keeps the day and clamps to the
    month's end (31 January + 1 month = 28 or 29 February)."""
    return tuple(returned_on + relativedelta(months=m) for m in defaults.follow_up_months)


class TaskState(LabelledEnum):
    """Where a dated item stands on a given day."""

    OVERDUE = ("overdue", "Terlambat", "Overdue")
    UPCOMING = ("upcoming", f"Jatuh tempo ≤ {UPCOMING_WITHIN_DAYS} hari", f"Due within {UPCOMING_WITHIN_DAYS} days")
    LATER = ("later", "Terjadwal", "Scheduled")
    DONE = ("done", "Selesai", "Done")


def upcoming_window(today: date) -> tuple[date, date]:
    """The inclusive dates [today, today + 7] an upcoming task falls in."""
    return today, today + timedelta(days=UPCOMING_WITHIN_DAYS)


def task_state(due_on: date, done_on: date | None, today: date) -> TaskState:
    """Done once completed; overdue when the date has passed; upcoming when due today or within 7 days."""
    if done_on is not None:
        return TaskState.DONE
    if due_on < today:
        return TaskState.OVERDUE
    first, last = upcoming_window(today)
    return TaskState.UPCOMING if first <= due_on <= last else TaskState.LATER


class TaskKind(LabelledEnum):
    """What a task asks for, with the rule that dates it."""

    ASSESSMENT = ("asesmen", "Asesmen diselesaikan", "Assessment completed", "Pasal 25")
    PLAN = ("rencana", "Rencana pemecahan masalah disepakati", "Plan agreed", "Pasal 26")
    SERVICE = ("layanan", "Layanan dilaksanakan", "Service carried out", "Pasal 35 ayat 1")
    RETURN = ("pengembalian", "Anak dikembalikan pada tanggal yang disepakati", "Child returned on the agreed date",
              "Pasal 49 ayat 3 dan 5")
    FOLLOW_UP = ("kunjungan", "Kunjungan bimbingan lanjut", "Aftercare visit", "Pasal 34")
