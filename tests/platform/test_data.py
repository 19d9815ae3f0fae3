"""Database rules: append-only audit, no orphaned children, SQLite settings, change auditing."""
from __future__ import annotations

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import DBAPIError, IntegrityError

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.region import Region
from lpks.platform.services import audit
from lpks.registry.models.institution import Institution


def test_audit_log_is_append_only_in_orm_and_database(demo, session):
    audit.record(session, "export", "institution", 1)
    session.commit()
    row = session.scalars(select(AuditLog)).first()
    row.action = "tampered"
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()
    with pytest.raises(DBAPIError):
        session.execute(update(AuditLog).values(action="tampered"))
    session.rollback()
    with pytest.raises(DBAPIError):
        session.execute(delete(AuditLog))
    session.rollback()


def test_deleting_a_region_with_institutions_is_refused(demo, session):
    with pytest.raises(IntegrityError):
        session.execute(delete(Region).where(Region.code == "35.75"))
        session.flush()
    session.rollback()
    assert session.get(Region, "35.75") is not None


def test_changes_are_audited_with_field_names_never_values(demo, session):
    inst = session.scalars(select(Institution)).first()
    inst.address = "Jl. Rahasia No. 1"
    session.flush()
    row = session.scalars(select(AuditLog).where(AuditLog.action == "update").order_by(AuditLog.id.desc())).first()
    assert row.object_type == "institution" and row.fields == "address"
    assert "Rahasia" not in " ".join(str(v) for v in row.model_dump().values())


def test_sqlite_runs_with_wal_foreign_keys_and_busy_timeout(app, session):
    if session.get_bind().dialect.name != "sqlite":
        pytest.skip("SQLite only")
    assert session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert session.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert session.execute(text("PRAGMA busy_timeout")).scalar() == 30000


def test_migrations_form_one_line():
    from alembic.script import ScriptDirectory

    from lpks.platform.schema import MIGRATIONS

    assert len(ScriptDirectory(str(MIGRATIONS)).get_heads()) == 1


def test_a_created_row_is_audited_with_its_id(demo, session):
    """A create entry names the new row, so a record's history includes its creation."""
    from datetime import date

    from lpks.platform.models.holiday import Holiday

    holiday = Holiday(day=date(2040, 1, 2), name="Libur uji", kind="nasional", source="manual")
    session.add(holiday)
    session.flush()
    row = session.scalars(select(AuditLog).where(AuditLog.action == "create", AuditLog.object_type == "holiday")
                          .order_by(AuditLog.id.desc())).first()
    assert holiday.id and row.object_id == str(holiday.id) and "name" in row.fields.split(",")
