"""The batched import of identity-only rows: the same audit rows, register checks and errors as one by one."""
from __future__ import annotations

from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.user import User
from lpks.residents.models.resident import Resident
from tests.conftest import login

from .conftest import SURABAYA, Api, institution_id, make_resident
from .test_io import GOOD, upload, workbook

IDENTITY = {"jenis_abh": "anak", "nama_lengkap": "Budi Santoso", "tanggal_lahir": "2010-06-29",
            "jenis_kelamin": "laki_laki", "tanggal_tindak_pidana": "2025-07-01", "uraian_tindak_pidana": "Pencurian",
            "alamat": "Jl. Melati 1", "orang_tua_wali": "Slamet"}


def _audit_count(session) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(AuditLog))


def _resident_count(session) -> int:
    return session.scalar(select(func.count()).select_from(Resident))


def _numbers(session, *numbers: str) -> dict[str, Resident]:
    session.rollback()
    found = session.scalars(select(Resident).where(Resident.register_number.in_(numbers)))
    return {resident.register_number: resident for resident in found}


def test_batch_audits_each_creation_as_a_single_registration_does(seeded, client, session, clock):
    single = make_resident(Api(client, "operator.pasuruan"), register_number="ONE-1")
    rows = [{**IDENTITY, "nomor_register": f"BATCH-{i}"} for i in range(3)]
    assert upload(client, workbook(rows)).status_code == 302
    created = _numbers(session, "BATCH-0", "BATCH-1", "BATCH-2")
    assert len(created) == 3
    audit = {row.object_id: row for row in session.scalars(select(AuditLog).where(
        AuditLog.action == "create", AuditLog.object_type == "resident"))}
    expected = audit[str(single["id"])]
    for resident in created.values():
        row = audit[str(resident.id)]  # the create row carries the new resident's id
        assert (row.fields, row.username, row.role) == (expected.fields, "operator.pasuruan", "operator_lpks")
        assert "full_name" in row.fields and resident.initials == "B.S." and resident.route is not None


def test_duplicates_within_the_file_and_against_the_lpks_are_refused(seeded, client, session, clock):
    api = Api(client, "operator.pasuruan")
    make_resident(api, register_number="ABH-X-1")
    audits = _audit_count(session)
    residents = _resident_count(session)
    rows = [{**IDENTITY, "nomor_register": "NEW-1"}, {**IDENTITY, "nomor_register": "ABH-X-1"},
            {**IDENTITY, "nomor_register": "NEW-1"}, {**IDENTITY, "nomor_register": "NEW-2"}]
    page = upload(client, workbook(rows)).get_data(as_text=True)
    assert "Baris 3, kolom nomor_register: Nomor register ABH-X-1 sudah dipakai" in page
    assert "Baris 4, kolom nomor_register: Nomor register NEW-1 sudah dipakai" in page
    assert "Baris 2," not in page and "Baris 5," not in page
    assert _audit_count(session) == audits and _resident_count(session) == residents


def test_a_number_used_by_another_lpks_is_free(seeded, client, session, clock):
    from datetime import date

    session.add(Resident(institution_id=institution_id(session, SURABAYA), register_number="SBY-1", initials="A.",
                         kind="anak_korban", sex="perempuan", full_name="Ani", birth_date=date(2012, 1, 1)))
    session.commit()
    login(client, "operator.pasuruan")
    assert upload(client, workbook([{**IDENTITY, "nomor_register": "SBY-1"}])).status_code == 302
    session.rollback()
    assert session.scalar(select(func.count()).select_from(Resident).where(Resident.register_number == "SBY-1")) == 2


def test_every_bad_cell_is_listed_in_row_order_and_nothing_is_written(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    audits = _audit_count(session)
    residents = _resident_count(session)
    rows = [{**IDENTITY, "nomor_register": "D-1"}, {**IDENTITY, "nomor_register": "D-1"},  # row 3: duplicate
            {**IDENTITY, "nik": "12", "jenis_kelamin": "l"},                                 # row 4: two bad cells
            {**IDENTITY, "tanggal_lahir": "2005-01-01"},                                     # row 5: 18+
            {**IDENTITY, "nomor_register": "Budi Santoso"}]                                  # row 6: a name
    page = upload(client, workbook(rows)).get_data(as_text=True)
    expected = ["Baris 3, kolom nomor_register", "Baris 4, kolom jenis_kelamin", "Baris 4, kolom nik",
                "Baris 5, kolom tanggal_lahir", "Baris 6, kolom nomor_register"]
    positions = [page.find(line) for line in expected]
    assert -1 not in positions and positions == sorted(positions), positions
    assert "Baris 2," not in page
    assert _audit_count(session) == audits and _resident_count(session) == residents


def test_automatic_numbers_follow_the_file_order_around_a_placement_row(seeded, client, session, clock):
    login(client, "operator.pasuruan")
    rows = [{**IDENTITY, "nama_lengkap": "Auto Satu"}, {**GOOD, "nama_lengkap": "Auto Dua"},
            {**IDENTITY, "nama_lengkap": "Auto Tiga"}, {**IDENTITY, "nama_lengkap": "Auto Empat",
                                                        "nomor_register": "ABH-2025-9999"}]
    assert upload(client, workbook(rows)).status_code == 302
    session.rollback()
    numbers = [session.scalar(select(Resident.register_number).where(Resident.initials == initials))
               for initials in ("A.S.", "A.D.", "A.T.")]
    assert all(number.startswith("ABH-2025-") for number in numbers) and len(set(numbers)) == 3
    assert numbers == sorted(numbers)


def test_only_operators_register_and_nothing_is_written_for_others(seeded, app, session, clock):
    from lpks.residents.services import batch as residents_batch

    user = session.scalar(select(User).where(User.username == "dinsos.pasuruan"))
    before = _resident_count(session)
    with app.test_request_context():
        found = residents_batch.create_many(session, user, [{"kind": "anak"}, {
            "kind": "anak", "full_name": "Budi", "birth_date": "2010-06-29", "sex": "laki_laki",
            "offence_date": "2025-07-01", "offence_description": "Pencurian"}])
    assert found[0] and all(field != "institution_id" for field, _message in found[0])  # its own bad cells first
    assert found[1] == [(None, "Anak didaftarkan oleh operator LPKS.")]
    assert _resident_count(session) == before


def test_a_number_taken_between_the_check_and_the_insert_rolls_everything_back(seeded, client, session, clock,
                                                                               monkeypatch):
    from lpks.residents.services import batch as residents_batch

    make_resident(Api(client, "operator.pasuruan"), register_number="RACE-1")
    monkeypatch.setattr(residents_batch, "_numbers_in_use", lambda *_args: (set(), 0))  # the check sees nothing
    audits = _audit_count(session)
    residents = _resident_count(session)
    rows = [{**IDENTITY, "nomor_register": "RACE-0"}, {**IDENTITY, "nomor_register": "RACE-1"}]
    page = upload(client, workbook(rows)).get_data(as_text=True)
    assert "Nomor register sudah dipakai." in page
    assert _audit_count(session) == audits and _resident_count(session) == residents
