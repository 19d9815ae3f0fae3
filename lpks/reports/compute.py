"""One computation of every declared figure over an area and a period: a single UNION ALL statement counts each
figure per LPKS and category, then the counts are summed into the rows the reader sees (the provinces of the nation,
the kabupaten/kota of a province, the LPKS of a kabupaten/kota). The result is plain data (`as_data`): exact numbers,
never masked; the page, workbook, PDF, API and a report's frozen snapshot all read it."""
from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select, text, union_all
from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.platform.models.region import LEVEL_KABKOTA, LEVEL_PROVINCE, Region
from lpks.registry.models.institution import Institution
from lpks.reports import figures as _declarations  # noqa: F401  (declares the figures)
from lpks.reports.registry import (
    OFFICE_ROW,
    REGISTRY,
    SEP,
    Ctx,
    Figure,
    Shared,
    SharedPart,
)
from lpks.reports.scope import Area, Period
from lpks.security import READ, scope_clause
from lpks.security.areas import AREA_KABKOTA, AREA_NATIONAL, AREA_PROVINCE


def figure_meta(figure: Figure, period: Period) -> dict[str, Any]:
    """What a reader of the numbers needs besides the texts: section, chart, categories, which count children."""
    categories = list(figure.categories(period))
    return {"section": figure.section, "chart": figure.chart, "total": figure.total, "headline": figure.headline,
            "categories": categories, "children": [c for c in categories if figure.children(c)],
            "ratios": [[code, list(num), list(den)] for code, num, den in figure.ratios]}


def _rows(session: Session, user: Any, area: Area) -> list[dict[str, Any]]:
    """The row headers of the area's tables, in order: regions below it, or its LPKS (in the user's scope)."""
    if area.kind in (AREA_NATIONAL, AREA_PROVINCE):
        level = LEVEL_PROVINCE if area.kind == AREA_NATIONAL else LEVEL_KABKOTA
        stmt = select(Region.code, Region.name).where(Region.level == level)
        if area.kind == AREA_PROVINCE:
            stmt = stmt.where(Region.province_code == area.code)
        return [{"code": code, "name": name, "area": code}
                for code, name in session.execute(stmt.order_by(Region.code))]
    stmt = (select(Institution.id, Institution.name).where(area.institutions(), scope_clause(user, Institution, READ))
            .order_by(Institution.name, Institution.id))
    return [{"code": str(ident), "name": name, "area": None} for ident, name in session.execute(stmt)]


def compute(session: Session, user: Any, area: Area, period: Period, keys: list[str] | None = None) -> dict:
    """Every figure (or those in `keys`) over `area` and `period`, as plain data with exact numbers."""
    chosen = [REGISTRY[k] for k in (keys or REGISTRY)]
    ctx = Ctx(user, area, period)
    shared: dict[Shared, list[Figure]] = defaultdict(list)
    parts = []
    for figure in chosen:
        if isinstance(figure.sql, SharedPart):
            shared[figure.sql.source].append(figure)
        else:
            parts.extend(figure.sql(ctx, figure.key))
    for source, members in shared.items():  # one scan for the figures of a shared source
        parts.extend(source.build(ctx, source.key, [f.sql.dimension() for f in members]))
    split = {source.key: [f.key for f in members] for source, members in shared.items()}
    values: dict[str, dict[str, dict[str, int]]] = {f.key: defaultdict(lambda: defaultdict(int)) for f in chosen}
    if session.get_bind().dialect.name == "postgresql":
        # For this one large statement, within this transaction: no JIT (PostgreSQL compiled it on every request,
        # about 0.9 s, for a statement that runs in less) and a plan made for the area's own values (psycopg
        # prepares a statement run often; the generic plan PostgreSQL then chose for a province took six times as
        # long as the plan for its code). Measured at national scale (README, Performance).
        session.execute(text("SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan"))
    for key, row_key, category, value in session.execute(union_all(*parts)):
        if not value:
            continue
        row_key = row_key or "-"
        if key in split:
            for figure_key, code in zip(split[key], str(category).split(SEP)):
                values[figure_key][row_key][code or "unknown"] += int(value)
        else:
            values[key][row_key][str(category)] += int(value)
    rows = _rows(session, user, area)
    known = {r["code"] for r in rows}
    for figure_values in values.values():
        for code in figure_values:
            if code not in known:  # a region missing from the region table, or a Dinas Sosial's own rows
                rows.append({"code": code, "name": None, "area": None})
                known.add(code)
    return {
        "area": {"kind": area.kind, "code": area.code, "name": area.name, "param": area.param},
        "period": {"from": period.start.isoformat(), "to": period.end.isoformat(),
                   "reference": period.reference.isoformat()},
        "computed_at": clock.now().isoformat(timespec="seconds"),
        "row_kind": area.rows,
        "rows": rows,
        "figures": {f.key: {**figure_meta(f, period),
                            "values": {row: dict(cats) for row, cats in values[f.key].items()}} for f in chosen},
    }


def totals(data: dict, key: str) -> dict[str, int]:
    """A figure's sum over every row, per category (exact)."""
    out: dict[str, int] = defaultdict(int)
    for cats in data["figures"][key]["values"].values():
        for category, value in cats.items():
            out[category] += value
    return dict(out)


def drill_kind(area_kind: str) -> str | None:
    """The kind of area a row of this area's tables opens (nation → province → kabupaten/kota)."""
    return {AREA_NATIONAL: AREA_PROVINCE, AREA_PROVINCE: AREA_KABKOTA}.get(area_kind)


__all__ = ["OFFICE_ROW", "compute", "drill_kind", "figure_meta", "totals"]
