"""Large staff and facility imports of an LPKS run as jobs of the user's (lpks.platform.imports): when the job runs,
the service checks again that its owner may still change that LPKS's staff or facilities, then imports exactly as
the page does, all or nothing."""
from __future__ import annotations

from typing import IO, Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.platform import imports
from lpks.platform.errors import Forbidden, NotFound
from lpks.platform.jobs import JobContext, JobKind, JobResult
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import importing
from lpks.registry.services.common import institution_for_write

SERVICES = {"staff": importing.import_staff, "facilities": importing.import_facilities}
MODELS = {"staff": StaffMember, "facilities": FacilityRecord}


def summary(result: importing.ImportResult) -> str:
    """The sentence the owner reads when the import is done (the page's own)."""
    return _("Impor selesai: %(c)s baru, %(u)s diperbarui, %(s)s dilewati.", c=result.created, u=result.updated,
             s=result.skipped)


def start(session: Session, user: Any, inst: Institution, what: str, upload: bytes | IO[bytes], name: str | None):
    """(content, None) to import now, or (content, job) when the workbook waits for the worker (once the user's
    right to change that LPKS's staff or facilities is checked, as the service checks it again when it runs)."""
    institution_for_write(session, user, {"institution_id": inst.id}, MODELS[what])
    title = (_("Impor tenaga dari Excel: %(lpks)s", lpks=inst.name) if what == "staff"
             else _("Impor sarana dan prasarana dari Excel: %(lpks)s", lpks=inst.name))
    return imports.start(session, user, f"import-{what}", upload, name, {"institution_id": inst.id}, title)


def _runner(what: str):
    def run(ctx: JobContext) -> JobResult:
        try:  # the owner's role and scope may have changed since the upload (the service checks them again too)
            inst = institution_for_write(ctx.session, ctx.user, {"institution_id": ctx.payload["institution_id"]},
                                         MODELS[what])
        except (NotFound, Forbidden):
            raise Forbidden(_("Anda tidak lagi berwenang mengubah data LPKS ini.")) from None
        result = SERVICES[what](ctx.session, ctx.user, inst, imports.stored(ctx.payload), ctx.payload.get("name"),
                                imports.progress(ctx))
        rows = result.created + result.updated + result.skipped
        return JobResult(rows=rows, message=summary(result), outcome={
            "created": result.created, "updated": result.updated, "skipped": result.skipped})

    return run


JOB_KINDS = {f"import-{what}": JobKind(_runner(what), writes=True, discard=imports.discard) for what in SERVICES}
