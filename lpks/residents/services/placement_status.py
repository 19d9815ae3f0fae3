"""What a placement's page and the API show: documents, certificate, hospital exam, parole, custody (RULES §4–5)."""
from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.residents.models.custody import PERIOD_OPEN, CustodyExtension, CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT, Placement, PlacementDocument
from lpks.residents.services.admission import (
    document_choices,
    problem,
    recorded,
)
from lpks.residents.services.common import aware, locale_code, now, today
from lpks.residents.services.custody import extensions_of
from lpks.rules import (
    CALENDAR_READING_EN,
    CALENDAR_READING_ID,
    CONDITION_OPTIONS,
    COVER_READING_EN,
    COVER_READING_ID,
    DAY_COUNTING_READING_EN,
    DAY_COUNTING_READING_ID,
    DOCUMENT_READING_EN,
    DOCUMENT_READING_ID,
    END_READING_EN,
    END_READING_ID,
    NOTICE_READING_EN,
    NOTICE_READING_ID,
    PAROLE_READING_EN,
    PAROLE_READING_ID,
    UNDER_12_READING_EN,
    UNDER_12_READING_ID,
    CustodyLevel,
    ExamAnswer,
    ExamPlace,
    ExitReason,
    LegalBasis,
    MeetingInitiator,
    MeetingParticipant,
    Recommendation,
    basis_info,
    exit_reasons_for,
    is_determination_overdue,
    is_doctor_certificate_late,
    is_notice_late,
    is_notice_overdue,
    is_overstay,
    missing_documents,
    parole_explanation,
    parole_status,
    requires_hospital_exam,
)


def _pick(id_text: str, en_text: str) -> str:
    return en_text if locale_code().startswith("en") else id_text


def readings() -> dict[str, str]:
    """The Readings of RULES §5 that decide the dates shown, in the user's language."""
    return {"day_counting": _pick(DAY_COUNTING_READING_ID, DAY_COUNTING_READING_EN),
            "notice": _pick(NOTICE_READING_ID, NOTICE_READING_EN),
            "parole": _pick(PAROLE_READING_ID, PAROLE_READING_EN),
            "calendar": _pick(CALENDAR_READING_ID, CALENDAR_READING_EN),
            "cover": _pick(COVER_READING_ID, COVER_READING_EN),
            "end": _pick(END_READING_ID, END_READING_EN),
            "document": _pick(DOCUMENT_READING_ID, DOCUMENT_READING_EN)}


def label(enum_type: type, value: str | None) -> str:
    """The label of an enum value (basis, level, exit reason…) in the user's language."""
    if not value:
        return "-"
    try:
        return enum_type(value).label(locale_code())
    except ValueError:
        return value


def _condition_label(code: str) -> str:
    for options in CONDITION_OPTIONS.values():
        for option in options:
            if option.value == code:
                return f"{option.label(locale_code())} ({option.pasal})"
    return code


def periods_of(session: Session, placement: Placement) -> list[CustodyPeriod]:
    """The placement's titipan periods, oldest first."""
    return list(session.scalars(select(CustodyPeriod).where(CustodyPeriod.placement_id == placement.id)
                                .order_by(CustodyPeriod.start_date, CustodyPeriod.id)))


def extensions_by_period(session: Session, periods: list[CustodyPeriod]) -> dict[int, list[CustodyExtension]]:
    """The extensions of several periods in one query (a list page), in the order they were granted."""
    found: dict[int, list[CustodyExtension]] = {period.id: [] for period in periods}
    if found:
        for ext in session.scalars(select(CustodyExtension).where(CustodyExtension.custody_period_id.in_(found))
                                   .order_by(CustodyExtension.id)):
            found[ext.custody_period_id].append(ext)
    return found


def estimate_note(years) -> str:
    """The mark of a date computed over years the holiday calendar lacks, naming them (RULES §5), or ""."""
    if not years:
        return ""
    return _("Perkiraan: kalender hari libur tahun %(years)s belum diisi, sehingga hari libur nasional dan cuti "
             "bersama tahun itu belum diperhitungkan.", years=", ".join(str(year) for year in years))


def period_missing_years(period: CustodyPeriod) -> tuple[int, ...]:
    """The calendar years a stored period's deadline was counted over without the calendar holding them (stored by
    the custody service, and again for open periods whenever the calendar changes)."""
    return tuple(int(year) for year in (period.calendar_missing_years or "").split(",") if year)


def period_state(session: Session, period: CustodyPeriod, present: bool,
                 extensions: list[CustodyExtension] | None = None) -> dict[str, Any]:
    """A titipan period with its extensions (read here unless given), flags and the calendar years it lacks."""
    day = today()
    is_open = period.status == PERIOD_OPEN
    missing = period_missing_years(period)
    uncovered_to = (period.uncovered_from + timedelta(days=period.uncovered_days - 1)
                    if period.uncovered_from and period.uncovered_days else None)
    return {
        "id": period.id, "placement_id": period.placement_id, "level": period.level,
        "level_label": label(CustodyLevel, period.level), "start_date": period.start_date.isoformat(),
        "granted_days": period.granted_days, "total_days": period.total_days, "max_days": period.max_days,
        "last_day": period.last_day.isoformat(), "notice_deadline": period.notice_deadline.isoformat(),
        "notice_sent_on": period.notice_sent_on.isoformat() if period.notice_sent_on else None,
        "notice_number": period.notice_number, "letter_number": period.letter_number,
        "corrected_letter_number": period.corrected_letter_number,
        "corrected_letter_date": period.corrected_letter_date.isoformat() if period.corrected_letter_date else None,
        "letter_date": period.letter_date.isoformat() if period.letter_date else None,
        "depositor_agency": period.depositor_agency, "depositor_superior": period.depositor_superior,
        "depositor_address": period.depositor_address, "status": period.status,
        "closed_on": period.closed_on.isoformat() if period.closed_on else None,
        "closed_reason": period.closed_reason, "version": period.version,
        "calendar_missing_years": list(missing), "estimate_note": estimate_note(missing),
        "notice_overdue": is_open and present and is_notice_overdue(period.notice_deadline, day,
                                                                    period.notice_sent_on),
        "notice_late": is_notice_late(period.notice_deadline, period.notice_sent_on),
        "past_last_day": is_open and is_overstay(period.last_day, day, present),
        "uncovered_from": period.uncovered_from.isoformat() if period.uncovered_from else None,
        "uncovered_to": uncovered_to.isoformat() if uncovered_to else None,
        "uncovered_days": period.uncovered_days or 0,
        # an overstay stays on the record: days past this period's last day, or days before it without a period
        "overstay": (is_open and is_overstay(period.last_day, day, present)) or bool(period.uncovered_days),
        "extensions": [{"id": ext.id, "authority": ext.authority, "letter_number": ext.letter_number,
                        "letter_date": ext.letter_date.isoformat() if ext.letter_date else None, "days": ext.days}
                       for ext in (extensions_of(session, period) if extensions is None else extensions)],
    }


def obligations_state(session: Session, placement: Placement) -> dict[str, Any]:
    """The Pasal 14 meeting, the school-exam requests and the progress reports of the placement (issue 12)."""
    from lpks.residents.services import pre_process, reports

    basis = placement.basis
    meeting = pre_process.meeting_of(session, placement) if basis == LegalBasis.PRE_PROCESS.value else None
    exams = reports.exam_requests(session, placement) if basis == LegalBasis.TITIPAN.value else []
    progress = reports.progress_reports(session, placement) if basis == LegalBasis.COURT_DECISION.value else []
    return {
        "meeting": None if meeting is None else {
            "held_on": meeting.held_on.isoformat(), "place": meeting.place, "initiator": meeting.initiator,
            "initiator_label": label(MeetingInitiator, meeting.initiator), "initiator_name": meeting.initiator_name,
            "participants": meeting.participants.split(","),
            "participant_labels": [label(MeetingParticipant, p) for p in meeting.participants.split(",")],
            "other_participants": meeting.other_participants, "outcome": meeting.outcome},
        "school_exams": [{"id": e.id, "exam": e.exam, "school": e.school, "exam_date": e.exam_date.isoformat(),
                          "place": e.place, "place_label": label(ExamPlace, e.place), "addressee": e.addressee,
                          "letter_number": e.letter_number, "letter_date": e.letter_date.isoformat(),
                          "answer": e.answer, "answer_label": label(ExamAnswer, e.answer) if e.answer else None,
                          "answer_date": e.answer_date.isoformat() if e.answer_date else None,
                          "answer_note": e.answer_note} for e in exams],
        "progress_reports": [{"id": r.id, "author_id": r.author_id, "report_date": r.report_date.isoformat(),
                              "summary": r.summary, "behaviour_good": r.behaviour_good,
                              "recommendation": r.recommendation,
                              "recommendation_label": label(Recommendation, r.recommendation)} for r in progress],
    }


def court_determination(placement: Placement, day: date) -> dict[str, Any] | None:
    """Under 12 (Pasal 10 ayat 3): the submission, its 3-day deadline, the determination, and whether it is late."""
    if placement.basis != LegalBasis.UNDER_12.value:
        return None
    return {"submitted_on": placement.court_submitted_on.isoformat() if placement.court_submitted_on else None,
            "deadline": placement.court_deadline.isoformat() if placement.court_deadline else None,
            "number": placement.court_determination_number,
            "date": placement.court_determination_date.isoformat() if placement.court_determination_date else None,
            "overdue": is_determination_overdue(placement.court_deadline, placement.court_determination_date, day),
            "calendar_missing_years": [],  # calendar days only (RULES §4 Reading)
            "reading": _pick(UNDER_12_READING_ID, UNDER_12_READING_EN)}


def overstays(periods: list[dict[str, Any]], day: date) -> list[dict[str, Any]]:
    """Every stretch the child was held without a titipan period, with its dates and days (RULES §5): the days
    before a period that started late, and the days since an open period's last day."""
    found = []
    for period in periods:
        if period["uncovered_days"]:
            found.append({"from": period["uncovered_from"], "to": period["uncovered_to"],
                          "days": period["uncovered_days"], "ongoing": False})
        if period["past_last_day"]:
            first = date.fromisoformat(period["last_day"]) + timedelta(days=1)
            found.append({"from": first.isoformat(), "to": day.isoformat(), "days": (day - first).days + 1,
                          "ongoing": True})
    return found


def document_state(code: str, text: str, pasal: str, doc: PlacementDocument | None) -> dict[str, Any]:
    """A required document: recorded or not, and on file only when dated with a number or scan (RULES §4)."""
    lacking = problem(doc) if doc is not None else None
    return {"code": code, "label": text, "pasal": pasal, "recorded": doc is not None,
            "on_file": doc is not None and lacking is None, "lacking": lacking,
            "id": doc.id if doc else None, "number": doc.number if doc else None,
            "dated": doc.dated.isoformat() if doc and doc.dated else None,
            "received_at": aware(doc.received_at).isoformat() if doc else None,
            "scan": ({"name": doc.scan_name, "content_type": doc.scan_content_type, "size_bytes": doc.scan_size_bytes,
                      "url": url_for("api.placement_document_scan", ident=doc.id)}
                     if doc and doc.scan_stored_name else None)}


def state(session: Session, placement: Placement) -> dict[str, Any]:
    """Everything computed about a placement, as JSON-ready values."""
    day, moment = today(), now()
    present = placement.status == STATUS_PRESENT
    rows = recorded(session, placement)
    docs = {code: doc for code, doc in rows.items() if problem(doc) is None}
    info = basis_info(placement.basis)
    missing = missing_documents(placement.basis, set(docs))
    parole = None
    if placement.basis == LegalBasis.COURT_DECISION.value and placement.last_day is not None:
        status = parole_status(placement.parole_eligible_from, day, placement.behaviour_good)
        parole = {"status": status.value, "label": status.label(locale_code()),
                  "explanation": _pick(*parole_explanation(placement.parole_eligible_from, day,
                                                           placement.behaviour_good))}
    late = (placement.doctor_certificate_due is not None and is_doctor_certificate_late(
        aware(placement.handover_at), aware(placement.doctor_certificate_received_at), moment))
    exam_required = requires_hospital_exam(placement.basis, placement.suspected_violence)
    periods = [period_state(session, p, present) for p in periods_of(session, placement)]
    return {
        "id": placement.id, "institution_id": placement.institution_id, "resident_id": placement.resident_id,
        "basis": placement.basis, "basis_label": info.label_en if locale_code().startswith("en") else info.label_id,
        "basis_pasal": info.pasal, "condition": _pick(info.condition_id, info.condition_en),
        "conditions": placement.conditions.split(",") if placement.conditions else [],
        "condition_labels": [_condition_label(code) for code in (placement.conditions or "").split(",") if code],
        "status": placement.status, "start_date": placement.start_date.isoformat(),
        "handover_at": aware(placement.handover_at).isoformat() if placement.handover_at else None,
        "documents": [document_state(code, text, pasal, rows.get(code))
                      for code, text, pasal in document_choices(placement.basis)],
        "missing_documents": [{"code": doc.code, "label": _pick(doc.label_id, doc.label_en), "pasal": doc.pasal}
                              for doc in missing],
        "doctor_certificate_due": (aware(placement.doctor_certificate_due).isoformat()
                                   if placement.doctor_certificate_due else None),
        "doctor_certificate_received_at": (aware(placement.doctor_certificate_received_at).isoformat()
                                           if placement.doctor_certificate_received_at else None),
        "doctor_certificate_late": bool(late),
        "suspected_violence": placement.suspected_violence, "hospital_exam_required": exam_required,
        "hospital_exam_pasal": info.hospital_exam_pasal,
        "hospital_exam_on": placement.hospital_exam_on.isoformat() if placement.hospital_exam_on else None,
        "hospital_exam_place": placement.hospital_exam_place, "hospital_exam_result": placement.hospital_exam_result,
        "hospital_exam_missing": exam_required and placement.hospital_exam_on is None,
        "months": placement.months, "last_day": placement.last_day.isoformat() if placement.last_day else None,
        "parole_eligible_from": (placement.parole_eligible_from.isoformat()
                                 if placement.parole_eligible_from else None),
        "behaviour_good": placement.behaviour_good,
        "behaviour_assessed_on": (placement.behaviour_assessed_on.isoformat()
                                  if placement.behaviour_assessed_on else None),
        "behaviour_note": placement.behaviour_note, "parole": parole,
        "overstay": ((placement.last_day is not None and is_overstay(placement.last_day, day, present))
                     or any(p["overstay"] for p in periods)),
        "overstays": overstays(periods, day),
        "over_capacity_reason": placement.over_capacity_reason, "note": placement.note,
        "exit_date": placement.exit_date.isoformat() if placement.exit_date else None,
        "exit_reason": placement.exit_reason, "exit_reason_label": label(ExitReason, placement.exit_reason),
        "exit_note": placement.exit_note, "exit_decision_number": placement.exit_decision_number,
        "exit_decision_date": placement.exit_decision_date.isoformat() if placement.exit_decision_date else None,
        "exit_reasons": [{"code": r.value, "label": r.label(locale_code()), "pasal": r.pasal}
                         for r in exit_reasons_for(placement.basis)],
        "court_determination": court_determination(placement, day),
        "victim_loss": placement.victim_loss,
        **obligations_state(session, placement),
        "custody_periods": periods,
        "calendar_missing_years": sorted({year for p in periods for year in p["calendar_missing_years"]}),
        "version": placement.version,
    }
