"""Logs carry no identity value (UU 27/2022; SPPA Pasal 19): residents with known unique names and NIKs go through
create, update, identity view, exports, an import with errors and error paths, with every logger captured at DEBUG;
none of those values may appear in any log record."""
from __future__ import annotations

import io
import logging

from lpks.residents.services.importing import COLUMNS
from tests.conftest import csrf_token, workbook
from tests.residents.conftest import Api, child, seeded  # noqa: F401  (the fixture)

NAMES = ["Zulkarnain Wibisonoqx", "Yohana Pertiwiqx"]
NIKS = ["3575019876543210", "3575011234509876"]
SECRETS = NAMES + NIKS + ["Wibisonoqx", "Pertiwiqx"]


def _workbook(rows: list[dict]) -> bytes:
    header = [name for name, _d in COLUMNS]
    return workbook(header, [[row.get(name) for name in header] for row in rows])


def test_no_identity_value_reaches_any_log_record(seeded, client, caplog, monkeypatch):  # noqa: F811
    caplog.set_level(logging.DEBUG)  # the root logger: every logger propagates to it
    for name in ("werkzeug", "lpks", "flask_admin"):
        caplog.set_level(logging.DEBUG, logger=name)
    api = Api(client, "operator.pasuruan")
    made = []
    for name, nik in zip(NAMES, NIKS):
        response = api.post("/residents", child(full_name=name, nik=nik))
        assert response.status_code == 201, response.get_json()
        made.append(response.get_json())
    first = made[0]
    assert api.patch(f"/residents/{first['id']}", {"full_name": NAMES[0] + " Baru", "version": first["version"]}) \
        .status_code == 200
    assert api.get(f"/residents/{first['id']}/identity").status_code == 200
    assert api.post("/residents", child(full_name=NAMES[1], nik=NIKS[1][:-1] + "x")).status_code == 422  # bad NIK
    assert api.get("/residents/999999/identity").status_code == 404
    token = csrf_token(client, "/admin/resident/")
    client.post("/admin/resident/identity/", query_string={"id": first["id"]}, data={"csrf_token": token})
    assert client.post("/admin/resident/export-identity/", data={"csrf_token": token}).status_code == 200
    assert client.get("/admin/resident/export.xlsx").status_code == 200
    rows = [{"jenis_abh": "anak_korban", "nama_lengkap": NAMES[0], "nik": NIKS[0] + "9", "tanggal_lahir": "kemarin",
             "jenis_kelamin": "laki_laki"}]
    token = csrf_token(client, "/admin/resident/import/")
    page = client.post("/admin/resident/import/", data={"csrf_token": token, "file": (
        io.BytesIO(_workbook(rows)), "anak.xlsx")}, content_type="multipart/form-data")
    assert "Baris 2" in page.get_data(as_text=True)
    # an unexpected failure while a full identity is in hand: the error log names the route, never the data
    from lpks.residents.services import residents

    def broken(session, user, resident):
        raise RuntimeError(f"failure while revealing resident {resident.id}")

    monkeypatch.setattr(residents, "reveal_identity", broken)
    assert api.get(f"/residents/{first['id']}/identity").status_code == 500
    assert any(r.levelno >= logging.ERROR for r in caplog.records), "the unexpected error was not logged"
    leaked = []
    for record in caplog.records:
        text = record.getMessage() + repr(record.args) + repr(getattr(record, "exc_text", "") or "")
        leaked += [(record.name, secret) for secret in SECRETS if secret.lower() in text.lower()]
    assert leaked == [], leaked[:5]
