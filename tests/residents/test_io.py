"""Excel: pseudonymised export by default, full identity only for permitted roles (audited), and the import of
residents with their current placements — all or nothing, every error with its row, column and reason."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services.importing import COLUMNS
from tests.conftest import csrf_token, login
from tests.conftest import workbook as xlsx

from .conftest import Api, make_resident
from .test_residents import xlsx_text

HEADER = [name for name, _description in COLUMNS]
GOOD = {"jenis_abh": "anak", "nama_lengkap": "Eko Prasetyo", "tanggal_lahir": "2010-05-01",
        "jenis_kelamin": "laki_laki", "tanggal_tindak_pidana": "2025-07-01", "uraian_tindak_pidana": "Pencurian",
        "dasar_hukum": "titipan", "syarat": "keamanan_anak", "tanggal_mulai": "2025-08-11",
        "dokumen": "; ".join(f"{code}|B/{n}/2025|2025-08-11" for n, code in enumerate(
            ("permohonan_penitipan", "bast_penitipan", "pernyataan_bersama_keamanan", "resume_kasus", "laporan_sosial"))),
        "tingkat": "penyidikan", "tanggal_mulai_titipan": "2025-08-11", "jumlah_hari": 7,
        "lembaga_penitip": "Polres Pasuruan Kota", "atasan_lembaga_penitip": "Kapolda Jawa Timur"}


def workbook(rows: list[dict], header: list[str] = HEADER) -> bytes:
    return xlsx(header, [[row.get(name) for name in header] for row in rows])


def upload(client, data: bytes):
    token = csrf_token(client, "/admin/resident/import/")
    return client.post("/admin/resident/import/", data={"csrf_token": token, "file": (io.BytesIO(data), "anak.xlsx")},
                       content_type="multipart/form-data")


def _counts(session):
    session.rollback()
    return tuple(session.scalar(select(func.count()).select_from(model)) for model in (Resident, Placement,
                                                                                      CustodyPeriod))


def test_import_creates_residents_and_their_current_placements(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    before = _counts(session)
    court = {**GOOD, "nama_lengkap": "Fajar Nugraha", "dasar_hukum": "court_decision", "syarat": None,
             "lama_bulan": 6, "dokumen": ";".join(f"{code}|P/{n}|2025-08-01" for n, code in enumerate(
                 ("salinan_putusan", "ba_pelaksanaan_putusan", "laporan_sosial", "pernyataan_tanggung_jawab"))),
             "tingkat": None}
    victim = {"jenis_abh": "anak_korban", "nama_lengkap": "Gita", "tanggal_lahir": "2012-01-01",
              "jenis_kelamin": "perempuan"}
    response = upload(client, workbook([GOOD, court, victim]))
    assert response.status_code == 302, response.get_data(as_text=True)
    assert _counts(session) == (before[0] + 3, before[1] + 2, before[2] + 1)
    placement = session.scalar(select(Placement).join(Resident, Resident.id == Placement.resident_id)
                               .where(Resident.initials == "F.N."))
    assert placement.status == "present" and placement.months == 6 and placement.last_day is not None
    period = session.scalar(select(CustodyPeriod).order_by(CustodyPeriod.id.desc()))
    assert str(period.last_day) == "2025-08-17" and str(period.notice_deadline) == "2025-08-14"


def test_import_with_errors_writes_nothing_and_lists_each_with_row_and_column(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    before = _counts(session)
    rows = [GOOD,
            {**GOOD, "tanggal_lahir": "2005-01-01"},                           # 18+ on the offence date
            {**GOOD, "tanggal_lahir": "31/02/2010", "jenis_kelamin": "l"},     # two bad cells in one row
            {**GOOD, "jumlah_hari": 16},                                       # above the maximum of penyidikan
            {**GOOD, "dokumen": "resume_kasus|R/1|2025-08-11"},               # documents missing
            {**GOOD, "dasar_hukum": "court_decision", "syarat": None, "lama_bulan": 13}]
    page = upload(client, workbook(rows)).get_data(as_text=True)
    assert "tidak ada data yang disimpan" in page or "Impor dibatalkan" in page
    for expected in ("Baris 3, kolom tanggal_lahir", "Baris 4, kolom tanggal_lahir", "Baris 4, kolom jenis_kelamin",
                     "Baris 5, kolom jumlah_hari", "Baris 6, kolom dokumen", "Baris 7, kolom lama_bulan",
                     "Pasal 11 ayat 3", "Pasal 11 ayat 2 huruf a", "Pasal 13 ayat 4"):
        assert expected in page, expected
    assert "Baris 2," not in page
    assert _counts(session) == before


@pytest.mark.parametrize(("header", "message"), [
    (["nama_lengkap"], "Kolom wajib tidak ada"), (HEADER, "tidak berisi baris data")])
def test_import_refuses_a_file_without_columns_or_rows(seeded, client, header, message):
    login(client, "operator.pasuruan")
    assert message in upload(client, workbook([], header)).get_data(as_text=True)


def test_import_refuses_what_is_not_excel(seeded, client):
    login(client, "operator.pasuruan")
    assert "tidak dapat dibaca" in upload(client, b"nama,tanggal\n").get_data(as_text=True)


def test_import_is_for_operators_and_offers_a_template(seeded, client):
    login(client, "operator.pasuruan")
    template = load_workbook(io.BytesIO(client.get("/admin/resident/import-template.xlsx").data))
    assert [c.value for c in template["anak"][1]] == HEADER and template["petunjuk"].max_row == len(HEADER) + 1
    client.post("/logout", data={"csrf_token": csrf_token(client, "/account/")})
    login(client, "dinsos.pasuruan")
    assert client.get("/admin/resident/import/").status_code == 403


def test_exports_are_audited_and_identity_only_on_request(seeded, client, session):
    api = Api(client, "operator.pasuruan")
    resident = make_resident(api, full_name="Hendra Gunawan")
    plain = xlsx_text(client.get("/admin/resident/export.xlsx").data)
    assert "H.G." in plain and "Hendra" not in plain
    token = csrf_token(client, "/admin/resident/")
    full = client.post("/admin/resident/export-identity/", data={"csrf_token": token})
    assert full.status_code == 200 and "Hendra Gunawan" in xlsx_text(full.data)
    assert client.get("/admin/placement/export/csv/").status_code == 200
    session.rollback()
    exports = session.scalars(select(AuditLog.fields).where(AuditLog.action == "export")).all()
    assert sorted(exports) == ["csv", "identity", "pseudonymised"]
    views = session.scalars(select(AuditLog.object_id).where(AuditLog.action == "view_identity",
                                                             AuditLog.fields == "export")).all()
    assert str(resident["id"]) in views


def test_exported_text_cells_are_neutralised(seeded, client):
    api = Api(client, "operator.pasuruan")
    make_resident(api, register_number="ABH-1")
    token = csrf_token(client, "/admin/resident/")
    make_resident(api, full_name="=HYPERLINK(1)")
    book = load_workbook(io.BytesIO(client.post("/admin/resident/export-identity/", data={"csrf_token": token}).data))
    values = [c for row in book.active.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "'=HYPERLINK(1)" in values and "=HYPERLINK(1)" not in values


def test_import_reports_every_bad_cell_of_a_row_once(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    before = _counts(session)
    row = {**GOOD, "nik": "123", "nama_lengkap": "X" * 130, "uraian_tindak_pidana": None,
           "nomor_register": "Budi Santoso", "jenis_kelamin": "l", "tanggal_tindak_pidana": "2099-01-01"}
    page = upload(client, workbook([GOOD, row])).get_data(as_text=True)
    for column in ("nik", "nama_lengkap", "uraian_tindak_pidana", "nomor_register", "jenis_kelamin",
                   "tanggal_tindak_pidana"):
        assert page.count(f"Baris 3, kolom {column}:") == 1, column
    assert "NIK harus 16 angka" in page and "paling banyak 120 karakter" in page
    assert "Baris 2," not in page
    assert _counts(session) == before


def test_import_reports_an_age_error_with_other_bad_cells(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    row = {**GOOD, "tanggal_lahir": "2005-01-01", "nik": "12"}  # 20 on the offence date, and a bad NIK
    page = upload(client, workbook([row])).get_data(as_text=True)
    assert "Baris 2, kolom tanggal_lahir:" in page and "Baris 2, kolom nik:" in page


def test_api_reports_every_bad_field_of_a_resident(operator):
    from .conftest import child

    response = operator.post("/residents", child(nik="12", full_name="", offence_description=""))
    body = response.get_json()
    assert response.status_code == 422 and body["field"] == "full_name"
    assert "Nama lengkap wajib diisi" in body["message"] and "NIK harus 16 angka" in body["message"]
    assert "Uraian tindak pidana wajib diisi" in body["message"]
