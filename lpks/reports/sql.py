"""Portable SQL for the figures (SQLite and PostgreSQL): dates as day numbers, the smaller and larger of two values,
and the uniform row every figure's statement yields."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Integer, String, case, cast, func, literal
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

EPOCH = date(1970, 1, 1)
# Every figure's statement yields these columns, so all of them run as one UNION ALL.
ROW_COLUMNS = ("figure", "row", "category", "value")


class day_number(FunctionElement):  # noqa: N801  (an SQL function reads as one)
    """Days since 1970-01-01 of a DATE column: date arithmetic as integers on both databases."""

    type = Integer()
    inherit_cache = True


@compiles(day_number)
def _day_number_sqlite(element, compiler, **kw):
    return "CAST(julianday(%s) - 2440587.5 AS INTEGER)" % compiler.process(element.clauses, **kw)


@compiles(day_number, "postgresql")
def _day_number_postgresql(element, compiler, **kw):
    return "(%s - DATE '1970-01-01')" % compiler.process(element.clauses, **kw)


def day(value: date) -> int:
    """The day number of a Python date (the same scale as `day_number`)."""
    return (value - EPOCH).days


def smaller(a, b) -> ColumnElement:
    """The smaller of two integer expressions (SQLite's min() and PostgreSQL's least() differ)."""
    return case((a <= b, a), else_=b)


def larger(a, b) -> ColumnElement:
    """The larger of two integer expressions."""
    return case((a >= b, a), else_=b)


def row(figure: str, row_key, category, value) -> list[ColumnElement]:
    """The uniform columns of a figure's statement, typed alike for PostgreSQL's UNION: the figure, the reader's row
    (lpks.reports.registry.Ctx.row_key), the category and the count."""
    return [literal(figure, String).label("figure"), cast(row_key, String).label("row"),
            cast(category, String).label("category"), cast(func.coalesce(value, 0), Integer).label("value")]
