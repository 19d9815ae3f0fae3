"""A diversion invitation that ends in an LPKS placement (RULES §7, §8): the Dinas Sosial refers the case, the LPKS
accepts, and the LPKS's resident record and case continue the same case: one child, one case, never a copy."""
from __future__ import annotations

import re
from datetime import datetime, time

from sqlalchemy import func, select

from lpks.cases.models import CaseStage, ChildCase
from lpks.intake.models import CaseIntake
from lpks.residents.models.resident import Resident
from lpks.residents.services import admission
from tests.conftest import login

from .conftest import JAKARTA, TODAY, Api, intake_body

PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"


def _diversion_case(site, peksos):
    body = intake_body(origin="undangan_diversi", reporter_kind="penyidik", reporter_name=None,
                       reporter_agency="Unit PPA Polres Pasuruan Kota", letter_number="B/77/VIII/2025",
                       case_manager_user_id=site.peksos.id)
    case = peksos.post("/cases", body).get_json()
    ident = case["id"]
    for path, payload in (
            ("/intake/steps", {"step": "pendampingan_abh", "done_on": "2025-08-11", "outcome": "Didampingi"}),
            ("/intake/route", {"version": 1}),
            ("/intake/steps", {"step": "pendampingan_diversi", "done_on": "2025-08-11",
                               "diversion_result": "sepakat",
                               "recommendations": "Rehabilitasi sosial di LPKS selama 3 bulan"})):
        answer = peksos.post(f"/cases/{ident}{path}", payload)
        assert answer.status_code == 200, (path, answer.get_json())
    return ident


def test_a_diversion_invitation_to_an_lpks_placement_through_the_api(site, client):
    from lpks.registry.models.institution import Institution

    lpks = site.session.scalar(select(Institution).where(Institution.name == PASURUAN_CITY))
    peksos = Api(client, "peksos.pasuruan")
    ident = _diversion_case(site, peksos)
    child_id = peksos.get(f"/cases/{ident}").get_json()["child"]["resident_id"]
    sent = peksos.post("/referrals", {
        "case_id": ident, "receiver_kind": "lpks", "receiver_institution_id": lpks.id, "residential": True,
        "reason": "Rekomendasi hasil diversi: rehabilitasi di LPKS", "services_asked": ["perawatan_pengasuhan"],
        "shared": ["identitas", "asesmen"], "child_consent": True, "parent_consent": True})
    assert sent.status_code == 201, sent.get_json()
    referral = sent.get_json()
    letter = peksos.post(f"/cases/{ident}/intake/products",
                         {"kind": "rujukan", "number": "R/12/2025", "referral_id": referral["id"]})
    assert letter.status_code == 200
    case = peksos.get(f"/cases/{ident}").get_json()
    assert (case["service_product_issued_on"], case["days_taken"], case["service_state"]) == (
        TODAY.isoformat(), 0, "on_time")

    operator = Api(site.app.test_client(), "operator.pasuruan")
    assert operator.get(f"/cases/{ident}").status_code == 404  # not the LPKS's before it accepts
    accepted = operator.post(f"/referrals/{referral['id']}/accept", {"version": referral["version"]})
    assert accepted.status_code == 200, accepted.get_json()

    site.session.rollback()
    child = site.session.get(Resident, child_id)
    assert (child.institution_id, child.owner_region_code) == (lpks.id, None)  # the same record, now the LPKS's
    moved = site.session.get(ChildCase, ident)
    assert (moved.institution_id, moved.owner_region_code, moved.origin) == (lpks.id, None, "undangan_diversi")
    assert site.session.scalar(select(func.count()).select_from(Resident).where(
        Resident.full_name == "Raka Pratama Putra")) == 1  # never a second copy of the child
    intake = site.session.scalar(select(CaseIntake).where(CaseIntake.case_id == ident))
    assert intake.owner_region_code == "35.75"  # the office keeps its service-time record

    placed = operator.post("/placements", {"resident_id": child_id, "basis": "diversi",
                                           "start_date": TODAY.isoformat()})
    assert placed.status_code == 201, placed.get_json()
    placement = placed.get_json()
    moment = datetime.combine(TODAY, time(9), tzinfo=JAKARTA)
    for code, _label, _pasal in admission.document_choices("diversi"):
        added = operator.post(f"/placements/{placement['id']}/documents",
                              {"code": code, "number": "D-1", "dated": moment.date().isoformat(),
                                   "received_at": moment.isoformat()})
        assert added.status_code in (200, 201), added.get_json()
    admitted = operator.post(f"/placements/{placement['id']}/admit", {"handover_at": moment.isoformat()})
    assert admitted.status_code == 200, admitted.get_json()

    site.session.rollback()
    assert site.session.scalar(select(func.count()).select_from(ChildCase).where(
        ChildCase.resident_id == child_id)) == 1  # the admission continues the same case
    continued = operator.get(f"/cases/{ident}").get_json()
    assert continued["id"] == ident and continued["child"]["resident_id"] == child_id
    assert continued["intake"] is None and continued["received_on"] is None  # the office's records stay its own
    stages = {s.stage for s in site.session.scalars(select(CaseStage).where(CaseStage.case_id == ident))}
    assert {"pendekatan_awal", "asesmen", "rencana", "intervensi"} <= stages

    office = Api(site.app.test_client(), "peksos.pasuruan")
    shown = office.get(f"/cases/{ident}/intake").get_json()
    assert shown["handed_over"] is True and shown["allowed_actions"] == []
    tiles = office.get("/cases?service=due").get_json()["items"]
    assert ident not in [row["id"] for row in tiles]


def test_the_referral_through_the_web_from_the_procedure_tab(site, client):
    peksos = Api(client, "peksos.pasuruan")
    ident = _diversion_case(site, peksos)
    html = client.get(f"/admin/case/details/?id={ident}&tab=prosedur").get_data(as_text=True)
    link = re.search(r'href="([^"]+)" data-testid="refer"', html).group(1).replace("&amp;", "&")
    form = client.get(link)
    assert form.status_code == 200 and PASURUAN_CITY in form.get_data(as_text=True)
    other = site.app.test_client()
    login(other, "peksos2.pasuruan")
    html = other.get(f"/admin/case/details/?id={ident}&tab=prosedur").get_data(as_text=True)
    assert 'data-testid="refer"' not in html  # only the officers of the case refer
