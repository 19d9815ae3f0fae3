"""Registry: the stored standards evaluation of each LPKS (derived data, never edited by a user).

Dashboards and lists aggregate compliance in SQL from this table instead of evaluating every LPKS in Python on
each request. A row holds from `evaluated_on` through `valid_through`, the day before the first date in the LPKS's
records that could change the result; any change to those records evaluates the LPKS again in the same transaction
(lpks.registry.services.standards_store).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import Date, Numeric
from sqlmodel import Field, SQLModel


class StandardsEvaluation(SQLModel, table=True):
    """Overall compliance and unmet mandatory items of one LPKS as of a day (Pasal 52–69)."""

    __tablename__ = "standards_evaluation"

    institution_id: int = Field(primary_key=True, foreign_key="institution.id", ondelete="RESTRICT")
    evaluated_on: date = Field(sa_type=Date, nullable=False)
    valid_through: date = Field(sa_type=Date, nullable=False)
    compliance: Decimal = Field(sa_type=Numeric(5, 2), nullable=False)
    unmet_mandatory: int = Field(nullable=False)
