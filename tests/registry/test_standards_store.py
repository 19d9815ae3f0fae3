"""The stored standards evaluation: equal to the live evaluation after every change, held only while no recorded
date can change it, evaluated on the fly (never written) by readers when it does not hold, stored again daily."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

import pytest
from click.testing import CliRunner
from sqlalchemy import delete, func, select

from lpks.cli import main
from lpks.extensions import db
from lpks.platform import clock, dashboard
from lpks.platform.models.user import User
from lpks.registry import dashboard as registry_dashboard
from lpks.registry.models.evaluation import StandardsEvaluation
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import standards, standards_store
from lpks.registry.services.standards import holds_through
from tests.registry.conftest import PASURUAN, TARUNA

DAY = date(2026, 3, 10)


@pytest.mark.parametrize("dates, through", [
    ([], date(2026, 12, 31)),  # the year's end: funding and reports count by year
    ([date(2026, 3, 9), None], date(2026, 12, 31)),  # a past date no longer turns anything
    ([date(2026, 3, 10)], date(2026, 3, 10)),  # `day <= x` turns the day after
    ([date(2026, 3, 11)], date(2026, 3, 10)),  # `x <= day` turns on x
    ([date(2026, 4, 1), date(2026, 3, 20)], date(2026, 3, 19)),
    ([date(2027, 2, 1)], date(2026, 12, 31)),
])
def test_an_evaluation_holds_until_the_first_date_that_can_change_it(dates, through):
    assert holds_through(DAY, dates) == through


def _stored(session, inst_id):
    session.rollback()
    return session.get(StandardsEvaluation, inst_id, populate_existing=True)


def _live(session, inst):
    return standards.reports_for(session, [inst])[inst.id]


def test_every_demo_lpks_has_a_row_equal_to_the_live_evaluation(demo, session):
    institutions = list(session.scalars(select(Institution)))
    for inst in institutions:
        row, live = _stored(session, inst.id), _live(session, inst)
        assert row is not None and row.evaluated_on == clock.today() <= row.valid_through
        assert (row.compliance, row.unmet_mandatory) == (live.compliance, len(live.unmet))


def test_a_change_evaluates_its_lpks_again_in_the_same_commit(demo, session):
    inst = session.scalar(select(Institution).where(Institution.name == TARUNA))
    before = _stored(session, inst.id).compliance
    for n in range(3):
        session.add(StaffMember(institution_id=inst.id, name=f"Peksos {n}", function="peksos",
                                certification_number=f"S-{n}", certification_date=clock.today(),
                                certification_valid_until=clock.today() + timedelta(days=40 + n)))
    session.commit()
    row, live = _stored(session, inst.id), _live(session, inst)
    assert (row.compliance, row.unmet_mandatory) == (live.compliance, len(live.unmet)) and row.compliance != before
    # The first certificate's last day is the last day the stored figure holds.
    assert row.valid_through <= clock.today() + timedelta(days=40)


def test_a_rolled_back_change_leaves_the_row(demo, session):
    inst = session.scalar(select(Institution).where(Institution.name == TARUNA))
    before = _stored(session, inst.id)
    kept = (before.compliance, before.valid_through)
    session.add(StaffMember(institution_id=inst.id, name="Batal", function="peksos", certification_number="X"))
    session.flush()
    session.rollback()
    after = _stored(session, inst.id)
    assert (after.compliance, after.valid_through) == kept


def _dashboard(app, username):
    with app.test_request_context("/"):
        user = db.session.scalar(select(User).where(User.username == username))
        section = registry_dashboard.compliance_section(db.session, user)
        dashboard.resolve(db.session, [section])
        db.session.rollback()
        return [tile.value for tile in section.tiles], section.rows


def test_readers_evaluate_missing_or_outdated_rows_on_the_fly_without_writing(demo, session, monkeypatch):
    tiles, rows = _dashboard(demo, "dinsos.jatim")
    session.execute(delete(StandardsEvaluation))
    session.commit()
    assert _dashboard(demo, "dinsos.jatim") == (tiles, rows)
    assert session.scalar(select(func.count()).select_from(StandardsEvaluation)) == 0  # a read writes nothing
    later = clock.today() + timedelta(days=400)  # every row out of date: the figures are those of that day
    monkeypatch.setattr(clock, "today", lambda: later)
    province = list(session.scalars(select(Institution).where(Institution.province_code == "35")))
    reports = standards.reports_for(session, province, later)
    tiles_later, _rows = _dashboard(demo, "dinsos.jatim")
    assert tiles_later[1] == (sum(r.compliance for r in reports.values()) / len(reports)).quantize(Decimal("0.01"))


def test_the_daily_refresh_stores_what_no_longer_holds(demo, session, monkeypatch):
    later = clock.today() + timedelta(days=400)
    monkeypatch.setattr(clock, "today", lambda: later)
    assert standards_store.refresh(session) == session.scalar(select(func.count()).select_from(Institution))
    session.commit()
    assert standards_store.refresh(session) == 0  # everything holds now
    rows = session.scalars(select(StandardsEvaluation)).all()
    assert rows and all(r.evaluated_on == later <= r.valid_through for r in rows)


def test_the_cli_refresh(demo, session, database_url, cli_env):
    session.execute(delete(StandardsEvaluation))
    session.commit()
    result = CliRunner().invoke(main, ["standards", "refresh"], env={**cli_env, "DATABASE_URL": database_url},
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    count = session.scalar(select(func.count()).select_from(Institution))
    assert f"{count} evaluasi standar" in result.output
    session.rollback()
    assert session.scalar(select(func.count()).select_from(StandardsEvaluation)) == count
    again = CliRunner().invoke(main, ["standards", "refresh"], env={**cli_env, "DATABASE_URL": database_url},
                               catch_exceptions=False)
    assert "0 evaluasi standar" in again.output  # everything holds: nothing to store
    forced = CliRunner().invoke(main, ["standards", "refresh", "--all"],
                                env={**cli_env, "DATABASE_URL": database_url}, catch_exceptions=False)
    assert forced.exit_code == 0 and f"{count} evaluasi standar" in forced.output


def test_the_registry_list_shows_the_stored_figures(browse, session):
    inst = session.scalar(select(Institution).where(Institution.name == PASURUAN))
    row = _stored(session, inst.id)
    page = browse("dinsos.pasuruan").get("/admin/registry/").get_data(as_text=True)
    shown = f"{row.compliance:.2f}".replace(".", ",")
    assert PASURUAN in page and shown in page


def test_records_the_evaluation_refuses_do_not_block_a_write(demo, session, monkeypatch):
    """A record the evaluation cannot read (here: forced) must not fail the user's save: the row is stored as not
    holding, and the pages evaluate that LPKS on the fly as before."""
    from accreditation import AccreditationError

    inst = session.scalar(select(Institution).where(Institution.name == TARUNA))
    real = standards.evaluations

    def refuse_taruna(sess, institutions, as_of):
        if any(i.id == inst.id for i in institutions):
            raise AccreditationError("staff", "Fungsi tenaga tidak dikenal.")
        return real(sess, institutions, as_of)

    monkeypatch.setattr(standards, "evaluations", refuse_taruna)
    session.add(StaffMember(institution_id=inst.id, name="Tetap Tersimpan", function="tks"))
    session.commit()
    row = _stored(session, inst.id)
    assert row.valid_through < clock.today()  # not holding: readers evaluate it themselves
    assert session.scalar(select(func.count()).select_from(StaffMember).where(StaffMember.name == "Tetap Tersimpan"))
