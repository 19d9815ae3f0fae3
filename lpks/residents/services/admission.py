"""Admission: documents on file, the doctor's certificate, capacity by sex under a row lock (Pasal 10–14)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.institution import Institution
from lpks.residents.models.custody import PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.placement import (
    STATUS_PRESENT,
    Placement,
    PlacementDocument,
)
from lpks.residents.models.resident import SEX_FEMALE, Resident
from lpks.residents.services.common import (
    call_rule,
    now,
    parse_date,
    parse_datetime,
    parse_text,
    rules,
)
from lpks.rules import (
    DOCTOR_CERTIFICATE,
    LegalBasis,
    basis_info,
    check_admission,
    doctor_certificate_due,
    document_labels,
    is_over_capacity,
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


def on_file(session: Session, placement: Placement) -> dict[str, PlacementDocument]:
    """The placement's documents by code."""
    docs = session.scalars(select(PlacementDocument).where(PlacementDocument.placement_id == placement.id))
    return {doc.code: doc for doc in docs}


def needs_doctor_certificate(basis: str) -> bool:
    """Does the basis require the doctor's certificate (Pasal 10 ayat 5 huruf d, 12 ayat 6 huruf d)?"""
    return any(doc.code == DOCTOR_CERTIFICATE for doc in basis_info(basis).documents)


def add_document(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> PlacementDocument:
    """Record a required document as on file (number, date, when it was received)."""
    if not can(user, WRITE, placement):
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.RECORD_DOCUMENT)
    codes = [code for code, _label, _pasal in document_choices(placement.basis)]
    code = (data.get("code") or "").strip()
    if code not in codes:
        raise ServiceError(_("Dokumen %(code)s bukan persyaratan dasar hukum ini; pilihan: %(codes)s.",
                             code=code or "-", codes=", ".join(codes)), "code")
    if code in on_file(session, placement):
        raise ServiceError(_("Dokumen ini sudah tercatat."), "code")
    received = parse_datetime(data.get("received_at") or now(), "received_at", _("Waktu diterima"))
    if received > now():
        raise ServiceError(_("Waktu diterima tidak boleh di masa depan."), "received_at")
    doc = PlacementDocument(
        institution_id=placement.institution_id, placement_id=placement.id, code=code, received_at=received,
        number=parse_text(data.get("number"), "number", _("Nomor surat"), 80),
        dated=parse_date(data.get("dated"), "dated", _("Tanggal surat"), required=False),
        note=parse_text(data.get("note"), "note", _("Catatan"), 300))
    session.add(doc)
    if code == DOCTOR_CERTIFICATE:
        placement.doctor_certificate_received_at = received
        placement.updated_at = utcnow()
    session.flush()
    return doc


def remove_document(session: Session, user: Any, doc: PlacementDocument) -> None:
    """Remove a document recorded by mistake, while the placement is not yet admitted."""
    placement = session.get(Placement, doc.placement_id)
    if not can(user, WRITE, doc) or placement is None:
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.REMOVE_DOCUMENT)
    if doc.code == DOCTOR_CERTIFICATE:
        placement.doctor_certificate_received_at = None
    session.delete(doc)
    session.flush()


def occupancy(session: Session, institution_id: int, sex: str) -> int:
    """Residents of one sex present in an LPKS."""
    return session.scalar(
        select(func.count()).select_from(Placement).join(Resident, Resident.id == Placement.resident_id)
        .where(Placement.institution_id == institution_id, Placement.status == STATUS_PRESENT,
               Resident.sex == sex)) or 0


def _lock_institution(session: Session, institution_id: int) -> Institution:
    # Two admissions into the last place: the row lock makes the second wait and then count the first
    # (PostgreSQL FOR UPDATE; SQLite already serialises writers through BEGIN IMMEDIATE, see lpks/db.py).
    stmt = select(Institution).where(Institution.id == institution_id).with_for_update()
    return session.execute(stmt.execution_options(populate_existing=True)).scalar_one()


def _require_open_custody(session: Session, placement: Placement) -> None:
    """A titipan is admitted only within a recorded titipan period: its last day drives the notice (Pasal 11)."""
    if placement.basis != LegalBasis.TITIPAN.value:
        return
    open_period = session.scalar(select(CustodyPeriod.id).where(CustodyPeriod.placement_id == placement.id,
                                                                CustodyPeriod.status == PERIOD_OPEN))
    if open_period is None:
        raise ServiceError(_("Masa titipan wajib dicatat sebelum anak titipan diterima: isi tingkat pemeriksaan, "
                             "tanggal mulai dan jumlah hari titipan menurut surat penitipan (Pasal 11 ayat 3)."),
                           "custody_period")


def admit(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> Placement:
    """Admit: every document on file (the doctor's certificate may follow within 24 h), capacity by sex."""
    if not can(user, WRITE, placement):
        raise Forbidden()
    call_rule(lifecycle.require, placement.status, Action.ADMIT)
    handover = parse_datetime(data.get("handover_at") or now(), "handover_at", _("Waktu serah terima"))
    if handover > now():
        raise ServiceError(_("Waktu serah terima tidak boleh di masa depan."), "handover_at")
    with rules("documents"):
        check_admission(placement.basis, set(on_file(session, placement)), handover_at=handover, now=now())
    _require_open_custody(session, placement)
    institution = _lock_institution(session, placement.institution_id)
    resident = session.get(Resident, placement.resident_id)
    capacity = institution.capacity_girls if resident.sex == SEX_FEMALE else institution.capacity_boys
    present = occupancy(session, institution.id, resident.sex)
    reason = parse_text(data.get("over_capacity_reason"), "over_capacity_reason",
                        _("Alasan menerima melebihi kapasitas"), 500)
    if is_over_capacity(present + 1, capacity) and not reason:
        label = _("perempuan") if resident.sex == SEX_FEMALE else _("laki-laki")
        raise ServiceError(_("Kapasitas anak %(sex)s di LPKS ini %(capacity)s tempat dan sudah terisi %(present)s; "
                             "penerimaan melebihi kapasitas hanya dengan alasan yang dicatat.",
                             sex=label, capacity=capacity, present=present), "over_capacity_reason")
    placement.over_capacity_reason = reason if is_over_capacity(present + 1, capacity) else None
    placement.status = STATUS_PRESENT
    placement.handover_at = handover
    placement.doctor_certificate_due = (doctor_certificate_due(handover)
                                        if needs_doctor_certificate(placement.basis) else None)
    placement.updated_at = utcnow()
    session.flush()
    return placement
