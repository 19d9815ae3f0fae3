"""A child under 12 (Pasal 10 ayat 2–3): the meeting's decision is submitted to the court, which determines it
within 3 days of submission. Reading (RULES §4): calendar days; the deadline is submission + 3 days; the child may
be admitted on the meeting's decision; a determination not recorded by the deadline is flagged until it is."""

from __future__ import annotations

from datetime import date, timedelta

from lpks.rules.errors import RuleError
from lpks.rules.labels import format_date_id

UNDER_12_COURT_DAYS = 3  # Pasal 10 ayat 3: "paling lama 3 (tiga) hari sejak diajukan"
RULE = "Pasal 10 ayat 3"
READING_ID = ("Pengadilan menetapkan paling lama 3 hari kalender sejak keputusan musyawarah diajukan (batas = tanggal "
              "pengajuan + 3 hari); anak dapat diterima berdasarkan keputusan musyawarah, dan penetapan yang belum "
              "dicatat sampai batas itu ditandai di dasbor sampai dicatat.")
READING_EN = ("The court determines within 3 calendar days of the meeting's decision being submitted (deadline = "
              "submission + 3 days); the child may be admitted on the meeting's decision, and a determination not "
              "recorded by the deadline is flagged on the dashboard until it is.")


def under_12_court_deadline(submitted_on: date) -> date:
    """Last day for the court to determine an under-12 decision: submission + 3 calendar days (Pasal 10 ayat 3)."""
    return submitted_on + timedelta(days=UNDER_12_COURT_DAYS)


def check_submission(submitted_on: date, placement_start: date, today: date) -> date:
    """The meeting's decision is submitted on or before today; not before the placement's own file begins."""
    if submitted_on > today:
        raise RuleError(f"Tanggal pengajuan ke pengadilan tidak boleh setelah hari ini ({format_date_id(today)}) "
                        f"({RULE}).", field="court_submitted_on", rule=RULE,
                        message_en=f"The submission date cannot be after today ({today.isoformat()}) ({RULE}).")
    if submitted_on < placement_start - timedelta(days=UNDER_12_COURT_DAYS):
        raise RuleError(f"Tanggal pengajuan ({format_date_id(submitted_on)}) lebih dari 3 hari sebelum tanggal mulai "
                        f"penempatan ({format_date_id(placement_start)}): penempatan berdasarkan keputusan musyawarah "
                        f"yang baru diajukan ({RULE}).", field="court_submitted_on", rule=RULE,
                        message_en=f"The submission date ({submitted_on.isoformat()}) is more than 3 days before the "
                                   f"placement's start ({placement_start.isoformat()}) ({RULE}).")
    return submitted_on


def check_determination(submitted_on: date | None, number: str | None, determined_on: date | None,
                        today: date) -> None:
    """The court's determination: its number and date, on or after the submission and not after today."""
    if submitted_on is None:
        raise RuleError(f"Catat dahulu tanggal pengajuan keputusan musyawarah ke pengadilan ({RULE}).",
                        field="court_submitted_on", rule=RULE,
                        message_en=f"Record first the date the meeting's decision was submitted to the court ({RULE}).")
    if not (number or "").strip():
        raise RuleError(f"Nomor penetapan pengadilan wajib diisi ({RULE}).", field="court_determination_number",
                        rule=RULE, message_en=f"The court determination's number is required ({RULE}).")
    if determined_on is None or determined_on < submitted_on or determined_on > today:
        raise RuleError(f"Tanggal penetapan pengadilan wajib diisi, tidak sebelum pengajuan "
                        f"({format_date_id(submitted_on)}) dan tidak setelah hari ini ({RULE}).",
                        field="court_determination_date", rule=RULE,
                        message_en=f"The determination's date is required, not before the submission "
                                   f"({submitted_on.isoformat()}) and not after today ({RULE}).")


def is_determination_overdue(deadline: date | None, determined_on: date | None, today: date) -> bool:
    """Submitted, not yet determined, and the deadline has passed (Reading, RULES §4)."""
    return deadline is not None and determined_on is None and today > deadline
