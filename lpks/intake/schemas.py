"""Request models of Dinas Sosial case handling (RULES §8): the services parse every body with these
(lpks.platform.validation.parse), so the API, the web forms and the demo are refused alike; the OpenAPI document reads
their JSON schemas. Choices come from the rules' enums; LABELS name the fields in Indonesian for messages."""
from __future__ import annotations

from datetime import date
from typing import Annotated, ClassVar, Literal, Optional

from flask_babel import lazy_gettext as _l
from pydantic import Field

from lpks.cases.schemas import LABELS as CASE_LABELS
from lpks.cases.schemas import ParticipantInput
from lpks.platform.validation import Input
from lpks.residents.models.resident import SEXES
from lpks.rules.case_stages import TERMINATION_REASONS
from lpks.rules.intake import Channel, Reporter, Severity, Step
from lpks.rules.intake_steps import CareDecision, DiversionResult, MeetingParticipant
from lpks.rules.rehab_services import ServiceForm
from lpks.rules.service_time import ComplaintChannel


def _choice(values):
    return Literal[tuple(v.value if hasattr(v, "value") else v for v in values)]


def Text(limit: int):  # noqa: N802  (a type)
    """Text of at most `limit` characters."""
    return Annotated[str, Field(max_length=limit)]


LONG = 4000
Id = Annotated[int, Field(ge=1)]
OFFICER_ROLES = ("manajer_kasus", "pendamping", "pemantau")
PRODUCT_KINDS = ("berita_acara", "rujukan")

LABELS = {
    **CASE_LABELS,
    "origin": _l("Jalur masuk"), "reporter_kind": _l("Pelapor/pengundang"), "reporter_name": _l("Nama pelapor"),
    "reporter_agency": _l("Instansi pengundang"), "letter_number": _l("Nomor surat undangan"),
    "received_on": _l("Tanggal diterima"), "child": _l("Data anak"), "full_name": _l("Nama lengkap"),
    "sex": _l("Jenis kelamin"), "birth_date": _l("Tanggal lahir"), "offence_date": _l("Tanggal tindak pidana"),
    "offence_description": _l("Uraian tindak pidana"), "nik": _l("NIK"), "birth_place": _l("Tempat lahir"),
    "address": _l("Alamat"), "parent_guardian": _l("Orang tua/wali"), "religion": _l("Agama"),
    "education": _l("Pendidikan"), "disability": _l("Disabilitas"), "case_manager_user_id": _l("Manajer kasus"),
    "step": _l("Langkah"), "done_on": _l("Tanggal pelaksanaan"), "mediator": _l("Mediator"),
    "care_decision": _l("Keputusan pengasuhan"), "rehabilitation_forms": _l("Bentuk rehabilitasi"),
    "social_sanction": _l("Sanksi sosial"), "police_unit": _l("Unit kepolisian (UPPA)"),
    "report_number": _l("Nomor laporan polisi"), "diversion_result": _l("Hasil diversi"),
    "recommendations": _l("Rekomendasi hasil diversi"), "conference_participants": _l("Peserta temu bahas"),
    "offence_severity": _l("Berat tindak pidana"), "decided_on": _l("Tanggal keputusan rute"),
    "user_id": _l("Petugas"), "monitored_on": _l("Tanggal pemantauan"), "care_note": _l("Pengasuhan"),
    "rehabilitation_note": _l("Rehabilitasi"), "sanction_note": _l("Sanksi sosial"), "goal_reached": _l(
        "Tujuan rehabilitasi tercapai"), "written_on": _l("Tanggal laporan"), "filed_on": _l("Tanggal pengarsipan"),
    "archive_number": _l("Nomor arsip"), "kind": _l("Produk layanan"), "number": _l("Nomor"),
    "issued_on": _l("Tanggal terbit"), "referral_id": _l("Rujukan"), "channel": _l("Saluran pengaduan"),
    "subject": _l("Pokok pengaduan"), "case_id": _l("Kasus"), "answer": _l("Jawaban"),
    "answered_on": _l("Tanggal jawaban"),
}


class _In(Input):
    """An input of this area: its fields named by LABELS in messages."""

    LABELS: ClassVar[dict] = LABELS


class ChildInput(_In):
    """The child's data, kept under the identity protection of residents (SPPA Pasal 19)."""

    full_name: Text(120)
    sex: _choice(SEXES)
    birth_date: date
    offence_date: date
    offence_description: Text(500)
    nik: Optional[Text(16)] = None
    birth_place: Optional[Text(80)] = None
    address: Optional[Text(300)] = None
    parent_guardian: Optional[Text(200)] = None
    religion: Optional[Text(30)] = None
    education: Optional[Text(80)] = None
    disability: Optional[Text(120)] = None


class IntakeInput(_In):
    """A report or invitation received by the Dinas Sosial kabupaten/kota (procedure steps 1–2)."""

    origin: _choice(Channel)
    reporter_kind: _choice(Reporter)
    reporter_name: Optional[Text(200)] = None
    reporter_agency: Optional[Text(200)] = None
    letter_number: Optional[Text(80)] = None
    received_on: date
    child: ChildInput
    case_manager_user_id: Id
    case_number: Optional[Text(80)] = None
    home_region_code: Optional[Text(8)] = None
    note: Optional[Text(LONG)] = None


class IntakeUpdate(_In):
    """Correct the intake (only the fields sent); the receipt date only while no product is issued."""

    version: Optional[int] = None
    reporter_name: Optional[Text(200)] = None
    reporter_agency: Optional[Text(200)] = None
    letter_number: Optional[Text(80)] = None
    received_on: Optional[date] = None


class StepInput(_In):
    """A step of the procedure with the facts that make it (lpks.rules.intake_steps)."""

    step: _choice(Step)
    done_on: date
    place: Optional[Text(200)] = None
    outcome: Optional[Text(LONG)] = None
    mediator: Optional[Text(200)] = None
    participants: Optional[list[_choice(MeetingParticipant)]] = None
    care_decision: Optional[_choice(CareDecision)] = None
    rehabilitation_forms: Optional[list[_choice(ServiceForm)]] = None
    social_sanction: Optional[Text(LONG)] = None
    police_unit: Optional[Text(200)] = None
    report_number: Optional[Text(80)] = None
    diversion_result: Optional[_choice(DiversionResult)] = None
    recommendations: Optional[Text(LONG)] = None
    problems: Optional[Text(LONG)] = None
    needs: Optional[Text(LONG)] = None
    potentials: Optional[Text(LONG)] = None
    resources: Optional[Text(LONG)] = None
    recommendation: Optional[Text(LONG)] = None
    conclusions: Optional[Text(LONG)] = None
    conference_participants: Optional[Annotated[list[ParticipantInput], Field(max_length=30)]] = None


class RouteInput(_In):
    """The route decision (procedure steps 7–8): the offence weighed; the route follows from the rule."""

    offence_severity: Optional[_choice(Severity)] = None
    decided_on: Optional[date] = None
    version: Optional[int] = None


class OfficerInput(_In):
    """A peksos or TKSK of the office assigned to the case."""

    user_id: Id
    role: _choice(OFFICER_ROLES)
    assigned_on: Optional[date] = None


class OfficerEnd(_In):
    """An assignment ended."""

    ended_on: Optional[date] = None
    version: Optional[int] = None


class MonitoringInput(_In):
    """Monitoring of care, rehabilitation and social sanctions (procedure step 11)."""

    monitored_on: date
    care_note: Optional[Text(LONG)] = None
    rehabilitation_note: Optional[Text(LONG)] = None
    sanction_note: Optional[Text(LONG)] = None
    findings: Text(LONG)
    goal_reached: bool = False


class IntakeTermination(_In):
    """Termination (procedure step 12; Pasal 33 ayat 2)."""

    reason: _choice(TERMINATION_REASONS)
    terminated_on: Optional[date] = None
    note: Optional[Text(LONG)] = None
    version: Optional[int] = None


class ReportInput(_In):
    """The case manager's report (procedure step 13)."""

    written_on: Optional[date] = None
    summary: Text(LONG)


class FileInput(_In):
    """The report filed by the data and information section (procedure step 13)."""

    filed_on: Optional[date] = None
    archive_number: Text(80)
    version: Optional[int] = None


class ProductInput(_In):
    """A product of the service issued (Produk Pelayanan)."""

    kind: _choice(PRODUCT_KINDS)
    number: Text(80)
    issued_on: Optional[date] = None
    referral_id: Optional[Id] = None


class ComplaintInput(_In):
    """A complaint about the service (Pengaduan Layanan)."""

    channel: _choice(ComplaintChannel)
    received_on: date
    subject: Text(LONG)
    case_id: Optional[Id] = None


class ComplaintUpdate(_In):
    """The answer to a complaint (or a corrected subject)."""

    version: Optional[int] = None
    subject: Optional[Text(LONG)] = None
    answer: Optional[Text(LONG)] = None
    answered_on: Optional[date] = None
