"""Crashes: a process SIGKILLed halfway through an import of 10,000 rows, or between the steps of a designation,
leaves no row of its work behind and a database that passes its integrity check (SQLite and PostgreSQL)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import create_engine, func, select
from sqlalchemy.pool import NullPool
from sqlmodel import SQLModel

from lpks.accreditation.models import Assessment, AssessmentEvent, InstitutionClass
from lpks.registry.models.institution import Institution

WORKER = Path(__file__).with_name("crash_worker.py")
ROWS = 10_000
PELITA = "LPKS Pelita Jakarta Selatan"  # the demo leaves its assessment recommended


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory) -> Path:
    """10,000 valid rows (child victims, so each row is one resident through the services)."""
    from lpks.residents.services.importing import COLUMNS

    header = [name for name, _description in COLUMNS]
    book = Workbook(write_only=True)
    sheet = book.create_sheet("anak")
    sheet.append(header)
    for i in range(ROWS):
        row = {"jenis_abh": "anak_korban", "nama_lengkap": f"Anak Uji {i:05d}", "tanggal_lahir": "2012-01-01",
               "jenis_kelamin": "perempuan" if i % 2 else "laki_laki", "alamat": f"Jalan Uji {i}"}
        sheet.append([row.get(name) for name in header])
    path = tmp_path_factory.mktemp("crash") / "anak.xlsx"
    book.save(path)
    return path


def _engine(url: str):
    return create_engine(url, poolclass=NullPool)


def table_counts(url: str) -> dict[str, int]:
    """Every table's row count (reading every table also proves each one is readable)."""
    engine = _engine(url)
    with engine.connect() as conn:
        counts = {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                  for t in SQLModel.metadata.sorted_tables}
    engine.dispose()
    return counts


def integrity_problems(url: str) -> list[str]:
    """SQLite's own checks, then on any backend: no row points at a missing parent."""
    problems = []
    engine = _engine(url)
    with engine.connect() as conn:
        if engine.dialect.name == "sqlite":
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalars().all()
            if result != ["ok"]:
                problems += result
            problems += [str(row) for row in conn.exec_driver_sql("PRAGMA foreign_key_check")]
        for table in SQLModel.metadata.sorted_tables:
            for fk in table.foreign_keys:
                child, target = fk.parent, fk.column.table.alias("target")  # an alias: region points at region
                parent = target.c[fk.column.name]
                orphans = conn.execute(select(func.count()).select_from(child.table).where(
                    child.isnot(None), ~select(parent).where(parent == child).exists())).scalar_one()
                if orphans:
                    problems.append(f"{table.name}.{child.name}: {orphans} orphans")
    engine.dispose()
    return problems


def _worker(*args: str) -> subprocess.Popen:
    env = {**os.environ, "LPKS_INSTANCE_PATH": os.environ.get("LPKS_INSTANCE_PATH", "/tmp/lpks-crash-instance")}
    return subprocess.Popen([sys.executable, str(WORKER), *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env, cwd=Path(__file__).parents[2])


@pytest.mark.slow
def test_sigkill_halfway_through_an_import_of_ten_thousand_rows_leaves_nothing(demo, database_url, big_workbook,
                                                                                tmp_path, monkeypatch):
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path / "instance"))
    before = table_counts(database_url)
    process = _worker("import", database_url, str(big_workbook))
    seen, started = 0, time.monotonic()
    try:
        for line in process.stdout:
            if line.startswith("rows "):
                seen = int(line.split()[1])
                if seen >= 2000:  # a fifth of the rows are in the open transaction: kill it now
                    break
            assert time.monotonic() - started < 240, "the import never got going"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    assert seen >= 2000, process.stderr.read()
    assert process.returncode == -signal.SIGKILL
    print(f"killed after {seen} of {ROWS} rows, {time.monotonic() - started:.1f}s")
    process.stdout.close()
    process.stderr.close()
    assert table_counts(database_url) == before  # not one row of the import, nor of its audit trail
    assert integrity_problems(database_url) == []


def _designation_state(url: str) -> dict:
    engine = _engine(url)
    with engine.connect() as conn:
        inst = conn.execute(select(Institution).where(Institution.name == PELITA)).one()
        row = conn.execute(select(Assessment).where(Assessment.institution_id == inst.id)
                           .order_by(Assessment.id.desc())).first()
        events = conn.execute(select(func.count()).select_from(AssessmentEvent)
                              .where(AssessmentEvent.assessment_id == row.id)).scalar_one()
        klass = conn.execute(select(InstitutionClass).where(InstitutionClass.institution_id == inst.id)).first()
    engine.dispose()
    return {"assessment": tuple(row), "events": events, "class": tuple(klass) if klass else None,
            "institution": tuple(inst)}


@pytest.mark.slow
def test_sigkill_between_the_steps_of_a_designation_changes_nothing(demo, database_url, tmp_path, monkeypatch):
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path / "instance"))
    before = _designation_state(database_url)
    assert before["assessment"][list(Assessment.__table__.columns.keys()).index("state")] == "recommended"
    counts = table_counts(database_url)
    process = _worker("designate", database_url, str(before["assessment"][0]))
    out, err = process.communicate(timeout=120)
    assert process.returncode == -signal.SIGKILL and "dying" in out, err  # killed after the state moved, pre-commit
    assert _designation_state(database_url) == before
    assert table_counts(database_url) == counts
    assert integrity_problems(database_url) == []


def test_a_failing_last_step_of_a_designation_rolls_the_request_back(demo, database_url, app, monkeypatch):
    from lpks.accreditation.services import classes as accreditation_classes
    from tests.accreditation_flow.conftest import Api

    before = _designation_state(database_url)
    kemensos = Api(app.test_client(), "kemensos")
    ident = before["assessment"][0]

    def boom(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(accreditation_classes, "recompute", boom)
    app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production: the user gets a 500, the transaction is undone
    response = kemensos.step(ident, "designate", decree_number="KEP-98/2026", decree_date=_today())
    assert response.status_code == 500
    assert _designation_state(database_url) == before
    assert integrity_problems(database_url) == []


def _today() -> str:
    from lpks.platform.clock import today

    return today().isoformat()
