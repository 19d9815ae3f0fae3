"""A referral (Pasal 35 ayat 1 huruf k, 46, 55; RULES §7): from the case's owner (institution_id/owner_region_code,
the sender) to an LPKS or a Dinas Sosial in the system (receiver_*) or a service outside it (receiver_name)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime, Index, String, Text
from sqlmodel import Field, SQLModel

from lpks.cases.owner import institution_owner, one_owner, region_owner
from lpks.platform.models.base import created_field, text_field, version_column

_REFERRAL_VERSION = version_column()


class Referral(SQLModel, table=True):
    """Who refers whom to whom, why, what is asked and shared, with whose consent; and the receiver's answer."""

    __tablename__ = "referral"
    __table_args__ = (one_owner("referral"),
                      Index("ix_referral_receiver_institution_status", "receiver_institution_id", "status"),
                      Index("ix_referral_receiver_region_status", "receiver_region_code", "status"),
                      Index("ix_referral_institution_status", "institution_id", "status"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REFERRAL_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = institution_owner()  # the sender
    owner_region_code: Optional[str] = region_owner()
    case_id: int = Field(foreign_key="child_case.id", ondelete="RESTRICT", index=True)
    receiver_kind: str = text_field(10, nullable=False)
    receiver_institution_id: Optional[int] = Field(default=None, foreign_key="institution.id", ondelete="RESTRICT")
    receiver_region_code: Optional[str] = Field(default=None, foreign_key="region.code", ondelete="RESTRICT",
                                                sa_type=String(8))
    receiver_name: Optional[str] = text_field(200)  # outside the system (hospital, school, LPSK…)
    receiver_address: Optional[str] = text_field(300)
    residential: bool = Field(default=False, nullable=False)
    reason: str = Field(sa_type=Text, nullable=False)
    services_asked: str = text_field(400, nullable=False)  # comma-separated forms of Pasal 35 ayat 1
    services_note: Optional[str] = Field(default=None, sa_type=Text)
    shared: Optional[str] = text_field(200)  # comma-separated: what the receiver may see once it accepts
    child_consent: bool = Field(default=False, nullable=False)
    parent_consent: bool = Field(default=False, nullable=False)
    consent_on: Optional[date] = Field(default=None, sa_type=Date)
    sent_on: date = Field(sa_type=Date, nullable=False)
    status: str = text_field(10, default="sent", nullable=False, index=True)
    decided_on: Optional[date] = Field(default=None, sa_type=Date)
    decline_reason: Optional[str] = Field(default=None, sa_type=Text)
    completed_on: Optional[date] = Field(default=None, sa_type=Date)
    completion_note: Optional[str] = Field(default=None, sa_type=Text)
    ended_placement_id: Optional[int] = Field(default=None, foreign_key="placement.id", ondelete="RESTRICT")
    version: int = Field(default=1, sa_column=_REFERRAL_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"Rujukan #{self.id}"
