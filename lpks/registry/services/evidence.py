"""Evidence documents: PDF, JPEG or PNG checked by their content, size-limited, stored outside the web root under
a random name, served only within the user's scope (audited), and linked to the standard items they prove.

Files follow the transaction: a file written for a row that is rolled back is removed, and the file of a deleted
row is removed only once the deletion is committed.
"""
from __future__ import annotations

import hashlib
import os
import secrets
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from flask import current_app
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import delete, select
from sqlalchemy.orm import Session
from werkzeug.utils import secure_filename

from accreditation import STANDARD_ITEMS
from accreditation.registry_catalogue import DOCUMENT_KINDS, codes
from lpks.platform.dates import parse_date
from lpks.platform.errors import ServiceError
from lpks.platform.services import audit
from lpks.registry.models.evidence import EvidenceDocument, EvidenceLink
from lpks.registry.services import upload_limits
from lpks.registry.services.common import (
    check_write,
    choice,
    institution_for_write,
    period,
    text,
    touch,
)
from lpks.security.access import check_version, get_scoped

# Leading bytes of each accepted format (the file's name and the browser's claim are not trusted).
SIGNATURES = ((b"%PDF-", "application/pdf", "pdf"), (b"\xff\xd8\xff", "image/jpeg", "jpg"),
              (b"\x89PNG\r\n\x1a\n", "image/png", "png"))
EXTENSIONS = {mime: ext for _magic, mime, ext in SIGNATURES}
ITEM_CODES = frozenset(item.code for item in STANDARD_ITEMS)
KIND_CODES = codes(DOCUMENT_KINDS)
_NEW, _DOOMED = "lpks_new_files", "lpks_doomed_files"


class TooLarge(ServiceError):
    """The file is larger than the configured limit (HTTP 413)."""

    def __init__(self, message: str, field: str | None = "file"):
        super().__init__(message, field, status=413)


def max_bytes() -> int:
    """The largest accepted evidence file (LPKS_MAX_UPLOAD_MB, 10 MB by default)."""
    return int(current_app.config.get("EVIDENCE_MAX_BYTES") or current_app.config["MAX_CONTENT_LENGTH"])


def upload_dir() -> Path:
    """Where evidence files live: app.config['UPLOAD_DIR'], outside the static folder."""
    path = Path(current_app.config["UPLOAD_DIR"])
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def sniff(head: bytes) -> str:
    """The MIME type of a PDF, JPEG or PNG from its first bytes; ServiceError otherwise."""
    for magic, mime, _ext in SIGNATURES:
        if head.startswith(magic):
            return mime
    raise ServiceError(_("Jenis berkas tidak diterima: hanya PDF, JPEG atau PNG (diperiksa dari isi berkas)."), "file")


def _read_limited(stream: IO[bytes] | bytes) -> bytes:
    limit = max_bytes()
    content = stream if isinstance(stream, bytes) else stream.read(limit + 1)
    if len(content) > limit:
        raise TooLarge(f"Berkas melebihi batas {limit // (1024 * 1024)} MB.")
    if not content:
        raise ServiceError(_("Berkas kosong."), "file")
    return content


def _display_name(name: str | None, mime: str) -> str:
    base = secure_filename(name or "") or "dokumen"
    stem = base.rsplit(".", 1)[0] if "." in base else base
    return f"{stem[:180]}.{EXTENSIONS[mime]}"


def clean_meta(data: dict[str, Any]) -> dict[str, Any]:
    """Validate a document's description."""
    out = {"title": text(data, "title", _l("Judul dokumen"), 200, required=True),
           "kind": choice(data, "kind", _l("Jenis dokumen"), KIND_CODES, default="lainnya"),
           "issued_on": parse_date(data.get("issued_on"), "issued_on", _l("Tanggal dokumen"), required=False),
           "valid_until": parse_date(data.get("valid_until"), "valid_until", _l("Berlaku sampai"),
                                     required=False),
           "note": text(data, "note", _l("Catatan"), 500)}
    period(out["issued_on"], out["valid_until"], "valid_until", _l("Tanggal dokumen"), _l("Berlaku sampai"))
    return out


def _clean_codes(item_codes: Any) -> list[str]:
    if item_codes is None:
        return []
    if isinstance(item_codes, str):
        item_codes = [c for c in item_codes.replace(";", ",").split(",")]
    if not isinstance(item_codes, (list, tuple, set)):
        raise ServiceError(_("Butir standar harus daftar kode butir."), "item_codes")
    wanted = sorted({str(c).strip() for c in item_codes if str(c).strip()})
    unknown = [c for c in wanted if c not in ITEM_CODES]
    if unknown:
        raise ServiceError(_("Butir standar tidak dikenal: %(unknown)s.", unknown=', '.join(unknown)), "item_codes")
    return wanted


def upload(session: Session, user: Any, data: dict[str, Any], stream: IO[bytes] | bytes,
           filename: str | None) -> EvidenceDocument:
    """Check, store and register one file, with the items it proves (`item_codes`), within the user's upload rate
    and the LPKS's storage quota."""
    inst = institution_for_write(session, user, data, EvidenceDocument)
    meta = clean_meta(data)
    item_codes = _clean_codes(data.get("item_codes"))
    content = _read_limited(stream)
    upload_limits.check(session, user, inst.id, len(content))
    doc = store(session, inst.id, content, filename, meta, getattr(user, "id", None))
    _replace_links(session, doc, item_codes)
    return doc


@dataclass(frozen=True)
class StoredFile:
    """A checked file written under a random name outside the web root."""

    stored_name: str
    content_type: str
    size_bytes: int
    sha256: str
    display_name: str


def _write(session: Session, content: bytes, filename: str | None) -> StoredFile:
    mime = sniff(content[:16])
    stored = secrets.token_hex(32)
    path = upload_dir() / stored
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out:
        out.write(content)
    session.info.setdefault(_NEW, []).append(str(path))
    return StoredFile(stored, mime, len(content), hashlib.sha256(content).hexdigest(), _display_name(filename, mime))


def save_file(session: Session, stream: IO[bytes] | bytes, filename: str | None) -> StoredFile:
    """The evidence pipeline for any other record's scan: size limit (413), PDF/JPEG/PNG by content, a random name
    outside the web root; the file follows the transaction (callers check scope first)."""
    return _write(session, _read_limited(stream), filename)


def discard_file(session: Session, stored_name: str) -> None:
    """Remove a stored file once the current transaction commits (a replaced or deleted scan)."""
    session.info.setdefault(_DOOMED, []).append(str(upload_dir() / stored_name))


def stored_path(stored_name: str) -> Path:
    """Where a stored file is (it may be missing: callers answer 410)."""
    return upload_dir() / stored_name


def store(session: Session, institution_id: int, content: bytes, filename: str | None, meta: dict[str, Any],
          uploaded_by_id: int | None = None, item_codes: list[str] | None = None) -> EvidenceDocument:
    """Write checked content under a random name and register it (callers check scope and size first)."""
    written = _write(session, content, filename)
    doc = EvidenceDocument(institution_id=institution_id, original_name=written.display_name,
                           stored_name=written.stored_name, content_type=written.content_type,
                           size_bytes=written.size_bytes, sha256=written.sha256, uploaded_by_id=uploaded_by_id,
                           **meta)
    session.add(doc)
    session.flush()
    if item_codes:
        _replace_links(session, doc, _clean_codes(item_codes))
    return doc


def _replace_links(session: Session, doc: EvidenceDocument, item_codes: list[str]) -> None:
    current = set(session.scalars(select(EvidenceLink.item_code).where(EvidenceLink.evidence_id == doc.id)))
    for link in session.scalars(select(EvidenceLink).where(EvidenceLink.evidence_id == doc.id,
                                                           EvidenceLink.item_code.not_in(item_codes))):
        session.delete(link)
    for code in item_codes:
        if code not in current:
            session.add(EvidenceLink(evidence_id=doc.id, institution_id=doc.institution_id, item_code=code))
    session.flush()


def update(session: Session, user: Any, doc: EvidenceDocument, data: dict[str, Any]) -> EvidenceDocument:
    """Change a document's description and, when given, the items it proves; the file itself never changes."""
    check_write(user, doc)
    check_version(doc, data.get("version"))
    merged = {k: getattr(doc, k) for k in ("title", "kind", "issued_on", "valid_until", "note")}
    merged.update({k: v for k, v in data.items() if k in merged})
    for key, value in clean_meta(merged).items():
        setattr(doc, key, value)
    if "item_codes" in data:
        _replace_links(session, doc, _clean_codes(data.get("item_codes")))
    touch(doc)
    session.flush()
    return doc


def linked_codes(session: Session, doc: EvidenceDocument) -> list[str]:
    """The item codes a document proves."""
    return list(session.scalars(select(EvidenceLink.item_code).where(EvidenceLink.evidence_id == doc.id)
                                .order_by(EvidenceLink.item_code)))


def delete_document(session: Session, user: Any, doc: EvidenceDocument) -> None:
    """Delete a document and its links; the file goes once the deletion is committed."""
    check_write(user, doc)
    session.execute(delete(EvidenceLink).where(EvidenceLink.evidence_id == doc.id))
    session.info.setdefault(_DOOMED, []).append(str(upload_dir() / doc.stored_name))
    session.delete(doc)
    session.flush()


@dataclass(frozen=True)
class Download:
    """What the download route sends."""

    path: Path
    content_type: str
    name: str


def open_download(session: Session, user: Any, ident: int) -> Download:
    """The file of a document in the user's scope (NotFound otherwise); the download is audited."""
    doc = get_scoped(session, user, EvidenceDocument, ident)
    path = upload_dir() / doc.stored_name
    if not path.is_file():
        raise ServiceError(_("Berkas bukti tidak ditemukan di penyimpanan. Hubungi administrator."), "file", status=410)
    audit.record(session, "download", "evidence_document", doc.id)
    return Download(path, doc.content_type, doc.original_name)


def documents_by_item(session: Session, institution_id: int) -> dict[str, list[EvidenceDocument]]:
    """Per standard item, the documents of the LPKS linked to it (title order)."""
    stmt = (select(EvidenceLink.item_code, EvidenceDocument).join(EvidenceDocument,
            EvidenceDocument.id == EvidenceLink.evidence_id).where(EvidenceLink.institution_id == institution_id)
            .order_by(EvidenceDocument.title, EvidenceDocument.id))
    result: dict[str, list[EvidenceDocument]] = defaultdict(list)
    for code, doc in session.execute(stmt):
        result[code].append(doc)
    return dict(result)


# --- files follow the transaction ------------------------------------------------------------------------

def _unlink(paths: list[str]) -> None:
    for path in paths:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass


def _after_commit(session: Session) -> None:
    session.info.pop(_NEW, None)
    _unlink(session.info.pop(_DOOMED, []))


def _after_rollback(session: Session) -> None:
    session.info.pop(_DOOMED, None)
    _unlink(session.info.pop(_NEW, []))


# Installed on every Session by lpks.wiring.install(), never by importing this module.
SESSION_HOOKS = [
    ("after_commit", _after_commit),
    ("after_rollback", _after_rollback),
]


__all__ = ["Download", "StoredFile", "TooLarge", "delete_document", "discard_file", "documents_by_item",
           "linked_codes", "max_bytes", "open_download", "save_file", "sniff", "stored_path", "update", "upload"]
