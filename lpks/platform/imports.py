"""Workbook imports too large for a request: the workbook is checked and its data rows counted in the request; up
to IMPORT_INLINE_ROWS rows it is imported there as before, beyond that it is stored under IMPORT_DIR (never a public
path, under a name of the system's) and imported by the worker as a job of the user's, all or nothing, in one
transaction. Each area declares its kinds (lpks/registry/imports.py, lpks/residents/imports.py); this module keeps
what they share: the decision, the per-user limit, the stored file and the progress."""
from __future__ import annotations

import json
import os
import re
import secrets
from pathlib import Path
from typing import IO, Any, Callable

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.io.upload import count_rows, upload_limit
from lpks.platform.errors import ServiceError
from lpks.platform.jobs import JobContext, enqueue
from lpks.platform.models.job import QUEUED, RUNNING, Job
from lpks.platform.models.user import User

IMPORT_KINDS = ("import-staff", "import-facilities", "import-residents")
PROGRESS_EVERY = 100  # rows between two progress reports
_KEY = re.compile(r"^[A-Za-z0-9_-]{20,64}\.xlsx$")


class TooManyImports(ServiceError):
    """The user already has as many imports waiting or running as allowed."""

    def __init__(self, limit: int):
        super().__init__(_("Anda sudah punya %(n)s impor yang menunggu atau sedang berjalan. Tunggu sampai salah "
                           "satunya selesai (lihat Pekerjaan saya), lalu unggah lagi.", n=limit), "file", status=429)


def queued_message() -> str:
    """What the user reads once a large workbook is queued."""
    return _("Berkas ini besar (lebih dari %(n)s baris data), jadi diimpor di latar belakang. Kemajuan dan hasilnya "
             "tampil di Pekerjaan saya.", n=current_app.config["IMPORT_INLINE_ROWS"])


def background_note() -> str:
    """What an import form says about large workbooks."""
    return _("Berkas dengan lebih dari %(n)s baris data diimpor di latar belakang; kemajuan dan hasilnya tampil di "
             "Pekerjaan saya.", n=current_app.config["IMPORT_INLINE_ROWS"])


def folder() -> Path:
    """Where stored workbooks wait for the worker (LPKS_IMPORT_DIR)."""
    return Path(current_app.config["IMPORT_DIR"])


def active_imports(session: Session, user: Any) -> int:
    """How many of the user's imports wait or run."""
    return session.scalar(select(func.count()).select_from(Job).where(
        Job.user_id == user.id, Job.kind.in_(IMPORT_KINDS), Job.status.in_((QUEUED, RUNNING))))


def start(session: Session, user: Any, kind: str, upload: bytes | IO[bytes], name: str | None, payload: dict,
          title: str) -> tuple[bytes, Job | None]:
    """(content, None) when the caller imports the workbook now; (content, job) when it was stored and queued.

    The workbook passes the upload checks first either way, so a damaged or hostile file is refused at the form."""
    content = upload if isinstance(upload, bytes) else upload.read(upload_limit() + 1)
    limit = current_app.config["IMPORT_INLINE_ROWS"]
    if count_rows(content, name, upto=limit) <= limit:
        return content, None
    # the owner's row locked (PostgreSQL; SQLite's write transaction is already exclusive): two uploads at the same
    # moment cannot both pass the limit
    session.execute(select(User.id).where(User.id == user.id).with_for_update())
    allowed = current_app.config["IMPORTS_PER_USER"]
    if active_imports(session, user) >= allowed:
        raise TooManyImports(allowed)
    key = f"{secrets.token_urlsafe(24)}.xlsx"
    target = folder()
    target.mkdir(mode=0o700, parents=True, exist_ok=True)
    descriptor = os.open(target / key, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(content)
    return content, enqueue(session, kind, user, {**payload, "file": key, "name": Path(name or "").name}, title)


def _path(payload: dict) -> Path | None:
    key = str(payload.get("file") or "")
    return folder() / key if _KEY.match(key) else None


def stored(payload: dict) -> bytes:
    """The workbook a job was handed."""
    path = _path(payload)
    if path is None or not path.is_file():
        raise ServiceError(_("Berkas impor tidak ditemukan lagi. Silakan unggah ulang."), "file")
    return path.read_bytes()


def discard(payload: dict) -> None:
    """Delete the stored workbook (the job's end, whatever it was)."""
    path = _path(payload)
    if path is not None:
        path.unlink(missing_ok=True)


def progress(ctx: JobContext) -> Callable[[int, int | None], None]:
    """A progress callback for an import service: rows read (total None), then rows checked out of all rows; one
    report per PROGRESS_EVERY rows, and one whenever the phase changes."""
    last = {"done": 0, "total": None}

    def report(done: int, total: int | None) -> None:
        if total != last["total"] or done - last["done"] >= PROGRESS_EVERY or (total and done >= total):
            last.update(done=done, total=total)
            ctx.report(done, total)

    return report


def stray_files(session: Session, older_than: float) -> list[Path]:
    """Stored workbooks no waiting or running job holds (a request rolled back, a job cut off), older than the
    timestamp `older_than`."""
    target = folder()
    if not target.is_dir():
        return []
    held = {json.loads(payload or "{}").get("file") for payload in session.scalars(
        select(Job.payload).where(Job.kind.in_(IMPORT_KINDS), Job.status.in_((QUEUED, RUNNING))))}
    return [path for path in target.iterdir()
            if path.name not in held and path.stat().st_mtime < older_than]
