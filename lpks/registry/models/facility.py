"""Registry: the facility checklist of an LPKS (Pasal 63–65), one row per catalogue item."""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Optional

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

# A module-level column, not a class attribute: pydantic would deep-copy a `_private` Column on every
# instance (slow).
_FACILITY_RECORD_VERSION = version_column()


class FacilityRecord(SQLModel, table=True):
    """What the LPKS declares about one facility item of accreditation.FACILITY_ITEMS."""

    __tablename__ = "facility_record"
    __table_args__ = (UniqueConstraint("institution_id", "item_code", name="uq_facility_institution_item"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _FACILITY_RECORD_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    item_code: str = text_field(80, nullable=False, index=True)
    status: str = text_field(12, nullable=False)
    quantity: Optional[int] = Field(default=None)
    condition: Optional[str] = text_field(20)
    note: Optional[str] = text_field(500)
    version: int = Field(default=1, sa_column=_FACILITY_RECORD_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.item_code}: {self.status}"
