"""Behind an HTTPS reverse proxy: the audit trail records the client's address only from trusted proxies, and
production answers carry HSTS."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks import create_app
from lpks.extensions import db
from lpks.platform.models.audit import AuditLog
from tests.conftest import PASSWORD, csrf_token


def _login_ip(application, forwarded: str) -> str:
    client = application.test_client()
    client.post("/login", data={"username": "kemensos", "password": PASSWORD,
                                "csrf_token": csrf_token(client, "/login")},
                headers={"X-Forwarded-For": forwarded}, environ_base={"REMOTE_ADDR": "10.0.0.5"})
    with application.app_context():
        ip = db.session.scalar(select(AuditLog.ip).where(AuditLog.action == "login_success")
                               .order_by(AuditLog.id.desc()).limit(1))
    with application.app_context():  # the session above is closed with its context: every connection is back
        for engine in db.engines.values():
            engine.dispose()
    return ip


@pytest.mark.parametrize("proxies, forwarded, recorded", [
    (0, "203.0.113.7", "10.0.0.5"),                 # no proxy trusted: a client cannot forge its address
    (1, "203.0.113.7", "203.0.113.7"),              # one proxy: the client it saw
    (1, "198.51.100.1, 203.0.113.7", "203.0.113.7"),  # a forged first hop is ignored
    (2, "198.51.100.1, 203.0.113.7", "198.51.100.1"),
])
def test_the_audit_trail_records_the_client_behind_trusted_proxies(demo, database_url, tmp_path, monkeypatch,
                                                                   proxies, forwarded, recorded):
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path / "instance"))
    application = create_app({"DATABASE_URL": database_url, "TESTING": True, "PASSWORD_HASH_FAST": True,
                              "REGIONS_FILE": "/nonexistent.csv", "PROXY_COUNT": proxies})
    assert _login_ip(application, forwarded) == recorded


def test_production_sends_hsts_and_development_does_not(app, client):
    assert "Strict-Transport-Security" not in client.get("/login").headers
    app.config["HSTS"] = True
    assert client.get("/login").headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
