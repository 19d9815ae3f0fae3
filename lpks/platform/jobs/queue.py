"""The job runner: one huey queue per application, built on first use from the configuration.

Where the queue lives (lpks/config.py `job_settings`): a SQLite file in the instance folder by default — for the
embedded SQLite deployment and for a PostgreSQL one whose web and worker processes share one host and its instance
folder (they already share the uploads and the downloads there) — or Redis when LPKS_REDIS_URL is set (web and
worker on several hosts). In tests the queue runs each job inline as it is sent (huey's immediate mode).
"""
from __future__ import annotations

import logging
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

from flask import Flask, current_app, has_app_context
from huey import MemoryHuey, RedisHuey, SqliteHuey, crontab

from lpks.platform.jobs.runner import run_job

log = logging.getLogger("lpks.jobs")
EXTENSION = "lpks_jobs"


def queue(app: Flask | None = None):
    """The application's huey instance (built once, lazily: a web process that never sends a job opens nothing)."""
    app = app or current_app._get_current_object()
    huey = app.extensions.get(EXTENSION)
    if huey is None:
        huey = app.extensions[EXTENSION] = build(app)
    return huey


def build(app: Flask):
    """The huey instance of the configuration, with the job task and the periodic tasks registered on it."""
    cfg = app.config
    if cfg["JOBS_IMMEDIATE"]:
        huey = MemoryHuey(cfg["JOBS_QUEUE_NAME"], immediate=True, results=False)
    elif cfg["JOBS_REDIS_URL"]:
        huey = RedisHuey(cfg["JOBS_QUEUE_NAME"], url=cfg["JOBS_REDIS_URL"], results=False)
    else:
        huey = SqliteHuey(cfg["JOBS_QUEUE_NAME"], filename=cfg["JOBS_QUEUE_FILE"], results=False)

    def lpks_job(job_id: int) -> None:
        run_job(app, job_id)

    def lpks_daily() -> None:
        from lpks.platform.jobs.periodic import daily

        daily(app)

    def lpks_purge_downloads() -> None:
        from lpks.platform.jobs.periodic import purge_downloads

        purge_downloads(app)

    huey.lpks_job = huey.task(name="lpks_job")(lpks_job)
    huey.lpks_daily = huey.periodic_task(daily_at(cfg["DAILY_JOBS_AT"], cfg["BABEL_DEFAULT_TIMEZONE"]),
                                         name="lpks_daily")(lpks_daily)
    huey.lpks_purge = huey.periodic_task(crontab(minute="*/15"), name="lpks_purge_downloads")(lpks_purge_downloads)
    return huey


def daily_at(hhmm: str, zone: str):
    """A huey schedule: true once a day at HH:MM in `zone` (huey hands it the time in UTC)."""
    hour, minute = (int(part) for part in hhmm.split(":"))
    tz = ZoneInfo(zone)

    def due(moment: datetime) -> bool:
        local = (moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)).astimezone(tz)
        return (local.hour, local.minute) == (hour, minute)

    return due


def send(app: Flask, job_id: int) -> None:
    """Hand a committed job to the runner (inline in immediate mode)."""
    queue(app).lpks_job(job_id)


def _key(job_id: int) -> str:
    return f"progress:{job_id}"


def report_progress(app: Flask, job_id: int, done: int, total: int | None) -> None:
    """Keep a running job's progress in the queue's own store: no write to the application's database (SQLite's
    write lock stays free while a long export runs)."""
    queue(app).put(_key(job_id), (done, total))


def read_progress(job_id: int) -> tuple[int, int | None] | None:
    """A running job's (done, total), or None when it has reported nothing."""
    if not has_app_context():
        return None
    value = queue().get(_key(job_id), peek=True)
    return tuple(value) if value else None


def clear_progress(app: Flask, job_id: int) -> None:
    """Forget a job's progress once it ended (its row holds the outcome)."""
    queue(app).delete(_key(job_id))


def run_consumer(app: Flask, workers: int | None = None) -> None:
    """Run the worker: the jobs users send and the periodic tasks, until SIGINT/SIGTERM."""
    from lpks.platform.jobs.periodic import fail_interrupted

    huey = queue(app)
    if huey.immediate:
        raise RuntimeError("LPKS_JOBS_IMMEDIATE=1: jobs run inline, there is nothing for a worker to do.")
    fail_interrupted(app)
    consumer = huey.create_consumer(workers=workers or app.config["JOBS_WORKERS"], periodic=True,
                                    worker_type="thread")
    consumer.run()
