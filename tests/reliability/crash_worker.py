"""Run in a child process by the crash tests: a long import, or a designation, that the parent (or the step itself)
kills with SIGKILL halfway. Usage: python crash_worker.py import|designate DATABASE_URL [WORKBOOK | ASSESSMENT_ID]."""
from __future__ import annotations

import os
import signal
import sys


def _app(url: str):
    from lpks import create_app

    return create_app({"DATABASE_URL": url, "PASSWORD_HASH_FAST": True, "REGIONS_FILE": "/nonexistent.csv"})


def _user(session, username: str):
    from sqlalchemy import select

    from lpks.platform.models.user import User

    return session.scalar(select(User).where(User.username == username))


def run_import(url: str, workbook: str) -> None:
    """Import the workbook as operator.pasuruan, printing progress (the parent kills us)."""
    from lpks.extensions import db
    from lpks.residents.services import importing as residents_import
    from lpks.residents.services.importing import import_residents

    from lpks.residents.services import batch as residents_batch

    original, original_many, done = residents_import._row, residents_batch.create_many, [0]

    def progress(rows: int) -> None:
        done[0] += rows
        if done[0] % 250 == 0:
            print(f"rows {done[0]}", flush=True)

    def counted(session, user, row):
        original(session, user, row)
        progress(1)

    def counted_many(session, user, items):  # identity-only rows are registered in batches
        found = original_many(session, user, items)
        progress(len(items))
        return found

    residents_import._row = counted
    residents_batch.create_many = counted_many
    with _app(url).app_context():
        with open(workbook, "rb") as stream:
            import_residents(db.session, _user(db.session, "operator.pasuruan"), stream)
        db.session.commit()
    print("finished", flush=True)


def run_designate(url: str, ident: str) -> None:
    """Designate as kemensos; the class recomputation (the last step, after every flush) kills the process."""
    from lpks.extensions import db
    from lpks.accreditation.services import (
        assessments as accreditation,
        classes as accreditation_classes,
        steps as accreditation_steps,
    )
    from lpks.platform import clock

    def die(*_args, **_kwargs):
        print("dying", flush=True)
        os.kill(os.getpid(), signal.SIGKILL)

    accreditation_classes.recompute = die
    with _app(url).app_context():
        user = _user(db.session, "kemensos")
        row = accreditation.get(db.session, user, int(ident))
        accreditation_steps.transition(db.session, user, row, {
            "action": "designate", "version": row.version, "decree_number": "KEP-99/2026",
            "decree_date": clock.today().isoformat()})
        db.session.commit()
    print("finished", flush=True)


if __name__ == "__main__":
    {"import": run_import, "designate": run_designate}[sys.argv[1]](*sys.argv[2:])
