"""Request bodies validated by the pydantic models of schemas.py, and responses shaped by them.

One door for every input: the services call `parse` on the plain dict they receive (JSON body, web form, CLI), so
an API client and a form get the same refusal: a 422 naming each bad field, in Indonesian. `shape` validates what
a route answers; `openapi_schema` gives the model's JSON schema with its references inlined for the OpenAPI document.
"""
from __future__ import annotations

from typing import Any, TypeVar

from flask_babel import gettext as _
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from lpks.platform.errors import FieldErrors, ServiceError

M = TypeVar("M", bound=BaseModel)


class Input(BaseModel):
    """A request body: unknown fields refused (a fact is never silently dropped), blanks are absent values."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @model_validator(mode="before")
    @classmethod
    def _blanks_are_none(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {key: None if isinstance(value, str) and not value.strip() else value
                    for key, value in data.items()}
        return data


class Output(BaseModel):
    """A response body."""

    model_config = ConfigDict(from_attributes=True)


def _label(model: type[BaseModel], loc: tuple) -> str:
    labels = getattr(model, "LABELS", {})
    name = next((part for part in reversed(loc) if isinstance(part, str)), "")
    label = labels.get(name)
    return str(label) if label else name


def _message(model: type[BaseModel], error: dict) -> str:
    label, kind, ctx = _label(model, error["loc"]), error["type"], error.get("ctx") or {}
    if kind == "missing" or (error.get("input", 0) is None and kind.endswith("_type")):
        return _("%(label)s wajib diisi.", label=label)
    if kind == "extra_forbidden":
        return _("Kolom '%(name)s' tidak dikenal; periksa nama kolom (tidak ada data yang disimpan).",
                 name=".".join(str(p) for p in error["loc"]))
    if kind.startswith("date"):
        return _("%(label)s harus tanggal yang sah dengan format TTTT-BB-HH.", label=label)
    if kind.startswith("int") or kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        if "ge" in ctx or "le" in ctx:
            return _("%(label)s harus bilangan bulat %(low)s sampai %(high)s.", label=label,
                     low=ctx.get("ge", "-"), high=ctx.get("le", "-"))
        return _("%(label)s harus bilangan bulat.", label=label)
    if kind.startswith("bool"):
        return _("%(label)s harus ya atau tidak (true/false).", label=label)
    if kind == "string_too_long":
        return _("%(label)s paling banyak %(limit)s karakter.", label=label, limit=ctx.get("max_length"))
    if kind in ("literal_error", "enum"):
        return _("%(label)s harus salah satu dari: %(choices)s.", label=label,
                 choices=str(ctx.get("expected", "")).replace("'", "").replace(" or ", ", "))
    if kind in ("list_type", "too_short", "too_long"):
        return _("%(label)s harus berupa daftar yang sah.", label=label)
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return _("%(label)s harus berupa objek JSON.", label=label or _("Badan permintaan"))
    return _("%(label)s tidak valid.", label=label)


def _field(loc: tuple) -> str:
    return ".".join(str(part) for part in loc) or "body"


def parse(model: type[M], data: Any) -> M:
    """The validated input, or FieldErrors (422) naming every bad field in Indonesian."""
    if not isinstance(data, dict):
        raise ServiceError(_("Badan permintaan harus berupa objek JSON."), "body")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        errors = [ServiceError(_message(model, e), _field(e["loc"])) for e in exc.errors(include_url=False)]
    if len(errors) == 1:
        raise errors[0]
    raise FieldErrors(errors)


def shape(model: type[M], data: Any) -> dict:
    """A response as JSON-ready values, checked against its model."""
    return model.model_validate(data).model_dump(mode="json")


def _inline(node: Any, defs: dict) -> Any:
    if isinstance(node, dict):
        if "$ref" in node:
            return _inline(defs[node["$ref"].rsplit("/", 1)[-1]], defs)
        return {key: _inline(value, defs) for key, value in node.items() if key != "$defs"}
    if isinstance(node, list):
        return [_inline(item, defs) for item in node]
    return node


def openapi_schema(model: type[BaseModel], mode: str = "validation") -> dict:
    """The model's JSON schema with every $ref inlined (the OpenAPI document holds no shared components yet)."""
    schema = model.model_json_schema(mode=mode)
    return _inline(schema, schema.get("$defs", {}))
