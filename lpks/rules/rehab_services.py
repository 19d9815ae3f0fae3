"""The forms of social rehabilitation (Pasal 35 ayat 1 huruf a–k) and a service's life: planned with a due date and
a provider, then done (date, outcome) or cancelled (reason); and who takes part in a case conference."""

from __future__ import annotations

from datetime import date

from .errors import RuleError
from .labels import LabelledEnum, format_date_id

RULE = "Pasal 35 ayat 1"


class ServiceForm(LabelledEnum):
    """A form of Pasal 35 ayat 1, with the article that describes it."""

    MOTIVASI_DIAGNOSIS = ("motivasi_diagnosis", "Motivasi dan diagnosis psikososial", "Motivation and psychosocial "
                          "diagnosis", "Pasal 35 ayat 1 huruf a; Pasal 36")
    PERAWATAN_PENGASUHAN = ("perawatan_pengasuhan", "Perawatan dan pengasuhan", "Care and upbringing",
                            "Pasal 35 ayat 1 huruf b; Pasal 37")
    VOKASIONAL_KEWIRAUSAHAAN = ("vokasional_kewirausahaan", "Pelatihan vokasional dan pembinaan kewirausahaan",
                                "Vocational and entrepreneurship training", "Pasal 35 ayat 1 huruf c; Pasal 38")
    MENTAL_SPIRITUAL = ("mental_spiritual", "Bimbingan mental dan spiritual", "Mental and spiritual guidance",
                        "Pasal 35 ayat 1 huruf d; Pasal 39")
    FISIK = ("fisik", "Bimbingan fisik", "Physical guidance", "Pasal 35 ayat 1 huruf e; Pasal 40")
    SOSIAL_KONSELING = ("sosial_konseling", "Bimbingan sosial dan konseling psikososial", "Social guidance and "
                        "psychosocial counselling", "Pasal 35 ayat 1 huruf f; Pasal 41")
    AKSESIBILITAS = ("aksesibilitas", "Pelayanan aksesibilitas", "Accessibility services",
                     "Pasal 35 ayat 1 huruf g; Pasal 42")
    BANTUAN_ASISTENSI = ("bantuan_asistensi", "Bantuan dan asistensi sosial", "Social aid and assistance",
                         "Pasal 35 ayat 1 huruf h; Pasal 43")
    RESOSIALISASI = ("resosialisasi", "Bimbingan resosialisasi", "Resocialisation guidance",
                     "Pasal 35 ayat 1 huruf i; Pasal 44")
    BIMBINGAN_LANJUT = ("bimbingan_lanjut", "Bimbingan lanjut", "Aftercare guidance",
                        "Pasal 35 ayat 1 huruf j; Pasal 45")
    RUJUKAN = ("rujukan", "Rujukan", "Referral", "Pasal 35 ayat 1 huruf k; Pasal 46")


FORMS: tuple[ServiceForm, ...] = tuple(ServiceForm)


class ServiceStatus(LabelledEnum):
    """A service's state."""

    PLANNED = ("planned", "Direncanakan", "Planned")
    DONE = ("done", "Dilaksanakan", "Done")
    CANCELLED = ("cancelled", "Dibatalkan", "Cancelled")


def check_due(due_on: date | None, planned_on: date) -> date:
    """A planned service has a due date, not before the day it is planned (Pasal 26 ayat 2 huruf c)."""
    if due_on is None:
        raise RuleError("Tanggal rencana pelaksanaan layanan wajib diisi (Pasal 26 ayat 2 huruf c).", field="due_on",
                        rule="Pasal 26 ayat 2 huruf c",
                        message_en="The service's due date is required (Pasal 26 ayat 2 huruf c).")
    if due_on < planned_on:
        raise RuleError(f"Tanggal rencana pelaksanaan tidak boleh sebelum tanggal direncanakan "
                        f"({format_date_id(planned_on)}).", field="due_on", rule="Pasal 26 ayat 2 huruf c",
                        message_en=f"The due date cannot be before the day it is planned ({planned_on.isoformat()}).")
    return due_on


def check_done(status: ServiceStatus | str, done_on: date | None, outcome: str | None, planned_on: date,
               today: date) -> None:
    """Recording a service done needs its date (not in the future nor before it was planned) and its outcome; only a
    planned service is recorded done or cancelled."""
    status = ServiceStatus.coerce(status, field="status", rule=RULE)
    if status is not ServiceStatus.PLANNED:
        raise RuleError(f"Layanan ini sudah {status.label_id.lower()}.", field="status", rule=RULE,
                        message_en=f"This service is already {status.label_en.lower()}.")
    if done_on is None:
        raise RuleError("Tanggal pelaksanaan wajib diisi.", field="done_on", rule=RULE,
                        message_en="The date the service was carried out is required.")
    if done_on > today:
        raise RuleError("Tanggal pelaksanaan tidak boleh setelah hari ini.", field="done_on", rule=RULE,
                        message_en="The service cannot be recorded done on a future date.")
    if done_on < planned_on:
        raise RuleError(f"Tanggal pelaksanaan tidak boleh sebelum layanan direncanakan ({format_date_id(planned_on)}).",
                        field="done_on", rule=RULE,
                        message_en=f"The service cannot be done before it was planned ({planned_on.isoformat()}).")
    if not (outcome and outcome.strip()):
        raise RuleError("Hasil layanan wajib diisi.", field="outcome", rule=RULE,
                        message_en="The service's outcome is required.")


class ParticipantRole(LabelledEnum):
    """Who takes part in a case conference (temu bahas kasus, Pasal 25 ayat 2 huruf d)."""

    PEKSOS = ("peksos", "Pekerja Sosial Profesional", "Social worker", "Pasal 17 ayat 2")
    TKS = ("tks", "Tenaga Kesejahteraan Sosial", "Social welfare worker", "Pasal 17 ayat 2")
    PSIKOLOG = ("psikolog", "Psikolog", "Psychologist", "Pasal 61 ayat 2")
    DOKTER = ("dokter", "Dokter", "Physician", "Pasal 61 ayat 2")
    PEMBIMBING_ROHANI = ("pembimbing_rohani", "Pembimbing rohani", "Spiritual counsellor", "Pasal 61 ayat 2")
    PENGASUH = ("pengasuh", "Pengasuh", "Caregiver", "Pasal 62")
    PK = ("pembimbing_kemasyarakatan", "Pembimbing kemasyarakatan (Bapas)", "Community counsellor (Bapas)", "SPPA")
    KELUARGA = ("keluarga", "Keluarga/Keluarga Pengganti", "Family", "Pasal 47")
    ANAK = ("anak", "Anak", "The child", "Pasal 25")
    LAINNYA = ("lainnya", "Pihak terkait lainnya", "Others concerned", "Pasal 25")
