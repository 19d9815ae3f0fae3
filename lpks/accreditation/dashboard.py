"""Dashboard sections of the accreditation area: each role's queue ("to verify", "to recommend", "to designate"),
accreditations that expire within 180 days, and LPKS per class — all within the user's scope."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import cast, func, literal, null, select, union_all
from sqlalchemy.orm import Session

from accreditation.workflow import QUEUES
from lpks.formats import format_tanggal
from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.registry.models.institution import Institution
from lpks.platform.models.user import ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause

from lpks.accreditation.services import classes
from lpks.accreditation import reports
from lpks.platform import clock
from lpks.platform.dashboard import Section, Tile, count_of

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


# Both lists below come from one statement (UNION ALL); each part gives these columns, in this order.
LIST_COLUMNS = ("kind", "ident", "state", "since", "total", "grade", "until", "decree")


def _part(kind: int, stmt, **values):
    """One list's first LIST_LIMIT assessments (in its own order) with LIST_COLUMNS and the LPKS name."""
    table = Assessment.__table__.c
    columns = {"state": table.state, "since": table.state_changed_at, "total": table.total, "grade": table.grade,
               "until": table.valid_until, "decree": table.decree_number}
    picked = [literal(kind).label("kind"), Assessment.id.label("ident")]
    picked += [(values[name] if name in values else cast(null(), column.type)).label(name)
               for name, column in columns.items()]
    return select(reports.named(stmt.with_only_columns(*picked)).limit(LIST_LIMIT).subquery())


def accreditation_sections(session: Session, user) -> list[Section] | None:
    """The user's accreditation queue and the accreditations in scope ending within 180 days (soonest first), each
    row linking to its assessment; both lists read in one statement."""
    if user.role not in QUEUES:
        return None
    queue_stmt, expiring_stmt = reports.queue_select(user), reports.expiring_select(user)
    counts = _class_counts(session, user)
    queue = Section(str(QUEUE_TITLES[user.role]), tiles=[
        Tile(_("Menunggu tindakan Anda"), count_of(queue_stmt), "accreditation.index", level="warning",
             calm="secondary"),
        Tile(_("Akreditasi berakhir ≤ 180 hari"), count_of(expiring_stmt), "accreditation.index",
             level="warning", calm="secondary"),
        Tile(_("LPKS kelas A"), counts["A"], "accreditation_class.index"),
        Tile(_("LPKS kelas B"), counts["B"], "accreditation_class.index"),
        Tile(_("LPKS kelas C"), counts["C"], "accreditation_class.index"),
        Tile(_("LPKS tanpa kelas"), counts[None], "accreditation_class.index")],
        header=(_("LPKS"), _("Status"), _("Sejak"), _("Nilai sementara")),
        empty=_("Tidak ada penilaian yang menunggu tindakan Anda."))
    expiring = Section(_("Akreditasi yang berakhir dalam 180 hari"),
                       header=(_("LPKS"), _("Nilai akreditasi"), _("Berlaku sampai"), _("Nomor keputusan")),
                       empty=_("Tidak ada akreditasi yang berakhir dalam 180 hari."))
    table = Assessment.__table__.c
    rows = session.execute(union_all(
        _part(0, queue_stmt, state=table.state, since=table.state_changed_at, total=table.total),
        _part(1, expiring_stmt, grade=table.grade, until=table.valid_until, decree=table.decree_number))).all()
    for row in sorted(rows, key=lambda r: (r.kind, r.since or r.until, r.ident)):
        link = url_for("accreditation.detail", ident=row.ident)
        if row.kind == 0:
            queue.rows.append((row.name, reports.state_name(row.state), format_tanggal(row.since), row.total))
            queue.row_links.append(link)
        else:
            expiring.rows.append((row.name, row.grade, row.until, row.decree))
            expiring.row_links.append(link)
    return [queue, expiring]


# Registered by lpks.wiring.install(): (order, provider); a lower order shows first.
SECTIONS = [
    (40, accreditation_sections),
]
