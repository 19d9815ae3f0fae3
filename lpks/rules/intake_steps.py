"""What each step of the Dinas Sosial's procedure records (RULES §8), and the choices of the Pasal 14 meeting and the
diversion: a step is recorded with the facts that make it, never as a tick.

Reading: the community meeting of procedure step 9 is the Pasal 14 meeting (Pasal 14 ayat 3–6; RULES §4 basis e):
its participants by category, the care decided, the form(s) of rehabilitation of Pasal 35 ayat 1, and social
sanctions "if needed" (optional). A diversion that reaches agreement records its recommendations (UU SPPA Pasal 11).
"""

from __future__ import annotations

from collections.abc import Mapping

from lpks.rules.errors import RuleError
from lpks.rules.intake import Step
from lpks.rules.labels import LabelledEnum


class CareDecision(LabelledEnum):
    """The care the Pasal 14 meeting decides (pengasuhan, procedure step 9)."""

    ORANG_TUA = ("orang_tua_wali", "Diasuh orang tua/wali", "Cared for by the parents or guardian", "Pasal 14 ayat 1")
    KELUARGA_PENGGANTI = ("keluarga_pengganti", "Diasuh Keluarga Pengganti", "Cared for by a substitute family",
                          "Pasal 50")
    LPKS = ("lpks", "Ditempatkan di LPKS (rujukan)", "Placed in an LPKS (by referral)", "Pasal 9 ayat 1 huruf e; "
            "Pasal 14")


class MeetingParticipant(LabelledEnum):
    """Who takes part in the Pasal 14 meeting (Pasal 14 ayat 4–5), by category, never by name."""

    ANAK_KELUARGA = ("anak_keluarga", "Anak dan keluarganya", "The child and family", "Pasal 14 ayat 4")
    KORBAN_KELUARGA = ("korban_keluarga", "Korban dan keluarganya", "The victim and family", "Pasal 14 ayat 4")
    TOKOH_MASYARAKAT = ("tokoh_masyarakat", "Tokoh masyarakat", "Community leaders", "Pasal 14 ayat 4")
    TOKOH_AGAMA = ("tokoh_agama", "Tokoh agama", "Religious leaders", "Pasal 14 ayat 4")
    APARATUR = ("aparatur_desa", "Aparatur desa/kelurahan", "Village or kelurahan officials", "Pasal 14 ayat 4")
    BABINSA = ("babinsa", "Babinsa", "Babinsa (army village officer)", "Pasal 14 ayat 5")
    BHABINKAMTIBMAS = ("bhabinkamtibmas", "Bhabinkamtibmas", "Bhabinkamtibmas (police village officer)",
                       "Pasal 14 ayat 5")
    PEKSOS = ("peksos_tks", "Pekerja Sosial/TKS (pemrakarsa)", "Social worker (initiator)", "Pasal 14 ayat 3")
    LAINNYA = ("lainnya", "Pihak lain", "Others", "Pasal 14 ayat 5")


MEETING_REQUIRED = (MeetingParticipant.ANAK_KELUARGA, MeetingParticipant.PEKSOS)


class DiversionResult(LabelledEnum):
    """The outcome of the diversion (UU SPPA Pasal 11–13)."""

    SEPAKAT = ("sepakat", "Diversi berhasil: kesepakatan tercapai", "Diversion agreed", "UU SPPA Pasal 11")
    TIDAK_SEPAKAT = ("tidak_sepakat", "Diversi tidak menghasilkan kesepakatan (proses peradilan dilanjutkan)",
                     "No agreement (the trial goes on)", "UU SPPA Pasal 13")


# The facts each step is recorded with (field names of the step's input), beside its date.
REQUIRED: dict[Step, tuple[tuple[str, str, str], ...]] = {
    Step.PENDATAAN_ASESMEN: (("problems", "masalah", "problems"), ("needs", "kebutuhan", "needs"),
                             ("potentials", "potensi", "potentials"), ("resources", "sumber", "resources")),
    Step.CASE_CONFERENCE: (("conclusions", "kesimpulan", "conclusions"),
                           ("conference_participants", "peserta", "participants")),
    Step.VERIFIKASI: (("outcome", "hasil verifikasi", "the verification's findings"),),
    Step.PENDAMPINGAN_MEDIATOR: (("mediator", "mediator", "the mediator"), ("outcome", "hasil pendampingan",
                                                                            "the accompaniment's outcome")),
    Step.PENDAMPINGAN_ABH: (("outcome", "hasil pendampingan", "the accompaniment's outcome"),),
    Step.MUSYAWARAH: (("participants", "peserta musyawarah", "the meeting's participants"),
                      ("care_decision", "keputusan pengasuhan", "the care decided"),
                      ("rehabilitation_forms", "bentuk rehabilitasi", "the form of rehabilitation"),
                      ("outcome", "kesepakatan musyawarah", "the meeting's agreement")),
    Step.LAPOR_UPPA: (("police_unit", "unit kepolisian (UPPA) yang menerima laporan", "the police unit (UPPA)"),),
    Step.DIVERSI: (("diversion_result", "hasil diversi", "the diversion's result"),),
    Step.REKOMENDASI: (("outcome", "pelaksanaan rekomendasi", "how the recommendations were carried out"),),
}


def _filled(value: object) -> bool:
    return value not in (None, "", [], ())


def missing_facts(step: Step | str, values: Mapping[str, object]) -> list[tuple[str, str, str]]:
    """(field, Indonesian, English) of each fact the step still lacks."""
    step = Step.coerce(step, field="step", rule="Prosedur Dinas Sosial Kota Pasuruan")
    missing = [entry for entry in REQUIRED[step] if not _filled(values.get(entry[0]))]
    if step is Step.MUSYAWARAH and _filled(values.get("participants")):
        absent = [p for p in MEETING_REQUIRED if p.value not in values["participants"]]
        missing += [("participants", p.label_id.lower(), p.label_en.lower()) for p in absent]
    if step is Step.DIVERSI and values.get("diversion_result") == DiversionResult.SEPAKAT.value \
            and not _filled(values.get("recommendations")):
        missing.append(("recommendations", "rekomendasi hasil diversi", "the diversion's recommendations"))
    return missing


def check_facts(step: Step | str, values: Mapping[str, object]) -> None:
    """Refuse a step without its facts, naming the first missing field and listing every one."""
    step = Step.coerce(step, field="step", rule="Prosedur Dinas Sosial Kota Pasuruan")
    missing = missing_facts(step, values)
    if missing:
        raise RuleError(f"{step.label_id} dicatat dengan: " + "; ".join(m[1] for m in missing) + f" ({step.pasal}).",
                        field=missing[0][0], rule=step.pasal,
                        message_en=f"{step.label_en} is recorded with: " + "; ".join(m[2] for m in missing)
                                   + f" ({step.pasal}).")
