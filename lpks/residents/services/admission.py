"""Admission: documents on file, the doctor's certificate, capacity by sex under a row lock (Pasal 10–14)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from lpks.cases.services.cases import open_for_admission
from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.registry.models.institution import Institution
from lpks.residents.models.custody import PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.placement import (
    STATUS_PRESENT,
    Placement,
)
from lpks.residents.models.resident import SEX_FEMALE, Resident
from lpks.residents.services import pre_process
from lpks.residents.services.common import (
    call_rule,
    local_date,
    now,
    parse_datetime,
    parse_text,
    rules,
)
from lpks.residents.services.documents import (  # noqa: F401  (callers reach the documents through admission)
    add_document,
    add_documents,
    attach_scan,
    document_choices,
    on_file,
    open_scan,
    problem,
    recorded,
    remove_document,
)
from lpks.rules import (
    DOCTOR_CERTIFICATE,
    LegalBasis,
    basis_info,
    check_admission,
    check_handover,
    check_hospital_exam,
    doctor_certificate_due,
    is_over_capacity,
    lifecycle,
)
from lpks.rules.lifecycle import Action
from lpks.security import WRITE, can


def needs_doctor_certificate(basis: str) -> bool:
    """Does the basis require the doctor's certificate (Pasal 10 ayat 5 huruf d, 12 ayat 6 huruf d)?"""
    return any(doc.code == DOCTOR_CERTIFICATE for doc in basis_info(basis).documents)


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
    with rules():
        check_handover(handover, local_date(handover), now(), placement.start_date)
    with rules("documents"):
        check_admission(placement.basis, set(on_file(session, placement)), handover_at=handover, now=now())
    with rules():  # before admission, not after it (Pasal 10 ayat 6, 12 ayat 7)
        check_hospital_exam(placement.basis, placement.suspected_violence, placement.hospital_exam_on,
                            placement.hospital_exam_place, local_date(handover))
    pre_process.require_meeting(session, placement, local_date(handover))
    _require_open_custody(session, placement)
    institution = _lock_institution(session, placement.institution_id)
    resident = session.get(Resident, placement.resident_id)
    female = resident.sex == SEX_FEMALE
    # The capacity the supervising Dinas Sosial verified, never the one the LPKS declares for itself (issue 18).
    capacity = institution.verified_capacity_girls if female else institution.verified_capacity_boys
    present = occupancy(session, institution.id, resident.sex)
    reason = parse_text(data.get("over_capacity_reason"), "over_capacity_reason",
                        _("Alasan menerima melebihi kapasitas"), 500)
    # Verified, 0 means no place (the rule's 0 = "unknown" is the unverified case here).
    over = capacity is None or (is_over_capacity(present + 1, capacity) if capacity else True)
    if over and not reason:
        label = _("perempuan") if female else _("laki-laki")
        if capacity is None:
            raise ServiceError(_("Kapasitas anak %(sex)s di LPKS ini belum diverifikasi Dinas Sosial kabupaten/kota "
                                 "(sudah terisi %(present)s); sampai diverifikasi, penerimaan hanya dengan alasan "
                                 "yang dicatat.", sex=label, present=present), "over_capacity_reason")
        raise ServiceError(_("Kapasitas anak %(sex)s di LPKS ini %(capacity)s tempat (diverifikasi Dinas Sosial) dan "
                             "sudah terisi %(present)s; penerimaan melebihi kapasitas hanya dengan alasan yang "
                             "dicatat.", sex=label, capacity=capacity, present=present), "over_capacity_reason")
    placement.over_capacity_reason = reason if over else None
    placement.status = STATUS_PRESENT
    placement.handover_at = handover
    placement.doctor_certificate_due = (doctor_certificate_due(handover)
                                        if needs_doctor_certificate(placement.basis) else None)
    placement.updated_at = utcnow()
    session.flush()
    open_for_admission(session, placement)  # the child's case opens (or continues) with the admission (RULES §6)
    return placement
