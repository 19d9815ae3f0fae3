"""Verification by the Dinas Sosial kabupaten/kota: rounds, findings with notes, finalisation, history, and who
reads what (RULES §2)."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.registry.models.verification import Verification
from tests.registry.conftest import PASURUAN, SURABAYA, TARUNA, ids

YESTERDAY = (date.today() - timedelta(days=1)).isoformat()


def _open(b, lpks, visit=YESTERDAY):
    return b.api("POST", "/api/v1/verifications", json={"institution_id": lpks, "visit_date": visit,
                                                        "team": "Seksi Rehsos"})


def test_a_round_from_opening_to_final_and_a_new_round_keeps_history(browse, session):
    lpks = ids(session)[PASURUAN]
    verifier = browse("dinsos.pasuruan")
    created = _open(verifier, lpks)
    assert created.status_code == 201 and created.get_json()["number"] == 2  # the demo has round 1
    ver = created.get_json()
    path = f"/api/v1/verifications/{ver['id']}"
    assert _open(verifier, lpks).status_code == 409  # one draft at a time
    missing_note = verifier.api("PUT", f"{path}/findings", json={"findings": [
        {"item_code": "b.visi", "status": "belum"}]})
    assert missing_note.status_code == 422 and missing_note.get_json()["field"] == "findings.b.visi.note"
    unknown = verifier.api("PUT", f"{path}/findings", json={"findings": [{"item_code": "z.9", "status": "belum"}]})
    assert unknown.status_code == 422
    saved = verifier.api("PUT", f"{path}/findings", json={"findings": [
        {"item_code": "b.visi", "status": "belum", "note": "Visi belum dipasang"},
        {"item_code": "c.pemahaman_rehsos", "status": "sebagian", "note": "Peksos baru"}]})
    assert saved.status_code == 200 and len(saved.get_json()["findings"]) == 2
    operator = browse("operator.pasuruan")
    assert operator.get(path).status_code == 404  # drafts are the verifier's work in progress
    report = operator.get(f"/api/v1/institutions/{lpks}/standards").get_json()
    item = next(i for a in report["aspects"] for i in a["items"] if i["code"] == "b.visi")
    assert item["decided_by"] == "sistem"
    final = verifier.api("POST", f"{path}/finalise", json={"version": saved.get_json()["version"]})
    assert final.status_code == 200 and final.get_json()["status"] == "final"
    assert verifier.api("PUT", f"{path}/findings", json={"findings": []}).status_code == 409
    assert verifier.api("DELETE", path).status_code == 409
    seen = operator.get(path).get_json()
    assert {f["item_code"]: f["status"] for f in seen["findings"]} == {"b.visi": "belum",
                                                                       "c.pemahaman_rehsos": "sebagian"}
    report = operator.get(f"/api/v1/institutions/{lpks}/standards").get_json()
    item = next(i for a in report["aspects"] for i in a["items"] if i["code"] == "b.visi")
    assert item["status"] == "belum" and item["decided_by"] == "verifikator" and item["computed_status"] == "terpenuhi"
    again = _open(verifier, lpks, date.today().isoformat())
    assert again.status_code == 201 and again.get_json()["number"] == 3
    history = operator.get(f"/api/v1/verifications?institution_id={lpks}").get_json()
    assert [v["number"] for v in history["items"]] == [2, 1]  # the draft round 3 is not shown to the LPKS
    assert [v["number"] for v in verifier.get(f"/api/v1/verifications?institution_id={lpks}").get_json()["items"]] \
        == [3, 2, 1]


def test_finalising_needs_a_finding_and_the_current_version(browse, session):
    verifier = browse("dinsos.pasuruan")
    ver = _open(verifier, ids(session)[PASURUAN]).get_json()
    path = f"/api/v1/verifications/{ver['id']}"
    empty = verifier.api("POST", f"{path}/finalise", json={"version": ver["version"]})
    assert empty.status_code == 422 and empty.get_json()["field"] == "findings"
    verifier.api("PUT", f"{path}/findings", json={"findings": [{"item_code": "b.misi", "status": "terpenuhi"}]})
    assert verifier.api("POST", f"{path}/finalise", json={"version": ver["version"]}).status_code == 409


def test_visit_date_cannot_be_in_the_future(browse, session):
    response = _open(browse("dinsos.pasuruan"), ids(session)[PASURUAN], (date.today() + timedelta(days=2)).isoformat())
    assert response.status_code == 422 and response.get_json()["field"] == "visit_date"


def test_only_the_kabkota_of_the_lpks_verifies(browse, session):
    lpks = ids(session)
    assert _open(browse("dinsos.pasuruan"), lpks[TARUNA]).status_code == 404  # Kabupaten Pasuruan, not Kota
    for username in ("operator.pasuruan", "dinsos.jatim", "kemensos"):
        response = _open(browse(username), lpks[PASURUAN])
        assert response.status_code == 403, username


def test_province_and_national_read_every_round_in_scope(browse, session):
    verifier = browse("dinsos.pasuruan")
    ver = _open(verifier, ids(session)[PASURUAN]).get_json()
    for username in ("dinsos.jatim", "kemensos"):
        items = browse(username).get("/api/v1/verifications?per_page=100").get_json()["items"]
        assert {v["id"] for v in items} >= {ver["id"]}, username
    assert browse("dinsos.jatim").api("PUT", f"/api/v1/verifications/{ver['id']}/findings",
                                      json={"findings": []}).status_code == 403


def test_the_web_pages_of_a_round(browse, session):
    lpks = ids(session)[PASURUAN]
    verifier = browse("dinsos.pasuruan")
    page = verifier.get(f"/admin/registry/{lpks}").get_data(as_text=True)
    assert "Verifikasi baru" in page
    created = verifier.post(f"/admin/verify/new?institution_id={lpks}", data={"visit_date": YESTERDAY, "team": "Tim"})
    assert created.status_code == 302
    round_url = created.headers["Location"]
    form = verifier.get(round_url).get_data(as_text=True)
    assert 'name="status-b.visi"' in form and "Hitungan sistem" in form
    bad = verifier.post(round_url, data={"status-b.visi": "sebagian", "note-b.visi": ""})
    assert "Catatan wajib" in bad.get_data(as_text=True)
    assert verifier.post(round_url, data={"status-b.visi": "sebagian", "note-b.visi": "Belum dipajang"}).status_code == 302
    session.rollback()
    ver = session.scalar(select(Verification).where(Verification.institution_id == lpks, Verification.status == "draft"))
    done = verifier.post(f"/admin/verify/{ver.id}/finalise", data={"version": str(ver.version)})
    assert done.status_code == 302
    session.rollback()
    assert session.get(Verification, ver.id).status == "final"
    operator_view = browse("operator.pasuruan").get(round_url).get_data(as_text=True)
    assert "Belum dipajang" in operator_view and 'name="status-b.visi"' not in operator_view
    assert session.scalar(select(AuditLog).where(AuditLog.object_type == "standards_finding")) is not None


def test_the_surabaya_round_is_invisible_to_the_city_verifier(browse, session):
    lpks = ids(session)
    # The province cannot open rounds; make one in Surabaya directly and check the city verifier cannot see it.
    session.add(Verification(institution_id=lpks[SURABAYA], number=1, visit_date=date(2025, 1, 1), status="final"))
    session.commit()
    other = session.scalar(select(Verification.id).where(Verification.institution_id == lpks[SURABAYA]))
    verifier = browse("dinsos.pasuruan")
    assert verifier.get(f"/api/v1/verifications/{other}").status_code == 404
    assert verifier.get(f"/admin/verify/{other}").status_code == 404
    assert str(other) not in [str(v["id"]) for v in verifier.get("/api/v1/verifications").get_json()["items"]]
