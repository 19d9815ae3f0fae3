"""Scoring through the service with the instrument's weights and bands, at every band edge; and an instrument
change that leaves earlier results exactly as they were."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.accreditation.models import AccreditationInstrument

from .conftest import answer_all, assessment, started, to_state

EDGES = [("s0", "0", None), ("s5599", "55.99", None), ("s56", "56", "C"), ("s7099", "70.99", "C"),
         ("s71", "71", "B"), ("s8599", "85.99", "B"), ("s86", "86", "A"), ("s100", "100", "A")]


def _rows(version: str, weights=(("a", 60), ("b", 40)), bands=(("A", 86, 100), ("B", 71, 86), ("C", 56, 71),
                                                               (None, 0, 56)), years=(("A", 5), ("B", 3), ("C", 2))):
    rows = [{"kind": "instrument", "version": version}]
    for code, weight in weights:
        rows.append({"kind": "aspect", "aspect": code, "label_id": f"Aspek {code}", "weight": weight})
        rows.append({"kind": "indicator", "aspect": code, "indicator": f"{code}.x", "label_id": f"Indikator {code}",
                     "max_score": 100})
        rows += [{"kind": "answer", "indicator": f"{code}.x", "answer": answer, "label_id": answer, "score": score}
                 for answer, score, _grade in EDGES]
    rows += [{"kind": "band", "grade": g, "lower": lo, "upper": up} for g, lo, up in bands]
    rows += [{"kind": "validity", "grade": g, "years": y} for g, y in years]
    return rows


def _publish(api, rows):
    response = api("kemensos").post("/accreditation/instruments", {"rows": rows, "note": "uji"})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def test_band_edges_with_one_aspect_of_weight_100(api, session):
    _publish(api, _rows("uji-1", weights=(("a", 100),)))
    operator = api("operator.pasuruan")
    detail = operator.post("/accreditation/assessments", {}).get_json()
    assert detail["instrument_version"] == "uji-1" and detail["missing"] == ["a.x"] and detail["band_grade"] is None
    for answer, total, grade in EDGES:
        detail = operator.put(f"/accreditation/assessments/{detail['id']}/answers", {
            "version": detail["version"], "answers": {"a.x": {"answer": answer, "evidence": "Arsip"}}}).get_json()
        assert (detail["total"], detail["band_grade"]) == (f"{float(total):.2f}", grade), answer


@pytest.mark.parametrize("a, b, total, grade", [
    ("s100", "s100", "100.00", "A"), ("s100", "s0", "60.00", "C"), ("s0", "s100", "40.00", None),
    ("s86", "s86", "86.00", "A"), ("s100", "s56", "82.40", "B"), ("s71", "s100", "82.60", "B")])
def test_weights_count(api, session, a, b, total, grade):
    _publish(api, _rows("uji-2"))
    operator = api("operator.pasuruan")
    detail = operator.post("/accreditation/assessments", {}).get_json()
    detail = operator.put(f"/accreditation/assessments/{detail['id']}/answers", {
        "version": detail["version"], "answers": {"a.x": {"answer": a, "evidence": "Arsip"},
                                                  "b.x": {"answer": b, "evidence": "Arsip"}}}).get_json()
    assert (detail["total"], detail["band_grade"]) == (total, grade)
    aspects = {s["code"]: s for s in detail["aspects"]}
    assert aspects["a"]["weight"] == "60" and aspects["b"]["weight"] == "40"


def test_a_new_instrument_leaves_earlier_results_intact(api, session):
    ident = started(api, "terpenuhi")
    to_state(api, ident, "designated")
    before = api("kemensos").get(f"/accreditation/assessments/{ident}").get_json()
    assert before["state"] == "designated" and before["grade"] == "A" and before["total"] == "100.00"
    stored = assessment(session, ident)
    old_instrument = session.get(AccreditationInstrument, stored.instrument_id).rows_json
    # Kemensos changes the bands so that 100 would no longer be A, and shortens validity: a new version.
    revised = api("kemensos").post("/accreditation/instruments", {
        "version": "2026.1", "weights": {"a": 20, "b": 5, "c": 5, "d": 20, "e": 20, "f": 10, "g": 20},
        "bands": {"A": {"lower": 95, "upper": 100}, "B": {"lower": 71, "upper": 95}},
        "validity_years": {"A": 1}, "note": "bobot dan rentang baru"})
    assert revised.status_code == 201, revised.get_json()
    after = api("kemensos").get(f"/accreditation/assessments/{ident}").get_json()
    for key in ("instrument_id", "instrument_version", "total", "band_grade", "grade", "valid_until", "aspects"):
        assert after[key] == before[key], key
    session.rollback()
    assert session.get(AccreditationInstrument, stored.instrument_id).rows_json == old_instrument
    versions = session.scalars(select(AccreditationInstrument.version).order_by(AccreditationInstrument.id)).all()
    assert versions == ["2018.1", "2026.1"]
    # The next self-assessment is scored with the new version.
    fresh = api("operator.pasuruan").post("/accreditation/assessments", {}).get_json()
    assert fresh["instrument_version"] == "2026.1" and fresh["instrument_id"] != before["instrument_id"]


def test_stored_versions_and_history_cannot_be_rewritten(api, session):
    from lpks.accreditation.models import AssessmentAnswer, AssessmentEvent

    ident = started(api)
    row = session.scalars(select(AccreditationInstrument)).first()
    row.note = "diubah diam-diam"
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()
    answer = session.scalars(select(AssessmentAnswer).where(AssessmentAnswer.assessment_id == ident)).first()
    answer.answer_code = "belum"
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()
    event = session.scalars(select(AssessmentEvent).where(AssessmentEvent.assessment_id == ident)).first()
    session.delete(event)
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()


def test_answer_changes_are_appended_never_overwritten(api, session):
    ident = started(api, "terpenuhi")
    operator = api("operator.pasuruan")
    history = operator.get(f"/accreditation/assessments/{ident}/answers?per_page=100").get_json()
    first_total = history["total"]
    answer_all(operator, ident, "sebagian", evidence="Arsip baru")
    again = operator.get(f"/accreditation/assessments/{ident}/answers?per_page=100").get_json()
    assert again["total"] > first_total
    detail = operator.get(f"/accreditation/assessments/{ident}").get_json()
    assert {a["answer"] for a in detail["answers"].values()} == {"sebagian"}
