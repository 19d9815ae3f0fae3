"""Forms of the case page (Flask-WTF: CSRF on every POST). They hold no rule: field names are those of
lpks.cases.schemas, the services validate and the rules decide; choices come from the rules' enums."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from lpks.rules.case_stages import (
    STAGE_ACTIVITIES,
    TERMINATION_REASONS,
    Activity,
    Stage,
)
from lpks.rules.companions import CompanionRole
from lpks.rules.referrals import ReceiverKind
from lpks.rules.rehab_services import ParticipantRole, ServiceForm
from lpks.rules.reintegration import STEPS, FamilyKind

DATE = {"type": "date"}


def Select(label, choices=None, **kw):  # noqa: N802  (a field)
    """A select whose value the service checks (the form refuses nothing itself, so every message is the rule's)."""
    return SelectField(label, choices=choices if choices is not None else [], validate_choice=False, **kw)


def _labelled(members, blank: str | None = None):
    """Choices from rules enum members, labelled (with their Pasal) in the user's language when the form is built."""
    def choices() -> list[SelectChoice]:
        from lpks.residents.services.common import locale_code

        found = [SelectChoice("", blank)] if blank is not None else []
        return found + [SelectChoice(m.value, f"{m.label(locale_code())}" + (f" ({m.pasal})" if m.pasal else ""))
                        for m in members]
    return choices


def yes_no(blank: str | None = None) -> list[SelectChoice]:
    """A yes/no select whose values the schemas read as booleans."""
    found = [SelectChoice("", blank)] if blank is not None else []
    return found + [SelectChoice("false", _l("Tidak")), SelectChoice("true", _l("Ya"))]


def checkboxes(label, members=()):
    """A list of checkboxes (activities)."""
    return SelectMultipleField(label, choices=_labelled(members), widget=ListWidget(prefix_label=False),
                               option_widget=CheckboxInput(), validate_choice=False)


def form_data(form) -> dict:
    """The submitted values as the services take them: empty rows of a list left out, the CSRF token dropped."""
    data = {}
    for name, field in form._fields.items():
        if name == "csrf_token":
            continue
        if isinstance(field, FieldList):
            rows = [{k: v for k, v in entry.data.items() if k != "csrf_token"} for entry in field.entries]
            data[name] = [row for row in rows if any(value not in (None, "") for value in row.values())]
        else:
            data[name] = field.data
    return data


class CaseEditForm(FlaskForm):
    """The case's own fields and its case manager."""

    case_manager_id = Select(_l("Manajer kasus (Pekerja Sosial Profesional tersertifikasi)"), choices=[])
    case_number = StringField(_l("Nomor perkara (sama untuk Anak dan Anak Korban/Saksi satu perkara)"),
                              validators=[Optional()])
    home_region_code = StringField(_l("Kabupaten/kota asal anak (kode, misalnya 35.75)"), validators=[Optional()])
    note = TextAreaField(_l("Catatan"), validators=[Optional()])
    version = HiddenField()


class StageForm(FlaskForm):
    """The current stage's activities and note; "selesaikan" completes it."""

    stage = HiddenField()
    activities = checkboxes(_l("Kegiatan yang telah dilaksanakan"))
    note = TextAreaField(_l("Catatan (untuk resosialisasi: hasilnya)"), validators=[Optional()])
    complete = Select(_l("Selesaikan tahap ini?"), choices=[SelectChoice("false", _l("Belum, simpan saja")),
                                                                  SelectChoice("true", _l("Ya, tahap selesai"))])
    completed_on = StringField(_l("Tanggal selesai (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    author_staff_id = Select(_l("Penyusun (kosong = manajer kasus)"), choices=[])
    version = HiddenField()

    def for_stage(self, stage: str) -> "StageForm":
        """Offer the activities of `stage` only."""
        self.stage.data = stage
        self.activities.choices = _labelled(STAGE_ACTIVITIES[Stage(stage)])()
        return self


class AssessmentForm(FlaskForm):
    """An assessment (Pasal 25 ayat 1)."""

    assessed_on = StringField(_l("Tanggal asesmen"), render_kw=DATE)
    author_staff_id = Select(_l("Penyusun (kosong = manajer kasus)"), choices=[])
    problems = TextAreaField(_l("Masalah"))
    needs = TextAreaField(_l("Kebutuhan"))
    potentials = TextAreaField(_l("Potensi"))
    resources = TextAreaField(_l("Sumber yang dapat dimanfaatkan"))
    recommendation = TextAreaField(_l("Rekomendasi"), validators=[Optional()])


class ParticipantRow(Form):
    """One participant: role, and a name for professionals (the family by role only)."""

    role = Select(_l("Peran"), choices=_labelled(ParticipantRole, ""))
    name = StringField(_l("Nama (petugas; keluarga cukup perannya)"), validators=[Optional()])


class ConferenceForm(FlaskForm):
    """A case conference (temu bahas kasus)."""

    held_on = StringField(_l("Tanggal temu bahas"), render_kw=DATE)
    place = StringField(_l("Tempat"), validators=[Optional()])
    conclusions = TextAreaField(_l("Kesimpulan"))
    participants = FieldList(FormField(ParticipantRow), min_entries=4, max_entries=30)


class NeedRow(Form):
    """A need by priority."""

    priority = StringField(_l("Prioritas"), render_kw={"type": "number", "min": "1"})
    need = StringField(_l("Kebutuhan"), validators=[Optional()])


class PlanForm(FlaskForm):
    """The plan (Pasal 26)."""

    goal = TextAreaField(_l("Tujuan"), validators=[Optional()])
    needs = FieldList(FormField(NeedRow), min_entries=4, max_entries=50)
    agreed_on = StringField(_l("Tanggal kesepakatan (kosong = belum disepakati)"), render_kw=DATE,
                            validators=[Optional()])
    agreed_with = StringField(_l("Disepakati bersama (anak, keluarga, …)"), validators=[Optional()])
    version = HiddenField()


class ServiceAddForm(FlaskForm):
    """A service of Pasal 35 ayat 1."""

    form = Select(_l("Bentuk rehabilitasi"), choices=_labelled(ServiceForm))
    description = StringField(_l("Uraian layanan"))
    provider_staff_id = Select(_l("Petugas LPKS pelaksana"), choices=[])
    provider = StringField(_l("atau pelaksana di luar LPKS"), validators=[Optional()])
    due_on = StringField(_l("Tanggal rencana pelaksanaan"), render_kw=DATE)
    in_plan = Select(_l("Bagian dari rencana?"), choices=[SelectChoice("true", _l("Ya")),
                                                               SelectChoice("false", _l("Tidak"))])


class ServiceDoneForm(FlaskForm):
    """A planned service done or cancelled."""

    action = Select(_l("Catat"), choices=[SelectChoice("done", _l("Dilaksanakan")),
                                               SelectChoice("cancel", _l("Dibatalkan"))])
    done_on = StringField(_l("Tanggal pelaksanaan"), render_kw=DATE, validators=[Optional()])
    outcome = TextAreaField(_l("Hasil"), validators=[Optional()])
    cancel_reason = StringField(_l("Alasan pembatalan"), validators=[Optional()])
    version = HiddenField()


class ReintegrationForm(FlaskForm):
    """A step of Pasal 49 ayat 1 huruf a–d."""

    step = Select(_l("Langkah"), choices=_labelled(STEPS[:4]))
    done_on = StringField(_l("Tanggal"), render_kw=DATE)
    note = TextAreaField(_l("Hasil (persiapan anak: evaluasi resosialisasi; pemantauan: hasilnya)"),
                         validators=[Optional()])
    family_kind = Select(_l("Keluarga tujuan"), choices=_labelled(FamilyKind, ""))
    agreed_return_on = StringField(_l("Tanggal pengembalian yang disepakati"), render_kw=DATE, validators=[Optional()])
    linkage_note = TextAreaField(_l("Layanan lanjutan (pelatihan, sekolah, pekerjaan)"), validators=[Optional()])
    received_by_relationship = StringField(_l("Diterima oleh (hubungan dengan anak, bukan nama)"),
                                           validators=[Optional()])
    safe = Select(_l("Aman?"), choices=yes_no(""))
    comfortable = Select(_l("Nyaman?"), choices=yes_no(""))
    needs_met = Select(_l("Terpenuhi kebutuhannya?"), choices=yes_no(""))
    accepted = Select(_l("Diterima keluarga dan masyarakat?"), choices=yes_no(""))
    version = HiddenField()


class RefusalForm(FlaskForm):
    """The family or community refuses the child (Pasal 50)."""

    refused_on = StringField(_l("Tanggal penolakan"), render_kw=DATE)
    note = TextAreaField(_l("Keterangan"))


class SearchForm(FlaskForm):
    """A substitute-family search (Pasal 50)."""

    started_on = StringField(_l("Tanggal mulai (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    candidate = StringField(_l("Calon Keluarga Pengganti (hubungan, bukan nama)"), validators=[Optional()])
    outcome = Select(_l("Hasil"), choices=[SelectChoice("berjalan", _l("Masih berjalan")),
                                                SelectChoice("ditemukan", _l("Ditemukan")),
                                                SelectChoice("tidak_ditemukan", _l("Tidak ditemukan"))])
    ended_on = StringField(_l("Tanggal selesai"), render_kw=DATE, validators=[Optional()])
    note = TextAreaField(_l("Catatan"), validators=[Optional()])
    version = HiddenField()


class TerminationForm(FlaskForm):
    """Termination (Pasal 33)."""

    reason = Select(_l("Alasan terminasi"), choices=_labelled(TERMINATION_REASONS))
    terminated_on = StringField(_l("Tanggal terminasi (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    activities = checkboxes(_l("Kegiatan terminasi (Pasal 33 ayat 3)"), STAGE_ACTIVITIES[Stage.TERMINASI])
    note = TextAreaField(_l("Keberhasilan yang dicapai / hasil kunjungan"), validators=[Optional()])
    version = HiddenField()


class FollowUpForm(FlaskForm):
    """A follow-up visit made (Pasal 34)."""

    visited_on = StringField(_l("Tanggal kunjungan"), render_kw=DATE)
    findings = TextAreaField(_l("Hasil kunjungan"))
    visitor_staff_id = Select(_l("Petugas"), choices=[])
    version = HiddenField()


class CompanionForm(FlaskForm):
    """A companion of the register, or a volunteer (Pasal 75)."""

    role = Select(_l("Peran"), choices=_labelled(CompanionRole))
    staff_member_id = Select(_l("Petugas (Pekerja Sosial Profesional atau TKS terlatih SPPA)"), choices=[])
    name = StringField(_l("atau nama relawan"), validators=[Optional()])
    sppa_training_date = StringField(_l("Tanggal pelatihan SPPA relawan"), render_kw=DATE, validators=[Optional()])


class CompanionEndForm(FlaskForm):
    """End a companion's assignment."""

    ended_on = StringField(_l("Tanggal berakhir (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    version = HiddenField()


class CompanionReportForm(FlaskForm):
    """A companion's report (Pasal 76 huruf g)."""

    companion_id = Select(_l("Pendamping"), choices=[])
    reported_on = StringField(_l("Tanggal laporan"), render_kw=DATE)
    summary = TextAreaField(_l("Isi laporan"))


class ConfirmForm(FlaskForm):
    """A button with its CSRF token (open a case, print)."""


ACTIVITY_LABELS = {a.value: a for a in Activity}


class ReferralForm(FlaskForm):
    """A referral (RULES §7)."""

    receiver_kind = Select(_l("Penerima"), choices=_labelled(ReceiverKind))
    receiver_institution_id = Select(_l("LPKS penerima (dalam sistem)"))
    receiver_region_code = StringField(_l("Dinas Sosial penerima: kode kabupaten/kota (misalnya 35.75)"),
                                       validators=[Optional()])
    receiver_name = StringField(_l("Layanan di luar sistem: nama (rumah sakit, sekolah, LPSK, …)"),
                                validators=[Optional()])
    receiver_address = StringField(_l("Alamat penerima di luar sistem"), validators=[Optional()])
    residential = Select(_l("Anak pindah tinggal ke penerima?"), choices=yes_no())
    reason = TextAreaField(_l("Alasan rujukan"))
    services_asked = checkboxes(_l("Layanan yang diminta (Pasal 35 ayat 1)"), ServiceForm)
    services_note = TextAreaField(_l("Keterangan layanan"), validators=[Optional()])
    shared = SelectMultipleField(_l("Data yang dibagikan setelah penerima menerima"), choices=[
        SelectChoice("identitas", _l("Identitas anak")), SelectChoice("asesmen", _l("Hasil asesmen")),
        SelectChoice("laporan_sosial", _l("Laporan sosial")), SelectChoice("rencana", _l("Rencana")),
        SelectChoice("dokumen_penempatan", _l("Dokumen penempatan"))], widget=ListWidget(prefix_label=False),
        option_widget=CheckboxInput(), validate_choice=False)
    child_consent = Select(_l("Anak menyetujui?"), choices=yes_no(""))
    parent_consent = Select(_l("Orang tua/wali menyetujui?"), choices=yes_no(""))
    consent_on = StringField(_l("Tanggal persetujuan"), render_kw=DATE, validators=[Optional()])
    sent_on = StringField(_l("Tanggal rujukan (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    case_id = HiddenField()


class AnswerForm(FlaskForm):
    """The answer to a referral."""

    action = Select(_l("Jawaban"))
    decided_on = StringField(_l("Tanggal (kosong = hari ini)"), render_kw=DATE, validators=[Optional()])
    decline_reason = TextAreaField(_l("Alasan penolakan"), validators=[Optional()])
    completion_note = TextAreaField(_l("Catatan penerima (layanan yang diberikan)"), validators=[Optional()])
    version = HiddenField()
