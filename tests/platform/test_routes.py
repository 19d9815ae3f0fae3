"""Every route but login, the language switch and static files requires login."""
from __future__ import annotations

import re

from lpks.web.guard import PUBLIC_ENDPOINTS


def _concrete(rule) -> str:
    path = rule.rule
    for arg in rule.arguments:
        path = re.sub(r"<(?:[^:>]+:)?%s>" % arg, "1", path)
    return path


def test_every_route_requires_login(app):
    client = app.test_client()
    checked = 0
    for rule in app.url_map.iter_rules():
        if rule.endpoint in PUBLIC_ENDPOINTS:
            continue
        path = _concrete(rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            response = client.open(path, method=method)
            if path.startswith("/api/"):
                if method == "GET":
                    assert response.status_code == 401, (method, path, response.status_code)
                else:  # cookie-less writes fail on CSRF or authentication, never reach a view
                    assert response.status_code in (400, 401), (method, path, response.status_code)
            elif method == "GET":
                assert response.status_code == 302 and "/login" in response.headers["Location"], (method, path)
            else:
                assert response.status_code in (302, 400), (method, path, response.status_code)
            checked += 1
    assert checked > 40


def test_public_endpoints_are_only_these():
    assert PUBLIC_ENDPOINTS == {"auth.login", "static", "home.static", "locale.switch"}


def test_security_headers(app):
    response = app.test_client().get("/login")
    assert "nonce-" in response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["Cache-Control"] == "no-store"
