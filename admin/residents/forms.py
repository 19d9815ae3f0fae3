"""Forms of the residents area (Flask-WTF: every POST carries its CSRF token). They hold no rule: the services
validate and the rules decide; the choices come from the rules' enums."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from wtforms import (
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

from lpks.platform.errors import ServiceError, error_list
from lpks.platform.models.holiday import HOLIDAY_KINDS
from lpks.residents.models.resident import SEXES
from lpks.rules import CustodyLevel, LegalBasis, ResidentKind

DATE = {"type": "date"}
NUMBER = {"type": "number", "min": "1"}
SEX_LABELS = {"laki_laki": _l("Laki-laki"), "perempuan": _l("Perempuan")}
STATUS_LABELS = {"pending": _l("Menunggu kelengkapan (belum diterima)"), "present": _l("Sedang ditempatkan"),
                 "exited": _l("Telah keluar")}
HOLIDAY_KIND_LABELS = {"national": _l("Hari libur nasional"), "cuti_bersama": _l("Cuti bersama")}


def _enum_choices(enum):
    """Choices from a rules enum, labelled in the user's language when the form is built."""
    def choices() -> list[SelectChoice]:
        from lpks.residents.services.common import locale_code

        return [SelectChoice(member.value, member.label(locale_code())) for member in enum]
    return choices


def unchosen(choices, prompt=None):
    """The choices after an empty first one: a form never preselects an answer that states a fact."""
    def build() -> list[SelectChoice]:
        return [SelectChoice("", prompt or _l("— pilih —")), *(choices() if callable(choices) else choices)]
    return build


def yes_no(yes, no) -> list[SelectChoice]:
    """A yes/no select, "tidak" first."""
    return [SelectChoice("tidak", no), SelectChoice("ya", yes)]


def form_data(form) -> dict:
    """The submitted values, as the services take them."""
    return {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "file")}


class ResidentForm(FlaskForm):
    """A resident's record, identity included (entered by the LPKS operator)."""

    register_number = StringField(_l("Nomor register (kosongkan untuk nomor otomatis)"), validators=[Optional()])
    kind = SelectField(_l("Jenis ABH"), choices=_enum_choices(ResidentKind))
    full_name = StringField(_l("Nama lengkap"))
    nik = StringField(_l("NIK (bila diketahui)"), validators=[Optional()])
    birth_place = StringField(_l("Tempat lahir"), validators=[Optional()])
    birth_date = StringField(_l("Tanggal lahir"), render_kw=DATE)
    sex = SelectField(_l("Jenis kelamin"), choices=[SelectChoice(s, SEX_LABELS[s]) for s in SEXES])
    address = StringField(_l("Alamat"), validators=[Optional()])
    parent_guardian = StringField(_l("Orang tua/wali"), validators=[Optional()])
    religion = StringField(_l("Agama"), validators=[Optional()])
    education = StringField(_l("Pendidikan"), validators=[Optional()])
    disability = StringField(_l("Disabilitas"), validators=[Optional()])
    offence_date = StringField(_l("Tanggal tindak pidana (wajib untuk Anak)"), render_kw=DATE,
                               validators=[Optional()])
    offence_description = TextAreaField(_l("Uraian tindak pidana (wajib untuk Anak)"), validators=[Optional()])
    version = HiddenField()


class PlacementForm(FlaskForm):
    """A new placement on a legal basis (Pasal 9 ayat 1)."""

    basis = SelectField(_l("Dasar hukum penempatan"),
                        choices=unchosen(_enum_choices(LegalBasis), _l("— pilih dasar hukum —")))
    conditions = SelectMultipleField(_l("Syarat (titipan: alasan Pasal 11 ayat 1; belum proses hukum: jenis tindak "
                                        "pidana Pasal 14 ayat 1)"), choices=[], widget=ListWidget(prefix_label=False),
                                     option_widget=CheckboxInput(), validate_choice=False)
    start_date = StringField(_l("Tanggal mulai penempatan"), render_kw=DATE)
    months = StringField(_l("Lama penempatan dalam bulan (putusan pengadilan, paling lama 12)"), render_kw=NUMBER,
                         validators=[Optional()])
    suspected_violence = SelectField(_l("Diduga mengalami kekerasan fisik/mental?"),
                                     choices=unchosen(yes_no(_l("Ya"), _l("Tidak"))))
    victim_loss = StringField(_l("Nilai kerugian korban dalam rupiah (belum proses hukum, Pasal 14 ayat 1 huruf e)"),
                              render_kw={"type": "number", "min": "0"}, validators=[Optional()])
    note = TextAreaField(_l("Catatan"), validators=[Optional()])


# Inputs of the placement form that only one basis reads (the service refuses them on another): the page shows each
# only while its basis is chosen.
SHOWN_FOR_BASIS = {"months": (LegalBasis.COURT_DECISION,), "victim_loss": (LegalBasis.PRE_PROCESS,)}


class PlacementEditForm(FlaskForm):
    """Correct a placement's start, months and hospital examination."""

    start_date = StringField(_l("Tanggal mulai penempatan"), render_kw=DATE)
    months = StringField(_l("Lama penempatan (bulan)"), render_kw=NUMBER, validators=[Optional()])
    suspected_violence = SelectField(_l("Diduga mengalami kekerasan fisik/mental?"),
                                     choices=yes_no(_l("Ya"), _l("Tidak")))
    hospital_exam_on = StringField(_l("Tanggal pemeriksaan di rumah sakit"), render_kw=DATE, validators=[Optional()])
    hospital_exam_place = StringField(_l("Rumah sakit"), validators=[Optional()])
    hospital_exam_result = TextAreaField(_l("Hasil pemeriksaan"), validators=[Optional()])
    victim_loss = StringField(_l("Nilai kerugian korban dalam rupiah (belum proses hukum, Pasal 14 ayat 1 huruf e)"),
                              render_kw={"type": "number", "min": "0"}, validators=[Optional()])
    note = TextAreaField(_l("Catatan"), validators=[Optional()])
    version = HiddenField()


class DocumentForm(FlaskForm):
    """A required document now on file: its date and its number or a scan (RULES §4)."""

    code = HiddenField()
    dated = StringField(_l("Tanggal surat"), render_kw=DATE, validators=[Optional()])
    number = StringField(_l("Nomor surat"), validators=[Optional()])
    file = FileField(_l("Pindaian (PDF, JPEG, PNG), bila tidak ada nomor surat atau sebagai lampiran"))
    received_at = StringField(_l("Diterima (tanggal dan jam; kosong = sekarang)"),
                              render_kw={"type": "datetime-local"}, validators=[Optional()])


class DocumentRow(Form):
    """One row of the documents form: its own fields, no CSRF token (the form around it carries one)."""

    code = HiddenField()
    dated = StringField(_l("Tanggal surat"), render_kw=DATE, validators=[Optional()])
    number = StringField(_l("Nomor surat"), validators=[Optional()])
    file = FileField(_l("Pindaian (PDF, JPEG, PNG)"))


class DocumentsForm(FlaskForm):
    """Every required document not yet on file, recorded in one form (one row each, named `<code>-<field>`)."""

    received_at = StringField(_l("Diterima (tanggal dan jam; kosong = sekarang)"),
                              render_kw={"type": "datetime-local"}, validators=[Optional()])


def documents_form(codes: list[str], bound: bool = True) -> DocumentsForm:
    """The documents form with a row for each code, bound to the request's input unless `bound` is false."""
    class Rows(DocumentsForm):
        pass
    for code in codes:
        setattr(Rows, code, FormField(DocumentRow, default={"code": code}))
    return Rows() if bound else Rows(formdata=None)


class ScanForm(FlaskForm):
    """The scan of a recorded document."""

    file = FileField(_l("Pindaian (PDF, JPEG, PNG)"))


class AdmitForm(FlaskForm):
    """Admission: handover time and, above capacity, the reason."""

    handover_at = StringField(_l("Waktu serah terima (kosong = sekarang)"), render_kw={"type": "datetime-local"},
                              validators=[Optional()])
    over_capacity_reason = TextAreaField(_l("Alasan menerima melebihi kapasitas (hanya bila penuh)"),
                                         validators=[Optional()])


class CustodyForm(FlaskForm):
    """A titipan period at one level (Pasal 11 ayat 3)."""

    level = SelectField(_l("Tingkat pemeriksaan"), choices=_enum_choices(CustodyLevel))
    start_date = StringField(_l("Tanggal mulai (hari ke-1)"), render_kw=DATE)
    granted_days = StringField(_l("Jumlah hari menurut surat"), render_kw=NUMBER)
    letter_number = StringField(_l("Nomor surat penitipan/penahanan"), validators=[Optional()])
    letter_date = StringField(_l("Tanggal surat"), render_kw=DATE, validators=[Optional()])
    depositor_agency = StringField(_l("Lembaga penitip"))
    depositor_superior = StringField(_l("Atasan lembaga penitip (tembusan surat pemberitahuan)"))
    depositor_address = StringField(_l("Alamat lembaga penitip"), validators=[Optional()])
    confirm_gap = SelectField(_l("Bila masa ini dimulai lebih dari sehari setelah hari terakhir masa sebelumnya: "
                                 "hari tanpa masa titipan dicatat sebagai kelebihan masa titipan"),
                              choices=yes_no(_l("Ya, catat sebagai kelebihan masa titipan"), _l("Tidak")))


class PeriodCorrectionForm(FlaskForm):
    """Correct a titipan period; once the child is admitted, start and days only by a corrected letter."""

    start_date = StringField(_l("Tanggal mulai (hari ke-1)"), render_kw=DATE)
    granted_days = StringField(_l("Jumlah hari menurut surat"), render_kw=NUMBER)
    correction_letter_number = StringField(_l("Nomor surat koreksi (wajib setelah anak diterima)"),
                                           validators=[Optional()])
    correction_letter_date = StringField(_l("Tanggal surat koreksi"), render_kw=DATE, validators=[Optional()])
    confirm_gap = SelectField(_l("Hari tanpa masa titipan dicatat sebagai kelebihan masa titipan"),
                              choices=yes_no(_l("Ya, catat sebagai kelebihan masa titipan"), _l("Tidak")))
    version = HiddenField()


class ExtensionForm(FlaskForm):
    """An extension of a titipan period."""

    authority = StringField(_l("Pejabat/instansi yang memperpanjang"))
    letter_number = StringField(_l("Nomor surat perpanjangan"))
    letter_date = StringField(_l("Tanggal surat"), render_kw=DATE, validators=[Optional()])
    days = StringField(_l("Jumlah hari perpanjangan"), render_kw=NUMBER)


class NoticeForm(FlaskForm):
    """The notice of the end of titipan was sent."""

    notice_number = StringField(_l("Nomor surat pemberitahuan"), validators=[Optional()])
    notice_sent_on = StringField(_l("Tanggal dikirim"), render_kw=DATE, validators=[Optional()])


class BehaviourForm(FlaskForm):
    """The behaviour assessment for parole (Pasal 13 ayat 6)."""

    behaviour_good = SelectField(_l("Penilaian perilaku"), choices=unchosen([
        SelectChoice("ya", _l("Berkelakuan baik")), SelectChoice("tidak", _l("Tidak berkelakuan baik"))]))
    behaviour_assessed_on = StringField(_l("Tanggal penilaian"), render_kw=DATE, validators=[Optional()])
    behaviour_note = TextAreaField(_l("Catatan (laporan perkembangan anak)"), validators=[Optional()])


class ExitForm(FlaskForm):
    """The end of a placement."""

    exit_reason = SelectField(_l("Alasan keluar"), choices=[])
    exit_date = StringField(_l("Tanggal keluar"), render_kw=DATE, validators=[Optional()])
    exit_decision_number = StringField(_l("Nomor penetapan/putusan pengadilan yang mengakhiri lebih awal"),
                                       validators=[Optional()])
    exit_decision_date = StringField(_l("Tanggal penetapan/putusan itu"), render_kw=DATE, validators=[Optional()])
    exit_note = TextAreaField(_l("Catatan"), validators=[Optional()])


class ConfirmForm(FlaskForm):
    """A button with its CSRF token (reveal identity, print, cancel)."""


class ImportForm(FlaskForm):
    """An Excel file of residents and their current placements."""

    file = FileField(_l("Berkas Excel (.xlsx)"))


class HolidayForm(FlaskForm):
    """One date of the holiday calendar."""

    date = StringField(_l("Tanggal"), render_kw=DATE)
    name = StringField(_l("Nama hari libur"))
    kind = SelectField(_l("Jenis"), choices=[SelectChoice(k, HOLIDAY_KIND_LABELS[k]) for k in HOLIDAY_KINDS])
    version = HiddenField()


class SeedForm(FlaskForm):
    """Years to seed from the `holidays` package."""

    years = StringField(_l("Tahun (pisahkan dengan spasi)"))


class CustodyCalcForm(FlaskForm):
    """Calculator: a titipan period."""

    level = SelectField(_l("Tingkat pemeriksaan"), choices=_enum_choices(CustodyLevel))
    start = StringField(_l("Tanggal mulai (hari ke-1)"), render_kw=DATE)
    days = StringField(_l("Jumlah hari"), render_kw=NUMBER)


class CourtCalcForm(FlaskForm):
    """Calculator: a court-ordered placement."""

    start = StringField(_l("Tanggal mulai penempatan"), render_kw=DATE)
    months = StringField(_l("Lama penempatan (bulan)"), render_kw=NUMBER)


class AgeCalcForm(FlaskForm):
    """Calculator: age on the offence date."""

    born = StringField(_l("Tanggal lahir"), render_kw=DATE)
    offence = StringField(_l("Tanggal tindak pidana"), render_kw=DATE)


def on_form(form, call):
    """Run a service call for run_service; a ServiceError is also shown beside its field, then re-raised."""
    try:
        return call()
    except ServiceError as exc:
        for name, message in error_list(exc):  # every bad field, when the service reports several
            field = getattr(form, name, None) if name else None
            if field is not None and hasattr(field, "errors"):
                field.errors = [*field.errors, message]
        raise
