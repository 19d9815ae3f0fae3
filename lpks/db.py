"""Database plumbing: SQLite pragmas and transaction mode.

SQLite's driver starts transactions lazily, so a request that reads and then writes can fail with
"database is locked" when another writer got there first (busy_timeout cannot help a lock upgrade).
We take the transaction ourselves: `BEGIN IMMEDIATE` for requests and commands that write, so they
queue on busy_timeout instead of failing, and a plain `BEGIN` for reads.
"""
from __future__ import annotations

import contextvars
import sqlite3

from sqlalchemy import Engine, event

_installed = False
write_intent: contextvars.ContextVar[bool] = contextvars.ContextVar("lpks_write_intent", default=True)


def install_sqlite_pragmas() -> None:
    """WAL, a busy timeout, foreign keys and explicit BEGIN on every SQLite connection."""
    global _installed
    if _installed:
        return
    event.listen(Engine, "connect", _on_connect)
    event.listen(Engine, "begin", _on_begin)
    _installed = True


def _on_connect(dbapi_connection, connection_record) -> None:
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    dbapi_connection.isolation_level = None  # we emit BEGIN ourselves
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _on_begin(connection) -> None:
    if connection.dialect.name != "sqlite":
        return
    connection.exec_driver_sql("BEGIN IMMEDIATE" if write_intent.get() else "BEGIN")
