"""Explicit wiring: importing a module installs nothing; `lpks.wiring.install()` installs every session hook, so a
script or worker that writes without the app keeps the derived data (stored standards evaluation) true."""
from __future__ import annotations

import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import sys
    from sqlalchemy import create_engine, select
    from sqlalchemy.orm import Session

    import lpks.tables  # noqa: F401
    from lpks import wiring
    from lpks.platform.models.user import User
    from lpks.registry.models.evaluation import StandardsEvaluation
    from lpks.registry.services import staff, standards

    assert not wiring.installed(), "importing modules installed session hooks"
    wiring.install()
    wiring.install()  # idempotent
    assert wiring.installed()
    engine = create_engine(sys.argv[1])
    with Session(engine) as session:
        user = session.scalar(select(User).where(User.username == "operator.pasuruan"))
        inst_id = user.institution_id
        before = session.get(StandardsEvaluation, inst_id).compliance
        for n in range(3):
            staff.create(session, user, {"institution_id": inst_id, "name": f"Peksos Skrip {n}",
                                         "function": "peksos", "certification_number": f"SK-{n}",
                                         "certification_date": "2025-01-02"})
        session.commit()
    with Session(engine) as session:
        row = session.get(StandardsEvaluation, inst_id)
        inst = session.get(lpks.tables.registry.Institution, inst_id)
        live = standards.reports_for(session, [inst])[inst_id]
        print(before, row.compliance, live.compliance, len(live.unmet), row.unmet_mandatory)
    engine.dispose()
""")


def test_a_script_that_calls_install_keeps_the_stored_evaluation_true(demo, database_url):
    result = subprocess.run([sys.executable, "-c", SCRIPT, database_url], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    before, stored, live, unmet_live, unmet_stored = result.stdout.split()
    assert stored == live and unmet_live == unmet_stored
    assert stored != before  # the three peksos changed the evaluation, and the hook stored it in the same commit


def test_importing_every_area_installs_no_hook():
    code = ("import lpks.tables, lpks.admin, lpks.cli, lpks.demo; from lpks import wiring; "
            "from lpks.platform import dashboard; "
            "assert not wiring.installed(); assert dashboard._PROVIDERS == []; print('clean')")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0 and result.stdout.strip() == "clean", result.stderr[-3000:]
