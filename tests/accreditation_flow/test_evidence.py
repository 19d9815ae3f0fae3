"""Evidence documents behind the answers: the registry's documents shown per indicator with the scoped, audited
download; the LPKS's choice of its own documents per answer (page and API), refused for another LPKS's."""
from __future__ import annotations

import io
import re
from html import unescape

import pytest
from sqlalchemy import create_engine, inspect, select

from accreditation.workflow import OPEN_STATES
from lpks.accreditation.models import Assessment, AssessmentAnswer
from lpks.platform.models.audit import AuditLog
from lpks.platform.services.users import create_user
from lpks.registry.models.institution import Institution
from tests.conftest import PASSWORD

from .conftest import PASURUAN, institution_id

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
CODE = "a.upt_or_badan_hukum"  # rests on the registry item of the same code


def _upload(client, lpks: int, title: str, items: str = CODE) -> int:
    data = {"institution_id": str(lpks), "title": title, "kind": "akta_pendirian", "item_codes": items,
            "file": (io.BytesIO(PDF), "bukti.pdf")}
    response = client.client.post("/api/v1/evidence", data=data, content_type="multipart/form-data",
                                  headers={"X-CSRFToken": client.token})
    assert response.status_code == 201, response.get_json()
    return response.get_json()["id"]


@pytest.fixture
def setup(api, app, session):
    """Bina Harapan's open self-assessment, one document of it linked to CODE, one unlinked, and one document of
    another LPKS (with no open assessment) whose operator is created here."""
    operator = api("operator.pasuruan")
    own = institution_id(session, PASURUAN)
    linked, loose = _upload(operator, own, "Akta yayasan 2019"), _upload(operator, own, "Foto papan nama", "")
    with app.app_context():
        from lpks.extensions import db
        busy = select(Assessment.institution_id).where(Assessment.state.in_([s.value for s in OPEN_STATES]))
        other_lpks = db.session.scalar(select(Institution.id).where(Institution.id != own, Institution.id.not_in(busy))
                                       .order_by(Institution.id).limit(1))
        create_user(db.session, "operator.lain", PASSWORD, "operator_lpks", str(other_lpks))
        db.session.commit()
    foreign = _upload(api("operator.lain"), other_lpks, "Akta LPKS lain")
    created = operator.post("/accreditation/assessments", {})
    assert created.status_code == 201, created.get_json()
    return {"operator": operator, "id": created.get_json()["id"], "linked": linked, "loose": loose,
            "foreign": foreign}


def _put(client, ident: int, answers: dict):
    version = client.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    return client.put(f"/accreditation/assessments/{ident}/answers", {"version": version, "answers": answers})


def test_the_page_lists_the_documents_of_the_items_with_the_audited_download(setup, api, session):
    page = setup["operator"].client.get(f"/admin/accreditation/{setup['id']}").get_data(as_text=True)
    cell = re.search(r'data-testid="linked-%s">(.*?)</div>' % re.escape(CODE), page, re.S).group(1)
    assert "Akta yayasan 2019" in cell and "Foto papan nama" not in cell and "Akta LPKS lain" not in page
    urls = [unescape(u) for u in re.findall(r'href="([^"]+)"', cell)]
    url = f"/admin/registry-files/evidence/{setup['linked']}"
    assert url in urls and f"/admin/registry-files/evidence/{setup['loose']}" not in urls
    verifier = api("dinsos.pasuruan")
    assert verifier.client.get(url).data == PDF
    session.rollback()
    audited = session.scalars(select(AuditLog.username).where(AuditLog.action == "download",
                                                              AuditLog.object_id == str(setup["linked"]))).all()
    assert audited == ["dinsos.pasuruan"]


def test_api_round_trip_keeps_clears_and_survives_an_adjustment(setup, api):
    op, ident = setup["operator"], setup["id"]
    response = _put(op, ident, {"b.visi": {"answer": "terpenuhi", "evidence": "Map 3",
                                           "evidence_ids": [setup["loose"], setup["linked"], setup["linked"]]}})
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["answers"]["b.visi"]["evidence_ids"] == sorted([setup["loose"], setup["linked"]])
    history = f"/accreditation/assessments/{ident}/answers?per_page=100"
    before = [h for h in op.get(history).get_json()["items"] if h["indicator"] == "b.visi"]
    # Not sent → kept; same content → no new row.
    assert _put(op, ident, {"b.visi": {"answer": "terpenuhi", "evidence": "Map 3"}}).status_code == 200
    mine = [h for h in op.get(history).get_json()["items"] if h["indicator"] == "b.visi"]
    assert mine == before and mine[-1]["evidence_ids"] == sorted([setup["loose"], setup["linked"]])
    # The verifier and higher offices see the choice, also after an adjustment.
    op.step(ident, "submit")
    verifier = api("dinsos.pasuruan")
    version = verifier.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    adjusted = verifier.post(f"/accreditation/assessments/{ident}/adjustments",
                             {"version": version, "indicator": "b.visi", "answer": "sebagian", "reason": "Belum sah"})
    assert adjusted.status_code == 200, adjusted.get_json()
    for username in ("dinsos.pasuruan", "dinsos.jatim", "kemensos"):
        body = api(username).get(f"/accreditation/assessments/{ident}").get_json()
        assert body["answers"]["b.visi"]["evidence_ids"] == sorted([setup["loose"], setup["linked"]]), username


def test_an_empty_list_clears_the_choice(setup):
    op, ident = setup["operator"], setup["id"]
    assert _put(op, ident, {"b.misi": {"answer": "terpenuhi", "evidence_ids": [setup["loose"]]}}).status_code == 200
    body = _put(op, ident, {"b.misi": {"answer": "terpenuhi", "evidence_ids": []}}).get_json()
    assert body["answers"]["b.misi"]["evidence_ids"] == []


@pytest.mark.parametrize("chosen", ["foreign", "missing", "text", "bool", "object"])
def test_only_documents_of_the_same_lpks_may_be_chosen(setup, session, chosen):
    value = {"foreign": [setup["foreign"]], "missing": [setup["foreign"] + 1000], "text": ["satu"],
             "bool": [True], "object": {"id": setup["linked"]}}[chosen]
    session.rollback()
    before = session.scalar(select(AssessmentAnswer.id).order_by(AssessmentAnswer.id.desc()).limit(1))
    response = _put(setup["operator"], setup["id"], {"b.visi": {"answer": "terpenuhi",
                                                                "evidence_ids": [setup["linked"]]},
                                                     "b.misi": {"answer": "terpenuhi", "evidence_ids": value}})
    assert response.status_code == 422
    assert response.get_json()["field"] == "answers.b.misi.evidence_ids"
    session.rollback()
    assert session.scalar(select(AssessmentAnswer.id).order_by(AssessmentAnswer.id.desc()).limit(1)) == before


def test_the_operator_chooses_on_the_page_and_the_verifier_sees_it(setup, api, app):
    op, ident = setup["operator"], setup["id"]
    page = op.client.get(f"/admin/accreditation/{ident}").get_data(as_text=True)
    options = re.search(r'name="evidence_ids-b\.visi"[^>]*>(.*?)</select>', page, re.S).group(1)
    assert "Akta yayasan 2019" in options and "Foto papan nama" in options and "Akta LPKS lain" not in options
    codes = re.findall(r'name="indicator" value="([^"]+)"', page)
    form = {"csrf_token": op.token, "version": re.search(r'name="version" value="(\d+)"', page).group(1),
            "indicator": codes, "answer-b.visi": "terpenuhi", "evidence_ids-b.visi": [str(setup["loose"])]}
    page = op.client.post(f"/admin/accreditation/{ident}/answers", data=form,
                          follow_redirects=True).get_data(as_text=True)
    assert "Jawaban disimpan" in page
    chosen = re.search(r'data-testid="chosen-b\.visi">(.*?)</div>', page, re.S).group(1)
    assert "Foto papan nama" in chosen and f"/admin/registry-files/evidence/{setup['loose']}" in chosen
    # Another LPKS's document sent through the form is refused and nothing changes.
    form["version"] = re.search(r'name="version" value="(\d+)"', page).group(1)
    form["evidence_ids-b.visi"] = [str(setup["foreign"])]
    page = op.client.post(f"/admin/accreditation/{ident}/answers", data=form,
                          follow_redirects=True).get_data(as_text=True)
    assert "bukan milik LPKS ini" in page and "Akta LPKS lain" not in page
    op.step(ident, "submit")
    page = api("dinsos.pasuruan").client.get(f"/admin/accreditation/{ident}").get_data(as_text=True)
    chosen = re.search(r'data-testid="chosen-b\.visi">(.*?)</div>', page, re.S).group(1)
    assert "Foto papan nama" in chosen and 'name="evidence_ids-' not in page


def test_another_lpks_operator_can_neither_see_nor_choose(setup, api, session):
    other = api("operator.lain")
    ident = setup["id"]
    assert other.get(f"/accreditation/assessments/{ident}").status_code == 404
    assert other.client.get(f"/admin/accreditation/{ident}").status_code == 404
    assert other.put(f"/accreditation/assessments/{ident}/answers", {
        "version": 1, "answers": {"b.visi": {"answer": "terpenuhi", "evidence_ids": [setup["foreign"]]}}}
    ).status_code == 404
    assert other.client.get(f"/admin/registry-files/evidence/{setup['linked']}").status_code == 404
    # Its own self-assessment offers only its own documents and refuses Bina Harapan's.
    created = other.post("/accreditation/assessments", {})
    assert created.status_code == 201, created.get_json()
    own = created.get_json()["id"]
    page = other.client.get(f"/admin/accreditation/{own}").get_data(as_text=True)
    assert "Akta LPKS lain" in page and "Akta yayasan 2019" not in page and "Foto papan nama" not in page
    response = _put(other, own, {"b.visi": {"answer": "terpenuhi", "evidence_ids": [setup["linked"]]}})
    assert response.status_code == 422 and response.get_json()["field"] == "answers.b.visi.evidence_ids"


def test_the_migration_adds_the_column_the_model_declares(database_url):
    engine = create_engine(database_url)
    columns = {c["name"]: c for c in inspect(engine).get_columns("accreditation_answer")}
    engine.dispose()
    assert set(columns) == set(AssessmentAnswer.__table__.columns.keys())
    assert columns["evidence_ids"]["nullable"] is True
