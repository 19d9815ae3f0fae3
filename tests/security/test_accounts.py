"""Accounts (issue 18, items 1 and 4): the administrator edits, deactivates and resets users in the web interface;
passwords are checked with an offline strength estimator; `lpks deactivate-user` / `activate-user`."""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from lpks.cli import main
from lpks.platform.errors import ServiceError
from lpks.platform.models.user import ApiToken, User
from lpks.platform.services.passwords import check_password_rule
from tests.conftest import PASSWORD, csrf_token, login

DEMO_PASSWORD = "demo-lpks-2026"  # README's demo password


def _user(session, username: str) -> User:
    session.rollback()
    return session.scalar(select(User).where(User.username == username))


def _edit(client, user: User, **changes):
    """Submit the administrator's edit form as the browser would: every field as shown, some changed."""
    page = client.get(f"/admin/user/edit/?id={user.id}")
    assert page.status_code == 200
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True)).group(1)
    data = {"csrf_token": token, "username": user.username, "full_name": user.full_name or "", "role": user.role,
            "scope": str(user.institution_id or user.region_code or ""), "locale": user.locale, "active": "y",
            "new_password": ""}
    data.update(changes)
    data = {k: v for k, v in data.items() if v is not None}
    return client.post(f"/admin/user/edit/?id={user.id}", data=data)


def _token_for(app, username: str) -> str:
    from lpks.extensions import db
    from lpks.platform.services.tokens import create_token

    with app.app_context():
        _token, plain = create_token(db.session, username)
        db.session.commit()
    return plain


def _api_status(app, plain: str) -> int:
    return app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code


def test_the_administrator_saves_a_user_with_its_unchanged_username(demo, app, client, session):
    login(client, "admin")
    user = _user(session, "dinsos.jatim")
    response = _edit(client, user, full_name="Kepala Bidang Rehsos Jatim")
    assert response.status_code == 302, re.sub(r"\s+", " ", response.get_data(as_text=True))[-500:]
    assert _user(session, "dinsos.jatim").full_name == "Kepala Bidang Rehsos Jatim"


def test_the_username_of_another_user_is_still_refused(demo, app, client, session):
    login(client, "admin")
    response = _edit(client, _user(session, "dinsos.jatim"), username="kemensos")
    assert response.status_code == 200 and _user(session, "dinsos.jatim") is not None


def test_the_administrator_deactivates_a_user_whose_session_and_tokens_end(demo, app, client, session):
    victim = app.test_client()
    login(victim, "dinsos.pasuruan")
    plain = _token_for(app, "dinsos.pasuruan")
    assert victim.get("/").status_code == 200 and _api_status(app, plain) == 200
    login(client, "admin")
    assert _edit(client, _user(session, "dinsos.pasuruan"), active=None).status_code == 302
    assert _user(session, "dinsos.pasuruan").active is False
    assert victim.get("/").status_code == 302  # back to the login page
    assert login(app.test_client(), "dinsos.pasuruan").status_code == 401
    assert _api_status(app, plain) == 401
    # activated again, the user logs in; the ended token stays ended
    assert _edit(client, _user(session, "dinsos.pasuruan")).status_code == 302
    assert login(app.test_client(), "dinsos.pasuruan").status_code == 302
    assert _api_status(app, plain) == 401


def test_the_administrator_resets_a_password_only_to_a_strong_one(demo, app, client, session):
    plain = _token_for(app, "operator.pasuruan")
    login(client, "admin")
    user = _user(session, "operator.pasuruan")
    weak = _edit(client, user, new_password="password1234")
    assert weak.status_code == 200 and "terlalu mudah ditebak" in weak.get_data(as_text=True)
    assert login(app.test_client(), "operator.pasuruan").status_code == 302  # nothing changed
    assert _edit(client, user, new_password="jembatan-gerimis-kopi-41").status_code == 302
    assert login(app.test_client(), "operator.pasuruan").status_code == 401
    assert login(app.test_client(), "operator.pasuruan", "jembatan-gerimis-kopi-41").status_code == 302
    assert _api_status(app, plain) == 401  # a reset ends the user's tokens


def test_the_administrator_cannot_lock_out_their_own_account(demo, app, client, session):
    login(client, "admin")
    admin = _user(session, "admin")
    refused = _edit(client, admin, active=None)
    assert "akun Anda sendiri" in refused.get_data(as_text=True)
    demoted = _edit(client, admin, role="kemensos")
    assert "akun Anda sendiri" in demoted.get_data(as_text=True)
    again = _user(session, "admin")
    assert again.active and again.role == "admin_sistem"


@pytest.mark.parametrize("password,username,message", [
    ("aaaaaaaaaaaa", "budi", "terlalu mudah ditebak"),
    ("password1234", "budi", "terlalu mudah ditebak"),
    ("rahasia12345", "budi", "terlalu mudah ditebak"),
    ("qwertyuiop12", "budi", "terlalu mudah ditebak"),
    ("budi.santoso-2026-x", "budi.santoso", "nama pengguna"),
    ("pendek-1", "budi", "minimal 12"),
    ("x" * 201, "budi", "paling banyak 200"),
])
def test_weak_passwords_are_refused_naming_the_field(password, username, message):
    with pytest.raises(ServiceError) as refused:
        check_password_rule(password, "new_password", username, "Kata sandi baru")
    assert message in refused.value.message and refused.value.message.startswith("Kata sandi baru")
    assert refused.value.field == "new_password"


@pytest.mark.parametrize("password,username", [(PASSWORD, "kemensos"), (DEMO_PASSWORD, "operator.pasuruan"),
                                               ("bench-lpks-2026", "bench.kemensos"), ("kata-sandi-baru-99", "x"),
                                               ("jembatan gerimis kopi", "budi")])
def test_the_demo_and_test_passwords_are_strong_enough(password, username):
    check_password_rule(password, "password", username)


def test_the_account_page_refuses_a_guessable_new_password(demo, client):
    login(client, "kemensos")
    token = csrf_token(client, "/account/")
    response = client.post("/account/", data={"csrf_token": token, "current_password": PASSWORD,
                                             "new_password": "password1234", "confirm_password": "password1234"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Kata sandi baru terlalu mudah ditebak" in body


def test_cli_refuses_a_guessable_password_naming_the_field(database_url, cli_env):
    result = CliRunner().invoke(main, ["create-user", "budi", "--role", "kemensos"], input="password1234\n",
                                env={**cli_env, "DATABASE_URL": database_url})
    assert result.exit_code != 0 and "terlalu mudah ditebak" in result.output and "[password]" in result.output


def test_cli_deactivates_and_activates_a_user(demo, app, database_url, cli_env, session):
    plain = _token_for(app, "dinsos.jatim")
    env = {**cli_env, "DATABASE_URL": database_url}
    runner = CliRunner()
    result = runner.invoke(main, ["deactivate-user", "dinsos.jatim"], env=env)
    assert result.exit_code == 0 and "dinonaktifkan" in result.output
    assert login(app.test_client(), "dinsos.jatim").status_code == 401
    assert _api_status(app, plain) == 401
    session.rollback()
    assert session.scalars(select(ApiToken.revoked_at).where(ApiToken.user_id == _user(session, "dinsos.jatim").id)
                           ).all() != [None]
    result = runner.invoke(main, ["activate-user", "dinsos.jatim"], env=env)
    assert result.exit_code == 0 and "diaktifkan" in result.output
    assert login(app.test_client(), "dinsos.jatim").status_code == 302
    missing = runner.invoke(main, ["deactivate-user", "tidak.ada"], env=env)
    assert missing.exit_code != 0 and "tidak ada" in missing.output
