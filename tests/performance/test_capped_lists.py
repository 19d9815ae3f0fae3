"""Lists stay cheap at any scope: counts exact up to the cap and "lebih dari …" beyond, offsets bounded, and on
PostgreSQL the "contains" filters and searches read trigram indexes."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import text

from tests.conftest import PG_URL, login
from tests.performance.test_query_counts import _add_children


def test_counts_are_exact_when_small_and_capped_when_large(demo, app, monkeypatch):
    from lpks.platform import paging

    client = app.test_client()
    login(client, "kemensos")
    exact = client.get("/admin/institution/").get_data(as_text=True)
    assert re.search(r"List \(6\)|Daftar \(6\)", exact)
    assert client.get("/api/v1/institutions").get_json()["total"] == 6
    monkeypatch.setattr(paging, "COUNT_CAP", 3)
    capped = client.get("/admin/institution/").get_data(as_text=True)
    assert "lebih dari 3" in capped and "(6)" not in capped
    body = client.get("/api/v1/institutions").get_json()
    assert body["total"] == 3 and body["total_capped"] is True


def test_a_page_past_the_bound_shows_the_deepest_page_allowed(demo, app, monkeypatch):
    from lpks.admin.residents.custody import CustodyView
    from lpks.platform import paging

    monkeypatch.setattr(CustodyView, "page_size_options", (5, 20, 50, 100))
    monkeypatch.setattr(paging, "MAX_OFFSET", 5)
    _add_children(app, 12, 0)
    client = app.test_client()
    login(client, "kemensos")
    ids = lambda html: re.findall(r"/admin/placement/details/\?id=(\d+)#titipan", html)  # noqa: E731
    second = ids(client.get("/admin/custody/?page_size=5&page=1").get_data(as_text=True))
    far = ids(client.get("/admin/custody/?page_size=5&page=100000").get_data(as_text=True))
    assert len(second) == 5 and far == second
    deep = client.get("/api/v1/custody-periods?per_page=5&page=3")  # rows 11–15: past the bound
    assert deep.status_code == 422 and "Halaman terlalu jauh" in deep.get_json()["message"]


@pytest.mark.skipif(not PG_URL, reason="trigram indexes exist on PostgreSQL only")
@pytest.mark.parametrize(("table", "condition", "index"), [
    ("audit_log", "username ILIKE '%operator%'", "ix_audit_log_username_trgm"),
    ("resident", "CAST(register_number AS VARCHAR) ILIKE '%DEMO-00%'", "ix_resident_register_number_trgm"),
    ("institution", "name ILIKE '%harapan%'", "ix_institution_name_trgm"),
])
def test_contains_filters_read_a_trigram_index_on_postgresql(demo, app, database_url, table, condition, index):
    if not database_url.startswith("postgresql"):
        pytest.skip("SQLite has no trigram index: its lists scan in the list's order and stop at the page")
    from lpks.extensions import db

    with app.app_context(), db.engine.connect() as conn:
        conn.execute(text("SET enable_seqscan = off"))  # a tiny table would be read whole; ask what it could use
        plan = "\n".join(conn.scalars(text(f"EXPLAIN SELECT id FROM {table} WHERE {condition}")))
    assert index in plan
