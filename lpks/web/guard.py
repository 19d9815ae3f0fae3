"""Every request: login required (but for a few public endpoints), idle timeout, audit actor,
one transaction, and security headers."""
from __future__ import annotations

import secrets
import time

from flask import current_app, g, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from lpks.db import write_intent
from lpks.extensions import db
from lpks.platform.services.audit import Actor, set_actor

PUBLIC_ENDPOINTS = frozenset({"auth.login", "static", "home.static", "locale.switch"})
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def is_public(endpoint: str | None) -> bool:
    """Endpoints reachable without logging in: the login page, language switch, static files."""
    return endpoint in PUBLIC_ENDPOINTS


def init_app(app) -> None:
    """Install the request hooks."""
    app.before_request(_before)
    app.after_request(_after)
    app.teardown_request(_teardown)
    app.jinja_env.globals["csp_nonce"] = lambda: g.get("csp_nonce", "")


def _is_api() -> bool:
    return request.path.startswith("/api/")


def _bearer() -> bool:
    """Is this a token client's request? Only without a cookie session: a 'Bearer' header sent next to a session
    cookie must not lift the CSRF check or the idle timeout of that session."""
    return request.headers.get("Authorization", "").startswith("Bearer ") and "_user_id" not in session


token_request = _bearer


def _before():
    g.csp_nonce = secrets.token_urlsafe(16)
    g.write_token = write_intent.set(request.method not in SAFE_METHODS)
    # Every request starts anonymous with the client's address (behind trusted proxies: the one they saw), so an
    # anonymous event (a login, a refusal) never carries the actor of an earlier request served by this worker.
    set_actor(Actor(ip=request.remote_addr))
    if request.endpoint is None or is_public(request.endpoint):
        return None
    if not current_user.is_authenticated:
        return _refuse_anonymous()
    if not _bearer():
        now = int(time.time())
        seen = session.get("seen")
        if seen and now - seen > _idle_seconds():
            logout_user()
            session.clear()
            if _is_api():
                return jsonify(error="session_expired", message=_("Sesi berakhir karena tidak aktif. Silakan masuk lagi.")), 401
            session["expired"] = True
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        session["seen"] = now
    set_actor(Actor(user_id=current_user.id, username=current_user.username, role=current_user.role,
                    ip=request.remote_addr))
    return None


def _idle_seconds() -> int:
    from flask import current_app

    return int(current_app.config["IDLE_TIMEOUT"].total_seconds())


def _refuse_anonymous():
    if _is_api():
        return jsonify(error="unauthorized", message=_("Autentikasi diperlukan: masuk atau kirim token Bearer.")), 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))


def _after(response):
    if response.status_code < 400:
        db.session.commit()
    else:
        db.session.rollback()
    _security_headers(response)
    return response


def _teardown(exc) -> None:
    token = g.pop("write_token", None)
    if token is not None:
        write_intent.reset(token)


def _security_headers(response) -> None:
    nonce = g.get("csp_nonce", "")
    response.headers.setdefault(
        "Content-Security-Policy",
        f"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'nonce-{nonce}'; "
        "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("X-Frame-Options", "DENY")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    if current_app.config.get("HSTS"):
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if request.endpoint not in ("static", "home.static"):
        response.headers["Cache-Control"] = "no-store"
