"""Request bodies validated by pydantic models (declared once per area in its schemas.py), and responses shaped by them.

One door for every input: the services call `parse` on the plain dict they receive (JSON body, web form, CLI), so
an API client and a form get the same refusal: a 422 naming each bad field, in Indonesian. `shape` validates what
a route answers; `check_shape` is what an operation's declared request model checks before the handler runs
(lpks.web.api.operations); `derive` makes a non-table model from a table model's fields.
"""
from __future__ import annotations

from typing import Any, Optional, TypeVar

from flask_babel import gettext as _
from pydantic import BaseModel, ConfigDict, ValidationError, create_model, model_validator

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
    labels = labels() if callable(labels) else labels  # a service's field_labels(), read in the user's language
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


def check_shape(model: type[BaseModel], data: Any) -> None:
    """FieldErrors (422) when a field has the wrong type or name, naming every bad field (the missing ones too, as
    `parse` would), in the user's language. A body whose only fault is a missing field passes: what is required is
    the service's to say, after it checked the user's permission (a user without the right gets 403, not 422)."""
    if not isinstance(data, dict):
        raise ServiceError(_("Badan permintaan harus berupa objek JSON."), "body")
    try:
        model.model_validate(data)
    except ValidationError as exc:
        found = exc.errors(include_url=False)
        if all(e["type"] == "missing" or not e["loc"] for e in found):
            return
        errors = [ServiceError(_message(model, e), _field(e["loc"])) for e in found]
        if len(errors) == 1:
            raise errors[0] from None
        raise FieldErrors(errors) from None


def shape(model: type[M], data: Any) -> dict:
    """A response as JSON-ready values, checked against its model."""
    return model.model_validate(data).model_dump(mode="json")


class Body(Input):
    """A request body whose unknown fields reach the service, which names each itself."""

    model_config = ConfigDict(extra="allow", str_strip_whitespace=True)


def derive(name: str, table: type, fields: tuple[str, ...] | list[str], *, base: type[BaseModel] | None = None,
           overrides: dict[str, Any] | None = None, doc: str | None = None, partial: bool = False,
           labels: Any = None) -> type[BaseModel]:
    """A non-table model of `table`'s fields, typed as the table types them (its columns are not typed again):
    `overrides` gives a field a narrower type, e.g. a Literal of its choices. The primary key `id`, Optional on the
    table because the database assigns it, is an int once stored. `partial=True` makes a request body (`Body`):
    every field may be left out (a change sends only what changes; the service says what a new record needs).
    `labels` names the fields in messages (a dict, or a function giving one in the user's language)."""
    spec: dict[str, Any] = {}
    for key in fields:
        annotation = (overrides or {}).get(key) or (int if key == "id" else table.model_fields[key].annotation)
        spec[key] = (Optional[annotation], None) if partial else (annotation, ...)
    model = create_model(name, __base__=base or (Body if partial else Output), **spec)
    model.__doc__ = doc or f"{table.__name__} as the API {'receives' if partial else 'shows'} it."
    if labels is not None:
        model.LABELS = labels
    return model
