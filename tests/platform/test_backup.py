"""Backup and the documented restore: every table's row count and checksum survive the round trip."""
from __future__ import annotations

import hashlib
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from lpks.cli import main
from lpks.demo import DEMO_USERS
from lpks.intake.demo import OFFICERS
from lpks.reports.demo import OFFICES as REPORT_OFFICES


def table_digests(url: str) -> dict[str, tuple[int, str]]:
    """Row count and a SHA-256 of every table's rows in primary-key order."""
    engine = create_engine(url)
    result = {}
    with engine.connect() as conn:
        inspector = inspect(conn)
        for table in sorted(inspector.get_table_names()):
            pk = inspector.get_pk_constraint(table)["constrained_columns"] or [
                c["name"] for c in inspector.get_columns(table)]
            order = ", ".join(f'"{c}"' for c in pk)
            digest = hashlib.sha256()
            count = 0
            for row in conn.execute(text(f'SELECT * FROM "{table}" ORDER BY {order}')):
                digest.update(repr(tuple(str(v) for v in row)).encode())
                count += 1
            result[table] = (count, digest.hexdigest())
    engine.dispose()
    return result


def test_backup_and_restore_round_trip(database_url, cli_env, tmp_path):
    runner = CliRunner()
    env = {**cli_env, "DATABASE_URL": database_url}
    assert runner.invoke(main, ["demo"], env=env, catch_exceptions=False).exit_code == 0
    before = table_digests(database_url)
    accounts = len(DEMO_USERS) + len(OFFICERS) + len(REPORT_OFFICES)  # one per role, the Dinas Sosial's officers,
    # and the offices that sent the demo's reports
    assert before["app_user"][0] == accounts and before["audit_log"][0] > 0
    dest = tmp_path / "backup.bin"
    result = runner.invoke(main, ["backup", str(dest)], env=env, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    if database_url.startswith("sqlite"):
        restored = tmp_path / "restored.sqlite"
        shutil.copy(dest, restored)  # documented restore: copy the backup over the (stopped) database file
        restored_url = f"sqlite:///{restored}"
    else:
        url = make_url(database_url)
        name = f"{url.database}_restore"
        admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        subprocess.run(["pg_restore", "--no-owner", "-h", url.host, "-p", str(url.port or 5432), "-U", url.username,
                        "-d", name, str(dest)], check=True, capture_output=True)
        restored_url = url.set(database=name).render_as_string(hide_password=False)
    after = table_digests(restored_url)
    if not database_url.startswith("sqlite"):
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
    assert after == before


def test_backup_refuses_an_unknown_database(cli_env, tmp_path):
    from lpks import create_app
    from lpks.platform.errors import ServiceError
    from lpks.platform.services.backup import backup

    app = create_app({"DATABASE_URL": f"sqlite:///{tmp_path}/x.sqlite"})
    app.config["DATABASE_URL"] = "mysql://u@h/db"
    with app.app_context(), pytest.raises(ServiceError, match="tidak didukung"):
        backup(str(tmp_path / "b"))
