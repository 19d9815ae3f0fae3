"""Untrusted request input the views never see unchecked: integer query parameters, path ids, JSON nesting.

A page number or an id beyond what the database holds used to reach SQL and answer 500 (SQLite's overflow,
PostgreSQL's int4/int8 range) on some 30 list parameters; each now answers 422 naming the parameter. A path id
beyond that range answers 404, and a JSON body nested 1,000 levels deep, which exhausted the parser's
recursion (500), answers 400."""
from __future__ import annotations

from typing import Any

from flask.json.provider import DefaultJSONProvider
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from lpks.platform.errors import ServiceError
from lpks.platform.numbers import DB_INT_MAX, in_db_range, looks_whole, parse_whole

# Parameters that always hold a whole number: paging, ids, a year, a period or document of a placement, sorting.
INTEGER_NAMES = frozenset({"page", "per_page", "page_size", "id", "year", "period", "doc", "sort", "desc"})


def is_integer_param(name: str) -> bool:
    """Parameters holding a number by name: the list above and every `…_id`."""
    return name in INTEGER_NAMES or name.endswith("_id")


def out_of_range(name: str, minimum: int = 0, maximum: int = DB_INT_MAX) -> ServiceError:
    """The refusal of an integer parameter, naming it and the range."""
    return ServiceError(_("Parameter '%(name)s' harus bilangan bulat dari %(minimum)s sampai %(maximum)s.",
                          name=name, minimum=minimum, maximum=maximum), name)


def check_query(args) -> None:
    """Refuse an integer parameter written as a number that is not a whole number in the database's range: beyond
    2,147,483,647, negative, or in other digits than ASCII ("²", "٣") — 422 naming it. Text that is plainly not a
    number (`page=abc`, a region code such as 35.75 as `id`) is left to the view, which falls back or answers 404."""
    for name, value in args.items(multi=True):
        if not is_integer_param(name) or not looks_whole(value):
            continue
        number = parse_whole(value)
        if number is None or not in_db_range(number):
            raise out_of_range(name)


def check_path(view_args) -> None:
    """A path id beyond the database's range names no row: 404, as for any id that does not exist."""
    for value in (view_args or {}).values():
        if isinstance(value, int) and not in_db_range(value):
            raise NotFound()


def query_int(args, name: str, default: int | None = None, minimum: int = 0,
              maximum: int = DB_INT_MAX) -> int | None:
    """One integer parameter: the default when absent, else a whole number within [minimum, maximum]."""
    raw = args.get(name)
    if raw is None or not raw.strip():
        return default
    number = parse_whole(raw)
    if number is None or not minimum <= number <= maximum:
        raise out_of_range(name, minimum, maximum)
    return number


# --- path ids and JSON bodies --------------------------------------------------------------------------------

MAX_JSON_DEPTH = 32


class JSONTooDeep(Exception):
    """A JSON body nested deeper than MAX_JSON_DEPTH (not a ValueError: `get_json(silent=True)` must not hide it)."""


def json_depth_exceeds(value: Any, limit: int) -> bool:
    """Is a parsed JSON value nested deeper than `limit` containers? (iterative: no recursion to exhaust)"""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, (dict, list)):
            if depth > limit:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))
    return False


class LimitedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing bodies nested deeper than MAX_JSON_DEPTH levels (1,000 levels answered 500)."""

    def loads(self, s, **kwargs):
        try:
            value = super().loads(s, **kwargs)
        except RecursionError:
            raise JSONTooDeep() from None
        if json_depth_exceeds(value, MAX_JSON_DEPTH):
            raise JSONTooDeep()
        return value


def _too_deep(exc: JSONTooDeep):
    from lpks.web.errors import respond

    return respond(400, _("Badan permintaan JSON bersarang lebih dari %(limit)s tingkat.", limit=MAX_JSON_DEPTH),
                   "body")


def init_app(app) -> None:
    """Limit JSON nesting."""
    app.json = LimitedJSONProvider(app)
    app.register_error_handler(JSONTooDeep, _too_deep)
