"""Login throttling per client address and username together, with growing delays (issue 18, item 2): a client
that knows a username slows only itself; the rightful user at their own address still gets in; the current-password
check of the account page is throttled the same way; throttled attempts are audited, one row per minute with a
count."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.user import LoginAttempt, User
from lpks.platform.services.throttle import Policy
from tests.conftest import PASSWORD, csrf_token

ATTACKER = "198.51.100.66"
RIGHTFUL = "203.0.113.10"


def _login(client, username: str, password: str, address: str):
    html_token = csrf_token(client, "/login")
    return client.post("/login", data={"username": username, "password": password, "csrf_token": html_token},
                       environ_base={"REMOTE_ADDR": address})


def _age_attempts(session, seconds: int) -> None:
    """Move every recorded attempt into the past, as if the client had waited."""
    session.rollback()
    for attempt in session.scalars(select(LoginAttempt)):
        attempt.at = attempt.at - timedelta(seconds=seconds)
    session.commit()


@pytest.mark.parametrize("failures,wait", [(0, 0), (4, 0), (5, 30), (6, 60), (7, 120), (9, 480), (10, 900),
                                           (40, 900)])
def test_the_delay_doubles_after_five_free_failures_up_to_fifteen_minutes(failures, wait):
    assert Policy(free=5, delay=30, max_delay=900, window=86400).wait(failures) == wait


def test_an_attacker_slows_only_itself_and_the_rightful_user_gets_in(demo, app, session):
    attacker = app.test_client()
    statuses = [_login(attacker, "kemensos", f"tebakan-salah-{n}", ATTACKER).status_code for n in range(8)]
    assert statuses[:5] == [401] * 5 and set(statuses[5:]) == {429}
    refused = _login(attacker, "kemensos", PASSWORD, ATTACKER)  # even the right password waits
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) > 0
    assert "Coba lagi dalam" in refused.get_data(as_text=True)
    rightful = app.test_client()
    response = _login(rightful, "kemensos", PASSWORD, RIGHTFUL)
    assert response.status_code == 302 and rightful.get("/").status_code == 200
    # another username from the attacker's address is not slowed either: the pair is the unit
    assert _login(app.test_client(), "dinsos.jatim", "tebakan-salah-x", ATTACKER).status_code == 401


def test_delays_grow_and_waiting_them_out_lets_the_right_password_in(demo, app, session):
    client = app.test_client()
    for n in range(5):
        assert _login(client, "dinsos.jatim", f"salah-{n}-salah", ATTACKER).status_code == 401
    first = _login(client, "dinsos.jatim", "salah-5-salah", ATTACKER)
    assert first.status_code == 429 and 25 <= int(first.headers["Retry-After"]) <= 30
    _age_attempts(session, 31)
    assert _login(client, "dinsos.jatim", "salah-6-salah", ATTACKER).status_code == 401  # waited: checked again
    second = _login(client, "dinsos.jatim", "salah-7-salah", ATTACKER)
    assert second.status_code == 429 and 55 <= int(second.headers["Retry-After"]) <= 60  # doubled
    _age_attempts(session, 61)
    assert _login(client, "dinsos.jatim", PASSWORD, ATTACKER).status_code == 302
    session.rollback()
    # a success starts the pair afresh: the next mistake is free again
    assert _login(app.test_client(), "dinsos.jatim", "salah-8-salah", ATTACKER).status_code == 401


def test_throttled_attempts_are_audited_once_a_minute_with_their_count(demo, app, session):
    client = app.test_client()
    for n in range(12):
        _login(client, "kemensos", f"tebakan-salah-{n}", ATTACKER)
    kemensos = session.scalar(select(User.id).where(User.username == "kemensos"))
    rows = session.scalars(select(AuditLog).where(AuditLog.action == "login_throttled")).all()
    tallies = session.scalars(select(AuditTally).where(AuditTally.action == "login_throttled")).all()
    assert sum(t.hits for t in tallies) == 7  # 12 attempts, 5 of them free
    assert len(rows) == len(tallies) <= 2  # one row per minute (the run may straddle a minute)
    assert {r.ip for r in rows} == {ATTACKER} and {r.object_id for r in rows} == {str(kemensos)}
    failures = session.scalars(select(AuditLog).where(AuditLog.action == "login_failure")).all()
    assert len(failures) == 5 and {r.ip for r in failures} == {ATTACKER}  # the address of each checked attempt


def test_the_current_password_on_the_account_page_is_throttled_the_same_way(demo, app, session):
    client = app.test_client()
    assert _login(client, "dinsos.pasuruan", PASSWORD, ATTACKER).status_code == 302
    token = csrf_token(client, "/account/")
    statuses = []
    for n in range(7):
        response = client.post("/account/", environ_base={"REMOTE_ADDR": ATTACKER}, data={
            "csrf_token": token, "current_password": f"tebakan-salah-{n}", "new_password": "kata-sandi-baru-99",
            "confirm_password": "kata-sandi-baru-99"})
        statuses.append(response.status_code)
    assert statuses[:5] == [200] * 5 and statuses[5:] == [429, 429]
    assert "Coba lagi dalam" in response.get_data(as_text=True)
    # the right current password waits too, so the page cannot be used to test guesses
    right = client.post("/account/", environ_base={"REMOTE_ADDR": ATTACKER}, data={
        "csrf_token": token, "current_password": PASSWORD, "new_password": "kata-sandi-baru-99",
        "confirm_password": "kata-sandi-baru-99"})
    assert right.status_code == 429
    session.rollback()
    assert session.scalars(select(AuditLog.action).where(AuditLog.action == "password_check_failure")).all()
    # from the user's own address the login still works
    assert _login(app.test_client(), "dinsos.pasuruan", PASSWORD, RIGHTFUL).status_code == 302


def test_a_trusted_proxy_passes_the_client_address(demo, app, session):
    """Behind LPKS_PROXY_COUNT reverse proxies the address is the forwarded one (else every user would share
    the proxy's address and one attacker would slow everyone)."""
    from werkzeug.middleware.proxy_fix import ProxyFix

    original = app.wsgi_app
    app.wsgi_app = ProxyFix(original, x_for=1, x_proto=1)
    try:
        client = app.test_client()
        token = csrf_token(client, "/login")
        client.post("/login", data={"username": "kemensos", "password": "tebakan-salah", "csrf_token": token},
                    headers={"X-Forwarded-For": ATTACKER}, environ_base={"REMOTE_ADDR": "10.0.0.1"})
    finally:
        app.wsgi_app = original
    session.rollback()
    assert session.scalars(select(LoginAttempt.client)).all() == [ATTACKER]


def test_the_proxy_setting_is_read_from_the_environment(monkeypatch, tmp_path):
    from werkzeug.middleware.proxy_fix import ProxyFix

    from lpks import create_app

    monkeypatch.setenv("LPKS_PROXY_COUNT", "1")
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path))
    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})
    assert isinstance(app.wsgi_app, ProxyFix) and app.config["PROXY_COUNT"] == 1
