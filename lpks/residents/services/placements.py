"""Placements: creation on a legal basis, changes, behaviour assessment, exit and cancellation (Pasal 9–14, 33)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import Collector, Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.residents.models.custody import (
    PERIOD_CLOSED,
    PERIOD_OPEN,
    CustodyExtension,
    CustodyPeriod,
)
from lpks.residents.models.placement import (
    STATUS_EXITED,
    STATUS_PENDING,
    Placement,
    PlacementDocument,
)
from lpks.residents.models.resident import Resident
from lpks.residents.services import pre_process
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    call_rule,
    local_date,
    locale_code,
    parse_bool,
    parse_int,
    parse_text,
    rules,
    today,
)
from lpks.residents.services.fixed import PLACEMENT_FIELDS, refuse_fixed
from lpks.rules import (
    ExitReason,
    LegalBasis,
    ParoleStatus,
    check_basis_route,
    check_conditions,
    check_exit_reason,
    check_placement_kind,
    check_placement_start,
    compute_court_placement,
    lifecycle,
    parole_explanation,
    parole_status,
)
from lpks.rules.lifecycle import Action
from lpks.security import WRITE, can
from lpks.security.access import check_version, get_scoped

EDITABLE = ("start_date", "months", "conditions", "suspected_violence", "hospital_exam_on", "hospital_exam_place",
            "hospital_exam_result", "note", "victim_loss")


def _conditions(value: Any) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]
    return [str(part).strip() for part in value if str(part).strip()]


def _require_write(user: Any, obj: Any) -> None:
    if not can(user, WRITE, obj):
        raise Forbidden()


def _apply(placement: Placement, data: dict[str, Any], check: Collector | None = None) -> None:
    """Validate the editable fields and recompute the stored dates (Pasal 13 ayat 4 and 6); every bad field is
    reported at once (a rule that reads a field waits until that field is valid)."""
    own = check is None
    check = check or Collector()
    if "start_date" in data:
        placement.start_date = check(parse_date, data.get("start_date"), "start_date", _("Tanggal mulai penempatan"))
    if "conditions" in data and not check.failed("basis"):
        with check.catch(), rules("conditions"):
            chosen = check_conditions(placement.basis, _conditions(data.get("conditions")))
            placement.conditions = ",".join(member.value for member in chosen) or None
    if "suspected_violence" in data:
        placement.suspected_violence = bool(check(parse_bool, data.get("suspected_violence"), "suspected_violence",
                                                  _("Dugaan kekerasan")))
    if "hospital_exam_on" in data:
        placement.hospital_exam_on = check(parse_date, data.get("hospital_exam_on"), "hospital_exam_on",
                                           _("Tanggal pemeriksaan rumah sakit"), required=False)
    if "victim_loss" in data:
        placement.victim_loss = check(parse_int, data.get("victim_loss"), "victim_loss",
                                      _("Nilai kerugian korban (rupiah)"), required=False)
    for key, label, limit in (("hospital_exam_place", _("Rumah sakit"), 200),
                              ("hospital_exam_result", _("Hasil pemeriksaan rumah sakit"), 500),
                              ("note", _("Catatan"), 500)):
        if key in data:
            setattr(placement, key, check(parse_text, data.get(key), key, label, limit))
    if check.failed("basis"):
        if own:
            check.done()
        return
    is_court = placement.basis == LegalBasis.COURT_DECISION.value
    with check.catch():
        if "months" in data:
            months = parse_int(data.get("months"), "months", _("Lama penempatan (bulan)"), required=is_court)
            if months is not None and not is_court:
                raise ServiceError(_("Lama penempatan dalam bulan hanya untuk penempatan berdasarkan putusan "
                                     "pengadilan (Pasal 13 ayat 4)."), "months")
            placement.months = months
        if is_court and not check.failed("start_date"):
            if placement.months is None:
                raise ServiceError(_("Lama penempatan (bulan) wajib diisi untuk putusan pengadilan (Pasal 13 "
                                     "ayat 4)."), "months")
            court = call_rule(compute_court_placement, placement.start_date, placement.months)
            placement.last_day = court.last_day
            placement.parole_eligible_from = court.parole_eligible_from
    if own:
        check.done()


def create(session: Session, user: Any, data: dict[str, Any], *, asked: tuple[str, ...] = ()) -> Placement:
    """Register a placement (not yet admitted) on a legal basis with its condition (Pasal 9 ayat 1, 10–14).

    `asked`: yes/no questions a form put to the user with no answer preselected; left empty they are refused
    instead of read as "no" (an import or API client that omits them keeps the default)."""
    ident = parse_int(data.get("resident_id"), "resident_id", _("Anak"))
    resident = get_scoped(session, user, Resident, ident, WRITE)
    with rules():
        check_placement_kind(resident.kind)
    check = Collector()
    basis = None
    with check.catch(), rules("basis"):
        basis = LegalBasis.coerce(data.get("basis"), field="basis", rule="Pasal 9 ayat 1")
        check_basis_route(basis, resident.route)
    if "suspected_violence" in asked and data.get("suspected_violence") in ("", None):
        check.add(_("Dugaan kekerasan fisik/mental wajib dijawab: ya atau tidak."), "suspected_violence")
    open_one = session.scalar(select(Placement.id).where(Placement.resident_id == resident.id,
                                                         Placement.status != STATUS_EXITED))
    if open_one is not None:
        raise ServiceError(_("Anak ini masih memiliki penempatan yang belum diakhiri (#%(id)s); akhiri dahulu "
                             "sebelum membuat penempatan baru.", id=open_one), "resident_id")
    placement = Placement(institution_id=resident.institution_id, resident_id=resident.id,
                          basis=basis.value if basis else None, status=STATUS_PENDING, start_date=today())
    data = {"start_date": data.get("start_date") or today(), "conditions": data.get("conditions"),
            **{k: v for k, v in data.items() if k in EDITABLE and k not in ("start_date", "conditions")}}
    _apply(placement, data, check)
    check.done()
    _require_write(user, placement)
    pre_process.check_placement_loss(session, placement)
    session.add(placement)
    session.flush()
    return placement


def update(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> Placement:
    """Change a placement's editable fields; the stored dates follow (refuses a stale version)."""
    _require_write(user, placement)
    check_version(placement, data.get("version"))
    call_rule(lifecycle.require, placement.status, Action.EDIT)
    refuse_fixed(placement, data, EDITABLE, PLACEMENT_FIELDS)
    old_start = placement.start_date
    _apply(placement, {k: v for k, v in data.items() if k in EDITABLE})
    if placement.start_date != old_start:
        _check_start(session, placement)
    pre_process.check_placement_loss(session, placement)
    placement.updated_at = utcnow()
    session.flush()
    return placement


def _check_start(session: Session, placement: Placement) -> None:
    """A placement starts on or before its handover and its first titipan period (RULES §4)."""
    with session.no_autoflush:
        first_period = session.scalar(select(func.min(CustodyPeriod.start_date))
                                      .where(CustodyPeriod.placement_id == placement.id))
    handover_day = local_date(placement.handover_at) if placement.handover_at else None
    with rules():
        check_placement_start(placement.start_date, handover_day, first_period)


def record_behaviour(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> Placement:
    """The behaviour assessment parole needs (Pasal 13 ayat 6) is the latest progress report's (Pasal 13 ayat 5;
    RULES §4): recorded as a report by a peksos of the LPKS."""
    from lpks.residents.services import reports

    if placement.basis != LegalBasis.COURT_DECISION.value:
        raise ServiceError(_("Penilaian perilaku untuk pembebasan bersyarat hanya untuk penempatan berdasarkan "
                             "putusan pengadilan (Pasal 13 ayat 6)."), "behaviour_good")
    call_rule(lifecycle.require, placement.status, Action.ASSESS_BEHAVIOUR)
    reports.add_report(session, user, placement, {
        "author_id": data.get("author_id"), "behaviour_good": data.get("behaviour_good"),
        "report_date": data.get("behaviour_assessed_on"), "recommendation": data.get("recommendation"),
        "summary": data.get("summary") or data.get("behaviour_note")})
    return placement


def exit_placement(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> Placement:
    """End a placement with a reason of RULES §4; open titipan periods close with it (Pasal 11 ayat 5–6, 33)."""
    _require_write(user, placement)
    call_rule(lifecycle.require, placement.status, Action.EXIT)
    exit_date = parse_date(data.get("exit_date") or today(), "exit_date", _("Tanggal keluar"))
    if exit_date > today():
        raise ServiceError(_("Tanggal keluar tidak boleh setelah hari ini."), "exit_date")
    if exit_date < placement.start_date:
        raise ServiceError(_("Tanggal keluar tidak boleh sebelum tanggal mulai penempatan."), "exit_date")
    open_period = session.scalars(select(CustodyPeriod).where(CustodyPeriod.placement_id == placement.id,
                                                              CustodyPeriod.status == PERIOD_OPEN)
                                  .order_by(CustodyPeriod.start_date.desc(), CustodyPeriod.id.desc())).first()
    decision_number = parse_text(data.get("exit_decision_number"), "exit_decision_number",
                                 _("Nomor penetapan/putusan pengadilan"), 80)
    decision_date = parse_date(data.get("exit_decision_date"), "exit_decision_date",
                               _("Tanggal penetapan/putusan pengadilan"), required=False)
    with rules():  # the rule names the field: exit_reason, exit_date or the early decision's number and date
        reason = check_exit_reason(placement.basis, data.get("exit_reason"), exit_date=exit_date,
                                   custody_last_day=open_period.last_day if open_period else None,
                                   notice_sent_on=open_period.notice_sent_on if open_period else None,
                                   placement_last_day=placement.last_day, decision_number=decision_number,
                                   decision_date=decision_date)
    if reason is ExitReason.PAROLE:
        status = parole_status(placement.parole_eligible_from, exit_date, placement.behaviour_good)
        if status is not ParoleStatus.ELIGIBLE:
            message_id, message_en = parole_explanation(placement.parole_eligible_from, exit_date,
                                                        placement.behaviour_good)
            raise ServiceError(message_en if locale_code().startswith("en") else message_id, "exit_reason")
    placement.status = STATUS_EXITED
    placement.exit_date = exit_date
    placement.exit_reason = reason.value
    if reason is ExitReason.COURT_ENDED_EARLY:
        placement.exit_decision_number, placement.exit_decision_date = decision_number, decision_date
    placement.exit_note = parse_text(data.get("exit_note"), "exit_note", _("Catatan keluar"), 500)
    placement.updated_at = utcnow()
    for period in session.scalars(select(CustodyPeriod).where(CustodyPeriod.placement_id == placement.id,
                                                              CustodyPeriod.status == PERIOD_OPEN)):
        period.status = PERIOD_CLOSED
        period.closed_on = exit_date
        period.closed_reason = reason.value
        period.updated_at = utcnow()
    session.flush()
    return placement


def cancel(session: Session, user: Any, placement: Placement) -> None:
    """Delete a placement never admitted (entered by mistake), with its documents and titipan periods."""
    _require_write(user, placement)
    call_rule(lifecycle.require, placement.status, Action.CANCEL)
    periods = select(CustodyPeriod.id).where(CustodyPeriod.placement_id == placement.id)
    for model, where in ((CustodyExtension, CustodyExtension.custody_period_id.in_(periods)),
                         (CustodyPeriod, CustodyPeriod.placement_id == placement.id),
                         (PlacementDocument, PlacementDocument.placement_id == placement.id)):
        for obj in session.scalars(select(model).where(where)):
            session.delete(obj)
        session.flush()
    session.delete(placement)
    session.flush()

