"""The residents' due dates are indexed (the migrations match the models: tests/platform/test_schema.py)."""
from __future__ import annotations

from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement


def test_due_dates_are_indexed():
    for model, columns in ((Placement, ("last_day", "parole_eligible_from", "doctor_certificate_due", "status")),
                           (CustodyPeriod, ("last_day", "notice_deadline", "notice_sent_on", "status"))):
        indexed = {c.name for index in model.__table__.indexes for c in index.columns}
        assert set(columns) <= indexed
