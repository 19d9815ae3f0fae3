"""One declaration per API operation: `@operation(...)` under a route's `@bp.route` states its summary, tag, query
parameters, request model and response model once. The declaration validates the JSON body as the handler reads it
(a 422 naming the field and the rule, in the user's language) and is what the OpenAPI document is built from
(lpks.web.api.spec), so the document, the validation and the answers cannot drift apart; the test suite checks every
answer it receives against the document (tests/openapi_check.py)."""
from __future__ import annotations

from dataclasses import dataclass
from functools import wraps
from typing import Any, Callable

from flask import g
from pydantic import BaseModel

# An answer's body: a pydantic model, a JSON schema, or None for no body (204).
Body = type[BaseModel] | dict | None

OPERATIONS: dict[Callable, "Operation"] = {}  # by view function (what the blueprint registered)

OBJECT = {"type": "object"}
FILE = {"type": "string", "format": "binary"}  # a download: `media` names its types
SCANS = ("application/pdf", "image/jpeg", "image/png")  # evidence and placement documents
ERROR = {"$ref": "#/components/schemas/Error"}
GONE = {410: ERROR}  # a stored file missing from the storage


@dataclass
class Operation:
    """What one route declares."""

    summary: str
    tag: str
    params: list[dict]
    request: type[BaseModel] | dict | None
    responses: dict[int, Body]
    media: str | tuple[str, ...] = "application/json"  # of the success answer (a download: its file types)
    request_media: str = "application/json"


def param(name: str, where: str = "query", kind: str = "string", required: bool = False, **extra) -> dict:
    """A query parameter (path parameters come from the URL rule itself)."""
    return {"name": name, "in": where, "required": required or where == "path", "schema": {"type": kind, **extra}}


def page_of(item: Body) -> dict:
    """The list envelope of lpks.web.api.paging.paginate around `item`."""
    return {"type": "object", "required": ["items", "page", "per_page", "total"], "properties": {
        "items": {"type": "array", "items": item if item is not None else OBJECT},
        "page": {"type": "integer", "minimum": 1}, "per_page": {"type": "integer", "minimum": 1},
        "total": {"type": "integer", "minimum": 0},
        "total_capped": {"type": "boolean", "description": "Jumlah dibatasi; daftar memuat lebih banyak baris"}}}


def list_of(item: Body, *, total: bool = True, **extra: dict) -> dict:
    """An unpaged list {"items", "total"} of `item` (`total=False`: {"items"} alone; `extra`: more properties)."""
    counted = {"total": {"type": "integer"}} if total else {}
    return {"type": "object", "required": ["items", *counted], "properties": {
        "items": {"type": "array", "items": item if item is not None else OBJECT}, **counted, **extra}}


def array_of(item: Body) -> dict:
    """A bare JSON array of `item`."""
    return {"type": "array", "items": item if item is not None else OBJECT}


def operation(summary: str, *, tag: str = "umum", params: list[dict] | tuple = (), request: Any = None,
              response: Body = OBJECT, status: int = 200, responses: dict[int, Body] | None = None,
              paged: bool = False, media: str | tuple[str, ...] = "application/json",
              request_media: str = "application/json") -> Callable:
    """Declare the operation of the route function below it (see the module's docstring).

    `response` is the body of the success `status` (201 for a creation, 204 with response=None); `responses` adds
    other success answers (e.g. {202: Job}); `paged=True` wraps `response` in the paging envelope and declares the
    `page`/`per_page` parameters. A pydantic `request` model validates the JSON body as the handler reads it
    (lpks.web.api.json_body): names and types, in the user's language; what is required and the rules are the
    service's. A dict `request` documents a body only (a multipart upload, `request_media`)."""
    from lpks.web.api.paging import PAGING_PARAMS

    declared = {status: page_of(response) if paged else response, **(responses or {})}
    query = [p for p in params if p.get("in") != "path"]
    if paged:
        query = [*PAGING_PARAMS, *query]

    def register(fn: Callable) -> Callable:
        OPERATIONS[fn] = Operation(summary, tag, query, request, declared, media, request_media)
        if not (isinstance(request, type) and issubclass(request, BaseModel)):
            return fn

        @wraps(fn)
        def validated(*args, **kwargs):
            # json_body() checks the body against the model when the handler reads it: after the handler's scope
            # and permission checks, so an object outside the scope still answers 404 and a role without the
            # right 403, whatever the body; a body is never used unchecked.
            g.api_request_model = request
            return fn(*args, **kwargs)

        OPERATIONS[validated] = OPERATIONS[fn]
        return validated

    return register
