"""Load on loopback: gunicorn serving the app, N parallel API clients for T seconds.

    python -m benchmarks.load --database-url sqlite:////tmp/lpks.sqlite --clients 20 --seconds 60 [--port 8765]

Each client holds its own bearer token and mixes reads (lists, details, dashboard) with writes (an
update of an LPKS profile, re-read first so the version is current). It reports requests per second,
median and p95 latency, and every non-2xx answer; "database is locked" anywhere is an error.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Result:
    """What the load produced."""

    requests: int = 0
    errors: int = 0
    latencies: list[float] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> dict:
        """Figures for the report."""
        ordered = sorted(self.latencies) or [0.0]
        p95 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.95))]
        return {"requests": self.requests, "errors": self.errors, "seconds": round(self.seconds, 1),
                "rps": round(self.requests / self.seconds, 1) if self.seconds else 0.0,
                "median_ms": round(statistics.median(ordered) * 1000, 1), "p95_ms": round(p95 * 1000, 1),
                "statuses": {str(k): v for k, v in sorted(self.statuses.items())}, "error_samples": self.samples[:5]}


def free_port() -> int:
    """A free TCP port on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_gunicorn(env: dict, port: int, workers: int) -> subprocess.Popen:
    """Serve the app with gunicorn on loopback and wait until it answers."""
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    proc = subprocess.Popen([gunicorn, "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                             "--log-level", "warning", "lpks:create_app()"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.time() + 120  # four workers each build the app; on a loaded machine that takes a while
    while time.time() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=2).read()
            return proc
        except OSError:  # refused, reset or timed out while the workers boot
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError("gunicorn did not start: " + (proc.stderr.read() if proc.stderr else ""))


def _call(base: str, token: str, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            return resp.status, resp.read()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read()


def client_loop(base: str, token: str, institution_id: int, stop: float, result: Result, lock: threading.Lock,
                seed: int) -> None:
    """One client: 3 reads for each write, until the stop time."""
    rng = random.Random(seed)
    while time.time() < stop:
        started = time.perf_counter()
        if rng.random() < 0.25:
            status, body = _call(base, token, "GET", f"/api/v1/institutions/{institution_id}")
            if status == 200:
                version = json.loads(body)["version"]
                status, body = _call(base, token, "PATCH", f"/api/v1/institutions/{institution_id}",
                                     {"phone": f"0343-{rng.randint(100000, 999999)}", "version": version})
        else:
            path = rng.choice(["/api/v1/institutions", "/api/v1/me", "/api/v1/regions?per_page=50",
                               f"/api/v1/institutions/{institution_id}"])
            status, body = _call(base, token, "GET", path)
        elapsed = time.perf_counter() - started
        with lock:
            result.requests += 1
            result.latencies.append(elapsed)
            result.statuses[status] = result.statuses.get(status, 0) + 1
            if status >= 400 or b"database is locked" in body:
                result.errors += 1
                result.samples.append(f"{status} {body[:160]!r}")


def run_load(base: str, clients: list[tuple[str, int]], seconds: float) -> Result:
    """Run every client in parallel for `seconds`."""
    result, lock = Result(), threading.Lock()
    stop = time.time() + seconds
    threads = [threading.Thread(target=client_loop, args=(base, token, inst, stop, result, lock, i))
               for i, (token, inst) in enumerate(clients)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    result.seconds = time.time() - started
    return result


def prepare(database_url: str, clients: int) -> list[tuple[str, int]]:
    """Migrate, seed the demo and give each client a kemensos token and an LPKS of its own."""
    from lpks import create_app
    from lpks.demo import seed
    from lpks.extensions import db
    from lpks.platform.schema import upgrade
    from lpks.platform.services.tokens import create_token
    from lpks.platform.services.users import create_user
    from lpks.registry.models.institution import Institution

    upgrade("heads", url=database_url)
    app = create_app({"DATABASE_URL": database_url})
    pairs = []
    with app.app_context():
        seed(db.session)
        session = db.session
        for i in range(clients):
            username = f"load{i:02d}"
            from sqlalchemy import select

            from lpks.platform.models.user import User

            if session.scalar(select(User).where(User.username == username)) is None:
                create_user(session, username, "kata-sandi-beban-123", "kemensos")
            inst = Institution(name=f"LPKS Beban {i:02d}", kabkota_code="35.75", province_code="35")
            session.add(inst)
            session.flush()
            _token, plain = create_token(session, username)
            pairs.append((plain, inst.id))
        session.commit()
        for engine in db.engines.values():
            engine.dispose()
    return pairs


def main(argv: list[str] | None = None) -> dict:
    """Command line: prepare the database, serve it, load it, print JSON figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", required=True)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--port", type=int, default=0, help="gunicorn's port on 127.0.0.1 (default: a free one)")
    args = parser.parse_args(argv)
    env = {**os.environ, "DATABASE_URL": args.database_url}
    pairs = prepare(args.database_url, args.clients)
    port = args.port or free_port()
    server = start_gunicorn(env, port, args.workers)
    try:
        result = run_load(f"http://127.0.0.1:{port}", pairs, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=30)
    figures = {"database": args.database_url.split(":", 1)[0], "clients": args.clients, "workers": args.workers,
               **result.summary()}
    print(json.dumps(figures, indent=2))
    return figures


if __name__ == "__main__":
    main()
