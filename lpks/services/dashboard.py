"""Dashboards: one per role, built from sections that each feature area contributes.

Every figure comes from an aggregate or indexed query within the user's scope (never rows loaded
into Python to be counted). A section provider is `fn(session, user) -> Section | None`, registered
with `register_section`; translated labels come from `flask_babel` inside the provider.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, Callable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.models import ApiToken, AuditLog, Institution, Region, User
from lpks.models.base import utcnow
from lpks.models.user import ROLE_ADMIN, ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE
from lpks.security import READ, scope_clause


@dataclass
class Tile:
    """One figure, with where it leads (an endpoint name, or a ready URL)."""

    label: str
    value: Any
    endpoint: str | None = None
    url: str | None = None
    level: str = "secondary"  # bootstrap contextual class: danger, warning, success…


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


Provider = Callable[[Session, Any], "Section | None"]
_PROVIDERS: list[tuple[int, Provider]] = []


def register_section(order: int):
    """Decorator: add a section provider; lower `order` shows first."""
    def wrap(fn: Provider) -> Provider:
        if all(existing is not fn for _o, existing in _PROVIDERS):
            _PROVIDERS.append((order, fn))
            _PROVIDERS.sort(key=lambda item: item[0])
        return fn
    return wrap


TITLES = {
    ROLE_OPERATOR: _l("Dasbor LPKS"), ROLE_KABKOTA: _l("Dasbor Dinas Sosial Kabupaten/Kota"),
    ROLE_PROVINCE: _l("Dasbor Dinas Sosial Provinsi"), ROLE_KEMENSOS: _l("Dasbor Kementerian Sosial"),
    ROLE_ADMIN: _l("Dasbor Administrator Sistem"),
}


def _scope_name(session: Session, user) -> str:
    if user.role == ROLE_OPERATOR:
        inst = session.get(Institution, user.institution_id)
        return inst.name if inst else "-"
    if user.role in (ROLE_KABKOTA, ROLE_PROVINCE):
        region = session.get(Region, user.region_code)
        return region.name if region else "-"
    return _("Nasional")


def build(session: Session, user) -> Dashboard:
    """The dashboard of the user's role within the user's scope."""
    board = Dashboard(str(TITLES[user.role]), _scope_name(session, user))
    for _order, provider in _PROVIDERS:
        section = provider(session, user)
        if section is not None:
            board.sections.append(section)
    return board


@register_section(10)
def institutions_section(session: Session, user) -> Section | None:
    """LPKS count and places in scope; per province (national) or per regency/city (province)."""
    if user.role == ROLE_ADMIN:
        return None
    places = Institution.capacity_boys + Institution.capacity_girls
    count, capacity = session.execute(
        select(func.count(Institution.id), func.coalesce(func.sum(places), 0))
        .where(scope_clause(user, Institution, READ))).one()
    section = Section(_("Lembaga"), tiles=[
        Tile(_("Jumlah LPKS"), int(count), "institution.index_view"),
        Tile(_("Kapasitas (tempat)"), int(capacity))])
    group = {ROLE_KEMENSOS: Institution.province_code, ROLE_PROVINCE: Institution.kabkota_code}.get(user.role)
    if group is not None:
        stmt = (select(Region.code, Region.name, func.count(Institution.id), func.coalesce(func.sum(places), 0))
                .join(Institution, group == Region.code).where(scope_clause(user, Institution, READ))
                .group_by(Region.code, Region.name).order_by(Region.code))
        section.header = (_("Kode"), _("Wilayah"), _("Jumlah LPKS"), _("Kapasitas (tempat)"))
        section.rows = [tuple(r) for r in session.execute(stmt)]
        section.empty = _("Belum ada LPKS dalam lingkup ini.")
    return section


@register_section(90)
def administration_section(session: Session, user) -> Section | None:
    """Users by role, failed logins in the last 24 hours, active API tokens (administrator)."""
    if user.role != ROLE_ADMIN:
        return None
    since = utcnow() - timedelta(days=1)
    by_role = session.execute(select(User.role, func.count()).group_by(User.role).order_by(User.role)).all()
    failures = session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action == "login_failure", AuditLog.at >= since)) or 0
    tokens = session.scalar(select(func.count()).select_from(ApiToken).where(ApiToken.revoked_at.is_(None))) or 0
    return Section(_("Pengguna dan keamanan"), tiles=[
        Tile(_("Pengguna"), sum(n for _r, n in by_role), "user.index_view"),
        Tile(_("Gagal masuk (24 jam)"), failures, "audit.index_view", level="warning" if failures else "secondary"),
        Tile(_("Token API aktif"), tokens, "token.index_view")],
        header=(_("Peran"), _("Pengguna")), rows=[tuple(r) for r in by_role])
