"""The seven stages of social rehabilitation (Pasal 18 ayat 1) as a lifecycle: order, activities, what completes a
stage, which actions each stage allows, and termination (Pasal 33).

Reading (RULES §6): the stages run in the order of Pasal 18 ayat 1; a stage is complete when its activities are
recorded as the Pasal joins them — activities joined by "dan" are all required, those joined by "dan/atau" need one
(Pasal 33 ayat 3) — and its records exist (case manager, the file of Pasal 10–14, assessment and case conference,
agreed plan, services, resocialisation result, termination reason). Termination before the `terminasi` stage is
allowed only for the reasons of Pasal 33 ayat 2 huruf b–d.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import RuleError
from .exits import ExitReason
from .labels import LabelledEnum

RULE_STAGES = "Pasal 18 ayat 1"
RULE_EARLY = "Pasal 33 ayat 2"
ROLE_OPERATOR = "operator_lpks"
ROLE_KABKOTA = "dinsos_kabkota"  # owns the cases it handles itself (RULES §8)
CASE_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA)


class Stage(LabelledEnum):
    """A stage of Pasal 18 ayat 1, in order."""

    PENDEKATAN_AWAL = ("pendekatan_awal", "Pendekatan awal", "Initial approach", "Pasal 18 ayat 1 huruf a; Pasal 19")
    ASESMEN = ("asesmen", "Asesmen (pengungkapan dan pemahaman masalah)", "Assessment",
               "Pasal 18 ayat 1 huruf b; Pasal 25")
    RENCANA = ("rencana", "Penyusunan rencana pemecahan masalah", "Planning", "Pasal 18 ayat 1 huruf c; Pasal 26")
    INTERVENSI = ("intervensi", "Pemecahan masalah (intervensi)", "Intervention",
                  "Pasal 18 ayat 1 huruf d; Pasal 27–31")
    RESOSIALISASI = ("resosialisasi", "Resosialisasi", "Resocialisation", "Pasal 18 ayat 1 huruf e; Pasal 32")
    TERMINASI = ("terminasi", "Terminasi", "Termination", "Pasal 18 ayat 1 huruf f; Pasal 33")
    BIMBINGAN_LANJUT = ("bimbingan_lanjut", "Bimbingan lanjut", "Aftercare", "Pasal 18 ayat 1 huruf g; Pasal 34")

    @property
    def index(self) -> int:
        """Position in the order of Pasal 18 ayat 1 (0 = pendekatan awal)."""
        return STAGES.index(self)


STAGES: tuple[Stage, ...] = tuple(Stage)


def next_stage(stage: Stage | str) -> Stage | None:
    """The stage after `stage`, or None after bimbingan lanjut."""
    stage = Stage.coerce(stage, field="stage", rule=RULE_STAGES)
    return STAGES[stage.index + 1] if stage.index + 1 < len(STAGES) else None


class Activity(LabelledEnum):
    """An activity of a stage (Pasal 19, 25 ayat 2, 26 ayat 2, 27 ayat 2, 32 ayat 2, 33 ayat 3, 34)."""

    SOSIALISASI = ("sosialisasi_konsultasi", "Sosialisasi dan konsultasi", "Outreach and consultation",
                   "Pasal 19 huruf a; Pasal 20")
    IDENTIFIKASI = ("identifikasi", "Identifikasi (kelengkapan berkas Pasal 10–14)", "Identification (the file)",
                    "Pasal 19 huruf b; Pasal 21")
    MOTIVASI = ("motivasi", "Motivasi", "Motivation", "Pasal 19 huruf c; Pasal 22")
    SELEKSI = ("seleksi", "Seleksi", "Selection", "Pasal 19 huruf d; Pasal 23")
    PENERIMAAN = ("penerimaan", "Penerimaan (registrasi dan penempatan)", "Admission", "Pasal 19 huruf e; Pasal 24")
    PERSIAPAN = ("persiapan", "Persiapan", "Preparation", "Pasal 25 ayat 2 huruf a")
    PENGUMPULAN_DATA = ("pengumpulan_data", "Pengumpulan data dan informasi", "Data collection",
                        "Pasal 25 ayat 2 huruf b")
    ANALISIS = ("analisis", "Analisis", "Analysis", "Pasal 25 ayat 2 huruf c")
    TEMU_BAHAS = ("temu_bahas_kasus", "Temu bahas kasus", "Case conference", "Pasal 25 ayat 2 huruf d")
    PRIORITAS = ("skala_prioritas", "Skala prioritas kebutuhan", "Needs by priority", "Pasal 26 ayat 2 huruf a")
    LAYANAN_RUJUKAN = ("jenis_layanan_rujukan", "Jenis layanan dan rujukan", "Services and referrals chosen",
                       "Pasal 26 ayat 2 huruf b")
    JADWAL = ("kesepakatan_jadwal", "Kesepakatan jadwal", "Agreed schedule", "Pasal 26 ayat 2 huruf c")
    KEBUTUHAN_DASAR = ("kebutuhan_dasar", "Pemenuhan kebutuhan dasar", "Basic needs",
                       "Pasal 27 ayat 2 huruf a; Pasal 28")
    PSIKOSOSIAL = ("terapi_psikososial", "Terapi psikososial", "Psychosocial therapy",
                   "Pasal 27 ayat 2 huruf b; Pasal 29")
    MENTAL_SPIRITUAL = ("terapi_mental_spiritual", "Terapi mental dan spiritual", "Mental and spiritual therapy",
                        "Pasal 27 ayat 2 huruf c; Pasal 30")
    PENDIDIKAN = ("pendidikan_vokasional", "Pendidikan dan/atau pelatihan vokasional", "Education or vocational "
                  "training", "Pasal 27 ayat 2 huruf d; Pasal 31")
    SIAP_ANAK = ("persiapan_anak", "Mempersiapkan anak", "Preparing the child", "Pasal 32 ayat 2")
    SIAP_KELUARGA = ("persiapan_keluarga", "Mempersiapkan Keluarga/Keluarga Pengganti", "Preparing the family",
                     "Pasal 32 ayat 2")
    SIAP_MASYARAKAT = ("persiapan_masyarakat", "Mempersiapkan masyarakat", "Preparing the community",
                       "Pasal 32 ayat 2")
    KEBERHASILAN = ("identifikasi_keberhasilan", "Identifikasi keberhasilan (biopsikososial dan spiritual)",
                    "Identifying what was achieved", "Pasal 33 ayat 3 huruf a")
    KUNJUNGAN = ("kunjungan_keluarga", "Kunjungan kepada Keluarga/Keluarga Pengganti dan pihak terkait",
                 "Visit to the family and others concerned", "Pasal 33 ayat 3 huruf b")
    PEMANTAUAN = ("pemantauan_perkembangan", "Pemantauan perkembangan setelah kembali", "Monitoring after the "
                  "return", "Pasal 34 ayat 1")


_A = Activity
# Each stage's activities as groups: every group needs one of its activities ("dan" → one group per activity).
REQUIRED: dict[Stage, tuple[tuple[Activity, ...], ...]] = {
    Stage.PENDEKATAN_AWAL: ((_A.SOSIALISASI,), (_A.IDENTIFIKASI,), (_A.MOTIVASI,), (_A.SELEKSI,), (_A.PENERIMAAN,)),
    Stage.ASESMEN: ((_A.PERSIAPAN,), (_A.PENGUMPULAN_DATA,), (_A.ANALISIS,), (_A.TEMU_BAHAS,)),
    Stage.RENCANA: ((_A.PRIORITAS,), (_A.LAYANAN_RUJUKAN,), (_A.JADWAL,)),
    Stage.INTERVENSI: ((_A.KEBUTUHAN_DASAR,), (_A.PSIKOSOSIAL,), (_A.MENTAL_SPIRITUAL,), (_A.PENDIDIKAN,)),
    Stage.RESOSIALISASI: ((_A.SIAP_ANAK,), (_A.SIAP_KELUARGA,), (_A.SIAP_MASYARAKAT,)),
    Stage.TERMINASI: ((_A.KEBERHASILAN, _A.KUNJUNGAN),),  # "dan/atau"
    Stage.BIMBINGAN_LANJUT: ((_A.PEMANTAUAN,),),
}
STAGE_ACTIVITIES: dict[Stage, tuple[Activity, ...]] = {
    stage: tuple(activity for group in groups for activity in group) for stage, groups in REQUIRED.items()}


def check_activities(stage: Stage | str, codes) -> tuple[Activity, ...]:
    """The activities, refused when one does not belong to the stage (Pasal 18 ayat 2)."""
    stage = Stage.coerce(stage, field="stage", rule=RULE_STAGES)
    chosen = []
    for code in codes:
        activity = Activity.coerce(code, field="activities", rule=stage.pasal)
        if activity not in STAGE_ACTIVITIES[stage]:
            raise RuleError(f"Kegiatan \"{activity.label_id}\" bukan kegiatan tahap {stage.label_id} ({stage.pasal}).",
                            field="activities", rule=stage.pasal,
                            message_en=f"\"{activity.label_en}\" is not an activity of {stage.label_en} "
                                       f"({stage.pasal}).")
        if activity not in chosen:
            chosen.append(activity)
    return tuple(chosen)


TERMINATION_REASONS: tuple[ExitReason, ...] = tuple(reason for reason in ExitReason if reason.is_termination)
EARLY_REASONS: tuple[ExitReason, ...] = TERMINATION_REASONS[1:]  # Pasal 33 ayat 2 huruf b–d


@dataclass(frozen=True)
class StageFacts:
    """What the case's records show, as the completion check of a stage reads it."""

    activities: frozenset[str] = frozenset()
    has_case_manager: bool = False
    file_complete: bool = False          # Pasal 21 ayat 3: the file of Pasal 10–14
    assessment_complete: bool = False    # problems, needs, potentials and resources (Pasal 25 ayat 1)
    conference_held: bool = False        # participants and conclusions (Pasal 25 ayat 6)
    plan_agreed: bool = False            # agreed on a date (Pasal 26 ayat 2 huruf c)
    plan_needs: int = 0                  # needs by priority (Pasal 26 ayat 2 huruf a)
    planned_services: int = 0            # services or referrals chosen with a due date (Pasal 26 ayat 2 huruf b)
    open_services: int = 0               # planned, neither done nor cancelled
    done_services: int = 0
    resocialisation_result: bool = False  # what Pasal 49 ayat 2 evaluates
    termination_reason: str | None = None
    open_follow_ups: int = 0
    done_follow_ups: int = 0
