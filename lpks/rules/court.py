"""Court-ordered placement: duration and parole (pembebasan bersyarat) (Pasal 13 ayat 4 and 6)."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

MAX_MONTHS = 12  # Pasal 13 ayat 4: "paling lama 1 (satu) tahun"
MIN_SERVED_MONTHS = 3  # Pasal 13 ayat 6: "tidak kurang dari 3 (tiga) bulan"
RULE_DURATION = "Pasal 13 ayat 4"
RULE_PAROLE = "Pasal 13 ayat 6"
PAROLE_READING_ID = ("Memenuhi syarat waktu mulai tanggal yang lebih akhir antara tanggal mulai + ⌈jumlah hari "
                     "penempatan / 2⌉ hari dan tanggal mulai + 3 bulan; bila setelah hari terakhir penempatan, "
                     "tidak pernah memenuhi syarat (Pasal 13 ayat 6).")
PAROLE_READING_EN = ("Eligible by time from the later of start + ceil(placement days / 2) days and start + 3 "
                     "months; if that falls after the last day, never eligible (Pasal 13 ayat 6).")


class ParoleStatus(LabelledEnum):
    """Parole eligibility shown to users (Pasal 13 ayat 6)."""

    ELIGIBLE = ("eligible", "memenuhi syarat", "eligible", RULE_PAROLE)
    ELIGIBLE_BY_TIME_BEHAVIOUR_NOT_ASSESSED = (
        "eligible_by_time_behaviour_not_assessed", "memenuhi syarat waktu, perilaku belum dinilai",
        "eligible by time, behaviour not yet assessed", RULE_PAROLE)
    NOT_ELIGIBLE = ("not_eligible", "tidak memenuhi syarat", "not eligible", RULE_PAROLE)


@dataclass(frozen=True)
class CourtPlacement:
    """A computed court-ordered placement (Pasal 13)."""

    start: date
    months: int
    last_day: date
    total_days: int
    parole_eligible_from: date | None


def check_months(months: int) -> int:
    """Placement length in months: 1 to 12 (Pasal 13 ayat 4)."""
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= MAX_MONTHS:
        raise RuleError(
            f"Lama penempatan berdasarkan putusan pengadilan 1 sampai {MAX_MONTHS} bulan (paling lama 1 tahun); "
            f"diajukan {months!r} bulan ({RULE_DURATION}).",
            field="months", rule=RULE_DURATION,
            message_en=f"A court-ordered placement lasts 1 to {MAX_MONTHS} months (at most 1 year); "
                       f"{months!r} months given ({RULE_DURATION}).",
        )
    return months


def placement_last_day(start: date, months: int) -> date:
    """Last day = start + months − 1 day, the day of month clamped to the month's end (Pasal 13 ayat 4)."""
    return start + relativedelta(months=check_months(months)) - timedelta(days=1)


def parole_eligible_from(start: date, last_day: date) -> date | None:
    """First day parole is allowed by time, or None if never within the placement (Reading, Pasal 13 ayat 6)."""
    if last_day < start:
        raise RuleError(
            f"Hari terakhir penempatan ({format_date_id(last_day)}) tidak boleh sebelum tanggal mulai "
            f"({format_date_id(start)}) ({RULE_DURATION}).",
            field="last_day", rule=RULE_DURATION,
            message_en=f"The last day ({last_day.isoformat()}) cannot be before the start ({start.isoformat()}) "
                       f"({RULE_DURATION}).",
        )
    total = (last_day - start).days + 1
    by_half = start + timedelta(days=math.ceil(total / 2))
    by_months = start + relativedelta(months=MIN_SERVED_MONTHS)
    eligible = max(by_half, by_months)
    return None if eligible > last_day else eligible


def compute_court_placement(start: date, months: int) -> CourtPlacement:
    """Check and compute a court-ordered placement: last day, days and parole date (Pasal 13 ayat 4 and 6)."""
    end = placement_last_day(start, months)
    return CourtPlacement(start=start, months=months, last_day=end, total_days=(end - start).days + 1,
                          parole_eligible_from=parole_eligible_from(start, end))


def parole_status(eligible_from: date | None, today: date, behaviour_good: bool | None) -> ParoleStatus:
    """Parole status today: time served and the recorded behaviour assessment (Pasal 13 ayat 6)."""
    if eligible_from is None or today < eligible_from or behaviour_good is False:
        return ParoleStatus.NOT_ELIGIBLE
    if behaviour_good is None:
        return ParoleStatus.ELIGIBLE_BY_TIME_BEHAVIOUR_NOT_ASSESSED
    return ParoleStatus.ELIGIBLE


def parole_explanation(eligible_from: date | None, today: date, behaviour_good: bool | None) -> tuple[str, str]:
    """Why the parole status is what it is, in Indonesian and English, with the date (Pasal 13 ayat 6)."""
    if eligible_from is None:
        return (f"Tidak memenuhi syarat: setengah masa penempatan dan 3 bulan tidak tercapai sebelum hari terakhir "
                f"penempatan ({RULE_PAROLE}).",
                f"Not eligible: half the placement and 3 months are not reached before its last day ({RULE_PAROLE}).")
    when_id, when_en = format_date_id(eligible_from), eligible_from.isoformat()
    if today < eligible_from:
        return (f"Belum memenuhi syarat: syarat waktu terpenuhi mulai {when_id} ({RULE_PAROLE}).",
                f"Not yet eligible: the time condition is met from {when_en} ({RULE_PAROLE}).")
    if behaviour_good is False:
        return (f"Tidak memenuhi syarat: syarat waktu terpenuhi sejak {when_id}, tetapi perilaku dinilai tidak baik "
                f"({RULE_PAROLE}).",
                f"Not eligible: time condition met since {when_en}, but behaviour was assessed as not good "
                f"({RULE_PAROLE}).")
    if behaviour_good is None:
        return (f"Memenuhi syarat waktu sejak {when_id}; perilaku belum dinilai ({RULE_PAROLE}).",
                f"Eligible by time since {when_en}; behaviour not yet assessed ({RULE_PAROLE}).")
    return (f"Memenuhi syarat sejak {when_id}: telah menjalani 1/2 masa penempatan dan paling sedikit 3 bulan, "
            f"berkelakuan baik ({RULE_PAROLE}).",
            f"Eligible since {when_en}: served half the placement and at least 3 months, good behaviour "
            f"({RULE_PAROLE}).")
