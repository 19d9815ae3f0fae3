"""Session hooks of the accreditation area.

1. Append-only: instrument versions, answers and workflow events are never changed nor deleted, and an
   assessment is never deleted (a self-assessment is cancelled instead) — "nothing is overwritten" (issue 4).
2. The class of an LPKS follows its referral scope and work area, whoever changes them (the platform's LPKS form,
   the registry's work-area page, the API, an import): after each flush the touched LPKS are classified again.
   This listens to the session, so the registry's code needs no call into ours.
"""
from __future__ import annotations

from sqlalchemy import inspect

from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
    AssessmentEvent,
    InstitutionClass,
)
from lpks.registry.models.institution import Institution

APPEND_ONLY = (AccreditationInstrument, AssessmentAnswer, AssessmentEvent)
WORK_AREA_TABLE = "institution_work_area"  # the registry's link table (issue 3)
CLASS_INPUTS = ("referral_scope", "kabkota_code", "province_code", "updated_at")
PENDING = "lpks_class_pending"


def _guard(session, flush_context, instances) -> None:
    for obj in session.dirty:
        if isinstance(obj, APPEND_ONLY) and session.is_modified(obj):
            raise PermissionError(f"{type(obj).__name__} tidak dapat diubah: riwayat akreditasi hanya bertambah.")
    for obj in list(session.deleted):
        if isinstance(obj, APPEND_ONLY + (Assessment,)):
            raise PermissionError(f"{type(obj).__name__} tidak dapat dihapus: riwayat akreditasi hanya bertambah.")
        if isinstance(obj, Institution) and obj.id is not None:
            # The stored class is derived data: it goes with its LPKS (anything else still refuses the delete).
            session.execute(InstitutionClass.__table__.delete().where(
                InstitutionClass.__table__.c.institution_id == obj.id))


def _changed(obj) -> bool:
    state = inspect(obj)
    return any(state.attrs[name].history.has_changes() for name in CLASS_INPUTS if name in state.attrs)


def _collect(session, flush_context) -> None:
    pending: set[int] = session.info.setdefault(PENDING, set())
    for obj in session.new:
        if isinstance(obj, Institution):
            pending.add(obj.id)
        elif getattr(obj, "__tablename__", None) == WORK_AREA_TABLE:
            pending.add(obj.institution_id)
    for obj in session.dirty:
        if isinstance(obj, Institution) and _changed(obj):
            pending.add(obj.id)
    for obj in session.deleted:
        if getattr(obj, "__tablename__", None) == WORK_AREA_TABLE:
            pending.add(obj.institution_id)
        elif isinstance(obj, Institution):
            pending.discard(obj.id)


def _reclassify(session, flush_context) -> None:
    pending = session.info.pop(PENDING, None)
    if not pending:
        return
    from lpks.accreditation.services.classes import recompute

    institutions = [session.get(Institution, ident) for ident in sorted(pending)]
    # New class rows are flushed with the session's next flush or at commit (SQLAlchemy flushes until clean).
    recompute(session, [i for i in institutions if i is not None], "profil")


# Installed on every Session by lpks.wiring.install(), never by importing this module.
SESSION_HOOKS = [
    ("before_flush", _guard),
    ("after_flush", _collect),
    ("after_flush_postexec", _reclassify),
]
