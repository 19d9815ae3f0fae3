"""The streaming exporter: each list's export shows what its page shows (labels, initials, never a name), in the
user's language, with the page's filters; aware times become local times a workbook can hold."""
from __future__ import annotations

import csv
import io
from unittest import mock

from openpyxl import load_workbook
from sqlalchemy import select

from lpks.platform.models.user import User
from lpks.residents.models.resident import Resident
from tests.conftest import login


def _csv(response) -> list[list[str]]:
    assert response.status_code == 200, response.status_code
    return list(csv.reader(io.StringIO(response.get_data(as_text=True).lstrip("\ufeff"))))


def test_placements_export_initials_and_register_number_never_names(demo, client, session):
    login(client, "kemensos")
    rows = _csv(client.get("/admin/placement/export/csv/"))
    text = "\n".join(",".join(r) for r in rows)
    residents = session.execute(select(Resident.initials, Resident.register_number, Resident.full_name)).all()
    assert rows[0][:3] == ["Nomor", "Anak", "Dasar hukum"]
    assert any(f"{initials} · {number}" in text for initials, number, _name in residents)
    assert not any(name and name in text for _i, _n, name in residents)


def test_titipan_export_labels_each_code_once_per_distinct_value(demo, client, session):
    from lpks.residents.services import placement_status

    login(client, "kemensos")
    with mock.patch.object(placement_status, "label", wraps=placement_status.label) as spy:
        rows = _csv(client.get("/admin/custody/export/csv/"))
    levels = [row[1] for row in rows[1:]]
    assert len(levels) >= 2 and "Penyidikan" in levels and "penyidikan" not in levels
    assert spy.call_count <= len(set(levels))  # translated once per distinct code, not once per cell


def test_an_english_user_gets_english_headers_and_labels(demo, client, session):
    user = session.scalar(select(User).where(User.username == "kemensos"))
    user.locale = "en"
    session.commit()
    login(client, "kemensos")
    rows = _csv(client.get("/admin/custody/export/csv/"))
    assert "Level" in rows[0] and any(row[1] == "Investigation" for row in rows[1:])


def test_the_export_keeps_the_dashboard_tile_filter(demo, client):
    login(client, "kemensos")
    everything = _csv(client.get("/admin/placement/export/csv/"))
    for due in ("present", "placement_ending", "doctor_certificate_late", "parole_eligible"):
        page = client.get(f"/admin/placement/?due={due}").get_data(as_text=True)
        rows = _csv(client.get(f"/admin/placement/export/csv/?due={due}"))
        assert rows[0] == everything[0] and all(row in everything for row in rows[1:])
        assert all(row[1] in page for row in rows[1:])  # the rows the page lists
    assert len(_csv(client.get("/admin/placement/export/csv/?due=parole_eligible"))) < len(everything)


def test_the_audit_export_is_a_workbook_with_local_times(demo, client):
    login(client, "admin")
    client.get("/admin/audit/")
    response = client.get("/admin/audit/export/xlsx/")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.data), read_only=True).active
    header, first = list(sheet.iter_rows(min_row=1, max_row=2, values_only=True))
    assert header[0] == "Waktu" and first[0] is not None and first[0].tzinfo is None


def test_an_unknown_format_or_a_role_without_the_list_gets_404(demo, client):
    login(client, "admin")
    assert client.get("/admin/audit/export/pdf/").status_code == 404
    assert client.get("/admin/custody/export/csv/").status_code in (403, 404)
