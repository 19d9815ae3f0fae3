"""The figure registry: a figure is one declaration (key, title, definition, SQL builder, grouping), and every page,
workbook, PDF, API answer and report snapshot is made from the same computation of the declared figures."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Select, String, and_, cast, func, literal

from lpks.reports.scope import Area, Period
from lpks.security import READ, scope_clause

BAR, LINE = "bar", "line"
OFFICE_ROW = "office"  # a Dinas Sosial's own rows (cases it handles itself), beside its LPKS


@dataclass(frozen=True)
class Ctx:
    """What a figure's SQL builder needs: the user (the policy's scope), the area and the period."""

    user: Any
    area: Area
    period: Period
    memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    def once(self, name: str, build: Callable[[], Any]) -> Any:
        """A relation several figures read (a CTE), built once per computation: the table is scanned once."""
        if name not in self.memo:
            self.memo[name] = build()
        return self.memo[name]

    def lpks(self):
        """The LPKS of the area, within the user's scope (the one policy): a condition on Institution."""
        from lpks.registry.models.institution import Institution

        return and_(self.area.institutions(), scope_clause(self.user, Institution, READ))

    def lpks_row(self):
        """The row of the reader's table an LPKS's counts fall in, as a column of Institution (joined by the
        figure): its province for the nation, its kabupaten/kota for a province, the LPKS itself below that. Real
        columns keep the database's estimates right, so every count is a hash aggregate."""
        from lpks.registry.models.institution import Institution
        from lpks.security.areas import AREA_NATIONAL, AREA_PROVINCE

        if self.area.kind == AREA_NATIONAL:
            return Institution.province_code
        if self.area.kind == AREA_PROVINCE:
            return Institution.kabkota_code
        return cast(Institution.id, String)

    def office_row(self, region_code):
        """The row a Dinas Sosial kabupaten/kota's own counts (no LPKS) fall in: its province, itself, or
        OFFICE_ROW beside the LPKS of its own table."""
        from lpks.security.areas import AREA_NATIONAL, AREA_PROVINCE

        if self.area.kind == AREA_NATIONAL:
            return func.substr(region_code, 1, 2)
        if self.area.kind == AREA_PROVINCE:
            return region_code
        return literal(OFFICE_ROW)


@dataclass(frozen=True)
class Figure:
    """One figure: what it counts (`definition`: what is counted, on which date), in which unit, grouped into which
    categories, and the SQL that counts it over an area and a period.

    `sql(ctx, key)` returns SELECTs (lpks.reports.sql.row columns: figure, kabupaten/kota, LPKS id or None for a
    Dinas Sosial office's own rows, category code, value) grouped by LPKS and category. `categories(period)` gives
    the codes in their order, `label(code)` a code's name in the reader's language, `children(code)` whether the
    category counts children (masked below 3 for province and national readers)."""

    key: str
    section: str
    title: Any         # lazy text: rendered in the reader's language
    definition: Any
    unit: Any
    sql: Callable[[Ctx, str], Sequence[Select]]
    categories: Callable[[Period], Sequence[str]]
    label: Callable[[str], str]
    children: Callable[[str], bool] = lambda code: True
    total: bool = True
    chart: str | None = BAR
    headline: bool = False
    ratios: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = field(default=())


@dataclass(frozen=True)
class Shared:
    """One scan that counts several figures at once: `build(ctx, key, dimensions)` returns SELECTs whose category
    joins every dimension's value with SEP, grouped by all of them (each figure then sums over its own dimension).
    Figures of one table and one row set (children served by kind, sex, age) cost one pass instead of three."""

    key: str
    build: Callable[[Ctx, str, Sequence[Any]], Sequence[Select]]


@dataclass(frozen=True)
class SharedPart:
    """A figure's SQL as one dimension of a shared scan: `dimension()` is the column it groups by."""

    source: Shared
    dimension: Callable[[], Any]

    def __call__(self, ctx: Ctx, key: str) -> Sequence[Select]:
        return self.source.build(ctx, key, [self.dimension()])


SEP = "|"
REGISTRY: dict[str, Figure] = {}
SECTIONS: dict[str, Any] = {}


def section(key: str, title: Any) -> None:
    """Declare a section of the figures page (in declaration order)."""
    SECTIONS[key] = title


def declare(figure: Figure) -> Figure:
    """Add a figure to the registry (in declaration order; a key is declared once)."""
    if figure.key in REGISTRY:
        raise ValueError(f"figure {figure.key!r} declared twice")
    REGISTRY[figure.key] = figure
    return figure


def fixed(codes: Iterable[str]) -> Callable[[Period], Sequence[str]]:
    """Categories that do not depend on the period."""
    codes = tuple(codes)
    return lambda period: codes


def enum_labels(enum_type: type) -> Callable[[str], str]:
    """Labels of a LabelledEnum's codes in the reader's language."""
    def label(code: str) -> str:
        from lpks.residents.services.common import locale_code

        try:
            return enum_type(code).label(locale_code())
        except ValueError:
            return code
    return label


def mapped_labels(labels: dict[str, Any]) -> Callable[[str], str]:
    """Labels from a {code: lazy text} table."""
    return lambda code: str(labels[code]) if code in labels else code
