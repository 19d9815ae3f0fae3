"""Every page each demo role can open renders: no server error, nothing from another scope."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from lpks.registry.models.institution import Institution
from lpks.platform.models.user import User
from tests.conftest import login

DEMO_USERS = ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos", "admin"]


def _pages(app, session) -> list[str]:
    inst_id = session.scalars(select(Institution.id).order_by(Institution.id)).first()
    user_id = session.scalars(select(User.id).order_by(User.id)).first()
    ids = {"institution": inst_id, "user": user_id}
    paths = []
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.arguments - {"filename"} or "static" in rule.endpoint:
            continue
        if rule.arguments:
            continue
        path = rule.rule
        if path.endswith(("/details/", "/edit/")):
            view = path.split("/")[2]
            path += f"?id={ids.get(view, 1)}"
        paths.append(path)
    return paths


@pytest.mark.parametrize("username", DEMO_USERS)
def test_every_reachable_page_renders_for_each_role(demo, client, session, username, app):
    login(client, username)
    failures = []
    for path in _pages(app, session):
        response = client.get(path)
        if response.status_code >= 500:
            failures.append((path, response.status_code))
        assert response.status_code in (200, 302, 403, 404, 422), (path, response.status_code)
    assert failures == []


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos"])
def test_pages_are_indonesian_by_default(demo, client, session, username, app):
    """Nothing in English by accident: common English UI words never show in the default language."""
    login(client, username)
    english = re.compile(r">\s*(Save|Delete|Cancel|List|Create|Edit|Details|Search|Add Filter|Export|"
                         r"With selected|Home|Log out|Logout|Dashboard|Record|Submit)\s*<")
    for path in _pages(app, session):
        response = client.get(path)
        if response.status_code == 200 and response.mimetype == "text/html":
            found = english.findall(response.get_data(as_text=True))
            assert not found, (path, found)


def test_admin_lists_show_indonesian_dates(demo, client):
    from lpks.formats import format_tanggal
    from lpks.platform.clock import today

    login(client, "admin")
    page = client.get("/admin/audit/").get_data(as_text=True)
    month_year = " ".join(format_tanggal(today()).split()[1:])  # e.g. "November 2026"
    assert re.search(r"\d{1,2} " + month_year + r" \d{2}\.\d{2}", page)  # "24 November 2026 18.05"
    assert not re.search(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", page)  # no ISO timestamps
