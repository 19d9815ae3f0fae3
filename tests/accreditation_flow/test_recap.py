"""The recap page: its regions come from SQL aggregates and equal the workbook's compilation (every LPKS read in
Python) for every role and grouping; it lists one page of LPKS, not all of them."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select, update

from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.accreditation.recap import recap_page
from lpks.accreditation.reports import compile_report
from lpks.platform import clock
from lpks.platform.models.user import User

USERS = ["kemensos", "dinsos.jatim", "dinsos.pasuruan", "operator.pasuruan"]


def _figures(regions):
    return [(r.code, r.name, r.total, dict(r.grades), dict(r.classes), r.in_process, r.expiring) for r in regions]


@pytest.mark.parametrize("group", ["provinsi", "kabupaten_kota"])
def test_the_recap_figures_equal_the_full_compilation(api, session, group):
    for username in USERS:
        user = session.scalar(select(User).where(User.username == username))
        full = compile_report(session, user, group)
        page = recap_page(session, user, group, per_page=2)
        assert _figures(page.regions) == _figures(full.regions), username
        assert page.total == len(full.lpks) and len(page.lpks) == min(2, len(full.lpks))
        assert [x.institution.id for x in page.lpks] == [x.institution.id for x in full.lpks][:2]


def test_an_accreditation_that_ended_counts_as_none_and_an_unstored_class_is_still_counted(api, session):
    user = session.scalar(select(User).where(User.username == "kemensos"))
    ended = clock.today() - timedelta(days=1)
    stored = session.scalars(select(InstitutionClass).where(InstitutionClass.grade.is_not(None))).first()
    # its accreditation ended yesterday and the daily job has not run yet: both readings must say "none"
    session.execute(update(InstitutionClass).where(InstitutionClass.id == stored.id).values(valid_until=ended))
    session.execute(update(Assessment).where(Assessment.id == stored.assessment_id).values(valid_until=ended))
    other = session.scalars(select(InstitutionClass).where(InstitutionClass.id != stored.id)).first()
    session.delete(other)
    session.flush()
    assert _figures(recap_page(session, user, "provinsi").regions) == _figures(
        compile_report(session, user, "provinsi").regions)


def test_the_page_shows_one_page_of_lpks_and_a_pager(api, monkeypatch):
    from lpks.accreditation import recap

    monkeypatch.setattr(recap, "PAGE_SIZE", 2)
    monkeypatch.setattr(recap_page, "__defaults__", (None, 1, 2, None))
    client = api("kemensos").client
    first = client.get("/admin/accreditation-report/").get_data(as_text=True)
    assert "Halaman 1 dari 3 (6 LPKS)" in first and 'data-testid="recap-next"' in first
    last = client.get("/admin/accreditation-report/?page=3").get_data(as_text=True)
    assert "Halaman 3 dari 3" in last and 'data-testid="recap-next"' not in last
