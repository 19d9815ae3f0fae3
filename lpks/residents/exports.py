"""The residents' Excel export (pseudonymised, or with the full identity for the roles allowed): served at once up
to EXPORT_INLINE_ROWS children, otherwise run as a job of the user's (the file then waits in "Pekerjaan saya"); either
way every child whose identity it holds is an audited view."""
from __future__ import annotations

from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.io.residents import (
    record_residents_export,
    residents_statement,
    write_residents,
)
from lpks.platform import clock
from lpks.platform.errors import Forbidden
from lpks.platform.exports import count_upto
from lpks.platform.jobs import JobContext, JobKind, JobResult, enqueue
from lpks.residents.services import residents


def file_name(identity: bool) -> str:
    """The offered name of the workbook."""
    return f"anak-lpks{'-identitas' if identity else ''}-{clock.today().isoformat()}.xlsx"


def start(session: Session, user: Any, identity: bool):
    """(None, job) for a large export, ("inline", None) when the caller should write it now."""
    if identity and not residents.may_export_identity(user):
        raise Forbidden(_("Ekspor identitas lengkap hanya untuk operator LPKS dan Dinas Sosial kabupaten/kota."))
    limit = current_app.config["EXPORT_INLINE_ROWS"]
    if count_upto(session, residents_statement(user, identity), limit) <= limit:
        return "inline", None
    title = _("Ekspor data anak dengan identitas lengkap (XLSX)") if identity else _("Ekspor data anak (XLSX)")
    return None, enqueue(session, "export-residents", user, {"identity": identity}, title)


def run(ctx: JobContext) -> JobResult:
    """The job: the owner's scope and identity right re-checked, every row streamed to the owner's file."""
    identity = bool(ctx.payload.get("identity"))
    total = ctx.session.scalar(select(func.count()).select_from(
        residents_statement(ctx.user, identity).order_by(None).subquery()))
    key, path = ctx.new_file(".xlsx")
    try:
        revealed = write_residents(ctx.session, ctx.user, identity, str(path), lambda n: ctx.progress(n, total))
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return JobResult(key, file_name(identity), total,
                     lambda session: record_residents_export(session, identity, revealed))


JOB_KINDS = {"export-residents": JobKind(run)}
