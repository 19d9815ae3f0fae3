"""Titipan (custody) periods and the notice of their end (Pasal 11 ayat 3–4; UU SPPA Pasal 33–38)."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from lpks.rules.calendar import held_years, missing_years, working_day_before
from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, check_positive_int

NOTICE_WORKING_DAYS = 2  # Pasal 11 ayat 4: "paling lama 2 (dua) hari kerja sebelum berakhirnya"
DAY_COUNTING_READING_ID = "Hari pertama adalah tanggal mulai; hari terakhir = tanggal mulai + N − 1."
DAY_COUNTING_READING_EN = "The start date is day 1; the last day = start + N − 1."
NOTICE_READING_ID = ("Batas surat pemberitahuan: hari kerja kedua yang dihitung mundur sebelum hari terakhir "
                     "penitipan (Pasal 11 ayat 4).")
NOTICE_READING_EN = ("Notice deadline: the second working day counted back before the last day of custody "
                     "(Pasal 11 ayat 4).")


class CustodyLevel(LabelledEnum):
    """Level of the legal process at which the child is deposited (Pasal 11 ayat 3 huruf a–e)."""

    PENYIDIKAN = ("penyidikan", "Penyidikan", "Investigation", "Pasal 11 ayat 3 huruf a; UU SPPA Pasal 33")
    PENUNTUTAN = ("penuntutan", "Penuntutan", "Prosecution", "Pasal 11 ayat 3 huruf b; UU SPPA Pasal 34")
    PENGADILAN_NEGERI = ("pengadilan_negeri", "Pengadilan negeri", "District court",
                         "Pasal 11 ayat 3 huruf c; UU SPPA Pasal 35")
    PENGADILAN_TINGGI = ("pengadilan_tinggi", "Pengadilan tinggi", "High court (appeal)",
                         "Pasal 11 ayat 3 huruf d; UU SPPA Pasal 37")
    KASASI = ("kasasi", "Kasasi di Mahkamah Agung", "Cassation at the Supreme Court",
              "Pasal 11 ayat 3 huruf e; UU SPPA Pasal 38")

    @property
    def base_days(self) -> int:
        """Days the detaining authority may grant (UU SPPA Pasal 33–38 ayat 1)."""
        return _LIMITS[self][0]

    @property
    def extension_days(self) -> int:
        """Days of extension allowed (UU SPPA Pasal 33–38 ayat 2)."""
        return _LIMITS[self][1]

    @property
    def max_days(self) -> int:
        """Maximum days of titipan at this level, base + extension (Pasal 11 ayat 3)."""
        return sum(_LIMITS[self])


_LIMITS = {
    CustodyLevel.PENYIDIKAN: (7, 8),
    CustodyLevel.PENUNTUTAN: (5, 5),
    CustodyLevel.PENGADILAN_NEGERI: (10, 15),
    CustodyLevel.PENGADILAN_TINGGI: (10, 15),
    CustodyLevel.KASASI: (15, 20),
}
_ORDER = tuple(CustodyLevel)


@dataclass(frozen=True)
class CustodyPeriod:
    """A computed titipan period at one level."""

    level: CustodyLevel
    start: date
    granted_days: int
    extensions: tuple[int, ...]
    total_days: int
    max_days: int
    last_day: date
    notice_deadline: date
    calendar_missing_years: tuple[int, ...] = ()

    @property
    def extension_left(self) -> int:
        """Days that may still be added by an extension at this level."""
        return self.max_days - self.total_days


def next_level(level: CustodyLevel | str) -> CustodyLevel | None:
    """The level after `level` (a new period opens there); None after kasasi (RULES §5)."""
    index = _ORDER.index(CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3"))
    return _ORDER[index + 1] if index + 1 < len(_ORDER) else None


def check_next_level(previous: CustodyLevel | str, level: CustodyLevel | str) -> CustodyLevel:
    """A new titipan period opens only at the level after the previous one (Pasal 11 ayat 3; RULES §5)."""
    previous = CustodyLevel.coerce(previous, field="level", rule="Pasal 11 ayat 3")
    level = CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3")
    expected = next_level(previous)
    if level is not expected:
        after_id = expected.label_id if expected else "tidak ada (kasasi adalah tingkat terakhir)"
        after_en = expected.label_en if expected else "none (cassation is the last level)"
        raise RuleError(
            f"Masa titipan baru dibuka pada tingkat berikutnya setelah {_in_sentence(previous)}: {after_id}; "
            f"diajukan {_in_sentence(level)} (Pasal 11 ayat 3).",
            field="level", rule="Pasal 11 ayat 3",
            message_en=f"A new custody period opens at the level after {previous.label_en.lower()}: {after_en}; "
                       f"{level.label_en.lower()} given (Pasal 11 ayat 3).",
        )
    return level


def last_day(start: date, total_days: int) -> date:
    """Last day of a period of N days: start is day 1, so start + N − 1 (Reading, RULES §5)."""
    check_positive_int(total_days, field="days", rule="Pasal 11 ayat 3",
                       what_id="Jumlah hari", what_en="The number of days")
    return start + timedelta(days=total_days - 1)


def _in_sentence(level: CustodyLevel) -> str:
    return level.label_id[0].lower() + level.label_id[1:]


def check_days(level: CustodyLevel | str, granted: int, extensions: Iterable[int] = ()) -> int:
    """Total days granted plus extensions; refused above the level's maximum (Pasal 11 ayat 3)."""
    level = CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3")
    check_positive_int(granted, field="days", rule=level.pasal,
                       what_id="Jumlah hari penitipan", what_en="The days of custody")
    extensions = tuple(extensions)
    for days in extensions:
        check_positive_int(days, field="extensions", rule=level.pasal,
                           what_id="Jumlah hari perpanjangan", what_en="The days of an extension")
    total = granted + sum(extensions)
    if total > level.max_days:
        asked = " + ".join(str(days) for days in (granted, *extensions))
        raise RuleError(
            f"Jumlah hari penitipan tingkat {_in_sentence(level)} paling lama {level.max_days} hari "
            f"({level.base_days} + perpanjangan {level.extension_days}); diajukan {total} hari ({asked}) "
            f"({level.pasal}).",
            field="days", rule=level.pasal,
            message_en=f"Custody at the {level.label_en.lower()} level lasts at most {level.max_days} days "
                       f"({level.base_days} + extension {level.extension_days}); {total} days requested "
                       f"({asked}) ({level.pasal}).",
        )
    return total


def notice_deadline(last_day: date, holidays: Collection[date]) -> date:
    """Deadline of the notice of the end of titipan: 2nd working day before the last day (Pasal 11 ayat 4)."""
    return working_day_before(last_day, NOTICE_WORKING_DAYS, holidays)


def custody_missing_years(start: date, last_day: date, notice_deadline: date,
                          held: Collection[int]) -> tuple[int, ...]:
    """Years a titipan period's computation touched (start to last day, and the notice deadline, which may fall
    before the start) that the holiday calendar does not hold (RULES §5 Calendar coverage)."""
    return missing_years(min(start, notice_deadline), last_day, held)


def compute_custody(level: CustodyLevel | str, start: date, days: int, extensions: Iterable[int] = (),
                    holidays: Collection[date] = frozenset()) -> CustodyPeriod:
    """Check and compute a titipan period: total, last day and notice deadline (Pasal 11 ayat 3–4)."""
    level = CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3")
    extensions = tuple(extensions)
    total = check_days(level, days, extensions)
    end = last_day(start, total)
    deadline = notice_deadline(end, holidays)
    return CustodyPeriod(level=level, start=start, granted_days=days, extensions=extensions, total_days=total,
                         max_days=level.max_days, last_day=end, notice_deadline=deadline,
                         calendar_missing_years=custody_missing_years(start, end, deadline, held_years(holidays)))
