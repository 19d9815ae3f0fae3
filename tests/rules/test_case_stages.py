"""The seven stages of Pasal 18 as a lifecycle: order, activities, completion, allowed actions, termination."""

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.case_lifecycle import (
    CaseAction, allowed_actions, check_stage_completion, check_termination, stage_after_termination, unmet,
)
from lpks.rules.case_stages import (
    EARLY_REASONS, REQUIRED, STAGE_ACTIVITIES, STAGES, TERMINATION_REASONS, Activity, Stage, StageFacts,
    check_activities, next_stage,
)

TODAY = date(2025, 8, 11)


def all_activities(stage):
    return frozenset(a.value for a in STAGE_ACTIVITIES[stage])


COMPLETE = {  # the records that complete each stage, on top of its activities and a case manager
    Stage.PENDEKATAN_AWAL: {"file_complete": True},
    Stage.ASESMEN: {"assessment_complete": True, "conference_held": True},
    Stage.RENCANA: {"plan_agreed": True, "plan_needs": 2, "planned_services": 3},
    Stage.INTERVENSI: {"done_services": 3, "open_services": 0},
    Stage.RESOSIALISASI: {"resocialisation_result": True},
    Stage.TERMINASI: {"termination_reason": "completed"},
    Stage.BIMBINGAN_LANJUT: {"done_follow_ups": 3, "open_follow_ups": 0},
}


def test_the_order_is_that_of_pasal_18_ayat_1():
    assert [s.value for s in STAGES] == ["pendekatan_awal", "asesmen", "rencana", "intervensi", "resosialisasi",
                                         "terminasi", "bimbingan_lanjut"]
    assert [s.pasal.split(";")[0][-1] for s in STAGES] == list("abcdefg")
    assert [next_stage(s) for s in STAGES] == [*STAGES[1:], None]


@pytest.mark.parametrize(("stage", "count"), [
    (Stage.PENDEKATAN_AWAL, 5), (Stage.ASESMEN, 4), (Stage.RENCANA, 3), (Stage.INTERVENSI, 4),
    (Stage.RESOSIALISASI, 3), (Stage.TERMINASI, 2), (Stage.BIMBINGAN_LANJUT, 1)])
def test_each_stage_has_the_activities_of_its_pasal(stage, count):
    assert len(STAGE_ACTIVITIES[stage]) == count
    assert all(a.pasal.startswith("Pasal") for a in STAGE_ACTIVITIES[stage])


def test_every_activity_belongs_to_exactly_one_stage():
    owners = [stage for stage in STAGES for _ in STAGE_ACTIVITIES[stage]]
    assert len(owners) == len(Activity)


def test_an_activity_of_another_stage_is_refused():
    assert check_activities("asesmen", ["persiapan", "analisis", "persiapan"]) == (Activity.PERSIAPAN,
                                                                                    Activity.ANALISIS)
    with pytest.raises(RuleError) as caught:
        check_activities("asesmen", ["motivasi"])
    assert caught.value.field == "activities" and "Pasal 25" in caught.value.message


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_completes_with_its_activities_and_records(stage):
    facts = StageFacts(activities=all_activities(stage), has_case_manager=True, **COMPLETE[stage])
    assert unmet(stage, facts) == []
    check_stage_completion(stage, facts, TODAY, TODAY, TODAY)


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("record", ["activity", "manager", "records"])
def test_a_stage_missing_one_thing_is_refused_naming_it(stage, record):
    activities = all_activities(stage)
    extra = dict(COMPLETE[stage])
    if record == "activity":
        activities = activities - {REQUIRED[stage][-1][0].value} - {a.value for a in REQUIRED[stage][-1]}
    elif record == "records":
        key = next(iter(extra))
        extra[key] = {bool: False, int: 0, str: None}[type(extra[key])]
        if key == "open_services" or key == "open_follow_ups":
            extra[key] = 1
    facts = StageFacts(activities=activities, has_case_manager=record != "manager", **extra)
    assert len(unmet(stage, facts)) == 1
    with pytest.raises(RuleError) as caught:
        check_stage_completion(stage, facts, TODAY, TODAY, TODAY)
    assert caught.value.field == "stage" and stage.label_id in caught.value.message


def test_termination_needs_one_of_the_activities_of_ayat_3():
    base = {"has_case_manager": True, "termination_reason": "died"}
    for chosen in ({"identifikasi_keberhasilan"}, {"kunjungan_keluarga"}):
        assert unmet(Stage.TERMINASI, StageFacts(activities=frozenset(chosen), **base)) == []
    assert len(unmet(Stage.TERMINASI, StageFacts(**base))) == 1


@pytest.mark.parametrize(("completed_on", "opened_on", "field"), [
    (date(2025, 8, 11), date(2025, 8, 11), None),        # the day it opened, today
    (date(2025, 8, 12), date(2025, 8, 1), "completed_on"),  # tomorrow
    (date(2025, 7, 31), date(2025, 8, 1), "completed_on"),  # the day before it opened
    (date(2025, 8, 1), None, None),
])
def test_completion_date_bounds(completed_on, opened_on, field):
    facts = StageFacts(activities=all_activities(Stage.PENDEKATAN_AWAL), has_case_manager=True, file_complete=True)
    if field is None:
        check_stage_completion(Stage.PENDEKATAN_AWAL, facts, completed_on, opened_on, TODAY)
    else:
        with pytest.raises(RuleError) as caught:
            check_stage_completion(Stage.PENDEKATAN_AWAL, facts, completed_on, opened_on, TODAY)
        assert caught.value.field == field


@pytest.mark.parametrize(("stage", "action", "open_"), [
    ("pendekatan_awal", CaseAction.RECORD_ASSESSMENT, False),
    ("asesmen", CaseAction.RECORD_ASSESSMENT, True),
    ("resosialisasi", CaseAction.RECORD_ASSESSMENT, True),
    ("terminasi", CaseAction.RECORD_ASSESSMENT, False),
    ("asesmen", CaseAction.EDIT_PLAN, False),
    ("rencana", CaseAction.EDIT_PLAN, True),
    ("terminasi", CaseAction.EDIT_PLAN, False),
    ("asesmen", CaseAction.PLAN_SERVICE, False),
    ("rencana", CaseAction.PLAN_SERVICE, True),
    ("bimbingan_lanjut", CaseAction.PLAN_SERVICE, True),
    ("intervensi", CaseAction.REINTEGRATION, False),
    ("resosialisasi", CaseAction.REINTEGRATION, True),
    ("terminasi", CaseAction.REINTEGRATION, True),
    ("bimbingan_lanjut", CaseAction.REINTEGRATION, False),
    ("intervensi", CaseAction.RECORD_FOLLOW_UP, False),
    ("resosialisasi", CaseAction.RECORD_FOLLOW_UP, True),
    ("pendekatan_awal", CaseAction.TERMINATE, True),
    ("terminasi", CaseAction.TERMINATE, True),
    ("bimbingan_lanjut", CaseAction.TERMINATE, False),
    ("pendekatan_awal", CaseAction.COMPLETE_STAGE, True),
    ("bimbingan_lanjut", CaseAction.COMPLETE_STAGE, True),
])
def test_allowed_actions_by_stage(stage, action, open_):
    assert (action in allowed_actions(stage, "operator_lpks")) is open_


@pytest.mark.parametrize(("role", "count"), [("operator_lpks", 1), ("dinsos_kabkota", 1), ("dinsos_provinsi", 0),
                                             ("kemensos", 0), ("admin_sistem", 0)])
def test_only_the_roles_that_handle_cases_act_on_them(role, count):
    assert bool(allowed_actions("intervensi", role)) is bool(count)


def test_a_closed_case_allows_nothing():
    assert allowed_actions("bimbingan_lanjut", "operator_lpks", closed=True) == frozenset()


@pytest.mark.parametrize(("stage", "reason", "ok"), [
    ("pendekatan_awal", "completed", False),
    ("resosialisasi", "completed", False),
    ("terminasi", "completed", True),
    ("pendekatan_awal", "referred_elsewhere", True),
    ("intervensi", "ran_away_not_found", True),
    ("asesmen", "died", True),
    ("terminasi", "died", True),
    ("intervensi", "parole", False),                 # an exit reason, not a termination of Pasal 33 ayat 2
    ("bimbingan_lanjut", "died", False),             # already terminated
])
def test_early_termination_only_for_pasal_33_ayat_2_b_to_d(stage, reason, ok):
    kwargs = {"returned_and_accepted": True, "has_referral": True}
    if ok:
        assert check_termination(stage, reason, **kwargs).value == reason
    else:
        with pytest.raises(RuleError) as caught:
            check_termination(stage, reason, **kwargs)
        assert caught.value.field == "termination_reason"


def test_completed_needs_the_return_and_referred_needs_a_referral():
    with pytest.raises(RuleError) as caught:
        check_termination("terminasi", "completed", returned_and_accepted=False)
    assert "Pasal 49 ayat 7" in caught.value.message
    with pytest.raises(RuleError) as caught:
        check_termination("intervensi", "referred_elsewhere", has_referral=False)
    assert "rujukan" in caught.value.message


def test_after_termination():
    assert [r.value for r in TERMINATION_REASONS] == ["completed", "referred_elsewhere", "ran_away_not_found", "died"]
    assert EARLY_REASONS == TERMINATION_REASONS[1:]
    assert stage_after_termination("completed") is Stage.BIMBINGAN_LANJUT
    assert all(stage_after_termination(r) is None for r in EARLY_REASONS)
