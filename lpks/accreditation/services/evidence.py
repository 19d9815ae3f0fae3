"""Evidence documents of the registry behind the accreditation answers (issue 4): the documents linked to the
items an indicator rests on, and the documents the LPKS chose for an answer (ids on the append-only row)."""
from __future__ import annotations

import json
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import Instrument
from lpks.accreditation.models import AssessmentAnswer
from lpks.platform.errors import ServiceError
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.services.evidence import documents_by_item
from lpks.security.access import scoped_select

MAX_CHOSEN = 50


def stored_ids(row: AssessmentAnswer | None) -> list[int]:
    """The evidence ids kept on an answer row (empty when none)."""
    if row is None or not row.evidence_ids:
        return []
    return [int(i) for i in json.loads(row.evidence_ids)]


def dump_ids(ids: list[int]) -> str | None:
    """The column value for a list of ids (None for an empty choice)."""
    return json.dumps(sorted(set(ids))) if ids else None


def clean_ids(session: Session, institution_id: int, raw: Any, field: str) -> list[int]:
    """Validate chosen ids: integers naming documents of the assessment's own LPKS (422 on `field` otherwise).

    A document of another LPKS and a missing one get the same answer, so ids reveal nothing about other LPKS."""
    if raw is None or raw == "":
        return []
    if isinstance(raw, (str, int)):
        raw = [raw]
    if not isinstance(raw, (list, tuple)):
        raise ServiceError(_("Dokumen bukti harus daftar id dokumen."), field)
    ids = []
    for value in raw:
        text = str(value).strip()
        if isinstance(value, bool) or not text.isdigit():
            raise ServiceError(_("Id dokumen bukti tidak valid: %(value)s.", value=text or _("(kosong)")), field)
        ids.append(int(text))
    ids = sorted(set(ids))
    if len(ids) > MAX_CHOSEN:
        raise ServiceError(_("Paling banyak %(n)s dokumen bukti per indikator.", n=MAX_CHOSEN), field)
    if not ids:
        return []
    own = set(session.scalars(select(EvidenceDocument.id).where(EvidenceDocument.id.in_(ids),
                                                               EvidenceDocument.institution_id == institution_id)))
    foreign = [str(i) for i in ids if i not in own]
    if foreign:
        raise ServiceError(_("Dokumen bukti %(ids)s bukan milik LPKS ini.", ids=", ".join(foreign)), field)
    return ids


def documents_of(session: Session, user: Any, institution_id: int) -> list[EvidenceDocument]:
    """The LPKS's documents the user may read (title order); empty for a user who may not."""
    stmt = scoped_select(user, EvidenceDocument).where(EvidenceDocument.institution_id == institution_id)
    return list(session.scalars(stmt.order_by(EvidenceDocument.title, EvidenceDocument.id)))


def linked_per_indicator(session: Session, instr: Instrument, docs: list[EvidenceDocument],
                         institution_id: int) -> dict[str, list[EvidenceDocument]]:
    """Per indicator, the readable documents linked to the registry items it rests on (its `prefill` items)."""
    readable = {d.id for d in docs}
    by_item = documents_by_item(session, institution_id)
    result: dict[str, list[EvidenceDocument]] = {}
    for ind in instr.indicators:
        seen: dict[int, EvidenceDocument] = {}
        for code in ind.prefill:
            for doc in by_item.get(code, []):
                if doc.id in readable:
                    seen.setdefault(doc.id, doc)
        if seen:
            result[ind.code] = sorted(seen.values(), key=lambda d: (d.title, d.id))
    return result
