"""A titipan child's school exam (Pasal 11 ayat 8) and a court placement's progress reports (Pasal 13 ayat 5–6)."""

from __future__ import annotations

from datetime import date

from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

RULE_EXAM = "Pasal 11 ayat 8"
RULE_REPORT = "Pasal 13 ayat 5"


class ExamPlace(LabelledEnum):
    """Where the LPKS asks that the child sit the exam (Pasal 11 ayat 8)."""

    SCHOOL = ("sekolah", "Di sekolah", "At school", RULE_EXAM)
    LPKS = ("lpks", "Di LPKS", "At the LPKS", RULE_EXAM)


class ExamAnswer(LabelledEnum):
    """The investigator's answer to the request (Pasal 11 ayat 8)."""

    GRANTED_SCHOOL = ("granted_school", "Diizinkan di sekolah", "Permitted at school", RULE_EXAM)
    GRANTED_LPKS = ("granted_lpks", "Diizinkan di LPKS", "Permitted at the LPKS", RULE_EXAM)
    REFUSED = ("refused", "Tidak diizinkan", "Not permitted", RULE_EXAM)


class Recommendation(LabelledEnum):
    """What a progress report recommends about the length of the stay (Pasal 13 ayat 5–6)."""

    CONTINUE = ("continue", "Lanjutkan penempatan", "Continue the placement", RULE_REPORT)
    EARLY_END = ("early_end", "Usulkan pengakhiran lebih awal", "Propose an earlier end", "Pasal 13 ayat 5")
    PAROLE = ("parole", "Pembebasan bersyarat", "Parole", "Pasal 13 ayat 6")


def check_exam_request(exam_date: date, letter_date: date, today: date) -> None:
    """The request letter is dated not after today and not after the exam it asks about (Pasal 11 ayat 8)."""
    if letter_date > today:
        raise RuleError(f"Tanggal surat permohonan tidak boleh setelah hari ini ({RULE_EXAM}).", field="letter_date",
                        rule=RULE_EXAM, message_en=f"The request letter cannot be dated after today ({RULE_EXAM}).")
    if exam_date < letter_date:
        raise RuleError(f"Permohonan diajukan sebelum ujian: tanggal ujian ({format_date_id(exam_date)}) tidak boleh "
                        f"sebelum tanggal surat ({format_date_id(letter_date)}) ({RULE_EXAM}).", field="exam_date",
                        rule=RULE_EXAM, message_en=f"The request precedes the exam: the exam date "
                                                   f"({exam_date.isoformat()}) cannot be before the letter "
                                                   f"({letter_date.isoformat()}) ({RULE_EXAM}).")


def check_exam_answer(letter_date: date, answer_date: date, today: date) -> None:
    """The investigator answers after the request and not after today (Pasal 11 ayat 8)."""
    if answer_date < letter_date or answer_date > today:
        raise RuleError(f"Tanggal jawaban penyidik harus antara tanggal surat permohonan "
                        f"({format_date_id(letter_date)}) dan hari ini ({RULE_EXAM}).", field="answer_date",
                        rule=RULE_EXAM, message_en=f"The investigator's answer is dated between the request "
                                                   f"({letter_date.isoformat()}) and today ({RULE_EXAM}).")


def check_report(report_date: date, placement_start: date, today: date, author_is_peksos: bool) -> None:
    """A progress report is written by a Pekerja Sosial Profesional of the LPKS, dated within the stay
    (Pasal 13 ayat 5)."""
    if not author_is_peksos:
        raise RuleError(f"Laporan perkembangan ditulis oleh Pekerja Sosial Profesional LPKS yang aktif pada tanggal "
                        f"laporan ({RULE_REPORT}).", field="author_id", rule=RULE_REPORT,
                        message_en=f"A progress report is written by a professional social worker of the LPKS, "
                                   f"active on the report's date ({RULE_REPORT}).")
    if report_date > today or report_date < placement_start:
        raise RuleError(f"Tanggal laporan harus antara mulai penempatan ({format_date_id(placement_start)}) dan hari "
                        f"ini ({RULE_REPORT}).", field="report_date", rule=RULE_REPORT,
                        message_en=f"The report is dated between the placement's start ({placement_start.isoformat()}) "
                                   f"and today ({RULE_REPORT}).")
