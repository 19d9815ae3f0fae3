"""A child's processing history (UU 27/2022): who may produce it, what it lists, the file, the API, and that producing it
is itself audited — on every backend the suite runs on."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert, select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.base import utcnow
from tests.conftest import csrf_token, login

from .conftest import PASURUAN_CITY, SURABAYA, Api
from .test_scope import _seed_in

SECRET = "Rahasia Sekali"  # the full name _seed_in gives every child


@pytest.fixture
def kids(seeded):
    """One child in Kota Pasuruan (operator.pasuruan, dinsos.pasuruan) and one in Surabaya (Jawa Timur only)."""
    return {"own": _seed_in(seeded, PASURUAN_CITY), "other": _seed_in(seeded, SURABAYA)}


# (user, child) → status; the residents' own identity endpoint must answer the same (one policy).
CASES = [("operator.pasuruan", "own", 200), ("operator.pasuruan", "other", 404),
         ("dinsos.pasuruan", "own", 200), ("dinsos.pasuruan", "other", 404),
         ("dinsos.jatim", "own", 403), ("dinsos.jatim", "other", 403),
         ("kemensos", "own", 403), ("admin", "own", 404)]


@pytest.mark.parametrize("username,which,status", CASES)
def test_who_may_produce_the_history(kids, client, session, username, which, status):
    rid = kids[which]["resident"]
    api = Api(client, username)
    assert api.get(f"/residents/{rid}/history").status_code == status
    assert api.get(f"/residents/{rid}/identity").status_code == status  # exactly like the residents' endpoint
    web = 403 if username == "admin" else status  # admin may not open the residents area at all
    assert client.get(f"/admin/resident/history/?id={rid}").status_code == web
    assert client.get(f"/admin/resident/history.xlsx?id={rid}").status_code == web
    session.rollback()
    produced = session.scalars(select(AuditLog.action).where(
        AuditLog.username == username, AuditLog.action.in_(("view_history", "export")),
        AuditLog.object_type == "resident", AuditLog.object_id == str(rid))).all()
    assert len(produced) == (3 if status == 200 else 0)  # refused attempts leave no history event


def test_lists_every_object_of_the_child_and_nothing_else(kids, client, session):
    api = Api(client, "operator.pasuruan")
    own, other = kids["own"], kids["other"]
    assert api.get(f"/residents/{own['resident']}/identity").status_code == 200
    assert api.patch(f"/residents/{own['resident']}", {"full_name": "Nama Baru Sekali", "version": 1}).status_code == 200
    token = csrf_token(client, "/admin/resident/")
    assert client.post("/admin/resident/export-identity/", data={"csrf_token": token}).status_code == 200
    body = api.get(f"/residents/{own['resident']}/history?per_page=100").get_json()
    assert body["resident"] == {"id": own["resident"], "register_number": f"X-{_inst(session, PASURUAN_CITY)}",
                                "initials": "N.B.S."}
    named = {(i["object_type"], i["object_id"], i["action"]) for i in body["items"]}
    rid, pid = str(own["resident"]), str(own["placement"])
    for expected in [("resident", rid, "create"), ("resident", rid, "update"), ("resident", rid, "view_identity"),
                     ("resident", rid, "view_history"), ("placement", pid, "create"), ("placement", pid, "update"),
                     ("placement_document", str(own["document"]), "create"),
                     ("custody_period", str(own["period"]), "create")]:
        assert expected in named, expected
    export = [i for i in body["items"] if i["action"] == "view_identity" and i["fields"] == ["export"]]
    assert export and export[0]["username"] == "operator.pasuruan" and export[0]["role"] == "operator_lpks"
    update = next(i for i in body["items"] if i["object_type"] == "resident" and i["action"] == "update")
    assert "full_name" in update["fields"] and "initials" in update["fields"]
    text = str(body)
    assert SECRET not in text and "Nama Baru" not in text  # names of fields, never values
    others = {(kind, str(other[key])) for kind, key in (("resident", "resident"), ("placement", "placement"),
                                                         ("custody_period", "period"),
                                                         ("placement_document", "document"))}
    assert not [i for i in body["items"] if (i["object_type"], i["object_id"]) in others]
    # the child's case opened with the admission: its records are part of the child's history (issue 13)
    assert ("child_case", "create") in {(i["object_type"], i["action"]) for i in body["items"]}
    times = [i["at"] for i in body["items"]]
    assert times == sorted(times, reverse=True)  # newest first


def _inst(session, name):
    from .conftest import institution_id
    return institution_id(session, name)


def test_detail_page_links_to_the_history_for_identity_roles_only(kids, client):
    rid = kids["own"]["resident"]
    login(client, "operator.pasuruan")
    details = client.get(f"/admin/resident/details/?id={rid}").get_data(as_text=True)
    link = re.search(r'href="([^"]+)"[^>]*data-testid="history-link"', details)
    assert link, "no history link on the detail page"
    page = client.get(link.group(1).replace("&amp;", "&"))
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and 'data-testid="history"' in html
    assert "X-" in html and "R.S." in html and SECRET not in html  # register number and initials only
    assert "Melihat riwayat pemrosesan" in html and "Membuat" in html and "Data anak #" in html
    assert 'data-testid="history-xlsx"' in html
    for username in ("dinsos.jatim", "kemensos"):
        client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
        login(client, username)
        details = client.get(f"/admin/resident/details/?id={rid}")
        assert details.status_code == 200 and 'data-testid="history-link"' not in details.get_data(as_text=True)


def test_page_is_paginated(kids, client, session):
    rid = kids["own"]["resident"]
    api = Api(client, "operator.pasuruan")
    for _ in range(25):
        api.get(f"/residents/{rid}/identity")
    first = client.get(f"/admin/resident/history/?id={rid}").get_data(as_text=True)
    assert first.count('data-testid="history-row"') == 20 and 'data-testid="history-next"' in first
    second = client.get(f"/admin/resident/history/?id={rid}&page=2").get_data(as_text=True)
    assert 0 < second.count('data-testid="history-row"') <= 20
    paged = api.get(f"/residents/{rid}/history?per_page=5&page=2").get_json()
    assert paged["page"] == 2 and paged["per_page"] == 5 and len(paged["items"]) == 5 and paged["total"] > 30
    for bad in ("page=0", "page=x", "per_page=101"):
        response = api.get(f"/residents/{rid}/history?{bad}")
        assert response.status_code == 422 and response.get_json()["field"] == bad.split("=")[0]
        assert bad.split("=")[0] in response.get_json()["message"]


def test_xlsx_lists_the_history_neutralised_and_is_audited(kids, client, session):
    rid = kids["own"]["resident"]
    session.execute(insert(AuditLog), [{"at": utcnow(), "username": "=HYPERLINK(\"x\")", "role": "operator_lpks",
                                        "action": "update", "object_type": "resident", "object_id": str(rid),
                                        "fields": "-sum,address"}])
    session.commit()
    login(client, "operator.pasuruan")
    response = client.get(f"/admin/resident/history.xlsx?id={rid}")
    assert response.status_code == 200 and response.headers["Content-Disposition"].endswith(".xlsx")
    assert "X-" in response.headers["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.data), read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Riwayat pemrosesan data anak" and rows[0][2] == "R.S."
    assert rows[1][:2] == ("Waktu (Asia/Jakarta)", "Pengguna")
    cells = [c for row in rows for c in row if isinstance(c, str)]
    assert "'=HYPERLINK(\"x\")" in cells and "'-sum, Alamat" in cells  # field names by their labels
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)
    assert SECRET not in str(rows)
    creation = [r for r in rows[2:] if r[3] == "Membuat" and r[4] == f"Data anak #{rid}"]
    assert creation and creation[0][0].tzinfo is None  # a local (WIB) wall-clock time
    session.rollback()
    created_at = session.scalar(select(AuditLog.at).where(AuditLog.action == "create", AuditLog.object_type ==
                                                          "resident", AuditLog.object_id == str(rid)))
    from datetime import timedelta, timezone
    as_utc = created_at if created_at.tzinfo else created_at.replace(tzinfo=timezone.utc)
    assert creation[0][0] == (as_utc + timedelta(hours=7)).replace(tzinfo=None, microsecond=creation[0][0].microsecond)
    exported = session.scalar(select(AuditLog).where(AuditLog.action == "export", AuditLog.object_type == "resident",
                                                     AuditLog.object_id == str(rid)))
    assert exported.username == "operator.pasuruan" and exported.fields == "history"


def test_viewing_is_audited_and_shows_in_the_history(kids, client, session):
    rid = kids["own"]["resident"]
    login(client, "dinsos.pasuruan")
    assert client.get(f"/admin/resident/history/?id={rid}").status_code == 200
    session.rollback()
    row = session.scalar(select(AuditLog).where(AuditLog.action == "view_history"))
    assert (row.username, row.role, row.object_type, row.object_id) == ("dinsos.pasuruan", "dinsos_kabkota",
                                                                       "resident", str(rid))
    assert row.fields is None and row.ip is not None
    page = client.get(f"/admin/resident/history/?id={rid}").get_data(as_text=True)
    assert page.count("Melihat riwayat pemrosesan") >= 2  # the earlier viewing and this one


def test_bad_ids_are_not_found(kids, client):
    login(client, "operator.pasuruan")
    for ident in ("", "abc", "999999"):
        assert client.get(f"/admin/resident/history/?id={ident}").status_code == 404
    assert Api(client, "operator.pasuruan").get("/residents/999999/history").status_code == 404


def test_openapi_documents_the_history(client, seeded):
    login(client, "operator.pasuruan")
    spec = client.get("/api/v1/openapi.json").get_json()
    operation = spec["paths"]["/api/v1/residents/{id}/history"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"id", "page", "per_page"}
