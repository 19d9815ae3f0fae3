"""The holiday calendar: national holidays and cuti bersama that every working-day count reads (RULES §5)."""
from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import Date, DateTime
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

KIND_NATIONAL = "national"
KIND_CUTI_BERSAMA = "cuti_bersama"
HOLIDAY_KINDS = (KIND_NATIONAL, KIND_CUTI_BERSAMA)
SOURCE_SEEDED = "seeded"
SOURCE_MANUAL = "manual"
HOLIDAY_SOURCES = (SOURCE_SEEDED, SOURCE_MANUAL)


# Optimistic lock column, kept outside the class body: as a private attribute pydantic would deep-copy the
# Column (and through it the whole metadata) for every instance, a third of a second each.
_HOLIDAY_VERSION = version_column()


class Holiday(SQLModel, table=True):
    """One non-working date (hari libur nasional or cuti bersama), seeded or added by Kementerian Sosial."""

    __tablename__ = "holiday"
    __mapper_args__: ClassVar[dict] = {"version_id_col": _HOLIDAY_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    day: date = Field(sa_type=Date, nullable=False, unique=True, index=True)
    name: str = text_field(200, nullable=False)
    kind: str = text_field(20, default=KIND_NATIONAL, nullable=False, index=True)
    source: str = text_field(10, default=SOURCE_MANUAL, nullable=False, index=True)
    version: int = Field(default=1, sa_column=_HOLIDAY_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.day.isoformat()} {self.name}"


class HolidayRemoval(SQLModel, table=True):
    """A seeded date that Kementerian Sosial removed (or moved): seeding never adds that date again."""

    __tablename__ = "holiday_removal"

    id: Optional[int] = Field(default=None, primary_key=True)
    day: date = Field(sa_type=Date, nullable=False, unique=True, index=True)
    name: str = text_field(200, nullable=False)
    created_at: datetime = created_field()
