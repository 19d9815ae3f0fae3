"""The placement page's forms for the obligations of issue 12: the under-12 court determination (Pasal 10 ayat 3),
the Pasal 14 meeting, the school exam (Pasal 11 ayat 8) with its printable request letter, and the progress
reports (Pasal 13 ayat 5). A mixin of PlacementView: every form posts to a service; no rule here."""
from __future__ import annotations

from flask import abort, request
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from lpks.admin.residents.forms import unchosen
from wtforms import (
    SelectChoice,
    SelectField,
    SelectMultipleField,
    StringField,
    TextAreaField,
)
from wtforms.validators import Optional
from wtforms.widgets import CheckboxInput, ListWidget

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.models.region import Region
from lpks.registry.services import profile
from lpks.residents.models.resident import Resident
from lpks.residents.services import pre_process, reports, residents, under12
from lpks.residents.services.common import locale_code, today
from lpks.rules import (
    ExamAnswer,
    ExamPlace,
    MeetingInitiator,
    MeetingParticipant,
    Recommendation,
)
from lpks.web.documents import document_response, wants_pdf

DATE = {"type": "date"}


def _choices(enum) -> list[SelectChoice]:
    return [SelectChoice(member.value, member.label(locale_code())) for member in enum]


class CourtDeterminationForm(FlaskForm):
    """Under 12: the submission to the court and the court's determination (Pasal 10 ayat 3)."""

    court_submitted_on = StringField(_l("Tanggal keputusan musyawarah diajukan ke pengadilan"), render_kw=DATE,
                                     validators=[Optional()])
    court_determination_number = StringField(_l("Nomor penetapan pengadilan"), validators=[Optional()])
    court_determination_date = StringField(_l("Tanggal penetapan pengadilan"), render_kw=DATE,
                                           validators=[Optional()])


class MeetingForm(FlaskForm):
    """The Pasal 14 meeting's agreement (ayat 3–6)."""

    held_on = StringField(_l("Tanggal musyawarah"), render_kw=DATE)
    place = StringField(_l("Tempat (pusat kesejahteraan sosial)"))
    initiator = SelectField(_l("Diprakarsai oleh"), choices=[])
    initiator_name = StringField(_l("Nama pemrakarsa"), validators=[Optional()])
    participants = SelectMultipleField(_l("Peserta (Pasal 14 ayat 5–6)"), choices=[],
                                       widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
                                       validate_choice=False)
    other_participants = StringField(_l("Pihak lain yang terkait"), validators=[Optional()])
    outcome = TextAreaField(_l("Hasil kesepakatan"))


class SchoolExamForm(FlaskForm):
    """The request to the investigator for a school exam (Pasal 11 ayat 8)."""

    exam = StringField(_l("Ujian"))
    school = StringField(_l("Sekolah"), validators=[Optional()])
    exam_date = StringField(_l("Tanggal ujian"), render_kw=DATE)
    place = SelectField(_l("Tempat yang dimohonkan"), choices=[])
    addressee = StringField(_l("Penyidik yang dimohon"))
    letter_number = StringField(_l("Nomor surat permohonan"))
    letter_date = StringField(_l("Tanggal surat permohonan"), render_kw=DATE, validators=[Optional()])


class ExamAnswerForm(FlaskForm):
    """The investigator's answer."""

    answer = SelectField(_l("Jawaban penyidik"), choices=[])
    answer_date = StringField(_l("Tanggal jawaban"), render_kw=DATE, validators=[Optional()])
    answer_note = StringField(_l("Catatan"), validators=[Optional()])


class ProgressReportForm(FlaskForm):
    """A progress report by a peksos of the LPKS (Pasal 13 ayat 5)."""

    author_id = SelectField(_l("Penulis (Pekerja Sosial Profesional)"), choices=[], validate_choice=False)
    report_date = StringField(_l("Tanggal laporan"), render_kw=DATE, validators=[Optional()])
    summary = TextAreaField(_l("Ringkasan perkembangan"))
    behaviour_good = SelectField(_l("Penilaian perilaku"), choices=unchosen([
        SelectChoice("ya", _l("Berkelakuan baik")), SelectChoice("tidak", _l("Tidak berkelakuan baik"))]))
    recommendation = SelectField(_l("Rekomendasi"), choices=[])


def _with_choices(form, session, placement):
    if isinstance(form, MeetingForm):
        form.initiator.choices = _choices(MeetingInitiator)
        form.participants.choices = [SelectChoice(p.value, f"{p.label(locale_code())} ({p.pasal})")
                                     for p in MeetingParticipant]
    elif isinstance(form, SchoolExamForm):
        form.place.choices = _choices(ExamPlace)
    elif isinstance(form, ExamAnswerForm):
        form.answer.choices = _choices(ExamAnswer)
    elif isinstance(form, ProgressReportForm):
        form.author_id.choices = [SelectChoice(str(s.id), s.name) for s in reports.peksos_of(session, placement)]
        form.recommendation.choices = _choices(Recommendation)
    return form


class ObligationsMixin:
    """Routes and forms of the obligations around a placement (used by PlacementView)."""

    def obligation_forms(self, model, state) -> dict:
        """The forms the placement page shows for these obligations."""
        forms = {}
        if state.get("court_determination") is not None and not state["court_determination"]["date"]:
            forms["court"] = CourtDeterminationForm(formdata=None)
        if model.basis == "pre_process" and state.get("meeting") is None and model.status == "pending":
            forms["meeting"] = _with_choices(MeetingForm(formdata=None), db.session, model)
        if model.basis == "titipan" and model.status == "present":
            forms["exam"] = _with_choices(SchoolExamForm(formdata=None), db.session, model)
            forms["answers"] = {e["id"]: _with_choices(ExamAnswerForm(formdata=None, prefix=f"e{e['id']}"),
                                                       db.session, model)
                                for e in state.get("school_exams", []) if not e["answer"]}
        if model.basis == "court_decision" and model.status == "present":
            forms["report"] = _with_choices(ProgressReportForm(formdata=None), db.session, model)
        return forms

    @expose("/court-determination/", methods=("POST",))
    def court_view(self):
        return self._act(CourtDeterminationForm(), under12.record_court, lambda p: p,
                         _("Pengajuan/penetapan pengadilan dicatat."), "court")

    @expose("/meeting/", methods=("POST",))
    def meeting_view(self):
        placement = self._placement()
        form = _with_choices(MeetingForm(), db.session, placement)
        return self._act(form, pre_process.record_meeting, lambda p: p, _("Kesepakatan musyawarah dicatat."),
                         "meeting")

    @expose("/school-exam/", methods=("POST",))
    def school_exam_view(self):
        placement = self._placement()
        form = _with_choices(SchoolExamForm(), db.session, placement)
        return self._act(form, reports.request_exam, lambda p: p, _("Permohonan ujian sekolah dicatat."), "exams")

    @expose("/school-exam/answer/", methods=("POST",))
    def school_exam_answer_view(self):
        placement = self._placement()
        ident = int(request.args.get("exam", "0") or 0)
        form = _with_choices(ExamAnswerForm(prefix=f"e{ident}"), db.session, placement)
        return self._act(form, reports.record_exam_answer,
                         lambda p: reports.get_request(db.session, current_user, p, ident),
                         _("Jawaban penyidik dicatat."), "exams")

    @expose("/progress-report/", methods=("POST",))
    def progress_report_view(self):
        placement = self._placement()
        form = _with_choices(ProgressReportForm(), db.session, placement)
        return self._act(form, reports.add_report, lambda p: p, _("Laporan perkembangan dicatat."), "parole")

    @expose("/school-exam/print/", methods=("POST",))
    def school_exam_print_view(self):
        """The printable request letter (it shows the child's identity: allowed roles only, audited)."""
        from lpks.admin.residents.forms import ConfirmForm

        placement = self._placement()
        exam = reports.get_request(db.session, current_user, placement, int(request.args.get("exam", "0") or 0))
        if not ConfirmForm().validate_on_submit():
            abort(400)
        resident = db.session.get(Resident, placement.resident_id)
        try:
            identity = residents.reveal_identity(db.session, current_user, resident,
                                                 f"{'pdf' if wants_pdf() else 'print'}_ujian_sekolah")
        except ServiceError as exc:
            abort(exc.status)
        db.session.commit()
        region = db.session.get(Region, placement.institution.kabkota_code)
        return document_response(
            "residents/print/school_exam.html", f"permohonan-ujian-{resident.register_number}", exam=exam,
            resident=resident, identity=identity, institution=placement.institution,
            city=region.name if region else "", signer=profile.head_of(db.session, placement.institution_id, today()),
            confirm=ConfirmForm(), back_url=self.get_url(".details_view", id=placement.id) + "#exams",
            pdf_url=self.get_url(".school_exam_print_view", id=placement.id, exam=exam.id))
