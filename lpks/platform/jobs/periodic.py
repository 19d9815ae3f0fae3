"""What the worker runs on its own: the daily refresh and expiry just after midnight, and the removal of downloads
past their time (and of stored import workbooks no job holds). Each runs as the system (audited as "jobs"), one
transaction per task."""
from __future__ import annotations

import logging
import time
from datetime import date
from pathlib import Path

from flask_babel import gettext as _
from sqlalchemy import select, update

from lpks.extensions import db
from lpks.platform.models.base import utcnow
from lpks.platform.models.job import FAILED, RUNNING, Job
from lpks.platform.services.audit import Actor, _actor

log = logging.getLogger("lpks.jobs")
SYSTEM = Actor(username="jobs", role="jobs")


def daily(app, today: date | None = None) -> dict[str, int]:
    """`lpks standards refresh` and `lpks accreditation expire`, each in its own transaction: the stored standards
    evaluations that stopped holding at midnight are stored again, and designations past their last day expire."""
    from lpks.accreditation.services.steps import expire_due
    from lpks.registry.services.standards_store import refresh

    done: dict[str, int] = {}
    token = _actor.set(SYSTEM)
    try:
        with app.app_context():
            done["standards"] = refresh(db.session, today)
            db.session.commit()
        with app.app_context():
            run = expire_due(db.session, today)
            db.session.commit()
            done["expired"] = run.expired
    finally:
        _actor.reset(token)
    log.info("daily jobs: %s standards evaluations stored, %s accreditations expired",
             done["standards"], done["expired"])
    return done


def purge_downloads(app) -> int:
    """Delete every finished download past its time (and stray files of interrupted jobs); returns how many."""
    folder = Path(app.config["DOWNLOAD_DIR"])
    removed = 0
    with app.app_context():
        session = db.session
        now = utcnow()
        due = session.execute(select(Job.id, Job.file_key).where(Job.expires_at < now, Job.file_key.is_not(None)))
        ids = []
        for ident, key in due:
            (folder / key).unlink(missing_ok=True)
            ids.append(ident)
        if ids:
            session.execute(update(Job).where(Job.id.in_(ids)).values(file_key=None))
            session.commit()
        removed = len(ids)
        kept = set(session.scalars(select(Job.file_key).where(Job.file_key.is_not(None))))
        removed += purge_imports(session)
    if folder.is_dir():
        horizon = time.time() - app.config["DOWNLOAD_HOURS"] * 3600
        for path in folder.iterdir():
            if path.name not in kept and path.stat().st_mtime < horizon:
                path.unlink(missing_ok=True)
                removed += 1
    return removed


def purge_imports(session) -> int:
    """Delete stored workbooks that no waiting or running import holds any more (its request rolled back, or its job
    was cut off) once they are an hour old; returns how many."""
    from lpks.platform.imports import stray_files

    strays = stray_files(session, time.time() - 3600)
    for path in strays:
        path.unlink(missing_ok=True)
    return len(strays)


def fail_interrupted(app) -> int:
    """When the worker starts, jobs still marked running were cut off by its last stop: say so to their owners."""
    with app.app_context():
        result = db.session.execute(update(Job).where(Job.status == RUNNING).values(
            status=FAILED, finished_at=utcnow(),
            message=_("Pekerjaan terhenti karena layanan latar dimulai ulang. Silakan ulangi.")))
        db.session.commit()
        return result.rowcount or 0
