"""Why a placement ends (Pasal 10–14, Pasal 11 ayat 5–6, Pasal 13 ayat 6, Pasal 33 ayat 2)."""

from __future__ import annotations

from datetime import date, timedelta

from lpks.rules.bases import LegalBasis
from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

RULE_NOT_PICKED_UP = "Pasal 11 ayat 5–6"


class ExitReason(LabelledEnum):
    """Reason a placement ends; the last four are the terminations of Pasal 33 ayat 2."""

    RETURNED_TO_PARENTS = ("returned_to_parents", "Diserahkan kembali kepada orang tua/wali",
                           "Returned to parents/guardian",
                           "Pasal 10 ayat 1 huruf a; Pasal 12 ayat 1 huruf a; Pasal 13 ayat 1 huruf a; Pasal 14 ayat 1")
    PICKED_UP_BY_DEPOSITOR = ("picked_up_by_depositor", "Dijemput lembaga penitip",
                              "Picked up by the depositing agency", "Pasal 11 ayat 5")
    NOT_PICKED_UP_RETURNED_TO_PARENTS = ("not_picked_up_returned_to_parents",
                                         "Tidak dijemput lembaga penitip, dikembalikan kepada orang tua/wali",
                                         "Not picked up by the depositing agency, returned to parents/guardian",
                                         "Pasal 11 ayat 6")
    TRANSFERRED = ("transferred", "Dipindahkan/dirujuk ke lembaga lain", "Transferred/referred to another institution",
                   "Pasal 8 ayat 1")
    PAROLE = ("parole", "Pembebasan bersyarat", "Parole (pembebasan bersyarat)", "Pasal 13 ayat 6")
    PLACEMENT_ENDED = ("placement_ended", "Jangka waktu penempatan berakhir", "End of the placement period",
                       "Pasal 11 ayat 3; Pasal 13 ayat 4")
    COURT_ENDED_EARLY = ("court_ended_early", "Diakhiri lebih awal oleh penetapan/putusan pengadilan",
                         "Ended early by a court order or judgment", "Pasal 13 ayat 2 dan 4")
    COMPLETED = ("completed", "Terminasi: selesai mengikuti Rehabilitasi Sosial",
                 "Termination: social rehabilitation completed", "Pasal 33 ayat 2 huruf a")
    REFERRED_ELSEWHERE = ("referred_elsewhere", "Terminasi: dirujuk untuk mendapatkan pelayanan di tempat lain",
                          "Termination: referred for services elsewhere", "Pasal 33 ayat 2 huruf b")
    RAN_AWAY = ("ran_away_not_found", "Terminasi: melarikan diri dan tidak ditemukan",
                "Termination: ran away and not found", "Pasal 33 ayat 2 huruf c")
    DIED = ("died", "Terminasi: meninggal dunia", "Termination: died", "Pasal 33 ayat 2 huruf d")

    @property
    def is_termination(self) -> bool:
        """True for the termination reasons of Pasal 33 ayat 2."""
        return self.pasal.startswith("Pasal 33")


RULE_EARLY_END = "Pasal 13 ayat 4 dan 6; Pasal 33 ayat 2"
END_READING_ID = ("\"Jangka waktu penempatan berakhir\" hanya pada atau setelah hari terakhir; sebelum itu alasan "
                  "keluar harus pembebasan bersyarat (memenuhi syarat dan perilaku dinilai), penetapan/putusan "
                  "pengadilan yang mengakhirinya lebih awal (nomor, tanggal), pemindahan/rujukan, atau terminasi "
                  "Pasal 33 ayat 2.")
END_READING_EN = ("\"End of the placement period\" only on or after the last day; before it the reason must be "
                  "parole (eligible and assessed), a court decision ending it early (number, date), a transfer or "
                  "referral, or a termination of Pasal 33 ayat 2.")

# Reasons the law ties to some legal bases; every other reason may end any placement.
_ONLY_FOR: dict[ExitReason, frozenset[LegalBasis]] = {
    ExitReason.PICKED_UP_BY_DEPOSITOR: frozenset({LegalBasis.TITIPAN}),
    ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS: frozenset({LegalBasis.TITIPAN}),
    ExitReason.PAROLE: frozenset({LegalBasis.COURT_DECISION}),
    ExitReason.COURT_ENDED_EARLY: frozenset({LegalBasis.COURT_DECISION}),
    # only a placement with a last day (the titipan period's, Pasal 11 ayat 3; the court's, Pasal 13 ayat 4) ends
    ExitReason.PLACEMENT_ENDED: frozenset({LegalBasis.TITIPAN, LegalBasis.COURT_DECISION}),
}
# Before a court placement's last day, only these end it (Reading, RULES §4 Exit).
_BEFORE_LAST_DAY = frozenset({ExitReason.PAROLE, ExitReason.COURT_ENDED_EARLY, ExitReason.TRANSFERRED,
                              *(reason for reason in ExitReason if reason.is_termination)})


def exit_reasons_for(basis: LegalBasis | str) -> tuple[ExitReason, ...]:
    """Exit reasons open to a placement on `basis` (pickup only for titipan, parole and an early court end only by
    court decision, the end of the period only where there is a last day)."""
    basis = LegalBasis.coerce(basis, field="basis", rule="Pasal 9 ayat 1")
    return tuple(reason for reason in ExitReason if basis in _ONLY_FOR.get(reason, frozenset(LegalBasis)))


def check_not_picked_up(exit_date: date | None, last_day: date | None, notice_sent_on: date | None) -> None:
    """Returning a titipan child to the parents because nobody came: only once the notice was sent and the
    titipan period's last day has passed; until then the depositing agency must pick the child up (Pasal 11
    ayat 4–6)."""
    reason = ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS
    if last_day is None:
        raise RuleError(
            f"Alasan keluar \"{reason.label_id}\" memerlukan masa titipan yang berjalan; penempatan ini tidak "
            f"memilikinya ({RULE_NOT_PICKED_UP}).",
            field="exit_reason", rule=RULE_NOT_PICKED_UP,
            message_en=f"The exit reason \"{reason.label_en}\" needs a running titipan period; this placement has "
                       f"none ({RULE_NOT_PICKED_UP}).")
    if notice_sent_on is None:
        raise RuleError(
            f"Alasan keluar \"{reason.label_id}\" hanya setelah surat pemberitahuan berakhirnya masa titipan "
            f"dikirim kepada lembaga penitip; pengirimannya belum dicatat ({RULE_NOT_PICKED_UP}).",
            field="exit_reason", rule=RULE_NOT_PICKED_UP,
            message_en=f"The exit reason \"{reason.label_en}\" applies only after the notice of the end of the "
                       f"titipan period was sent to the depositing agency; no sending is recorded "
                       f"({RULE_NOT_PICKED_UP}).")
    if exit_date is None or exit_date <= last_day:
        first = last_day + timedelta(days=1)
        raise RuleError(
            f"Alasan keluar \"{reason.label_id}\" hanya setelah hari terakhir masa titipan "
            f"({format_date_id(last_day)}) lewat: sampai hari itu lembaga penitip wajib menjemput anak; tanggal "
            f"keluar paling cepat {format_date_id(first)} ({RULE_NOT_PICKED_UP}).",
            field="exit_date", rule=RULE_NOT_PICKED_UP,
            message_en=f"The exit reason \"{reason.label_en}\" applies only after the titipan period's last day "
                       f"({last_day.isoformat()}) has passed: until then the depositing agency must pick the child "
                       f"up; the earliest exit date is {first.isoformat()} ({RULE_NOT_PICKED_UP}).")


def check_exit_reason(basis: LegalBasis | str, reason: ExitReason | str, *, exit_date: date | None = None,
                      custody_last_day: date | None = None, notice_sent_on: date | None = None,
                      placement_last_day: date | None = None, decision_number: str | None = None,
                      decision_date: date | None = None) -> ExitReason:
    """The exit reason, refused if the law ties it to another legal basis (Pasal 11 ayat 5–6, 13 ayat 6); for a
    titipan child not picked up, before the notice was sent and the period's last day has passed; "end of the
    placement period" before the last day, and before a court placement's last day any reason but parole, an early
    court decision (with its number and date), a transfer or a termination (Reading, RULES §4 Exit)."""
    basis = LegalBasis.coerce(basis, field="basis", rule="Pasal 9 ayat 1")
    reason = ExitReason.coerce(reason, field="exit_reason", rule="Pasal 33 ayat 2")
    allowed = _ONLY_FOR.get(reason)
    if allowed is not None and basis not in allowed:
        names_id = " atau ".join(b.label_id for b in LegalBasis if b in allowed)
        names_en = " or ".join(b.label_en for b in LegalBasis if b in allowed)
        raise RuleError(
            f"Alasan keluar \"{reason.label_id}\" hanya untuk penempatan dengan dasar hukum {names_id} "
            f"({reason.pasal}).",
            field="exit_reason", rule=reason.pasal,
            message_en=f"The exit reason \"{reason.label_en}\" applies only to placements under {names_en} "
                       f"({reason.pasal}).",
        )
    if reason is ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS:
        check_not_picked_up(exit_date, custody_last_day, notice_sent_on)
    last = custody_last_day if basis is LegalBasis.TITIPAN else placement_last_day
    if reason is ExitReason.PLACEMENT_ENDED:
        _check_on_or_after_last_day(reason, exit_date, last)
    if basis is LegalBasis.COURT_DECISION and reason not in _BEFORE_LAST_DAY:
        _check_on_or_after_last_day(reason, exit_date, last)
    if reason is ExitReason.COURT_ENDED_EARLY:
        _check_decision(decision_number, decision_date, exit_date)
    return reason


def _check_on_or_after_last_day(reason: ExitReason, exit_date: date | None, last: date | None) -> None:
    if last is not None and exit_date is not None and exit_date >= last:
        return
    when_id = f" ({format_date_id(last)})" if last else ""
    when_en = f" ({last.isoformat()})" if last else ""
    raise RuleError(
        f"Alasan keluar \"{reason.label_id}\" hanya pada atau setelah hari terakhir penempatan{when_id}; sebelum "
        f"itu alasan keluar harus pembebasan bersyarat, penetapan/putusan pengadilan yang mengakhirinya lebih awal, "
        f"pemindahan/rujukan, atau terminasi Pasal 33 ayat 2 ({RULE_EARLY_END}).",
        field="exit_reason", rule=RULE_EARLY_END,
        message_en=f"The exit reason \"{reason.label_en}\" applies only on or after the placement's last "
                   f"day{when_en}; before it the reason must be parole, a court decision ending it early, a transfer "
                   f"or referral, or a termination of Pasal 33 ayat 2 ({RULE_EARLY_END}).",
    )


def _check_decision(number: str | None, dated: date | None, exit_date: date | None) -> None:
    """An early end by the court names the order or judgment: its number and a date not after the exit."""
    rule = ExitReason.COURT_ENDED_EARLY.pasal
    if not number:
        raise RuleError(f"Nomor penetapan/putusan pengadilan yang mengakhiri penempatan wajib diisi ({rule}).",
                        field="exit_decision_number", rule=rule,
                        message_en=f"The number of the court order or judgment ending the placement is required "
                                   f"({rule}).")
    if dated is None or (exit_date is not None and dated > exit_date):
        raise RuleError(f"Tanggal penetapan/putusan pengadilan wajib diisi dan tidak boleh setelah tanggal keluar "
                        f"({rule}).", field="exit_decision_date", rule=rule,
                        message_en=f"The date of the court order or judgment is required and cannot be after the "
                                   f"exit date ({rule}).")
