"""An export's memory stays flat: ten times the rows, not ten times the memory (rows read in chunks, written as they
come). Measured with tracemalloc on the audit trail export, the largest list there is (a million rows nationally)."""
from __future__ import annotations

import tracemalloc
from datetime import datetime, timezone

import pytest
from sqlalchemy import func, insert, select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.user import User


def _add_audit_rows(session, count: int, start: int) -> None:
    at = datetime(2026, 1, 5, 8, 0, tzinfo=timezone.utc)
    for first in range(start, start + count, 5000):
        session.execute(insert(AuditLog), [
            {"at": at, "user_id": 1, "username": f"petugas.{n % 97}", "role": "operator_lpks", "ip": "10.0.0.1",
             "action": "update", "object_type": "resident", "object_id": str(n), "fields": "address,phone"}
            for n in range(first, min(first + 5000, start + count))])
    session.commit()


def _peak(app, fmt: str, path) -> tuple[int, int]:
    """(peak bytes allocated while exporting, rows written) of the administrator's audit export."""
    from lpks.extensions import db
    from lpks.platform.exports import sources, write_export

    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == "admin"))
        source = sources()["audit"]
        write_export(db.session, user, source, {}, fmt, path)  # warm: imports, compiled statements
        db.session.rollback()
        tracemalloc.start()
        try:
            rows = write_export(db.session, user, source, {}, fmt, path)
            _now, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
        db.session.rollback()
    return peak, rows


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_ten_times_the_rows_is_not_ten_times_the_memory(demo, app, session, tmp_path, fmt):
    before = session.scalar(select(func.count()).select_from(AuditLog))
    _add_audit_rows(session, 2000 - before, 0)
    small, rows_small = _peak(app, fmt, tmp_path / f"small.{fmt}")
    _add_audit_rows(session, 18000, 2000)
    large, rows_large = _peak(app, fmt, tmp_path / f"large.{fmt}")
    assert (rows_small, rows_large) == (2000, 20000)
    assert large < 2 * small, f"peak {small / 1e6:.2f} MB for 2,000 rows, {large / 1e6:.2f} MB for 20,000"
