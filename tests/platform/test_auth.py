"""Login, logout, password change, idle timeout, throttling, CSRF, redirects."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from tests.conftest import PASSWORD, csrf_token, login


def test_login_shows_dashboard_and_audits(demo, client, session):
    response = login(client, "dinsos.pasuruan")
    assert response.status_code == 302 and response.headers["Location"] == "/"
    page = client.get("/").get_data(as_text=True)
    assert "Dasbor Dinas Sosial Kabupaten/Kota" in page and "Kota Pasuruan" in page
    actions = session.scalars(select(AuditLog.action)).all()
    assert "login_success" in actions


def test_wrong_password_is_refused_and_audited(demo, client, session):
    response = login(client, "dinsos.pasuruan", "salah-salah-salah")
    assert response.status_code == 401
    assert "Nama pengguna atau kata sandi salah" in response.get_data(as_text=True)
    assert client.get("/").status_code == 302
    assert "login_failure" in session.scalars(select(AuditLog.action)).all()


def test_passwords_are_hashed_with_argon2id(demo, session):
    from lpks.platform.models.user import User

    user = session.scalar(select(User).where(User.username == "kemensos"))
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def _logout(client):
    return client.post("/logout", data={"csrf_token": csrf_token(client, "/")})


def test_logout_ends_every_copy_of_the_session(demo, client, app):
    login(client, "kemensos")
    other = app.test_client()
    login(other, "kemensos")
    stolen = client.get_cookie("lpks_session").value
    assert _logout(client).status_code == 302
    replay = app.test_client()
    replay.set_cookie("lpks_session", stolen)
    assert replay.get("/").status_code == 302
    assert other.get("/").status_code == 302  # the user's other session ended too


def test_password_change_ends_other_sessions(demo, client, app):
    login(client, "kemensos")
    other = app.test_client()
    login(other, "kemensos")
    token = csrf_token(client, "/account/")
    response = client.post("/account/", data={"csrf_token": token, "current_password": PASSWORD,
                                             "new_password": "kata-sandi-baru-99", "confirm_password": "kata-sandi-baru-99"})
    assert response.status_code == 302
    assert client.get("/").status_code == 200  # this session continues
    assert other.get("/").status_code == 302
    fresh = app.test_client()
    assert login(fresh, "kemensos", "kata-sandi-baru-99").status_code == 302


@pytest.mark.parametrize("new,confirm,message", [
    ("pendek", "pendek", "12"), ("kata-sandi-baru-99", "lain-lain-lain-1", "tidak sama")])
def test_password_change_refuses_bad_input(demo, client, new, confirm, message):
    login(client, "kemensos")
    token = csrf_token(client, "/account/")
    response = client.post("/account/", data={"csrf_token": token, "current_password": PASSWORD,
                                             "new_password": new, "confirm_password": confirm})
    assert response.status_code == 200 and message in response.get_data(as_text=True)


def test_idle_timeout_after_30_minutes(demo, client):
    login(client, "kemensos")
    assert client.get("/").status_code == 200
    with client.session_transaction() as sess:
        sess["seen"] = int(time.time()) - 31 * 60
    response = client.get("/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    assert client.get("/").status_code == 302


def test_login_without_csrf_token_is_refused(demo, client):
    response = client.post("/login", data={"username": "kemensos", "password": PASSWORD})
    assert response.status_code == 400
    assert "CSRF" in response.get_data(as_text=True)


def test_logout_without_csrf_token_is_refused(demo, client):
    login(client, "kemensos")
    assert client.post("/logout").status_code == 400
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"])
def test_open_redirect_on_next_is_refused(demo, client, target):
    token = csrf_token(client, "/login")
    response = client.post("/login", data={"username": "kemensos", "password": PASSWORD, "csrf_token": token,
                                           "next": target})
    assert response.status_code == 302 and response.headers["Location"] == "/"


def test_next_keeps_a_local_path(demo, client):
    token = csrf_token(client, "/login")
    response = client.post("/login", data={"username": "kemensos", "password": PASSWORD, "csrf_token": token,
                                           "next": "/admin/institution/"})
    assert response.headers["Location"] == "/admin/institution/"


def test_cookie_flags(demo, client):
    response = login(client, "kemensos")
    cookie = response.headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_production_refuses_default_secret(monkeypatch, tmp_path):
    from lpks import create_app
    from lpks.config import ConfigError

    monkeypatch.setenv("LPKS_ENV", "production")
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path))
    monkeypatch.delenv("LPKS_SECRET_KEY", raising=False)
    with pytest.raises(ConfigError, match="LPKS_SECRET_KEY"):
        create_app()
    monkeypatch.setenv("LPKS_SECRET_KEY", "x" * 40)
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/p.sqlite"})
    assert app.config["SESSION_COOKIE_SECURE"] is True


def test_production_session_cookie_is_secure(monkeypatch, tmp_path):
    """The flag is on the cookie the browser receives, not only in the config."""
    from lpks import create_app
    from lpks.platform.schema import upgrade

    monkeypatch.setenv("LPKS_ENV", "production")
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path))
    monkeypatch.setenv("LPKS_SECRET_KEY", "y" * 40)
    url = f"sqlite:///{tmp_path}/secure.sqlite"
    upgrade("heads", url=url)
    app = create_app({"DATABASE_URL": url})
    response = app.test_client().get("/login", base_url="https://lpks.example")
    cookie = response.headers["Set-Cookie"]
    from lpks.extensions import db

    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
