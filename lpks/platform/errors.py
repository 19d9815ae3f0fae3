"""Errors a service raises for the user to read: each names the field and the rule."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Any, Iterator

from flask_babel import gettext as _


class ServiceError(ValueError):
    """Input a user can correct; `field` names the input, the message says the rule."""

    def __init__(self, message: str, field: str | None = None, status: int = 422):
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


class NotFound(ServiceError):
    """The object does not exist or is outside the user's scope (the two look the same)."""

    def __init__(self, message: str | None = None, field: str | None = None):
        super().__init__(message or _("Data tidak ditemukan."), field, status=404)


class Forbidden(ServiceError):
    """The user's role may not do this."""

    def __init__(self, message: str | None = None, field: str | None = None):
        super().__init__(message or _("Anda tidak berwenang melakukan tindakan ini."), field, status=403)


class Conflict(ServiceError):
    """Someone else changed the record first, or it is still in use."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message, field, status=409)


class FieldErrors(ServiceError):
    """Several fields are wrong at once: `errors` holds one ServiceError per field and `field_errors` their
    (field, message) pairs; the message joins them and `field` names the first, so a form, an import row or an API
    client sees every problem."""

    def __init__(self, errors: list[ServiceError]):
        super().__init__(" ".join(e.message for e in errors), errors[0].field, errors[0].status)
        self.errors = errors
        self.field_errors = [(e.field, e.message) for e in errors]


def error_list(exc: ServiceError) -> list[tuple[str | None, str]]:
    """(field, message) of every error a ServiceError carries."""
    return list(getattr(exc, "field_errors", None) or [(exc.field, exc.message)])


class Collector:
    """Runs field checks and keeps going after a failure, so a form or an import row reports every bad field."""

    def __init__(self) -> None:
        self.errors: list[ServiceError] = []

    def __call__(self, check, *args, **kwargs) -> Any:
        """The check's value, or None once its error is recorded."""
        try:
            return check(*args, **kwargs)
        except ServiceError as exc:
            self.errors.append(exc)
            return None

    @contextmanager
    def catch(self) -> Iterator[None]:
        """Run a block of checks; its ServiceError is kept instead of stopping the others."""
        try:
            yield
        except ServiceError as exc:
            self.errors.append(exc)

    def add(self, message: str, field: str) -> None:
        """Keep an error found without raising it."""
        self.errors.append(ServiceError(message, field))

    def failed(self, *fields: str) -> bool:
        """Whether any of these fields already has an error (a cross-field rule on it would only mislead)."""
        return any(e.field in fields for e in self.errors)

    def done(self) -> None:
        """Raise what was collected: the error itself when there is one, FieldErrors when there are more."""
        if len(self.errors) == 1:
            raise self.errors[0]
        if self.errors:
            raise FieldErrors(self.errors)
