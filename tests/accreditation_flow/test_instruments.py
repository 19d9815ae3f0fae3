"""The instrument in the web interface: Excel export → edit → import as a new version (validated, every error with
its row), the form for weights, bands and validity, and who may publish."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select

from lpks.accreditation.models import AccreditationInstrument
from lpks.platform.models.audit import AuditLog

PAGE = "/admin/accreditation-instrument/"


def _download(client) -> list[list]:
    page = client.get(PAGE).get_data(as_text=True)
    assert 'data-testid="download"' in page
    response = client.get(PAGE + "1/xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    sheet = load_workbook(io.BytesIO(response.data), read_only=True)["instrumen"]
    return [list(r) for r in sheet.iter_rows(values_only=True)]


def _upload(client, rows: list[list], note: str = "revisi"):
    book = Workbook()
    sheet = book.active
    sheet.title = "instrumen"
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    html = client.get(PAGE).get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    return client.post(PAGE + "import", data={"csrf_token": token, "note": note,
                                              "file": (io.BytesIO(buffer.getvalue()), "instrumen.xlsx")},
                       content_type="multipart/form-data", follow_redirects=True)


def _set(rows, kind, key_col, key, col, value):
    header = rows[0]
    for row in rows[1:]:
        if row[0] == kind and row[header.index(key_col)] == key:
            row[header.index(col)] = value
    return rows


def test_export_edit_import_publishes_a_new_version(api, session):
    kemensos = api("kemensos")
    rows = _download(kemensos.client)
    assert rows[0][:3] == ["kind", "version", "aspect"] and rows[1][:2] == ["instrument", "2018.1"]
    rows[1][1] = "2026.2"
    _set(rows, "aspect", "aspect", "a", "weight", 10)
    _set(rows, "aspect", "aspect", "b", "weight", 10)
    page = _upload(kemensos.client, rows).get_data(as_text=True)
    assert 'data-testid="version">2026.2<' in page
    versions = session.scalars(select(AccreditationInstrument.version).order_by(AccreditationInstrument.id)).all()
    assert versions == ["2018.1", "2026.2"]
    detail = kemensos.get("/accreditation/instruments/2").get_json()
    assert {a["code"]: a["weight"] for a in detail["aspects"]}["b"] == "10"
    assert session.scalar(select(AuditLog.id).where(AuditLog.action == "export",
                                                    AuditLog.object_type == "accreditation_instrument"))


def test_an_invalid_workbook_saves_nothing_and_names_each_row(api, session):
    kemensos = api("kemensos")
    rows = _download(kemensos.client)
    rows[1][1] = "2026.3"
    _set(rows, "aspect", "aspect", "a", "weight", 16)  # weights add up to 101
    header = rows[0]
    bad_answer_row = next(i for i, r in enumerate(rows) if r[0] == "answer")
    rows[bad_answer_row][header.index("score")] = "banyak"
    page = _upload(kemensos.client, rows).get_data(as_text=True)
    assert 'data-testid="import-errors"' in page and f"Baris {bad_answer_row + 1}, kolom score" in page
    assert session.scalar(select(AccreditationInstrument.id).where(AccreditationInstrument.version == "2026.3")) is None
    rows[bad_answer_row][header.index("score")] = 2
    page = _upload(kemensos.client, rows).get_data(as_text=True)
    assert "Jumlah bobot aspek harus 100; sekarang 101" in page
    assert session.scalar(select(AccreditationInstrument.id).where(AccreditationInstrument.version == "2026.3")) is None


@pytest.mark.parametrize("change, message", [
    ({"bands": {"B": {"lower": 72, "upper": 86}}}, "Celah"),
    ({"bands": {"B": {"lower": 70, "upper": 86}}}, "tumpang tindih"),
    ({"weights": {"a": 14}}, "Jumlah bobot aspek harus 100"),
    ({"validity_years": {"A": "lima"}}, "validity_years"),
    ({"version": "2018.1"}, "sudah ada"),
    ({"version": ""}, "wajib diisi"),
])
def test_the_api_validates_a_revision(api, session, change, message):
    body = {"version": "2027.1", **change}
    response = api("kemensos").post("/accreditation/instruments", body)
    assert response.status_code == 422 and message in response.get_json()["message"] + response.get_json()["field"]
    assert session.scalar(select(AccreditationInstrument.id).where(AccreditationInstrument.version == "2027.1")) is None


def test_rows_sent_to_the_api_are_checked_with_row_numbers(api):
    rows = [{"kind": "instrument", "version": "x"}, {"kind": "aspect", "aspect": "a", "weight": "seratus"}]
    response = api("kemensos").post("/accreditation/instruments", {"rows": rows})
    assert response.status_code == 422 and "Baris 2" in response.get_json()["message"]


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim"])
def test_only_kemensos_publishes(api, session, username):
    client = api(username)
    assert client.post("/accreditation/instruments", {"version": "x", "weights": {}}).status_code == 403
    page = client.client.get(PAGE).get_data(as_text=True)
    assert 'data-testid="import-form"' not in page and 'data-testid="revise-form"' not in page
    token = client.token
    assert client.client.post(PAGE + "revise", data={"csrf_token": token, "version": "x"}).status_code == 403
    assert client.get("/accreditation/instruments/1").status_code == 200  # every office reads it


def test_the_revision_form_publishes_a_version(api, session):
    kemensos = api("kemensos")
    html = kemensos.client.get(PAGE).get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    form = {"csrf_token": token, "version": "2026.4", "note": "masa berlaku A 4 tahun",
            **{f"weight-{c}": w for c, w in {"a": 15, "b": 5, "c": 10, "d": 20, "e": 20, "f": 10, "g": 20}.items()},
            "lower-A": "86", "upper-A": "100", "lower-B": "71", "upper-B": "86", "lower-C": "56", "upper-C": "71",
            "lower-none": "0", "upper-none": "56", "years-A": "4", "years-B": "3", "years-C": "2"}
    page = kemensos.client.post(PAGE + "revise", data=form, follow_redirects=True).get_data(as_text=True)
    assert 'data-testid="version">2026.4<' in page
    assert kemensos.get("/accreditation/instruments/2").get_json()["validity_years"]["A"] == 4
    form["version"], form["lower-B"] = "2026.5", "75"
    page = kemensos.client.post(PAGE + "revise", data=form, follow_redirects=True).get_data(as_text=True)
    assert "Celah" in page
