"""Scoping: an operator reaches only its own LPKS's accreditation, a Dinas Sosial only its region's, by any path
(API list, detail, writes with incremented ids; pages; admin lists, details and exports); admin sees none."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from lpks.accreditation.models import Assessment, AssessmentEvent
from lpks.registry.models.institution import Institution

from .conftest import PASURUAN, institution_id


def _ids(session, *where) -> list[int]:
    return session.scalars(select(Assessment.id).join(Institution, Institution.id == Assessment.institution_id)
                           .where(*where).order_by(Assessment.id)).all()


WRITES = [("put", "/answers", {"answers": {"a.terdaftar": "terpenuhi"}}), ("post", "/prefill", {}),
          ("post", "/adjustments", {"indicator": "a.terdaftar", "answer": "belum", "reason": "x"}),
          ("post", "/transitions", {"action": "submit"})]


@pytest.mark.parametrize("username, own", [
    ("operator.pasuruan", lambda: Institution.name == PASURUAN),
    ("dinsos.pasuruan", lambda: Institution.kabkota_code == "35.75"),
    ("dinsos.jatim", lambda: Institution.province_code == "35")])
def test_nobody_reaches_an_assessment_outside_their_scope(api, session, username, own):
    mine, others = _ids(session, own()), _ids(session, ~own())
    assert mine and others
    client = api(username)
    listed = {a["id"] for a in client.get("/accreditation/assessments?per_page=100").get_json()["items"]}
    assert listed == set(mine)
    decided = {a["id"] for a in client.get("/accreditation/decisions?per_page=100").get_json()["items"]}
    assert decided <= set(mine)
    for ident in others + [max(mine + others) + 1]:
        base = f"/accreditation/assessments/{ident}"
        for path in (base, base + "/events", base + "/answers"):
            assert client.get(path).status_code == 404, path
        for method, suffix, body in WRITES:
            response = getattr(client, method)(base + suffix, {**body, "version": 1})
            assert response.status_code == 404, (method, suffix)
        for page in (f"/admin/accreditation/{ident}", f"/admin/accreditation/{ident}/certificate"):
            assert client.client.get(page).status_code == 404, page
        posted = client.client.post(f"/admin/accreditation/{ident}/step",
                                    data={"csrf_token": client.token, "action": "submit", "version": "1"})
        assert posted.status_code == 404
    other_lpks = session.scalars(select(Institution.id).where(~own())).all()
    for inst_id in other_lpks:
        assert client.get(f"/accreditation/classes/{inst_id}").status_code == 404
    classes = {c["institution_id"] for c in client.get("/accreditation/classes?per_page=100").get_json()["items"]}
    assert classes.isdisjoint(other_lpks)
    names = set(session.scalars(select(Institution.name).where(~own())))
    report = client.client.get("/admin/accreditation-report/?group=kabupaten_kota").get_data(as_text=True)
    assert not any(name in report for name in names)


def test_admin_event_and_class_lists_are_scoped(api, session):
    operator = api("operator.pasuruan")
    inst_id = institution_id(session, PASURUAN)
    own_events = session.scalars(select(AssessmentEvent.id).where(AssessmentEvent.institution_id == inst_id)).all()
    other_events = session.scalars(select(AssessmentEvent.id).where(AssessmentEvent.institution_id != inst_id)).all()
    listing = operator.client.get("/admin/accreditation_event/?page_size=100").get_data(as_text=True)
    shown = {int(i) for i in re.findall(r"details/\?id=(\d+)", listing)}
    assert shown == set(own_events)
    for ident in other_events[:3]:
        response = operator.client.get(f"/admin/accreditation_event/details/?id={ident}")
        assert response.status_code == 302  # Flask-Admin redirects to the list when a record is not found
    export = operator.client.get("/admin/accreditation_event/export/csv/").get_data(as_text=True)
    assert len([line for line in export.splitlines()[1:] if line.strip()]) == len(own_events)
    classes = operator.client.get("/admin/institution_class/").get_data(as_text=True)
    assert PASURUAN in classes and "Tunas Bangsa" not in classes
    assert operator.client.get("/admin/accreditation_event/edit/?id=1").status_code in (302, 403)


def test_the_system_administrator_sees_no_accreditation_data(api):
    admin = api("admin")
    assert admin.get("/accreditation/assessments").get_json()["total"] == 0
    assert admin.get("/accreditation/classes").status_code == 403
    assert admin.get("/accreditation/report").status_code == 403
    for page in ("/admin/accreditation/", "/admin/accreditation-report/", "/admin/accreditation_event/"):
        assert admin.client.get(page).status_code == 403
