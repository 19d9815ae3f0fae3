"""Large workbook imports run as background jobs of their owner: the threshold's boundary, the job's one transaction
(all or nothing, the page's own errors), the owner's rights checked again when it runs, progress and result on
"Pekerjaan saya" and at GET /api/v1/jobs/{id} (own jobs only), at most three waiting per user, and the stored
workbook always removed."""
from __future__ import annotations

import csv
import io
import json
import os
import time
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from lpks.io.registry_export import STAFF_COLUMNS
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.job import DONE, FAILED, QUEUED, RUNNING, Job
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from tests.registry.conftest import PASURUAN, TARUNA, browse, ids, workbook  # noqa: F401  (browse: a fixture)
from tests.residents.conftest import clock  # noqa: F401  (a fixture)

STAFF_HEADER = [h for h, _f in STAFF_COLUMNS]


def staff_book(count: int, start: int = 0, bad: set[int] = frozenset()) -> bytes:
    """`count` staff rows (pengasuh, distinct names); the rows whose index is in `bad` have no name."""
    rows = []
    for index in range(start, start + count):
        row = [None] * len(STAFF_HEADER)
        row[0] = None if index in bad else f"Pengasuh {index:05d}"
        row[1] = "pengasuh"
        rows.append(row)
    return workbook(STAFF_HEADER, rows)


def post_staff(b, lpks: int, content: bytes):
    return b.api("POST", f"/api/v1/institutions/{lpks}/staff/import",
                 data={"file": (io.BytesIO(content), "tenaga.xlsx")}, content_type="multipart/form-data")


def staff_count(session, lpks: int) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(StaffMember).where(StaffMember.institution_id == lpks))


def last_job(session, username: str) -> Job | None:
    session.rollback()
    session.expire_all()  # the test's own session may hold the job it enqueued, as it was then
    user_id = session.scalar(select(User.id).where(User.username == username))
    return session.scalars(select(Job).where(Job.user_id == user_id).order_by(Job.id.desc())).first()


def stored_files(app) -> list[Path]:
    folder = Path(app.config["IMPORT_DIR"])
    return list(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def small(app):
    """Workbooks of more than two data rows are imported in the background (300 in production)."""
    app.config["IMPORT_INLINE_ROWS"] = 2
    return app


def test_300_rows_are_imported_in_the_request_and_301_become_a_job(browse, session, app):
    assert app.config["IMPORT_INLINE_ROWS"] == 300
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    before = staff_count(session, lpks)
    inline = post_staff(operator, lpks, staff_book(300))
    assert inline.status_code == 200 and inline.get_json() == {"created": 300, "updated": 0, "skipped": 0}
    assert last_job(session, "operator.pasuruan") is None
    queued = post_staff(operator, lpks, staff_book(301, start=1000))
    body = queued.get_json()
    assert queued.status_code == 202, body
    assert queued.headers["Location"].endswith(f"/api/v1/jobs/{body['job_id']}") == body["location"].endswith(
        f"/api/v1/jobs/{body['job_id']}") is True
    assert "latar belakang" in body["message"]
    followed = operator.get(body["location"]).get_json()
    assert followed["status"] == DONE and followed["kind"] == "import-staff"
    assert followed["result"] == {"created": 301, "updated": 0, "skipped": 0}
    assert followed["progress"] == {"done": 301, "total": 301}
    assert staff_count(session, lpks) == before + 601
    assert stored_files(app) == []  # the stored workbook went with the job


def test_a_job_imports_with_the_audit_of_the_page_and_shows_its_counts(browse, session, small):
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    response = operator.post(f"/admin/registry-files/{lpks}/import/staff",
                             data={"file": (io.BytesIO(staff_book(5)), "tenaga.xlsx")},
                             content_type="multipart/form-data")
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/downloads/")
    notice = operator.get("/admin/downloads/").get_data(as_text=True)
    assert "diimpor di latar belakang" in notice and "Pekerjaan saya" in notice
    job = last_job(session, "operator.pasuruan")
    assert job.status == DONE and (job.rows_done, job.rows_total) == (5, 5)
    assert "Impor selesai: 5 baru, 0 diperbarui, 0 dilewati." in notice and "5 / 5" in notice
    created = session.scalars(select(StaffMember.id).where(StaffMember.institution_id == lpks,
                                                           StaffMember.name.like("Pengasuh 0000%"))).all()
    trail = session.scalars(select(AuditLog.object_id).where(
        AuditLog.username == "operator.pasuruan", AuditLog.object_type == StaffMember.__tablename__)).all()
    assert len(created) == 5 and {str(i) for i in created} <= set(trail)
    assert stored_files(small) == []


def test_a_failing_job_saves_nothing_and_offers_its_errors(browse, session, small):
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    before = staff_count(session, lpks)
    bad = set(range(3, 153))  # 150 rows without a name among 155
    operator.post(f"/admin/registry-files/{lpks}/import/staff",
                  data={"file": (io.BytesIO(staff_book(155, bad=bad)), "tenaga.xlsx")},
                  content_type="multipart/form-data")
    job = last_job(session, "operator.pasuruan")
    assert job.status == FAILED and "150 kesalahan" in job.message
    assert staff_count(session, lpks) == before  # all or nothing: the 5 good rows are not saved either
    page = operator.get("/admin/downloads/").get_data(as_text=True)
    assert "Baris 5, kolom nama: Nama wajib diisi." in page  # sheet row 5 = index 3 (the header is row 1)
    assert "20 dari 150 kesalahan ditampilkan" in page and "Daftar kesalahan" in page
    assert "Baris 24, kolom nama" in page and "Baris 25, kolom nama" not in page
    listing = operator.get(f"/admin/downloads/{job.id}/file")
    lines = [row[0] for row in csv.reader(io.StringIO(listing.get_data(as_text=True).lstrip("\ufeff")))]
    listing.close()
    assert listing.status_code == 200 and lines[0] == "Kesalahan" and len(lines) == 151  # every error
    assert lines[-1] == "Baris 154, kolom nama: Nama wajib diisi."
    api = operator.get(f"/api/v1/jobs/{job.id}").get_json()
    assert api["status"] == FAILED and api["result"]["error_count"] == 150 and len(api["result"]["errors"]) == 100
    assert api["file"].endswith(f"/admin/downloads/{job.id}/file")
    assert stored_files(small) == []


def test_the_job_checks_the_owner_s_scope_again_when_it_runs(app, demo, session, small):
    from lpks.registry import imports

    lpks = ids(session)
    user = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    before = staff_count(session, lpks[PASURUAN])
    with app.test_request_context():
        inst = session.get(Institution, lpks[PASURUAN])
        _content, job = imports.start(session, user, inst, "staff", staff_book(4), "tenaga.xlsx")
        assert job is not None and len(stored_files(app)) == 1
        user.institution_id = lpks[TARUNA]  # moved to another LPKS before the worker took the job
        session.commit()  # hands the job over (run inline in tests)
    failed = last_job(session, "operator.pasuruan")
    assert failed.status == FAILED and failed.message == "Anda tidak lagi berwenang mengubah data LPKS ini."
    assert staff_count(session, lpks[PASURUAN]) == before
    assert stored_files(app) == []


@pytest.mark.parametrize("change", ["role", "lpks"])
def test_a_residents_job_checks_the_owner_s_role_and_lpks_again(app, demo, session, small, change):
    from lpks.residents import imports
    from lpks.residents.models.resident import Resident

    user = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    before = session.scalar(select(func.count()).select_from(Resident))
    with app.test_request_context():
        _content, job = imports.start(session, user, staff_book(3), "anak.xlsx")
        if change == "role":  # no longer registers an LPKS's children
            user.role, user.region_code, user.institution_id = "dinsos_kabkota", "35.75", None
        else:  # moved to another LPKS: the children must not land there
            user.institution_id = ids(session)[TARUNA]
        session.commit()
    failed = last_job(session, "operator.pasuruan")
    assert failed.status == FAILED and "tidak lagi berwenang mengimpor data anak" in failed.message
    assert session.scalar(select(func.count()).select_from(Resident)) == before
    assert stored_files(app) == []


def test_another_user_s_job_is_not_found(browse, session, small):
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    job_id = post_staff(operator, lpks, staff_book(3)).get_json()["job_id"]
    assert operator.get(f"/api/v1/jobs/{job_id}").status_code == 200
    other = browse("dinsos.jatim")
    assert other.get(f"/api/v1/jobs/{job_id}").status_code == 404
    assert other.get(f"/api/v1/jobs/{job_id + 1000}").status_code == 404
    assert f'data-job="{job_id}"' not in other.get("/admin/downloads/").get_data(as_text=True)


def _waiting(session, username: str, count: int, kind: str = "import-staff") -> None:
    session.rollback()
    user_id = session.scalar(select(User.id).where(User.username == username))
    session.add_all([Job(kind=kind, user_id=user_id, status=QUEUED if n % 2 else RUNNING, title="Impor",
                         payload="{}") for n in range(count)])
    session.commit()


def test_a_fourth_waiting_import_is_refused_with_429(browse, session, small):
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    _waiting(session, "kemensos", 3)  # another user's imports do not count
    _waiting(session, "operator.pasuruan", 2)
    _waiting(session, "operator.pasuruan", 2, kind="export")  # nor do exports
    assert post_staff(operator, lpks, staff_book(3)).status_code == 202  # the third
    _waiting(session, "operator.pasuruan", 1)
    refused = post_staff(operator, lpks, staff_book(3, start=100))
    assert refused.status_code == 429 and "3 impor" in refused.get_json()["message"]
    page = operator.post(f"/admin/registry-files/{lpks}/import/staff",
                         data={"file": (io.BytesIO(staff_book(3)), "tenaga.xlsx")}, content_type="multipart/form-data")
    html = page.get_data(as_text=True)
    assert page.status_code == 429 and "3 impor yang menunggu atau sedang berjalan" in html and "<form" in html
    assert post_staff(operator, lpks, staff_book(2, start=200)).status_code == 200  # a small one is imported now
    assert stored_files(small) == []


def test_progress_of_a_running_import_is_visible(app, browse, session):
    from lpks.platform.jobs.queue import clear_progress, report_progress

    operator = browse("operator.pasuruan")
    _waiting(session, "operator.pasuruan", 2)
    running = session.scalars(select(Job).where(Job.status == RUNNING)).first()
    report_progress(app, running.id, 1500, 6000)
    try:
        page = operator.get("/admin/downloads/").get_data(as_text=True)
        assert "Sedang berjalan" in page and "1.500 / 6.000" in page and "25%" in page
        assert 'http-equiv="refresh"' in page
        assert operator.get(f"/api/v1/jobs/{running.id}").get_json()["progress"] == {"done": 1500, "total": 6000}
        report_progress(app, running.id, 700, None)  # still reading the workbook: the total is not known yet
        assert "700 baris dibaca" in operator.get("/admin/downloads/").get_data(as_text=True)
    finally:
        clear_progress(app, running.id)


def test_an_import_reports_rows_read_then_rows_checked_without_flooding_the_queue():
    from lpks.platform.imports import progress

    class Ctx:
        reports: list = []

        def report(self, done, total):
            self.reports.append((done, total))

    ctx = Ctx()
    report = progress(ctx)
    for read in range(1, 251):
        report(read, None)
    for checked in range(1, 251):
        report(checked, 250)
    assert ctx.reports == [(100, None), (200, None), (1, 250), (101, 250), (201, 250), (250, 250)]


def test_a_large_residents_workbook_is_a_job_whose_messages_name_no_child(browse, session, small, clock):
    from tests.residents.test_io import GOOD, workbook as residents_book

    operator = browse("operator.pasuruan")
    rows = [{**GOOD, "dasar_hukum": None, "nama_lengkap": f"Anak Rahasia {n}"} for n in range(3)]
    response = operator.post("/admin/resident/import/", data={"file": (io.BytesIO(residents_book(rows)), "x.xlsx")},
                             content_type="multipart/form-data")
    assert response.status_code == 302 and response.headers["Location"].endswith("/admin/downloads/")
    job = last_job(session, "operator.pasuruan")
    assert job.kind == "import-residents" and job.status == DONE, job.message
    assert json.loads(job.payload)["result"] == {"imported": 3}
    page = operator.get("/admin/downloads/").get_data(as_text=True)
    assert "3 anak dan penempatannya diimpor." in page and "Rahasia" not in page
    assert "Rahasia" not in job.title + (job.message or "") + response.headers["Location"]
    assert stored_files(small) == []


def test_the_worker_removes_stored_workbooks_no_job_holds(app, demo, session):
    from lpks.platform.jobs.periodic import purge_downloads

    folder = Path(app.config["IMPORT_DIR"])
    folder.mkdir(parents=True)
    stray, fresh = folder / ("a" * 32 + ".xlsx"), folder / ("b" * 32 + ".xlsx")
    stray.write_bytes(b"PK")
    fresh.write_bytes(b"PK")
    old = time.time() - 7200
    os.utime(stray, (old, old))
    purge_downloads(app)
    assert not stray.exists() and fresh.exists()  # a workbook just stored may still be on its way to the queue


def test_the_worker_process_imports_a_workbook_the_web_stored(browse, app, session, database_url, tmp_path):
    import signal
    import subprocess
    import sys
    import uuid

    name = f"lpks-test-{uuid.uuid4().hex[:8]}"
    app.config.update({"JOBS_IMMEDIATE": False, "JOBS_QUEUE_NAME": name, "IMPORT_INLINE_ROWS": 2,
                       "JOBS_QUEUE_FILE": str(tmp_path / "jobs.sqlite"), "JOBS_REDIS_URL": None})
    env = {**os.environ, "DATABASE_URL": database_url, "LPKS_INSTANCE_PATH": str(tmp_path / "instance"),
           "LPKS_JOBS_QUEUE": name, "LPKS_JOBS_FILE": app.config["JOBS_QUEUE_FILE"], "LPKS_JOBS_WORKERS": "1",
           "LPKS_IMPORT_DIR": app.config["IMPORT_DIR"], "LPKS_DOWNLOAD_DIR": app.config["DOWNLOAD_DIR"],
           "LPKS_REGIONS_FILE": "/nonexistent.csv"}
    env.pop("LPKS_REDIS_URL", None)
    app.extensions.pop("lpks_jobs", None)
    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    before = staff_count(session, lpks)
    accepted = post_staff(operator, lpks, staff_book(4))
    assert accepted.status_code == 202 and len(stored_files(app)) == 1  # waiting for the worker
    assert operator.get(accepted.headers["Location"]).get_json()["status"] == QUEUED
    worker = subprocess.Popen([str(Path(sys.executable).with_name("lpks")), "worker"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline, job = time.monotonic() + 60, None
        while time.monotonic() < deadline:
            job = last_job(session, "operator.pasuruan")
            if job.status not in (QUEUED, RUNNING):
                break
            time.sleep(0.3)
        assert job.status == DONE, job.message
    finally:
        worker.send_signal(signal.SIGTERM)
        output = worker.communicate(timeout=60)[0]
        app.extensions.pop("lpks_jobs", None)
    assert worker.returncode == 0, output[-3000:]
    assert staff_count(session, lpks) == before + 4 and stored_files(app) == []


def test_a_large_facilities_workbook_is_imported_by_a_job(browse, session, small):
    from lpks.io.registry_export import FACILITY_COLUMNS
    from lpks.registry.models.facility import FacilityRecord

    operator = browse("operator.pasuruan")
    lpks = ids(session)[PASURUAN]
    book = load_workbook(io.BytesIO(operator.get(
        f"/admin/registry-files/export/facilities.xlsx?institution_id={lpks}").data), read_only=True)
    rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    book.close()
    header, data = rows[0], rows[1:]
    assert header[:5] == [h for h, _f in FACILITY_COLUMNS] and len(data) > 2
    for row in data[:3]:
        row[header.index("ketersediaan")], row[header.index("jumlah")] = "tersedia", 2
    response = operator.api("POST", f"/api/v1/institutions/{lpks}/facilities/import",
                            data={"file": (io.BytesIO(workbook(list(header), data)), "sarana.xlsx")},
                            content_type="multipart/form-data")
    assert response.status_code == 202, response.get_json()
    job = operator.get(response.headers["Location"]).get_json()
    assert job["status"] == DONE and job["kind"] == "import-facilities", job
    result = job["result"]
    assert result["created"] + result["updated"] >= 3 and sum(result.values()) == len(data)
    session.rollback()
    stored = session.scalars(select(FacilityRecord.quantity).where(
        FacilityRecord.institution_id == lpks, FacilityRecord.item_code.in_([row[0] for row in data[:3]]))).all()
    assert stored == [2, 2, 2] and stored_files(small) == []
