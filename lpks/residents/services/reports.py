"""A titipan child's school-exam permission (Pasal 11 ayat 8) and a court placement's progress reports (Pasal 13
ayat 5), whose latest one carries the behaviour assessment parole needs (ayat 6)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, NotFound, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.staff import StaffMember
from lpks.residents.models.obligations import ProgressReport, SchoolExamRequest
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    parse_bool,
    parse_choice,
    parse_int,
    parse_text,
    rules,
    today,
)
from lpks.rules import (
    ExamAnswer,
    ExamPlace,
    LegalBasis,
    Recommendation,
    check_exam_answer,
    check_exam_request,
    check_report,
)
from lpks.security import WRITE, can


def _present(user: Any, placement: Placement, basis: LegalBasis, message: str, field: str) -> None:
    if not can(user, WRITE, placement):
        raise Forbidden()
    if placement.basis != basis.value:
        raise ServiceError(message, field)
    if placement.status != STATUS_PRESENT:
        raise ServiceError(_("Hanya untuk anak yang sedang ditempatkan."), "status")


# --- school exam (Pasal 11 ayat 8) ------------------------------------------------------------------------------

def exam_requests(session: Session, placement: Placement) -> list[SchoolExamRequest]:
    """The placement's school-exam requests, newest first."""
    return list(session.scalars(select(SchoolExamRequest).where(SchoolExamRequest.placement_id == placement.id)
                                .order_by(SchoolExamRequest.exam_date.desc(), SchoolExamRequest.id.desc())))


def request_exam(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> SchoolExamRequest:
    """The LPKS head asks the investigator that a titipan child sit a school exam at school or at the LPKS."""
    _present(user, placement, LegalBasis.TITIPAN, _("Izin mengikuti ujian sekolah diminta untuk anak titipan "
                                                    "(Pasal 11 ayat 8)."), "basis")
    exam_date = parse_date(data.get("exam_date"), "exam_date", _("Tanggal ujian"))
    letter_date = parse_date(data.get("letter_date") or today(), "letter_date", _("Tanggal surat permohonan"))
    with rules():
        place = ExamPlace.coerce(data.get("place"), field="place", rule="Pasal 11 ayat 8")
        check_exam_request(exam_date, letter_date, today())
    row = SchoolExamRequest(
        institution_id=placement.institution_id, placement_id=placement.id, exam_date=exam_date,
        exam=parse_text(data.get("exam"), "exam", _("Ujian"), 200, required=True),
        school=parse_text(data.get("school"), "school", _("Sekolah"), 200), place=place.value,
        addressee=parse_text(data.get("addressee"), "addressee", _("Penyidik yang dimohon"), 200, required=True),
        letter_number=parse_text(data.get("letter_number"), "letter_number", _("Nomor surat permohonan"), 80,
                                 required=True), letter_date=letter_date)
    session.add(row)
    session.flush()
    return row


def record_exam_answer(session: Session, user: Any, row: SchoolExamRequest, data: dict[str, Any]) -> SchoolExamRequest:
    """The investigator's answer and its date (Pasal 11 ayat 8); an answer recorded is a decision taken."""
    if not can(user, WRITE, row):
        raise Forbidden()
    if row.answer is not None:
        raise ServiceError(_("Jawaban penyidik sudah dicatat dan tidak dapat diubah."), "answer")
    answer = parse_choice(data.get("answer"), "answer", _("Jawaban penyidik"), tuple(a.value for a in ExamAnswer))
    answer_date = parse_date(data.get("answer_date") or today(), "answer_date", _("Tanggal jawaban"))
    with rules():
        check_exam_answer(row.letter_date, answer_date, today())
    row.answer, row.answer_date = answer, answer_date
    row.answer_note = parse_text(data.get("answer_note"), "answer_note", _("Catatan jawaban"), 500)
    session.flush()
    return row


# --- progress reports (Pasal 13 ayat 5–6) ------------------------------------------------------------------------

def progress_reports(session: Session, placement: Placement) -> list[ProgressReport]:
    """The placement's progress reports, latest first."""
    return list(session.scalars(select(ProgressReport).where(ProgressReport.placement_id == placement.id)
                                .order_by(ProgressReport.report_date.desc(), ProgressReport.id.desc())))


def peksos_of(session: Session, placement: Placement) -> list[StaffMember]:
    """The LPKS's Pekerja Sosial Profesional, who may write its progress reports."""
    return list(session.scalars(select(StaffMember).where(StaffMember.institution_id == placement.institution_id,
                                                          StaffMember.function == "peksos")
                                .order_by(StaffMember.name)))


def add_report(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> ProgressReport:
    """A progress report by a peksos of the LPKS; the latest report's behaviour assessment is the one parole reads
    (Pasal 13 ayat 5–6)."""
    _present(user, placement, LegalBasis.COURT_DECISION, _("Laporan perkembangan anak untuk penempatan berdasarkan "
                                                           "putusan pengadilan (Pasal 13 ayat 5)."), "basis")
    report_date = parse_date(data.get("report_date") or today(), "report_date", _("Tanggal laporan"))
    author_id = parse_int(data.get("author_id"), "author_id", _("Penulis laporan (Pekerja Sosial Profesional)"))
    author = session.get(StaffMember, author_id)
    is_peksos = (author is not None and author.institution_id == placement.institution_id
                 and author.function == "peksos"
                 and (author.active_from is None or author.active_from <= report_date)
                 and (author.active_until is None or report_date <= author.active_until))
    good = parse_bool(data.get("behaviour_good"), "behaviour_good", _("Penilaian perilaku"))
    if good is None:
        raise ServiceError(_("Penilaian perilaku wajib dipilih: baik atau tidak baik."), "behaviour_good")
    with rules():
        check_report(report_date, placement.start_date, today(), is_peksos)
        recommendation = Recommendation.coerce(data.get("recommendation") or
                                               (Recommendation.PAROLE if good else Recommendation.CONTINUE).value,
                                               field="recommendation", rule="Pasal 13 ayat 5")
    report = ProgressReport(institution_id=placement.institution_id, placement_id=placement.id, author_id=author.id,
                            report_date=report_date, behaviour_good=good, recommendation=recommendation.value,
                            summary=parse_text(data.get("summary"), "summary", _("Ringkasan perkembangan"), 4000,
                                               required=True))
    session.add(report)
    session.flush()
    latest = progress_reports(session, placement)[0]
    placement.behaviour_good, placement.behaviour_assessed_on = latest.behaviour_good, latest.report_date
    placement.behaviour_note = latest.summary[:500]
    placement.updated_at = utcnow()
    session.flush()
    return report


def get_request(session: Session, user: Any, placement: Placement, ident: int) -> SchoolExamRequest:
    """One school-exam request of the placement (404 otherwise)."""
    row = session.get(SchoolExamRequest, ident)
    if row is None or row.placement_id != placement.id:
        raise NotFound()
    return row
