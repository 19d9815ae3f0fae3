"""The job runner: a large export becomes a job of the user's, runs in the user's scope, leaves a file only its owner
can download (audited) until it is deleted; enqueueing follows the transaction; the daily schedule is Jakarta's."""
from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.job import DONE, FAILED, Job
from lpks.platform.models.user import User
from tests.conftest import login

PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"
SURABAYA = "UPT Rehabilitasi Sosial Anak Surabaya"


@pytest.fixture
def small_inline(app):
    """Any export of more than one row runs as a job (the limit is 5,000 rows in production)."""
    app.config["EXPORT_INLINE_ROWS"] = 1
    return app


def fetch(client, url: str):
    """GET a file and close the response (send_file keeps the file open until then)."""
    response = client.get(url)
    response.get_data()
    response.close()
    return response


def _job(session, username: str) -> Job:
    session.rollback()
    user_id = session.scalar(select(User.id).where(User.username == username))
    return session.scalars(select(Job).where(Job.user_id == user_id).order_by(Job.id.desc())).first()


def test_a_large_export_runs_as_a_job_and_waits_in_my_downloads(demo, small_inline, client, session):
    login(client, "dinsos.jatim")
    started = client.get("/admin/institution/export/csv/")
    assert started.status_code == 302 and started.headers["Location"].endswith("/admin/downloads/")
    job = _job(session, "dinsos.jatim")
    assert job.kind == "export" and job.status == DONE and job.rows_total == job.rows_done >= 2
    page = client.get("/admin/downloads/").get_data(as_text=True)
    assert job.title in page and "100%" in page and f"/admin/downloads/{job.id}/file" in page
    download = fetch(client, f"/admin/downloads/{job.id}/file")
    assert download.status_code == 200 and "attachment" in download.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.get_data(as_text=True).lstrip("\ufeff"))))
    names = {row[1] for row in rows[1:]}
    assert PASURUAN_CITY in names and SURABAYA in names and len(rows) - 1 == job.rows_total
    session.rollback()
    trail = session.execute(select(AuditLog.action, AuditLog.username, AuditLog.object_type, AuditLog.object_id)
                            .where(AuditLog.action.in_(("export", "download")))).all()
    assert ("export", "dinsos.jatim", "institution", None) in trail
    assert ("download", "dinsos.jatim", "job", str(job.id)) in trail


def test_the_job_keeps_the_scope_of_its_owner(demo, small_inline, client, session):
    login(client, "dinsos.pasuruan")
    client.get("/admin/institution/export/csv/")
    job = _job(session, "dinsos.pasuruan")
    if job is None:  # the kabupaten/kota sees a single LPKS: served at once, no job
        data = client.get("/admin/institution/export/csv/").get_data(as_text=True)
        assert PASURUAN_CITY in data and SURABAYA not in data
        return
    data = fetch(client, f"/admin/downloads/{job.id}/file").get_data(as_text=True)
    assert PASURUAN_CITY in data and SURABAYA not in data


def test_only_the_owner_may_download_and_the_file_goes_after_its_time(demo, small_inline, client, app, session):
    from lpks.platform.jobs.periodic import purge_downloads

    login(client, "kemensos")
    client.get("/admin/custody/export/xlsx/")
    job = _job(session, "kemensos")
    assert job.status == DONE and job.file_name.endswith(".xlsx")
    other = app.test_client()
    login(other, "dinsos.jatim")
    assert other.get(f"/admin/downloads/{job.id}/file").status_code == 404
    assert f"/admin/downloads/{job.id}/file" not in other.get("/admin/downloads/").get_data(as_text=True)
    session.rollback()  # a fresh transaction: the requests above wrote since this one began
    session.get(Job, job.id).expires_at = datetime.now(timezone.utc) - timedelta(minutes=1)
    session.commit()
    assert purge_downloads(app) == 1
    session.expire_all()
    assert session.get(Job, job.id).file_key is None
    assert not any(Path(app.config["DOWNLOAD_DIR"]).glob("*"))
    assert client.get(f"/admin/downloads/{job.id}/file").status_code == 404
    assert "sudah dihapus" in client.get("/admin/downloads/").get_data(as_text=True)


def test_a_job_rechecks_its_owner_when_it_runs(demo, app, session):
    from lpks.platform import jobs

    user = session.scalar(select(User).where(User.username == "kemensos"))
    with app.app_context():
        job = jobs.enqueue(session, "export", user, {"source": "institution", "spec": {}, "format": "csv"}, "Ekspor")
        user.active = False  # deactivated before the job ran
        session.commit()  # the commit hands the job to the runner (inline in tests)
    session.expire_all()
    failed = session.get(Job, job.id)
    assert failed.status == FAILED and failed.file_key is None and "tidak dapat dijalankan" in failed.message


def test_a_job_whose_role_may_not_export_that_list_fails_with_a_message(demo, app, session):
    from lpks.platform import jobs

    user = session.scalar(select(User).where(User.username == "admin"))
    with app.app_context():
        job = jobs.enqueue(session, "export", user, {"source": "custody", "spec": {}, "format": "csv"}, "Ekspor")
        session.commit()
    session.expire_all()
    failed = session.get(Job, job.id)
    assert failed.status == FAILED and "tidak lagi berwenang" in failed.message
    assert not session.scalars(select(AuditLog).where(AuditLog.action == "export")).all()


def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_runs(demo, app, session):
    from lpks.platform import jobs
    from lpks.platform.jobs.core import PENDING

    user = session.scalar(select(User).where(User.username == "kemensos"))
    with app.app_context():
        jobs.enqueue(session, "export", user, {"source": "institution", "spec": {}, "format": "csv"}, "Ekspor")
        session.rollback()
        assert PENDING not in session.info
        session.commit()
    assert session.scalars(select(Job)).all() == []


def test_the_export_job_carries_the_page_filters(demo, small_inline, client, session):
    login(client, "kemensos")
    client.get("/admin/institution/export/csv/?search=Pasuruan")
    job = _job(session, "kemensos")
    if job is not None:
        assert json.loads(job.payload)["spec"]["search"] == "Pasuruan"
        data = fetch(client, f"/admin/downloads/{job.id}/file").get_data(as_text=True)
    else:  # one LPKS matches: served at once
        data = client.get("/admin/institution/export/csv/?search=Pasuruan").get_data(as_text=True)
    assert "Pasuruan" in data and SURABAYA not in data


@pytest.mark.parametrize(("utc", "due"), [
    (datetime(2026, 3, 1, 17, 5), True),    # 00:05 WIB on 2 March
    (datetime(2026, 3, 1, 0, 5), False),    # 07:05 WIB
    (datetime(2026, 3, 1, 17, 4), False),
    (datetime(2026, 3, 1, 17, 6), False),
])
def test_the_daily_tasks_run_just_after_midnight_in_jakarta(utc, due):
    from lpks.platform.jobs.queue import daily_at

    assert daily_at("00:05", "Asia/Jakarta")(utc) is due


def test_a_large_residents_export_with_identity_is_a_job_that_audits_each_child(demo, small_inline, client, session):
    from lpks.residents.models.resident import Resident
    from tests.conftest import csrf_token

    login(client, "operator.pasuruan")
    token = csrf_token(client, "/admin/resident/")
    started = client.post("/admin/resident/export-identity/", data={"csrf_token": token})
    assert started.status_code == 302 and started.headers["Location"].endswith("/admin/downloads/")
    job = _job(session, "operator.pasuruan")
    assert job.kind == "export-residents" and job.status == DONE, job.message
    user = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    mine = set(session.scalars(select(Resident.id).where(Resident.institution_id == user.institution_id)))
    viewed = set(session.scalars(select(AuditLog.object_id).where(AuditLog.action == "view_identity",
                                                                  AuditLog.username == "operator.pasuruan")))
    assert viewed == {str(i) for i in mine} and job.rows_total == len(mine) >= 2
    book = fetch(client, f"/admin/downloads/{job.id}/file")
    assert book.status_code == 200 and book.data[:2] == b"PK"
