"""One way for every form to show what went wrong: each error under its field, the rest at the top of the form,
and a summary linking to the fields (templates/_form.html renders them; lpks/static/forms.js brings the summary
into view). Views attach a service's errors here instead of flashing them at the top of a long page."""
from __future__ import annotations

from typing import Any

from flask import g
from flask_babel import gettext as _

from lpks.platform.errors import ServiceError, error_list

# Fields whose errors a person cannot act on beside the field: they go to the top of the form.
_INVISIBLE = ("HiddenField", "CSRFTokenField")


def form_key(form: Any) -> str:
    """A stable id for a form on a page holding several (the anchor of its summary and the prefix of its fields)."""
    name = type(form).__name__.removesuffix("Form").lower() or "form"
    prefix = (getattr(form, "_prefix", "") or "").rstrip("-")
    return f"{name}-{prefix}" if prefix else name


def _field(form: Any, name: str | None):
    """The visible field a service names: `findings.X.note` and `items-0-note` style names reach their field."""
    if not name:
        return None
    for candidate in (name, name.replace(".", "-")):
        field = getattr(form, candidate, None) if hasattr(form, "_fields") else None
        if field is None and hasattr(form, "_fields"):
            field = form._fields.get(candidate)
        if field is not None and hasattr(field, "errors") and field.type not in _INVISIBLE:
            return field
        head, sep, rest = candidate.partition("-")
        sub = form._fields.get(head) if sep and hasattr(form, "_fields") else None
        if sub is not None and sub.type == "FormField":  # a row of a form: `<row>-<field>` reaches the row's field
            found = _field(sub.form, rest)
            if found is not None:
                return found
    return None


def attach(form: Any, exc: ServiceError) -> None:
    """Every error a ServiceError carries, beside its field or at the top of the form."""
    for name, message in error_list(exc):
        field = _field(form, name)
        if field is not None:
            field.errors = [*(field.errors or []), message]
        else:
            form.form_errors = [*getattr(form, "form_errors", []), message]


def refused(form: Any) -> None:
    """A submit that did not validate: an expired security token is said in words at the top of the form."""
    if "csrf_token" in (form.errors or {}):
        form.form_errors = [*getattr(form, "form_errors", []), _(
            "Token keamanan formulir kedaluwarsa; isian Anda tetap di bawah, periksa lalu kirim lagi.")]


def summary(form: Any, key: str | None = None) -> list[dict]:
    """What the summary lists: the form's own errors, then each visible field's errors with its anchor (the field's
    id, prefixed by `key` as templates/_form.html renders it; `key=""` for Flask-Admin's own rendering)."""
    key = form_key(form) if key is None else key
    rows = [{"anchor": None, "label": None, "message": m} for m in getattr(form, "form_errors", []) or []]

    def walk(fields):
        for field in fields:
            if field.type in _INVISIBLE:
                continue
            if field.type in ("FieldList", "FormField"):
                walk(field)  # rows of a list: each sub-field keeps its own anchor
                continue
            label = field.label.text if getattr(field, "label", None) else field.name
            for message in field.errors or []:
                if isinstance(message, str):
                    rows.append({"anchor": f"{key}-{field.id}" if key else field.id, "label": label, "message": message})

    walk(form)
    return rows


def keep_failed(key: str, form: Any) -> None:
    """Remember, for this request, the form that failed: the page re-rendered shows it (typed values, errors)."""
    g.setdefault("failed_forms", {})[key] = form


def failed(key: str, default: Any = None) -> Any:
    """The form of this request that failed under `key`, or `default`."""
    return g.get("failed_forms", {}).get(key, default)


def failed_forms() -> dict:
    """Every form of this request that failed, by key."""
    return dict(g.get("failed_forms", {}))
