"""List pages that stay cheap at any scope: counts exact up to COUNT_CAP and "lebih dari 10.000" beyond it, offsets
bounded by MAX_OFFSET (the pager reaches page 500 of 20 rows; sort the other way or filter to see further), and
province and national lists that choose their page's rows first (scope, filters, sort, limit on the list's own
table), then join the many-to-one relations the columns show for those rows only, in the same statement."""
from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import func, literal_column, select
from sqlalchemy.orm import Query, lazyload

from lpks.formats import format_angka
from lpks.platform import paging


class CappedCount(int):
    """A count that stopped at the cap: a number for the pager, "lebih dari 10.000" on the page."""

    def __str__(self) -> str:
        return _("lebih dari %(n)s", n=format_angka(paging.COUNT_CAP))


class CappedCountQuery(Query):
    """Flask-Admin's count query, counted no further than COUNT_CAP + 1 rows of the filtered scope (an exact
    `count(*)` of a national list reads every row of it on every page)."""

    def scalar(self):
        inner = self.with_entities(literal_column("1")).limit(paging.COUNT_CAP + 1).subquery()
        n = self.session.execute(select(func.count()).select_from(inner)).scalar_one()
        return CappedCount(n) if n > paging.COUNT_CAP else n


def bounded_page(page: int | None, page_size: int | None) -> int | None:
    """The page, no deeper than MAX_OFFSET rows."""
    if page and page_size:
        return min(page, paging.MAX_OFFSET // page_size)
    return page


class LimitFirstMixin:
    """The list query as `... WHERE id IN (SELECT id ... ORDER BY ... LIMIT n OFFSET m) ORDER BY ...`: the database
    sorts and limits the scoped rows without the eager joins, which then touch only the page (one statement)."""

    def _apply_pagination(self, query, page, page_size):
        limited = super()._apply_pagination(query, page, page_size)
        if limited._limit_clause is None:  # no page size: every row, nothing to limit first
            return limited
        pk = self.model.__table__.primary_key.columns.values()[0]
        ids = limited.options(lazyload("*")).with_entities(pk).subquery()
        return query.filter(pk.in_(select(ids.c[0])))
