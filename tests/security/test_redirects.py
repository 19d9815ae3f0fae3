"""Open redirects: `next` on login (query string and form) and Flask-Admin's `url=` never lead off-site.
(The posted `next` field alone is covered in tests/platform/test_auth.py.)"""
from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from sqlalchemy import select

from lpks.platform.models.holiday import Holiday
from tests.conftest import PASSWORD, csrf_token, login

OFF_SITE = ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "\\\\evil.example",
            "https:evil.example", " //evil.example"]


def _on_site(location: str) -> bool:
    parts = urlsplit(location.replace("\\", "/"))
    return parts.scheme in ("", "http") and parts.netloc in ("", "localhost") and not location.lstrip().startswith(
        ("//", "/\\", "\\"))


@pytest.mark.parametrize("target", OFF_SITE)
def test_login_next_from_the_query_string_stays_on_site(demo, client, target):
    page = client.get("/login", query_string={"next": target})
    assert page.status_code == 200
    token = csrf_token(client, "/login")
    response = client.post("/login", query_string={"next": target},
                           data={"username": "kemensos", "password": PASSWORD, "csrf_token": token, "next": target})
    assert response.status_code == 302 and _on_site(response.headers["Location"]), response.headers["Location"]


@pytest.mark.parametrize("target", OFF_SITE)
def test_flask_admin_url_parameter_stays_on_site(demo, client, session, target):
    login(client, "kemensos")
    holiday = session.scalars(select(Holiday)).first()
    token = csrf_token(client, "/account/")
    edit = client.get("/admin/holiday/edit/", query_string={"id": holiday.id, "url": target})
    assert edit.status_code == 200 and target not in edit.get_data(as_text=True)
    response = client.post("/admin/holiday/delete/", query_string={"url": target},
                           data={"csrf_token": token, "id": str(holiday.id), "url": target})
    assert response.status_code == 302 and _on_site(response.headers["Location"]), response.headers["Location"]
    action = client.post("/admin/holiday/action/", query_string={"url": target},
                         data={"csrf_token": token, "action": "delete", "rowid": ["999999"], "url": target})
    assert action.status_code == 302 and _on_site(action.headers["Location"]), action.headers["Location"]
