"""Run one job as its owner: re-read the user, re-check the policy through the kind's own queries, one transaction
for what the job changes, the outcome (done with its file, or failed with a message the owner can read) recorded."""
from __future__ import annotations

import json
import logging
from datetime import timedelta
from pathlib import Path

from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import update

from lpks.db import write_intent
from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.jobs.core import KINDS, JobContext, with_result
from lpks.platform.jobs.outcome import rejected_outcome
from lpks.platform.models.base import utcnow
from lpks.platform.models.job import DONE, FAILED, QUEUED, RUNNING, Job
from lpks.platform.models.user import User
from lpks.platform.services.audit import Actor, _actor

log = logging.getLogger("lpks.jobs")


def _set(session, job_id: int, **values) -> None:
    session.execute(update(Job).where(Job.id == job_id).values(**values))


def _start(session, job_id: int) -> Job | None:
    """Mark a queued job running (its own short transaction); None when it is gone or already taken."""
    job = session.get(Job, job_id)
    if job is None or job.status != QUEUED:
        session.rollback()
        return None
    _set(session, job_id, status=RUNNING, started_at=utcnow())
    session.commit()
    return job


def _discard(name: str, kind, payload: dict) -> None:
    """Remove what the job was handed (a stored workbook), whatever its end; a failure here is only logged."""
    if kind is not None and kind.discard is not None:
        try:
            kind.discard(payload)
        except OSError:
            log.exception("could not remove the input of a %s job", name)


def run_job(app, job_id: int) -> None:
    """Run the job `job_id` in its own application context and session (the worker's thread or, in tests, inline)."""
    from lpks.platform.jobs.queue import clear_progress, report_progress

    with app.app_context():
        session = db.session
        job = _start(session, job_id)
        if job is None:
            return
        kind = KINDS.get(job.kind)
        user = session.get(User, job.user_id)
        ctx = JobContext(session, user, job_id, json.loads(job.payload or "{}"),
                         lambda done, total: report_progress(app, job_id, done, total),
                         Path(app.config["DOWNLOAD_DIR"]))
        actor = _actor.set(Actor(user.id, user.username, user.role, None))
        intent = write_intent.set(bool(kind and kind.writes))
        result, error, rejected = None, None, None
        try:
            with force_locale(user.locale or "id"):
                if kind is None or not user.active:
                    raise ServiceError(_("Pekerjaan ini tidak dapat dijalankan lagi."), status=403)
                result = kind.run(ctx)
                if not kind.writes:
                    session.rollback()  # end the read-only transaction; the writes below take the lock briefly
                    write_intent.set(True)
                if result.record is not None:
                    result.record(session)
                hours = app.config["DOWNLOAD_HOURS"]
                extra = {"payload": with_result(job.payload, result.outcome)} if result.outcome is not None else {}
                _set(session, job_id, status=DONE, finished_at=utcnow(), rows_done=result.rows or 0,
                     rows_total=result.rows, file_key=result.file_key, file_name=result.name,
                     expires_at=utcnow() + timedelta(hours=hours) if result.file_key else None,
                     message=result.message, **extra)
                session.commit()
        except ServiceError as exc:
            error, rejected = exc.message, exc
        except Exception:  # noqa: BLE001  (the owner sees a plain message; the log keeps the traceback, no values)
            log.exception("job %s (%s) failed", job_id, job.kind)
            with force_locale(user.locale or "id"):
                error = _("Pekerjaan gagal karena kesalahan sistem. Coba lagi, atau hubungi admin sistem.")
        finally:
            write_intent.set(True)
            if error is not None:
                session.rollback()
                if result is not None and result.file_key:
                    (Path(app.config["DOWNLOAD_DIR"]) / result.file_key).unlink(missing_ok=True)
                extra = {}
                if getattr(rejected, "all_errors", None):
                    with force_locale(user.locale or "id"):  # the error list's header in the owner's language
                        extra = rejected_outcome(app, job, rejected)
                _set(session, job_id, status=FAILED, finished_at=utcnow(), message=error[:2000], **extra)
                session.commit()
            _discard(job.kind, kind, ctx.payload)
            write_intent.reset(intent)
            _actor.reset(actor)
            clear_progress(app, job_id)
