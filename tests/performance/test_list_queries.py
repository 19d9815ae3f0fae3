"""Province and national lists of placements and titipan periods: the rows of the page are chosen (scope, sort,
limit) before the eager joins, the count joins nothing, the statements stay four, and the page shows the same rows."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from lpks.platform.models.user import User
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.security import READ, scope_clause
from tests.conftest import login
from tests.performance.recording import statements as recorded
from tests.performance.test_query_counts import _add_children

# path: (model, the column a row shows as its id, the list's order, how a row's id appears in the page)
LISTS = {"/admin/placement/": (Placement, Placement.id, [Placement.id.desc()],
                               r'/admin/placement/details/\?id=(\d+)&amp;'),
         "/admin/custody/": (CustodyPeriod, CustodyPeriod.placement_id, [CustodyPeriod.notice_deadline],
                             r'/admin/placement/details/\?id=(\d+)#titipan')}


# the start date's column in each list (?sort=n), and a page far past the last one (its offset stays bounded)
SORT_START = {"/admin/placement/": 4, "/admin/custody/": 2}


@pytest.mark.parametrize("username", ["dinsos.jatim", "kemensos"])
@pytest.mark.parametrize("variant", ["first", "sorted", "deep"])
@pytest.mark.parametrize("path", sorted(LISTS))
def test_limit_before_joins_and_a_count_without_joins(demo, app, session, username, path, variant):
    _add_children(app, 6, 0)
    client = app.test_client()
    login(client, username)
    extra = {"first": "", "sorted": f"&sort={SORT_START[path]}&desc=1", "deep": "&page=100000"}[variant]
    statements = recorded(app, client, f"{path}?page_size=5{extra}")
    assert len(statements) <= 4  # as before: BEGIN, the user, the count, the page
    count = next(s for s in statements if s.startswith("SELECT count("))
    assert " JOIN " not in count
    assert count.endswith(") AS anon_1") and " LIMIT " in count  # counted no further than the cap
    page = next(s for s in statements if " LEFT OUTER JOIN " in s)
    head, inner = page.split(" IN (SELECT anon_1.id FROM (", 1)
    assert " LIMIT " not in head and " LIMIT " in inner and " JOIN " not in inner  # limit first, joins after


@pytest.mark.parametrize("path", sorted(LISTS))
def test_pages_show_the_same_rows_in_order(demo, app, session, monkeypatch, path):
    from lpks.admin.residents.custody import CustodyView
    from lpks.admin.residents.placements import PlacementView

    for view in (CustodyView, PlacementView):  # pages of 5: several pages from a few children
        monkeypatch.setattr(view, "page_size_options", (5, 20, 50, 100))
    _add_children(app, 12, 0)
    model, column, order, pattern = LISTS[path]
    client = app.test_client()
    login(client, "dinsos.jatim")
    session.rollback()
    user = session.scalar(select(User).where(User.username == "dinsos.jatim"))
    with app.test_request_context():
        expected = list(session.scalars(select(column).where(scope_clause(user, model, READ)).order_by(*order)))
    assert len(expected) > 5  # at least two pages
    shown = []
    for page in range(0, -(-len(expected) // 5)):
        html = client.get(f"{path}?page_size=5&page={page}").get_data(as_text=True)
        rows = [int(x) for x in re.findall(pattern, html)]
        assert len(rows) == min(5, len(expected) - 5 * page)
        shown += rows
    if path == "/admin/custody/":  # ties on the notice deadline may come in any order: compare the sets per page
        assert sorted(shown) == sorted(expected)
    else:
        assert shown == expected


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.jatim", "kemensos"])
def test_residents_list_sorts_and_limits_ids_only(demo, app, session, username):
    _add_children(app, 6, 0)
    client = app.test_client()
    login(client, username)
    page = next(s for s in recorded(app, client, "/admin/resident/?page_size=5")
                if s.startswith("SELECT resident.id AS resident_id"))
    head, inner = page.split(" IN (SELECT anon_1.id FROM (SELECT resident.id AS id FROM resident ", 1)
    assert " LIMIT " not in head and " LIMIT " in inner  # the ids of the page, then their rows
