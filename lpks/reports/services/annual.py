"""The yearly report workflow (Pasal 90–92; RULES §9): draft, compile, submit (frozen), receive, revise. Every step
asks lpks.rules.reporting whether the user's office may take it; services flush, never commit."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.reports import queries
from lpks.reports.models import AnnualReport, AnnualReportPart
from lpks.reports.services.snapshot import freeze
from lpks.residents.services.common import rules
from lpks.rules import reporting
from lpks.rules.reporting import Action, Level, State
from lpks.security import WRITE, can
from lpks.security.access import check_version

TEXT_LIMIT = 20000
NARRATIVE = {"evaluation": lambda: _("Evaluasi kebijakan, program dan kegiatan"),
             "plan": lambda: _("Rencana tahun berikutnya")}


def allowed(session: Session, user: Any, report: AnnualReport) -> frozenset[Action]:
    """The steps the user's office may take on the report now (for pages and API answers)."""
    if not can(user, WRITE, report):
        return frozenset()
    latest = queries.is_latest(session, report)
    return reporting.allowed_actions(report.level, report.state, queries.relation_to(user, report), latest=latest)


def _require(session: Session, user: Any, report: AnnualReport, action: Action) -> None:
    if not can(user, WRITE, report):
        raise Forbidden()
    with rules():
        reporting.require(report.level, report.state, queries.relation_to(user, report), action,
                          latest=queries.is_latest(session, report))


def _text(data: dict, key: str) -> str | None:
    value = data.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ServiceError(_("%(label)s harus berupa teks.", label=NARRATIVE[key]()), key)
    value = value.strip()
    if len(value) > TEXT_LIMIT:
        raise ServiceError(_("%(label)s paling panjang %(n)s karakter.", label=NARRATIVE[key](), n=TEXT_LIMIT), key)
    return value or None


def create(session: Session, user: Any, data: dict[str, Any]) -> AnnualReport:
    """Open the first draft of the office's report for a year (one per office and year; corrections are revisions)."""
    level, code = queries.office(user)
    raw = data.get("year")
    try:
        year = int(raw) if isinstance(raw, (int, str)) and not isinstance(raw, bool) else raw
    except ValueError:
        year = raw
    with rules("year"):
        year = reporting.check_year(year, clock.today())
    exists = session.scalar(select(func.count()).select_from(AnnualReport).where(
        AnnualReport.year == year, AnnualReport.level == level.value,
        AnnualReport.region_code.is_(None) if code is None else AnnualReport.region_code == code))
    if exists:
        raise ServiceError(_("Laporan tahun %(year)s kantor Anda sudah ada; koreksi dibuat sebagai revisi.",
                             year=year), "year")
    report = AnnualReport(year=year, level=level.value, region_code=code, revision=1, state=State.DRAFT.value,
                          created_by_id=user.id)
    report.evaluation, report.plan = _text(data, "evaluation"), _text(data, "plan")
    session.add(report)
    session.flush()
    return report


def update(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """Write the draft's narrative: the evaluation and next year's plan (Pasal 90)."""
    _require(session, user, report, Action.EDIT)
    check_version(report, data.get("version"))
    for key in NARRATIVE:
        if key in data:
            setattr(report, key, _text(data, key))
    report.updated_at = utcnow()
    session.flush()
    return report


def compile_parts(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """Take into the draft the latest received report of each office below (Pasal 86 huruf f, 85 huruf h)."""
    _require(session, user, report, Action.COMPILE)
    check_version(report, data.get("version"))
    lines = queries.below_lines(session, user, Level(report.level), report.region_code, report.year)
    session.execute(delete(AnnualReportPart).where(AnnualReportPart.report_id == report.id))
    for line in lines:
        if line.received is not None:
            session.add(AnnualReportPart(report_id=report.id, part_id=line.received.id))
    report.compiled_at, report.compiled_by_id = utcnow(), user.id
    report.updated_at = utcnow()
    session.flush()
    return report


def submit(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """Send the report up: its figures are frozen now, with who and when (Pasal 91)."""
    _require(session, user, report, Action.SUBMIT)
    check_version(report, data.get("version"))
    missing = [key for key in NARRATIVE if not getattr(report, key)]
    if missing:
        raise ServiceError(_("%(label)s wajib diisi sebelum laporan dikirim (Pasal 90).",
                             label=NARRATIVE[missing[0]]()), missing[0])
    if Level(report.level).below is not None and report.compiled_at is None:
        raise ServiceError(_("Himpun dahulu laporan tingkat di bawah yang sudah diterima (kompilasi), lalu kirim."),
                           "compiled_at")
    report.snapshot = freeze(session, user, report)
    report.state = State.SUBMITTED.value
    report.submitted_at, report.submitted_by_id = utcnow(), user.id
    report.updated_at = utcnow()
    session.flush()
    return report


def receive(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """The office directly above acknowledges a submitted report."""
    _require(session, user, report, Action.RECEIVE)
    check_version(report, data.get("version"))
    report.state = State.RECEIVED.value
    report.received_at, report.received_by_id = utcnow(), user.id
    report.updated_at = utcnow()
    session.flush()
    return report


def revise(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """A correction of a submitted report: a new revision, drafted with its reason; the old one stays as it was."""
    _require(session, user, report, Action.REVISE)
    check_version(report, data.get("version"))
    reason = data.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise ServiceError(_("Alasan revisi wajib diisi."), "reason")
    if len(reason) > TEXT_LIMIT:
        raise ServiceError(_("Alasan revisi paling panjang %(n)s karakter.", n=TEXT_LIMIT), "reason")
    draft = AnnualReport(year=report.year, level=report.level, region_code=report.region_code,
                         revision=report.revision + 1, revision_reason=reason.strip(), state=State.DRAFT.value,
                         evaluation=report.evaluation, plan=report.plan, created_by_id=user.id)
    session.add(draft)
    session.flush()
    return draft


STEPS: dict[Action, Callable[..., AnnualReport]] = {
    Action.COMPILE: compile_parts, Action.SUBMIT: submit, Action.RECEIVE: receive, Action.REVISE: revise,
}


def transition(session: Session, user: Any, report: AnnualReport, data: dict[str, Any]) -> AnnualReport:
    """One step named by `action` (compile, submit, receive, revise); revise answers the new revision."""
    raw = data.get("action")
    try:
        action = Action(raw)
    except ValueError:
        action = None
    if action not in STEPS:
        raise ServiceError(_("Parameter 'action' harus salah satu dari: %(actions)s.",
                             actions=", ".join(a.value for a in STEPS)), "action")
    return STEPS[action](session, user, report, data)
