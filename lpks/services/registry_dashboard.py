"""Dashboard sections of the registry: compliance of the LPKS in scope, and registrations, certifications and SPPA
trainings that expire within accreditation.expiry.EXPIRY_WARNING_DAYS (dates read from indexed columns)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from accreditation import get_staff_function
from accreditation.expiry import EXPIRY_WARNING_DAYS, ExpiryState, days_left, expiry_state, warning_horizon
from lpks.i18n import format_angka
from lpks.models import Institution, Region, Registration, StaffMember, Verification
from lpks.models.registry_verification import FINAL
from lpks.models.user import ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause

from .dashboard import Section, Tile, register_section
from .registry_common import today
from .registry_registrations import describe
from .standards import reports_for

COMPLIANCE_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE)
MAX_ROWS = 300  # rows of a table on the dashboard; the figures count every row
BATCH = 500  # LPKS evaluated at once for the mean compliance


def percent(value: Decimal) -> str:
    """A compliance figure as shown: "85,50 %"."""
    return f"{format_angka(value, 2)} %"


def _verified():
    """LPKS in scope with at least one final verification round (EXISTS, so the count needs no list)."""
    return select(Verification.id).where(Verification.institution_id == Institution.id,
                                         Verification.status == FINAL).exists()


def mean_compliance(session: Session, user) -> Decimal | None:
    """The mean overall compliance of every LPKS in scope (None without LPKS). The figure comes from the standards
    evaluation, which is Python, so the LPKS are read in batches by id: every one counts, however many."""
    total, count, last = Decimal(0), 0, 0
    while True:
        batch = list(session.scalars(select(Institution).where(scope_clause(user, Institution, READ),
                                                               Institution.id > last)
                                     .order_by(Institution.id).limit(BATCH)))
        if not batch:
            break
        total += sum((r.compliance for r in reports_for(session, batch).values()), Decimal(0))
        count, last = count + len(batch), batch[-1].id
    return (total / count).quantize(Decimal("0.01")) if count else None


@register_section(20)
def compliance_section(session: Session, user) -> Section | None:
    """Every LPKS in scope with its overall compliance, unmet mandatory items and last verification; the figures
    count every LPKS in scope, the table shows the first MAX_ROWS."""
    if user.role not in COMPLIANCE_ROLES:
        return None
    in_scope = scope_clause(user, Institution, READ)
    count, never = session.execute(select(func.count(Institution.id), func.count(Institution.id).filter(
        ~_verified())).where(in_scope)).one()
    institutions = list(session.scalars(select(Institution).where(in_scope)
                                        .order_by(Institution.name, Institution.id).limit(MAX_ROWS)))
    reports = reports_for(session, institutions)
    last = dict(session.execute(select(Verification.institution_id, func.max(Verification.visit_date))
                                .where(Verification.institution_id.in_([i.id for i in institutions]),
                                       Verification.status == FINAL).group_by(Verification.institution_id)).all())
    names = dict(session.execute(select(Region.code, Region.name).where(
        Region.code.in_({i.kabkota_code for i in institutions}))).all())
    section = Section(_("Kepatuhan standar LPKS (Pasal 52–69)"))
    section.header = (_("LPKS"), _("Kabupaten/kota"), _("Kepatuhan"), _("Butir wajib belum terpenuhi"),
                      _("Verifikasi terakhir"))
    section.empty = _("Belum ada LPKS dalam lingkup ini.")
    for inst in institutions:
        report = reports[inst.id]
        section.rows.append((inst.name, names.get(inst.kabkota_code, inst.kabkota_code), percent(report.compliance),
                             len(report.unmet), last.get(inst.id) or _("belum diverifikasi")))
        section.row_links.append(url_for("registry.institution", ident=inst.id))
    if count:
        section.tiles = [
            Tile(_("LPKS"), int(count), url=url_for("registry.index")),
            Tile(_("Rata-rata kepatuhan (%)"), mean_compliance(session, user)),
            Tile(_("Belum pernah diverifikasi"), int(never), url=url_for("registry.index"),
                 level="warning" if never else "success"),
        ]
    return section


@dataclass(frozen=True)
class Expiring:
    """One registration, certificate or SPPA training that ends soon or has ended."""

    kind: str  # registration | certification | sppa
    kind_label: str
    institution_id: int
    institution_name: str
    subject: str
    valid_until: date
    state: str  # accreditation.expiry.ExpiryState value
    state_label: str
    link: str


def _state(valid_until: date, now: date) -> tuple[str, str]:
    state = expiry_state(valid_until, now)
    if state is ExpiryState.KEDALUWARSA:
        return state.value, _("Kedaluwarsa")
    return state.value, _("Berakhir dalam %(n)s hari", n=days_left(valid_until, now))


def _registrations(user, horizon: date):
    """Every registration in scope (Kemensos and each Dinas Sosial alike) ending by the horizon or ended."""
    return (scope_clause(user, Registration, READ), Registration.valid_until <= horizon)


def _staff(user, column, now: date, horizon: date):
    active = or_(StaffMember.active_until.is_(None), StaffMember.active_until >= now)
    return (scope_clause(user, StaffMember, READ), active, column <= horizon)


STAFF_KINDS = ((StaffMember.certification_valid_until, "certification"), (StaffMember.sppa_valid_until, "sppa"))


def expiring_counts(session: Session, user) -> dict[str, int]:
    """{kind: how many} registrations, certificates and SPPA trainings in scope end within the warning window or
    have ended (staff still active only): one COUNT each, exact however many there are."""
    now = today()
    horizon = warning_horizon(now)
    counts = {"registration": session.scalar(select(func.count(Registration.id))
                                             .where(*_registrations(user, horizon))) or 0}
    for column, kind in STAFF_KINDS:
        counts[kind] = session.scalar(select(func.count(StaffMember.id))
                                      .where(*_staff(user, column, now, horizon))) or 0
    return counts


def expiring(session: Session, user, limit: int | None = None) -> list[Expiring]:
    """The registrations, certificates and SPPA trainings of `expiring_counts`, soonest first, at most `limit`
    (MAX_ROWS by default)."""
    limit = limit or MAX_ROWS
    now = today()
    horizon = warning_horizon(now)
    rows: list[Expiring] = []
    regs = session.execute(select(Registration, Institution.name)
                           .join(Institution, Institution.id == Registration.institution_id)
                           .where(*_registrations(user, horizon))
                           .order_by(Registration.valid_until, Registration.id).limit(limit))
    for reg, name in regs:
        rows.append(Expiring("registration", _("Tanda daftar"), reg.institution_id, name, describe(reg),
                             reg.valid_until, *_state(reg.valid_until, now),
                             url_for("registry.institution", ident=reg.institution_id)))
    labels = {"certification": _("Sertifikasi"), "sppa": _("Pelatihan SPPA")}
    for column, kind in STAFF_KINDS:
        stmt = (select(StaffMember, Institution.name).join(Institution, Institution.id == StaffMember.institution_id)
                .where(*_staff(user, column, now, horizon)).order_by(column).limit(limit))
        for staff, inst_name in session.execute(stmt):
            until = getattr(staff, column.key)
            subject = f"{staff.name} ({get_staff_function(staff.function).label_id})"
            rows.append(Expiring(kind, labels[kind], staff.institution_id, inst_name, subject, until,
                                 *_state(until, now), url_for("staff.details_view", id=staff.id)))
    rows.sort(key=lambda r: r.valid_until)
    return rows[:limit]


@register_section(25)
def expiry_section(session: Session, user) -> Section | None:
    """Registrations, certifications and SPPA trainings ending within the warning window: exact counts, and for
    the regions the soonest MAX_ROWS with links."""
    if user.role not in (*COMPLIANCE_ROLES, ROLE_KEMENSOS):
        return None
    counts = expiring_counts(session, user)
    title = _("Masa berlaku berakhir dalam %(days)s hari", days=EXPIRY_WARNING_DAYS)
    section = Section(title, empty=_("Tidak ada yang berakhir dalam %(days)s hari.", days=EXPIRY_WARNING_DAYS))
    kinds = (("registration", _("Tanda daftar")), ("certification", _("Sertifikasi")),
             ("sppa", _("Pelatihan SPPA")))
    for code, kind_label in kinds:
        n = counts[code]
        section.tiles.append(Tile(kind_label, n, level="warning" if n else "success"))
    if user.role != ROLE_KEMENSOS:  # national: figures only, the lists belong to the regions
        rows = expiring(session, user)
        section.header = (_("Jenis"), _("LPKS"), _("Nomor / tenaga"), _("Berlaku sampai"), _("Keadaan"))
        section.rows = [(r.kind_label, r.institution_name, r.subject, r.valid_until, r.state_label) for r in rows]
        section.row_links = [r.link for r in rows]
    return section
