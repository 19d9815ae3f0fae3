"""Request and response models of the case area (pydantic, non-table): every request body is validated by one of
these (lpks.platform.validation.parse, called by the services), every response shaped by one, and the OpenAPI document
reads their JSON schemas. Choices come from the rules' enums; LABELS name the fields in Indonesian for messages."""
from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal, Optional

from flask_babel import lazy_gettext as _l
from pydantic import Field

from lpks.platform.validation import Input
from lpks.rules.case_stages import TERMINATION_REASONS, Activity, Stage
from lpks.rules.companions import CompanionRole
from lpks.rules.referrals import ReceiverKind, ReferralAction
from lpks.rules.rehab_services import ParticipantRole, ServiceForm
from lpks.rules.reintegration import FamilyKind, ReintegrationStep


def _choice(values):
    return Literal[tuple(v.value if hasattr(v, "value") else v for v in values)]


def Text(limit: int):  # noqa: N802  (a type)
    """Text of at most `limit` characters."""
    return Annotated[str, Field(max_length=limit)]


StageCode = _choice(Stage)
ActivityCode = _choice(Activity)
FormCode = _choice(ServiceForm)
ReasonCode = _choice(TERMINATION_REASONS)
SHARED = ("identitas", "asesmen", "laporan_sosial", "rencana", "dokumen_penempatan")
LONG = 4000
Id = Annotated[int, Field(ge=1)]

LABELS = {
    "resident_id": _l("Anak"), "case_id": _l("Kasus"), "case_number": _l("Nomor perkara"), "home_region_code": _l("Kabupaten/kota asal anak"),
    "case_manager_id": _l("Manajer kasus"), "note": _l("Catatan"), "version": _l("Versi data"),
    "stage": _l("Tahap"), "activities": _l("Kegiatan"), "complete": _l("Selesaikan tahap"),
    "completed_on": _l("Tanggal selesai"), "author_staff_id": _l("Penyusun"), "assessed_on": _l("Tanggal asesmen"),
    "problems": _l("Masalah"), "needs": _l("Kebutuhan"), "potentials": _l("Potensi"), "resources": _l("Sumber"),
    "recommendation": _l("Rekomendasi"), "held_on": _l("Tanggal temu bahas"), "place": _l("Tempat"),
    "conclusions": _l("Kesimpulan"), "participants": _l("Peserta"), "role": _l("Peran"), "name": _l("Nama"),
    "goal": _l("Tujuan"), "agreed_on": _l("Tanggal kesepakatan"), "agreed_with": _l("Disepakati bersama"),
    "priority": _l("Prioritas"), "need": _l("Kebutuhan"), "form": _l("Bentuk rehabilitasi"),
    "description": _l("Uraian layanan"), "provider": _l("Pelaksana"), "provider_staff_id": _l("Petugas pelaksana"),
    "due_on": _l("Tanggal rencana pelaksanaan"), "in_plan": _l("Bagian dari rencana"), "action": _l("Tindakan"),
    "done_on": _l("Tanggal pelaksanaan"), "outcome": _l("Hasil"), "cancel_reason": _l("Alasan pembatalan"),
    "step": _l("Langkah reintegrasi"), "family_kind": _l("Keluarga tujuan"),
    "agreed_return_on": _l("Tanggal pengembalian yang disepakati"), "linkage_note": _l("Layanan lanjutan"),
    "received_by_relationship": _l("Hubungan penerima dengan anak"), "safe": _l("Aman"), "comfortable": _l("Nyaman"),
    "needs_met": _l("Kebutuhan terpenuhi"), "accepted": _l("Diterima keluarga dan masyarakat"),
    "refused_on": _l("Tanggal penolakan"), "started_on": _l("Tanggal mulai"), "candidate": _l("Calon Keluarga Pengganti"),
    "ended_on": _l("Tanggal selesai"), "reason": _l("Alasan"), "terminated_on": _l("Tanggal terminasi"),
    "visited_on": _l("Tanggal kunjungan"), "findings": _l("Hasil kunjungan"), "visitor_staff_id": _l("Petugas"),
    "staff_member_id": _l("Petugas"), "sppa_training_date": _l("Tanggal pelatihan SPPA"),
    "assigned_on": _l("Tanggal penugasan"), "companion_id": _l("Pendamping"), "reported_on": _l("Tanggal laporan"),
    "summary": _l("Isi laporan"), "receiver_kind": _l("Penerima rujukan"),
    "receiver_institution_id": _l("LPKS penerima"), "receiver_region_code": _l("Dinas Sosial penerima"),
    "receiver_name": _l("Nama layanan penerima"), "receiver_address": _l("Alamat penerima"),
    "residential": _l("Anak pindah tinggal"), "services_asked": _l("Layanan yang diminta"),
    "services_note": _l("Keterangan layanan"), "shared": _l("Data yang dibagikan"),
    "child_consent": _l("Persetujuan anak"), "parent_consent": _l("Persetujuan orang tua/wali"),
    "consent_on": _l("Tanggal persetujuan"), "sent_on": _l("Tanggal rujukan"), "decided_on": _l("Tanggal jawaban"),
    "decline_reason": _l("Alasan penolakan"), "completion_note": _l("Catatan penerima"),
    "assessment_days": _l("Batas asesmen (hari setelah admisi)"), "plan_days": _l("Batas rencana (hari setelah "
    "asesmen)"), "follow_up_months": _l("Kunjungan bimbingan lanjut (bulan setelah kembali)"),
}


class _In(Input):
    """An input of this area: its fields named by LABELS in messages."""

    LABELS: ClassVar[dict] = LABELS


class CaseInput(_In):
    """Open a case for a child (a placement's admission opens one by itself)."""

    resident_id: Id
    case_number: Optional[Text(80)] = None
    home_region_code: Optional[Text(8)] = None
    case_manager_id: Optional[Id] = None
    note: Optional[Text(LONG)] = None


class CaseUpdate(_In):
    """Change a case's own fields (only those sent); the version it was read at is required."""

    version: Optional[int] = None
    case_number: Optional[Text(80)] = None
    home_region_code: Optional[Text(8)] = None
    case_manager_id: Optional[Id] = None
    note: Optional[Text(LONG)] = None


class StageInput(_In):
    """Record the current stage's activities and note; with complete=true, complete it (date, author)."""

    stage: StageCode
    activities: Optional[list[ActivityCode]] = None
    note: Optional[Text(LONG)] = None
    complete: bool = False
    completed_on: Optional[date] = None
    author_staff_id: Optional[Id] = None
    version: Optional[int] = None


class AssessmentInput(_In):
    """An assessment: problems, needs, potentials and resources (Pasal 25 ayat 1)."""

    assessed_on: date
    author_staff_id: Optional[Id] = None
    problems: Text(LONG)
    needs: Text(LONG)
    potentials: Text(LONG)
    resources: Text(LONG)
    recommendation: Optional[Text(LONG)] = None


class ParticipantInput(_In):
    """A participant of a case conference, by role; professionals by name, the family by role only."""

    role: _choice(ParticipantRole)
    name: Optional[Text(120)] = None


class ConferenceInput(_In):
    """A case conference (temu bahas kasus, Pasal 25 ayat 2 huruf d)."""

    held_on: date
    place: Optional[Text(200)] = None
    conclusions: Text(LONG)
    participants: Annotated[list[ParticipantInput], Field(min_length=1, max_length=30)]


class NeedInput(_In):
    """A need by priority (1 = most urgent)."""

    priority: Annotated[int, Field(ge=1, le=50)]
    need: Text(300)


class PlanInput(_In):
    """The plan (Pasal 26 ayat 2): needs by priority (replaced when sent), goal, the date it was agreed."""

    goal: Optional[Text(LONG)] = None
    agreed_on: Optional[date] = None
    agreed_with: Optional[Text(300)] = None
    needs: Optional[Annotated[list[NeedInput], Field(max_length=50)]] = None
    version: Optional[int] = None


class ServiceInput(_In):
    """A service of one form of Pasal 35 ayat 1, planned with a due date and a provider."""

    form: FormCode
    description: Text(300)
    provider: Optional[Text(200)] = None
    provider_staff_id: Optional[Id] = None
    due_on: date
    in_plan: bool = True


class ServiceUpdate(_In):
    """Record a planned service as done (date, outcome) or cancelled (reason)."""

    action: Literal["done", "cancel"]
    done_on: Optional[date] = None
    outcome: Optional[Text(LONG)] = None
    cancel_reason: Optional[Text(300)] = None
    version: Optional[int] = None


class ReintegrationInput(_In):
    """One step of Pasal 49 ayat 1 huruf a–d with what it records."""

    step: _choice(tuple(ReintegrationStep)[:4])
    done_on: date
    note: Optional[Text(LONG)] = None
    family_kind: Optional[_choice(FamilyKind)] = None
    agreed_return_on: Optional[date] = None
    linkage_note: Optional[Text(LONG)] = None
    received_by_relationship: Optional[Text(60)] = None
    safe: Optional[bool] = None
    comfortable: Optional[bool] = None
    needs_met: Optional[bool] = None
    accepted: Optional[bool] = None
    version: Optional[int] = None


class RefusalInput(_In):
    """The family or community refuses the child (Pasal 50)."""

    refused_on: date
    note: Text(LONG)


class SubstituteSearchInput(_In):
    """Open a search for a substitute family, or record its result."""

    started_on: Optional[date] = None
    candidate: Optional[Text(200)] = None
    outcome: Optional[Literal["berjalan", "ditemukan", "tidak_ditemukan"]] = None
    ended_on: Optional[date] = None
    note: Optional[Text(LONG)] = None
    version: Optional[int] = None


class TerminationInput(_In):
    """Terminate the case with a reason of Pasal 33 ayat 2 and the activities of ayat 3."""

    reason: ReasonCode
    terminated_on: Optional[date] = None
    activities: Optional[list[ActivityCode]] = None
    note: Optional[Text(LONG)] = None
    author_staff_id: Optional[Id] = None
    version: Optional[int] = None


class FollowUpInput(_In):
    """A follow-up visit made (Pasal 34)."""

    visited_on: date
    findings: Text(LONG)
    visitor_staff_id: Optional[Id] = None
    version: Optional[int] = None


class CompanionInput(_In):
    """Assign a companion (a peksos or TKS of the register) or a volunteer (Pasal 74–75)."""

    role: _choice(CompanionRole)
    staff_member_id: Optional[Id] = None
    name: Optional[Text(120)] = None
    sppa_training_date: Optional[date] = None
    assigned_on: Optional[date] = None


class CompanionEnd(_In):
    """End a companion's assignment."""

    ended_on: Optional[date] = None
    version: Optional[int] = None


class CompanionReportInput(_In):
    """A companion's report (Pasal 76 huruf g)."""

    companion_id: Id
    reported_on: date
    summary: Text(LONG)


class ReferralInput(_In):
    """A referral (RULES §7)."""

    case_id: Id
    receiver_kind: _choice(ReceiverKind)
    receiver_institution_id: Optional[Id] = None
    receiver_region_code: Optional[Text(8)] = None
    receiver_name: Optional[Text(200)] = None
    receiver_address: Optional[Text(300)] = None
    residential: bool = False
    reason: Text(LONG)
    services_asked: Annotated[list[FormCode], Field(min_length=1, max_length=11)]
    services_note: Optional[Text(LONG)] = None
    shared: Optional[list[_choice(SHARED)]] = None
    child_consent: Optional[bool] = None
    parent_consent: Optional[bool] = None
    consent_on: Optional[date] = None
    sent_on: Optional[date] = None


class ReferralAnswerBody(_In):
    """What a client sends to accept, decline (reason) or complete (note) a referral: the path names the action."""
    decided_on: Optional[date] = None
    decline_reason: Optional[Text(LONG)] = None
    completion_note: Optional[Text(LONG)] = None
    version: Optional[int] = None


class ReferralAnswer(ReferralAnswerBody):
    """The answer to a referral: its body and the action the path names."""
    action: _choice(ReferralAction)


class TaskDefaultsInput(_In):
    """The defaults of RULES §6 (the national user)."""

    assessment_days: int
    plan_days: int
    follow_up_months: list[int]
    version: Optional[int] = None


from lpks.cases.schemas_out import *  # noqa: E402,F401,F403  (response models)
