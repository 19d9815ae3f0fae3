"""Consistent backups: SQLite's online backup API, pg_dump for PostgreSQL."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy.engine import make_url

from lpks.platform.errors import ServiceError


def backup(dest: str) -> Path:
    """Write a consistent copy of the database to `dest` while the system keeps running."""
    url = make_url(current_app.config["DATABASE_URL"])
    target = Path(dest).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    if url.get_backend_name() == "sqlite":
        return _sqlite(url.database, target)
    if url.get_backend_name() == "postgresql":
        return _postgres(url, target)
    raise ServiceError(_("Basis data '%(backend)s' tidak didukung untuk cadangan.",
                         backend=url.get_backend_name()), "DATABASE_URL")


def _sqlite(database: str | None, target: Path) -> Path:
    if not database or database == ":memory:":
        raise ServiceError(_("Basis data SQLite dalam memori tidak dapat dicadangkan."), "DATABASE_URL")
    source = sqlite3.connect(database)
    try:
        copy = sqlite3.connect(target)
        with copy:
            source.backup(copy)
        copy.close()
    finally:
        source.close()
    return target


def _postgres(url, target: Path) -> Path:
    if shutil.which("pg_dump") is None:
        raise ServiceError(_("Perintah pg_dump tidak ditemukan: pasang paket postgresql-client."), "pg_dump")
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = url.password
    args = ["pg_dump", "--format=custom", "--no-owner", f"--file={target}", "--dbname", url.database or ""]
    if url.host:
        args += ["--host", url.host]
    if url.port:
        args += ["--port", str(url.port)]
    if url.username:
        args += ["--username", url.username]
    result = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise ServiceError(_("pg_dump gagal: %(stderr)s", stderr=result.stderr.strip()[:300]), "pg_dump")
    return target
