"""Errors a service raises for the user to read: each names the field and the rule."""
from __future__ import annotations

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
