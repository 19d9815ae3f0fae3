"""Migration 0003 creates exactly what the residents models declare (the schema is made by migrations only)."""
from __future__ import annotations

from sqlalchemy import create_engine, inspect

from lpks.models import CustodyExtension, CustodyPeriod, Holiday, Placement, PlacementDocument, Resident
from lpks.models.holiday import HolidayRemoval

MODELS = (Holiday, HolidayRemoval, Resident, Placement, PlacementDocument, CustodyPeriod, CustodyExtension)


def test_migrated_tables_match_the_models(database_url):
    engine = create_engine(database_url)
    inspector = inspect(engine)
    for model in MODELS:
        table = model.__table__
        columns = {c["name"]: c for c in inspector.get_columns(table.name)}
        assert set(columns) == set(table.columns.keys()), table.name
        for column in table.columns:
            assert columns[column.name]["nullable"] == column.nullable, (table.name, column.name)
        indexed = {tuple(i["column_names"]) for i in inspector.get_indexes(table.name)}
        for index in table.indexes:
            assert tuple(c.name for c in index.columns) in indexed, (table.name, index.name)
        foreign = {fk["referred_table"] for fk in inspector.get_foreign_keys(table.name)}
        assert foreign == {fk.column.table.name for fk in table.foreign_keys}, table.name
    engine.dispose()


def test_due_dates_are_indexed():
    for model, columns in ((Placement, ("last_day", "parole_eligible_from", "doctor_certificate_due", "status")),
                           (CustodyPeriod, ("last_day", "notice_deadline", "notice_sent_on", "status"))):
        indexed = {c.name for index in model.__table__.indexes for c in index.columns}
        assert set(columns) <= indexed
