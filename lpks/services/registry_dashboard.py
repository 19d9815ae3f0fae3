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
from lpks.models import Institution, Region, StaffMember, Verification
from lpks.models.registry_verification import FINAL
from lpks.models.user import ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause

from .dashboard import Section, Tile, register_section
from .registry_common import today
from .standards import reports_for

COMPLIANCE_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE)
MAX_ROWS = 300


def percent(value: Decimal) -> str:
    """A compliance figure as shown: "85,50 %"."""
    return f"{format_angka(value, 2)} %"


@register_section(20)
def compliance_section(session: Session, user) -> Section | None:
    """Every LPKS in scope with its overall compliance, unmet mandatory items and last verification."""
    if user.role not in COMPLIANCE_ROLES:
        return None
    institutions = list(session.scalars(select(Institution).where(scope_clause(user, Institution, READ))
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
    if institutions:
        mean = sum((r.compliance for r in reports.values()), Decimal(0)) / len(reports)
        section.tiles = [
            Tile(_("LPKS"), len(institutions), url=url_for("registry.index")),
            Tile(_("Rata-rata kepatuhan (%)"), mean.quantize(Decimal("0.01"))),
            Tile(_("Belum pernah diverifikasi"), sum(1 for i in institutions if i.id not in last),
                 url=url_for("registry.index"), level="warning" if len(last) < len(institutions) else "success"),
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


def expiring(session: Session, user, limit: int = MAX_ROWS) -> list[Expiring]:
    """Every registration, certificate and SPPA training in scope that ends within the warning window or has
    ended (staff still active only), soonest first."""
    now = today()
    horizon = warning_horizon(now)
    rows: list[Expiring] = []
    regs = session.execute(select(Institution.id, Institution.name, Institution.registration_number,
                                  Institution.registration_valid_until)
                           .where(scope_clause(user, Institution, READ),
                                  Institution.registration_valid_until <= horizon)
                           .order_by(Institution.registration_valid_until).limit(limit))
    for ident, name, number, until in regs:
        rows.append(Expiring("registration", _("Tanda daftar"), ident, name, number or "-", until,
                             *_state(until, now), url_for("registry.institution", ident=ident)))
    active = or_(StaffMember.active_until.is_(None), StaffMember.active_until >= now)
    for column, kind, kind_label in ((StaffMember.certification_valid_until, "certification", _("Sertifikasi")),
                                     (StaffMember.sppa_valid_until, "sppa", _("Pelatihan SPPA"))):
        stmt = (select(StaffMember, Institution.name).join(Institution, Institution.id == StaffMember.institution_id)
                .where(scope_clause(user, StaffMember, READ), active, column <= horizon).order_by(column).limit(limit))
        for staff, inst_name in session.execute(stmt):
            until = getattr(staff, column.key)
            subject = f"{staff.name} ({get_staff_function(staff.function).label_id})"
            rows.append(Expiring(kind, kind_label, staff.institution_id, inst_name, subject, until,
                                 *_state(until, now), url_for("staff.details_view", id=staff.id)))
    rows.sort(key=lambda r: r.valid_until)
    return rows[:limit]


@register_section(25)
def expiry_section(session: Session, user) -> Section | None:
    """Registrations, certifications and SPPA trainings ending within the warning window, with links."""
    if user.role not in (*COMPLIANCE_ROLES, ROLE_KEMENSOS):
        return None
    rows = expiring(session, user)
    title = _("Masa berlaku berakhir dalam %(days)s hari", days=EXPIRY_WARNING_DAYS)
    section = Section(title, empty=_("Tidak ada yang berakhir dalam %(days)s hari.", days=EXPIRY_WARNING_DAYS))
    kinds = (("registration", _("Tanda daftar")), ("certification", _("Sertifikasi")),
             ("sppa", _("Pelatihan SPPA")))
    for code, kind_label in kinds:
        n = sum(1 for r in rows if r.kind == code)
        section.tiles.append(Tile(kind_label, n, level="warning" if n else "success"))
    if user.role != ROLE_KEMENSOS:  # national: figures only, the lists belong to the regions
        section.header = (_("Jenis"), _("LPKS"), _("Nomor / tenaga"), _("Berlaku sampai"), _("Keadaan"))
        section.rows = [(r.kind_label, r.institution_name, r.subject, r.valid_until, r.state_label) for r in rows]
        section.row_links = [r.link for r in rows]
    return section
