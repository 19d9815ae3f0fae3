"""Dashboard sections of the residents area (RULES §5 Dashboards): indexed queries on the stored due dates,
within the user's scope; each listed item links to its placement. Rows stop at ROWS, so every tile leads to the
list filtered (?due=name) to exactly the items it counts."""
from __future__ import annotations

from datetime import date
from typing import Any

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import (
    Date,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    union_all,
)
from sqlalchemy.orm import Session

from lpks.platform.dashboard import Figure, Section, Tile, count_of, counts_of
from lpks.platform.models.user import ROLE_ADMIN
from lpks.registry.models.institution import Institution
from lpks.residents.calendar_dashboard import calendar_section
from lpks.residents.models.custody import PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.models.resident import SEX_FEMALE, SEX_MALE, Resident
from lpks.residents.services.common import now, today
from lpks.residents.services.placement_status import label
from lpks.rules import (
    CUSTODY_ENDING_WITHIN_DAYS,
    NOTICE_DUE_WITHIN_DAYS,
    PLACEMENT_ENDING_WITHIN_DAYS,
    CustodyLevel,
    LegalBasis,
    due_window,
    is_over_capacity,
    occupancy_rate,
    requires_hospital_exam,
)
from lpks.security import READ, scope_clause

ROWS = 10


def _link(placement_id: int, anchor: str = "") -> str:
    return url_for("placement.details_view", id=placement_id) + (f"#{anchor}" if anchor else "")


def _custody_conditions(day) -> dict[str, Any]:
    """The titipan tiles' conditions on the periods of children present (Pasal 11 ayat 3–4), by the name lists
    filter with. An overstay is an open period past its last day, or days left without a period before a later
    one: those stay counted however many periods follow (RULES §5)."""
    is_open = CustodyPeriod.status == PERIOD_OPEN
    unsent = and_(is_open, CustodyPeriod.notice_sent_on.is_(None))
    first, last = due_window(day, NOTICE_DUE_WITHIN_DAYS)
    ending_first, ending_last = due_window(day, CUSTODY_ENDING_WITHIN_DAYS)
    return {"notice_overdue": and_(unsent, CustodyPeriod.notice_deadline < day),
            "notice_due": and_(unsent, CustodyPeriod.notice_deadline.between(first, last)),
            "custody_ending": and_(is_open, CustodyPeriod.last_day.between(ending_first, ending_last)),
            "custody_overstay": or_(and_(is_open, CustodyPeriod.last_day < day), CustodyPeriod.uncovered_days > 0),
            # a notice sent after its deadline stays late (RULES §5)
            "notice_late": and_(CustodyPeriod.notice_sent_on.is_not(None),
                                CustodyPeriod.notice_sent_on > CustodyPeriod.notice_deadline)}


def _custody_live():
    """Titipan periods of children still present (the conditions above say which must be open)."""
    return CustodyPeriod.placement_id.in_(select(Placement.id).where(Placement.status == STATUS_PRESENT))


def _court_conditions(day) -> dict[str, Any]:
    """The court-placement tiles' conditions (Pasal 13 ayat 4 and 6), by name."""
    first, last = due_window(day, PLACEMENT_ENDING_WITHIN_DAYS)
    by_time = and_(Placement.parole_eligible_from.is_not(None), Placement.parole_eligible_from <= day)
    return {"parole_eligible": and_(by_time, Placement.behaviour_good.is_(True)),
            "parole_not_assessed": and_(by_time, Placement.behaviour_good.is_(None)),
            "placement_ending": Placement.last_day.between(first, last),
            "placement_overstay": Placement.last_day < day}


def _court_live():
    """Court-ordered placements of children still present."""
    return and_(Placement.status == STATUS_PRESENT, Placement.basis == LegalBasis.COURT_DECISION.value)


def _admission_conditions(day=None) -> dict[str, Any]:
    """The admission tiles' conditions (Pasal 10 ayat 3 and 5–6, 12 ayat 6–7), by name."""
    day = day or today()
    exam_bases = [basis.value for basis in LegalBasis if requires_hospital_exam(basis, True)]
    return {"doctor_certificate_late": and_(Placement.doctor_certificate_received_at.is_(None),
                                            Placement.doctor_certificate_due < now()),
            "hospital_exam_missing": and_(Placement.suspected_violence.is_(True), Placement.basis.in_(exam_bases),
                                          Placement.hospital_exam_on.is_(None)),
            # under 12: submitted to the court, not determined by the deadline (Reading, RULES §4)
            "court_determination_overdue": and_(Placement.court_deadline < day,
                                                Placement.court_determination_date.is_(None))}


_DUE_LABELS = {  # translated when asked for, one label at a time (a dashboard shows eleven of them)
    "notice_overdue": lambda: _("Surat pemberitahuan terlambat"),
    "notice_due": lambda: _("Surat pemberitahuan jatuh tempo ≤ %(n)s hari", n=NOTICE_DUE_WITHIN_DAYS),
    "custody_ending": lambda: _("Masa titipan berakhir ≤ %(n)s hari", n=CUSTODY_ENDING_WITHIN_DAYS),
    "custody_overstay": lambda: _("Melewati masa titipan, anak masih di LPKS"),
    "notice_late": lambda: _("Surat pemberitahuan dikirim terlambat"),
    "parole_eligible": lambda: _("Memenuhi syarat pembebasan bersyarat"),
    "parole_not_assessed": lambda: _("Memenuhi syarat waktu, perilaku belum dinilai"),
    "placement_ending": lambda: _("Penempatan berakhir ≤ %(n)s hari", n=PLACEMENT_ENDING_WITHIN_DAYS),
    "placement_overstay": lambda: _("Melewati hari terakhir, anak masih di LPKS"),
    "doctor_certificate_late": lambda: _("Surat keterangan sehat dokter lewat 1x24 jam"),
    "hospital_exam_missing": lambda: _("Pemeriksaan rumah sakit belum dicatat"),
    "court_determination_overdue": lambda: _("Penetapan pengadilan anak < 12 tahun lewat 3 hari"),
    "present": lambda: _("Anak di LPKS"),
}


def due_label(name: str) -> str:
    """What the tile `name` counts, shown on it and above the list it leads to (KeyError for an unknown name)."""
    return _DUE_LABELS[name]()


def due_filter(model: type, name: str | None):
    """The condition of the tile `name` on `model`'s list (?due=name): the same rows the tile counts, or None."""
    if not name:
        return None
    if model is CustodyPeriod and name in (conds := _custody_conditions(today())):
        return and_(_custody_live(), conds[name])
    if model is Placement:
        if name in (conds := _court_conditions(today())):
            return and_(_court_live(), conds[name])
        if name in (conds := _admission_conditions()):
            return and_(Placement.status == STATUS_PRESENT, conds[name])
        if name == "present":
            return Placement.status == STATUS_PRESENT
    return None


def _tiles(names, values, endpoint: str, levels) -> list[Tile]:
    """Tiles leading to the list filtered to exactly what each counts (rows below stop at ROWS); grey at zero."""
    return [Tile(due_label(name), value, url=url_for(endpoint, due=name), level=level, calm="secondary")
            for name, value, level in zip(names, values, levels)]


def _present_periods(user, *columns):
    """SELECT over the titipan periods of children still present, in scope: the same rows as _custody_live."""
    return (select(*columns).select_from(CustodyPeriod).join(Placement, Placement.id == CustodyPeriod.placement_id)
            .where(Placement.status == STATUS_PRESENT, scope_clause(user, CustodyPeriod, READ)))


def _open_periods(user, *columns):
    """SELECT over the open titipan periods of children still present, in scope."""
    return _present_periods(user, *columns).where(CustodyPeriod.status == PERIOD_OPEN)


# The three lists below share one statement (UNION ALL); each part gives these columns, in this order.
LIST_COLUMNS = ("kind", "initials", "number", "lpks", "text", "first_day", "second_day", "note", "placement_id",
                "sort_day", "sort_id")


def _part(kind: int, stmt, order, *columns):
    """One list's rows (at most ROWS, in its own order) with the uniform LIST_COLUMNS."""
    labelled = [column.label(name) for column, name in zip((literal(kind), *columns), LIST_COLUMNS)]
    return select(stmt.with_only_columns(*labelled).order_by(*order).limit(ROWS).subquery())


def _custody(user) -> tuple[Section, object]:
    """Titipan: notices overdue and due within 7 days, periods ending within 7 days, overstays (Pasal 11)."""
    conds = _custody_conditions(today())
    overdue, due_soon, ending, overstay, late = conds.values()
    counts = counts_of(_present_periods(user, CustodyPeriod.id), conds).values()
    levels = ("danger", "warning", "warning", "danger", "danger")
    section = Section(_("Titipan: tenggat surat pemberitahuan dan masa titipan"),
                      tiles=_tiles(conds, counts, "custody.index_view", levels),
                      header=(_("Anak"), _("LPKS"), _("Tingkat"), _("Hari terakhir"),
                              _("Batas surat pemberitahuan"), _("Keterangan")),
                      empty=_("Tidak ada tenggat titipan yang mendesak."))
    notes = case((overstay, _("melewati masa titipan")), (overdue, _("surat terlambat")),
                 (late, _("surat dikirim terlambat")), (due_soon, _("surat jatuh tempo")),
                 else_=_("titipan segera berakhir"))
    rows = (_present_periods(user, CustodyPeriod.id).join(Resident, Resident.id == Placement.resident_id)
            .join(Institution, Institution.id == Placement.institution_id)
            .where(or_(overdue, due_soon, ending, overstay, late)))
    return section, _part(0, rows, (CustodyPeriod.notice_deadline, CustodyPeriod.id), Resident.initials,
                          Resident.register_number, Institution.name, CustodyPeriod.level, CustodyPeriod.last_day,
                          CustodyPeriod.notice_deadline, notes, CustodyPeriod.placement_id,
                          CustodyPeriod.notice_deadline, CustodyPeriod.id)


def _court(user) -> tuple[Section, object]:
    """Court-ordered placements: parole-eligible children, placements ending within 30 days, overstays (Pasal 13)."""
    conds = _court_conditions(today())
    eligible, not_assessed, ending, overstay = conds.values()
    counts = counts_of(select(Placement.id).where(_court_live(), scope_clause(user, Placement, READ)), conds).values()
    levels = ("success", "warning", "warning", "danger")
    section = Section(_("Penempatan berdasarkan putusan pengadilan"),
                      tiles=_tiles(conds, counts, "placement.index_view", levels),
                      header=(_("Anak"), _("LPKS"), _("Hari terakhir"), _("Syarat waktu pembebasan bersyarat"),
                              _("Keterangan")),
                      empty=_("Tidak ada penempatan putusan pengadilan yang perlu ditindaklanjuti."))
    notes = case((overstay, _("melewati hari terakhir")), (eligible, _("memenuhi syarat pembebasan bersyarat")),
                 (not_assessed, _("memenuhi syarat waktu, perilaku belum dinilai")),
                 else_=_("segera berakhir"))
    rows = (select(Placement.id).join(Resident, Resident.id == Placement.resident_id)
            .join(Institution, Institution.id == Placement.institution_id)
            .where(_court_live(), scope_clause(user, Placement, READ), or_(eligible, not_assessed, ending, overstay)))
    return section, _part(1, rows, (Placement.last_day, Placement.id), Resident.initials, Resident.register_number,
                          Institution.name, cast(null(), String), Placement.last_day,
                          Placement.parole_eligible_from, notes, Placement.id, Placement.last_day, Placement.id)


def _admission(user) -> tuple[Section, object]:
    """Admission follow-up: doctor's certificates past 24 hours, hospital examinations not recorded, under-12 court
    determinations past their deadline (Pasal 10, 12)."""
    scoped = and_(Placement.status == STATUS_PRESENT, scope_clause(user, Placement, READ))
    conds = _admission_conditions()
    late, exam, court = conds.values()
    # one indexed count each: the conditions are rare among the children present (a pass over them costs more)
    counts = [count_of(select(Placement.id).where(scoped, cond)) for cond in conds.values()]
    section = Section(_("Admisi"), tiles=_tiles(conds, counts, "placement.index_view", ("danger",) * len(conds)),
                      header=(_("Anak"), _("LPKS"), _("Dasar hukum"), _("Keterangan")),
                      empty=_("Tidak ada admisi yang perlu ditindaklanjuti."))
    notes = case((late, _("surat keterangan sehat terlambat")), (court, _("penetapan pengadilan belum dicatat")),
                 else_=_("pemeriksaan rumah sakit belum dicatat"))
    rows = (select(Placement.id).join(Resident, Resident.id == Placement.resident_id)
            .join(Institution, Institution.id == Placement.institution_id).where(scoped, or_(late, exam, court)))
    no_day = cast(null(), Date)
    return section, _part(2, rows, (Placement.id,), Resident.initials, Resident.register_number, Institution.name,
                          Placement.basis, no_day, no_day, notes, Placement.id, no_day, Placement.id)


def children_sections(session: Session, user) -> list[Section] | None:
    """The children's deadlines: titipan, court placements, admission follow-up; three sections whose lists are
    read in one statement (UNION ALL of each list's first ROWS, in its own order)."""
    if user.role == ROLE_ADMIN:
        return None
    (custody, custody_rows), (court, court_rows), (admission, admission_rows) = (
        _custody(user), _court(user), _admission(user))
    rows = session.execute(union_all(custody_rows, court_rows, admission_rows)).all()
    rows.sort(key=lambda r: (r.kind, r.sort_day or date.min, r.sort_id))
    for row in rows:
        child = f"{row.initials} · {row.number}"
        if row.kind == 0:
            custody.rows.append((child, row.lpks, label(CustodyLevel, row.text), row.first_day, row.second_day,
                                 row.note))
            custody.row_links.append(_link(row.placement_id, "titipan"))
        elif row.kind == 1:
            court.rows.append((child, row.lpks, row.first_day, row.second_day, row.note))
            court.row_links.append(_link(row.placement_id, "parole"))
        else:
            admission.rows.append((child, row.lpks, label(LegalBasis, row.text), row.note))
            admission.row_links.append(_link(row.placement_id, "documents"))
    return [custody, court, admission]


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
    total_present = count_of(select(Placement.id).where(Placement.status == STATUS_PRESENT,
                                                        scope_clause(user, Placement, READ)))
    # The capacity the Dinas Sosial verified (issue 18): an LPKS's own declaration is not a place.
    verified_boys = func.coalesce(Institution.verified_capacity_boys, 0)
    verified_girls = func.coalesce(Institution.verified_capacity_girls, 0)
    total_capacity = Figure(select(func.coalesce(func.sum(verified_boys + verified_girls), 0))
                            .where(scoped).scalar_subquery())
    rows = session.execute(
        select(Institution.id, Institution.name, boys, Institution.verified_capacity_boys, girls,
               Institution.verified_capacity_girls)
        .outerjoin(counts, counts.c.iid == Institution.id).where(scoped)
        .order_by((boys + girls - verified_boys - verified_girls).desc(), Institution.name)
        .limit(ROWS)).all()
    section = Section(_("Hunian terhadap kapasitas"), tiles=[
        *_tiles(("present",), (total_present,), "placement.index_view", ("secondary",)),
        Tile(_("Kapasitas terverifikasi (tempat)"), total_capacity, "institution.index_view")],
        header=(_("LPKS"), _("Laki-laki"), _("Perempuan"), _("Hunian"), _("Keterangan")),
        empty=_("Belum ada LPKS dalam lingkup ini."))
    for ident, name, n_boys, cap_boys, n_girls, cap_girls in rows:
        unverified = cap_boys is None or cap_girls is None
        cap_boys, cap_girls = cap_boys or 0, cap_girls or 0
        rate = occupancy_rate(int(n_boys) + int(n_girls), cap_boys + cap_girls)
        over = is_over_capacity(int(n_boys), cap_boys) or is_over_capacity(int(n_girls), cap_girls)
        note = _("melebihi kapasitas") if over else _("kapasitas belum diverifikasi") if unverified else ""
        section.rows.append((name, f"{int(n_boys)} / {cap_boys}", f"{int(n_girls)} / {cap_girls}",
                             f"{round(rate * 100)}%" if rate is not None else "-", note))
        section.row_links.append(url_for("institution.details_view", id=ident))
    return section


# Registered by lpks.wiring.install(): (order, provider); a lower order shows first.
SECTIONS = [
    (20, children_sections),
    (23, occupancy_section),
    (19, calendar_section),
]
