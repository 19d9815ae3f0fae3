"""One policy, every path: an operator never reaches another LPKS's children, a Dinas Sosial never another
region's — admin list, details, edit, delete, export, prints, identity, API list, detail, update and actions."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.platform.models.user import User
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from tests.conftest import csrf_token, login

from .conftest import (
    JAKARTA_LPKS,
    PASURUAN_CITY,
    SURABAYA,
    Api,
    admitted,
    child,
    institution_id,
)


def _seed_in(app, name: str) -> dict:
    """A resident with an admitted titipan placement in another LPKS, made through the services."""
    from lpks.extensions import db
    from lpks.residents.services import admission as placements_admission
    from lpks.residents.services import custody, placements, residents

    with app.app_context():
        inst = institution_id(db.session, name)
        user = User(username=f"op{inst}", password_hash="-", role="operator_lpks", institution_id=inst)
        resident = residents.create(db.session, user, child(full_name="Rahasia Sekali", register_number=f"X-{inst}"))
        placement = placements.create(db.session, user, {"resident_id": resident.id, "basis": "titipan",
                                                         "conditions": ["keamanan_anak"], "start_date": "2025-08-11"})
        for code, _l, _p in placements_admission.document_choices("titipan"):
            placements_admission.add_document(db.session, user, placement, {"code": code, "number": "1",
                                                                             "dated": "2025-08-01"})
        period = custody.open_period(db.session, user, placement, {
            "level": "penyidikan", "start_date": "2025-08-11", "granted_days": 7, "depositor_agency": "Polres",
            "depositor_superior": "Polda"})
        placements_admission.admit(db.session, user, placement, {})
        db.session.flush()
        ids = {"resident": resident.id, "placement": placement.id, "period": period.id,
               "placement_version": placement.version,
               "document": placements_admission.on_file(db.session, placement)["resume_kasus"].id}
        db.session.commit()
        return ids


@pytest.fixture
def others(seeded):
    return {SURABAYA: _seed_in(seeded, SURABAYA), JAKARTA_LPKS: _seed_in(seeded, JAKARTA_LPKS)}


VISIBLE = {"operator.pasuruan": set(), "dinsos.pasuruan": set(), "dinsos.jatim": {SURABAYA},
           "kemensos": {SURABAYA, JAKARTA_LPKS}}


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_reading_follows_the_scope(others, client, username):
    api = Api(client, username)
    listing = client.get("/admin/resident/?page_size=100").get_data(as_text=True)
    placements = client.get("/admin/placement/").get_data(as_text=True)
    api_list = {r["register_number"] for r in api.get("/residents?per_page=100").get_json()["items"]}
    for name, ids in others.items():
        inside = name in VISIBLE[username]
        assert (f"/admin/resident/details/?id={ids['resident']}" in listing) == inside, name
        assert (f"/admin/placement/details/?id={ids['placement']}" in placements) == inside, name
        assert (api.get(f"/residents/{ids['resident']}").status_code == 200) == inside
        assert (api.get(f"/placements/{ids['placement']}").status_code == 200) == inside
        assert (api.get(f"/custody-periods/{ids['period']}").status_code == 200) == inside
        details = client.get(f"/admin/resident/details/?id={ids['resident']}")
        assert (details.status_code == 200) == inside
        assert (client.get(f"/admin/placement/details/?id={ids['placement']}").status_code == 200) == inside
    assert len([r for r in api_list if r.startswith("X-")]) == len(VISIBLE[username])


@pytest.mark.parametrize("username", ["operator.pasuruan", "dinsos.pasuruan"])
def test_no_write_or_identity_path_reaches_another_lpks(others, client, session, username):
    api = Api(client, username)
    token = csrf_token(client, "/account/")
    for ids in others.values():
        rid, pid, period = ids["resident"], ids["placement"], ids["period"]
        assert api.get(f"/residents/{rid}/identity").status_code == 404
        assert api.patch(f"/residents/{rid}", {"full_name": "x", "version": 1}).status_code == 404
        assert api.patch(f"/placements/{pid}", {"note": "x", "version": 1}).status_code == 404
        for action, body in (("admit", {}), ("exit", {"exit_reason": "completed"}),
                             ("behaviour", {"behaviour_good": True}), ("documents", {"code": "resume_kasus"}),
                             ("custody-periods", {"level": "penuntutan"})):
            assert api.post(f"/placements/{pid}/{action}", body).status_code == 404, action
        assert api.delete(f"/placements/{pid}").status_code == 404
        assert api.delete(f"/placement-documents/{ids['document']}").status_code == 404
        assert api.post(f"/custody-periods/{period}/notice", {}).status_code == 404
        assert api.post(f"/custody-periods/{period}/extensions", {"days": 1}).status_code == 404
        for path in (f"/admin/resident/identity/?id={rid}", f"/admin/placement/print/bast/?id={pid}",
                     f"/admin/placement/exit/?id={pid}", f"/admin/placement/custody/notice/?id={pid}&period={period}",
                     f"/admin/placement/admit/?id={pid}"):
            assert client.post(path, data={"csrf_token": token, "exit_reason": "completed"}).status_code == 404, path
        assert client.get(f"/admin/placement/add/?resident_id={rid}").status_code == 404
    session.rollback()
    for ids in others.values():
        assert session.get(Resident, ids["resident"]).version == 1
        placement = session.get(Placement, ids["placement"])
        assert placement.version == ids["placement_version"] and placement.status == "present"
    others_periods = [ids["period"] for ids in others.values()]  # (the demo's own LPKS has a notice sent late)
    assert session.scalar(select(CustodyPeriod.notice_sent_on).where(CustodyPeriod.id.in_(others_periods),
                                                                     CustodyPeriod.notice_sent_on.is_not(None))) is None


def test_incremented_ids_reveal_nothing(others, client):
    api = Api(client, "operator.pasuruan")
    own = {r["id"] for r in api.get("/residents?per_page=100").get_json()["items"]}
    for ident in range(1, 40):
        expected = 200 if ident in own else 404
        assert api.get(f"/residents/{ident}").status_code == expected
        assert api.get(f"/residents/{ident}/identity").status_code == expected


def test_province_export_holds_its_province_pseudonymised(others, client):
    from .test_residents import xlsx_text

    login(client, "dinsos.jatim")
    text = xlsx_text(client.get("/admin/resident/export.xlsx").data)
    assert SURABAYA in text and JAKARTA_LPKS not in text and "Rahasia" not in text and "R.S." in text
    placements = client.get("/admin/placement/export/csv/").get_data(as_text=True)
    assert "R.S." in placements and "Rahasia" not in placements
    assert [line for line in placements.splitlines() if line.startswith(f"{others[JAKARTA_LPKS]['placement']},")] == []


def test_operator_export_and_lists_hold_only_its_lpks(others, client, session):
    from .test_residents import xlsx_text

    login(client, "operator.pasuruan")
    text = xlsx_text(client.get("/admin/resident/export.xlsx").data)
    assert PASURUAN_CITY in text and SURABAYA not in text and JAKARTA_LPKS not in text
    csv = client.get("/admin/custody/export/csv/").get_data(as_text=True)
    for ids in others.values():
        assert f"\n{ids['placement']}," not in csv


def test_kabkota_reveals_identity_in_its_region_only(others, client, seeded):
    operator = Api(client, "operator.pasuruan")
    own = admitted(operator, "diversi")
    api = Api(client, "dinsos.pasuruan")
    assert api.get(f"/residents/{own['resident_id']}/identity").status_code == 200
    assert api.get(f"/residents/{others[SURABAYA]['resident']}/identity").status_code == 404
