"""Forms of the registry pages (Flask-WTF: CSRF on every one)."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired
from lpks.admin.registry.base import options
from wtforms import (
    DateField,
    HiddenField,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Optional

from accreditation import STANDARD_ITEMS
from accreditation.registry_catalogue import DOCUMENT_KINDS

FORMATION_CHOICES = options([("", "—"), ("upt", _l("Dibentuk Pemerintah sebagai UPT (Pasal 53)")),
                     ("masyarakat", _l("Dibentuk masyarakat, berbadan hukum (Pasal 54)"))])
ITEM_CHOICES = options((item.code, item.label_id) for item in STANDARD_ITEMS)


def _date(label):
    return DateField(label, validators=[Optional()])


class ProfileForm(FlaskForm):
    """Status, designation, vision, mission and programme of an LPKS (Pasal 53, 55–57, 69); registrations have
    their own list (admin/registry_registrations.py)."""

    formation_kind = SelectField(_l("Bentuk pendirian"), choices=FORMATION_CHOICES, validators=[Optional()])
    establishment_decree_number = StringField(_l("Nomor keputusan pembentukan UPT"), validators=[Optional()])
    establishment_decree_date = _date(_l("Tanggal keputusan pembentukan"))
    deed_number = StringField(_l("Nomor akta pendirian"), validators=[Optional()])
    deed_date = _date(_l("Tanggal akta pendirian"))
    kemenkumham_decree_number = StringField(_l("Nomor keputusan Kemenkumham"), validators=[Optional()])
    kemenkumham_decree_date = _date(_l("Tanggal keputusan Kemenkumham"))
    vision = TextAreaField(_l("Visi (Pasal 57)"), validators=[Optional()])
    mission = TextAreaField(_l("Misi (Pasal 57)"), validators=[Optional()])
    program_rehabilitation_stages = TextAreaField(_l("Tahapan Rehabilitasi Sosial yang dilaksanakan (Pasal 18)"),
                                                  validators=[Optional()])
    program_rehabilitation_forms = TextAreaField(_l("Bentuk Rehabilitasi Sosial yang dilaksanakan (Pasal 35)"),
                                                 validators=[Optional()])
    program_reintegration = TextAreaField(_l("Reintegrasi Sosial (Pasal 47–50)"), validators=[Optional()])
    program_companionship = TextAreaField(_l("Pendampingan ABH (Pasal 74–84)"), validators=[Optional()])
    version = HiddenField()


class WorkAreaForm(FlaskForm):
    """The kabupaten/kota the LPKS serves."""

    kabkota_codes = SelectMultipleField(_l("Kabupaten/kota wilayah kerja"), choices=[], validators=[Optional()])


class UploadForm(FlaskForm):
    """One evidence file and what it proves."""

    institution_id = SelectField(_l("LPKS"), choices=[], validators=[DataRequired()])
    title = StringField(_l("Judul dokumen"), validators=[DataRequired()])
    kind = SelectField(_l("Jenis dokumen"), choices=options((t.code, t.label_id) for t in DOCUMENT_KINDS))
    issued_on = _date(_l("Tanggal dokumen"))
    valid_until = _date(_l("Berlaku sampai"))
    note = StringField(_l("Catatan"), validators=[Optional()])
    item_codes = SelectMultipleField(_l("Membuktikan butir standar"), choices=ITEM_CHOICES, validators=[Optional()])
    file = FileField(_l("Berkas (PDF, JPEG atau PNG)"), validators=[FileRequired()])


class ImportForm(FlaskForm):
    """An Excel workbook made from the system's template."""

    file = FileField(_l("Berkas Excel (.xlsx)"), validators=[FileRequired()])


class VerificationForm(FlaskForm):
    """A new verification round (visit)."""

    visit_date = DateField(_l("Tanggal kunjungan"), validators=[DataRequired()])
    team = StringField(_l("Tim verifikasi"), validators=[Optional()])
    summary = TextAreaField(_l("Ringkasan"), validators=[Optional()])


class ActionForm(FlaskForm):
    """A button that changes something: only the CSRF token and the version."""

    version = HiddenField()
