"""Large imports of residents run as jobs of the user's (lpks.platform.imports): when the job runs, the owner's right
to register an LPKS's children is checked again, then every row is imported exactly as the page does, all or
nothing. Titles and messages name no child."""
from __future__ import annotations

from typing import IO, Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.platform import imports
from lpks.platform.errors import Forbidden
from lpks.platform.jobs import JobContext, JobKind, JobResult
from lpks.residents.services.importing import import_residents
from lpks.security.permissions import registers_lpks_residents


def summary(count: int) -> str:
    """The sentence the owner reads when the import is done (the page's own)."""
    return _("%(n)s anak dan penempatannya diimpor.", n=count)


def start(session: Session, user: Any, upload: bytes | IO[bytes], name: str | None):
    """(content, None) to import now, or (content, job) when the workbook waits for the worker."""
    if not registers_lpks_residents(user):
        raise Forbidden()
    return imports.start(session, user, "import-residents", upload, name, {"institution_id": user.institution_id},
                         _("Impor data anak dan penempatannya dari Excel"))


def run(ctx: JobContext) -> JobResult:
    """The job: the owner's right re-checked, then the page's import in the job's one transaction."""
    # the children go to the owner's LPKS: the one they belonged to when they uploaded, or none
    if not registers_lpks_residents(ctx.user) or ctx.user.institution_id != ctx.payload.get("institution_id"):
        raise Forbidden(_("Anda tidak lagi berwenang mengimpor data anak."))
    count = import_residents(ctx.session, ctx.user, imports.stored(ctx.payload), ctx.payload.get("name"),
                             imports.progress(ctx))
    return JobResult(rows=count, message=summary(count), outcome={"imported": count})


JOB_KINDS = {"import-residents": JobKind(run, writes=True, discard=imports.discard)}
