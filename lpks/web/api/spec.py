"""The OpenAPI 3.1 document, built from the operations the routes declare (lpks.web.api.operations) and from the
routes themselves: the path and its path parameters come from the URL rule as the blueprint received it, so they
cannot differ from it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable

from pydantic import BaseModel

from lpks.web.api.operations import OPERATIONS, Operation

PREFIX = "/api/v1"

ERROR_SCHEMA = {
    "type": "object",
    "properties": {
        "error": {"type": "string"}, "message": {"type": "string"}, "field": {"type": "string"},
        "errors": {"type": "array", "description": "Setiap kesalahan: kolom dan pesannya, atau baris berkas impor",
                   "items": {"anyOf": [{"type": "string"}, {"type": "object", "required": ["message"], "properties": {
                       "field": {"type": ["string", "null"]}, "message": {"type": "string"}}}]}},
    },
    "required": ["error", "message"],
}
ERRORS = {
    400: "Permintaan tidak valid", 401: "Autentikasi diperlukan", 403: "Tidak berwenang",
    404: "Tidak ditemukan atau di luar lingkup", 409: "Data telah diubah pengguna lain atau masih dipakai",
    413: "Berkas terlalu besar", 422: "Data tidak valid: 'field' menyebut kolomnya, 'message' aturannya",
    429: "Terlalu banyak permintaan", 500: "Kesalahan sistem (dicatat)",
}
SUCCESS = {200: "OK", 201: "Dibuat", 202: "Diterima untuk diproses", 204: "Tanpa isi", 410: "Berkas tidak ada lagi di "
           "penyimpanan"}
_CONVERTER = re.compile(r"<(?:(\w+)(?:\([^)]*\))?:)?(\w+)>")
_KINDS = {"int": "integer", "float": "number"}


@dataclass(frozen=True)
class Route:
    """A rule of the API blueprint as it was added (recorded at import: the document needs no application)."""

    rule: str
    endpoint: str
    view: Callable
    methods: tuple[str, ...]


ROUTES: list[Route] = []


def _name(variable: str) -> str:
    return "id" if variable == "ident" else variable  # the handlers' `ident` is the object's id


def openapi_path(rule: str) -> str:
    """The OpenAPI path of a Flask rule: /api/v1/cases/<int:ident> → /api/v1/cases/{id}."""
    return _CONVERTER.sub(lambda m: "{" + _name(m.group(2)) + "}", rule)


def path_params(rule: str) -> list[dict]:
    """The path parameters of a Flask rule, typed by their converters."""
    return [{"name": _name(m.group(2)), "in": "path", "required": True,
             "schema": {"type": _KINDS.get(m.group(1) or "", "string")}} for m in _CONVERTER.finditer(rule)]


class _Components:
    """components/schemas: each model once under its name, with the $defs its schema uses."""

    def __init__(self) -> None:
        self.schemas: dict[str, Any] = {}
        self.owners: dict[str, type] = {}

    def ref(self, model: type[BaseModel], mode: str) -> dict:
        name = model.__name__ if mode == "serialization" else f"{model.__name__}Input"
        if self.owners.get(name, model) is not model:
            name = f"{model.__module__.replace('.', '_')}_{name}"
        if name not in self.schemas:
            self.owners[name] = model
            schema = model.model_json_schema(mode=mode, ref_template="#/components/schemas/{model}")
            for key, sub in schema.pop("$defs", {}).items():
                self.schemas.setdefault(key, sub)
            self.schemas[name] = schema
        return {"$ref": f"#/components/schemas/{name}"}

    def schema(self, body: Any, mode: str = "serialization") -> Any:
        """A JSON schema with every model in it replaced by a reference."""
        if isinstance(body, type) and issubclass(body, BaseModel):
            return self.ref(body, mode)
        if isinstance(body, dict):
            return {key: self.schema(value, mode) for key, value in body.items()}
        if isinstance(body, list):
            return [self.schema(value, mode) for value in body]
        return body


def _entry(op: Operation, endpoint: str, rule: str, components: _Components) -> dict:
    responses: dict[str, Any] = {}
    for status, body in op.responses.items():
        answer: dict[str, Any] = {"description": SUCCESS.get(status, "OK")}
        if body is not None:
            media = op.media if status == min(op.responses) and status < 300 else "application/json"
            answer["content"] = {kind: {"schema": components.schema(body) if kind.endswith("json") else body}
                                 for kind in ((media,) if isinstance(media, str) else media)}
        responses[str(status)] = answer
    for status, text in ERRORS.items():
        responses[str(status)] = {"description": text, "content": {"application/json": {"schema": {
            "$ref": "#/components/schemas/Error"}}}}
    entry = {"operationId": endpoint, "summary": op.summary, "tags": [op.tag],
             "parameters": [*path_params(rule), *op.params], "responses": responses}
    if op.request is not None:
        schema = components.schema(op.request, "validation")
        if op.request_media != "application/json":
            schema = op.request
        entry["requestBody"] = {"required": True, "content": {op.request_media: {"schema": schema}}}
    return entry


def document() -> dict:
    """The whole OpenAPI 3.1 document of the /api/v1 routes."""
    components = _Components()
    components.schemas["Error"] = ERROR_SCHEMA
    paths: dict[str, dict] = {}
    for route in sorted(ROUTES, key=lambda r: r.rule):
        op = OPERATIONS.get(route.view)
        if op is None:  # the catch-all of unknown paths
            continue
        for method in sorted(route.methods):
            paths.setdefault(openapi_path(route.rule), {})[method.lower()] = _entry(op, route.endpoint, route.rule,
                                                                                    components)
    return {
        "openapi": "3.1.0",
        "info": {"title": "LPKS API", "version": "1", "description":
                 "API sistem informasi LPKS (Permensos 26/2018). Autentikasi: sesi login atau header "
                 "'Authorization: Bearer <token>' dari perintah 'lpks create-token'."},
        "components": {"schemas": dict(sorted(components.schemas.items())),
                       "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                                           "cookie": {"type": "apiKey", "in": "cookie", "name": "lpks_session"}}},
        "security": [{"bearer": []}, {"cookie": []}],
        "paths": paths,
    }

