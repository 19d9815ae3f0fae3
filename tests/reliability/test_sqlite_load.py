"""Several gunicorn workers writing to one SQLite file: 20 parallel clients for 30 seconds, no failure
(`LPKS_LOAD_SECONDS=60` for a longer run)."""
from __future__ import annotations

import os

import pytest

from benchmarks.load import free_port, prepare, run_load, start_gunicorn

SECONDS = float(os.environ.get("LPKS_LOAD_SECONDS", "30"))


@pytest.mark.slow
def test_twenty_clients_for_half_a_minute_on_sqlite_never_fail(tmp_path):
    url = f"sqlite:///{tmp_path}/load.sqlite"
    env = {**os.environ, "DATABASE_URL": url, "LPKS_INSTANCE_PATH": str(tmp_path / "instance")}
    os.environ["LPKS_INSTANCE_PATH"] = env["LPKS_INSTANCE_PATH"]
    try:
        clients = prepare(url, 20)
    finally:
        os.environ.pop("LPKS_INSTANCE_PATH", None)
    port = free_port()
    server = start_gunicorn(env, port, workers=4)
    try:
        result = run_load(f"http://127.0.0.1:{port}", clients, SECONDS)
    finally:
        server.terminate()
        server.wait(timeout=30)
        if server.stderr:
            server.stderr.close()
    summary = result.summary()
    print("sqlite load:", summary)
    assert result.requests > 20 * SECONDS  # the load really ran
    assert result.errors == 0, summary["error_samples"]
    assert set(result.statuses) == {200}
