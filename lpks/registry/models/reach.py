"""Registry: a lower office's proposal of an LPKS's referral scope and work area, decided by the office whose
authority the reach needs (RULES §3 "Who sets what decides a class")."""
from __future__ import annotations

from datetime import datetime
from typing import ClassVar, Optional

from sqlalchemy import DateTime, Index, Text
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field, version_column

PROPOSED, ACCEPTED, DECLINED = "proposed", "accepted", "declined"
PROPOSAL_STATUSES = (PROPOSED, ACCEPTED, DECLINED)

_REACH_PROPOSAL_VERSION = version_column()


class ReachProposal(SQLModel, table=True):
    """A proposed referral scope and work area, with its reason and the decision on it."""

    __tablename__ = "reach_proposal"
    __table_args__ = (Index("ix_reach_proposal_institution_status", "institution_id", "status"),)
    __mapper_args__: ClassVar[dict] = {"version_id_col": _REACH_PROPOSAL_VERSION}

    id: Optional[int] = Field(default=None, primary_key=True)
    institution_id: int = Field(foreign_key="institution.id", ondelete="RESTRICT", index=True)
    referral_scope: str = text_field(20, nullable=False)
    kabkota_codes: str = Field(sa_type=Text, nullable=False)  # comma-separated, the domicile included
    authority: str = text_field(20, nullable=False)  # the lowest office that may decide it
    reason: str = Field(sa_type=Text, nullable=False)
    status: str = text_field(10, default=PROPOSED, nullable=False, index=True)
    proposed_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    proposed_by_role: str = text_field(20, nullable=False)
    proposed_at: datetime = created_field()
    decided_by_id: Optional[int] = Field(default=None, foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    decided_by_role: Optional[str] = text_field(20)
    decided_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    decision_note: Optional[str] = Field(default=None, sa_type=Text)
    version: int = Field(default=1, sa_column=_REACH_PROPOSAL_VERSION)

    def __str__(self) -> str:
        return f"#{self.id} {self.referral_scope}"
