"""What must be recorded before admission beyond the documents (RULES §4): the hospital examination when violence
is suspected (Pasal 10 ayat 6, Pasal 12 ayat 7: "akan ditempatkan … harus dilakukan"), and for a child not yet in
legal process the Pasal 14 meeting's agreement (ayat 3–6) and the loss-versus-UMP condition (ayat 1 huruf e)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from lpks.rules.bases import LegalBasis, PreProcessOffence
from lpks.rules.errors import RuleError
from lpks.rules.labels import LabelledEnum, format_date_id

_EXAM_PASAL = {LegalBasis.UNDER_12: "Pasal 10 ayat 6", LegalBasis.DIVERSI: "Pasal 12 ayat 7"}
RULE_MEETING = "Pasal 14 ayat 3–6"
RULE_LOSS = "Pasal 14 ayat 1 huruf e"


class MeetingParticipant(LabelledEnum):
    """Who takes part in the Pasal 14 meeting: ayat 5 (required) and ayat 6 (optional)."""

    CHILD_FAMILY = ("anak_keluarga", "Anak dan Keluarga/Keluarga Pengganti", "The child and family", "ayat 5")
    VICTIM_FAMILY = ("korban_keluarga", "Anak Korban dan Keluarga/Keluarga Pengganti", "The victim and family",
                     "ayat 5")
    TOKOH_MASYARAKAT = ("tokoh_masyarakat", "Tokoh masyarakat", "Community leader", "ayat 5")
    TOKOH_AGAMA = ("tokoh_agama", "Tokoh agama", "Religious leader", "ayat 5")
    APARATUR_DESA = ("aparatur_desa", "Aparatur desa/kelurahan", "Village/urban ward officials", "ayat 5")
    BABINSA = ("babinsa", "Bintara pembina desa (babinsa)", "Village military officer (babinsa)", "ayat 6")
    BHABINKAMTIBMAS = ("bhabinkamtibmas", "Bhabinkamtibmas", "Community police officer (bhabinkamtibmas)", "ayat 6")
    OTHER = ("lainnya", "Pihak lain yang terkait", "Other parties concerned", "ayat 6")


class MeetingInitiator(LabelledEnum):
    """Who initiated the meeting (Pasal 14 ayat 3)."""

    PEKSOS = ("peksos", "Pekerja Sosial Profesional", "Professional social worker", "Pasal 14 ayat 3")
    TKS = ("tks", "Tenaga Kesejahteraan Sosial", "Social welfare worker", "Pasal 14 ayat 3")


def check_hospital_exam(basis: LegalBasis | str, suspected_violence: bool, exam_on: date | None,
                        hospital: str | None, handover_day: date) -> None:
    """Suspected violence: the hospital examination (hospital, date) is recorded before admission (Pasal 10 ayat 6,
    Pasal 12 ayat 7)."""
    basis = LegalBasis.coerce(basis, field="basis", rule="Pasal 9 ayat 1")
    pasal = _EXAM_PASAL.get(basis)
    if not suspected_violence or pasal is None:
        return
    if exam_on is None or not (hospital or "").strip():
        raise RuleError(f"Anak diduga mengalami kekerasan: pemeriksaan lanjutan di rumah sakit (rumah sakit dan "
                        f"tanggalnya) wajib dicatat sebelum anak diterima ({pasal}).", field="hospital_exam_on",
                        rule=pasal, message_en=f"Violence is suspected: the hospital examination (hospital and date) "
                                               f"must be recorded before the child is admitted ({pasal}).")
    if exam_on > handover_day:
        raise RuleError(f"Pemeriksaan rumah sakit ({format_date_id(exam_on)}) dilakukan sebelum anak ditempatkan, "
                        f"bukan setelah serah terima ({format_date_id(handover_day)}) ({pasal}).",
                        field="hospital_exam_on", rule=pasal,
                        message_en=f"The hospital examination ({exam_on.isoformat()}) comes before the placement, not "
                                   f"after the handover ({handover_day.isoformat()}) ({pasal}).")


def required_participants(conditions: Iterable[str]) -> tuple[MeetingParticipant, ...]:
    """Ayat 5's participants; the victim and family only where the offence has a victim (ayat 1 huruf c)."""
    victimless = PreProcessOffence.TANPA_KORBAN.value in set(conditions)
    return tuple(p for p in MeetingParticipant if p.pasal == "ayat 5"
                 and not (victimless and p is MeetingParticipant.VICTIM_FAMILY))


def check_meeting(held_on: date | None, place: str | None, initiator: str | None, participants: Iterable[str],
                  outcome: str | None, conditions: Iterable[str], today: date) -> tuple[MeetingParticipant, ...]:
    """The meeting's agreement: date (not in the future), place (a pusat kesejahteraan sosial), initiator (peksos
    or TKS), the participants of ayat 5, and its outcome (Pasal 14 ayat 3–6)."""
    if held_on is None or held_on > today:
        raise RuleError(f"Tanggal musyawarah wajib diisi dan tidak boleh setelah hari ini ({RULE_MEETING}).",
                        field="held_on", rule=RULE_MEETING,
                        message_en=f"The meeting's date is required and cannot be after today ({RULE_MEETING}).")
    if not (place or "").strip():
        raise RuleError("Tempat musyawarah (pusat kesejahteraan sosial) wajib diisi (Pasal 14 ayat 4).",
                        field="place", rule="Pasal 14 ayat 4",
                        message_en="The meeting's place (social welfare centre) is required (Pasal 14 ayat 4).")
    MeetingInitiator.coerce(initiator, field="initiator", rule="Pasal 14 ayat 3")
    chosen = tuple(MeetingParticipant.coerce(p, field="participants", rule=RULE_MEETING) for p in participants)
    missing = [p for p in required_participants(conditions) if p not in chosen]
    if missing:
        raise RuleError("Musyawarah melibatkan: " + "; ".join(p.label_id for p in missing) + " belum tercatat "
                        "(Pasal 14 ayat 5).", field="participants", rule="Pasal 14 ayat 5",
                        message_en="The meeting involves: " + "; ".join(p.label_en for p in missing) + " not recorded "
                                   "(Pasal 14 ayat 5).")
    if not (outcome or "").strip():
        raise RuleError(f"Hasil kesepakatan musyawarah wajib diisi ({RULE_MEETING}).", field="outcome",
                        rule=RULE_MEETING, message_en=f"The meeting's agreement is required ({RULE_MEETING}).")
    return chosen


def check_loss(loss: int | None, minimum_wage: int | None, province: str, year: int | None) -> None:
    """Pasal 14 ayat 1 huruf e is checked, not ticked: the victim's loss against the UMP of the province and year
    of the offence; without that UMP the condition cannot be chosen."""
    if year is None:
        raise RuleError(f"Tanggal tindak pidana anak belum dicatat: tahun UMP tidak diketahui ({RULE_LOSS}).",
                        field="conditions", rule=RULE_LOSS,
                        message_en=f"The offence date is not recorded: the UMP's year is unknown ({RULE_LOSS}).")
    if minimum_wage is None:
        raise RuleError(f"Upah minimum provinsi {province} tahun {year} belum ada di tabel UMP: syarat kerugian "
                        f"tidak melebihi UMP belum dapat dipilih ({RULE_LOSS}).", field="conditions", rule=RULE_LOSS,
                        message_en=f"The provincial minimum wage of {province} for {year} is not in the UMP table: "
                                   f"the loss condition cannot be chosen yet ({RULE_LOSS}).")
    if loss is None or loss < 0:
        raise RuleError(f"Nilai kerugian korban (rupiah) wajib diisi ({RULE_LOSS}).", field="victim_loss",
                        rule=RULE_LOSS, message_en=f"The victim's loss (rupiah) is required ({RULE_LOSS}).")
    if loss > minimum_wage:
        raise RuleError(f"Kerugian korban Rp{loss:,} melebihi UMP {province} {year} Rp{minimum_wage:,} "
                        f"({RULE_LOSS}).".replace(",", "."), field="victim_loss", rule=RULE_LOSS,
                        message_en=f"The victim's loss Rp{loss:,} is above the {province} {year} minimum wage "
                                   f"Rp{minimum_wage:,} ({RULE_LOSS}).")
