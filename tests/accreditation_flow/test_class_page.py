"""The class page in pages: each page lists its share of the LPKS in scope, the links keep the other arguments, and
the count and the figures per class are those of the whole scope, not of the page."""
from __future__ import annotations

import re
from collections import Counter

import pytest
from sqlalchemy import select

from lpks.accreditation import class_page
from lpks.accreditation.services import classes
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.security.access import scoped_select
from tests.conftest import login


def _scope(app, username: str) -> tuple[list[int], Counter]:
    """The LPKS a user reaches (in the page's order) and their classes, computed one by one as before paging."""
    from lpks.extensions import db

    with app.app_context():
        user = db.session.scalar(select(User).where(User.username == username))
        insts = list(db.session.scalars(scoped_select(user, Institution).order_by(
            Institution.province_code, Institution.kabkota_code, Institution.name, Institution.id)))
        views = classes.effective(db.session, insts)
        return [i.id for i in insts], Counter(v.klass for v in views.values())


def _page(client, query: str = "") -> tuple[list[int], dict, str]:
    html = client.get(f"/admin/accreditation-class/{query}").get_data(as_text=True)
    ids = [int(x) for x in re.findall(r'<tr data-institution="(\d+)"', html)]
    counts = dict(re.findall(r'<td data-class="(\w+)">(\d+)</td>', html))
    return ids, counts, html


@pytest.mark.parametrize("username", ["kemensos", "dinsos.jatim", "dinsos.pasuruan", "operator.pasuruan"])
def test_pages_cover_the_scope_once_with_totals_of_the_whole_scope(demo, app, monkeypatch, username):
    monkeypatch.setattr(class_page, "PAGE_SIZE", 2)
    expected, per_class = _scope(app, username)
    client = app.test_client()
    login(client, username)
    seen, pages = [], -(-len(expected) // 2)
    for number in range(1, pages + 1):
        ids, counts, html = _page(client, f"?page={number}")
        assert len(ids) == min(2, len(expected) - 2 * (number - 1))
        seen += ids
        # Figures of the whole scope on every page, not of the two LPKS shown.
        assert counts == {k or "none": str(per_class[k]) for k in ("A", "B", "C", None)}
        assert f'data-testid="class-total">{len(expected)}<' in html
        assert f"Halaman {number} dari {pages} ({len(expected)} LPKS)" in html
        assert ('data-testid="class-next"' in html) == (number < pages)
    assert seen == expected  # every LPKS in scope, once, in order; none outside it


def test_page_links_keep_the_other_arguments_and_bad_pages_fall_back(demo, app, monkeypatch):
    monkeypatch.setattr(class_page, "PAGE_SIZE", 1)
    expected, _per_class = _scope(app, "kemensos")
    client = app.test_client()
    login(client, "kemensos")
    _ids, _counts, html = _page(client, "?page=2&q=abc")
    assert re.search(r'href="[^"]*page=3[^"]*"', html) and "q=abc" in re.search(
        r'href="([^"]*page=3[^"]*)"', html).group(1).replace("&amp;", "&")
    assert _page(client, "?page=abc")[0] == expected[:1]
    assert _page(client, "?page=0")[0] == expected[:1]
    assert _page(client, "?page=99999")[0] == expected[-1:]


def test_default_page_size_is_fifty(demo, app):
    assert class_page.PAGE_SIZE == 50
    expected, _per_class = _scope(app, "kemensos")
    client = app.test_client()
    login(client, "kemensos")
    assert _page(client)[0] == expected[:50]
