"""Dashboard sections of the residents area (RULES §5 Dashboards): indexed queries on the stored due dates,
within the user's scope; each listed item links to its placement."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import and_, case, func, or_, select
from sqlalchemy.orm import Session

from lpks.models import CustodyPeriod, Institution, Placement, Resident
from lpks.models.custody import PERIOD_OPEN
from lpks.models.placement import STATUS_PRESENT
from lpks.models.residents import SEX_FEMALE, SEX_MALE
from lpks.models.user import ROLE_ADMIN
from lpks.rules import (
    CUSTODY_ENDING_WITHIN_DAYS, NOTICE_DUE_WITHIN_DAYS, PLACEMENT_ENDING_WITHIN_DAYS, CustodyLevel, LegalBasis,
    due_window, is_over_capacity, occupancy_rate, requires_hospital_exam,
)
from lpks.security import READ, scope_clause

from .dashboard import Section, Tile, register_section
from .placements_status import label
from .residents_common import now, today

ROWS = 10


def _count(session: Session, stmt) -> int:
    return session.scalar(select(func.count()).select_from(stmt.subquery())) or 0


def _link(placement_id: int, anchor: str = "") -> str:
    return url_for("placement.details_view", id=placement_id) + (f"#{anchor}" if anchor else "")


@register_section(20)
def custody_section(session: Session, user) -> Section | None:
    """Titipan: notices overdue and due within 7 days, periods ending within 7 days, overstays (Pasal 11)."""
    if user.role == ROLE_ADMIN:
        return None
    day = today()
    base = (select(CustodyPeriod.id, CustodyPeriod.placement_id, CustodyPeriod.level, CustodyPeriod.last_day,
                   CustodyPeriod.notice_deadline, CustodyPeriod.notice_sent_on)
            .join(Placement, Placement.id == CustodyPeriod.placement_id)
            .where(CustodyPeriod.status == PERIOD_OPEN, Placement.status == STATUS_PRESENT,
                   scope_clause(user, CustodyPeriod, READ)))
    unsent = CustodyPeriod.notice_sent_on.is_(None)
    first, last = due_window(day, NOTICE_DUE_WITHIN_DAYS)
    overdue = and_(unsent, CustodyPeriod.notice_deadline < day)
    due_soon = and_(unsent, CustodyPeriod.notice_deadline.between(first, last))
    first, last = due_window(day, CUSTODY_ENDING_WITHIN_DAYS)
    ending = CustodyPeriod.last_day.between(first, last)
    overstay = CustodyPeriod.last_day < day
    counts = [_count(session, base.where(cond)) for cond in (overdue, due_soon, ending, overstay)]
    section = Section(_("Titipan: tenggat surat pemberitahuan dan masa titipan"), tiles=[
        Tile(_("Surat pemberitahuan terlambat"), counts[0], "custody.index_view",
             level="danger" if counts[0] else "secondary"),
        Tile(_("Surat pemberitahuan jatuh tempo ≤ %(n)s hari", n=NOTICE_DUE_WITHIN_DAYS), counts[1],
             "custody.index_view", level="warning" if counts[1] else "secondary"),
        Tile(_("Masa titipan berakhir ≤ %(n)s hari", n=CUSTODY_ENDING_WITHIN_DAYS), counts[2], "custody.index_view",
             level="warning" if counts[2] else "secondary"),
        Tile(_("Melewati masa titipan, anak masih di LPKS"), counts[3], "custody.index_view",
             level="danger" if counts[3] else "secondary")],
        header=(_("Anak"), _("LPKS"), _("Tingkat"), _("Hari terakhir"), _("Batas surat pemberitahuan"),
                _("Keterangan")),
        empty=_("Tidak ada tenggat titipan yang mendesak."))
    notes = case((overstay, _("melewati masa titipan")), (overdue, _("surat terlambat")),
                 (due_soon, _("surat jatuh tempo")), else_=_("titipan segera berakhir"))
    rows = session.execute(
        select(Resident.initials, Resident.register_number, Institution.name, CustodyPeriod.level,
               CustodyPeriod.last_day, CustodyPeriod.notice_deadline, notes, CustodyPeriod.placement_id)
        .join(Placement, Placement.id == CustodyPeriod.placement_id)
        .join(Resident, Resident.id == Placement.resident_id)
        .join(Institution, Institution.id == Placement.institution_id)
        .where(CustodyPeriod.status == PERIOD_OPEN, Placement.status == STATUS_PRESENT,
               scope_clause(user, CustodyPeriod, READ), or_(overdue, due_soon, ending, overstay))
        .order_by(CustodyPeriod.notice_deadline, CustodyPeriod.id).limit(ROWS)).all()
    for initials, number, lpks, level, last_day, deadline, note, placement_id in rows:
        section.rows.append((f"{initials} · {number}", lpks, label(CustodyLevel, level), last_day, deadline, note))
        section.row_links.append(_link(placement_id, "titipan"))
    return section


@register_section(21)
def court_section(session: Session, user) -> Section | None:
    """Court-ordered placements: parole-eligible children, placements ending within 30 days, overstays (Pasal 13)."""
    if user.role == ROLE_ADMIN:
        return None
    day = today()
    first, last = due_window(day, PLACEMENT_ENDING_WITHIN_DAYS)
    base = select(Placement.id).where(Placement.status == STATUS_PRESENT,
                                      Placement.basis == LegalBasis.COURT_DECISION.value,
                                      scope_clause(user, Placement, READ))
    by_time = and_(Placement.parole_eligible_from.is_not(None), Placement.parole_eligible_from <= day)
    eligible = and_(by_time, Placement.behaviour_good.is_(True))
    not_assessed = and_(by_time, Placement.behaviour_good.is_(None))
    ending = Placement.last_day.between(first, last)
    overstay = Placement.last_day < day
    counts = [_count(session, base.where(cond)) for cond in (eligible, not_assessed, ending, overstay)]
    section = Section(_("Penempatan berdasarkan putusan pengadilan"), tiles=[
        Tile(_("Memenuhi syarat pembebasan bersyarat"), counts[0], "placement.index_view",
             level="success" if counts[0] else "secondary"),
        Tile(_("Memenuhi syarat waktu, perilaku belum dinilai"), counts[1], "placement.index_view",
             level="warning" if counts[1] else "secondary"),
        Tile(_("Penempatan berakhir ≤ %(n)s hari", n=PLACEMENT_ENDING_WITHIN_DAYS), counts[2], "placement.index_view",
             level="warning" if counts[2] else "secondary"),
        Tile(_("Melewati hari terakhir, anak masih di LPKS"), counts[3], "placement.index_view",
             level="danger" if counts[3] else "secondary")],
        header=(_("Anak"), _("LPKS"), _("Hari terakhir"), _("Syarat waktu pembebasan bersyarat"), _("Keterangan")),
        empty=_("Tidak ada penempatan putusan pengadilan yang perlu ditindaklanjuti."))
    notes = case((overstay, _("melewati hari terakhir")), (eligible, _("memenuhi syarat pembebasan bersyarat")),
                 (not_assessed, _("memenuhi syarat waktu, perilaku belum dinilai")),
                 else_=_("segera berakhir"))
    rows = session.execute(
        select(Resident.initials, Resident.register_number, Institution.name, Placement.last_day,
               Placement.parole_eligible_from, notes, Placement.id)
        .join(Resident, Resident.id == Placement.resident_id)
        .join(Institution, Institution.id == Placement.institution_id)
        .where(Placement.status == STATUS_PRESENT, Placement.basis == LegalBasis.COURT_DECISION.value,
               scope_clause(user, Placement, READ), or_(eligible, not_assessed, ending, overstay))
        .order_by(Placement.last_day, Placement.id).limit(ROWS)).all()
    for initials, number, lpks, last_day, parole, note, placement_id in rows:
        section.rows.append((f"{initials} · {number}", lpks, last_day, parole, note))
        section.row_links.append(_link(placement_id, "parole"))
    return section


@register_section(22)
def admission_section(session: Session, user) -> Section | None:
    """Admission follow-up: doctor's certificates past 24 hours, hospital examinations not recorded (Pasal 10, 12)."""
    if user.role == ROLE_ADMIN:
        return None
    exam_bases = [basis.value for basis in LegalBasis if requires_hospital_exam(basis, True)]
    scoped = and_(Placement.status == STATUS_PRESENT, scope_clause(user, Placement, READ))
    late = and_(Placement.doctor_certificate_received_at.is_(None), Placement.doctor_certificate_due < now())
    exam = and_(Placement.suspected_violence.is_(True), Placement.basis.in_(exam_bases),
                Placement.hospital_exam_on.is_(None))
    counts = [_count(session, select(Placement.id).where(scoped, cond)) for cond in (late, exam)]
    section = Section(_("Admisi"), tiles=[
        Tile(_("Surat keterangan sehat dokter lewat 1x24 jam"), counts[0], "placement.index_view",
             level="danger" if counts[0] else "secondary"),
        Tile(_("Pemeriksaan rumah sakit belum dicatat"), counts[1], "placement.index_view",
             level="danger" if counts[1] else "secondary")],
        header=(_("Anak"), _("LPKS"), _("Dasar hukum"), _("Keterangan")))
    if not any(counts):
        section.header = ()
        return section
    notes = case((late, _("surat keterangan sehat terlambat")), else_=_("pemeriksaan rumah sakit belum dicatat"))
    rows = session.execute(
        select(Resident.initials, Resident.register_number, Institution.name, Placement.basis, notes, Placement.id)
        .join(Resident, Resident.id == Placement.resident_id)
        .join(Institution, Institution.id == Placement.institution_id)
        .where(scoped, or_(late, exam)).order_by(Placement.id).limit(ROWS)).all()
    for initials, number, lpks, basis, note, placement_id in rows:
        section.rows.append((f"{initials} · {number}", lpks, label(LegalBasis, basis), note))
        section.row_links.append(_link(placement_id, "documents"))
    return section


@register_section(23)
def occupancy_section(session: Session, user) -> Section | None:
    """Children present against places, by sex, per LPKS in scope (fullest first)."""
    if user.role == ROLE_ADMIN:
        return None
    counts = (select(Placement.institution_id.label("iid"),
                     func.sum(case((Resident.sex == SEX_MALE, 1), else_=0)).label("boys"),
                     func.sum(case((Resident.sex == SEX_FEMALE, 1), else_=0)).label("girls"))
              .join(Resident, Resident.id == Placement.resident_id)
              .where(Placement.status == STATUS_PRESENT, scope_clause(user, Placement, READ))
              .group_by(Placement.institution_id).subquery())
    boys, girls = func.coalesce(counts.c.boys, 0), func.coalesce(counts.c.girls, 0)
    scoped = scope_clause(user, Institution, READ)
    total_present, total_capacity = session.execute(
        select(func.coalesce(func.sum(boys + girls), 0),
               func.coalesce(func.sum(Institution.capacity_boys + Institution.capacity_girls), 0))
        .select_from(Institution).outerjoin(counts, counts.c.iid == Institution.id).where(scoped)).one()
    rows = session.execute(
        select(Institution.id, Institution.name, boys, Institution.capacity_boys, girls, Institution.capacity_girls)
        .outerjoin(counts, counts.c.iid == Institution.id).where(scoped)
        .order_by((boys + girls - Institution.capacity_boys - Institution.capacity_girls).desc(), Institution.name)
        .limit(ROWS)).all()
    section = Section(_("Hunian terhadap kapasitas"), tiles=[
        Tile(_("Anak di LPKS"), int(total_present), "placement.index_view"),
        Tile(_("Kapasitas (tempat)"), int(total_capacity), "institution.index_view")],
        header=(_("LPKS"), _("Laki-laki"), _("Perempuan"), _("Hunian"), _("Keterangan")),
        empty=_("Belum ada LPKS dalam lingkup ini."))
    for ident, name, n_boys, cap_boys, n_girls, cap_girls in rows:
        rate = occupancy_rate(int(n_boys) + int(n_girls), cap_boys + cap_girls)
        over = is_over_capacity(int(n_boys), cap_boys) or is_over_capacity(int(n_girls), cap_girls)
        section.rows.append((name, f"{int(n_boys)} / {cap_boys}", f"{int(n_girls)} / {cap_girls}",
                             f"{round(rate * 100)}%" if rate is not None else "-",
                             _("melebihi kapasitas") if over else ""))
        section.row_links.append(url_for("institution.details_view", id=ident))
    return section
