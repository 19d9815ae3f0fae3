"""accreditation.workflow, table-driven: every step by every role from every state, allowed or refused (pure)."""
from __future__ import annotations

from datetime import date

import pytest

from accreditation import Grade
from accreditation.workflow import (
    EXPIRY_WARNING_DAYS,
    QUEUES,
    TRANSITIONS,
    Action,
    State,
    WorkflowError,
    available_actions,
    check_adjustment,
    check_answer,
    check_complete,
    check_designation,
    check_evidence,
    check_expiry,
    check_start,
    check_transition,
    effective_state,
    expiring,
    needs_evidence,
    valid_grade,
)

ROLES = ("operator_lpks", "dinsos_kabkota", "dinsos_provinsi", "kemensos", "admin_sistem", "sistem")
# The whole table of allowed steps: (action, role, from state) → to state. Everything else is refused.
ALLOWED = {
    ("submit", "operator_lpks", "draft"): "submitted",
    ("submit", "operator_lpks", "returned"): "submitted",
    ("cancel", "operator_lpks", "draft"): "cancelled",
    ("cancel", "operator_lpks", "returned"): "cancelled",
    ("return", "dinsos_kabkota", "submitted"): "returned",
    ("propose", "dinsos_kabkota", "submitted"): "proposed",
    ("return_to_kabkota", "dinsos_provinsi", "proposed"): "submitted",
    ("recommend", "dinsos_provinsi", "proposed"): "recommended",
    ("return_to_province", "kemensos", "recommended"): "proposed",
    ("designate", "kemensos", "recommended"): "designated",
    ("expire", "sistem", "designated"): "expired",
    ("supersede", "sistem", "designated"): "superseded",
}
CASES = [(a.value, r, s.value) for a in Action for r in ROLES for s in State]


@pytest.mark.parametrize("action, role, state", CASES)
def test_every_step_by_every_role_from_every_state(action, role, state):
    expected = ALLOWED.get((action, role, state))
    step = next(t for t in TRANSITIONS if t.action.value == action)
    if expected is not None:
        assert check_transition(action, role, state, reason="alasan tertulis").target.value == expected
        return
    with pytest.raises(WorkflowError) as refused:
        check_transition(action, role, state, reason="alasan tertulis")
    # A wrong role is a 'role' refusal whatever the state; the right role in a wrong state is a 'state' refusal.
    assert refused.value.kind == ("role" if role != step.role else "state")
    assert refused.value.field == "action"


@pytest.mark.parametrize("action", ["return", "cancel", "return_to_kabkota", "return_to_province"])
@pytest.mark.parametrize("reason", ["", "   ", None])
def test_returns_and_cancellations_need_a_written_reason(action, reason):
    step = next(t for t in TRANSITIONS if t.action.value == action)
    with pytest.raises(WorkflowError) as refused:
        check_transition(action, step.role, next(iter(step.sources)), reason=reason)
    assert (refused.value.kind, refused.value.field) == ("input", "reason")


@pytest.mark.parametrize("action", ["submit", "propose", "recommend", "designate"])
def test_forward_steps_take_an_optional_note(action):
    step = next(t for t in TRANSITIONS if t.action.value == action)
    assert check_transition(action, step.role, next(iter(step.sources))).target is step.target


def test_unknown_action_and_state_name_the_field():
    with pytest.raises(WorkflowError) as unknown:
        check_transition("approve", "kemensos", "recommended")
    assert unknown.value.field == "action" and "submit" in unknown.value.message
    with pytest.raises(WorkflowError) as state:
        check_transition("submit", "operator_lpks", "limbo")
    assert state.value.field == "state"


def test_available_actions_are_the_buttons_of_each_role():
    assert [t.action for t in available_actions("operator_lpks", "draft")] == [Action.SUBMIT, Action.CANCEL]
    assert [t.action for t in available_actions("dinsos_kabkota", "submitted")] == [Action.RETURN, Action.PROPOSE]
    assert [t.action for t in available_actions("dinsos_provinsi", "proposed")] == [Action.RETURN_TO_KABKOTA,
                                                                                     Action.RECOMMEND]
    assert [t.action for t in available_actions("kemensos", "recommended")] == [Action.RETURN_TO_PROVINCE,
                                                                                 Action.DESIGNATE]
    assert available_actions("kemensos", "draft") == () and available_actions("admin_sistem", "submitted") == ()


def test_each_role_has_its_queue():
    assert QUEUES == {"operator_lpks": (State.DRAFT, State.RETURNED), "dinsos_kabkota": (State.SUBMITTED,),
                      "dinsos_provinsi": (State.PROPOSED,), "kemensos": (State.RECOMMENDED,)}


@pytest.mark.parametrize("role, state, allowed", [
    ("operator_lpks", "draft", True), ("operator_lpks", "returned", True), ("operator_lpks", "submitted", False),
    ("operator_lpks", "designated", False), ("dinsos_kabkota", "draft", False), ("kemensos", "draft", False)])
def test_only_the_lpks_answers_and_only_in_draft_or_revision(role, state, allowed):
    if allowed:
        check_answer(role, state)
        return
    with pytest.raises(WorkflowError) as refused:
        check_answer(role, state)
    assert refused.value.kind == ("role" if role != "operator_lpks" else "state")


@pytest.mark.parametrize("role, state, reason, kind", [
    ("dinsos_kabkota", "submitted", "Sarana tidak ditemukan saat kunjungan", None),
    ("dinsos_kabkota", "submitted", " ", "input"), ("dinsos_kabkota", "proposed", "x", "state"),
    ("dinsos_provinsi", "submitted", "x", "role"), ("operator_lpks", "draft", "x", "role"),
    ("kemensos", "recommended", "x", "role")])
def test_adjustments_by_the_verifying_office_with_a_reason(role, state, reason, kind):
    if kind is None:
        check_adjustment(role, state, reason)
        return
    with pytest.raises(WorkflowError) as refused:
        check_adjustment(role, state, reason)
    assert refused.value.kind == kind


def test_one_open_assessment_per_lpks_started_by_its_operator():
    check_start("operator_lpks", has_open=False)
    with pytest.raises(WorkflowError) as open_one:
        check_start("operator_lpks", has_open=True)
    assert open_one.value.kind == "state"
    with pytest.raises(WorkflowError) as wrong:
        check_start("dinsos_kabkota", has_open=False)
    assert wrong.value.kind == "role"


def test_completeness_and_evidence():
    check_complete([])
    with pytest.raises(WorkflowError) as missing:
        check_complete(["a.x", "b.y"])
    assert missing.value.field == "answers" and "2 indikator" in missing.value.message
    # An answer that earns points needs evidence unless the registry (or the verifier) confirms it.
    assert needs_evidence(2, False) and not needs_evidence(0, False) and not needs_evidence(2, True)
    check_evidence([("a.x", 2, True, None), ("b.y", 0, False, None), ("c.z", 1, False, "Arsip 3")])
    with pytest.raises(WorkflowError) as lacking:
        check_evidence([("a.x", 1, False, "  ")])
    assert lacking.value.field == "evidence" and "a.x" in lacking.value.message


TODAY = date(2026, 3, 20)


@pytest.mark.parametrize("band, grade, reason, number, decree_date, field", [
    (Grade.B, Grade.B, None, "KEP-1", TODAY, None),
    (Grade.B, Grade.A, "Temuan lapangan lebih baik", "KEP-1", TODAY, None),
    (Grade.B, Grade.A, "", "KEP-1", TODAY, "grade_reason"),
    (None, Grade.C, None, "KEP-1", TODAY, "grade_reason"),
    (Grade.C, None, "Tidak layak", "KEP-1", TODAY, None),
    (Grade.B, Grade.B, None, " ", TODAY, "decree_number"),
    (Grade.B, Grade.B, None, "KEP-1", None, "decree_date"),
    (Grade.B, Grade.B, None, "KEP-1", date(2026, 3, 21), "decree_date"),
])
def test_designation_inputs(band, grade, reason, number, decree_date, field):
    if field is None:
        check_designation(band, grade, reason, number, decree_date, TODAY)
        return
    with pytest.raises(WorkflowError) as refused:
        check_designation(band, grade, reason, number, decree_date, TODAY)
    assert refused.value.field == field


@pytest.mark.parametrize("valid_until, state", [
    (date(2026, 3, 19), State.EXPIRED), (date(2026, 3, 20), State.DESIGNATED), (date(2026, 3, 21), State.DESIGNATED)])
def test_a_designation_expires_the_day_after_its_last_valid_day(valid_until, state):
    assert effective_state("designated", valid_until, TODAY) is state
    assert valid_grade("designated", "A", valid_until, TODAY) == ("A" if state is State.DESIGNATED else None)
    if state is State.EXPIRED:
        assert check_expiry("designated", valid_until, TODAY).target is State.EXPIRED
    else:
        with pytest.raises(WorkflowError):
            check_expiry("designated", valid_until, TODAY)


def test_only_a_designation_gives_a_grade():
    for state in State:
        if state is not State.DESIGNATED:
            assert valid_grade(state, "A", date(2030, 1, 1), TODAY) is None


@pytest.mark.parametrize("days, flagged", [(-1, False), (0, True), (EXPIRY_WARNING_DAYS, True),
                                           (EXPIRY_WARNING_DAYS + 1, False)])
def test_expiring_within_180_days(days, flagged):
    from datetime import timedelta

    assert expiring(TODAY + timedelta(days=days), TODAY) is flagged


def test_the_start_button_follows_the_workflow_start_rule(api, app, session):
    """The page offers "start" exactly when the service would accept it: the operator, no assessment in progress."""
    from sqlalchemy import select

    from lpks.accreditation.services.assessments import startable_institution
    from lpks.platform.models.user import User
    from tests.accreditation_flow.conftest import started

    def user(name):
        return session.scalar(select(User).where(User.username == name))

    operator = user("operator.pasuruan")
    with app.app_context():
        assert startable_institution(session, operator).id == operator.institution_id
        assert startable_institution(session, user("dinsos.pasuruan")) is None
        assert startable_institution(session, user("kemensos")) is None
    started(api)
    session.rollback()
    with app.app_context():
        assert startable_institution(session, operator) is None
