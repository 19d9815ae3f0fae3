"""Who owns a case record: an LPKS (institution_id) or a Dinas Sosial kabupaten/kota (owner_region_code), never both.

Every table of the case area carries both columns, copied from its case, so the one permission policy scopes each row
directly (lpks.security.permissions, OWNERS) and a case handed to another owner moves with all its records.
"""
from __future__ import annotations

from typing import Optional

from sqlalchemy import CheckConstraint, String
from sqlmodel import Field

OWNER_COLUMNS = ("institution_id", "owner_region_code")


def institution_owner() -> Optional[int]:
    """The owning LPKS (empty when a Dinas Sosial owns the record)."""
    return Field(default=None, foreign_key="institution.id", ondelete="RESTRICT", index=True)


def region_owner() -> Optional[str]:
    """The owning Dinas Sosial kabupaten/kota, by region code (empty when an LPKS owns the record)."""
    return Field(default=None, foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8))


def one_owner(table: str) -> CheckConstraint:
    """Exactly one of the two owners is set."""
    return CheckConstraint("(institution_id IS NULL) <> (owner_region_code IS NULL)", name=f"ck_{table}_one_owner")


def copy_owner(source, target) -> None:
    """Give `target` the owner of `source` (a record of a case takes its case's owner)."""
    for name in OWNER_COLUMNS:
        setattr(target, name, getattr(source, name))
