"""Referral (Pasal 35 ayat 1 huruf k, Pasal 46; RULES §7): consent, and the status machine sent → accepted or
declined (with a reason) → completed (with the receiver's note).

Reading: in the system the receiver answers; a referral outside the system (a hospital, a school, LPSK…) has no user
to answer, so the sender records the answer it received on the printed form of Lampiran III.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import RuleError
from .labels import LabelledEnum

RULE = "Pasal 46"


class ReceiverKind(LabelledEnum):
    """Who receives the referral."""

    LPKS = ("lpks", "LPKS dalam sistem", "An LPKS in the system", "Pasal 46; Pasal 55")
    DINSOS = ("dinsos", "Dinas Sosial kabupaten/kota dalam sistem", "A district social affairs office in the system",
              "Pasal 46")
    EXTERNAL = ("external", "Layanan di luar sistem (rumah sakit, sekolah, LPSK, rumah perlindungan sosial, …)",
                "A service outside the system (hospital, school, LPSK, …)", "Pasal 46 ayat 2; Lampiran III")


class ReferralStatus(LabelledEnum):
    """Where a referral stands."""

    SENT = ("sent", "Dikirim", "Sent")
    ACCEPTED = ("accepted", "Diterima", "Accepted")
    DECLINED = ("declined", "Ditolak", "Declined")
    COMPLETED = ("completed", "Selesai", "Completed")


class ReferralAction(StrEnum):
    """An answer to a referral."""

    ACCEPT = "accept"
    DECLINE = "decline"
    COMPLETE = "complete"


SENDER, RECEIVER = "sender", "receiver"
_TARGET = {ReferralAction.ACCEPT: ReferralStatus.ACCEPTED, ReferralAction.DECLINE: ReferralStatus.DECLINED,
           ReferralAction.COMPLETE: ReferralStatus.COMPLETED}
_FROM = {ReferralAction.ACCEPT: ReferralStatus.SENT, ReferralAction.DECLINE: ReferralStatus.SENT,
         ReferralAction.COMPLETE: ReferralStatus.ACCEPTED}


def answering_side(external: bool) -> str:
    """Who records the answers: the receiver in the system; the sender for a referral outside it."""
    return SENDER if external else RECEIVER


def allowed_referral_actions(status: ReferralStatus | str, side: str, external: bool) -> frozenset[ReferralAction]:
    """The answers open to `side` (sender/receiver) on a referral in `status`."""
    status = ReferralStatus.coerce(status, field="status", rule=RULE)
    if side != answering_side(external):
        return frozenset()
    return frozenset(action for action, source in _FROM.items() if source is status)


def transition(status: ReferralStatus | str, action: ReferralAction | str, side: str, external: bool, *,
               reason: str | None = None) -> ReferralStatus:
    """The status after `action`; a decline needs its reason and a completion the receiver's note."""
    status = ReferralStatus.coerce(status, field="status", rule=RULE)
    try:
        action = ReferralAction(action)
    except ValueError:
        raise RuleError(f"Tindakan rujukan {action!r} tidak dikenal.", field="action", rule=RULE,
                        message_en=f"Unknown referral action {action!r}.") from None
    if action not in allowed_referral_actions(status, side, external):
        who = "penerima rujukan" if answering_side(external) == RECEIVER else "pengirim (rujukan di luar sistem)"
        raise RuleError(f"Rujukan berstatus \"{status.label_id}\" tidak dapat di-{action.value} oleh pihak ini; "
                        f"jawaban dicatat oleh {who} ({RULE}).", field="status", rule=RULE,
                        message_en=f"A referral that is \"{status.label_en}\" cannot be answered with {action.value} by "
                                   f"this side ({RULE}).")
    if action in (ReferralAction.DECLINE, ReferralAction.COMPLETE) and not (reason and reason.strip()):
        field = "decline_reason" if action is ReferralAction.DECLINE else "completion_note"
        what = ("Alasan penolakan", "The reason for declining") if action is ReferralAction.DECLINE else (
            "Catatan penerima tentang layanan yang diberikan", "The receiver's note on the service given")
        raise RuleError(f"{what[0]} wajib diisi ({RULE}).", field=field, rule=RULE,
                        message_en=f"{what[1]} is required ({RULE}).")
    return _TARGET[action]


def check_consent(child_consent: bool | None, parent_consent: bool | None) -> None:
    """A referral is sent only with the consent of the child and of the parent or guardian."""
    if not child_consent:
        raise RuleError("Persetujuan anak atas rujukan wajib dicatat.", field="child_consent", rule=RULE,
                        message_en="The child's consent to the referral must be recorded.")
    if not parent_consent:
        raise RuleError("Persetujuan orang tua/wali atas rujukan wajib dicatat.", field="parent_consent",
                        rule=RULE, message_en="The parent's or guardian's consent must be recorded.")


def check_residential(residential: bool, receiver: ReceiverKind | str) -> None:
    """Only an LPKS in the system takes the child in (its own placement); other receivers give a service."""
    receiver = ReceiverKind.coerce(receiver, field="receiver_kind", rule=RULE)
    if residential and receiver is not ReceiverKind.LPKS:
        raise RuleError("Rujukan dengan perpindahan tempat tinggal anak hanya ke LPKS dalam sistem, yang membuka "
                        "penempatannya sendiri; untuk layanan lain rujukan tidak memindahkan anak.",
                        field="residential", rule=RULE,
                        message_en="A residential referral goes only to an LPKS in the system, which opens its own "
                                   "placement.")
