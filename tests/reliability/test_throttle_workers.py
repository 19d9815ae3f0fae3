"""Login throttling is kept in the database, so it holds across several gunicorn worker processes; behind a
trusted reverse proxy (LPKS_PROXY_COUNT) it keys on the forwarded client address."""
from __future__ import annotations

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

from sqlalchemy import create_engine, text

from benchmarks.load import free_port, start_gunicorn

ATTACKER = "198.51.100.66"
RIGHTFUL = "203.0.113.10"


def _attempt(base: str, username: str, password: str, address: str) -> int:
    """A fresh browser behind the proxy: fetch the form (cookie + CSRF token), post the credentials."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    opener.addheaders = [("X-Forwarded-For", address)]
    html = opener.open(base + "/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token}).encode()
    try:
        return opener.open(urllib.request.Request(base + "/login", data=data), timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_throttling_holds_whichever_worker_answers_and_spares_the_rightful_address(tmp_path):
    from click.testing import CliRunner

    from lpks.cli import main

    url = f"sqlite:///{tmp_path}/throttle.sqlite"
    env = {**os.environ, "DATABASE_URL": url, "LPKS_INSTANCE_PATH": str(tmp_path / "instance"),
           "LPKS_PROXY_COUNT": "1"}
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"], env=env).exit_code == 0
    created = runner.invoke(main, ["create-user", "penguji", "--role", "kemensos"], input="kata-sandi-benar-1\n",
                            env=env)
    assert created.exit_code == 0, created.output
    port = free_port()
    server = start_gunicorn(env, port, workers=4)
    base = f"http://127.0.0.1:{port}"
    try:
        statuses = [_attempt(base, "penguji", "kata-sandi-salah-1", ATTACKER) for _ in range(8)]
        attacker_right_password = _attempt(base, "penguji", "kata-sandi-benar-1", ATTACKER)
        rightful = _attempt(base, "penguji", "kata-sandi-benar-1", RIGHTFUL)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr:
            server.stderr.close()
    assert statuses == [401] * 5 + [429] * 3
    assert attacker_right_password == 429
    assert rightful == 200  # logged in and redirected to the dashboard: the attacker slowed only itself
    engine = create_engine(url)
    with engine.connect() as conn:
        throttled = conn.execute(text("SELECT sum(hits) FROM audit_tally WHERE action = 'login_throttled'")).scalar()
        clients = set(conn.execute(text("SELECT DISTINCT client FROM login_attempt")).scalars())
    engine.dispose()
    assert throttled == 4 and clients == {ATTACKER, RIGHTFUL}
