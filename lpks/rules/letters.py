"""Facts of the letters: what a first custody letter may grant, corrections after admission, and the handover
between the placement's start and now (UU SPPA Pasal 33–38 ayat 1–2; Pasal 10–14; RULES §4–5)."""

from __future__ import annotations

from collections.abc import Collection
from datetime import date, datetime

from lpks.rules.custody import CustodyLevel
from lpks.rules.errors import RuleError
from lpks.rules.labels import format_date_id

# Who extends at each level (UU SPPA Pasal 33–38 ayat 2).
EXTENSION_AUTHORITY = {
    CustodyLevel.PENYIDIKAN: ("penuntut umum", "the public prosecutor"),
    CustodyLevel.PENUNTUTAN: ("hakim pengadilan negeri", "a district court judge"),
    CustodyLevel.PENGADILAN_NEGERI: ("ketua pengadilan negeri", "the president of the district court"),
    CustodyLevel.PENGADILAN_TINGGI: ("ketua pengadilan tinggi", "the president of the high court"),
    CustodyLevel.KASASI: ("ketua Mahkamah Agung", "the president of the Supreme Court"),
}
LETTER_FACTS = ("start_date", "granted_days")  # after admission, changed only by a corrected letter
RULE_CORRECTION = "Pasal 11 ayat 2–3; UU SPPA Pasal 33–38"
RULE_HANDOVER = "Pasal 10 ayat 5 huruf c; Pasal 11 ayat 2 huruf b; Pasal 12 ayat 6 huruf c; Pasal 13 ayat 7 huruf b"


def sppa_pasal(level: CustodyLevel | str) -> str:
    """The article of UU SPPA that sets the level's days ("UU SPPA Pasal 33")."""
    level = CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3")
    return level.pasal.split("; ")[-1]


def check_first_letter(level: CustodyLevel | str, granted: int) -> int:
    """The letter that deposits the child grants at most the level's base days; more comes only by an extension
    with its authority (UU SPPA Pasal 33–38 ayat 1 and 2)."""
    level = CustodyLevel.coerce(level, field="level", rule="Pasal 11 ayat 3")
    if isinstance(granted, int) and not isinstance(granted, bool) and granted > level.base_days:
        who_id, who_en = EXTENSION_AUTHORITY[level]
        sppa = sppa_pasal(level)
        rule = f"{level.pasal} ayat 1"
        raise RuleError(
            f"Surat penahanan/penitipan tingkat {level.label_id.lower()} memberikan paling lama {level.base_days} "
            f"hari ({rule}); diajukan {granted} hari. Hari berikutnya, paling lama {level.extension_days} "
            f"hari, hanya dengan perpanjangan oleh {who_id} ({sppa} ayat 2): catat sebagai perpanjangan.",
            field="granted_days", rule=rule,
            message_en=f"A detention/custody letter at the {level.label_en.lower()} level grants at most "
                       f"{level.base_days} days ({rule}); {granted} days given. Further days, at most "
                       f"{level.extension_days}, come only by an extension from {who_en} ({sppa} ayat 2): record "
                       f"them as an extension.",
        )
    return granted


def check_correction(admitted: bool, changed: Collection[str], letter_number: str | None,
                     letter_date: date | None, today: date) -> bool:
    """After admission the start and the days granted are facts of the letters: a change needs the corrected
    letter's number and date (not in the future). True when the change is such a correction (to be audited)."""
    facts = [field for field in LETTER_FACTS if field in changed]
    if not admitted or not facts:
        return False
    named = ", ".join(facts)
    if not letter_number:
        raise RuleError(
            f"Anak sudah diterima: {named} adalah isi surat penahanan/penitipan dan hanya dapat dikoreksi dengan "
            f"menyebut nomor dan tanggal surat koreksinya ({RULE_CORRECTION}).",
            field="correction_letter_number", rule=RULE_CORRECTION,
            message_en=f"The child has been admitted: {named} are facts of the detention/custody letter and can be "
                       f"corrected only by citing the corrected letter's number and date ({RULE_CORRECTION}).",
        )
    if letter_date is None or letter_date > today:
        raise RuleError(
            f"Tanggal surat koreksi wajib diisi dan tidak boleh setelah hari ini ({format_date_id(today)}) "
            f"({RULE_CORRECTION}).",
            field="correction_letter_date", rule=RULE_CORRECTION,
            message_en=f"The corrected letter's date is required and cannot be after today ({today.isoformat()}) "
                       f"({RULE_CORRECTION}).",
        )
    return True


def check_handover(handover_at: datetime, handover_day: date, now: datetime, placement_start: date) -> datetime:
    """The handover (admission) lies between the placement's start and now (RULES §4); `handover_day` is its date
    where the LPKS is."""
    if handover_at > now:
        raise RuleError(
            f"Waktu serah terima tidak boleh di masa depan ({RULE_HANDOVER}).", field="handover_at",
            rule=RULE_HANDOVER, message_en=f"The handover time cannot be in the future ({RULE_HANDOVER}).")
    if handover_day < placement_start:
        raise RuleError(
            f"Serah terima ({format_date_id(handover_day)}) tidak boleh sebelum tanggal mulai penempatan "
            f"({format_date_id(placement_start)}) ({RULE_HANDOVER}).",
            field="handover_at", rule=RULE_HANDOVER,
            message_en=f"The handover ({handover_day.isoformat()}) cannot be before the placement's start "
                       f"({placement_start.isoformat()}) ({RULE_HANDOVER}).",
        )
    return handover_at


def check_placement_start(start: date, handover_day: date | None, first_period_start: date | None) -> date:
    """A placement starts on or before its handover and on or before its first titipan period (RULES §4)."""
    if handover_day is not None and start > handover_day:
        raise RuleError(
            f"Tanggal mulai penempatan ({format_date_id(start)}) tidak boleh setelah serah terima anak "
            f"({format_date_id(handover_day)}) ({RULE_HANDOVER}).",
            field="start_date", rule=RULE_HANDOVER,
            message_en=f"The placement's start ({start.isoformat()}) cannot be after the child's handover "
                       f"({handover_day.isoformat()}) ({RULE_HANDOVER}).",
        )
    if first_period_start is not None and start > first_period_start:
        raise RuleError(
            f"Tanggal mulai penempatan ({format_date_id(start)}) tidak boleh setelah mulai masa titipan pertama "
            f"({format_date_id(first_period_start)}) (Pasal 11 ayat 3).",
            field="start_date", rule="Pasal 11 ayat 3",
            message_en=f"The placement's start ({start.isoformat()}) cannot be after its first custody period's "
                       f"start ({first_period_start.isoformat()}) (Pasal 11 ayat 3).",
        )
    return start
