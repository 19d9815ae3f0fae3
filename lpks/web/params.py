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
NUL = "\x00"


class JSONRefused(Exception):
    """A JSON body refused before any view reads it: nested deeper than MAX_JSON_DEPTH, or carrying a NUL character.
    Not a ValueError, so `get_json(silent=True)` cannot hide it."""

    def __init__(self, field: str, nul: bool = False):
        super().__init__(field)
        self.field, self.nul = field, nul


def check_json(value: Any, limit: int = MAX_JSON_DEPTH) -> None:
    """Walk a parsed JSON value without recursion: refuse nesting deeper than `limit` containers and any string (key
    or value) holding NUL, which PostgreSQL cannot store (it answered 500)."""
    stack = [(value, 1, "body")]
    while stack:
        item, depth, field = stack.pop()
        if isinstance(item, str):
            if NUL in item:
                raise JSONRefused(field, nul=True)
        elif isinstance(item, (dict, list)):
            if depth > limit:
                raise JSONRefused("body")
            if isinstance(item, dict):
                for key, child in item.items():
                    if NUL in key:
                        raise JSONRefused("body", nul=True)
                    stack.append((child, depth + 1, key if depth == 1 else field))
            else:
                stack.extend((child, depth + 1, field) for child in item)


class LimitedJSONProvider(DefaultJSONProvider):
    """Flask's JSON, refusing bodies nested deeper than MAX_JSON_DEPTH levels (1,000 levels answered 500) and
    strings with NUL."""

    def loads(self, s, **kwargs):
        try:
            value = super().loads(s, **kwargs)
        except RecursionError:
            raise JSONRefused("body") from None
        check_json(value)
        return value


def check_form(args, form) -> None:
    """A query or form value holding NUL cannot be stored in PostgreSQL (it answered 500): 422 naming the field."""
    for source in (args, form):
        for name, value in source.items(multi=True):
            if NUL in value or NUL in name:
                field = name.replace(NUL, "")[:40] or "body"
                raise ServiceError(_("Kolom '%(name)s' memuat karakter NUL (\\x00) yang tidak dapat disimpan.",
                                     name=field), field)


def _refused_json(exc: JSONRefused):
    from lpks.web.errors import respond

    if exc.nul:
        field = exc.field[:40] or "body"  # a key with no name still names where the refusal is
        return respond(422, _("Kolom '%(name)s' memuat karakter NUL (\\x00) yang tidak dapat disimpan.",
                              name=field), field, code="invalid")
    return respond(400, _("Badan permintaan JSON bersarang lebih dari %(limit)s tingkat.", limit=MAX_JSON_DEPTH),
                   "body")


def init_app(app) -> None:
    """Limit JSON bodies (nesting, NUL)."""
    app.json = LimitedJSONProvider(app)
    app.register_error_handler(JSONRefused, _refused_json)
