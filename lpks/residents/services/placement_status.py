"""What a placement's page and the API show: documents, certificate, hospital exam, parole, custody (RULES §4–5)."""
from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.residents.models.custody import PERIOD_OPEN, CustodyExtension, CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.services.admission import document_choices, on_file
from lpks.residents.services.common import aware, locale_code, now, today
from lpks.residents.services.custody import extensions_of
from lpks.rules import (
    CONDITION_OPTIONS,
    DAY_COUNTING_READING_EN,
    DAY_COUNTING_READING_ID,
    NOTICE_READING_EN,
    NOTICE_READING_ID,
    PAROLE_READING_EN,
    PAROLE_READING_ID,
    CustodyLevel,
    ExitReason,
    LegalBasis,
    basis_info,
    exit_reasons_for,
    is_doctor_certificate_late,
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
            "parole": _pick(PAROLE_READING_ID, PAROLE_READING_EN)}


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


def period_state(session: Session, period: CustodyPeriod, present: bool,
                 extensions: list[CustodyExtension] | None = None) -> dict[str, Any]:
    """A titipan period with its extensions (read here unless given) and flags."""
    day = today()
    is_open = period.status == PERIOD_OPEN
    return {
        "id": period.id, "placement_id": period.placement_id, "level": period.level,
        "level_label": label(CustodyLevel, period.level), "start_date": period.start_date.isoformat(),
        "granted_days": period.granted_days, "total_days": period.total_days, "max_days": period.max_days,
        "last_day": period.last_day.isoformat(), "notice_deadline": period.notice_deadline.isoformat(),
        "notice_sent_on": period.notice_sent_on.isoformat() if period.notice_sent_on else None,
        "notice_number": period.notice_number, "letter_number": period.letter_number,
        "letter_date": period.letter_date.isoformat() if period.letter_date else None,
        "depositor_agency": period.depositor_agency, "depositor_superior": period.depositor_superior,
        "depositor_address": period.depositor_address, "status": period.status,
        "closed_on": period.closed_on.isoformat() if period.closed_on else None,
        "closed_reason": period.closed_reason, "version": period.version,
        "notice_overdue": is_open and present and is_notice_overdue(period.notice_deadline, day,
                                                                    period.notice_sent_on),
        "overstay": is_open and is_overstay(period.last_day, day, present),
        "extensions": [{"id": ext.id, "authority": ext.authority, "letter_number": ext.letter_number,
                        "letter_date": ext.letter_date.isoformat() if ext.letter_date else None, "days": ext.days}
                       for ext in (extensions_of(session, period) if extensions is None else extensions)],
    }


def state(session: Session, placement: Placement) -> dict[str, Any]:
    """Everything computed about a placement, as JSON-ready values."""
    day, moment = today(), now()
    present = placement.status == STATUS_PRESENT
    docs = on_file(session, placement)
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
    return {
        "id": placement.id, "institution_id": placement.institution_id, "resident_id": placement.resident_id,
        "basis": placement.basis, "basis_label": info.label_en if locale_code().startswith("en") else info.label_id,
        "basis_pasal": info.pasal, "condition": _pick(info.condition_id, info.condition_en),
        "conditions": placement.conditions.split(",") if placement.conditions else [],
        "condition_labels": [_condition_label(code) for code in (placement.conditions or "").split(",") if code],
        "status": placement.status, "start_date": placement.start_date.isoformat(),
        "handover_at": aware(placement.handover_at).isoformat() if placement.handover_at else None,
        "documents": [{"code": code, "label": text, "pasal": pasal, "on_file": code in docs,
                       "id": docs[code].id if code in docs else None,
                       "number": docs[code].number if code in docs else None,
                       "dated": docs[code].dated.isoformat() if code in docs and docs[code].dated else None,
                       "received_at": aware(docs[code].received_at).isoformat() if code in docs else None}
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
        "overstay": placement.last_day is not None and is_overstay(placement.last_day, day, present),
        "over_capacity_reason": placement.over_capacity_reason, "note": placement.note,
        "exit_date": placement.exit_date.isoformat() if placement.exit_date else None,
        "exit_reason": placement.exit_reason, "exit_reason_label": label(ExitReason, placement.exit_reason),
        "exit_note": placement.exit_note,
        "exit_reasons": [{"code": r.value, "label": r.label(locale_code()), "pasal": r.pasal}
                         for r in exit_reasons_for(placement.basis)],
        "custody_periods": [period_state(session, p, present) for p in periods_of(session, placement)],
        "version": placement.version,
    }
