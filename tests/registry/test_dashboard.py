"""Dashboards of the Dinas Sosial and the province: their LPKS with compliance, and registrations, certifications
and SPPA trainings that expire within 90 days (day 90 in, day 91 out), each linking to its record."""
from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import select

from lpks.extensions import db
from lpks.platform import dashboard
from lpks.platform.models.user import User
from lpks.registry import dashboard as registry_dashboard
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import standards
from lpks.registry.services.common import today
from tests.registry.conftest import JAKARTA, PASURUAN, SURABAYA, TARUNA, ids


def _sections(app, username):
    with app.test_request_context("/"):
        user = db.session.scalar(select(User).where(User.username == username))
        sections = (registry_dashboard.compliance_section(db.session, user),
                    registry_dashboard.expiry_section(db.session, user))
        dashboard.resolve(db.session, [s for s in sections if s is not None])
        return sections


def test_kabkota_sees_its_lpks_with_compliance_and_links(demo, session):
    compliance, expiry = _sections(demo, "dinsos.pasuruan")
    assert [row[0] for row in compliance.rows] == [PASURUAN]
    assert compliance.rows[0][2].endswith("%") and compliance.row_links[0].endswith(f"/admin/registry/{ids(session)[PASURUAN]}")
    kinds = {row[0] for row in expiry.rows}
    assert kinds == {"Tanda daftar", "Sertifikasi", "Pelatihan SPPA"}
    assert all(link for link in expiry.row_links)


def test_province_sees_every_lpks_of_the_province_only(demo, session):
    compliance, expiry = _sections(demo, "dinsos.jatim")
    names = {row[0] for row in compliance.rows}
    assert {PASURUAN, TARUNA, SURABAYA} <= names and JAKARTA not in names
    assert JAKARTA not in {row[1] for row in expiry.rows}
    # The lapsed registration of the Malang LPKS is listed as expired.
    assert any(row[1] == "LPKS Cahaya Anak Malang" and row[4] == "Kedaluwarsa" for row in expiry.rows)


def test_national_gets_figures_without_lists(demo):
    compliance, expiry = _sections(demo, "kemensos")
    assert compliance is None and expiry.tiles and not expiry.rows


@pytest.mark.parametrize("days, listed", [(0, True), (90, True), (91, False), (-1, True)])
def test_the_90_day_window(demo, session, days, listed):
    inst = session.scalar(select(Institution).where(Institution.name == TARUNA))
    session.add(StaffMember(institution_id=inst.id, name="Uji Batas", function="peksos", certification_number="S",
                            certification_valid_until=today() + timedelta(days=days)))
    session.commit()
    _c, expiry = _sections(demo, "dinsos.jatim")
    assert any("Uji Batas" in row[2] for row in expiry.rows) is listed


def test_staff_who_left_are_not_listed(demo, session):
    inst = session.scalar(select(Institution).where(Institution.name == TARUNA))
    session.add(StaffMember(institution_id=inst.id, name="Sudah Keluar", function="tks", sppa_training_date=today(),
                            sppa_valid_until=today() + timedelta(days=5), active_until=today() - timedelta(days=1)))
    session.commit()
    _c, expiry = _sections(demo, "dinsos.jatim")
    assert not any("Sudah Keluar" in row[2] for row in expiry.rows)


def test_the_api_lists_the_same_with_codes(browse):
    body = browse("dinsos.pasuruan").get("/api/v1/registry/expiring").get_json()
    assert body["days"] == 90 and {i["kind"] for i in body["items"]} == {"registration", "certification", "sppa"}
    assert all(i["state"] in ("segera_berakhir", "kedaluwarsa") for i in body["items"])
    assert body["counts"] == {k: sum(1 for i in body["items"] if i["kind"] == k)
                              for k in ("registration", "certification", "sppa")}


def test_operators_see_their_own_lpks(demo):
    compliance, expiry = _sections(demo, "operator.pasuruan")
    assert [row[0] for row in compliance.rows] == [PASURUAN] and expiry.rows


def test_figures_count_every_row_not_only_the_listed_ones(demo, session, monkeypatch):
    """The tables stop at LOWEST_ROWS / DASHBOARD_ROWS; the tiles are COUNTs and the mean is over every LPKS."""
    full_compliance, full_expiry = _sections(demo, "dinsos.jatim")
    listed = {kind: sum(1 for row in full_expiry.rows if row[0] == kind) for kind in
              ("Tanda daftar", "Sertifikasi", "Pelatihan SPPA")}
    with demo.test_request_context("/"):
        user = db.session.scalar(select(User).where(User.username == "dinsos.jatim"))
        reports = standards.reports_for(db.session, list(db.session.scalars(
            select(Institution).where(Institution.province_code == "35"))))
        never = sum(1 for row in full_compliance.rows if row[4] == "belum diverifikasi")
    monkeypatch.setattr(registry_dashboard, "DASHBOARD_ROWS", 1)
    monkeypatch.setattr(registry_dashboard, "LOWEST_ROWS", 1)
    compliance, expiry = _sections(demo, "dinsos.jatim")
    assert len(compliance.rows) == 1 and len(expiry.rows) == 1
    lpks, mean, unverified = (tile.value for tile in compliance.tiles)
    assert lpks == len(reports) == len(full_compliance.rows) >= 3
    assert mean == (sum(r.compliance for r in reports.values()) / len(reports)).quantize(Decimal("0.01"))
    assert unverified == never
    assert [tile.value for tile in expiry.tiles] == list(listed.values()) and sum(listed.values()) > 1
    with demo.test_request_context("/"):
        counts = registry_dashboard.expiring_counts(db.session, user)
    assert counts == dict(zip(("registration", "certification", "sppa"), listed.values()))


def test_the_national_counts_need_no_list(demo, session):
    compliance, expiry = _sections(demo, "kemensos")
    with demo.test_request_context("/"):
        user = db.session.scalar(select(User).where(User.username == "kemensos"))
        rows = registry_dashboard.expiring(db.session, user)
    assert [tile.value for tile in expiry.tiles] == [sum(1 for r in rows if r.kind == k)
                                                     for k in ("registration", "certification", "sppa")]


def test_a_tile_with_a_text_value_renders(browse, monkeypatch):
    from lpks.platform import dashboard

    def text_tiles(session, user):
        return dashboard.Section("Uji ubin", tiles=[dashboard.Tile("Status", "belum dinilai <b>"),
                                                    dashboard.Tile("Jumlah", 12345), dashboard.Tile("Kosong", None)])

    monkeypatch.setattr(dashboard, "_PROVIDERS", [*dashboard._PROVIDERS, (99, text_tiles)])
    response = browse("dinsos.pasuruan").get("/")
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Uji ubin" in page
    assert "belum dinilai &lt;b&gt;" in page and "12.345" in page and ">None<" not in page
