"""Records around a placement that the law requires (issue 12): the provincial minimum wage table (Pasal 14 ayat 1
huruf e), the Pasal 14 meeting's agreement, the school-exam permission (Pasal 11 ayat 8) and the progress reports
of a court placement (Pasal 13 ayat 5)."""
from __future__ import annotations

from datetime import date, datetime
from typing import ClassVar, Optional

from sqlalchemy import BigInteger, Date, DateTime, Index, String, Text, UniqueConstraint
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

_MINIMUM_WAGE_VERSION = version_column()


class MinimumWage(SQLModel, table=True):
    """The provincial minimum wage (UMP) of one province and year, maintained by Kementerian Sosial."""

    __tablename__ = "minimum_wage"
    __table_args__ = (UniqueConstraint("province_code", "year", name="uq_minimum_wage_province_year"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _MINIMUM_WAGE_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    province_code: str = Field(foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8))
    year: int = Field(nullable=False, index=True)
    amount: int = Field(sa_type=BigInteger, nullable=False)  # rupiah per month
    decree: Optional[str] = text_field(200)  # the governor's decree that set it
    version: int = Field(default=1, sa_column=_MINIMUM_WAGE_VERSION)
    created_at: datetime = created_field()
    updated_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    def __str__(self) -> str:
        return f"{self.province_code} {self.year}"


class PlacementMeeting(SQLModel, table=True):
    """The Pasal 14 meeting's agreement on which a child not yet in legal process is placed (ayat 3–6)."""

    __tablename__ = "placement_meeting"

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    placement_id: int = Field(foreign_key="placement.id", ondelete="RESTRICT", unique=True)
    held_on: date = Field(sa_type=Date, nullable=False)
    place: str = text_field(200, nullable=False)
    initiator: str = text_field(10, nullable=False)  # peksos | tks
    initiator_name: Optional[str] = text_field(120)
    participants: str = text_field(200, nullable=False)  # comma-separated MeetingParticipant codes
    other_participants: Optional[str] = text_field(300)
    outcome: str = Field(sa_type=Text, nullable=False)
    created_at: datetime = created_field()


class SchoolExamRequest(SQLModel, table=True):
    """The LPKS head's request to the investigator that a titipan child sit a school exam (Pasal 11 ayat 8)."""

    __tablename__ = "school_exam_request"

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    placement_id: int = Field(foreign_key="placement.id", ondelete="RESTRICT", index=True)
    exam: str = text_field(200, nullable=False)
    school: Optional[str] = text_field(200)
    exam_date: date = Field(sa_type=Date, nullable=False)
    place: str = text_field(10, nullable=False)  # sekolah | lpks: where the LPKS asks the child to sit it
    addressee: str = text_field(200, nullable=False)  # the investigator asked
    letter_number: str = text_field(80, nullable=False)
    letter_date: date = Field(sa_type=Date, nullable=False)
    answer: Optional[str] = text_field(20)  # granted_school | granted_lpks | refused
    answer_date: Optional[date] = Field(default=None, sa_type=Date)
    answer_note: Optional[str] = text_field(500)
    created_at: datetime = created_field()


class ProgressReport(SQLModel, table=True):
    """A progress report of a child placed by the court, written by a peksos of the LPKS (Pasal 13 ayat 5); the
    latest one carries the behaviour assessment parole needs (ayat 6)."""

    __tablename__ = "progress_report"
    __table_args__ = (Index("ix_progress_report_placement_date", "placement_id", "report_date"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    placement_id: int = Field(foreign_key="placement.id", ondelete="RESTRICT", index=True)
    author_id: int = Field(foreign_key="staff_member.id", ondelete="RESTRICT", index=True)
    report_date: date = Field(sa_type=Date, nullable=False)
    summary: str = Field(sa_type=Text, nullable=False)
    behaviour_good: bool = Field(nullable=False)
    recommendation: str = text_field(20, nullable=False)  # continue | early_end | parole
    created_at: datetime = created_field()
