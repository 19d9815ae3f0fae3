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


# Reasons the law ties to one legal basis; every other reason may end any placement.
_ONLY_FOR: dict[ExitReason, LegalBasis] = {
    ExitReason.PICKED_UP_BY_DEPOSITOR: LegalBasis.TITIPAN,
    ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS: LegalBasis.TITIPAN,
    ExitReason.PAROLE: LegalBasis.COURT_DECISION,
}


def exit_reasons_for(basis: LegalBasis | str) -> tuple[ExitReason, ...]:
    """Exit reasons open to a placement on `basis` (pickup only for titipan, parole only by court decision)."""
    basis = LegalBasis.coerce(basis, field="basis", rule="Pasal 9 ayat 1")
    return tuple(reason for reason in ExitReason if _ONLY_FOR.get(reason, basis) is basis)


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
                      custody_last_day: date | None = None, notice_sent_on: date | None = None) -> ExitReason:
    """The exit reason, refused if the law ties it to another legal basis (Pasal 11 ayat 5–6, 13 ayat 6), or,
    for a titipan child not picked up, before the notice was sent and the period's last day has passed."""
    basis = LegalBasis.coerce(basis, field="basis", rule="Pasal 9 ayat 1")
    reason = ExitReason.coerce(reason, field="exit_reason", rule="Pasal 33 ayat 2")
    required = _ONLY_FOR.get(reason)
    if required is not None and required is not basis:
        raise RuleError(
            f"Alasan keluar \"{reason.label_id}\" hanya untuk penempatan dengan dasar hukum {required.label_id} "
            f"({reason.pasal}).",
            field="exit_reason", rule=reason.pasal,
            message_en=f"The exit reason \"{reason.label_en}\" applies only to placements under {required.label_en} "
                       f"({reason.pasal}).",
        )
    if reason is ExitReason.NOT_PICKED_UP_RETURNED_TO_PARENTS:
        check_not_picked_up(exit_date, custody_last_day, notice_sent_on)
    return reason
