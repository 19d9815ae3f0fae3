"""Pekerjaan saya: the user's own background jobs (large exports and imports) with their status and progress, an
import's counts or its errors, and each file (an export, an import's error list), offered to its owner only until
it is deleted; every download is audited."""
from __future__ import annotations

from pathlib import Path

from flask import abort, current_app, redirect, send_file, url_for
from flask_admin import BaseView, expose
from flask_login import current_user
from sqlalchemy import select

from lpks.extensions import db
from lpks.io.stream import MIMETYPES
from lpks.platform.jobs import progress_of, result_of
from lpks.platform.models.base import utcnow
from lpks.platform.models.job import DONE, FAILED, QUEUED, RUNNING, Job
from lpks.platform.services import audit
from lpks.security import READ, scope_clause

SHOWN = 50
SHOWN_ERRORS = 20  # an import's errors listed on the page; every one is in its error list


class DownloadsView(BaseView):
    """The user's jobs, newest first; a page with a job still running reloads itself every few seconds."""
    # (the endpoint keeps its name "downloads": the menu calls it "Pekerjaan saya" since imports run here too)

    def is_accessible(self) -> bool:
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login"))

    def _mine(self):
        return select(Job).where(scope_clause(current_user, Job, READ))

    @expose("/")
    def index_view(self):
        jobs = list(db.session.scalars(self._mine().order_by(Job.id.desc()).limit(SHOWN)))
        now = utcnow()
        rows = []
        for job in jobs:
            done, total = progress_of(job) if job.status in (RUNNING, DONE) else (0, job.rows_total)
            ready = job.file_key is not None and (job.expires_at is None or _aware(job.expires_at) > now)
            percent = min(100, int(100 * done / total)) if total else (100 if job.status == DONE else 0)
            result = result_of(job) or {}
            errors = result.get("errors") or []
            rows.append({"job": job, "done": done, "total": total, "percent": percent, "ready": ready,
                         "errors": errors[:SHOWN_ERRORS], "error_count": result.get("error_count", len(errors))})
        waiting = any(job.status in (QUEUED, RUNNING) for job in jobs)
        return self.render("account/downloads.html", rows=rows, waiting=waiting,
                           statuses={QUEUED: QUEUED, RUNNING: RUNNING, DONE: DONE, FAILED: FAILED},
                           hours=current_app.config["DOWNLOAD_HOURS"])

    @expose("/<int:ident>/file")
    def file(self, ident: int):
        """The finished file, for its owner only (404 for anyone else, as for a job that does not exist); audited."""
        job = db.session.scalar(self._mine().where(Job.id == ident))
        if job is None or job.status not in (DONE, FAILED) or job.file_key is None or (
                job.expires_at is not None and _aware(job.expires_at) <= utcnow()):
            abort(404)
        path = Path(current_app.config["DOWNLOAD_DIR"]) / job.file_key
        if not path.is_file():
            abort(404)
        audit.record(db.session, "download", "job", job.id, (job.kind,))
        db.session.commit()
        suffix = path.suffix.lstrip(".")
        return send_file(path, mimetype=MIMETYPES.get(suffix, "application/octet-stream"), as_attachment=True,
                         download_name=job.file_name or path.name)


def _aware(moment):
    """SQLite returns stored times without their zone (they are UTC)."""
    from datetime import timezone

    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
