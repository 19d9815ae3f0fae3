"""`lpks worker` is a real huey consumer: a job the web sends through the queue (a SQLite file in the instance
folder, or Redis when LPKS_REDIS_URL is set) is run by the worker process, and the worker stops on SIGTERM."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from sqlalchemy import select

from lpks.platform.models.job import DONE, QUEUED, RUNNING, Job
from tests.conftest import login

REDIS_URL = "redis://127.0.0.1:6379/15"


def _redis_up() -> bool:
    try:
        import redis

        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except Exception:  # noqa: BLE001
        return False


@pytest.mark.parametrize("queue", ["sqlite", "redis"])
def test_the_worker_runs_a_job_the_web_sent(demo, app, client, session, database_url, tmp_path, queue):
    if queue == "redis" and not _redis_up():
        pytest.skip("no Redis server at 127.0.0.1:6379")
    name = f"lpks-test-{uuid.uuid4().hex[:8]}"
    settings = {"JOBS_IMMEDIATE": False, "JOBS_QUEUE_NAME": name, "JOBS_QUEUE_FILE": str(tmp_path / "jobs.sqlite"),
                "JOBS_REDIS_URL": REDIS_URL if queue == "redis" else None, "DOWNLOAD_DIR": str(tmp_path / "dl"),
                "EXPORT_INLINE_ROWS": 1}
    env = {**os.environ, "DATABASE_URL": database_url, "LPKS_INSTANCE_PATH": str(tmp_path / "instance"),
           "LPKS_JOBS_QUEUE": name, "LPKS_JOBS_FILE": settings["JOBS_QUEUE_FILE"], "LPKS_JOBS_WORKERS": "1",
           "LPKS_DOWNLOAD_DIR": settings["DOWNLOAD_DIR"], "LPKS_REGIONS_FILE": "/nonexistent.csv"}
    if queue == "redis":
        env["LPKS_REDIS_URL"] = REDIS_URL
    app.config.update(settings)
    app.extensions.pop("lpks_jobs", None)
    worker = subprocess.Popen([str(Path(sys.executable).with_name("lpks")), "worker"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        login(client, "kemensos")
        assert client.get("/admin/institution/export/csv/").status_code == 302
        deadline, job = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            session.rollback()
            session.expire_all()
            job = session.scalars(select(Job)).one()
            if job.status not in (QUEUED, RUNNING):
                break
            time.sleep(0.3)
        assert job.status == DONE, job.message
        response = client.get(f"/admin/downloads/{job.id}/file")
        assert response.status_code == 200 and "LPKS Bina Harapan Kota Pasuruan" in response.get_data(as_text=True)
        response.close()
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=60)[0]
        app.extensions.pop("lpks_jobs", None)
    assert worker.returncode == 0, output[-3000:]
