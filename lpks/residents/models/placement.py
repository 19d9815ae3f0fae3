"""A placement of a resident in an LPKS on a legal basis (Pasal 9–14), and the documents on file for it."""
from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import BigInteger, Date, DateTime, Index, String, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column
from lpks.registry.models.institution import Institution
from lpks.residents.models.resident import Resident

STATUS_PENDING = "pending"   # registered, documents still being collected: not admitted
STATUS_PRESENT = "present"   # admitted, the child is in the LPKS
STATUS_EXITED = "exited"
PLACEMENT_STATUSES = (STATUS_PENDING, STATUS_PRESENT, STATUS_EXITED)


# Optimistic lock column, kept outside the class body: as a private attribute pydantic would deep-copy the
# Column (and through it the whole metadata) for every instance, a third of a second each.
_PLACEMENT_VERSION = version_column()


class Placement(SQLModel, table=True):
    """One stay of a resident; stored due dates are recomputed by the service whenever their inputs change."""

    __tablename__ = "placement"
    __table_args__ = (
        Index("ix_placement_status_last_day", "status", "last_day"),
        Index("ix_placement_status_parole", "status", "parole_eligible_from"),
        Index("ix_placement_institution_status", "institution_id", "status"),
        # The lists of an LPKS or region, newest first: the page is read in index order (migration 0008).
        Index("ix_placement_institution_id_id", "institution_id", "id"),
        # the dashboard's admission tiles: present children without a doctor's certificate or hospital exam (0010)
        Index("ix_placement_status_doctor", "status", "doctor_certificate_received_at", "doctor_certificate_due"),
        Index("ix_placement_status_violence", "status", "suspected_violence", "hospital_exam_on"),
        # occupancy: children present per LPKS, read from the index; court placements present by last day (0010)
        Index("ix_placement_status_institution", "status", "institution_id", "resident_id"),
        Index("ix_placement_status_basis_last_day", "status", "basis", "last_day"),
    )
    __mapper_args__: ClassVar[dict] = {"version_id_col": _PLACEMENT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    resident_id: int = Field(foreign_key="resident.id", ondelete="RESTRICT", index=True)
    basis: str = text_field(20, nullable=False, index=True)
    conditions: Optional[str] = text_field(400)  # comma-separated condition codes (Pasal 11 ayat 1, 14 ayat 1)
    status: str = text_field(10, default=STATUS_PENDING, nullable=False, index=True)
    start_date: date = Field(sa_type=Date, nullable=False, index=True)
    handover_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    doctor_certificate_due: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True), index=True)
    doctor_certificate_received_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    suspected_violence: bool = Field(default=False, nullable=False)
    hospital_exam_on: Optional[date] = Field(default=None, sa_type=Date)
    hospital_exam_place: Optional[str] = text_field(200)
    hospital_exam_result: Optional[str] = text_field(500)
    # under 12 (Pasal 10 ayat 3): the meeting's decision submitted to the court, its deadline and the determination
    court_submitted_on: Optional[date] = Field(default=None, sa_type=Date)
    court_deadline: Optional[date] = Field(default=None, sa_type=Date, index=True)
    court_determination_number: Optional[str] = text_field(80)
    court_determination_date: Optional[date] = Field(default=None, sa_type=Date)
    # Pasal 14 ayat 1 huruf e: the victim's loss in rupiah, compared with the UMP of the LPKS's province
    victim_loss: Optional[int] = Field(default=None, sa_type=BigInteger)
    months: Optional[int] = Field(default=None)
    last_day: Optional[date] = Field(default=None, sa_type=Date, index=True)
    parole_eligible_from: Optional[date] = Field(default=None, sa_type=Date, index=True)
    behaviour_good: Optional[bool] = Field(default=None)
    behaviour_assessed_on: Optional[date] = Field(default=None, sa_type=Date)
    behaviour_note: Optional[str] = text_field(500)
    over_capacity_reason: Optional[str] = text_field(500)
    note: Optional[str] = text_field(500)
    exit_date: Optional[date] = Field(default=None, sa_type=Date, index=True)
    exit_reason: Optional[str] = text_field(40, index=True)
    exit_note: Optional[str] = text_field(500)
    # the court order or judgment that ended the placement before its last day (RULES §4 Exit)
    exit_decision_number: Optional[str] = text_field(80)
    exit_decision_date: Optional[date] = Field(default=None, sa_type=Date)
    version: int = Field(default=1, sa_column=_PLACEMENT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    resident: Optional[Resident] = Relationship(sa_relationship_kwargs={"lazy": "joined", "viewonly": True})
    institution: Optional[Institution] = Relationship(sa_relationship_kwargs={"lazy": "joined", "viewonly": True})

    def __str__(self) -> str:
        return f"#{self.id} {self.resident or ''}"


class PlacementDocument(SQLModel, table=True):
    """A required document on file for a placement (Pasal 10 ayat 5, 11 ayat 2, 12 ayat 6, 13 ayat 7, 14 ayat 2)."""

    __tablename__ = "placement_document"
    __table_args__ = (UniqueConstraint("placement_id", "code", name="uq_placement_document_code"),
                      # a stored scan's random name is never reused (migration 0011: a unique index)
                      Index("uq_placement_document_scan_stored_name", "scan_stored_name", unique=True))

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    placement_id: int = Field(foreign_key="placement.id", ondelete="RESTRICT", index=True)
    code: str = text_field(60, nullable=False)
    number: Optional[str] = text_field(80)
    dated: Optional[date] = Field(default=None, sa_type=Date)
    received_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    note: Optional[str] = text_field(300)
    # the scan, kept by the evidence pipeline (PDF/JPEG/PNG checked by content, random name outside the web root)
    scan_name: Optional[str] = text_field(200)
    scan_stored_name: Optional[str] = Field(default=None, sa_type=String(64))
    scan_content_type: Optional[str] = text_field(40)
    scan_size_bytes: Optional[int] = Field(default=None)
    scan_sha256: Optional[str] = Field(default=None, sa_type=String(64))
    created_at: datetime = created_field()
