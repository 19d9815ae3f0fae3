"""Dashboards: one per role, built from sections that each feature area contributes.

Every figure comes from an aggregate or indexed query within the user's scope (never rows loaded
into Python to be counted). A section provider is `fn(session, user) -> Section | None`, registered
with `add_section` (from lpks.wiring); translated labels come from `flask_babel` inside the provider.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Callable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select, true
from sqlalchemy.orm import Session

from lpks.platform.labels import role_label
from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import Region
from lpks.platform.models.user import (
    ROLE_ADMIN,
    ROLE_KABKOTA,
    ROLE_KEMENSOS,
    ROLE_OPERATOR,
    ROLE_PROVINCE,
    ApiToken,
    User,
)
from lpks.registry.models.institution import Institution
from lpks.security import READ, scope_clause


def whole(value) -> int:
    """A count as read from the database (NULL from an empty SUM is 0)."""
    return int(value or 0)


@dataclass(frozen=True)
class Figure:
    """A number the dashboard reads together with every other figure of the page, in one statement: `expr` is a
    scalar SQL expression (see `count_of`), or a column of `source`, a one-row subquery that gives several figures
    in one pass (see `counts_of`); `convert` turns what the database returns into the tile's value."""

    expr: Any
    convert: Callable[[Any], Any] = whole
    source: Any = None


def count_of(stmt) -> Figure:
    """The number of rows `stmt` selects, as a Figure."""
    return Figure(select(func.count()).select_from(stmt.order_by(None).subquery()).scalar_subquery())


def counts_of(stmt, conditions: dict[str, Any]) -> dict[str, Figure]:
    """{name: Figure} counting the rows of `stmt` that meet each condition, in one pass over them (FILTER)."""
    source = stmt.with_only_columns(*[func.count().filter(cond).label(name) for name, cond in conditions.items()]
                                    ).subquery()
    return {name: Figure(source.c[name], source=source) for name in conditions}


@dataclass
class Tile:
    """One figure, with where it leads (an endpoint name, or a ready URL). A Figure value is read by `resolve`;
    `calm` is the level shown when the figure is zero."""

    label: str
    value: Any
    endpoint: str | None = None
    url: str | None = None
    level: str = "secondary"  # bootstrap contextual class: danger, warning, success…
    calm: str | None = None


@dataclass
class Section:
    """A titled group of tiles and an optional table; a row may carry a link as its last item."""

    title: str
    tiles: list[Tile] = field(default_factory=list)
    header: tuple[str, ...] = ()
    rows: list[tuple] = field(default_factory=list)
    row_links: list[str | None] = field(default_factory=list)
    empty: str = ""
    note: str = ""  # a sentence shown under the title (a warning, an explanation)


@dataclass
class Dashboard:
    """Everything one role sees on its home page."""

    title: str
    scope: str
    sections: list[Section] = field(default_factory=list)


Provider = Callable[[Session, Any], "Section | list[Section] | None"]
_PROVIDERS: list[tuple[int, Provider]] = []


def add_section(order: int, provider: Provider) -> None:
    """Add a section provider once (lpks.wiring.install calls this); a lower `order` shows first."""
    if all(existing is not provider for _o, existing in _PROVIDERS):
        _PROVIDERS.append((order, provider))
        _PROVIDERS.sort(key=lambda item: item[0])


TITLES = {
    ROLE_OPERATOR: _l("Dasbor LPKS"), ROLE_KABKOTA: _l("Dasbor Dinas Sosial Kabupaten/Kota"),
    ROLE_PROVINCE: _l("Dasbor Dinas Sosial Provinsi"), ROLE_KEMENSOS: _l("Dasbor Kementerian Sosial"),
    ROLE_ADMIN: _l("Dasbor Administrator Sistem"),
}


def _scope_name(user):
    """The name of the user's LPKS or region as a scalar SQL expression (read with the figures), or None."""
    if user.role == ROLE_OPERATOR:
        return select(Institution.name).where(Institution.id == user.institution_id).scalar_subquery()
    if user.role in (ROLE_KABKOTA, ROLE_PROVINCE):
        return select(Region.name).where(Region.code == user.region_code).scalar_subquery()
    return None


def resolve(session: Session, sections: list[Section], *extra) -> list:
    """Read every Figure of the sections (and the `extra` expressions) in ONE statement and put the numbers in
    their tiles; returns the values of `extra`."""
    tiles = [tile for section in sections for tile in section.tiles if isinstance(tile.value, Figure)]
    if not tiles and not extra:
        return []
    stmt = select(*[tile.value.expr for tile in tiles], *extra)
    sources: list = []
    for tile in tiles:
        if tile.value.source is not None and all(tile.value.source is not known for known in sources):
            sources.append(tile.value.source)
    if sources:  # one-row subqueries side by side (joined on true: no cartesian product to warn about)
        joined = sources[0]
        for source in sources[1:]:
            joined = joined.join(source, true())
        stmt = stmt.select_from(joined)
    values = session.execute(stmt).one()
    for tile, value in zip(tiles, values):
        tile.value = tile.value.convert(value)
        if tile.calm and not tile.value:
            tile.level = tile.calm
    return list(values[len(tiles):])


def build(session: Session, user) -> Dashboard:
    """The dashboard of the user's role within the user's scope; its figures read in one statement."""
    board = Dashboard(str(TITLES[user.role]), _("Nasional"))
    for _order, provider in _PROVIDERS:
        section = provider(session, user)
        if isinstance(section, list):  # a provider may give several sections read together
            board.sections.extend(section)
        elif section is not None:
            board.sections.append(section)
    scope = _scope_name(user)
    names = resolve(session, board.sections, *([scope] if scope is not None else []))
    if names:
        board.scope = names[0] or "-"
    return board


def institutions_section(session: Session, user) -> Section | None:
    """LPKS count and places in scope; per province (national) or per regency/city (province)."""
    if user.role == ROLE_ADMIN:
        return None
    # places the Dinas Sosial verified (issue 18); an unverified LPKS counts none
    places = func.coalesce(Institution.verified_capacity_boys, 0) + func.coalesce(Institution.verified_capacity_girls, 0)
    in_scope = scope_clause(user, Institution, READ)
    section = Section(_("Lembaga"), tiles=[
        Tile(_("Jumlah LPKS"), Figure(select(func.count(Institution.id)).where(in_scope).scalar_subquery()),
             "institution.index_view"),
        Tile(_("Kapasitas (tempat)"),
             Figure(select(func.coalesce(func.sum(places), 0)).where(in_scope).scalar_subquery()))])
    group = {ROLE_KEMENSOS: Institution.province_code, ROLE_PROVINCE: Institution.kabkota_code}.get(user.role)
    if group is not None:
        stmt = (select(Region.code, Region.name, func.count(Institution.id), func.coalesce(func.sum(places), 0))
                .join(Institution, group == Region.code).where(in_scope)
                .group_by(Region.code, Region.name).order_by(Region.code))
        section.header = (_("Kode"), _("Wilayah"), _("Jumlah LPKS"), _("Kapasitas (tempat)"))
        section.rows = [tuple(r) for r in session.execute(stmt)]
        section.empty = _("Belum ada LPKS dalam lingkup ini.")
    return section


def administration_section(session: Session, user) -> Section | None:
    """Users by role, failed logins in the last 24 hours, active API tokens (administrator)."""
    if user.role != ROLE_ADMIN:
        return None
    since = utcnow() - timedelta(days=1)
    by_role = session.execute(select(User.role, func.count()).group_by(User.role).order_by(User.role)).all()
    failures = select(func.count()).select_from(AuditLog).where(AuditLog.action == "login_failure",
                                                                 AuditLog.at >= since)
    tokens = select(func.count()).select_from(ApiToken).where(ApiToken.revoked_at.is_(None),
                                                              ApiToken.expires_at > utcnow())
    refused = select(func.coalesce(func.sum(AuditTally.hits), 0)).where(AuditTally.action == "access_refused",
                                                                        AuditTally.window_start >= since)
    return Section(_("Pengguna dan keamanan"), tiles=[
        Tile(_("Pengguna"), sum(n for _r, n in by_role), "user.index_view"),
        Tile(_("Gagal masuk (24 jam)"), Figure(failures.scalar_subquery()), "audit.index_view", level="warning",
             calm="secondary"),
        Tile(_("Akses ditolak (24 jam)"), Figure(refused.scalar_subquery()), "audit.index_view", level="warning",
             calm="secondary"),
        Tile(_("Token API aktif"), Figure(tokens.scalar_subquery()), "token.index_view")],
        header=(_("Peran"), _("Pengguna")), rows=[(role_label(r), n) for r, n in by_role])


# Registered by lpks.wiring.install(): (order, provider); a lower order shows first.
SECTIONS = [
    (10, institutions_section),
    (90, administration_section),
]
