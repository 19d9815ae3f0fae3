"""On a generated data set (benchmarks.generate at a small scale, over the demo's regions): the totals of a province
equal the sum of its kabupaten/kota, and the nation's the sum of its provinces, for every figure and category,
before small cells are masked; and each row of a province's tables is exactly that kabupaten/kota's total."""
from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from lpks.platform.models.region import Region
from lpks.reports.compute import compute, totals
from lpks.reports.scope import Area, Period
from tests.reports.factories import user

SCALE = 0.01  # 20 LPKS, 1,000 children, 1,500 placements, 2,500 titipan periods


@pytest.fixture
def generated(demo, session):
    """The demo plus a generated national-style data set over its regions."""
    from benchmarks.generate import Generator
    from lpks.accreditation.models import AccreditationInstrument
    from lpks.accreditation.services import instruments
    from lpks.extensions import db
    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.residents.services.common import holiday_set

    with demo.app_context():
        kabkota = [(r.code, r.name) for r in db.session.scalars(
            select(Region).where(Region.level == "kabupaten_kota").order_by(Region.code))]
        existing = len(db.session.scalars(select(Institution.id)).all())
        row = db.session.scalar(select(AccreditationInstrument))
        instrument, holidays = instruments.load(row), holiday_set(db.session)
        kemensos_ids = list(db.session.scalars(select(User.id).where(User.role == "kemensos")))
        db.session.close()
        with db.engine.begin() as conn:
            gen = Generator(conn, SCALE, date.today(), holidays, instrument)
            ids, weights = gen.institutions(kabkota, existing)
            gen.staff(ids, weights)
            gen.people(ids, weights)
            gen.assessments(ids, row.id, kemensos_ids)
    return session


def test_totals_of_a_province_are_the_sum_of_its_kabupaten_kota(generated):
    session = generated
    kemensos = user(session, "kemensos")
    today = date.today()
    period = Period(date(today.year - 1, 1, 1), date(today.year, 12, 31), today)
    regions = session.execute(select(Region.code, Region.name, Region.level, Region.province_code)).all()
    nation = compute(session, kemensos, Area("nasional", None, "Nasional"), period)
    keys = list(nation["figures"])
    served = sum(totals(nation, "recipients_by_kind").values())
    assert served > 100, "the generated data set serves children in the period"
    provinces = {}
    for code, name, level, _parent in regions:
        if level == "provinsi":
            provinces[code] = compute(session, kemensos, Area("provinsi", code, name), period)
    for key in keys:
        summed: dict[str, int] = {}
        for data in provinces.values():
            for category, value in totals(data, key).items():
                summed[category] = summed.get(category, 0) + value
        assert summed == totals(nation, key), key
    for province, data in provinces.items():
        kabkota = [(c, n) for c, n, level, parent in regions if level == "kabupaten_kota" and parent == province]
        parts = {c: compute(session, kemensos, Area("kabupaten_kota", c, n), period) for c, n in kabkota}
        for key in keys:
            summed = {}
            for code, part in parts.items():
                part_totals = totals(part, key)
                assert data["figures"][key]["values"].get(code, {}) == part_totals, (province, code, key)
                for category, value in part_totals.items():
                    summed[category] = summed.get(category, 0) + value
            assert summed == totals(data, key), (province, key)
