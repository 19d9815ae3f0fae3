"""Pagination of scoped lists."""
from __future__ import annotations

from flask import request
from flask_babel import gettext as _
from sqlalchemy import Select, inspect

from lpks.extensions import db
from lpks.platform import paging as limits
from lpks.platform.errors import ServiceError

MAX_PER_PAGE = 100


def _positive(name: str, default: int, maximum: int | None = None) -> int:
    raw = request.args.get(name, default)
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise ServiceError(_("Parameter '%(name)s' harus bilangan bulat positif.", name=name), name) from None
    if value < 1 or (maximum and value > maximum):
        if maximum:
            raise ServiceError(_("Parameter '%(name)s' harus paling kecil 1 dan paling besar %(maximum)s.",
                                 name=name, maximum=maximum), name)
        raise ServiceError(_("Parameter '%(name)s' harus paling kecil 1.", name=name), name)
    return value


def paginate(stmt: Select, serialize) -> dict:
    """One page of a SELECT: {"items", "page", "per_page", "total"} and, when the list has more than COUNT_CAP rows,
    "total" = COUNT_CAP and "total_capped": true; `serialize` gets an object, or a row when the SELECT has several
    columns. Pages deeper than MAX_OFFSET rows are refused (422): filter, sort the other way, or export."""
    page = _positive("page", 1)
    per_page = _positive("per_page", 20, MAX_PER_PAGE)
    offset = (page - 1) * per_page
    if offset > limits.MAX_OFFSET:
        raise ServiceError(_("Halaman terlalu jauh: daftar dibaca paling jauh sampai baris ke-%(n)s. Persempit "
                             "dengan filter, balik urutannya, atau gunakan ekspor.", n=limits.MAX_OFFSET), "page")
    counted = limits.capped_count(db.session, stmt)
    capped = counted > limits.COUNT_CAP
    # A SELECT of one entity gives objects; of several columns (an object and a joined name) gives rows.
    if len(stmt.column_descriptions) > 1:
        rows = db.session.execute(stmt.limit(per_page).offset(offset)).all()
    else:
        rows = db.session.scalars(_limit_first(stmt, per_page, offset)).all()
    body = {"items": [serialize(r) for r in rows], "page": page, "per_page": per_page,
            "total": limits.COUNT_CAP if capped else counted}
    if capped:
        body["total_capped"] = True
    return body


def _limit_first(stmt: Select, limit: int, offset: int) -> Select:
    """`... WHERE id IN (SELECT id ... ORDER BY ... LIMIT n OFFSET m) ORDER BY ...`: the database sorts and limits
    the scoped ids (an index can answer), and the eager joins of the entity touch only the page's rows."""
    entity = stmt.column_descriptions[0].get("entity")
    keys = getattr(inspect(entity), "primary_key", ()) if entity is not None else ()  # an alias: plain paging
    if len(keys) != 1 or stmt._group_by_clauses or stmt._distinct:
        return stmt.limit(limit).offset(offset)
    ids = stmt.with_only_columns(keys[0]).limit(limit).offset(offset)
    return stmt.where(keys[0].in_(ids))


PAGING_PARAMS = [
    {"name": "page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1}},
    {"name": "per_page", "in": "query", "required": False, "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}},
]
