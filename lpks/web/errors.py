"""Error pages (HTML) and JSON errors under /api."""
from __future__ import annotations

from flask import current_app, jsonify, make_response, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from lpks.extensions import db
from lpks.platform.errors import ServiceError


def init_app(app) -> None:
    """Register the handlers."""
    app.register_error_handler(CSRFError, _csrf)
    app.register_error_handler(ServiceError, _service)
    app.register_error_handler(HTTPException, _http)
    app.register_error_handler(Exception, _unexpected)


def _messages():
    return {
        400: _("Permintaan tidak valid."),
        401: _("Autentikasi diperlukan."),
        403: _("Anda tidak berwenang membuka halaman ini."),
        404: _("Halaman atau data tidak ditemukan."),
        405: _("Metode tidak diizinkan."),
        409: _("Data telah diubah oleh pengguna lain."),
        413: _("Berkas terlalu besar: batas unggahan %(mb)s MB. Perkecil atau bagi berkasnya lalu unggah lagi.",
               mb=(current_app.config.get("MAX_CONTENT_LENGTH") or 0) // (1024 * 1024)),
        422: _("Data tidak valid."),
        429: _("Terlalu banyak permintaan. Coba lagi nanti."),
        500: _("Terjadi kesalahan pada sistem. Kejadian ini telah dicatat."),
    }


def respond(status: int, message: str, field: str | None = None, code: str | None = None, errors=None):
    """An error as JSON under /api (with the field it names, and every field when the service reports several), as a
    page elsewhere."""
    db.session.rollback()
    if request.path.startswith("/api/"):
        body = {"error": code or str(status), "message": message}
        if field:
            body["field"] = field
        if errors:  # several bad fields at once: each with its own message
            body["errors"] = [{"field": name, "message": text} for name, text in errors]
        return jsonify(body), status
    return render_template("errors/error.html", status=status, message=message), status


def _csrf(exc):
    return respond(400, _("Token keamanan formulir (CSRF) tidak ada atau kedaluwarsa. Muat ulang halaman lalu coba lagi."),
                    code="csrf")


def _service(exc: ServiceError):
    response = respond(exc.status, exc.message, exc.field, code="invalid" if exc.status == 422 else None,
                       errors=getattr(exc, "field_errors", None))
    retry_after = getattr(exc, "retry_after", None)  # a rate limit says when to come back
    if retry_after:
        response, status = response
        response = make_response(response, status)
        response.headers["Retry-After"] = str(retry_after)
    return response


def _http(exc: HTTPException):
    db.session.rollback()  # before the message: choosing its language reads the user from the session
    status = exc.code or 500
    return respond(status, _messages().get(status, exc.description or ""))


def _unexpected(exc: Exception):
    current_app.logger.exception("unhandled error on %s %s", request.method, request.url_rule)
    # A failed flush leaves the session unusable until rolled back, and the message's language is read from the
    # user's row: roll back first, or the error page itself fails with PendingRollbackError.
    db.session.rollback()
    return respond(500, _messages()[500])
