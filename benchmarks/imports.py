"""Issue 18 item 6: how long a 10,000-row × 60-column staff workbook holds a web worker, imported in the request (as
every import was) and uploaded as a background job (LPKS_IMPORT_INLINE_ROWS), and how long the job itself takes.

    .venv/bin/python -m benchmarks.imports --database-url sqlite:////tmp/lpks_imports.sqlite
    .venv/bin/python -m benchmarks.imports --database-url postgresql+psycopg://postgres@127.0.0.1:5432/lpks_imports

The database must be empty (it is migrated and seeded with the demo here). The job runs as the worker runs it
(`run_job`, its own application context and transaction), in this process, after the upload request returned.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import tempfile
import time
from datetime import date

ROWS, COLUMNS = 10_000, 60
PASSWORD = "bench-imports-2026"


def staff_workbook(prefix: str, layout: str = "saved") -> bytes:
    """ROWS staff of the template's 15 columns, filled, and 45 more columns of text the import ignores.

    layout "saved": the sheet declares its dimension, as Excel, LibreOffice and openpyxl's ordinary save write it
    (openpyxl with inline strings; Excel's shared strings read somewhat faster); "stream": no dimension, as a
    write_only workbook (our own exports) — openpyxl then scans the whole sheet once before reading it."""
    from openpyxl import Workbook

    from lpks.io.registry_export import STAFF_COLUMNS

    header = [h for h, _f in STAFF_COLUMNS]
    extra = [f"keterangan_{n}" for n in range(COLUMNS - len(header))]
    book = Workbook(write_only=layout == "stream")
    sheet = book.create_sheet("Tenaga") if layout == "stream" else book.active
    sheet.append(header + extra)
    for index in range(ROWS):
        values = {"nama": f"{prefix} {index:05d}", "fungsi": "pengasuh", "keterlibatan": "sendiri",
                  "aktif_sejak": date(2024, 1, 1), "catatan": "baris uji beban"}
        sheet.append([values.get(h) for h in header] + [f"teks {index} {n}" for n in range(len(extra))])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _token(client, path: str) -> str:
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--layout", choices=("saved", "stream"), default="saved")
    args = parser.parse_args()
    work = tempfile.mkdtemp(prefix="lpks-imports-")
    os.environ["LPKS_INSTANCE_PATH"] = work
    from sqlalchemy import select

    from lpks import create_app
    from lpks.demo import seed
    from lpks.extensions import db
    from lpks.platform.jobs.runner import run_job
    from lpks.platform.models.job import Job
    from lpks.platform.schema import upgrade
    from lpks.registry.models.institution import Institution

    app = create_app({"DATABASE_URL": args.database_url, "JOBS_QUEUE_FILE": os.path.join(work, "jobs.sqlite")})
    with app.app_context():
        upgrade("heads")
        seed(db.session, None, PASSWORD)
        db.session.commit()
        lpks = db.session.scalar(select(Institution.id).where(Institution.name.like("LPKS Bina Harapan%")))
    client = app.test_client()
    client.post("/login", data={"username": "operator.pasuruan", "password": PASSWORD,
                                "csrf_token": _token(client, "/login")})
    headers = {"X-CSRFToken": _token(client, "/account/")}
    url = f"/api/v1/institutions/{lpks}/staff/import"
    figures: dict = {"rows": ROWS, "columns": COLUMNS, "layout": args.layout,
                     "database": args.database_url.split(":")[0].split("+")[0]}

    def post(content: bytes):
        started = time.perf_counter()
        response = client.post(url, data={"file": (io.BytesIO(content), "tenaga.xlsx")},
                               content_type="multipart/form-data", headers=headers)
        return response, round(time.perf_counter() - started, 2)

    first = staff_workbook("Pengasuh A", args.layout)
    figures["workbook_mb"] = round(len(first) / 1e6, 2)
    app.config["IMPORT_INLINE_ROWS"] = ROWS  # as before: the whole import in the request
    response, figures["inline_request_s"] = post(first)
    assert response.status_code == 200, response.get_json()
    figures["inline_load"] = round(os.getloadavg()[0], 1)

    app.config["IMPORT_INLINE_ROWS"] = 300  # the default: stored, queued, 202
    response, figures["upload_request_s"] = post(staff_workbook("Pengasuh B", args.layout))
    assert response.status_code == 202, response.get_json()
    job_id = response.get_json()["job_id"]
    started = time.perf_counter()
    run_job(app, job_id)
    figures["job_s"] = round(time.perf_counter() - started, 2)
    figures["job_load"] = round(os.getloadavg()[0], 1)
    with app.app_context():
        job = db.session.get(Job, job_id)
        figures["job_status"], figures["job_result"] = job.status, json.loads(job.payload).get("result")
    figures["stored_files_left"] = len(os.listdir(app.config["IMPORT_DIR"]))
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
