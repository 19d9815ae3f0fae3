"""Companions (Pasal 74–76) and the editable defaults of RULES §6, through the services."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select

from lpks.cases.models import ChildCase, FollowUpVisit
from lpks.cases.services import cases, companions, settings
from lpks.cases.services.common import task_defaults

from .conftest import TODAY, refused


def test_companion_of_the_register_with_sppa_training(world):
    _child, case = world.admit()
    companion = companions.assign(world.session, world.operator, case, {"role": "pendamping",
                                                                        "staff_member_id": world.peksos.id})
    assert companion.staff_member_id == world.peksos.id and companion.assigned_on == TODAY
    error = refused(world.session, companions.assign, world.session, world.operator, case,
                    {"role": "pendamping", "staff_member_id": world.peksos.id})
    assert "sudah mendampingi" in error.message
    world.tks.sppa_training_date = None  # no SPPA training on record: Pasal 75 ayat 2
    error = refused(world.session, companions.assign, world.session, world.operator, case,
                    {"role": "pendamping", "staff_member_id": world.tks.id})
    assert error.field == "sppa_trained" and "Pasal 75 ayat 2" in error.message


def test_a_volunteer_assists_a_companion(world):
    _child, case = world.admit()
    volunteer = {"role": "relawan", "name": "Rudi Relawan", "sppa_training_date": "2024-03-01"}
    error = refused(world.session, companions.assign, world.session, world.operator, case, volunteer)
    assert error.field == "role" and "Pasal 75 ayat 3" in error.message
    companions.assign(world.session, world.operator, case, {"role": "pendamping", "staff_member_id": world.peksos.id})
    assert companions.assign(world.session, world.operator, case, volunteer).name == "Rudi Relawan"
    error = refused(world.session, companions.assign, world.session, world.operator, case,
                    {"role": "relawan", "name": "Tanpa Pelatihan"})
    assert error.field == "sppa_trained"


def test_one_companion_cannot_serve_both_sides_of_a_case_number(world):
    _anak, case = world.admit(name="Anak Pelaku")
    victim, _none = world.admit(kind="anak_korban", name="Anak Korban Uji")
    victim_case = cases.create(world.session, world.operator, {"resident_id": victim.id, "case_number": "LP/7/2025"})
    cases.update(world.session, world.operator, case, {"case_number": "LP/7/2025", "version": case.version})
    companions.assign(world.session, world.operator, case, {"role": "pendamping", "staff_member_id": world.peksos.id})
    error = refused(world.session, companions.assign, world.session, world.operator, victim_case,
                    {"role": "pendamping", "staff_member_id": world.peksos.id})
    assert "Pasal 74 ayat 5" in error.message and "LP/7/2025" in error.message
    assert companions.assign(world.session, world.operator, victim_case,
                             {"role": "pendamping", "staff_member_id": world.tks.id}).staff_member_id == world.tks.id


def test_companion_reports(world):
    _child, case = world.admit()
    companion = companions.assign(world.session, world.operator, case, {"role": "pendamping",
                                                                        "staff_member_id": world.peksos.id})
    report = companions.report(world.session, world.operator, case, {
        "companion_id": companion.id, "reported_on": TODAY.isoformat(), "summary": "Mendampingi pemeriksaan"})
    assert report.summary == "Mendampingi pemeriksaan"
    error = refused(world.session, companions.report, world.session, world.operator, case, {
        "companion_id": companion.id, "reported_on": (TODAY + timedelta(days=1)).isoformat(), "summary": "x"})
    assert error.field == "reported_on"


def test_the_national_user_changes_the_defaults_and_open_tasks_follow(world):
    _child, case = world.admit()
    assert case.assessment_due == TODAY + timedelta(days=4)
    kemensos = world.user("kemensos")
    error = refused(world.session, settings.update, world.session, world.operator,
                    {"assessment_days": 10, "plan_days": 7, "follow_up_months": [1, 3, 6], "version": 1})
    assert error.status == 403
    error = refused(world.session, settings.update, world.session, kemensos,
                    {"assessment_days": 10, "plan_days": 7, "follow_up_months": [3, 1], "version": 1})
    assert error.field == "follow_up_months"
    settings.update(world.session, kemensos, {"assessment_days": 10, "plan_days": 5, "follow_up_months": [2, 4],
                                              "version": 1})
    assert task_defaults(world.session).follow_up_months == (2, 4)
    assert world.session.get(ChildCase, case.id).assessment_due == TODAY + timedelta(days=7)  # admitted + 10


def test_defaults_move_planned_visits_and_cancel_those_no_longer_due(world):
    from lpks.cases.models import Reintegration
    from lpks.cases.owner import copy_owner

    _child, case = world.admit()
    row = Reintegration(case_id=case.id, returned_on=date(2025, 8, 1))
    copy_owner(case, row)
    world.session.add(row)
    for sequence, due in enumerate((date(2025, 9, 1), date(2025, 11, 1), date(2026, 2, 1)), start=1):
        visit = FollowUpVisit(case_id=case.id, sequence=sequence, due_on=due, status="planned")
        copy_owner(case, visit)
        world.session.add(visit)
    world.session.flush()
    settings.update(world.session, world.user("kemensos"), {"assessment_days": 7, "plan_days": 7,
                                                            "follow_up_months": [2, 4], "version": 1})
    visits = world.session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id)
                                   .order_by(FollowUpVisit.sequence)).all()
    assert [(v.due_on, v.status) for v in visits] == [(date(2025, 10, 1), "planned"), (date(2025, 12, 1), "planned"),
                                                      (date(2026, 2, 1), "cancelled")]


def test_other_lpks_and_the_dinas_sosial_cannot_write_the_case(world):
    _child, case = world.admit()
    from lpks.platform.models.user import User

    other = User(username="lain", password_hash="-", role="operator_lpks", active=True,
                 institution_id=world.lpks("LPKS Tunas Bangsa Jakarta Timur").id)
    error = refused(world.session, cases.update, world.session, other, case, {"note": "x", "version": case.version})
    assert error.status == 403
    error = refused(world.session, cases.update, world.session, world.user("dinsos.pasuruan"), case,
                    {"note": "x", "version": case.version})
    assert error.status == 403
