"""A child is never held without a titipan period (Pasal 11 ayat 3; UU SPPA Pasal 33–38; RULES §5 Reading)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from lpks.rules.errors import RuleError
from lpks.rules.labels import format_date_id

_RULE_PERIODS = "Pasal 11 ayat 3; UU SPPA Pasal 33–38"
COVER_READING_ID = ("Anak tidak pernah ditahan tanpa masa titipan: masa tingkat berikutnya dimulai paling lambat "
                    "sehari setelah hari terakhir masa sebelumnya (dan tidak setelah hari ini bila anak masih "
                    "ditahan); hari tanpa masa titipan tetap tercatat sebagai kelebihan masa titipan.")
COVER_READING_EN = ("A child is never held without a custody period: the next level's period starts at the latest "
                    "on the day after the previous last day (and not after today while the child is held); days "
                    "without a period stay recorded as an overstay.")


@dataclass(frozen=True)
class Uncovered:
    """Days a child was held between one period's last day and the next period's start: an overstay (RULES §5)."""

    first: date
    last: date

    @property
    def days(self) -> int:
        """Number of uncovered days, both ends included."""
        return (self.last - self.first).days + 1


def latest_start(today: date, previous_last_day: date | None = None) -> date:
    """The latest start of a titipan period: the later of today and the day after the previous period's last day
    (Reading, RULES §5: while the child is held past a last day, the next period cannot be dated into the future)."""
    if previous_last_day is None:
        return today
    return max(today, previous_last_day + timedelta(days=1))


def check_period_start(start: date, today: date, previous_last_day: date | None = None,
                       confirm_gap: bool = False) -> Uncovered | None:
    """Check a titipan period's start against today and the previous period (Pasal 11 ayat 3; RULES §5).

    A start after `latest_start` is refused. A start later than the day after the previous last day leaves days
    without a period: they are returned as the overstay to record, and refused unless `confirm_gap`."""
    latest = latest_start(today, previous_last_day)
    if start > latest:
        if previous_last_day is None:
            why_id, why_en = "hari ini", "today"
        else:
            why_id = "yang lebih akhir antara hari ini dan hari setelah hari terakhir masa sebelumnya"
            why_en = "the later of today and the day after the previous period's last day"
        raise RuleError(
            f"Masa titipan paling lambat dimulai {format_date_id(latest)} ({why_id}); diajukan "
            f"{format_date_id(start)}: anak tidak boleh ditahan tanpa masa titipan sampai tanggal yang akan datang "
            f"({_RULE_PERIODS}).",
            field="start_date", rule=_RULE_PERIODS,
            message_en=f"A custody period starts at the latest on {latest.isoformat()} ({why_en}); "
                       f"{start.isoformat()} given: a child may not be held without a period until a future date "
                       f"({_RULE_PERIODS}).",
        )
    if previous_last_day is None or start <= previous_last_day + timedelta(days=1):
        return None
    gap = Uncovered(previous_last_day + timedelta(days=1), start - timedelta(days=1))
    if not confirm_gap:
        raise RuleError(
            f"Masa titipan sebelumnya berakhir {format_date_id(previous_last_day)}, masa ini dimulai "
            f"{format_date_id(start)}: {gap.days} hari ({format_date_id(gap.first)} sampai "
            f"{format_date_id(gap.last)}) anak ditahan tanpa masa titipan. Hari-hari itu tetap tercatat sebagai "
            f"kelebihan masa titipan (overstay); konfirmasi untuk mencatat masa ini ({_RULE_PERIODS}).",
            field="confirm_gap", rule=_RULE_PERIODS,
            message_en=f"The previous custody period ended on {previous_last_day.isoformat()} and this one starts "
                       f"on {start.isoformat()}: for {gap.days} days ({gap.first.isoformat()} to "
                       f"{gap.last.isoformat()}) the child was held without a period. Those days stay recorded "
                       f"as an overstay; confirm to record this period ({_RULE_PERIODS}).",
        )
    return gap
