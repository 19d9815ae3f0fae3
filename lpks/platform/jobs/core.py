"""Job kinds, enqueueing after commit, and the context a running job sees."""
from __future__ import annotations

import json
import secrets
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from flask import current_app
from sqlalchemy.orm import Session

from lpks.platform.models.job import DONE, Job

PENDING = "lpks_jobs_pending"


@dataclass(frozen=True)
class JobResult:
    """What a job made: a file in the downloads folder (offered under `name`), how many rows, the writes that
    belong to its closing transaction (an export's audit rows), and for its owner a sentence and the figures
    (`outcome`, an import's counts: kept with the job, read back with `result_of`)."""

    file_key: str | None = None
    name: str | None = None
    rows: int | None = None
    record: Callable[[Session], None] | None = None
    message: str | None = None
    outcome: dict | None = None


@dataclass
class JobContext:
    """What a running job sees: its session, its owner (freshly read), its payload and how to report progress."""

    session: Session
    user: Any
    job_id: int
    payload: dict
    report: Callable[[int, int | None], None]
    download_dir: Path
    _last: int = field(default=-1, repr=False)

    def progress(self, done: int, total: int | None = None, every: int = 1000) -> None:
        """Report how far the job got (throttled to one report per `every` rows)."""
        if done - self._last >= every or (total is not None and done >= total):
            self._last = done
            self.report(done, total)

    def new_file(self, suffix: str) -> tuple[str, Path]:
        """A fresh, unguessable file in the downloads folder: (key, path)."""
        self.download_dir.mkdir(parents=True, exist_ok=True)
        key = f"{self.job_id}-{secrets.token_urlsafe(18)}{suffix}"
        return key, self.download_dir / key


@dataclass(frozen=True)
class JobKind:
    """A kind of job: the function that runs it, and whether its one transaction writes from the start.

    `writes=False` (exports): the job reads in a read-only transaction, so SQLite's write lock is never held while
    it works; its writes (`JobResult.record`) and its status then commit together. `writes=True` (imports): one
    transaction takes the write lock from the start, as a request that writes does."""

    run: Callable[[JobContext], JobResult]
    writes: bool = False
    discard: Callable[[dict], None] | None = None  # removes what the job was handed (a stored workbook), always


KINDS: dict[str, JobKind] = {}


def register_kinds(kinds: dict[str, JobKind]) -> None:
    """Add job kinds (lpks.wiring.install calls this for every module in JOB_MODULES)."""
    KINDS.update(kinds)


def enqueue(session: Session, kind: str, user: Any, payload: dict, title: str) -> Job:
    """Record a job for `user`; the runner receives it when the session's transaction commits (never before, so the
    worker always finds the row, and never when it rolls back)."""
    if kind not in KINDS:
        raise ValueError(f"unknown job kind {kind!r}")
    job = Job(kind=kind, user_id=user.id, title=title[:200], payload=json.dumps(payload))
    session.add(job)
    session.flush()
    session.info.setdefault(PENDING, []).append(job.id)
    return job


def result_of(job: Job) -> dict | None:
    """What an ended job found for its owner (an import's counts, or its errors), kept in its payload."""
    try:
        return json.loads(job.payload or "{}").get("result")
    except ValueError:
        return None


def with_result(payload: str | None, result: dict) -> str:
    """The job's payload with its result added."""
    data = json.loads(payload or "{}")
    data["result"] = result
    return json.dumps(data)


def progress_of(job: Job) -> tuple[int, int | None]:
    """(rows done, rows in all) of a job: from the runner while it runs, from the row once it ended."""
    if job.status == DONE:
        return job.rows_done, job.rows_total
    from lpks.platform.jobs.queue import read_progress

    return read_progress(job.id) or (job.rows_done, job.rows_total)


def _dispatch(session: Session) -> None:
    ids = session.info.pop(PENDING, None)
    if ids:
        from lpks.platform.jobs.queue import send

        app = current_app._get_current_object()
        for ident in ids:
            send(app, ident)


def _forget(session: Session, previous_transaction) -> None:
    if not session.in_transaction():  # the whole transaction rolled back (a savepoint keeps what came before)
        session.info.pop(PENDING, None)


# Installed by lpks.wiring.install(): a job reaches the runner only once its row is committed.
SESSION_HOOKS = [("after_commit", _dispatch), ("after_soft_rollback", _forget)]
