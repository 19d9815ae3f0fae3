"""`lpks holidays seed [--years …]` (also run by `lpks demo`) is idempotent and keeps manual dates."""
from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select

from lpks.cli import main
from lpks.platform.models.holiday import Holiday
from lpks.residents.models.resident import Resident


@pytest.fixture
def run(database_url, cli_env):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, list(args), env={**cli_env, "DATABASE_URL": database_url},
                             catch_exceptions=False)
    return invoke


def _count(url, model, *where):
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.scalar(select(func.count()).select_from(model).where(*where))
    engine.dispose()
    return value


def test_seed_years_idempotent(run, database_url):
    first = run("holidays", "seed", "--years", "2026", "2027")
    assert first.exit_code == 0, first.output
    created = _count(database_url, Holiday)
    assert created > 30 and "2026, 2027" in first.output
    assert _count(database_url, Holiday, Holiday.kind == "cuti_bersama") > 0
    again = run("holidays", "seed", "--years", "2026", "2027")
    assert again.exit_code == 0 and "0 tanggal baru" in again.output
    assert _count(database_url, Holiday) == created


def test_seed_default_is_this_year_and_next_and_bad_years_fail(run):
    result = run("holidays", "seed")
    assert result.exit_code == 0 and "tanggal baru" in result.output
    bad = run("holidays", "seed", "--years", "1800")
    assert bad.exit_code != 0 and "[years]" in bad.output


def test_demo_seeds_the_calendar_and_children_once(run, database_url):
    assert run("demo").exit_code == 0
    holidays, children = _count(database_url, Holiday), _count(database_url, Resident)
    from lpks.cases.demo import CHILDREN as CASE_CHILDREN

    # seven children of the residents demo (one placed on a Pasal 14 meeting); the case demo admits its own
    # (and one in Jakarta Timur); the Dinas Sosial's demo registers six children of its own cases (RULES §8)
    assert holidays > 20 and children == 7 + len(CASE_CHILDREN) + 1 + 6
    assert run("demo").exit_code == 0
    assert (_count(database_url, Holiday), _count(database_url, Resident)) == (holidays, children)
