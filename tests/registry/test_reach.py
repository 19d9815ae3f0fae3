"""The authority follows the reach through the API and the registry page (issue 12 item 2): a kabupaten/kota's
change of referral scope or work area beyond its own kabupaten/kota answers 403 naming the authority; a proposal
is recorded instead and the office with the authority accepts or declines it."""
from __future__ import annotations

import re
from html import unescape

import pytest

from tests.registry.conftest import PASURUAN, ids


@pytest.mark.parametrize(("scope", "named"), [("provinsi", "Dinas Sosial provinsi atau Kementerian Sosial"),
                                               ("nasional", "oleh Kementerian Sosial")])
def test_kabkota_patch_of_the_scope_is_refused(browse, session, scope, named):
    lpks = ids(session)[PASURUAN]
    b = browse("dinsos.pasuruan")
    version = b.get(f"/api/v1/institutions/{lpks}").get_json()["version"]
    response = b.api("PATCH", f"/api/v1/institutions/{lpks}", json={"referral_scope": scope, "version": version})
    body = response.get_json()
    assert response.status_code == 403 and body["field"] == "referral_scope" and named in body["message"]
    assert b.get(f"/api/v1/institutions/{lpks}").get_json()["referral_scope"] == "kabupaten_kota"


def test_kabkota_work_area_in_another_province_is_refused(browse, session):
    lpks = ids(session)[PASURUAN]
    response = browse("dinsos.pasuruan").api("PUT", f"/api/v1/institutions/{lpks}/work-area",
                                             json={"kabkota_codes": ["31.74"]})
    assert response.status_code == 403 and "oleh Kementerian Sosial" in response.get_json()["message"]


def test_a_proposal_decided_by_the_office_with_the_authority(browse, session):
    lpks = ids(session)[PASURUAN]
    kabkota = browse("dinsos.pasuruan")
    created = kabkota.api("POST", f"/api/v1/institutions/{lpks}/reach-proposals", json={
        "referral_scope": "provinsi", "kabkota_codes": ["35.14", "35.73"], "reason": "Menerima rujukan se-Jatim"})
    proposal = created.get_json()
    assert created.status_code == 201 and proposal["authority"] == "dinsos_provinsi"
    assert proposal["kabkota_codes"] == ["35.14", "35.73", "35.75"]
    path = f"/api/v1/reach-proposals/{proposal['id']}/decision"
    own = kabkota.api("POST", path, json={"decision": "accepted", "version": proposal["version"]})
    assert own.status_code == 403 and "Dinas Sosial provinsi" in own.get_json()["message"]
    province = browse("dinsos.jatim")
    accepted = province.api("POST", path, json={"decision": "accepted", "version": proposal["version"]})
    assert accepted.status_code == 200 and accepted.get_json()["status"] == "accepted"
    inst = province.get(f"/api/v1/institutions/{lpks}").get_json()
    area = province.get(f"/api/v1/institutions/{lpks}/work-area").get_json()
    assert inst["referral_scope"] == "provinsi" and area["kabkota_codes"] == ["35.14", "35.73", "35.75"]
    again = province.api("POST", path, json={"decision": "declined", "note": "x", "version": proposal["version"] + 1})
    assert again.status_code == 409


def test_a_national_proposal_is_kemensos_alone(browse, session):
    lpks = ids(session)[PASURUAN]
    proposal = browse("dinsos.pasuruan").api("POST", f"/api/v1/institutions/{lpks}/reach-proposals", json={
        "referral_scope": "nasional", "kabkota_codes": ["31.74"], "reason": "Rujukan lintas provinsi"}).get_json()
    assert proposal["authority"] == "kemensos"
    path = f"/api/v1/reach-proposals/{proposal['id']}/decision"
    assert browse("dinsos.jatim").api("POST", path, json={"decision": "accepted",
                                                         "version": proposal["version"]}).status_code == 403
    kemensos = browse("kemensos")
    unexplained = kemensos.api("POST", path, json={"decision": "declined", "version": proposal["version"]})
    assert unexplained.status_code == 422 and unexplained.get_json()["field"] == "note"
    declined = kemensos.api("POST", path, json={"decision": "declined", "note": "Belum ada kerja sama antar "
                                                "provinsi", "version": proposal["version"]})
    assert declined.get_json()["status"] == "declined"
    assert kemensos.get(f"/api/v1/institutions/{lpks}").get_json()["referral_scope"] == "kabupaten_kota"


def test_the_operator_cannot_propose(browse, session):
    lpks = ids(session)[PASURUAN]
    response = browse("operator.pasuruan").api("POST", f"/api/v1/institutions/{lpks}/reach-proposals", json={
        "referral_scope": "provinsi", "kabkota_codes": [], "reason": "x"})
    assert response.status_code == 403


def _form(html: str, testid: str) -> tuple[str, dict[str, str]]:
    match = re.search(r'<form method="post" action="([^"]+)"[^>]*data-testid="%s"(.*?)</form>' % re.escape(testid),
                      html, re.S)
    assert match, testid
    return unescape(match.group(1)), dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"',
                                                    match.group(2)))


def test_the_registry_page_refuses_proposes_and_decides(browse, session):
    lpks = ids(session)[PASURUAN]
    kabkota = browse("dinsos.pasuruan")
    form = kabkota.get(f"/admin/registry/{lpks}/work-area").get_data(as_text=True)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', form).group(1)
    refused = kabkota.post(f"/admin/registry/{lpks}/work-area", data={"csrf_token": token,
                                                                      "kabkota_codes": ["35.75", "31.74"]})
    assert "oleh Kementerian Sosial" in refused.get_data(as_text=True)
    page = kabkota.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    assert "Wewenang mengikuti jangkauan" in page
    action, hidden = _form(page, "propose-reach")
    done = kabkota.post(action, data={**hidden, "referral_scope": "provinsi", "kabkota_codes": "35.14",
                                      "reason": "Melayani Kabupaten Pasuruan"}, follow_redirects=True)
    page = done.get_data(as_text=True)
    assert "Usulan dicatat." in page and "menunggu keputusan" in page and 'data-testid="decide-' not in page
    province = browse("dinsos.jatim")
    page = province.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    testid = re.search(r'data-testid="(decide-\d+)"', page).group(1)
    action, hidden = _form(page, testid)
    page = province.post(action, data={**hidden, "decision": "accepted", "note": ""},
                         follow_redirects=True).get_data(as_text=True)
    assert "Keputusan atas usulan dicatat." in page and "diterima" in page
    assert "Kabupaten Pasuruan (35.14)" in page
