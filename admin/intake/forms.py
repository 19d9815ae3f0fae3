"""Forms of Dinas Sosial case handling (Flask-WTF: CSRF on every POST). They hold no rule: field names are those of
lpks.intake.schemas, the services validate and the rules decide; choices come from the rules' enums."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from lpks.admin.cases.forms import (
    DATE,
    ParticipantRow,
    Select,
    _labelled,
    checkboxes,
    yes_no,
)
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional

from lpks.residents.models.resident import SEX_FEMALE, SEX_MALE
from lpks.rules.case_stages import EARLY_REASONS
from lpks.rules.exits import ExitReason
from lpks.rules.intake import Channel, Reporter, Severity, Step
from lpks.rules.intake_steps import CareDecision, DiversionResult, MeetingParticipant
from lpks.rules.rehab_services import ServiceForm
from lpks.rules.service_time import ComplaintChannel

TEXT = {"validators": [Optional()]}


class ChildForm(Form):
    """The child's data (shown again only to the officers assigned to the case)."""

    full_name = StringField(_l("Nama lengkap anak"), **TEXT)
    sex = Select(_l("Jenis kelamin"), choices=[SelectChoice("", ""), SelectChoice(SEX_MALE, _l("Laki-laki")),
                                                SelectChoice(SEX_FEMALE, _l("Perempuan"))])
    birth_date = StringField(_l("Tanggal lahir"), render_kw=DATE, **TEXT)
    offence_date = StringField(_l("Tanggal tindak pidana (menentukan usia dan rute)"), render_kw=DATE, **TEXT)
    offence_description = TextAreaField(_l("Uraian tindak pidana"), **TEXT)
    nik = StringField(_l("NIK (16 angka, bila diketahui)"), **TEXT)
    birth_place = StringField(_l("Tempat lahir"), **TEXT)
    address = StringField(_l("Alamat"), **TEXT)
    parent_guardian = StringField(_l("Orang tua/wali"), **TEXT)
    religion = StringField(_l("Agama"), **TEXT)
    education = StringField(_l("Pendidikan"), **TEXT)
    disability = StringField(_l("Disabilitas"), **TEXT)


class IntakeForm(FlaskForm):
    """A report or invitation received (procedure steps 1–2)."""

    origin = Select(_l("Jalur masuk"), choices=_labelled(Channel, ""))
    reporter_kind = Select(_l("Pelapor/pengundang"), choices=_labelled(Reporter, ""))
    reporter_name = StringField(_l("Nama pelapor (dilindungi seperti identitas anak)"), **TEXT)
    reporter_agency = StringField(_l("Instansi pengundang"), **TEXT)
    letter_number = StringField(_l("Nomor surat undangan"), **TEXT)
    received_on = StringField(_l("Tanggal diterima (hari ke-0 waktu layanan)"), render_kw=DATE, **TEXT)
    child = FormField(ChildForm, label=_l("Data anak"))
    case_manager_user_id = Select(_l("Manajer kasus (Pekerja Sosial)"), choices=[])
    case_number = StringField(_l("Nomor perkara/laporan polisi (bila ada)"), **TEXT)
    home_region_code = StringField(_l("Kabupaten/kota asal anak (kosong = kabupaten/kota ini)"), **TEXT)
    note = TextAreaField(_l("Catatan"), **TEXT)


class StepForm(FlaskForm):
    """A step of the procedure; the page keeps only the fields of the step it records (STEP_FIELDS)."""

    step = HiddenField()
    done_on = StringField(_l("Tanggal pelaksanaan"), render_kw=DATE, **TEXT)
    place = StringField(_l("Tempat"), **TEXT)
    problems = TextAreaField(_l("Masalah"), **TEXT)
    needs = TextAreaField(_l("Kebutuhan"), **TEXT)
    potentials = TextAreaField(_l("Potensi"), **TEXT)
    resources = TextAreaField(_l("Sumber yang dapat dimanfaatkan"), **TEXT)
    recommendation = TextAreaField(_l("Rekomendasi asesmen"), **TEXT)
    conclusions = TextAreaField(_l("Kesimpulan temu bahas"), **TEXT)
    conference_participants = FieldList(FormField(ParticipantRow), label=_l("Peserta temu bahas"), min_entries=4,
                                        max_entries=30)
    mediator = StringField(_l("Mediator (peran atau instansi)"), **TEXT)
    participants = checkboxes(_l("Peserta musyawarah (Pasal 14 ayat 4–5)"), MeetingParticipant)
    care_decision = Select(_l("Keputusan pengasuhan"), choices=_labelled(CareDecision, ""))
    rehabilitation_forms = checkboxes(_l("Bentuk rehabilitasi (Pasal 35 ayat 1)"), ServiceForm)
    social_sanction = TextAreaField(_l("Sanksi sosial (bila diperlukan)"), **TEXT)
    police_unit = StringField(_l("Unit kepolisian yang menerima laporan (UPPA)"), **TEXT)
    report_number = StringField(_l("Nomor laporan polisi"), **TEXT)
    diversion_result = Select(_l("Hasil diversi"), choices=_labelled(DiversionResult, ""))
    recommendations = TextAreaField(_l("Rekomendasi hasil diversi"), **TEXT)
    outcome = TextAreaField(_l("Hasil"), **TEXT)


COMMON = ("step", "done_on", "csrf_token")
STEP_FIELDS = {
    Step.PENDATAAN_ASESMEN: ("problems", "needs", "potentials", "resources", "recommendation"),
    Step.CASE_CONFERENCE: ("place", "conclusions", "conference_participants"),
    Step.VERIFIKASI: ("place", "outcome"),
    Step.PENDAMPINGAN_MEDIATOR: ("mediator", "outcome"),
    Step.PENDAMPINGAN_ABH: ("place", "outcome"),
    Step.MUSYAWARAH: ("place", "participants", "care_decision", "rehabilitation_forms", "social_sanction", "outcome"),
    Step.LAPOR_UPPA: ("police_unit", "report_number", "outcome"),
    Step.DIVERSI: ("place", "diversion_result", "recommendations", "outcome"),
    Step.REKOMENDASI: ("outcome",),
}


def for_step(form: StepForm, step: str) -> StepForm:
    """Keep the fields the step is recorded with."""
    keep = set(COMMON) | set(STEP_FIELDS[Step(step)])
    for name in [n for n in form._fields if n not in keep]:
        del form[name]
    form.step.data = step
    return form


class RouteForm(FlaskForm):
    """The route decision: the offence weighed; the rule gives the route."""

    offence_severity = Select(_l("Berat tindak pidana (untuk anak 12 tahun ke atas)"), choices=_labelled(Severity, ""))
    decided_on = StringField(_l("Tanggal keputusan (kosong = hari ini)"), render_kw=DATE, **TEXT)
    version = HiddenField()


class OfficerForm(FlaskForm):
    """A peksos or TKSK assigned."""

    user_id = Select(_l("Petugas"), choices=[])
    role = Select(_l("Peran"), choices=[SelectChoice("pendamping", _l("Pendamping (Pekerja Sosial)")),
                                         SelectChoice("manajer_kasus", _l("Manajer kasus baru (Pekerja Sosial)")),
                                         SelectChoice("pemantau", _l("Pemantau (TKSK atas permintaan manajer kasus)"))])
    assigned_on = StringField(_l("Tanggal penugasan (kosong = hari ini)"), render_kw=DATE, **TEXT)


class OfficerEndForm(FlaskForm):
    """An assignment ended."""

    ended_on = StringField(_l("Tanggal selesai (kosong = hari ini)"), render_kw=DATE, **TEXT)
    version = HiddenField()


class MonitoringForm(FlaskForm):
    """A monitoring (procedure step 11)."""

    monitored_on = StringField(_l("Tanggal pemantauan"), render_kw=DATE, **TEXT)
    care_note = TextAreaField(_l("Pengasuhan"), **TEXT)
    rehabilitation_note = TextAreaField(_l("Rehabilitasi"), **TEXT)
    sanction_note = TextAreaField(_l("Sanksi sosial"), **TEXT)
    findings = TextAreaField(_l("Temuan"), **TEXT)
    goal_reached = Select(_l("Tujuan rehabilitasi tercapai?"), choices=yes_no(), default="false")


class TerminationForm(FlaskForm):
    """Termination (procedure step 12)."""

    reason = Select(_l("Alasan terminasi"), choices=_labelled((ExitReason.COMPLETED, *EARLY_REASONS)))
    terminated_on = StringField(_l("Tanggal terminasi (kosong = hari ini)"), render_kw=DATE, **TEXT)
    note = TextAreaField(_l("Catatan"), **TEXT)
    version = HiddenField()


class ReportForm(FlaskForm):
    """The case manager's report (procedure step 13)."""

    written_on = StringField(_l("Tanggal laporan (kosong = hari ini)"), render_kw=DATE, **TEXT)
    summary = TextAreaField(_l("Isi laporan manajer kasus"), **TEXT)


class FileForm(FlaskForm):
    """The report filed by the data and information section."""

    filed_on = StringField(_l("Tanggal pengarsipan (kosong = hari ini)"), render_kw=DATE, **TEXT)
    archive_number = StringField(_l("Nomor arsip"), **TEXT)
    version = HiddenField()


class ProductForm(FlaskForm):
    """A product issued (its number and date)."""

    kind = HiddenField()
    number = StringField(_l("Nomor"), **TEXT)
    issued_on = StringField(_l("Tanggal terbit (kosong = hari ini)"), render_kw=DATE, **TEXT)
    referral_id = Select(_l("Rujukan"), choices=[])


class ComplaintForm(FlaskForm):
    """A complaint about the service."""

    channel = Select(_l("Saluran pengaduan"), choices=_labelled(ComplaintChannel, ""))
    received_on = StringField(_l("Tanggal diterima"), render_kw=DATE, **TEXT)
    subject = TextAreaField(_l("Pokok pengaduan"), **TEXT)
    case_id = StringField(_l("Nomor kasus terkait (bila ada)"), **TEXT)


class AnswerForm(FlaskForm):
    """The answer to a complaint."""

    answer = TextAreaField(_l("Jawaban"), **TEXT)
    answered_on = StringField(_l("Tanggal jawaban (kosong = hari ini)"), render_kw=DATE, **TEXT)
    version = HiddenField()
