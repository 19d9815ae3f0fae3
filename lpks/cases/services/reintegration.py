"""Reintegration (Pasal 47–50): the steps of Pasal 49 ayat 1 huruf a–d in order, the four conditions of ayat 7, the
family's refusal and the substitute-family search (Pasal 50), and the follow-up visits after the return (Pasal 34)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import (
    ChildCase,
    FollowUpVisit,
    Reintegration,
    SubstituteFamilySearch,
)
from lpks.cases.schemas import (
    FollowUpInput,
    RefusalInput,
    ReintegrationInput,
    SubstituteSearchInput,
)
from lpks.cases.services.common import (
    check_version,
    new_record,
    reintegration_of,
    require,
    rules,
    staff_member,
    task_defaults,
    today,
    touch,
)
from lpks.platform.validation import parse
from lpks.platform.errors import ServiceError
from lpks.rules.case_lifecycle import CaseAction
from lpks.rules.case_tasks import follow_up_dates
from lpks.rules.reintegration import (
    STEPS,
    ReintegrationStep,
    check_agreed_return,
    check_return_family,
    check_step,
    check_step_date,
    check_substitute_search,
)

_S = ReintegrationStep
STEP_DATES = {_S.PREPARE_CHILD: "child_prepared_on", _S.PREPARE_FAMILY: "family_prepared_on",
              _S.RETURN: "returned_on", _S.MONITOR: "monitored_on"}


def done_steps(row: Reintegration | None) -> frozenset[str]:
    """The steps recorded on the row."""
    if row is None:
        return frozenset()
    return frozenset(step.value for step, column in STEP_DATES.items() if getattr(row, column) is not None)


def _substitute_found(session: Session, case: ChildCase) -> bool:
    return session.scalar(select(SubstituteFamilySearch.id).where(SubstituteFamilySearch.case_id == case.id,
                                                                  SubstituteFamilySearch.outcome == "ditemukan")) is not None


def _required(value, field: str, label: str):
    if value is None or value == "":
        raise ServiceError(_("%(label)s wajib diisi.", label=label), field)
    return value


def _plan_visits(session: Session, case: ChildCase, returned_on) -> None:
    """Follow-up visits 1, 3 and 6 months after the return (RULES §6 defaults), as planned tasks."""
    for sequence, due in enumerate(follow_up_dates(returned_on, task_defaults(session)), start=1):
        session.add(new_record(FollowUpVisit, case, sequence=sequence, due_on=due, status="planned"))


def record_step(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> Reintegration:
    """Record one step of Pasal 49 ayat 1 huruf a–d; a step may be recorded again while no later step is."""
    values = parse(ReintegrationInput, data)
    require(user, case, CaseAction.REINTEGRATION)
    row = reintegration_of(session, case)
    if row is None:
        row = new_record(Reintegration, case)
        session.add(row)
    else:
        check_version(row, values.version)
    done = done_steps(row)
    step = _S(values.step)
    later = [s for s in STEPS[STEPS.index(step) + 1:] if s.value in done]
    if later:
        raise ServiceError(_("Langkah ini tidak dapat diubah lagi: langkah sesudahnya sudah dicatat."), "step")
    index = STEPS.index(step)
    previous = getattr(row, STEP_DATES[STEPS[index - 1]]) if index else None
    with rules():
        check_step(step, done - {step.value})
        check_step_date(step, values.done_on, previous, today())
    if step is _S.PREPARE_CHILD:
        row.child_preparation_note = _required(values.note, "note", _("Hasil evaluasi resosialisasi"))
    elif step is _S.PREPARE_FAMILY:
        with rules():
            row.family_kind = check_return_family(_required(values.family_kind, "family_kind", _("Keluarga tujuan")),
                                                  row.family_refused, _substitute_found(session, case)).value
            row.agreed_return_on = check_agreed_return(values.agreed_return_on, values.done_on)
        row.linkage_note = values.linkage_note
    elif step is _S.RETURN:
        with rules():
            check_return_family(row.family_kind, row.family_refused, _substitute_found(session, case))
        row.received_by_relationship = _required(values.received_by_relationship, "received_by_relationship",
                                                 _("Hubungan penerima dengan anak"))
        if row.returned_on is None:
            _plan_visits(session, case, values.done_on)
    else:
        row.monitoring_note = _required(values.note, "note", _("Hasil pemantauan dan evaluasi"))
        for key in ("safe", "comfortable", "needs_met", "accepted"):
            setattr(row, key, getattr(values, key))
    setattr(row, STEP_DATES[step], values.done_on)
    touch(row)
    session.flush()
    return row


def record_refusal(session: Session, user: Any, case: ChildCase, data: dict[str, Any]) -> Reintegration:
    """The family or community refuses the child: a substitute family is searched for (Pasal 50)."""
    values = parse(RefusalInput, data)
    require(user, case, CaseAction.SUBSTITUTE_FAMILY)
    if values.refused_on > today():
        raise ServiceError(_("Tanggal penolakan tidak boleh setelah hari ini."), "refused_on")
    row = reintegration_of(session, case)
    if row is None:
        row = new_record(Reintegration, case)
        session.add(row)
    row.family_refused, row.family_refused_on, row.refusal_note = True, values.refused_on, values.note
    if row.family_kind == "keluarga" and row.returned_on is None:
        row.family_kind = row.agreed_return_on = row.family_prepared_on = None  # prepare again, with another family
    touch(row)
    session.flush()
    return row


def save_search(session: Session, user: Any, case: ChildCase, data: dict[str, Any],
                search: SubstituteFamilySearch | None = None) -> SubstituteFamilySearch:
    """Open a substitute-family search after a refusal, or record its progress and result (Pasal 50)."""
    values = parse(SubstituteSearchInput, data)
    require(user, case, CaseAction.SUBSTITUTE_FAMILY)
    row = reintegration_of(session, case)
    with rules():
        check_substitute_search(bool(row and row.family_refused))
    if search is None:
        started = values.started_on or today()
        if started > today():
            raise ServiceError(_("Tanggal mulai tidak boleh setelah hari ini."), "started_on")
        search = new_record(SubstituteFamilySearch, case, started_on=started, outcome="berjalan")
        session.add(search)
    else:
        check_version(search, values.version)
    for key in ("candidate", "note"):
        if key in values.model_fields_set:
            setattr(search, key, getattr(values, key))
    if values.outcome and values.outcome != "berjalan":
        ended = _required(values.ended_on, "ended_on", _("Tanggal selesai pencarian"))
        if ended > today() or ended < search.started_on:
            raise ServiceError(_("Tanggal selesai pencarian harus antara tanggal mulai dan hari ini."), "ended_on")
        search.outcome, search.ended_on = values.outcome, ended
    session.flush()
    return search


def record_visit(session: Session, user: Any, visit: FollowUpVisit, data: dict[str, Any]) -> FollowUpVisit:
    """A follow-up visit made: its date (after the return, not in the future) and findings (Pasal 34)."""
    values = parse(FollowUpInput, data)
    case = session.get(ChildCase, visit.case_id)
    require(user, case, CaseAction.RECORD_FOLLOW_UP)
    check_version(visit, values.version)
    if visit.status != "planned":
        raise ServiceError(_("Kunjungan ini sudah dicatat."), "status")
    row = reintegration_of(session, case)
    if values.visited_on > today():
        raise ServiceError(_("Tanggal kunjungan tidak boleh setelah hari ini."), "visited_on")
    if row is not None and row.returned_on and values.visited_on < row.returned_on:
        raise ServiceError(_("Tanggal kunjungan tidak boleh sebelum anak dikembalikan."), "visited_on")
    if values.visitor_staff_id is not None:
        visit.visitor_staff_id = staff_member(session, case, values.visitor_staff_id, "visitor_staff_id").id
    visit.status, visit.visited_on, visit.findings = "done", values.visited_on, values.findings
    session.flush()
    return visit
