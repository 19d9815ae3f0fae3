"""Dashboard sections of the registry: compliance of the LPKS in scope, and registrations, certifications and SPPA
trainings that expire within accreditation.expiry.EXPIRY_WARNING_DAYS (dates read from indexed columns)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import Integer, Numeric, String, case, cast, func, literal, null, or_, select, union_all
from sqlalchemy.orm import Session

from accreditation import get_staff_function
from accreditation.expiry import EXPIRY_WARNING_DAYS, ExpiryState, days_left, expiry_state, warning_horizon
from lpks.formats import format_angka
from lpks.registry.models.institution import Institution
from lpks.platform.models.region import Region
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification
from lpks.registry.models.verification import FINAL
from lpks.platform.models.user import ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause

from lpks.platform.dashboard import Figure, Section, Tile
from lpks.registry.services.common import today
from lpks.registry.services.registrations import authority_labels, describe
from lpks.registry.services import standards_store as store

COMPLIANCE_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE)
MAX_ROWS = 300  # rows of the expiring list (API); the figures count every row
DASHBOARD_ROWS = 20  # rows of the expiry table on the dashboard, soonest first
LOWEST_ROWS = 20  # LPKS in the compliance table, lowest compliance first; the registry lists them all


def percent(value: Decimal) -> str:
    """A compliance figure as shown: "85,50 %"."""
    return f"{format_angka(value, 2)} %"


def _verified():
    """LPKS in scope with at least one final verification round (EXISTS, so the count needs no list)."""
    return select(Verification.id).where(Verification.institution_id == Institution.id,
                                         Verification.status == FINAL).exists()


def _last_verified():
    """The last final verification day of the LPKS (a correlated subquery on the indexed institution_id)."""
    return (select(func.max(Verification.visit_date))
            .where(Verification.institution_id == Institution.id, Verification.status == FINAL).scalar_subquery())


def compliance_figures(session: Session, user, day: date, extra: dict) -> tuple[int, int, Decimal | None]:
    """(LPKS, never verified, mean overall compliance) in scope, from one aggregate over the stored evaluations;
    `extra` holds the summaries evaluated now for the LPKS whose stored row does not hold today."""
    held = store.holds(day)
    count, never, total = session.execute(
        select(func.count(Institution.id), func.count(Institution.id).filter(~_verified()),
               func.coalesce(func.sum(case((held, store.E.compliance))), 0))
        .outerjoin(store.E, store.E.institution_id == Institution.id)
        .where(scope_clause(user, Institution, READ))).one()
    total = Decimal(total) + sum((s.compliance for s in extra.values()), Decimal(0))
    mean = (total / count).quantize(Decimal("0.01")) if count else None
    return int(count), int(never), mean


def _lowest_and_outdated(session: Session, user, day: date) -> tuple[list[tuple], dict[int, store.Summary]]:
    """The LOWEST_ROWS LPKS in scope with the lowest compliance as (id, name, region, Summary, last verification),
    and the summaries evaluated now of those whose stored row does not hold (usually none): one statement, the
    holding rows' lowest and every outdated one side by side (UNION ALL)."""
    in_scope = scope_clause(user, Institution, READ)
    lowest = (select(Institution.id.label("ident"), literal(False).label("outdated"),
                     store.E.compliance.label("compliance"), store.E.unmet_mandatory.label("unmet"))
              .join(store.E, store.E.institution_id == Institution.id).where(in_scope, store.holds(day))
              .order_by(store.E.compliance, Institution.name, Institution.id).limit(LOWEST_ROWS).subquery())
    outdated = (select(Institution.id, literal(True), cast(null(), Numeric(5, 2)), cast(null(), Integer))
                .outerjoin(store.E, store.E.institution_id == Institution.id).where(in_scope, store.not_holding(day)))
    both = union_all(select(lowest), outdated).subquery()
    rows = session.execute(
        select(both.c.ident, both.c.outdated, both.c.compliance, both.c.unmet, Institution.name,
               func.coalesce(Region.name, Institution.kabkota_code), _last_verified())
        .join(Institution, Institution.id == both.c.ident)
        .outerjoin(Region, Region.code == Institution.kabkota_code)).all()
    stale = [row.ident for row in rows if row.outdated]
    extra = {}
    if stale:  # evaluated on the fly, never written (the daily refresh stores them)
        extra = store.summaries_now(session, stale, day)
    listed = []
    for ident, is_outdated, compliance, unmet, name, region, last in rows:
        summary = extra[ident] if is_outdated else store.Summary(compliance, unmet)
        listed.append((ident, name, region, summary, last))
    listed.sort(key=lambda r: (r[3].compliance, r[1], r[0]))
    return listed[:LOWEST_ROWS], extra


def _two_places(value) -> Decimal | None:
    return Decimal(value).quantize(Decimal("0.01")) if value is not None else None


def compliance_section(session: Session, user) -> Section | None:
    """The LPKS in scope with the lowest overall compliance, their unmet mandatory items and last verification;
    the figures count every LPKS in scope (stored evaluations, lpks.registry.services.standards_store)."""
    if user.role not in COMPLIANCE_ROLES:
        return None
    day = today()
    in_scope = scope_clause(user, Institution, READ)
    lowest, extra = _lowest_and_outdated(session, user, day)
    if extra:  # some LPKS evaluated on the fly: the mean adds them to the stored ones
        mean = compliance_figures(session, user, day, extra)[2]
    else:  # every stored row holds: the mean is one AVG
        mean = Figure(select(func.avg(store.E.compliance)).join(Institution, Institution.id == store.E.institution_id)
                      .where(in_scope).scalar_subquery(), _two_places)
    section = Section(_("Kepatuhan standar LPKS (Pasal 52–69)"))
    section.header = (_("LPKS"), _("Kabupaten/kota"), _("Kepatuhan"), _("Butir wajib belum terpenuhi"),
                      _("Verifikasi terakhir"))
    section.empty = _("Belum ada LPKS dalam lingkup ini.")
    for ident, name, region, summary, last in lowest:
        section.rows.append((name, region, percent(summary.compliance), summary.unmet_count,
                             last or _("belum diverifikasi")))
        section.row_links.append(url_for("registry.institution", ident=ident))
    if len(section.rows) >= LOWEST_ROWS:
        section.note = _("%(n)s LPKS dengan kepatuhan terendah; semua LPKS ada di Registri LPKS.", n=LOWEST_ROWS)
    section.tiles = [
        Tile(_("LPKS"), Figure(select(func.count(Institution.id)).where(in_scope).scalar_subquery()),
             url=url_for("registry.index")),
        Tile(_("Rata-rata kepatuhan (%)"), mean),
        Tile(_("Belum pernah diverifikasi"),
             Figure(select(func.count(Institution.id)).where(in_scope, ~_verified()).scalar_subquery()),
             url=url_for("registry.index"), level="warning", calm="success"),
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


def _count_expressions(user) -> dict[str, object]:
    """{kind: scalar COUNT} of the registrations, certificates and SPPA trainings in scope that end within the
    warning window or have ended (staff still active only)."""
    now = today()
    horizon = warning_horizon(now)
    exprs = {"registration": select(func.count(Registration.id)).where(*_registrations(user, horizon))
             .scalar_subquery()}
    for column, kind in STAFF_KINDS:
        exprs[kind] = select(func.count(StaffMember.id)).where(*_staff(user, column, now, horizon)).scalar_subquery()
    return exprs


def expiring_counts(session: Session, user) -> dict[str, int]:
    """{kind: how many} of `_count_expressions`, exact however many there are, in one statement."""
    exprs = _count_expressions(user)
    return {kind: int(n or 0) for kind, n in zip(exprs, session.execute(select(*exprs.values())).one())}


def expiring(session: Session, user, limit: int | None = None) -> list[Expiring]:
    """The registrations, certificates and SPPA trainings of `expiring_counts`, soonest first, at most `limit`
    (MAX_ROWS by default): one UNION ALL statement."""
    limit = limit or MAX_ROWS
    now = today()
    horizon = warning_horizon(now)
    parts = [select(literal(0).label("rank"), Registration.institution_id.label("institution_id"),
                    Institution.name.label("institution_name"), Registration.number.label("number"),
                    Registration.authority.label("authority"), Registration.region_code.label("region_code"),
                    Registration.valid_until.label("until"), Registration.id.label("ident"))
             .join(Institution, Institution.id == Registration.institution_id)
             .where(*_registrations(user, horizon))]
    for rank, (column, kind) in enumerate(STAFF_KINDS, start=1):
        parts.append(select(literal(rank), StaffMember.institution_id, Institution.name, StaffMember.name,
                            StaffMember.function, cast(null(), String), column, StaffMember.id)
                     .join(Institution, Institution.id == StaffMember.institution_id)
                     .where(*_staff(user, column, now, horizon)))
    union = union_all(*parts).subquery()
    labels = (_("Tanda daftar"), _("Sertifikasi"), _("Pelatihan SPPA"))
    kinds = ("registration",) + tuple(kind for _c, kind in STAFF_KINDS)
    rows: list[Expiring] = []
    authorities = authority_labels()
    for row in session.execute(select(union).order_by(union.c.until, union.c.rank, union.c.ident).limit(limit)):
        if row.rank == 0:
            subject = describe(row, authorities)
            link = url_for("registry.institution", ident=row.institution_id)
        else:
            subject = f"{row.number} ({get_staff_function(row.authority).label_id})"
            link = url_for("staff.details_view", id=row.ident)
        rows.append(Expiring(kinds[row.rank], labels[row.rank], row.institution_id, row.institution_name, subject,
                             row.until, *_state(row.until, now), link))
    return rows


def expiry_section(session: Session, user) -> Section | None:
    """Registrations, certifications and SPPA trainings ending within the warning window: exact counts, and for
    the regions the soonest MAX_ROWS with links."""
    if user.role not in (*COMPLIANCE_ROLES, ROLE_KEMENSOS):
        return None
    counts = _count_expressions(user)
    title = _("Masa berlaku berakhir dalam %(days)s hari", days=EXPIRY_WARNING_DAYS)
    section = Section(title, empty=_("Tidak ada yang berakhir dalam %(days)s hari.", days=EXPIRY_WARNING_DAYS))
    kinds = (("registration", _("Tanda daftar")), ("certification", _("Sertifikasi")),
             ("sppa", _("Pelatihan SPPA")))
    for code, kind_label in kinds:
        section.tiles.append(Tile(kind_label, Figure(counts[code]), level="warning", calm="success"))
    if user.role != ROLE_KEMENSOS:  # national: figures only, the lists belong to the regions
        rows = expiring(session, user, DASHBOARD_ROWS)
        if len(rows) >= DASHBOARD_ROWS:
            section.note = _("Ditampilkan %(n)s yang paling awal berakhir; angka di atas menghitung semuanya.",
                             n=DASHBOARD_ROWS)
        section.header = (_("Jenis"), _("LPKS"), _("Nomor / tenaga"), _("Berlaku sampai"), _("Keadaan"))
        section.rows = [(r.kind_label, r.institution_name, r.subject, r.valid_until, r.state_label) for r in rows]
        section.row_links = [r.link for r in rows]
    return section


# Registered by lpks.wiring.install(): (order, provider); a lower order shows first.
SECTIONS = [
    (20, compliance_section),
    (25, expiry_section),
]
