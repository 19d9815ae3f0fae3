"""The figures answer in a bounded number of statements whatever the data (every figure in one UNION ALL), and a
submitted report reads its frozen snapshot, never the live tables: later changes do not alter it."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.reports.models import AnnualReport
from tests.performance.recording import statements
from tests.reports.factories import institution, stay

LIMIT = 10
LIVE_TABLES = ("placement", "resident", "custody_period", "institution_class", "standards_evaluation")


def _more_children(session, count: int) -> None:
    session.rollback()  # a fresh snapshot: the requests have written since (SQLite refuses a stale writer)
    for n in range(count):
        for name in ("LPKS Bina Harapan Kota Pasuruan", "UPT Rehabilitasi Sosial Anak Surabaya",
                     "LPKS Pelita Jakarta Selatan"):
            stay(session, institution(session, name), date(2026, 1 + n % 12, 1), sex="perempuan" if n % 2 else
                 "laki_laki", age=12 + n % 6)
    session.commit()


@pytest.mark.parametrize("username, path", [
    ("kemensos", "/api/v1/reports/figures"), ("kemensos", "/admin/reports/"),
    ("dinsos.jatim", "/api/v1/reports/figures?scope=35.75"), ("dinsos.pasuruan", "/admin/reports/print"),
    ("operator.pasuruan", "/api/v1/reports/figures"),
])
def test_figures_run_a_bounded_number_of_statements(app, session, browse, username, path):
    client = browse(username).client
    before = statements(app, client, path)
    _more_children(session, 20)
    after = statements(app, client, path)
    assert len(after) == len(before) <= LIMIT, after
    assert sum(" UNION ALL " in s for s in after) == 1  # every figure in one statement


def test_a_frozen_report_reads_its_snapshot_not_the_live_tables(app, session, browse):
    report = session.scalar(select(AnnualReport).where(AnnualReport.year == 2024, AnnualReport.region_code == "35",
                                                       AnnualReport.revision == 1))
    kemensos = browse("kemensos")
    path = f"/api/v1/reports/annual/{report.id}"
    before = kemensos.get(path).get_json()
    seen = statements(app, kemensos.client, path)
    assert not [s for s in seen if any(f" {t} " in f" {s} ".replace('"', " ") for t in LIVE_TABLES)]
    assert len(seen) <= LIMIT
    _more_children(session, 3)
    stay(session, institution(session), date(2024, 6, 1), date(2024, 7, 1))
    session.commit()
    assert kemensos.get(path).get_json()["figures"] == before["figures"]
    # the same figures computed live now differ: the snapshot did not follow the tables
    live = kemensos.get("/api/v1/reports/figures?from=2024-01-01&to=2024-12-31&scope=35").get_json()
    frozen = next(f for f in before["figures"]["figures"] if f["key"] == "recipients_by_kind")
    now = next(f for f in live["figures"] if f["key"] == "recipients_by_kind")
    assert frozen["totals"]["cells"] != now["totals"]["cells"]
