"""Placement documents (Pasal 10 ayat 5, 11 ayat 2, 12 ayat 6, 13 ayat 7, 14 ayat 2): on file when dated with a
number or a scan (RULES §4); scans go through the evidence pipeline and are opened only by roles that may see the
child's identity."""
from __future__ import annotations

from typing import IO, Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.errors import FieldErrors, Forbidden, NotFound, ServiceError, error_list
from lpks.platform.models.base import utcnow
from lpks.platform.services import audit
from lpks.registry.services import evidence
from lpks.residents.models.placement import (
    Placement,
    PlacementDocument,
)
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    call_rule,
    locale_code,
    now,
    parse_datetime,
    parse_text,
    rules,
    today,
)
from lpks.rules import (
    DOCTOR_CERTIFICATE,
    basis_info,
    check_document,
    document_labels,
    document_problem,
    lifecycle,
)
from lpks.rules.lifecycle import Action
from lpks.security import WRITE, can


def document_choices(basis: str) -> list[tuple[str, str, str]]:
    """(code, label, Pasal) of every document that satisfies a requirement of the basis, alternatives included."""
    labels = document_labels()
    choices = []
    for doc in basis_info(basis).documents:
        choices.append((doc.code, doc.label_id, doc.pasal))
        choices += [(alt, labels[alt][0], doc.pasal) for alt in doc.any_of if alt != doc.code]
    return choices


def recorded(session: Session, placement: Placement) -> dict[str, PlacementDocument]:
    """Every document row of the placement by code, complete or not."""
    docs = session.scalars(select(PlacementDocument).where(PlacementDocument.placement_id == placement.id))
    return {doc.code: doc for doc in docs}


def problem(doc: PlacementDocument) -> str | None:
    """What a recorded document lacks to be on file ("dated" or "number"), or None (Reading, RULES §4)."""
    return document_problem(doc.dated, doc.number, bool(doc.scan_stored_name), today())


def on_file(session: Session, placement: Placement) -> dict[str, PlacementDocument]:
    """The placement's documents that are on file: dated (not in the future) with a number or a scan."""
    return {code: doc for code, doc in recorded(session, placement).items() if problem(doc) is None}


def _label(basis: str, code: str) -> tuple[str, str, str]:
    labels = document_labels()
    pasal = next((p for c, _l, p in document_choices(basis) if c == code), "")
    return labels[code][0], labels[code][1], pasal


def add_document(session: Session, user: Any, placement: Placement, data: dict[str, Any],
                 upload: tuple[IO[bytes] | bytes, str | None] | None = None) -> PlacementDocument:
    """Record a required document: its date (not in the future) and its number or an attached scan, when it was
    received (Reading, RULES §4); a row recorded earlier without them is completed instead."""
    _may_record(user, placement)
    return _write(session, placement, _checked(session, placement, data, upload is not None), data, upload)


def add_documents(session: Session, user: Any, placement: Placement,
                  rows: list[tuple[dict[str, Any], tuple[IO[bytes] | bytes, str | None] | None]]) -> int:
    """Record several required documents from one form (the placement page): rows left blank are skipped, every
    filled row is checked first and all problems are reported at once, each naming its document and field
    (`<code>-<field>`); nothing is written, no scan stored, unless every row passes. Returns how many were recorded."""
    _may_record(user, placement)
    filled = [(data, upload) for data, upload in rows
              if upload is not None or any((data.get(key) or "").strip() for key in ("dated", "number"))]
    if not filled:
        raise ServiceError(_("Isi tanggal dan nomor surat (atau lampirkan pindaian) setidaknya satu dokumen."),
                           "documents")
    errors, checked = [], []
    for data, upload in filled:
        try:
            checked.append((_checked(session, placement, data, upload is not None), data, upload))
        except ServiceError as exc:
            code = (data.get("code") or "").strip()
            label = document_labels().get(code, (code, code))[0 if locale_code() == "id" else 1]
            errors += [ServiceError(_("%(document)s: %(message)s", document=label, message=message),
                                    f"{code}-{field or 'code'}")
                       for field, message in error_list(exc)]
    if errors:
        raise FieldErrors(errors)
    for values, data, upload in checked:
        _write(session, placement, values, data, upload)
    return len(checked)


def _may_record(user: Any, placement: Placement) -> None:
    if not can(user, WRITE, placement):
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.RECORD_DOCUMENT)


def _checked(session: Session, placement: Placement, data: dict[str, Any], has_scan: bool) -> tuple:
    """The row's code, existing record, received time, number and date, once the rules accept them."""
    codes = [code for code, _label, _pasal in document_choices(placement.basis)]
    code = (data.get("code") or "").strip()
    if code not in codes:
        raise ServiceError(_("Dokumen %(code)s bukan persyaratan dasar hukum ini; pilihan: %(codes)s.",
                             code=code or "-", codes=", ".join(codes)), "code")
    doc = recorded(session, placement).get(code)
    if doc is not None and problem(doc) is None:
        raise ServiceError(_("Dokumen ini sudah tercatat."), "code")
    received = parse_datetime(data.get("received_at") or now(), "received_at", _("Waktu diterima"))
    if received > now():
        raise ServiceError(_("Waktu diterima tidak boleh di masa depan."), "received_at")
    number = parse_text(data.get("number"), "number", _("Nomor surat"), 80)
    dated = parse_date(data.get("dated"), "dated", _("Tanggal surat"), required=False)
    with rules():
        check_document(*_label(placement.basis, code), dated, number, has_scan, today())
    return code, doc, received, number, dated


def _write(session: Session, placement: Placement, values: tuple, data: dict[str, Any],
           upload: tuple[IO[bytes] | bytes, str | None] | None) -> PlacementDocument:
    code, doc, received, number, dated = values
    if doc is None:
        doc = PlacementDocument(institution_id=placement.institution_id, placement_id=placement.id, code=code,
                                received_at=received)
        session.add(doc)
    doc.received_at, doc.number, doc.dated = received, number, dated
    doc.note = parse_text(data.get("note"), "note", _("Catatan"), 300)
    if upload is not None:
        _store_scan(session, doc, *upload)
    if code == DOCTOR_CERTIFICATE:
        placement.doctor_certificate_received_at = received
        placement.updated_at = utcnow()
    session.flush()
    return doc


def _store_scan(session: Session, doc: PlacementDocument, stream: IO[bytes] | bytes, filename: str | None) -> None:
    written = evidence.save_file(session, stream, filename)
    if doc.scan_stored_name:
        evidence.discard_file(session, doc.scan_stored_name)
    doc.scan_name, doc.scan_stored_name, doc.scan_content_type = (written.display_name, written.stored_name,
                                                                  written.content_type)
    doc.scan_size_bytes, doc.scan_sha256 = written.size_bytes, written.sha256


def attach_scan(session: Session, user: Any, doc: PlacementDocument, stream: IO[bytes] | bytes,
                filename: str | None) -> PlacementDocument:
    """Attach (or replace) the scan of a recorded document, through the evidence pipeline."""
    placement = session.get(Placement, doc.placement_id)
    if not can(user, WRITE, doc) or placement is None:
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.RECORD_DOCUMENT)
    _store_scan(session, doc, stream, filename)
    session.flush()
    return doc


def open_scan(session: Session, user: Any, doc: PlacementDocument) -> evidence.Download:
    """The scan of a document: it shows the child's identity, so only roles that may see it download it, audited."""
    from lpks.residents.services.residents import may_view_identity

    placement = session.get(Placement, doc.placement_id)
    if not may_view_identity(user, placement.resident):
        raise Forbidden(_("Pindaian dokumen memuat identitas anak; peran Anda tidak dapat membukanya."))
    if not doc.scan_stored_name:
        raise NotFound()
    path = evidence.stored_path(doc.scan_stored_name)
    if not path.is_file():
        raise ServiceError(_("Berkas bukti tidak ditemukan di penyimpanan. Hubungi administrator."), "file", status=410)
    audit.record(session, "download", "placement_document", doc.id)
    return evidence.Download(path, doc.scan_content_type, doc.scan_name)


def remove_document(session: Session, user: Any, doc: PlacementDocument) -> None:
    """Remove a document recorded by mistake, while the placement is not yet admitted."""
    placement = session.get(Placement, doc.placement_id)
    if not can(user, WRITE, doc) or placement is None:
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.REMOVE_DOCUMENT)
    if doc.code == DOCTOR_CERTIFICATE:
        placement.doctor_certificate_received_at = None
    if doc.scan_stored_name:
        evidence.discard_file(session, doc.scan_stored_name)
    session.delete(doc)
    session.flush()
