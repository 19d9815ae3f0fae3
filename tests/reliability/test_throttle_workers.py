"""Login throttling is kept in the database, so it holds across several gunicorn worker processes."""
from __future__ import annotations

import http.cookiejar
import os
import re
import urllib.error
import urllib.parse
import urllib.request

from sqlalchemy import create_engine, text

from benchmarks.load import free_port, start_gunicorn


def _attempt(base: str, username: str, password: str) -> int:
    """A fresh browser: fetch the form (cookie + CSRF token), post the credentials."""
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    html = opener.open(base + "/login", timeout=10).read().decode()
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    data = urllib.parse.urlencode({"username": username, "password": password, "csrf_token": token}).encode()
    try:
        return opener.open(urllib.request.Request(base + "/login", data=data), timeout=10).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_seventh_failure_is_refused_whichever_worker_answers(tmp_path):
    from click.testing import CliRunner

    from lpks.cli import main

    url = f"sqlite:///{tmp_path}/throttle.sqlite"
    env = {**os.environ, "DATABASE_URL": url, "LPKS_INSTANCE_PATH": str(tmp_path / "instance")}
    runner = CliRunner()
    assert runner.invoke(main, ["db", "upgrade"], env=env).exit_code == 0
    created = runner.invoke(main, ["create-user", "penguji", "--role", "kemensos"], input="kata-sandi-benar-1\n",
                            env=env)
    assert created.exit_code == 0, created.output
    port = free_port()
    server = start_gunicorn(env, port, workers=4)
    base = f"http://127.0.0.1:{port}"
    try:
        statuses = [_attempt(base, "penguji", "kata-sandi-salah-1") for _ in range(6)]
        seventh = _attempt(base, "penguji", "kata-sandi-benar-1")
        other_user_ok = _attempt(base, "tidak-ada", "x" * 12)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr:
            server.stderr.close()
    assert statuses == [401] * 6
    assert seventh == 429
    assert other_user_ok == 401  # throttling is per user, not global
    engine = create_engine(url)
    with engine.connect() as conn:
        throttled = conn.execute(text("SELECT count(*) FROM audit_log WHERE action = 'login_throttled'")).scalar()
    engine.dispose()
    assert throttled == 1
