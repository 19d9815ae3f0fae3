"""The registry keeps its registrations in their own table (the migrations match the models: tests/platform/test_schema.py)."""
from __future__ import annotations

from lpks.registry.models.institution import Institution
from lpks.registry.models.registration import Registration


def test_the_institution_keeps_no_single_registration():
    assert not [c for c in Institution.__table__.columns.keys() if c.startswith("registration")]
    assert {c.name for i in Registration.__table__.indexes for c in i.columns} >= {"valid_until", "institution_id"}
