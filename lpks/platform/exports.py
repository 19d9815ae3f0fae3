"""Exports of the lists, streamed in constant memory (rows read in chunks, written as they come): served at once
when small, run as a background job for its owner when large. Each list that offers an export is an
`ExportSource` (the Flask-Admin views, admin/exporting.py): it names its columns and builds its statement for a
given user, so the worker applies exactly the scope, filters and initials rules of the page."""
from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator, Protocol

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.io.stream import write_rows
from lpks.platform import clock
from lpks.platform.errors import Forbidden, NotFound
from lpks.platform.jobs import JobContext, JobKind, JobResult, enqueue
from lpks.platform.services import audit

CHUNK = 1000  # rows fetched per round trip (a server-side cursor on PostgreSQL)


@dataclass(frozen=True)
class ExportColumn:
    """One column of an export: its header, the SQL expression it reads (default: the model's column `name`), and
    how a value becomes a cell — `fmt` per distinct value (a code's label: translated once, then reused), or
    `row` from the whole row (a value derived from several columns)."""

    name: str
    label: Any
    expr: Any = None
    fmt: Callable[[Any], Any] | None = None
    row: Callable[[Any], Any] | None = None
    join: tuple | None = None  # (target, onclause) the expression needs, outer-joined


class ExportSource(Protocol):
    """What a list offers the exporter."""

    model: type
    export_name: str

    def export_columns(self) -> list[ExportColumn]: ...

    def export_statement(self, user: Any, spec: dict): ...

    def may_export(self, user: Any) -> bool: ...

    def export_title(self) -> str: ...


def sources() -> dict[str, ExportSource]:
    """Every list that offers an export, by its endpoint (registered by the admin when the app is built)."""
    return current_app.extensions.get("lpks_exports", {})


def count_upto(session: Session, stmt, limit: int) -> int:
    """How many rows the export has, counted no further than `limit` + 1 (cheap whatever the scope)."""
    return session.scalar(select(func.count()).select_from(stmt.order_by(None).limit(limit + 1).subquery()))


def rows_of(session: Session, stmt, columns: list[ExportColumn]) -> Iterator[list[Any]]:
    """The cells of every row, fetched `CHUNK` rows at a time; code labels looked up once per distinct value."""
    result = session.execute(stmt.execution_options(yield_per=CHUNK))
    keys = list(result.keys())
    plan = [(keys.index(c.name) if c.row is None else None, c.fmt, c.row, {}) for c in columns]
    for row in result:
        cells = []
        for index, fmt, derive, cache in plan:
            if derive is not None:
                cells.append(derive(row))
                continue
            value = row[index]
            if fmt is not None and value is not None:
                try:
                    value = cache[value]
                except KeyError:
                    value = cache[value] = fmt(value)
            cells.append(value)
        yield cells


def write_export(session: Session, user: Any, source: ExportSource, spec: dict, fmt: str, path: Path,
                 progress: Callable[[int], None] | None = None) -> int:
    """Write the user's export of `source` to `path`; returns the number of rows."""
    columns = source.export_columns()
    header = [str(c.label) for c in columns]  # translated once per column
    stmt = source.export_statement(user, spec)
    return write_rows(path, fmt, header, rows_of(session, stmt, columns), clock.local_zone(), source.export_name,
                      progress)


def record_export(session: Session, source: ExportSource, fmt: str) -> None:
    """The audit row of an export (what and in which format), as every export has had."""
    audit.record(session, "export", source.model.__tablename__, None, (fmt,))


def file_name(source: ExportSource, fmt: str) -> str:
    """The name a downloaded export is offered under."""
    return f"{source.export_name}-{clock.today().isoformat()}.{fmt}"


def start(session: Session, user: Any, endpoint: str, spec: dict, fmt: str) -> tuple[Path | None, Any]:
    """Export the list: a small one is written now and returned as (path, name) for the response (audited in the
    caller's transaction); a large one becomes a job of the user's, returned as (None, job)."""
    source = sources().get(endpoint)
    if source is None or not source.may_export(user):
        raise NotFound()
    limit = current_app.config["EXPORT_INLINE_ROWS"]
    if count_upto(session, source.export_statement(user, spec), limit) > limit:
        title = _("Ekspor %(list)s (%(format)s)", list=source.export_title(), format=fmt.upper())
        return None, enqueue(session, "export", user, {"source": endpoint, "spec": spec, "format": fmt}, title)
    handle = tempfile.NamedTemporaryFile(prefix="lpks-export-", suffix="." + fmt, delete=False)
    handle.close()
    path = Path(handle.name)
    try:
        write_export(session, user, source, spec, fmt, path)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    record_export(session, source, fmt)
    return path, file_name(source, fmt)


def run_export(ctx: JobContext) -> JobResult:
    """The export job: the owner's scope re-checked, every row streamed to a file kept for the owner."""
    endpoint, spec, fmt = ctx.payload["source"], ctx.payload.get("spec") or {}, ctx.payload["format"]
    source = sources().get(endpoint)
    if source is None or not source.may_export(ctx.user):
        raise Forbidden(_("Anda tidak lagi berwenang mengekspor daftar ini."))
    stmt = source.export_statement(ctx.user, spec)
    total = ctx.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery()))
    ctx.progress(0, total)
    key, path = ctx.new_file("." + fmt)
    try:
        rows = write_export(ctx.session, ctx.user, source, spec, fmt, path, lambda n: ctx.progress(n, total))
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return JobResult(key, file_name(source, fmt), rows, lambda session: record_export(session, source, fmt))


JOB_KINDS = {"export": JobKind(run_export)}
