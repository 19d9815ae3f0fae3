"""What one user or one LPKS may store (issue 18, item 6): a storage quota per LPKS (LPKS_UPLOAD_QUOTA_MB, 500 MB
by default) and an upload rate per user (LPKS_UPLOADS_PER_MINUTE, 20 by default), both read from the database so
they hold across workers. Forty 2 MB files in one second used to be accepted: a stolen token could fill the disk."""
from __future__ import annotations

from datetime import timedelta
from typing import Any

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.institution import Institution

MB = 1024 * 1024
RATE_WINDOW = timedelta(minutes=1)


class TooManyUploads(ServiceError):
    """The user's upload rate is used up for this minute (HTTP 429)."""

    def __init__(self, message: str):
        super().__init__(message, "file", status=429)
        self.retry_after = int(RATE_WINDOW.total_seconds())


def quota_bytes() -> int:
    """The storage one LPKS may fill with evidence files."""
    return int(current_app.config.get("UPLOAD_QUOTA_MB", 500)) * MB


def used_bytes(session: Session, institution_id: int) -> int:
    """What the LPKS's evidence files take now."""
    return int(session.scalar(select(func.coalesce(func.sum(EvidenceDocument.size_bytes), 0))
                              .where(EvidenceDocument.institution_id == institution_id)) or 0)


def check(session: Session, user: Any, institution_id: int, size: int) -> None:
    """Refuse an upload beyond the user's rate (429) or the LPKS's quota (422), each message naming the rule."""
    per_minute = int(current_app.config.get("UPLOADS_PER_MINUTE", 20))
    user_id = getattr(user, "id", None)
    if user_id is not None:
        recent = session.scalar(select(func.count()).select_from(EvidenceDocument).where(
            EvidenceDocument.uploaded_by_id == user_id, EvidenceDocument.uploaded_at >= utcnow() - RATE_WINDOW))
        if recent >= per_minute:
            raise TooManyUploads(_("Batas unggahan: paling banyak %(n)s berkas per menit untuk setiap pengguna. "
                                   "Tunggu satu menit lalu unggah lagi.", n=per_minute))
    # One upload at a time per LPKS counts against the quota (PostgreSQL row lock; SQLite writes one at a time).
    session.execute(select(Institution.id).where(Institution.id == institution_id).with_for_update())
    used, quota = used_bytes(session, institution_id), quota_bytes()
    if used + size > quota:
        raise ServiceError(_("Kuota penyimpanan berkas bukti LPKS ini %(quota)s MB: sudah terpakai %(used)s MB dan "
                             "berkas ini %(size)s MB. Hapus dokumen yang tidak diperlukan lagi atau minta "
                             "administrator menaikkan kuota (LPKS_UPLOAD_QUOTA_MB).", quota=quota // MB,
                             used=round(used / MB, 1), size=round(size / MB, 1)), "file")
