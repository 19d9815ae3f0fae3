"""Dashboard sections of the accreditation area: each role's queue ("to verify", "to recommend", "to designate"),
accreditations that expire within 180 days, and LPKS per class — all within the user's scope."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from accreditation.workflow import QUEUES
from lpks.i18n import format_tanggal
from lpks.models import Assessment, Institution, InstitutionClass
from lpks.models.user import ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause

from . import accreditation_classes as classes
from . import accreditation_reports as reports
from . import clock
from .dashboard import Section, Tile, count_of, register_section

QUEUE_TITLES = {ROLE_OPERATOR: _l("Penilaian mandiri untuk diisi atau diperbaiki"),
                ROLE_KABKOTA: _l("Akreditasi untuk diverifikasi"),
                ROLE_PROVINCE: _l("Akreditasi untuk direkomendasikan"), ROLE_KEMENSOS: _l("Akreditasi untuk ditetapkan")}
LIST_LIMIT = 10


def _class_counts(session: Session, user) -> dict[str | None, int]:
    """LPKS per class: an aggregate over stored classes still valid; the expired few classified again."""
    today = clock.today()
    in_scope = InstitutionClass.institution_id.in_(select(Institution.id).where(scope_clause(user, Institution, READ)))
    expired = func.coalesce(InstitutionClass.valid_until < today, False)
    counts: dict[str | None, int] = dict.fromkeys(("A", "B", "C", None), 0)
    lapsed = 0
    rows = select(InstitutionClass.klass, expired.label("expired")).where(in_scope).subquery()
    for klass, is_expired, n in session.execute(select(rows.c.klass, rows.c.expired, func.count())
                                                .group_by(rows.c.klass, rows.c.expired)):
        if is_expired:
            lapsed += n
        else:
            counts[klass] += n
    if lapsed:  # the daily `lpks accreditation expire` has not run yet: classify those few on the fly
        for row in session.scalars(select(InstitutionClass).where(in_scope, InstitutionClass.valid_until < today)):
            counts[classes.view_of(row, today).klass] += 1
    return counts


def _listed(session: Session, stmt, *columns) -> list[tuple]:
    """The first LIST_LIMIT rows of a SELECT of assessments as (id, *columns, LPKS name): plain columns, not
    objects (a dashboard shows a few fields)."""
    return session.execute(reports.named(stmt.with_only_columns(Assessment.id, *columns)).limit(LIST_LIMIT)).all()


@register_section(40)
def accreditation_section(session: Session, user) -> Section | None:
    """The user's accreditation queue, with a link to each assessment."""
    if user.role not in QUEUES:
        return None
    queue_stmt = reports.queue_select(user)
    counts = _class_counts(session, user)
    section = Section(str(QUEUE_TITLES[user.role]), tiles=[
        Tile(_("Menunggu tindakan Anda"), count_of(queue_stmt), "accreditation.index", level="warning",
             calm="secondary"),
        Tile(_("Akreditasi berakhir ≤ 180 hari"), count_of(reports.expiring_select(user)), "accreditation.index",
             level="warning", calm="secondary"),
        Tile(_("LPKS kelas A"), counts["A"], "accreditation_class.index"),
        Tile(_("LPKS kelas B"), counts["B"], "accreditation_class.index"),
        Tile(_("LPKS kelas C"), counts["C"], "accreditation_class.index"),
        Tile(_("LPKS tanpa kelas"), counts[None], "accreditation_class.index")],
        header=(_("LPKS"), _("Status"), _("Sejak"), _("Nilai sementara")),
        empty=_("Tidak ada penilaian yang menunggu tindakan Anda."))
    for ident, state, since, total, name in _listed(session, queue_stmt, Assessment.state,
                                                   Assessment.state_changed_at, Assessment.total):
        section.rows.append((name, reports.state_name(state), format_tanggal(since), total))
        section.row_links.append(url_for("accreditation.detail", ident=ident))
    return section


@register_section(41)
def expiring_section(session: Session, user) -> Section | None:
    """Accreditations in scope that end within 180 days, soonest first."""
    if user.role not in QUEUES:
        return None
    section = Section(_("Akreditasi yang berakhir dalam 180 hari"),
                      header=(_("LPKS"), _("Nilai akreditasi"), _("Berlaku sampai"), _("Nomor keputusan")),
                      empty=_("Tidak ada akreditasi yang berakhir dalam 180 hari."))
    for ident, grade, until, decree, name in _listed(session, reports.expiring_select(user), Assessment.grade,
                                                    Assessment.valid_until, Assessment.decree_number):
        section.rows.append((name, grade, until, decree))
        section.row_links.append(url_for("accreditation.detail", ident=ident))
    return section
