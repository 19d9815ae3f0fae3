"""The migrations create exactly what the models declare (the schema is made by migrations only): Alembic's own
comparison of the migrated database with the models' metadata finds nothing to change, on SQLite and PostgreSQL."""
from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Column, Index, Integer, MetaData, String, create_engine
from sqlmodel import SQLModel

import lpks.tables  # noqa: F401  (registers every table)


def _declared(obj, name, type_, reflected, compare_to) -> bool:
    """Compare everything but the PostgreSQL-only trigram indexes, which migration 0014 makes and no model declares."""
    return not (type_ == "index" and reflected and compare_to is None and (name or "").endswith("_trgm"))


def _drift(database_url: str, metadata: MetaData) -> list:
    engine = create_engine(database_url)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True, "include_object": _declared})
            return compare_metadata(context, metadata)
    finally:
        engine.dispose()


def test_migrated_database_matches_the_models(database_url):
    assert _drift(database_url, SQLModel.metadata) == []


def test_the_comparison_sees_a_column_an_index_and_a_type_the_migrations_lack(database_url):
    altered = MetaData()
    for table in SQLModel.metadata.sorted_tables:
        table.to_metadata(altered)
    holiday = altered.tables["holiday"]
    holiday.append_column(Column("not_migrated", Integer))
    Index("ix_not_migrated", holiday.c.not_migrated)
    holiday.c.name.type = String(3)
    kinds = sorted({entry[0] if isinstance(entry, tuple) else entry[0][0] for entry in _drift(database_url, altered)})
    assert kinds == ["add_column", "add_index", "modify_type"]
