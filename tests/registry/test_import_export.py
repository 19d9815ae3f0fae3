"""Excel: templates, all-or-nothing imports with every error by row and column, scoped and audited exports,
formula cells neutralised, the standards workbook."""
from __future__ import annotations

import io
from datetime import date

from openpyxl import load_workbook
from sqlalchemy import func, select

from lpks.io.registry_export import FACILITY_COLUMNS, STAFF_COLUMNS
from lpks.platform.models.audit import AuditLog
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.staff import StaffMember
from tests.registry.conftest import JAKARTA, PASURUAN, SURABAYA, ids, workbook

STAFF_HEADER = [h for h, _f in STAFF_COLUMNS]


def _sheet(content: bytes, index: int = 0) -> list[tuple]:
    wb = load_workbook(io.BytesIO(content), read_only=True)
    try:
        return [tuple(r) for r in wb.worksheets[index].iter_rows(values_only=True)]
    finally:
        wb.close()


def _row(**values):
    return [values.get(h) for h in STAFF_HEADER]


def _post_import(b, lpks, content, kind="staff"):
    return b.api("POST", f"/api/v1/institutions/{lpks}/{kind}/import",
                 data={"file": (io.BytesIO(content), "impor.xlsx")}, content_type="multipart/form-data")


def _staff_count(session, lpks):
    session.rollback()
    return session.scalar(select(func.count()).select_from(StaffMember).where(StaffMember.institution_id == lpks))


def test_staff_template_has_the_columns_and_a_guide(browse):
    response = browse("operator.pasuruan").get("/admin/registry-files/template/staff.xlsx")
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    assert _sheet(response.data)[0] == tuple(STAFF_HEADER)
    assert ("peksos", "Pekerja Sosial Profesional") == _sheet(response.data, 1)[5][:2]


def test_a_file_with_errors_saves_nothing_and_lists_every_error(browse, session):
    lpks = ids(session)[PASURUAN]
    before = _staff_count(session, lpks)
    content = workbook(STAFF_HEADER, [
        _row(nama="Andi Baru", fungsi="peksos", aktif_sejak=date(2024, 1, 1)),
        _row(nama="", fungsi="tks"),
        _row(nama="Bu Sari", fungsi="koki"),
        _row(nama="Pak Joko", fungsi="psikolog", keterlibatan="kerja_sama"),
        _row(nama="Andi Baru", fungsi="peksos"),
        _row(nama="Dina", fungsi="tks", tanggal_sertifikat="31/02/2024"),
    ])
    response = _post_import(browse("operator.pasuruan"), lpks, content)
    body = response.get_json()
    assert response.status_code == 422 and body["field"] == "file"
    assert body["errors"] == [
        "Baris 3, kolom nama: Nama wajib diisi.",
        "Baris 4, kolom fungsi: Fungsi 'koki' tidak dikenal; pilihan: " + ", ".join(
            f for f in ("rumah_tangga", "personalia", "surat_menyurat", "keuangan", "peksos", "tks", "dokter",
                        "psikiater", "psikolog", "instruktur_keterampilan", "pembimbing_rohani", "pengasuh",
                        "petugas_dapur", "petugas_kebersihan", "satpam", "supir")) + ".",
        "Baris 5, kolom mitra_kerja_sama: Mitra kerja sama wajib diisi untuk tenaga melalui kerja sama "
        "(Pasal 61 ayat (3)).",
        "Baris 7, kolom tanggal_sertifikat: Tanggal sertifikat harus tanggal dengan format TTTT-BB-HH "
        "(contoh 2026-03-20).",
        "Baris 6, kolom nama: orang dengan fungsi yang sama sudah ada di baris 2.",
    ]
    assert _staff_count(session, lpks) == before


def test_every_bad_cell_of_one_row_is_reported(browse, session):
    lpks = ids(session)[PASURUAN]
    before = _staff_count(session, lpks)
    content = workbook(STAFF_HEADER, [
        _row(nama="Andi Baru", fungsi="peksos"),
        _row(nama="x" * 121, fungsi="koki", keterlibatan="kontrak", tanggal_sertifikat="31/02/2024",
             aktif_sejak="2024-05-01", aktif_sampai="2024-04-30"),
    ])
    body = _post_import(browse("operator.pasuruan"), lpks, content).get_json()
    assert [e.split(":")[0] for e in body["errors"]] == [
        "Baris 3, kolom nama", "Baris 3, kolom fungsi", "Baris 3, kolom keterlibatan",
        "Baris 3, kolom tanggal_sertifikat", "Baris 3, kolom aktif_sampai"]
    assert body["errors"][0] == "Baris 3, kolom nama: Nama paling banyak 120 karakter."
    assert _staff_count(session, lpks) == before


def test_every_bad_cell_of_a_facility_row_is_reported(browse, session):
    lpks = ids(session)[PASURUAN]
    header = [h for h, _f in FACILITY_COLUMNS]
    content = workbook(header, [["tidak_ada", "rusak", "banyak", "hancur", "x" * 501]])
    body = _post_import(browse("operator.pasuruan"), lpks, content, "facilities").get_json()
    assert [e.split(":")[0] for e in body["errors"]] == [
        "Baris 2, kolom kode_butir", "Baris 2, kolom ketersediaan", "Baris 2, kolom jumlah", "Baris 2, kolom kondisi",
        "Baris 2, kolom catatan"]


def test_the_form_and_the_api_name_every_bad_field(browse, session):
    lpks = ids(session)[PASURUAN]
    response = browse("operator.pasuruan").api("POST", "/api/v1/staff", json={
        "institution_id": lpks, "name": "", "function": "koki"})
    body = response.get_json()
    assert response.status_code == 422 and body["field"] == "name"
    assert "Nama wajib diisi." in body["message"] and "Fungsi 'koki' tidak dikenal" in body["message"]


def test_a_valid_file_creates_and_a_reimport_updates(browse, session):
    lpks = ids(session)[PASURUAN]
    before = _staff_count(session, lpks)
    rows = [_row(nama="Andi Baru", fungsi="peksos", nomor_sertifikat="S-9", tanggal_sertifikat="2024-02-01",
                 sertifikat_berlaku_sampai=date(2029, 2, 1), aktif_sejak="01-03-2024"),
            _row(nama="Dr. Ani", fungsi="psikolog", keterlibatan="kerja_sama", mitra_kerja_sama="RS Jiwa Lawang")]
    b = browse("operator.pasuruan")
    first = _post_import(b, lpks, workbook(STAFF_HEADER, rows))
    assert first.get_json() == {"created": 2, "updated": 0, "skipped": 0}
    rows[0][STAFF_HEADER.index("catatan")] = "Sertifikat diperbarui"
    again = _post_import(b, lpks, workbook(STAFF_HEADER, rows))
    assert again.get_json() == {"created": 0, "updated": 2, "skipped": 0}
    assert _staff_count(session, lpks) == before + 2
    andi = session.scalar(select(StaffMember).where(StaffMember.name == "Andi Baru"))
    assert andi.certification_valid_until == date(2029, 2, 1) and andi.active_from == date(2024, 3, 1)
    assert andi.note == "Sertifikat diperbarui"


def test_not_an_xlsx_and_missing_columns(browse, session):
    b = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    assert _post_import(b, lpks, b"nama,fungsi\n").get_json()["field"] == "file"
    response = _post_import(b, lpks, workbook(["nama"], [["Andi"]]))
    assert response.status_code == 422 and "fungsi" in response.get_json()["message"]


def test_the_facility_export_of_one_lpks_is_its_import_template(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("operator.pasuruan")
    exported = b.get(f"/admin/registry-files/export/facilities.xlsx?institution_id={lpks}")
    rows = _sheet(exported.data)
    assert rows[0][:5] == tuple(h for h, _f in FACILITY_COLUMNS) and len(rows) == 1 + 43
    header, data = list(rows[0]), [list(r) for r in rows[1:]]
    status = header.index("ketersediaan")
    data[0][status], data[1][status], data[2][status] = "tidak", "rusak", None
    data[2][header.index("jumlah")] = 4
    bad = _post_import(b, lpks, workbook(header, data), "facilities")
    assert bad.status_code == 422
    assert bad.get_json()["errors"] == [
        "Baris 2, kolom jumlah: Jumlah harus kosong atau 0 bila sarana tidak tersedia.",
        "Baris 3, kolom ketersediaan: Ketersediaan 'rusak' tidak dikenal; pilihan: tersedia, sebagian, tidak.",
        "Baris 4, kolom ketersediaan: Ketersediaan wajib diisi; pilihan: tersedia, sebagian, tidak."]
    data[1][status], data[2][status] = "sebagian", "tersedia"
    data[0][header.index("jumlah")] = None
    ok = _post_import(b, lpks, workbook(header, data), "facilities")
    assert ok.status_code == 200, ok.get_json()
    session.rollback()
    first = session.scalar(select(FacilityRecord).where(FacilityRecord.institution_id == lpks,
                                                        FacilityRecord.item_code == data[0][0]))
    assert first.status == "tidak"


def test_the_import_page_shows_every_error(browse, session):
    lpks = ids(session)[PASURUAN]
    b = browse("operator.pasuruan")
    page = b.get(f"/admin/registry-files/{lpks}/import/staff").get_data(as_text=True)
    assert "Unduh templat" in page
    content = workbook(STAFF_HEADER, [_row(nama="", fungsi="peksos"), _row(nama="Ok", fungsi="x")])
    response = b.post(f"/admin/registry-files/{lpks}/import/staff",
                      data={"file": (io.BytesIO(content), "tenaga.xlsx")}, content_type="multipart/form-data")
    html = response.get_data(as_text=True)
    assert "Baris 2, kolom nama" in html and "Baris 3, kolom fungsi" in html


def test_exports_follow_scope_and_are_audited(browse, session):
    names = ids(session)
    for username, inside, outside in (("dinsos.pasuruan", {PASURUAN}, {SURABAYA, JAKARTA}),
                                      ("dinsos.jatim", {PASURUAN, SURABAYA}, {JAKARTA}),
                                      ("operator.pasuruan", {PASURUAN}, {SURABAYA, JAKARTA})):
        b = browse(username)
        listed = {r[1] for r in _sheet(b.get("/admin/registry-files/export/institutions.xlsx").data)[1:]}
        assert inside <= listed and not (outside & listed), username
        staff_lpks = {r[-1] for r in _sheet(b.get("/admin/registry-files/export/staff.xlsx").data)[1:]}
        assert inside <= staff_lpks and not (outside & staff_lpks), username
        facilities = {r[-1] for r in _sheet(b.get("/admin/registry-files/export/facilities.xlsx").data)[1:]}
        assert not (outside & facilities), username
        foreign = b.get(f"/admin/registry-files/export/staff.xlsx?institution_id={names[JAKARTA]}")
        assert foreign.status_code == 404
    session.rollback()
    assert session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "export")) >= 9


def test_formula_cells_are_neutralised(browse, session):
    b = browse("operator.pasuruan")
    created = b.api("POST", "/api/v1/staff", json={"name": "=HYPERLINK(\"http://x\")", "function": "supir"})
    assert created.status_code == 201
    rows = _sheet(b.get("/admin/registry-files/export/staff.xlsx").data)
    assert "'=HYPERLINK(\"http://x\")" in [r[0] for r in rows]


def test_the_standards_workbook(browse, session):
    lpks = ids(session)[PASURUAN]
    response = browse("dinsos.jatim").get(f"/admin/standards/{lpks}/xlsx")
    summary, items = _sheet(response.data, 0), _sheet(response.data, 1)
    assert summary[1][1] == PASURUAN and len(items) == 1 + 77
    verified = next(r for r in items if r[1] == "c.pemahaman_rehsos")
    assert verified[6] == "verifikator" and verified[10] == 1
    evidence = next(r for r in items if r[1] == "a.upt_or_badan_hukum")
    assert evidence[12] == "Akta pendirian yayasan"
