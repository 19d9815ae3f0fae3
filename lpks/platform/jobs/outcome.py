"""What a rejected job leaves its owner: the first errors and their count with the job, every error in a file."""
from __future__ import annotations

import secrets
from datetime import timedelta
from pathlib import Path

from flask_babel import gettext as _

from lpks.platform import clock
from lpks.platform.jobs.core import with_result
from lpks.platform.models.base import utcnow


def rejected_outcome(app, job, exc) -> dict:
    """The job's columns for a rejection listing `exc.all_errors` (lines already in the owner's language): the first
    MAX_ERRORS and the count in its result, and all of them as a CSV offered like a download."""
    from lpks.io.stream import write_rows  # io reaches the registry's services: imported when a job runs
    from lpks.io.upload import MAX_ERRORS

    errors = [str(line) for line in exc.all_errors]
    folder = Path(app.config["DOWNLOAD_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    key = f"{job.id}-{secrets.token_urlsafe(18)}.csv"
    write_rows(folder / key, "csv", [_("Kesalahan")], ([line] for line in errors), clock.local_zone())
    return {"payload": with_result(job.payload, {"errors": errors[:MAX_ERRORS], "error_count": len(errors)}),
            "file_key": key, "file_name": f"kesalahan-impor-{job.id}.csv",
            "expires_at": utcnow() + timedelta(hours=app.config["DOWNLOAD_HOURS"])}
