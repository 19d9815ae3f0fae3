"""After the route: the officers of the case (a peksos as case manager, companions, a TKSK at a peksos's request),
monitoring (procedure step 11), termination when the goal is reached (step 12), the case manager's report and its
filing by the data and information section, which closes the case (step 13)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.cases.services.common import stage_record
from lpks.platform.validation import parse
from lpks.intake.models import (
    CaseIntake,
    CaseManagerReport,
    CaseOfficer,
    IntakeMonitoring,
)
from lpks.intake.schemas import (
    FileInput,
    IntakeTermination,
    MonitoringInput,
    OfficerEnd,
    OfficerInput,
    ReportInput,
)
from lpks.intake.services.common import (
    check_on,
    require,
    rules,
    sync_stage,
    today,
    touch,
)
from lpks.platform.errors import Conflict, ServiceError
from lpks.platform.models.user import FUNCTION_PEKSOS, FUNCTION_TKSK, ROLE_KABKOTA, User
from lpks.rules.case_stages import Stage
from lpks.rules.intake_flow import IntakeAction, check_termination
from lpks.security.access import check_version


def _manager(session: Session, case: ChildCase) -> CaseOfficer | None:
    return session.scalar(select(CaseOfficer).where(CaseOfficer.case_id == case.id, CaseOfficer.role == "manajer_kasus",
                                                    CaseOfficer.ended_on.is_(None)))


def assign(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> CaseOfficer:
    """Assign a peksos (case manager or companion) or a TKSK (monitoring, at the case manager's request)."""
    require(session, user, case, intake, "assign_officer", IntakeAction.ASSIGN_OFFICER)
    values = parse(OfficerInput, data)
    person = session.get(User, values.user_id)
    if person is None or person.role != ROLE_KABKOTA or person.region_code != intake.owner_region_code \
            or not person.active or person.function not in (FUNCTION_PEKSOS, FUNCTION_TKSK):
        raise ServiceError(_("Petugas adalah Pekerja Sosial atau TKSK aktif Dinas Sosial ini."), "user_id")
    if (values.role == "pemantau") != (person.function == FUNCTION_TKSK):
        raise ServiceError(_("Pekerja Sosial menjadi manajer kasus atau pendamping; TKSK ditugaskan memantau atas "
                             "permintaan Pekerja Sosial (Prosedur langkah 11)."), "role")
    on = check_on(values.assigned_on or today(), intake.received_on, "assigned_on", _("Tanggal penugasan"))
    current = _manager(session, case)
    if session.scalar(select(CaseOfficer.id).where(CaseOfficer.case_id == case.id, CaseOfficer.user_id == person.id,
                                                   CaseOfficer.role == values.role,
                                                   CaseOfficer.ended_on.is_(None))) is not None:
        raise Conflict(_("Petugas ini sudah ditugaskan dengan peran itu pada kasus ini."), "user_id")
    requested_by = None
    if person.function == FUNCTION_TKSK:  # at the peksos's request: the case manager asks
        if current is None:
            raise ServiceError(_("Tetapkan manajer kasus (Pekerja Sosial) dahulu: TKSK memantau atas permintaannya."),
                               "user_id")
        requested_by = current.user_id
    if values.role == "manajer_kasus" and current is not None:  # one case manager at a time
        current.ended_on = on
    officer = CaseOfficer(owner_region_code=intake.owner_region_code, case_id=case.id, user_id=person.id,
                          function=person.function, role=values.role, requested_by_user_id=requested_by,
                          assigned_on=on)
    session.add(officer)
    session.flush()
    return officer


def end_assignment(session: Session, user: Any, case: ChildCase, intake: CaseIntake, officer: CaseOfficer,
                   data: dict[str, Any]) -> CaseOfficer:
    """End an assignment (never the case manager's: a new one replaces it)."""
    require(session, user, case, intake, "assign_officer", IntakeAction.ASSIGN_OFFICER)
    values = parse(OfficerEnd, data)
    check_version(officer, values.version)
    if officer.case_id != case.id or officer.ended_on is not None:
        raise ServiceError(_("Penugasan ini sudah berakhir."), "ended_on")
    if officer.role == "manajer_kasus":
        raise ServiceError(_("Manajer kasus diganti dengan menugaskan Pekerja Sosial lain sebagai manajer kasus."),
                           "role")
    officer.ended_on = check_on(values.ended_on or today(), officer.assigned_on, "ended_on", _("Tanggal selesai"))
    session.flush()
    return officer


def monitor(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> IntakeMonitoring:
    """Record a monitoring of the care, rehabilitation and social sanctions decided (procedure step 11)."""
    require(session, user, case, intake, "monitor", IntakeAction.MONITOR)
    values = parse(MonitoringInput, data)
    check_on(values.monitored_on, intake.route_decided_on or intake.received_on, "monitored_on",
             _("Tanggal pemantauan"))
    row = IntakeMonitoring(owner_region_code=intake.owner_region_code, case_id=case.id,
                           monitored_on=values.monitored_on, officer_user_id=user.id, care_note=values.care_note,
                           rehabilitation_note=values.rehabilitation_note, sanction_note=values.sanction_note,
                           findings=values.findings, goal_reached=values.goal_reached)
    session.add(row)
    session.flush()
    return row


def terminate(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> ChildCase:
    """Terminate when the rehabilitation's goal is reached (or early: referred, ran away, died)."""
    facts = require(session, user, case, intake, "terminate", IntakeAction.TERMINATE)
    values = parse(IntakeTermination, data)
    check_version(case, values.version)
    with rules():
        reason = check_termination(facts, values.reason)
    on = check_on(values.terminated_on or today(), intake.received_on, "terminated_on", _("Tanggal terminasi"))
    case.termination_reason, case.terminated_on = reason.value, on
    touch(case)
    session.flush()
    sync_stage(session, user, case, intake, on)
    record = stage_record(session, case, Stage.TERMINASI)
    record.note, record.completed_on, record.completed_by_user_id = values.note, on, user.id
    session.flush()
    return case


def write_report(session: Session, user: Any, case: ChildCase, intake: CaseIntake,
                 data: dict[str, Any]) -> CaseManagerReport:
    """The case manager's report after termination (procedure step 13)."""
    require(session, user, case, intake, "write_report", IntakeAction.WRITE_REPORT)
    values = parse(ReportInput, data)
    on = check_on(values.written_on or today(), case.terminated_on, "written_on", _("Tanggal laporan"))
    report = CaseManagerReport(owner_region_code=intake.owner_region_code, case_id=case.id, written_on=on,
                               author_user_id=user.id, summary=values.summary)
    session.add(report)
    session.flush()
    return report


def file_report(session: Session, user: Any, case: ChildCase, intake: CaseIntake,
                data: dict[str, Any]) -> CaseManagerReport:
    """The data and information section files the report; the case closes (procedure step 13)."""
    require(session, user, case, intake, "file_report", IntakeAction.FILE_REPORT)
    values = parse(FileInput, data)
    report = session.scalar(select(CaseManagerReport).where(CaseManagerReport.case_id == case.id))
    check_version(report, values.version)
    on = check_on(values.filed_on or today(), report.written_on, "filed_on", _("Tanggal pengarsipan"))
    report.filed_on, report.filed_by_user_id, report.archive_number = on, user.id, values.archive_number
    touch(report)
    case.closed_on = on
    touch(case)
    session.flush()
    return report
