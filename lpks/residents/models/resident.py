"""A resident: a child (ABH) registered by an LPKS, with the full identity kept apart from what lists show."""
from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Index,
    String,
    UniqueConstraint,
    text,
)
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

SEX_MALE = "laki_laki"
SEX_FEMALE = "perempuan"
SEXES = (SEX_MALE, SEX_FEMALE)

# Columns that identify the child (SPPA Pasal 19; Pasal 4 huruf i): shown only on the audited explicit action.
IDENTITY_FIELDS = ("full_name", "nik", "birth_place", "birth_date", "address", "parent_guardian", "religion",
                   "education", "disability", "offence_date", "offence_description")
# What lists, exports, dashboards and API lists may show.
PUBLIC_FIELDS = ("id", "institution_id", "register_number", "initials", "kind", "sex", "route", "age_at_offence")


# Optimistic lock column, kept outside the class body: as a private attribute pydantic would deep-copy the
# Column (and through it the whole metadata) for every instance, a third of a second each.
_RESIDENT_VERSION = version_column()


class Resident(SQLModel, table=True):
    """An ABH (Anak, Anak Korban, Anak Saksi) known to one LPKS (Pasal 1 angka 3–6), or to the Dinas Sosial
    kabupaten/kota that handles the child's case itself (owner_region_code, RULES §8): one record per child, which
    follows the child to an LPKS when a referral is accepted (RULES §7)."""

    __tablename__ = "resident"
    __table_args__ = (UniqueConstraint("institution_id", "register_number", name="uq_resident_register_number"),
                      CheckConstraint("(institution_id IS NULL) <> (owner_region_code IS NULL)",
                                      name="ck_resident_one_owner"),
                      Index("uq_resident_region_register", "owner_region_code", "register_number", unique=True,
                            sqlite_where=text("owner_region_code IS NOT NULL"),
                            postgresql_where=text("owner_region_code IS NOT NULL")),
                      # The residents list of an LPKS or region, newest first, read in index order (migration 0008).
                      Index("ix_resident_institution_id_id", "institution_id", "id"),
                      # Occupancy by sex reads each present child's sex from this small index (migration 0010).
                      Index("ix_resident_id_sex", "id", "sex"))
    __mapper_args__: ClassVar[dict] = {"version_id_col": _RESIDENT_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: Optional[int] = Field(default=None, foreign_key="institution.id", ondelete="RESTRICT", index=True)
    owner_region_code: Optional[str] = Field(default=None, foreign_key="region.code", ondelete="RESTRICT",
                                             sa_type=String(8))
    register_number: str = text_field(40, nullable=False, index=True)
    initials: str = text_field(20, nullable=False)
    kind: str = text_field(20, nullable=False, index=True)
    sex: str = text_field(10, nullable=False, index=True)
    route: Optional[str] = text_field(10, index=True)
    age_at_offence: Optional[int] = Field(default=None)
    # --- identity: never in lists, exports, dashboards, logs or URLs ---
    full_name: str = text_field(120, nullable=False)
    nik: Optional[str] = text_field(16)
    birth_place: Optional[str] = text_field(80)
    birth_date: date = Field(sa_type=Date, nullable=False)
    address: Optional[str] = text_field(300)
    parent_guardian: Optional[str] = text_field(200)
    religion: Optional[str] = text_field(30)
    education: Optional[str] = text_field(80)
    disability: Optional[str] = text_field(120)
    offence_date: Optional[date] = Field(default=None, sa_type=Date)
    offence_description: Optional[str] = text_field(500)
    # ---
    version: int = Field(default=1, sa_column=_RESIDENT_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.initials} · {self.register_number}"
