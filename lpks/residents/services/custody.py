"""Titipan periods: open per level, extensions, stored last day and notice deadline, notice sent (Pasal 11)."""
from __future__ import annotations

from collections.abc import Collection
from datetime import date
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.formats import format_tanggal
from lpks.platform.errors import Collector, Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.services import audit
from lpks.residents.models.custody import (
    CLOSED_NEXT_LEVEL,
    PERIOD_CLOSED,
    PERIOD_OPEN,
    CustodyExtension,
    CustodyPeriod,
)
from lpks.residents.models.placement import STATUS_PENDING, Placement
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    call_rule,
    holiday_set,
    parse_bool,
    parse_int,
    parse_text,
    rules,
    today,
)
from lpks.residents.services.fixed import PERIOD_FIELDS, refuse_fixed
from lpks.rules import (
    LETTER_FACTS,
    CustodyLevel,
    LegalBasis,
    check_correction,
    check_first_letter,
    check_next_level,
    check_period_start,
    compute_custody,
    lifecycle,
)
from lpks.rules.lifecycle import Action
from lpks.security import WRITE, can
from lpks.security.access import check_version

PERIOD_EDITABLE = ("start_date", "granted_days", "letter_number", "letter_date", "depositor_agency",
                   "depositor_superior", "depositor_address")
CORRECTION_INPUTS = ("correction_letter_number", "correction_letter_date", "confirm_gap")


def extensions_of(session: Session, period: CustodyPeriod) -> list[CustodyExtension]:
    """The period's extensions in the order they were granted."""
    return list(session.scalars(select(CustodyExtension).where(CustodyExtension.custody_period_id == period.id)
                                .order_by(CustodyExtension.id)))


def recompute(session: Session, period: CustodyPeriod, holidays: Collection[date] | None = None,
              extra_days: tuple[int, ...] = (), field: str | None = None) -> CustodyPeriod:
    """Recompute total, maximum, last day and notice deadline from the rules (Pasal 11 ayat 3–4)."""
    with session.no_autoflush:  # reading mid-change must not flush (and bump the version) twice
        days = tuple(ext.days for ext in extensions_of(session, period)) + extra_days
        holidays = holiday_set(session) if holidays is None else holidays
    with rules(field):
        computed = compute_custody(period.level, period.start_date, period.granted_days, days, holidays)
    period.total_days = computed.total_days
    period.max_days = computed.max_days
    period.last_day = computed.last_day
    period.notice_deadline = computed.notice_deadline
    period.calendar_missing_years = ",".join(map(str, computed.calendar_missing_years)) or None
    return period


def recompute_open(session: Session) -> int:
    """After a change of the holiday calendar: recompute every open period, in the same transaction."""
    holidays = holiday_set(session)
    count = 0
    for period in session.scalars(select(CustodyPeriod).where(CustodyPeriod.status == PERIOD_OPEN)):
        before = period.notice_deadline, period.calendar_missing_years
        recompute(session, period, holidays)
        if (period.notice_deadline, period.calendar_missing_years) != before:
            period.updated_at = utcnow()
            count += 1
    session.flush()
    return count


def _apply(period: CustodyPeriod, data: dict[str, Any], check: Collector | None = None) -> None:
    """Read the letter's fields; every bad field is reported at once (the form shows each under its input)."""
    own = check is None
    check = check or Collector()
    if "start_date" in data:
        period.start_date = check(parse_date, data.get("start_date"), "start_date", _("Tanggal mulai titipan"))
    if "granted_days" in data:
        period.granted_days = check(parse_int, data.get("granted_days"), "granted_days", _("Jumlah hari titipan"))
    if "letter_date" in data:
        period.letter_date = check(parse_date, data.get("letter_date"), "letter_date", _("Tanggal surat"),
                                   required=False)
    for key, label, limit, required in (
            ("letter_number", _("Nomor surat penitipan/penahanan"), 80, False),
            ("depositor_agency", _("Lembaga penitip"), 200, True),
            ("depositor_superior", _("Atasan lembaga penitip"), 200, True),
            ("depositor_address", _("Alamat lembaga penitip"), 300, False)):
        if key in data:
            setattr(period, key, check(parse_text, data.get(key), key, label, limit, required=required))
    if own:
        check.done()


def open_period(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> CustodyPeriod:
    """Open a titipan period; a later one must be at the next level and closes the previous (RULES §5)."""
    if not can(user, WRITE, placement):
        raise Forbidden()
    if placement.basis != LegalBasis.TITIPAN.value:
        raise ServiceError(_("Masa titipan hanya untuk penempatan titipan (Pasal 9 ayat 1 huruf b; Pasal 11)."),
                           "placement_id")
    call_rule(lifecycle.require, placement.status, Action.OPEN_PERIOD)
    check = Collector()
    with check.catch(), rules("level"):
        level = CustodyLevel.coerce(data.get("level"), field="level", rule="Pasal 11 ayat 3")
    previous = session.scalars(select(CustodyPeriod).where(CustodyPeriod.placement_id == placement.id)
                               .order_by(CustodyPeriod.start_date.desc(), CustodyPeriod.id.desc())).first()
    period = CustodyPeriod(institution_id=placement.institution_id, placement_id=placement.id, status=PERIOD_OPEN)
    _apply(period, {key: data.get(key) for key in PERIOD_EDITABLE}, check)
    check.done()
    period.level = level.value
    with rules():
        check_first_letter(level, period.granted_days)
    _check_start(period, placement)
    if previous is not None:
        with rules("level"):
            check_next_level(previous.level, level)
        if period.start_date <= previous.start_date:
            raise ServiceError(_("Masa titipan tingkat berikutnya harus dimulai setelah tanggal mulai masa "
                                 "sebelumnya."), "start_date")
    _check_cover(period, previous, data)
    recompute(session, period, field="granted_days")
    if previous is not None and previous.status == PERIOD_OPEN:
        previous.status = PERIOD_CLOSED
        previous.closed_on = period.start_date
        previous.closed_reason = CLOSED_NEXT_LEVEL
        previous.updated_at = utcnow()
    session.add(period)
    session.flush()
    return period


def _check_cover(period: CustodyPeriod, previous: CustodyPeriod | None, data: dict[str, Any]) -> None:
    """The start is at the latest the later of today and the day after the previous last day; days left without a
    period are recorded on this one as an overstay once the user confirms them (RULES §5)."""
    confirm = parse_bool(data.get("confirm_gap"), "confirm_gap", _("Konfirmasi hari tanpa masa titipan"))
    with rules():
        gap = check_period_start(period.start_date, today(), previous.last_day if previous else None, bool(confirm))
    period.uncovered_from = gap.first if gap else None
    period.uncovered_days = gap.days if gap else None


def _previous(session: Session, period: CustodyPeriod) -> CustodyPeriod | None:
    """The period before `period` on the same placement (the one it followed)."""
    with session.no_autoflush:
        return session.scalars(select(CustodyPeriod).where(CustodyPeriod.placement_id == period.placement_id,
                                                           CustodyPeriod.id != period.id,
                                                           CustodyPeriod.id < period.id)
                               .order_by(CustodyPeriod.id.desc())).first()


def _check_start(period: CustodyPeriod, placement: Placement) -> None:
    """A titipan period cannot start before the placement it belongs to."""
    if period.start_date < placement.start_date:
        raise ServiceError(_("Tanggal mulai titipan tidak boleh sebelum tanggal mulai penempatan (%(start)s).",
                             start=format_tanggal(placement.start_date)), "start_date")


def _require_open(user: Any, period: CustodyPeriod) -> None:
    if not can(user, WRITE, period):
        raise Forbidden()
    call_rule(lifecycle.require, period.placement.status, Action.CHANGE_PERIOD, period_status=period.status)


def update_period(session: Session, user: Any, period: CustodyPeriod, data: dict[str, Any]) -> CustodyPeriod:
    """Correct an open period's start, days, letter or depositing agency; the dates follow."""
    _require_open(user, period)
    check_version(period, data.get("version"))
    refuse_fixed(period, data, PERIOD_EDITABLE + CORRECTION_INPUTS, PERIOD_FIELDS)
    placement = session.get(Placement, period.placement_id)
    before = {field: getattr(period, field) for field in LETTER_FACTS}
    _apply(period, {k: v for k, v in data.items() if k in PERIOD_EDITABLE})
    changed = [field for field in LETTER_FACTS if getattr(period, field) != before[field]]
    number = parse_text(data.get("correction_letter_number"), "correction_letter_number",
                        _("Nomor surat koreksi"), 80)
    dated = parse_date(data.get("correction_letter_date"), "correction_letter_date", _("Tanggal surat koreksi"),
                       required=False)
    with rules():
        check_first_letter(period.level, period.granted_days)
        corrected = check_correction(placement.status != STATUS_PENDING, changed, number, dated, today())
    _check_start(period, placement)
    if "start_date" in changed:
        _check_cover(period, _previous(session, period), data)
    recompute(session, period, field="granted_days")
    if corrected:  # a fact of the letters changed: the corrected letter is kept and the change audited as such
        period.corrected_letter_number, period.corrected_letter_date = number, dated
    period.updated_at = utcnow()
    session.flush()
    if corrected:
        audit.record(session, "correct_letter", "custody_period", period.id, changed)
    return period


def add_extension(session: Session, user: Any, period: CustodyPeriod, data: dict[str, Any]) -> CustodyExtension:
    """Extend a period; the total may never pass the level's maximum (Pasal 11 ayat 3; UU SPPA Pasal 33–38)."""
    _require_open(user, period)
    days = parse_int(data.get("days"), "days", _("Jumlah hari perpanjangan"))
    extension = CustodyExtension(
        institution_id=period.institution_id, custody_period_id=period.id, days=days,
        authority=parse_text(data.get("authority"), "authority", _("Pejabat yang memperpanjang"), 200,
                             required=True),
        letter_number=parse_text(data.get("letter_number"), "letter_number", _("Nomor surat perpanjangan"), 80,
                                 required=True),
        letter_date=parse_date(data.get("letter_date"), "letter_date", _("Tanggal surat"), required=False))
    recompute(session, period, extra_days=(days,))
    period.updated_at = utcnow()
    session.add(extension)
    session.flush()
    return extension


def record_notice(session: Session, user: Any, period: CustodyPeriod, data: dict[str, Any]) -> CustodyPeriod:
    """Record that the notice of the end of titipan was sent (Pasal 11 ayat 4)."""
    _require_open(user, period)
    sent = parse_date(data.get("notice_sent_on") or today(), "notice_sent_on", _("Tanggal pengiriman surat"))
    if sent > today():
        raise ServiceError(_("Tanggal pengiriman surat tidak boleh setelah hari ini."), "notice_sent_on")
    if sent < period.start_date:
        raise ServiceError(_("Tanggal pengiriman surat tidak boleh sebelum tanggal mulai masa titipan (%(start)s).",
                             start=format_tanggal(period.start_date)), "notice_sent_on")
    period.notice_sent_on = sent
    period.notice_number = parse_text(data.get("notice_number"), "notice_number", _("Nomor surat"), 80)
    period.updated_at = utcnow()
    session.flush()
    return period
