"""Class A/B/C of an LPKS: the /rules/class API at each boundary, its 422s, and the stored class that follows grade,
referral scope, work area and expiry (RULES §3, Pasal 70–73)."""
from __future__ import annotations

from datetime import timedelta

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.cli import main

from .conftest import PASURUAN, assessment, institution_id, started, to_state

KEYS = ["A.grade", "A.referral_scope", "A.provinces", "B.grade", "B.referral_scope", "B.kabupaten_kota", "C.grade",
        "C.kabupaten_kota"]
# (grade, referral scope, provinces, kabupaten/kota) → class, at each boundary of Pasal 71–73 (RULES §3 Reading).
CASES = [
    ("A", "nasional", 2, 2, "A"), ("A", "nasional", 1, 2, "B"), ("A", "nasional", 1, 1, "C"),
    ("A", "provinsi", 2, 3, "B"), ("A", "provinsi", 1, 2, "B"), ("A", "provinsi", 1, 1, "C"),
    ("A", "kabupaten_kota", 2, 2, None), ("A", "kabupaten_kota", 1, 1, "C"),
    ("B", "nasional", 2, 2, None), ("B", "provinsi", 1, 2, None), ("B", "kabupaten_kota", 1, 1, "C"),
    ("C", "kabupaten_kota", 1, 1, None), ("none", "nasional", 3, 9, None), ("a", "NASIONAL", 2, 2, "A"),
    ("A", "nasional", 0, 0, None),
]


@pytest.mark.parametrize("grade, scope, provinces, kabupaten_kota, klass", CASES)
def test_rules_class_at_each_boundary(api, grade, scope, provinces, kabupaten_kota, klass):
    response = api("operator.pasuruan").get(f"/rules/class?grade={grade}&referral_scope={scope}"
                                            f"&provinces={provinces}&kabupaten_kota={kabupaten_kota}")
    assert response.status_code == 200
    body = response.get_json()
    assert set(body) == {"class", "criteria"} and body["class"] == klass
    assert [c["criterion"] for c in body["criteria"]] == KEYS
    assert all(set(c) == {"criterion", "met"} and isinstance(c["met"], bool) for c in body["criteria"])
    if klass:
        assert all(c["met"] for c in body["criteria"] if c["criterion"].startswith(klass + "."))


@pytest.mark.parametrize("query, field", [
    ("grade=D&referral_scope=nasional&provinces=1&kabupaten_kota=1", "grade"),
    ("referral_scope=nasional&provinces=1&kabupaten_kota=1", "grade"),
    ("grade=A&referral_scope=dunia&provinces=1&kabupaten_kota=1", "referral_scope"),
    ("grade=A&provinces=1&kabupaten_kota=1", "referral_scope"),
    ("grade=A&referral_scope=nasional&provinces=-1&kabupaten_kota=1", "provinces"),
    ("grade=A&referral_scope=nasional&provinces=dua&kabupaten_kota=1", "provinces"),
    ("grade=A&referral_scope=nasional&kabupaten_kota=1", "provinces"),
    ("grade=A&referral_scope=nasional&provinces=1&kabupaten_kota=1.5", "kabupaten_kota"),
    ("grade=A&referral_scope=nasional&provinces=1", "kabupaten_kota"),
    ("grade=A&referral_scope=nasional&provinces=3&kabupaten_kota=2", "provinces"),
])
def test_rules_class_invalid_input_names_the_parameter(api, query, field):
    response = api("kemensos").get(f"/rules/class?{query}")
    assert response.status_code == 422
    body = response.get_json()
    assert body["field"] == field and field in body["message"]


def test_class_page_checks_a_case_with_the_same_rule(api):
    page = api("dinsos.jatim").client.get("/admin/accreditation-class/check?grade=A&referral_scope=provinsi"
                                          "&provinces=1&kabupaten_kota=3").get_data(as_text=True)
    assert 'data-testid="class">B<' in page and "Pasal 72 huruf c" in page
    bad = api("dinsos.jatim").client.get("/admin/accreditation-class/check?grade=A&referral_scope=x&provinces=1"
                                         "&kabupaten_kota=1").get_data(as_text=True)
    assert "referral_scope" in bad and 'data-testid="check-error"' in bad


def _stored(session, inst_id):
    session.rollback()
    return session.scalar(select(InstitutionClass).where(InstitutionClass.institution_id == inst_id))


def test_the_class_follows_grade_scope_work_area_and_expiry(api, app, session, monkeypatch, database_url, cli_env):
    inst_id = institution_id(session, PASURUAN)
    assert _stored(session, inst_id).klass is None  # its only accreditation (demo) has expired
    ident = started(api)
    to_state(api, ident, "designated")
    stored = _stored(session, inst_id)
    # Grade A, kabupaten/kota referral, work area Kota + Kabupaten Pasuruan (2): no class; every criterion listed.
    assert (stored.klass, stored.grade, stored.provinces, stored.kabupaten_kota) == (None, "A", 1, 2)
    kemensos = api("kemensos")
    version = kemensos.get(f"/institutions/{inst_id}").get_json()["version"]
    assert kemensos.client.patch(f"/api/v1/institutions/{inst_id}", json={"referral_scope": "provinsi",
                                                                         "version": version},
                                 headers={"X-CSRFToken": kemensos.token}).status_code == 200
    assert _stored(session, inst_id).klass == "B"
    body = kemensos.get(f"/accreditation/classes/{inst_id}").get_json()
    assert body["class"] == "B" and {"criterion": "B.kabupaten_kota", "met": True} in body["criteria"]
    # The work area shrinks to the domicile (the registry's own service): class C.
    from lpks.extensions import db
    from lpks.platform.models.user import User
    from lpks.registry.models.institution import Institution
    from lpks.registry.services import profile as registry_profile

    with app.app_context():  # a provincial scope: the province's or Kemensos's to set (RULES §3, the reach)
        user = db.session.scalar(select(User).where(User.username == "kemensos"))
        registry_profile.set_work_area(db.session, user, db.session.get(Institution, inst_id), [])
        db.session.commit()
    stored = _stored(session, inst_id)
    assert (stored.klass, stored.kabupaten_kota, stored.reason) == ("C", 1, "profil")
    # After the last valid day the class is no longer shown, before and after the daily job records it.
    valid_until = assessment(session, ident).valid_until
    from lpks.platform import clock

    monkeypatch.setattr(clock, "today", lambda: valid_until + timedelta(days=1))
    body = kemensos.get(f"/accreditation/classes/{inst_id}").get_json()
    assert body["class"] is None and body["accreditation_expired"] is True and body["grade"] is None
    page = kemensos.client.get("/admin/accreditation-class/").get_data(as_text=True)
    assert "akreditasi telah berakhir" in page
    monkeypatch.undo()
    runner = CliRunner()
    env = {**cli_env, "DATABASE_URL": database_url}
    on_time = runner.invoke(main, ["accreditation", "expire", "--today", valid_until.isoformat()], env=env,
                            catch_exceptions=False)
    assert on_time.exit_code == 0 and assessment(session, ident).state == "designated"
    late = runner.invoke(main, ["accreditation", "expire", "--today", (valid_until + timedelta(days=1)).isoformat()],
                         env=env, catch_exceptions=False)
    assert late.exit_code == 0 and "akreditasi kedaluwarsa dicatat" in late.output, late.output
    assert assessment(session, ident).state == "expired"
    stored = _stored(session, inst_id)
    assert (stored.klass, stored.grade, stored.reason) == (None, None, "kedaluwarsa")
    bad = runner.invoke(main, ["accreditation", "expire", "--today", "besok"], env=env)
    assert bad.exit_code != 0 and "YYYY-MM-DD" in bad.output


def test_a_new_designation_supersedes_the_one_in_force(api, session):
    first = started(api)
    to_state(api, first, "designated")
    second = started(api, "sebagian")
    to_state(api, second, "designated", grade="C", grade_reason="Uji")
    assert assessment(session, first).state == "superseded"
    stored = _stored(session, institution_id(session, PASURUAN))
    assert stored.assessment_id == second and stored.grade == "C"
    assert session.scalar(select(Assessment.id).where(Assessment.state == "designated",
                                                      Assessment.institution_id == stored.institution_id)) == second


def test_seed_instrument_command_is_idempotent(database_url, cli_env, app):
    runner = CliRunner()
    env = {**cli_env, "DATABASE_URL": database_url}
    first = runner.invoke(main, ["accreditation", "seed-instrument"], env=env, catch_exceptions=False)
    again = runner.invoke(main, ["accreditation", "seed-instrument"], env=env, catch_exceptions=False)
    assert "diterbitkan" in first.output and "sudah ada" in again.output
