"""Assessment (Pasal 25 ayat 1: problems, needs, potentials, resources) and case conference (temu bahas kasus,
Pasal 25 ayat 2 huruf d and ayat 6: participants by role and conclusions)."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.cases.models import (
    CaseAssessment,
    CaseConference,
    ChildCase,
    ConferenceParticipant,
)
from lpks.cases.schemas import AssessmentInput, ConferenceInput
from lpks.cases.services.common import new_record, require, staff_member, today
from lpks.platform.validation import parse
from lpks.platform.errors import ServiceError
from lpks.rules.case_lifecycle import CaseAction


def _dated(on: date, case: ChildCase, field: str, label: str) -> date:
    if on > today():
        raise ServiceError(_("%(label)s tidak boleh setelah hari ini.", label=label), field)
    if on < case.opened_on:
        raise ServiceError(_("%(label)s tidak boleh sebelum kasus dibuka.", label=label), field)
    return on


def record_assessment(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CaseAssessment:
    """Record an assessment; the latest one is the source of the social report (Pasal 15 huruf c)."""
    values = parse(AssessmentInput, data)
    require(user, case, CaseAction.RECORD_ASSESSMENT)
    author = (staff_member(session, case, values.author_staff_id, "author_staff_id").id
              if values.author_staff_id is not None else case.case_manager_id)
    assessment = new_record(
        CaseAssessment, case, assessed_on=_dated(values.assessed_on, case, "assessed_on", _("Tanggal asesmen")),
        author_staff_id=author, problems=values.problems, needs=values.needs, potentials=values.potentials,
        resources=values.resources, recommendation=values.recommendation)
    session.add(assessment)
    session.flush()
    return assessment


def record_conference(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> CaseConference:
    """Record a case conference with its participants by role and its conclusions."""
    values = parse(ConferenceInput, data)
    require(user, case, CaseAction.RECORD_CONFERENCE)
    conference = new_record(CaseConference, case, place=values.place, conclusions=values.conclusions,
                            held_on=_dated(values.held_on, case, "held_on", _("Tanggal temu bahas")))
    session.add(conference)
    session.flush()
    for participant in values.participants:
        row = ConferenceParticipant(conference_id=conference.id, role=participant.role, name=participant.name,
                                    institution_id=case.institution_id, owner_region_code=case.owner_region_code)
        session.add(row)
    session.flush()
    return conference
