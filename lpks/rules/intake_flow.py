"""The Dinas Sosial's procedure as a lifecycle on the child's case (RULES §6, §8): which step may be recorded now,
when the route may be decided, monitoring, termination, the case manager's report, the products, and the stage of
Pasal 18 ayat 1 the case is in.

Reading (stages): a case the Dinas Sosial handles itself runs the stages of Pasal 18 ayat 1 as its procedure does:
receipt → pendekatan awal; the channel's path (assessment and case conference, home-visit verification,
accompaniment) → asesmen; the route decided → rencana; the route's first step (the Pasal 14 meeting, the report to
UPPA, the diversion) → intervensi, during which the peksos or a TKSK monitors; termination → terminasi. The child stays
with the family, so there is no resocialisation or return; the case closes when the data and information section
files the case manager's report (procedure step 13).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from lpks.rules.case_stages import Stage
from lpks.rules.errors import RuleError
from lpks.rules.exits import ExitReason
from lpks.rules.intake import PATHS, RULE, Channel, IntakeRoute, Step, route_steps


class IntakeAction(StrEnum):
    """Something done on a Dinas Sosial case, in the procedure's order."""

    ASSIGN_OFFICER = "assign_officer"
    RECORD_STEP = "record_step"
    DECIDE_ROUTE = "decide_route"
    MONITOR = "monitor"
    TERMINATE = "terminate"
    WRITE_REPORT = "write_report"
    FILE_REPORT = "file_report"
    ISSUE_BERITA_ACARA = "issue_berita_acara"
    ISSUE_RUJUKAN = "issue_rujukan"


@dataclass(frozen=True)
class IntakeFacts:
    """What a Dinas Sosial case's records show, as these rules read them."""

    channel: str
    steps_done: frozenset[str] = field(default_factory=frozenset)
    route: str | None = None
    goal_reached: bool = False
    terminated: bool = False
    report_written: bool = False
    report_filed: bool = False
    has_referral: bool = False
    handed_over: bool = False  # referred and accepted by an LPKS: the case continues there


def path_of(facts: IntakeFacts) -> tuple[Step, ...]:
    """The channel's path, then the route's steps once it is decided."""
    path = PATHS[Channel(facts.channel)]
    return path + (route_steps(facts.route, facts.channel) if facts.route else ())


def path_complete(facts: IntakeFacts) -> bool:
    """Every step of the channel's path is recorded."""
    return all(step.value in facts.steps_done for step in PATHS[Channel(facts.channel)])


def next_step(facts: IntakeFacts) -> Step | None:
    """The first step of the path (and route) not yet recorded."""
    return next((step for step in path_of(facts) if step.value not in facts.steps_done), None)


def check_step(facts: IntakeFacts, step: Step | str) -> Step:
    """A step may be recorded when it belongs to the channel's path or the decided route, and the steps before it
    are recorded (a recorded step may be corrected)."""
    step = Step.coerce(step, field="step", rule=RULE)
    channel = Channel(facts.channel)
    order = path_of(facts)
    if step not in order:
        where_id = f"jalur {channel.label_id.lower()}"
        if facts.route:
            where_id += f" dan rute {IntakeRoute(facts.route).label_id.lower()}"
        elif step not in PATHS[channel]:
            where_id += " (rute belum diputuskan)"
        raise RuleError(f"Langkah \"{step.label_id}\" bukan bagian dari {where_id} ({step.pasal}).", field="step",
                        rule=step.pasal, message_en=f"\"{step.label_en}\" is not a step of this case's path "
                                                    f"({step.pasal}).")
    missing = [s for s in order[:order.index(step)] if s.value not in facts.steps_done]
    if missing:
        raise RuleError(f"Catat dahulu: {missing[0].label_id} ({missing[0].pasal}).", field="step", rule=step.pasal,
                        message_en=f"Record first: {missing[0].label_en} ({missing[0].pasal}).")
    return step


def check_route_decision(facts: IntakeFacts) -> None:
    """The route is decided once the channel's path is recorded (for a report: after the case conference)."""
    missing = [s for s in PATHS[Channel(facts.channel)] if s.value not in facts.steps_done]
    if missing:
        raise RuleError("Rute diputuskan setelah " + ", ".join(s.label_id.lower() for s in missing)
                        + f" ({missing[-1].pasal}).", field="route", rule=missing[-1].pasal,
                        message_en="The route is decided after " + ", ".join(s.label_en.lower() for s in missing)
                                   + f" ({missing[-1].pasal}).")


def route_started(facts: IntakeFacts) -> bool:
    """The route's first step is recorded."""
    return bool(facts.route) and route_steps(facts.route, facts.channel)[0].value in facts.steps_done


def allowed_actions(facts: IntakeFacts) -> frozenset[IntakeAction]:
    """What the procedure allows now (the policy then decides who may do it)."""
    if facts.report_filed or facts.handed_over:
        return frozenset()
    if facts.terminated:
        return frozenset({IntakeAction.FILE_REPORT} if facts.report_written else {IntakeAction.WRITE_REPORT}) | (
            {IntakeAction.ISSUE_RUJUKAN} if facts.has_referral else frozenset())
    found = {IntakeAction.ASSIGN_OFFICER, IntakeAction.TERMINATE}
    if next_step(facts) is not None:
        found.add(IntakeAction.RECORD_STEP)
    if path_complete(facts) and not facts.route:
        found.add(IntakeAction.DECIDE_ROUTE)
    if facts.route:
        found.add(IntakeAction.ISSUE_BERITA_ACARA)
    if route_started(facts):
        found.add(IntakeAction.MONITOR)
    if facts.has_referral:
        found.add(IntakeAction.ISSUE_RUJUKAN)
    return frozenset(found)


def require(facts: IntakeFacts, action: IntakeAction) -> None:
    """Refuse an action the procedure does not allow now, saying what comes first."""
    if action in allowed_actions(facts):
        return
    if facts.report_filed or facts.handed_over:
        text_id, text_en = "Kasus ini sudah selesai ditangani atau diteruskan ke LPKS.", "This case is closed or was " \
                                                                                           "handed to an LPKS."
    elif facts.terminated:
        text_id, text_en = "Kasus sudah diterminasi.", "The case is terminated."
    elif action is IntakeAction.DECIDE_ROUTE and facts.route:
        text_id, text_en = "Rute kasus ini sudah diputuskan.", "This case's route is already decided."
    elif action is IntakeAction.MONITOR:
        text_id, text_en = ("Pemantauan dimulai setelah langkah pertama rute dicatat (Prosedur langkah 11).",
                            "Monitoring starts once the route's first step is recorded (procedure step 11).")
    elif action is IntakeAction.ISSUE_BERITA_ACARA:
        text_id, text_en = ("Berita acara penanganan kasus diterbitkan setelah rute diputuskan.",
                            "The case handling record is issued once the route is decided.")
    elif action is IntakeAction.ISSUE_RUJUKAN:
        text_id, text_en = ("Surat rujukan diterbitkan dari rujukan yang tercatat pada kasus (Pasal 46).",
                            "A referral letter is issued from a referral recorded on the case (Pasal 46).")
    elif action in (IntakeAction.WRITE_REPORT, IntakeAction.FILE_REPORT):
        text_id, text_en = ("Laporan manajer kasus dibuat setelah terminasi dan diarsipkan setelah dibuat "
                            "(Prosedur langkah 13).", "The case manager's report follows termination and is filed "
                                                       "once written (procedure step 13).")
    else:
        text_id, text_en = "Tindakan ini belum tersedia pada kasus ini.", "This action is not available yet."
    raise RuleError(text_id, field="action", rule=RULE, message_en=text_en)


def check_termination(facts: IntakeFacts, reason: ExitReason | str) -> ExitReason:
    """Terminated when the rehabilitation's goal is reached, as a monitoring recorded it (procedure step 12); early
    only when referred (with a referral), ran away and not found, or died (Pasal 33 ayat 2 huruf b–d)."""
    reason = ExitReason.coerce(reason, field="termination_reason", rule="Pasal 33 ayat 2")
    if not reason.is_termination:
        raise RuleError(f"\"{reason.label_id}\" bukan alasan terminasi (Pasal 33 ayat 2).", field="termination_reason",
                        rule="Pasal 33 ayat 2", message_en=f"\"{reason.label_en}\" is not a termination reason.")
    if reason is ExitReason.COMPLETED and not facts.goal_reached:
        raise RuleError("Terminasi karena tujuan rehabilitasi tercapai memerlukan pemantauan yang mencatat tujuan itu "
                        "tercapai (Prosedur langkah 11–12).", field="termination_reason", rule="Prosedur langkah 12",
                        message_en="Termination because the goal was reached needs a monitoring that records it "
                                   "(procedure steps 11–12).")
    if reason is ExitReason.REFERRED_ELSEWHERE and not facts.has_referral:
        raise RuleError("Terminasi karena dirujuk memerlukan rujukan yang tercatat pada kasus ini (Pasal 33 ayat 2 "
                        "huruf b; Pasal 46).", field="termination_reason", rule="Pasal 33 ayat 2 huruf b",
                        message_en="Termination as referred needs a referral recorded on this case.")
    return reason


def stage_of(facts: IntakeFacts) -> Stage:
    """The stage of Pasal 18 ayat 1 the procedure has reached (the Reading above)."""
    if facts.terminated:
        return Stage.TERMINASI
    if route_started(facts):
        return Stage.INTERVENSI
    if facts.route:
        return Stage.RENCANA
    if facts.steps_done:
        return Stage.ASESMEN
    return Stage.PENDEKATAN_AWAL
