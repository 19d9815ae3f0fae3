"""Compilations by province and kabupaten/kota for each role's scope (table, SVG chart, Excel), and the dashboards'
queues and 180-day warnings."""
from __future__ import annotations

import io
import re

from openpyxl import load_workbook
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog

from .conftest import started, to_state


def test_national_compilation_by_province(api):
    report = api("kemensos").get("/accreditation/report").get_json()
    regions = {r["code"]: r for r in report["regions"]}
    assert set(regions) == {"31", "35"}
    jatim, dki = regions["35"], regions["31"]
    assert (jatim["lpks"], jatim["grades"], jatim["classes"]) == (
        4, {"A": 1, "B": 1, "C": 0, "none": 2}, {"A": 0, "B": 1, "C": 1, "none": 2})
    assert (dki["lpks"], dki["grades"]["A"], dki["classes"]["A"], dki["in_process"]) == (2, 1, 1, 1)
    assert jatim["expiring"] == 1 and jatim["in_process"] == 1


def test_province_compilation_by_kabupaten_kota_page_chart_and_excel(api, session):
    province = api("dinsos.jatim")
    page = province.client.get("/admin/accreditation-report/?group=kabupaten_kota").get_data(as_text=True)
    assert "Kota Surabaya" in page and "Jakarta" not in page
    assert page.count("<svg") == 2 and 'class="acc-bar acc-A"' in page and "style=" not in page
    assert "<script>" not in page
    response = province.client.get("/admin/accreditation-report/xlsx?group=kabupaten_kota")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    book = load_workbook(io.BytesIO(response.data), read_only=True)
    regions = [list(r) for r in book["per kabupaten-kota"].iter_rows(values_only=True)]
    assert regions[0][:3] == ["kode wilayah", "wilayah", "jumlah LPKS"]
    assert {r[0] for r in regions[1:]} == {"35.14", "35.73", "35.75", "35.78"}
    lpks = [list(r) for r in book["per LPKS"].iter_rows(values_only=True)]
    surabaya = next(r for r in lpks if r[2].startswith("UPT"))
    assert surabaya[4] == "A" and surabaya[7] == "B"
    assert "kelas B terpenuhi: " in surabaya[10] and "kelas A belum: Menjadi rujukan nasional" in surabaya[10]
    assert "kelas C" not in surabaya[10]  # the class held and what a higher one lacks, nothing lower
    cells = [str(c) for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    codes = [c for c in cells if re.search(r"\b[a-z]+_[a-z_]+\b|\b(proposed|submitted|recommended)\b", c)]
    assert codes == []  # statuses, scopes and criteria by their names, no code (issue 17)
    audit = session.scalar(select(AuditLog).where(AuditLog.action == "export",
                                                  AuditLog.object_type == "accreditation_report"))
    assert audit.username == "dinsos.jatim" and audit.fields == "kabupaten_kota,xlsx"


def test_local_compilation_only_its_lpks(api):
    local = api("dinsos.pasuruan").get("/accreditation/report?group=kabupaten_kota").get_json()
    assert [r["code"] for r in local["regions"]] == ["35.75"]
    bad = api("dinsos.pasuruan").get("/accreditation/report?group=desa")
    assert bad.status_code == 422 and bad.get_json()["field"] == "group"


def test_each_role_sees_its_queue_and_what_expires(api, session):
    ident = started(api)
    to_state(api, ident, "submitted")
    local = api("dinsos.pasuruan").client.get("/").get_data(as_text=True)
    assert "Akreditasi untuk diverifikasi" in local and f"/admin/accreditation/{ident}" in local
    province = api("dinsos.jatim").client.get("/").get_data(as_text=True)
    assert "Akreditasi untuk direkomendasikan" in province and "LPKS Taruna Mandiri Pasuruan" in province
    assert "Akreditasi yang berakhir dalam 180 hari" in province and "LPKS Cahaya Anak Malang" in province
    national = api("kemensos").client.get("/").get_data(as_text=True)
    assert "Akreditasi untuk ditetapkan" in national and "LPKS Pelita Jakarta Selatan" in national
    queue = api("kemensos").get("/accreditation/assessments?queue=1").get_json()["items"]
    assert [a["state"] for a in queue] == ["recommended"]
    expiring = api("kemensos").get("/accreditation/expiring").get_json()["items"]
    assert len(expiring) == 1 and expiring[0]["grade"] == "B"
    operator = api("operator.pasuruan").client.get("/admin/accreditation/").get_data(as_text=True)
    assert 'data-testid="start"' not in operator  # its assessment is under verification


def _statements(app, fn) -> tuple[object, int]:
    """fn()'s result and how many SQL statements it ran."""
    from sqlalchemy import event

    from lpks.extensions import db

    seen = []
    with app.app_context():
        engine = db.engine

    def count(*_args):
        seen.append(1)

    event.listen(engine, "before_cursor_execute", count)
    try:
        return fn(), len(seen)
    finally:
        event.remove(engine, "before_cursor_execute", count)


def test_assessment_lists_carry_the_lpks_name_from_one_joined_query(api, app, session):
    from lpks.accreditation.models import Assessment
    from lpks.registry.models.institution import Institution

    names = dict(session.execute(select(Institution.id, Institution.name)).all())
    for username in ("kemensos", "dinsos.jatim", "dinsos.pasuruan"):
        client = api(username)
        for path in ("/accreditation/assessments", "/accreditation/decisions", "/accreditation/expiring"):
            items = client.get(path).get_json()["items"]
            assert all(i["institution_name"] == names[i["institution_id"]] for i in items), (username, path)
    assert api("dinsos.jatim").get("/accreditation/expiring").get_json()["items"][0]["institution_name"] == \
        "LPKS Cahaya Anak Malang"
    client = api("kemensos")
    total = session.scalar(select(func.count()).select_from(Assessment))
    one, few = _statements(app, lambda: client.get("/accreditation/assessments?per_page=1").get_json())
    every, many = _statements(app, lambda: client.get("/accreditation/assessments?per_page=100").get_json())
    assert len(one["items"]) == 1 and len(every["items"]) == total > 2
    assert many == few  # no query per row
