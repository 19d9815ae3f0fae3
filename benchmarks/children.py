"""The measurements that run in a child process of their own, for an honest peak RSS (ru_maxrss): each export run
as the background job a large export is (huey in immediate mode, in the child), and the import of 10,000 residents.
"""
from __future__ import annotations

import io
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import select

from benchmarks.generate import PASSWORD

# (name, user, path) of the list exports measured: each runs as the background job of a national user
JOB_EXPORTS = {"export": ("kemensos", "/admin/resident/export.xlsx"),
               "export-titipan-xlsx": ("kemensos", "/admin/custody/export/xlsx/"),
               "export-titipan-csv": ("kemensos", "/admin/custody/export/csv/"),
               "export-audit-csv": ("admin", "/admin/audit/export/csv/")}


def login(client, username: str) -> None:
    """Log in through the login form (as a person would)."""
    import re

    html = client.get("/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)
    resp = client.post("/login", data={"username": username, "password": PASSWORD, "csrf_token": token})
    if resp.status_code not in (302, 303):
        raise RuntimeError(f"login of {username} failed: {resp.status_code}")


def child(kind: str, url: str) -> None:
    """In a child process: one export (run as the job a large export is) or the import of 10,000 residents; print
    time and peak RSS as JSON."""
    import tempfile

    from flask import g
    from flask_login import login_user

    from lpks import create_app
    from lpks.extensions import db
    from lpks.platform.models.user import User

    folder = tempfile.mkdtemp(prefix="lpks-bench-downloads-")
    # every list export runs as the job a large one becomes (the small ones are served the same way, inline)
    app = create_app({"DATABASE_URL": url, "JOBS_IMMEDIATE": True, "DOWNLOAD_DIR": folder, "EXPORT_INLINE_ROWS": 0})
    with app.app_context():
        base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        if kind in JOB_EXPORTS:
            from lpks.platform.models.job import Job

            username, path = JOB_EXPORTS[kind]
            client = app.test_client()
            login(client, username)
            started = time.perf_counter()
            resp = client.get(path)  # the job runs inline here (immediate mode), as the worker would run it
            seconds = time.perf_counter() - started
            db.session.rollback()
            job = db.session.scalars(select(Job).order_by(Job.id.desc())).first()
            done = Path(folder, job.file_key) if job and job.file_key else None
            figures = {"status": resp.status_code, "job": job.status if job else None,
                       "rows": job.rows_done if job else 0, "bytes": done.stat().st_size if done else 0}
            if done:
                done.unlink()
        else:
            from lpks.residents.services.importing import import_residents
            stream = import_file(10000)
            user = db.session.scalar(select(User).where(User.username == "bench.operator"))
            with app.test_request_context():
                login_user(user)
                g.user = user
                started = time.perf_counter()
                count = import_residents(db.session, user, stream)
                db.session.flush()
                seconds = time.perf_counter() - started
                db.session.rollback()  # measured, not kept: the data set stays as generated
            figures = {"rows": count}
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({**figures, "seconds": round(seconds, 1), "peak_rss_mb": round(peak),
                      "rss_before_mb": round(base)}))


def import_file(rows: int) -> io.BytesIO:
    """An import workbook of `rows` children (identity only, explicit register numbers)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet("anak")
    sheet.append(["nomor_register", "jenis_abh", "nama_lengkap", "tanggal_lahir", "jenis_kelamin",
                  "tanggal_tindak_pidana", "uraian_tindak_pidana", "alamat"])
    for i in range(rows):
        sheet.append([f"IMP-{i + 1:05d}", "anak", f"Anak Impor {i + 1}", "2010-03-04", "laki_laki", "2025-06-01",
                      "Pencurian", "Alamat contoh"])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream


def run_child(kind: str, url: str) -> dict:
    proc = subprocess.run([sys.executable, "-m", "benchmarks.run", "--database-url", url, "--child", kind],
                          capture_output=True, text=True, env={**os.environ, "DATABASE_URL": url})
    if proc.returncode:
        return {"error": proc.stderr[-2000:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])
