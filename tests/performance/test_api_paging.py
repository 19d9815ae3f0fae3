"""API lists choose the page's ids first (scope, filters, sort, limit on the list's own table), then load those rows
with their eager joins; the pages are the same rows, in the same order, as the scoped query gives; the audit trail
pages without counting the whole trail."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.user import User
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from lpks.security import READ, scope_clause
from tests.conftest import login
from tests.performance.recording import statements as recorded
from tests.performance.test_query_counts import _add_children

# path: (model, the list's order)
LISTS = {"/api/v1/residents": (Resident, [Resident.register_number, Resident.id]),
         "/api/v1/placements": (Placement, [Placement.id.desc()]),
         "/api/v1/custody-periods": (CustodyPeriod, [CustodyPeriod.notice_deadline, CustodyPeriod.id])}


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.jatim", "kemensos"])
@pytest.mark.parametrize("path", sorted(LISTS))
def test_the_page_is_limited_before_its_rows_are_loaded(demo, app, session, username, path):
    _add_children(app, 6, 0)
    client = app.test_client()
    login(client, username)
    table = LISTS[path][0].__tablename__
    page = next(s for s in recorded(app, client, f"{path}?per_page=5") if f"FROM {table}" in s
                and not s.startswith("SELECT count("))
    head, inner = page.split(f"{table}.id IN (SELECT {table}.id FROM {table} ", 1)
    assert " LIMIT " not in head and " LIMIT " in inner and " JOIN " not in inner


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.jatim", "kemensos"])
@pytest.mark.parametrize("path", sorted(LISTS))
def test_pages_are_the_scoped_rows_in_order(demo, app, session, username, path):
    _add_children(app, 12, 0)
    model, order = LISTS[path]
    client = app.test_client()
    login(client, username)
    session.rollback()
    user = session.scalar(select(User).where(User.username == username))
    with app.test_request_context():
        stmt = select(model.id).where(scope_clause(user, model, READ)).order_by(*order)
        if model is Resident:  # an LPKS's residents: a Dinas Sosial's own children are listed with their cases
            stmt = stmt.where(Resident.institution_id.is_not(None))
        expected = list(session.scalars(stmt))
    assert len(expected) > 3  # at least two pages
    shown = []
    for page in range(1, -(-len(expected) // 3) + 1):
        body = client.get(f"{path}?per_page=3&page={page}").get_json()
        assert body["total"] == len(expected)
        shown += [item["id"] for item in body["items"]]
    assert shown == expected


def test_the_audit_trail_pages_without_a_count(demo, app, session):
    client = app.test_client()
    login(client, "admin")
    statements = recorded(app, client, "/admin/audit/?page_size=5")
    assert not [s for s in statements if s.startswith("SELECT count(")]
    session.rollback()
    assert session.scalar(select(AuditLog.id).order_by(AuditLog.id.desc()).offset(5)) is not None  # > 1 page
    html = client.get("/admin/audit/?page_size=5").get_data(as_text=True)
    assert "/admin/audit/?page=1" in html  # the next page is offered
