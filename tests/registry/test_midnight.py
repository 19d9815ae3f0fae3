"""Midnight in Jakarta: the worker's daily task stores again exactly the standards evaluations that stopped holding
(no cron, no `lpks standards refresh` by hand), and it is scheduled for just after midnight there."""
from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select, update

from lpks.platform import clock
from lpks.registry.models.evaluation import StandardsEvaluation as E


def _rows(session) -> dict[int, tuple]:
    session.rollback()  # a fresh snapshot: the job committed from its own session
    session.expire_all()
    return {r.institution_id: (r.evaluated_on, r.valid_through) for r in session.scalars(select(E))}


def test_the_daily_job_refreshes_exactly_the_rows_that_no_longer_hold(demo, app, session):
    from lpks.platform.jobs.periodic import daily

    today = clock.today()
    midnight = today + timedelta(days=1)
    ids = sorted(_rows(session))
    # two LPKS whose stored evaluation holds through today only (a certificate ending today, say)
    session.execute(update(E).where(E.institution_id.in_(ids[:2])).values(valid_through=today))
    session.commit()
    before = _rows(session)
    stale = {ident for ident, (evaluated, through) in before.items() if through < midnight or evaluated > midnight}
    assert set(ids[:2]) <= stale < set(ids)  # some stop holding at midnight, others still hold

    done = daily(app, midnight)

    after = _rows(session)
    assert done["standards"] == len(stale)
    assert {ident for ident in after if after[ident] != before[ident]} == stale
    assert all(after[ident][0] == midnight <= after[ident][1] for ident in stale)
    assert daily(app, midnight)["standards"] == 0  # everything holds now


def test_the_daily_task_is_scheduled_just_after_midnight_in_jakarta(app):
    from lpks.platform.jobs.queue import queue

    huey = queue(app)
    due = {task.name for task in huey.read_periodic(datetime(2026, 3, 1, 17, 5))}  # 00:05 WIB, huey's UTC clock
    assert "lpks_daily" in due
    assert "lpks_daily" not in {task.name for task in huey.read_periodic(datetime(2026, 3, 1, 0, 5))}
