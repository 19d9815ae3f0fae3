"""Dinas Sosial case handling (RULES §8): channels and reporters, the route by age on the offence date and the
offence, the service time of 5 working days on the holiday calendar, complaints, and the procedure's order."""

from datetime import date

import pytest

from lpks.rules import RuleError
from lpks.rules.case_stages import Stage
from lpks.rules.exits import ExitReason
from lpks.rules.intake import (
    PATHS, Channel, IntakeRoute, Reporter, Severity, Step, check_age, check_reporter, decide_route, route_steps,
)
from lpks.rules.intake_flow import (
    IntakeAction, IntakeFacts, allowed_actions, check_route_decision, check_step, check_termination, next_step,
    require, stage_of,
)
from lpks.rules.service_time import (
    ServiceState, check_answer, check_received, complaint_due, days_taken, service_deadline, service_time,
)

RJ, UPPA = IntakeRoute.RJ_MASYARAKAT, IntakeRoute.DIVERSI_UPPA


@pytest.mark.parametrize(("channel", "reporter", "ok"), [
    ("laporan", "anak", True), ("laporan", "orang_tua_wali", True), ("laporan", "masyarakat", True),
    ("laporan", "penyidik", False), ("laporan", "polsek", False),
    ("undangan_rj", "masyarakat", True), ("undangan_rj", "perangkat_kelurahan", True), ("undangan_rj", "polsek", True),
    ("undangan_rj", "hakim", False), ("undangan_rj", "anak", False),
    ("undangan_diversi", "penyidik", True), ("undangan_diversi", "penuntut_umum", True),
    ("undangan_diversi", "hakim", True), ("undangan_diversi", "masyarakat", False),
])
def test_who_may_report_or_invite_through_each_channel(channel, reporter, ok):
    if ok:
        assert check_reporter(channel, reporter) is Reporter(reporter)
    else:
        with pytest.raises(RuleError) as caught:
            check_reporter(channel, reporter)
        assert caught.value.field == "reporter_kind"
        assert Channel(channel).label_id in caught.value.message


def test_unknown_channel_is_refused_naming_the_choices():
    with pytest.raises(RuleError) as caught:
        check_reporter("telepon", "anak")
    assert caught.value.field == "channel" and "laporan" in caught.value.message


@pytest.mark.parametrize(("channel", "born", "offence", "severity", "age", "route"), [
    # the day before the 12th birthday: community route whatever the offence and the channel
    ("laporan", date(2013, 6, 15), date(2025, 6, 14), "berat", 11, RJ),
    ("undangan_diversi", date(2013, 6, 15), date(2025, 6, 14), None, 11, RJ),
    ("undangan_rj", date(2013, 6, 15), date(2025, 6, 14), None, 11, RJ),
    # on the 12th birthday the offence decides
    ("laporan", date(2013, 6, 15), date(2025, 6, 15), "ringan", 12, RJ),
    ("laporan", date(2013, 6, 15), date(2025, 6, 15), "berat", 12, UPPA),
    ("undangan_rj", date(2013, 6, 15), date(2025, 6, 15), "ringan", 12, RJ),
    ("undangan_rj", date(2013, 6, 15), date(2025, 6, 15), "berat", 12, UPPA),
    # a diversion invitation is already the formal process
    ("undangan_diversi", date(2013, 6, 15), date(2025, 6, 15), "ringan", 12, UPPA),
    ("undangan_diversi", date(2013, 6, 15), date(2025, 6, 15), None, 12, UPPA),
    # the day before the 18th birthday
    ("laporan", date(2007, 6, 15), date(2025, 6, 14), "berat", 17, UPPA),
    # born 29 February: the 18th birthday is reached on 1 March of a common year
    ("laporan", date(2008, 2, 29), date(2026, 2, 28), "ringan", 17, RJ),
])
def test_route_by_age_on_the_offence_date_and_the_offence(channel, born, offence, severity, age, route):
    decision = decide_route(channel, born, offence, severity)
    assert (decision.age, decision.route) == (age, route)
    assert str(age) in decision.reason_id


@pytest.mark.parametrize(("born", "offence"), [
    (date(2007, 6, 15), date(2025, 6, 15)),   # 18th birthday on the offence date
    (date(2008, 2, 29), date(2026, 3, 1)),    # 29 February: 18 on 1 March
    (date(2000, 1, 1), date(2025, 6, 1)),
])
def test_eighteen_or_older_on_the_offence_date_is_refused(born, offence):
    with pytest.raises(RuleError) as caught:
        decide_route("laporan", born, offence, "ringan")
    assert caught.value.field == "birth_date" and "18" in caught.value.message
    with pytest.raises(RuleError):
        check_age(born, offence)


def test_the_offence_date_not_today_decides_the_age():
    # 11 on the offence date, 13 today: still the community route
    assert decide_route("laporan", date(2013, 6, 15), date(2025, 6, 1), None).route is RJ


def test_twelve_or_older_needs_the_offence_weighed():
    with pytest.raises(RuleError) as caught:
        decide_route("laporan", date(2010, 1, 1), date(2025, 6, 1), None)
    assert caught.value.field == "offence_severity"
    with pytest.raises(RuleError) as caught:
        decide_route("laporan", date(2010, 1, 1), date(2025, 6, 1), "sedang")
    assert caught.value.field == "offence_severity"


def test_birth_after_the_offence_is_refused():
    with pytest.raises(RuleError):
        decide_route("laporan", date(2025, 7, 1), date(2025, 6, 1), None)


@pytest.mark.parametrize(("route", "channel", "steps"), [
    ("rj_masyarakat", "laporan", (Step.MUSYAWARAH,)),
    ("rj_masyarakat", "undangan_diversi", (Step.MUSYAWARAH,)),
    ("diversi_uppa", "laporan", (Step.LAPOR_UPPA, Step.DIVERSI, Step.REKOMENDASI)),
    ("diversi_uppa", "undangan_rj", (Step.LAPOR_UPPA, Step.DIVERSI, Step.REKOMENDASI)),
    ("diversi_uppa", "undangan_diversi", (Step.DIVERSI, Step.REKOMENDASI)),  # law enforcement invited already
])
def test_route_steps(route, channel, steps):
    assert route_steps(route, channel) == steps


def test_each_channel_has_its_path():
    assert PATHS[Channel.LAPORAN] == (Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE)
    assert PATHS[Channel.UNDANGAN_RJ] == (Step.VERIFIKASI, Step.PENDAMPINGAN_MEDIATOR)
    assert PATHS[Channel.UNDANGAN_DIVERSI] == (Step.PENDAMPINGAN_ABH,)


# --- service time: the 5th working day after the day of receipt (day 0) ---

@pytest.mark.parametrize(("received", "deadline"), [
    (date(2025, 8, 4), date(2025, 8, 11)),     # Monday → next Monday
    (date(2025, 8, 8), date(2025, 8, 15)),     # Friday → across one weekend
    (date(2025, 8, 9), date(2025, 8, 15)),     # received on a Saturday: day 0 is the Saturday
    (date(2025, 8, 13), date(2025, 8, 21)),    # 17 Aug (Sunday) and cuti bersama Monday 18 Aug skipped
    (date(2024, 4, 5), date(2024, 4, 22)),     # the whole Lebaran 2024 block (8–15 April) skipped
    (date(2024, 12, 23), date(2025, 1, 2)),    # Christmas, cuti bersama and New Year, across the year's end
    (date(2025, 12, 25), date(2026, 1, 5)),    # received on a holiday
    (date(2024, 3, 8), date(2024, 3, 19)),     # Nyepi Monday and its cuti bersama Tuesday
])
def test_service_deadline(id_holidays, received, deadline):
    assert service_deadline(received, id_holidays) == deadline


@pytest.mark.parametrize(("held_years", "received", "deadline", "missing"), [
    ((2025, 2026), date(2025, 12, 29), date(2026, 1, 6), ()),         # 1 January 2026 known: skipped
    ((2025,), date(2025, 12, 29), date(2026, 1, 5), (2026,)),          # 2026 not held: an estimate naming it
    ((2024, 2025), date(2026, 8, 12), date(2026, 8, 19), (2026,)),     # 17 August 2026 unknown: counted
    ((2026,), date(2026, 8, 12), date(2026, 8, 20), ()),
    ((), date(2025, 8, 13), date(2025, 8, 20), (2025,)),               # an empty calendar: weekends only
])
def test_service_deadline_names_the_years_the_calendar_lacks(id_holidays, held_years, received, deadline, missing):
    calendar = frozenset(day for day in id_holidays if day.year in held_years)
    answer = service_time(received, calendar, today=received)
    assert answer.deadline == deadline
    assert answer.calendar_missing_years == missing


def test_missing_years_cover_a_late_issue_after_the_deadline(id_holidays):
    calendar = frozenset(day for day in id_holidays if day.year == 2025)
    answer = service_time(date(2025, 12, 1), calendar, today=date(2026, 1, 20), issued_on=date(2026, 1, 12))
    assert answer.deadline == date(2025, 12, 8) and answer.calendar_missing_years == (2026,)
    assert answer.state is ServiceState.LATE


@pytest.mark.parametrize(("received", "issued", "taken"), [
    (date(2025, 8, 8), date(2025, 8, 8), 0),     # issued on the day of receipt
    (date(2025, 8, 8), date(2025, 8, 11), 1),    # Friday → Monday
    (date(2025, 8, 15), date(2025, 8, 16), 0),   # issued on the Saturday after: no working day yet
    (date(2025, 8, 13), date(2025, 8, 19), 3),   # cuti bersama 18 Aug not counted
    (date(2025, 8, 4), date(2025, 8, 11), 5),    # on the deadline
    (date(2025, 8, 4), date(2025, 8, 12), 6),    # one working day late
    (date(2024, 4, 5), date(2024, 4, 16), 1),    # Lebaran 2024
])
def test_days_taken(id_holidays, received, issued, taken):
    assert days_taken(received, issued, id_holidays) == taken


def test_a_product_before_the_receipt_is_refused(id_holidays):
    with pytest.raises(RuleError) as caught:
        days_taken(date(2025, 8, 8), date(2025, 8, 7), id_holidays)
    assert caught.value.field == "issued_on"


@pytest.mark.parametrize(("today", "issued", "state", "taken"), [
    (date(2025, 8, 4), None, ServiceState.DUE, None),
    (date(2025, 8, 11), None, ServiceState.DUE, None),        # the deadline itself is still in time
    (date(2025, 8, 12), None, ServiceState.OVERDUE, None),
    (date(2025, 8, 20), date(2025, 8, 11), ServiceState.ON_TIME, 5),
    (date(2025, 8, 20), date(2025, 8, 12), ServiceState.LATE, 6),
])
def test_service_state(id_holidays, today, issued, state, taken):
    answer = service_time(date(2025, 8, 4), id_holidays, today, issued)
    assert (answer.state, answer.days_taken, answer.deadline) == (state, taken, date(2025, 8, 11))


def test_complaint_due_and_answer_dates(id_holidays):
    assert complaint_due(date(2025, 8, 13), id_holidays) == date(2025, 8, 21)
    assert check_answer(date(2025, 8, 13), date(2025, 8, 13), date(2025, 8, 20)) == date(2025, 8, 13)
    for answered in (date(2025, 8, 12), date(2025, 8, 21)):
        with pytest.raises(RuleError) as caught:
            check_answer(date(2025, 8, 13), answered, date(2025, 8, 20))
        assert caught.value.field == "answered_on"
    with pytest.raises(RuleError):
        check_received(date(2025, 8, 21), date(2025, 8, 20))


# --- the procedure's order ---

def facts(channel="laporan", steps=(), route=None, **kw) -> IntakeFacts:
    return IntakeFacts(channel=channel, steps_done=frozenset(s.value for s in steps), route=route, **kw)


def test_a_report_is_assessed_then_conferenced_before_its_route():
    start = facts()
    assert next_step(start) is Step.PENDATAAN_ASESMEN
    with pytest.raises(RuleError) as caught:
        check_step(start, "case_conference")
    assert "Pendataan dan asesmen" in caught.value.message
    with pytest.raises(RuleError):
        check_route_decision(facts(steps=(Step.PENDATAAN_ASESMEN,)))
    with pytest.raises(RuleError) as caught:
        check_step(start, "musyawarah_pasal_14")
    assert "rute belum diputuskan" in caught.value.message
    check_route_decision(facts(steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE)))


def test_a_step_of_another_channel_is_refused():
    with pytest.raises(RuleError) as caught:
        check_step(facts("undangan_diversi"), "verifikasi_kunjungan_rumah")
    assert caught.value.field == "step"


def test_the_route_decides_the_steps_after_it():
    decided = facts(steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE), route="diversi_uppa")
    assert next_step(decided) is Step.LAPOR_UPPA
    with pytest.raises(RuleError):
        check_step(decided, "musyawarah_pasal_14")
    with pytest.raises(RuleError):
        check_step(decided, "pendampingan_diversi")  # the report to UPPA comes first
    invited = facts("undangan_diversi", steps=(Step.PENDAMPINGAN_ABH,), route="diversi_uppa")
    assert check_step(invited, "pendampingan_diversi") is Step.DIVERSI


@pytest.mark.parametrize(("state", "stage", "open_", "closed"), [
    (facts(), Stage.PENDEKATAN_AWAL, {IntakeAction.RECORD_STEP, IntakeAction.TERMINATE},
     {IntakeAction.DECIDE_ROUTE, IntakeAction.MONITOR, IntakeAction.ISSUE_BERITA_ACARA}),
    (facts(steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE)), Stage.ASESMEN, {IntakeAction.DECIDE_ROUTE},
     {IntakeAction.MONITOR, IntakeAction.ISSUE_BERITA_ACARA}),
    (facts(steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE), route="rj_masyarakat"), Stage.RENCANA,
     {IntakeAction.ISSUE_BERITA_ACARA, IntakeAction.RECORD_STEP}, {IntakeAction.DECIDE_ROUTE, IntakeAction.MONITOR}),
    (facts(steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE, Step.MUSYAWARAH), route="rj_masyarakat"),
     Stage.INTERVENSI, {IntakeAction.MONITOR, IntakeAction.TERMINATE}, {IntakeAction.RECORD_STEP}),
    (facts(steps=(Step.PENDAMPINGAN_ABH,), route="diversi_uppa", channel="undangan_diversi", terminated=True),
     Stage.TERMINASI, {IntakeAction.WRITE_REPORT}, {IntakeAction.FILE_REPORT, IntakeAction.TERMINATE}),
    (facts(route="rj_masyarakat", terminated=True, report_written=True), Stage.TERMINASI,
     {IntakeAction.FILE_REPORT}, {IntakeAction.WRITE_REPORT}),
    (facts(route="rj_masyarakat", terminated=True, report_written=True, report_filed=True), Stage.TERMINASI,
     set(), set(IntakeAction)),
])
def test_stage_and_actions_follow_the_procedure(state, stage, open_, closed):
    assert stage_of(state) is stage
    assert open_ <= allowed_actions(state)
    assert not closed & allowed_actions(state)


def test_a_referral_opens_the_referral_letter_and_a_handed_over_case_nothing():
    assert IntakeAction.ISSUE_RUJUKAN in allowed_actions(facts(has_referral=True))
    assert IntakeAction.ISSUE_RUJUKAN not in allowed_actions(facts())
    assert allowed_actions(facts(has_referral=True, handed_over=True)) == frozenset()


def test_require_says_what_comes_first():
    with pytest.raises(RuleError) as caught:
        require(facts(), IntakeAction.MONITOR)
    assert "Prosedur langkah 11" in caught.value.message
    with pytest.raises(RuleError) as caught:
        require(facts(route="rj_masyarakat", steps=(Step.PENDATAAN_ASESMEN, Step.CASE_CONFERENCE)),
                IntakeAction.DECIDE_ROUTE)
    assert "sudah diputuskan" in caught.value.message


@pytest.mark.parametrize(("state", "reason", "ok"), [
    (facts(), "completed", False),
    (facts(goal_reached=True), "completed", True),
    (facts(), "referred_elsewhere", False),
    (facts(has_referral=True), "referred_elsewhere", True),
    (facts(), "ran_away_not_found", True),
    (facts(), "died", True),
    (facts(goal_reached=True), "parole", False),
])
def test_termination(state, reason, ok):
    if ok:
        assert check_termination(state, reason) is ExitReason(reason)
    else:
        with pytest.raises(RuleError) as caught:
            check_termination(state, reason)
        assert caught.value.field == "termination_reason"


def test_severity_and_route_labels_cite_the_procedure():
    assert "langkah 7" in Severity.RINGAN.pasal and "langkah 8" in Severity.BERAT.pasal
    assert "Pasal 14" in RJ.pasal and "UPPA" in UPPA.label_id
