"""CSRF: every rule accepting POST/PUT/PATCH/DELETE refuses a cookie-authenticated request without a valid token,
and changes nothing. Bearer-token API calls carry no cookie and are exempt by design."""
from __future__ import annotations

from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog
from tests.conftest import login

from .matrix import NOT_INSTANTIATED, urls

UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}


def _writes(session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.action.in_(("create", "update", "delete", "view_identity"))))


def test_every_state_changing_route_refuses_a_missing_or_wrong_token(demo, app, session):
    client = app.test_client()
    assert login(client, "kemensos").status_code == 302
    before = _writes(session)
    counted, refused = set(), []
    for rule in app.url_map.iter_rules():
        methods = (rule.methods or set()) & UNSAFE
        if not methods or rule.endpoint in NOT_INSTANTIATED:
            continue
        for method in sorted(methods):
            counted.add((rule.rule, method))
            for url in urls(rule, 1)[:1]:
                url = url if "?" in url or url.startswith("/api/") else f"{url}?id=1"
                for headers, data in (({}, {"id": "1"}), ({"X-CSRFToken": "salah"}, {"id": "1", "csrf_token": "salah"})):
                    response = client.open(url, method=method, data=data, headers=headers)
                    if response.status_code not in (400, 403):
                        refused.append(f"{method} {url} -> {response.status_code}")
    assert not refused, refused
    assert _writes(session) == before
    print(f"\nCSRF: {len(counted)} state-changing route/method pairs refused without a valid token")
    assert len(counted) > 100
    assert client.get("/").status_code == 200  # still logged in: the refusals were CSRF, not a lost session


def test_a_bogus_bearer_header_does_not_lift_csrf_from_a_cookie_session(demo, app, session):
    """The CSRF exemption is for token clients only: a cookie session plus any 'Bearer' header stays protected."""
    from lpks.registry.models.institution import Institution

    client = app.test_client()
    assert login(client, "kemensos").status_code == 302
    inst = session.scalars(select(Institution)).first()
    response = client.patch(f"/api/v1/institutions/{inst.id}", json={"name": "Dibajak", "version": inst.version},
                            headers={"Authorization": "Bearer bukan-token"})
    assert response.status_code in (400, 401, 403)
    session.rollback()
    assert session.get(Institution, inst.id).name != "Dibajak"


def test_the_account_actions_of_issue_18_need_the_token(demo, app, session):
    """Ending one's tokens and changing one's password are state changes like any other: without the CSRF token,
    nothing ends and the password stays."""
    from lpks.extensions import db
    from lpks.platform.models.user import ApiToken
    from lpks.platform.services.tokens import create_token
    from tests.conftest import PASSWORD

    with app.app_context():
        _token, plain = create_token(db.session, "dinsos.jatim")
        db.session.commit()
    client = app.test_client()
    assert login(client, "dinsos.jatim").status_code == 302
    for data in ({}, {"csrf_token": "salah"}):
        assert client.post("/account/tokens/end", data=data).status_code == 400
        changed = client.post("/account/", data={**data, "current_password": PASSWORD,
                                                "new_password": "jembatan-gerimis-kopi-41",
                                                "confirm_password": "jembatan-gerimis-kopi-41"})
        assert changed.status_code in (200, 400) and "berhasil diubah" not in changed.get_data(as_text=True)
    session.rollback()
    assert session.scalars(select(ApiToken.revoked_at)).all() == [None]
    assert app.test_client().get("/api/v1/me", headers={"Authorization": f"Bearer {plain}"}).status_code == 200
    assert login(app.test_client(), "dinsos.jatim").status_code == 302  # the old password still works
