"""Migration 0002 creates exactly what the registry models declare (the schema is made by migrations only)."""
from __future__ import annotations

from sqlalchemy import create_engine, inspect

from lpks.models import (EvidenceDocument, EvidenceLink, FacilityRecord, FinancialReport, FundingSource, Institution,
                         OrganisationPosition, Registration, StaffMember, Verification, VerificationFinding, WorkArea)

MODELS = (Institution, Registration, WorkArea, OrganisationPosition, StaffMember, FacilityRecord, FundingSource,
          FinancialReport, EvidenceDocument, EvidenceLink, Verification, VerificationFinding)


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


def test_the_institution_keeps_no_single_registration():
    assert not [c for c in Institution.__table__.columns.keys() if c.startswith("registration")]
    assert {c.name for i in Registration.__table__.indexes for c in i.columns} >= {"valid_until", "institution_id"}
