"""API tokens (issue 18, item 4): they expire (LPKS_TOKEN_DAYS), record their last use at most once a minute, end
with a password change, and a user ends all of theirs from the account page."""
from __future__ import annotations

import re
from datetime import timedelta

import pytest
from sqlalchemy import select

from lpks.config import ConfigError, load_config
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import ApiToken
from tests.conftest import PASSWORD, csrf_token, login


def _issue(app, username: str, days: int | None = None) -> tuple[int, str]:
    from lpks.extensions import db
    from lpks.platform.services.tokens import create_token

    with app.app_context():
        token, plain = create_token(db.session, username, days)
        db.session.commit()
        return token.id, plain


def _me(app, plain: str):
    return app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"})


def _token(session, ident: int) -> ApiToken:
    session.rollback()
    session.expire_all()  # after the test's own commit nothing is expired by a rollback
    return session.get(ApiToken, ident)


def test_a_new_token_lives_the_configured_number_of_days(demo, app, session):
    app.config["TOKEN_DAYS"] = 7
    ident, _plain = _issue(app, "kemensos")
    lifetime = _token(session, ident).expires_at.replace(tzinfo=None) - _token(session, ident).created_at.replace(
        tzinfo=None)
    assert timedelta(days=7) - timedelta(seconds=5) < lifetime <= timedelta(days=7)


@pytest.mark.parametrize("value,days", [(None, 90), ("30", 30), ("365", 365)])
def test_token_days_are_read_from_the_environment(monkeypatch, tmp_path, value, days):
    if value is None:
        monkeypatch.delenv("LPKS_TOKEN_DAYS", raising=False)
    else:
        monkeypatch.setenv("LPKS_TOKEN_DAYS", value)
    assert load_config(str(tmp_path))["TOKEN_DAYS"] == days


@pytest.mark.parametrize("value", ["0", "-5", "tiga"])
def test_a_wrong_token_lifetime_stops_the_start_naming_the_variable(monkeypatch, tmp_path, value):
    monkeypatch.setenv("LPKS_TOKEN_DAYS", value)
    with pytest.raises(ConfigError, match="LPKS_TOKEN_DAYS"):
        load_config(str(tmp_path))


def test_an_expired_token_is_refused(demo, app, session):
    ident, plain = _issue(app, "kemensos")
    assert _me(app, plain).status_code == 200
    token = _token(session, ident)
    token.expires_at = utcnow() - timedelta(seconds=1)
    session.commit()
    assert _me(app, plain).status_code == 401


def test_the_last_use_is_recorded_at_most_once_a_minute(demo, app, session):
    ident, plain = _issue(app, "kemensos")
    assert _token(session, ident).last_used_at is None
    assert _me(app, plain).status_code == 200
    first = _token(session, ident).last_used_at
    assert first is not None
    for _ in range(5):
        assert _me(app, plain).status_code == 200
    assert _token(session, ident).last_used_at == first  # reads within the minute write nothing
    token = _token(session, ident)
    token.last_used_at = token.last_used_at - timedelta(minutes=2)
    session.commit()
    assert _me(app, plain).status_code == 200
    assert _token(session, ident).last_used_at >= first  # more than a minute since the recorded use: written


def test_the_administrator_sees_when_a_token_was_last_used(demo, app, client, session):
    ident, plain = _issue(app, "kemensos")
    _me(app, plain)
    login(client, "admin")
    page = client.get("/admin/token/").get_data(as_text=True)
    assert "Terakhir dipakai" in page and "Berlaku sampai" in page
    row = page[page.index(plain[:12]):][:800]
    assert len(re.findall(r"\d{1,2} \w+ \d{4}", row)) == 3  # created, expires and last used: all dated


def test_a_password_change_ends_every_token_of_the_user(demo, app, client, session):
    _ident, plain = _issue(app, "kemensos")
    other_user = _issue(app, "dinsos.jatim")[1]
    login(client, "kemensos")
    token = csrf_token(client, "/account/")
    response = client.post("/account/", data={"csrf_token": token, "current_password": PASSWORD,
                                             "new_password": "jembatan-gerimis-kopi-41",
                                             "confirm_password": "jembatan-gerimis-kopi-41"})
    assert response.status_code == 302
    assert _me(app, plain).status_code == 401
    assert _me(app, other_user).status_code == 200  # another user's token is not touched


def test_a_user_ends_all_their_tokens_from_the_account_page(demo, app, client, session):
    plains = [_issue(app, "dinsos.pasuruan")[1] for _ in range(2)]
    login(client, "dinsos.pasuruan")
    page = client.get("/account/").get_data(as_text=True)
    assert "Akhiri semua token saya" in page and all(p[:12] in page for p in plains)
    response = client.post("/account/tokens/end", data={"csrf_token": csrf_token(client, "/account/")},
                           follow_redirects=True)
    assert "2 token API Anda diakhiri" in response.get_data(as_text=True)
    assert all(_me(app, p).status_code == 401 for p in plains)
    assert "Tidak ada token API yang berlaku" in client.get("/account/").get_data(as_text=True)
    assert client.get("/").status_code == 200  # the browser session itself continues
    session.rollback()
    assert session.scalars(select(AuditLog.fields).where(AuditLog.object_type == "api_token",
                                                         AuditLog.action == "update")).all() == ["revoked_at"] * 2


def test_ending_tokens_without_the_csrf_token_is_refused(demo, app, client):
    plain = _issue(app, "dinsos.pasuruan")[1]
    login(client, "dinsos.pasuruan")
    assert client.post("/account/tokens/end").status_code == 400
    assert _me(app, plain).status_code == 200
