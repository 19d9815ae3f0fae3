"""Complaints about the service (the procedure's Pengaduan Layanan): recorded by the data and information section
with channel, date and subject; answered with the answer's date; due 5 working days after receipt (RULES §8)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.platform.validation import parse
from lpks.intake.models import ServiceComplaint
from lpks.intake.schemas import ComplaintInput, ComplaintUpdate
from lpks.intake.services.common import holiday_set, rules, today, touch
from lpks.platform.errors import Collector, Forbidden, ServiceError
from lpks.rules.service_time import check_answer, check_received, complaint_due
from lpks.security import READ, can
from lpks.security.access import check_version
from lpks.security.permissions import may_do_intake


def _refused() -> Forbidden:
    return Forbidden(_("Pengaduan dicatat dan dijawab oleh Seksi Data dan Informasi Dinas Sosial kabupaten/kota."))


def _case(session: Session, user: Any, ident: int | None) -> int | None:
    if ident is None:
        return None
    case = session.get(ChildCase, ident)
    if case is None or not can(user, READ, case):
        raise ServiceError(_("Kasus tidak ditemukan."), "case_id")
    return case.id


def create(session: Session, user: Any, data: dict[str, Any]) -> ServiceComplaint:
    """Record a complaint received through one of the procedure's channels."""
    if not may_do_intake(user, "complaint"):
        raise _refused()
    values = parse(ComplaintInput, data)
    found = Collector()
    with found.catch(), rules():
        check_received(values.received_on, today())
    case_id = found(_case, session, user, values.case_id)
    found.done()
    complaint = ServiceComplaint(owner_region_code=user.region_code, channel=values.channel,
                                 received_on=values.received_on, subject=values.subject, case_id=case_id,
                                 answer_due=complaint_due(values.received_on, holiday_set(session)),
                                 recorded_by_user_id=user.id)
    session.add(complaint)
    session.flush()
    return complaint


def update(session: Session, user: Any, complaint: ServiceComplaint, data: dict[str, Any]) -> ServiceComplaint:
    """Answer (the answer and its date together) or correct the subject."""
    if not may_do_intake(user, "complaint", obj=complaint):
        raise _refused()
    values = parse(ComplaintUpdate, data)
    check_version(complaint, values.version)
    sent = values.model_fields_set - {"version"}
    if "subject" in sent:
        if not values.subject:
            raise ServiceError(_("Pokok pengaduan wajib diisi."), "subject")
        complaint.subject = values.subject
    if sent & {"answer", "answered_on"}:
        answer = values.answer if "answer" in sent else complaint.answer
        if not answer:
            raise ServiceError(_("Jawaban wajib diisi bersama tanggalnya."), "answer")
        answered_on = values.answered_on if "answered_on" in sent else complaint.answered_on
        with rules():
            complaint.answered_on = check_answer(complaint.received_on, answered_on or today(), today())
        complaint.answer = answer
    touch(complaint)
    session.flush()
    return complaint
