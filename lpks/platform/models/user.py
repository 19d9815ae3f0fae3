"""Users, roles, API tokens and login attempts."""
from __future__ import annotations

import secrets
from datetime import datetime
from typing import Optional

from sqlalchemy import DateTime, Index, String
from sqlmodel import Field, SQLModel

from lpks.platform.models.base import created_field, text_field

ROLE_OPERATOR = "operator_lpks"
ROLE_KABKOTA = "dinsos_kabkota"
ROLE_PROVINCE = "dinsos_provinsi"
ROLE_KEMENSOS = "kemensos"
ROLE_ADMIN = "admin_sistem"
ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS, ROLE_ADMIN)
# What a Dinas Sosial kabupaten/kota user does in the office's case handling (RULES §8); empty: none of these.
FUNCTION_PEKSOS = "peksos"            # Pekerja Sosial Profesional: case manager, companion, monitoring
FUNCTION_TKSK = "tksk"                # Tenaga Kesejahteraan Sosial Kecamatan: monitoring at a peksos's request
FUNCTION_DATA = "data_informasi"      # Seksi Data dan Informasi: documents, files the reports, complaints
FUNCTIONS = (FUNCTION_PEKSOS, FUNCTION_TKSK, FUNCTION_DATA)


def new_session_epoch() -> str:
    """A fresh random marker; rotating it ends every copy of the user's sessions."""
    return secrets.token_urlsafe(16)


class User(SQLModel, table=True):
    """A person who logs in, with one role and its scope."""

    __tablename__ = "app_user"

    id: Optional[int] = Field(default=None, primary_key=True)
    username: str = Field(sa_type=String(80), unique=True, index=True, nullable=False)
    full_name: Optional[str] = text_field(120)
    password_hash: str = Field(sa_type=String(255), nullable=False, repr=False)
    role: str = text_field(20, nullable=False, index=True)
    institution_id: Optional[int] = Field(
        default=None, foreign_key="institution.id", ondelete="RESTRICT", index=True
    )
    region_code: Optional[str] = Field(
        default=None, foreign_key="region.code", ondelete="RESTRICT", index=True, sa_type=String(8)
    )
    function: Optional[str] = text_field(20)  # FUNCTIONS, for Dinas Sosial kabupaten/kota users only
    locale: str = text_field(5, default="id", nullable=False)
    active: bool = Field(default=True, nullable=False)
    session_epoch: str = Field(default_factory=new_session_epoch, sa_type=String(40), nullable=False, repr=False)
    created_at: datetime = created_field()
    password_changed_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))

    # flask-login protocol
    @property
    def is_authenticated(self) -> bool:
        return True

    @property
    def is_active(self) -> bool:
        return bool(self.active)

    @property
    def is_anonymous(self) -> bool:
        return False

    def get_id(self) -> str:
        """The session id: user id and epoch, so a rotated epoch refuses old cookies."""
        return f"{self.id}:{self.session_epoch}"

    def __str__(self) -> str:
        return self.username


class ApiToken(SQLModel, table=True):
    """A bearer token for the JSON API; only its hash is stored."""

    __tablename__ = "api_token"

    id: Optional[int] = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", ondelete="RESTRICT", index=True)
    token_hash: str = Field(sa_type=String(64), unique=True, nullable=False, repr=False)
    prefix: str = text_field(12, nullable=False)
    created_at: datetime = created_field()
    expires_at: datetime = Field(sa_type=DateTime(timezone=True), nullable=False)
    last_used_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))
    revoked_at: Optional[datetime] = Field(default=None, sa_type=DateTime(timezone=True))


class LoginAttempt(SQLModel, table=True):
    """One password check (login, or the current password on the account page) from one client address, kept in
    the database so throttling holds across workers."""

    __tablename__ = "login_attempt"
    __table_args__ = (Index("ix_login_attempt_pair", "username", "client", "at"),)

    id: Optional[int] = Field(default=None, primary_key=True)
    username: str = Field(sa_type=String(80), index=True, nullable=False)
    client: str = Field(default="", sa_type=String(45), nullable=False)
    at: datetime = created_field()
    success: bool = Field(default=False, nullable=False)
