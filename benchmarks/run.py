"""Every measurement of the national benchmark in one run: pages and API lists per role, their SQL replayed raw,
Excel export and import, and the gunicorn load; prints a table and writes JSON.

    python -m benchmarks.run --database-url sqlite:////tmp/lpks_bench.sqlite [--out benchmarks/out/results.json]
                             [--port 8765] [--in-place] [--skip pages export import load]

Run benchmarks/generate.py on the database first. The run measures a scratch copy of it (benchmarks/scratch.py), so
the data set is left as generated (checked: every table's row count and largest id before and after); --in-place
measures the database itself. Every figure carries the machine's load average when it was taken. Pages go through the WSGI app (Flask test client, logged in as
each role); SQL statements are counted with SQLAlchemy's before_cursor_execute event and the last request's
statements are executed again directly on a DBAPI connection (then rolled back), so the database's share and
ours are seen apart. Export and import run in a child process each, for an honest peak RSS (ru_maxrss); the list
exports run as the background job a user would get (huey in immediate mode, in that child).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import date
from pathlib import Path

from sqlalchemy import event, func, select

from benchmarks.children import JOB_EXPORTS, child, login, run_child

ROLES = ("bench.operator", "bench.kabkota", "bench.provinsi", "kemensos", "admin")
TARGETS = {"p95_ms": 100, "over_raw_ms": 30, "statements": 15, "export_s": 15, "export_mb": 300, "import_s": 20,
           "figures_p95_ms": 1000}
# The figures of a whole year (issue 15): every figure of RULES §9 over the user's area, answered within 1 s.
FIGURE_PAGES = ("figures", "API figures")


def pages(resident_id: int, institution_id: int, username_contains: int) -> list[tuple[str, str]]:
    """(name, path) of every main page and API list measured."""
    year = date.today().year
    period = f"from={year}-01-01&to={year}-12-31"
    return [
        ("dashboard", "/"), ("admin home", "/admin/"),
        ("LPKS list", "/admin/institution/"), ("API LPKS", "/api/v1/institutions"),
        ("registry", "/admin/registry/"),
        ("residents list", "/admin/resident/"), ("API residents", "/api/v1/residents"),
        ("placements list", "/admin/placement/"), ("API placements", "/api/v1/placements"),
        ("custody list", "/admin/custody/"), ("API custody", "/api/v1/custody-periods"),
        ("resident detail", f"/admin/resident/details/?id={resident_id}"),
        ("API resident", f"/api/v1/residents/{resident_id}"),
        ("standards report", f"/admin/standards/{institution_id}"),
        ("API standards", f"/api/v1/institutions/{institution_id}/standards"),
        ("accreditation queue", "/admin/accreditation/"),
        ("API assessments", "/api/v1/accreditation/assessments"),
        ("class report", "/admin/accreditation-class/"), ("API classes", "/api/v1/accreditation/classes"),
        ("audit list", "/admin/audit/"),
        ("case list", "/admin/case/"), ("API cases", "/api/v1/cases"),
        ("case list overdue", "/admin/case/?overdue=1"), ("case tasks", "/admin/case-tasks/?due=overdue"),
        ("API case tasks", "/api/v1/case-tasks?due=upcoming"),
        ("referrals", "/admin/referral/"), ("API referrals", "/api/v1/referrals"),
        ("case page", f"/admin/case/of-resident/?resident_id={resident_id}"),
        # issue 16: the recap page, deep, sorted and filtered lists
        ("recap page", "/admin/accreditation-report/"),
        ("custody last page", "/admin/custody/?page=100000"), ("custody by start", "/admin/custody/?sort=2"),
        ("placements last page", "/admin/placement/?page=100000"),
        ("residents search", "/admin/resident/?search=0001"),
        ("audit username filter", f"/admin/audit/?flt0_{username_contains}=jatim"),
        ("audit username, no match", f"/admin/audit/?flt0_{username_contains}=tidak-ada"),
        ("audit last page", "/admin/audit/?page=100000"),
        ("my downloads", "/admin/downloads/"),
        ("figures", f"/admin/reports/?{period}"), ("API figures", f"/api/v1/reports/figures?{period}"),
        ("yearly reports", "/admin/annual-reports/"),
    ]


def backend_cpu(pid: int) -> float | None:
    """CPU seconds a local PostgreSQL backend has used (user + system), or None when /proc does not show it."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def load_average() -> float:
    """The machine's 1-minute load average (2 cores: above 2, requests wait for a core)."""
    return round(os.getloadavg()[0], 2)


class Recorder:
    """Collects the statements the engine runs while `on` is set, and (local PostgreSQL) the CPU its backend had
    used when the request's first statement began: on a busy machine the CPU, not the wall clock, is what a page
    costs."""

    def __init__(self, engine):
        self.on, self.statements, self.cpu_at = False, [], {}
        event.listen(engine, "before_cursor_execute", self._seen)

    def _seen(self, conn, cursor, statement, parameters, context, executemany):
        if self.on:
            self.statements.append((statement, parameters, executemany))
            pid = getattr(getattr(conn.connection.driver_connection, "info", None), "backend_pid", None)
            if pid is not None and pid not in self.cpu_at:
                self.cpu_at[pid] = backend_cpu(pid)

    def db_cpu(self) -> float | None:
        """CPU seconds the backends spent since the request's first statement."""
        spent = [(backend_cpu(pid) or 0) - start for pid, start in self.cpu_at.items() if start is not None]
        return sum(spent) if spent else None


def replay(engine, statements, repeat: int) -> float:
    """Median seconds to execute the statements raw on one DBAPI connection (fetching every row), rolled back."""
    raw = engine.raw_connection()
    times = []
    try:
        for _ in range(repeat):
            cur = raw.cursor()
            started = time.perf_counter()
            for statement, params, many in statements:
                if many:
                    cur.executemany(statement, params)
                else:
                    cur.execute(statement, params)
                if cur.description:
                    cur.fetchall()
            times.append(time.perf_counter() - started)
            cur.close()
            raw.rollback()
    finally:
        raw.close()
    return statistics.median(times)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def measure_pages(app, engine, requests: int, repeat: int, only: list[str] | None = None) -> list[dict]:
    """Median/p95 per page and role, statements per request, the same SQL replayed raw."""
    from lpks.extensions import db
    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.residents.models.resident import Resident

    with app.app_context():
        inst_id = db.session.scalar(select(User.institution_id).where(User.username == "bench.operator"))
        resident_id = db.session.scalar(select(func.max(Resident.id)).where(Resident.institution_id == inst_id))
        residents = db.session.scalar(select(func.count()).select_from(Resident).where(
            Resident.institution_id == inst_id))
        name = db.session.get(Institution, inst_id).name
        db.session.close()
    print(f"largest LPKS #{inst_id} {name}: {residents} residents; detail of resident #{resident_id}", flush=True)
    from flask_admin.contrib.sqla.filters import FilterLike

    username_contains = next(i for i, flt in enumerate(app.extensions["lpks_exports"]["audit"]._filters)
                             if isinstance(flt, FilterLike) and flt.column.key == "username")
    recorder, results = Recorder(engine), []
    for username in ROLES:
        client = app.test_client()
        login(client, username)
        for label, path in pages(resident_id, inst_id, username_contains):
            status = client.get(path).status_code  # warm-up (templates, caches)
            if status != 200:
                results.append({"role": username, "page": label, "path": path, "status": status})
                continue
            times, counts, cpu, load = [], [], [], load_average()
            for _ in range(requests):
                recorder.statements, recorder.cpu_at = [], {}
                recorder.on = True
                started, own = time.perf_counter(), time.process_time()
                client.get(path)
                times.append(time.perf_counter() - started)
                recorder.on = False
                db_cpu = recorder.db_cpu()
                cpu.append(time.process_time() - own + (db_cpu or 0) if db_cpu is not None else None)
                counts.append(len(recorder.statements))
            raw = replay(engine, recorder.statements, repeat)
            median = statistics.median(times)
            row = {"role": username, "page": label, "path": path, "status": status,
                   "median_ms": round(median * 1000, 1), "p95_ms": round(percentile(times, 0.95) * 1000, 1),
                   "statements": max(counts), "raw_sql_ms": round(raw * 1000, 1),
                   "ratio": round(median / raw, 1) if raw else None,
                   "over_raw_ms": round((median - raw) * 1000, 1), "load_1m": load}
            if label in FIGURE_PAGES:
                row["ok"] = row["p95_ms"] <= TARGETS["figures_p95_ms"] and row["statements"] <= TARGETS["statements"]
            else:
                row["ok"] = (row["p95_ms"] <= TARGETS["p95_ms"] and row["over_raw_ms"] <= TARGETS["over_raw_ms"]
                             and row["statements"] <= TARGETS["statements"])
            results.append(row)
            print(f"{username:<15} {label:<22} {row['median_ms']:>8} {row['p95_ms']:>8} {row['statements']:>4} "
                  f"{row['raw_sql_ms']:>8} {str(row['ratio']):>6} {load:>5} {'ok' if row['ok'] else 'MISS'}",
                  flush=True)
    return results


def main(argv: list[str] | None = None) -> dict:
    """Command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--out", default="benchmarks/out/results.json")
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--replays", type=int, default=10)
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--skip", nargs="*", default=[], choices=("pages", "export", "import", "load"))
    parser.add_argument("--child", choices=("import", *JOB_EXPORTS))
    parser.add_argument("--port", type=int, default=0, help="the load step's gunicorn port (default: a free one)")
    parser.add_argument("--in-place", action="store_true", help="measure the database itself, not a copy")
    args = parser.parse_args(argv)
    os.environ.setdefault("LPKS_INSTANCE_PATH", "/tmp/lpks-bench-instance")
    if args.child:
        child(args.child, args.database_url)
        return {}
    from benchmarks import scratch

    original = args.database_url
    before = scratch.fingerprint(original)
    url = original if args.in_place else scratch.copy(original)
    try:
        result = measure(args, url)
    finally:
        if url != original:
            scratch.drop(url)
    result["dataset_unchanged"] = scratch.fingerprint(original) == before
    print(f"data set unchanged by the run: {result['dataset_unchanged']}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=2))
    print(f"written {out}")
    return result


def measure(args, url: str) -> dict:
    """Every measurement on the database at `url`."""
    from lpks import create_app
    from lpks.extensions import db

    app = create_app({"DATABASE_URL": url})
    result: dict = {"database": url.split(":", 1)[0], "targets": TARGETS, "load_1m_start": load_average()}
    if "pages" not in args.skip:
        print(f"{'role':<15} {'page':<22} {'median':>8} {'p95':>8} {'sql':>4} {'raw sql':>8} {'ratio':>6} {'load':>5}")
        with app.app_context():
            engine = db.engine
        result["pages"] = measure_pages(app, engine, args.requests, args.replays)
    kinds = [] if "export" in args.skip else list(JOB_EXPORTS)
    kinds += [] if "import" in args.skip else ["import"]
    for kind in kinds:
        load = load_average()
        result[kind] = {**run_child(kind, url), "load_1m": load}
        print(kind, json.dumps(result[kind]), flush=True)
    if "load" not in args.skip:
        from benchmarks import load as loader
        start_load = load_average()
        try:
            result["load"] = loader.main(["--database-url", url, "--clients", "20", "--seconds",
                                          str(args.load_seconds), "--port", str(args.port)])
        except Exception as exc:  # noqa: BLE001  (the other figures are still written)
            result["load"] = {"error": str(exc)[-2000:]}
        result["load"].update({"load_1m_before": start_load, "load_1m_after": load_average()})
    return result


if __name__ == "__main__":
    main()
