"""Province and national lists: choose the page's rows first (scope, filters, sort, limit on the list's own table),
then join the many-to-one relations the columns show for those rows only, in the same statement."""
from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import lazyload


class LimitFirstMixin:
    """The list query as `... WHERE id IN (SELECT id ... ORDER BY ... LIMIT n OFFSET m) ORDER BY ...`: the database
    sorts and limits the scoped rows without the eager joins, which then touch only the page (one statement)."""

    def _apply_pagination(self, query, page, page_size):
        limited = super()._apply_pagination(query, page, page_size)
        if limited._limit_clause is None:  # export or no page size: every row, nothing to limit first
            return limited
        pk = self.model.__table__.primary_key.columns.values()[0]
        ids = limited.options(lazyload("*")).with_entities(pk).subquery()
        return query.filter(pk.in_(select(ids.c[0])))
