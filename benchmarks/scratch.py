"""A run measures a scratch copy of the generated data set, so the data set itself is left exactly as generated
(logins, audit rows, the load step's users and updates, the export jobs all land in the copy, which is dropped).

SQLite: the online backup API into a file beside it. PostgreSQL: CREATE DATABASE … TEMPLATE (a file copy; the
planner statistics and the visibility map come along). `fingerprint` (row count and largest id of every table) is
taken before and after the run to show the data set did not change."""
from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

from sqlalchemy import create_engine, func, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool


def copy(url: str) -> str:
    """A scratch copy of the database at `url`; returns its URL."""
    parsed = make_url(url)
    tag = uuid.uuid4().hex[:8]
    if parsed.get_backend_name() == "sqlite":
        source = Path(parsed.database)
        target = source.with_name(f"{source.stem}-run-{tag}{source.suffix}")
        with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
            src.backup(dst)
        return parsed.set(database=str(target)).render_as_string(hide_password=False)
    name = f"{parsed.database}_run_{tag}"
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{parsed.database}"'))
    admin.dispose()
    return parsed.set(database=name).render_as_string(hide_password=False)


def drop(url: str) -> None:
    """Remove a scratch copy."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(parsed.database + suffix).unlink(missing_ok=True)
        return
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=NullPool)
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    admin.dispose()


def fingerprint(url: str) -> dict[str, list]:
    """{table: [rows, largest id]} of every table (alembic_version aside)."""
    engine = create_engine(url, poolclass=NullPool)
    result = {}
    try:
        with engine.connect() as conn:
            inspector = inspect(conn)
            for name in sorted(inspector.get_table_names()):
                if name == "alembic_version":
                    continue
                columns = {c["name"] for c in inspector.get_columns(name)}
                table = text(f'"{name}"')
                rows = conn.scalar(select(func.count()).select_from(table))
                top = conn.scalar(text(f'SELECT max(id) FROM "{name}"')) if "id" in columns else None
                result[name] = [rows, top]
    finally:
        engine.dispose()
    return result
