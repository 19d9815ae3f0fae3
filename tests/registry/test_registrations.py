"""Registrations (tanda daftar, Pasal 54 ayat (2)): one LPKS holds one at Kemensos and one per Dinas Sosial; the
same validation and scope through the API, the admin list and the LPKS page; the standards item, the 90-day
dashboard, the LPKS export and the audit trail read them."""
from __future__ import annotations

import io
import re
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from lpks.platform import clock
from lpks.platform.models.audit import AuditLog
from lpks.registry.models.registration import Registration
from tests.registry.conftest import JAKARTA, PASURUAN, SURABAYA, TARUNA, ids


def _url(lpks: int) -> str:
    return f"/api/v1/institutions/{lpks}/registrations"


def _create(browser, lpks: int, **body):
    values = {"authority": "kemensos", "number": "KEMENSOS/12/2024", "issued_on": "2024-02-01",
              "valid_until": "2029-02-01", **body}
    return browser.api("POST", _url(lpks), json=values)


def _demo_registration(session, name: str) -> Registration:
    return session.scalars(select(Registration).where(Registration.institution_id == ids(session)[name])
                           .order_by(Registration.id)).first()


def test_the_operator_declares_a_second_registration_and_renews_it(browse, session):
    lpks = ids(session)[PASURUAN]
    op = browse("operator.pasuruan")
    assert [(r["authority"], r["region_code"]) for r in op.get(_url(lpks)).get_json()["items"]] == [
        ("dinsos_kabkota", "35.75")]
    created = _create(op, lpks)
    body = created.get_json()
    assert created.status_code == 201, body
    assert body["region_code"] is None and body["institution_id"] == lpks and body["version"] == 1
    assert [r["authority"] for r in op.get(_url(lpks)).get_json()["items"]] == ["kemensos", "dinsos_kabkota"]

    renewed = op.api("PATCH", f"/api/v1/registrations/{body['id']}",
                     json={"number": "KEMENSOS/99/2029", "valid_until": "2034-02-01", "version": 1})
    assert renewed.status_code == 200 and renewed.get_json()["number"] == "KEMENSOS/99/2029"
    assert renewed.get_json()["version"] == 2
    stale = op.api("PATCH", f"/api/v1/registrations/{body['id']}", json={"number": "X", "version": 1})
    assert stale.status_code == 409 and stale.get_json()["field"] == "version"

    assert op.api("DELETE", f"/api/v1/registrations/{body['id']}").status_code == 204
    session.rollback()
    actions = session.scalars(select(AuditLog.action).where(AuditLog.object_type == "institution_registration",
                                                            AuditLog.object_id == str(body["id"]))
                              .order_by(AuditLog.id)).all()
    assert actions == ["create", "update", "delete"]  # the create entry names the new row's id
    fields = session.scalar(select(AuditLog.fields).where(AuditLog.object_type == "institution_registration",
                                                          AuditLog.action == "update"))
    assert "number" in fields and "KEMENSOS/99" not in fields  # field names only


def test_a_dinas_sosial_region_defaults_to_the_domicile_and_must_have_the_right_level(browse, session):
    lpks = ids(session)[PASURUAN]
    op = browse("operator.pasuruan")
    province = _create(op, lpks, authority="dinsos_provinsi", region_code="").get_json()
    assert province["region_code"] == "35"
    other_city = _create(op, lpks, authority="dinsos_kabkota", region_code="35.14", number="460/9/DS-KAB/2024")
    assert other_city.status_code == 201 and other_city.get_json()["region_code"] == "35.14"
    kemensos = _create(op, lpks, region_code="35.75")
    assert kemensos.status_code == 201 and kemensos.get_json()["region_code"] is None  # national: no region


@pytest.mark.parametrize("body, field, words", [
    ({"number": ""}, "number", "Nomor tanda daftar wajib diisi"),
    ({"number": "   "}, "number", "Nomor tanda daftar wajib diisi"),
    ({"number": "x" * 101}, "number", "Nomor tanda daftar paling banyak 100"),
    ({"valid_until": "2024-02-01"}, "valid_until", "Tanda daftar berlaku sampai harus sesudah tanggal tanda daftar"),
    ({"valid_until": "2024-01-31"}, "valid_until", "Tanda daftar berlaku sampai harus sesudah tanggal tanda daftar"),
    ({"valid_until": "1 Feb 2029"}, "valid_until", "Tanda daftar berlaku sampai harus tanggal"),
    ({"issued_on": "2099-01-01", "valid_until": None}, "issued_on", "Tanggal tanda daftar tidak boleh sesudah"),
    ({"authority": "bupati"}, "authority", "Instansi pendaftar wajib dipilih"),
    ({"authority": None}, "authority", "Instansi pendaftar wajib dipilih"),
    ({"authority": "dinsos_provinsi", "region_code": "35.75"}, "region_code", "kode provinsi"),
    ({"authority": "dinsos_kabkota", "region_code": "35"}, "region_code", "kode kabupaten/kota"),
    ({"authority": "dinsos_kabkota", "region_code": "99.99"}, "region_code", "kode kabupaten/kota"),
])
def test_bad_input_names_the_field(browse, session, body, field, words):
    response = _create(browse("operator.pasuruan"), ids(session)[PASURUAN], **body)
    assert response.status_code == 422 and response.get_json()["field"] == field
    assert words in response.get_json()["message"]


def test_valid_until_one_day_after_the_date_is_accepted(browse, session):
    response = _create(browse("operator.pasuruan"), ids(session)[PASURUAN], valid_until="2024-02-02")
    assert response.status_code == 201


def test_every_bad_field_is_reported_at_once(browse, session):
    response = _create(browse("operator.pasuruan"), ids(session)[PASURUAN], number="", valid_until="2020-01-01")
    message = response.get_json()["message"]
    assert response.status_code == 422 and "Nomor tanda daftar" in message and "berlaku sampai" in message


def test_one_registration_per_office(browse, session):
    lpks = ids(session)[PASURUAN]
    op = browse("operator.pasuruan")
    again = _create(op, lpks, authority="dinsos_kabkota", region_code="35.75", number="460/2/DS/2024")
    assert again.status_code == 409 and again.get_json()["field"] == "authority"
    assert _create(op, lpks).status_code == 201
    assert _create(op, lpks, number="KEMENSOS/2").status_code == 409


def test_a_missing_version_is_refused(browse, session):
    reg = _demo_registration(session, PASURUAN)
    response = browse("operator.pasuruan").api("PATCH", f"/api/v1/registrations/{reg.id}", json={"number": "1"})
    assert response.status_code == 422 and response.get_json()["field"] == "version"


@pytest.mark.parametrize("username, write", [("operator.pasuruan", True), ("dinsos.pasuruan", True),
                                             ("dinsos.jatim", False), ("kemensos", True)])
def test_who_may_write_follows_the_profile(browse, session, username, write):
    """The LPKS declares; the supervising Dinas Sosial kabupaten/kota and Kemensos may correct; the province reads."""
    lpks = ids(session)[PASURUAN]
    b = browse(username)
    assert b.get(_url(lpks)).status_code == 200
    reg = _demo_registration(session, PASURUAN)
    changed = b.api("PATCH", f"/api/v1/registrations/{reg.id}", json={"number": "460/101/DS/2021-R",
                                                                       "version": reg.version})
    assert changed.status_code == (200 if write else 403)
    assert _create(b, lpks).status_code == (201 if write else 403)


@pytest.mark.parametrize("username, other", [("operator.pasuruan", TARUNA), ("operator.pasuruan", JAKARTA),
                                             ("dinsos.pasuruan", SURABAYA), ("dinsos.jatim", JAKARTA)])
def test_another_scope_is_not_found_by_any_api_path(browse, session, username, other):
    lpks, reg = ids(session)[other], _demo_registration(session, other)
    b = browse(username)
    assert b.get(_url(lpks)).status_code == 404
    assert _create(b, lpks).status_code == 404
    assert b.get(f"/api/v1/registrations/{reg.id}").status_code == 404
    assert b.api("PATCH", f"/api/v1/registrations/{reg.id}", json={"number": "x", "version": reg.version}
                 ).status_code == 404
    assert b.api("DELETE", f"/api/v1/registrations/{reg.id}").status_code == 404
    # Nor by naming the other LPKS in the body of a create on its own.
    own = ids(session)[PASURUAN]
    if username.startswith("operator"):
        response = b.api("POST", "/api/v1/institutions/%d/registrations" % own,
                         json={"authority": "kemensos", "number": "K", "institution_id": lpks})
        assert response.status_code == 201 and response.get_json()["institution_id"] == own
    session.rollback()
    assert session.get(Registration, reg.id).number == reg.number


def test_the_admin_list_and_forms_are_scoped(browse, session):
    op = browse("operator.pasuruan")
    page = op.get("/admin/registration/").get_data(as_text=True)
    assert "460/101/DS/2021" in page and "460/102/DS/2021" not in page  # Taruna's number
    other = _demo_registration(session, TARUNA)
    for path in (f"/admin/registration/edit/?id={other.id}", f"/admin/registration/details/?id={other.id}"):
        response = op.get(path)
        assert response.status_code in (302, 404) and "460/102" not in response.get_data(as_text=True)
    op.post("/admin/registration/delete/", data={"id": str(other.id), "url": "/admin/registration/"})
    session.rollback()
    assert session.get(Registration, other.id) is not None
    exported = op.get("/admin/registration/export/csv/").get_data(as_text=True)
    assert "460/101/DS/2021" in exported and "460/102" not in exported


def test_the_lpks_page_lists_edits_and_removes_registrations(browse, session):
    lpks = ids(session)[PASURUAN]
    op = browse("operator.pasuruan")
    page = op.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    table = page[page.index('data-testid="registrations"'):]
    table = table[:table.index("</table>")]
    assert "460/101/DS/2021" in table and "Dinas Sosial kabupaten/kota" in table and "Segera berakhir" in table
    reg = _demo_registration(session, PASURUAN)
    edit = re.search(r'href="([^"]*registration/edit/[^"]*)"', table).group(1).replace("&amp;", "&")
    form = op.get(edit).get_data(as_text=True)
    assert 'value="460/101/DS/2021"' in form
    saved = op.post(edit, data={"institution_id": str(lpks), "authority": "dinsos_kabkota", "region_code": "35.75",
                                "number": "460/101/DS/2026", "issued_on": "2026-01-05", "valid_until": "2025-12-31",
                                "version": str(reg.version)})
    assert saved.status_code == 200 and "harus sesudah tanggal tanda daftar" in saved.get_data(as_text=True)
    until = (clock.today() + timedelta(days=5 * 365)).isoformat()
    saved = op.post(edit, data={"institution_id": str(lpks), "authority": "dinsos_kabkota", "region_code": "35.75",
                                "number": "460/101/DS/2026", "issued_on": clock.today().isoformat(),
                                "valid_until": until, "version": str(reg.version)})
    assert saved.status_code == 302 and saved.location.endswith(f"/admin/registry/{lpks}")
    page = op.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    assert "460/101/DS/2026" in page and "Segera berakhir" not in page[page.index('data-testid="registrations"'):]
    removed = op.post("/admin/registration/delete/", data={"id": str(reg.id), "url": f"/admin/registry/{lpks}"})
    assert removed.status_code == 302
    page = op.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    assert "Belum terdaftar di Kementerian Sosial maupun Dinas Sosial." in page


def test_the_province_sees_the_list_without_write_buttons(browse, session):
    page = browse("dinsos.jatim").get(f"/admin/registry/{ids(session)[PASURUAN]}").get_data(as_text=True)
    assert "460/101/DS/2021" in page and 'data-testid="registration-add"' not in page
    assert "registration/delete" not in page


def test_the_standards_item_reads_every_registration(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("kemensos")

    def terdaftar():
        body = b.get(f"/api/v1/institutions/{lpks}/standards").get_json()
        return next(i for a in body["aspects"] for i in a["items"] if i["code"] == "a.terdaftar")["computed_status"]

    assert terdaftar() == "terpenuhi"
    reg = _demo_registration(session, PASURUAN)
    expired = (clock.today() - timedelta(days=1)).isoformat()
    b.api("PATCH", f"/api/v1/registrations/{reg.id}", json={"valid_until": expired, "version": reg.version})
    assert terdaftar() == "belum"
    _create(b, lpks, issued_on=clock.today().isoformat(), valid_until=None)
    assert terdaftar() == "terpenuhi"


@pytest.mark.parametrize("days, listed", [(0, True), (90, True), (91, False), (-1, True)])
def test_each_registration_ending_within_90_days_is_on_the_dashboard(browse, session, days, listed):
    lpks = ids(session)[TARUNA]
    b = browse("dinsos.jatim")
    until = (clock.today() + timedelta(days=days)).isoformat()
    created = _create(browse("kemensos"), lpks, number="KEMENSOS/UJI", issued_on="2020-01-01", valid_until=until)
    assert created.status_code == 201
    body = b.get("/api/v1/registry/expiring").get_json()
    mine = [i for i in body["items"] if i["kind"] == "registration" and "KEMENSOS/UJI" in i["subject"]]
    assert bool(mine) is listed
    if listed:
        assert mine[0]["institution_id"] == lpks and mine[0]["subject"].startswith("Kementerian Sosial")
    assert body["counts"]["registration"] == sum(1 for i in body["items"] if i["kind"] == "registration")
    page = b.get("/").get_data(as_text=True)
    assert ("KEMENSOS/UJI" in page) is listed


def test_the_lpks_export_shows_every_registration(browse, session):
    data = browse("dinsos.jatim").get("/admin/registry-files/export/institutions.xlsx").data
    wb = load_workbook(io.BytesIO(data), read_only=True)
    rows = [tuple(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    wb.close()
    header = rows[0]
    surabaya = next(r for r in rows[1:] if r[1] == SURABAYA)
    text = surabaya[header.index("tanda_daftar")]
    assert "Kementerian Sosial: 460/103/KEMENSOS/2021" in text and "Dinas Sosial provinsi 35: 460/77" in text
    assert surabaya[header.index("tanda_daftar_berlaku_sampai_terakhir")] is not None
