"""The migrations create exactly what the models declare, for every table (the schema is made by migrations only)."""
from __future__ import annotations

from sqlalchemy import create_engine, inspect
from sqlmodel import SQLModel

import lpks.tables  # noqa: F401  (registers every table)


def test_migrated_tables_match_the_models(database_url):
    engine = create_engine(database_url)
    inspector = inspect(engine)
    tables = SQLModel.metadata.sorted_tables
    assert set(inspector.get_table_names()) - {"alembic_version"} == {t.name for t in tables}
    for table in tables:
        columns = {c["name"]: c for c in inspector.get_columns(table.name)}
        assert set(columns) == set(table.columns.keys()), table.name
        for column in table.columns:
            assert columns[column.name]["nullable"] == column.nullable, (table.name, column.name)
        indexed = {tuple(i["column_names"]) for i in inspector.get_indexes(table.name)}
        indexed |= {tuple(u["column_names"]) for u in inspector.get_unique_constraints(table.name)}
        for index in table.indexes:
            assert tuple(c.name for c in index.columns) in indexed, (table.name, index.name)
        foreign = {fk["referred_table"] for fk in inspector.get_foreign_keys(table.name)}
        assert foreign == {fk.column.table.name for fk in table.foreign_keys}, table.name
    engine.dispose()
