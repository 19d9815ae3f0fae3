"""What completes a stage, which actions a stage allows to whom, and termination (Pasal 18–34; RULES §6).

A pure lifecycle: the services gather the facts, these functions decide; views ask `allowed_actions`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum

from .case_stages import (
    CASE_ROLES,
    EARLY_REASONS,
    REQUIRED,
    RULE_EARLY,
    STAGES,
    TERMINATION_REASONS,
    Stage,
    StageFacts,
)
from .errors import RuleError
from .exits import ExitReason
from .labels import format_date_id


class CaseAction(StrEnum):
    """Something a user does on a case."""

    ASSIGN_MANAGER = "assign_manager"
    RECORD_ACTIVITIES = "record_activities"
    COMPLETE_STAGE = "complete_stage"
    RECORD_ASSESSMENT = "record_assessment"
    RECORD_CONFERENCE = "record_conference"
    EDIT_PLAN = "edit_plan"
    PLAN_SERVICE = "plan_service"
    RECORD_SERVICE = "record_service"
    REINTEGRATION = "reintegration"
    SUBSTITUTE_FAMILY = "substitute_family"
    TERMINATE = "terminate"
    RECORD_FOLLOW_UP = "record_follow_up"
    ASSIGN_COMPANION = "assign_companion"
    COMPANION_REPORT = "companion_report"
    REFER = "refer"


_S = Stage
_FROM = {  # the first and last stage (inclusive) in which an action is open
    CaseAction.ASSIGN_MANAGER: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
    CaseAction.RECORD_ACTIVITIES: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
    CaseAction.COMPLETE_STAGE: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
    CaseAction.RECORD_ASSESSMENT: (_S.ASESMEN, _S.RESOSIALISASI),   # re-assessment during the work
    CaseAction.RECORD_CONFERENCE: (_S.ASESMEN, _S.TERMINASI),
    CaseAction.EDIT_PLAN: (_S.RENCANA, _S.RESOSIALISASI),           # a plan is revised while it is carried out
    CaseAction.PLAN_SERVICE: (_S.RENCANA, _S.BIMBINGAN_LANJUT),
    CaseAction.RECORD_SERVICE: (_S.RENCANA, _S.BIMBINGAN_LANJUT),
    CaseAction.REINTEGRATION: (_S.RESOSIALISASI, _S.TERMINASI),     # Pasal 49 ayat 1 huruf a–d
    CaseAction.SUBSTITUTE_FAMILY: (_S.RESOSIALISASI, _S.TERMINASI),  # Pasal 50
    CaseAction.TERMINATE: (_S.PENDEKATAN_AWAL, _S.TERMINASI),       # before terminasi: b–d only (check_termination)
    CaseAction.RECORD_FOLLOW_UP: (_S.RESOSIALISASI, _S.BIMBINGAN_LANJUT),  # visits follow the return
    CaseAction.ASSIGN_COMPANION: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
    CaseAction.COMPANION_REPORT: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
    CaseAction.REFER: (_S.PENDEKATAN_AWAL, _S.BIMBINGAN_LANJUT),
}


def allowed_actions(stage: Stage | str, role: str, closed: bool = False) -> frozenset[CaseAction]:
    """The actions open on a case at `stage` for `role` (the policy then decides whose case it is)."""
    if closed or role not in CASE_ROLES:
        return frozenset()
    stage = Stage.coerce(stage, field="stage", rule="Pasal 18 ayat 1")
    return frozenset(action for action, (first, last) in _FROM.items() if first.index <= stage.index <= last.index)


def _missing(label_id: str, label_en: str) -> tuple[str, str]:
    return label_id, label_en


def unmet(stage: Stage | str, facts: StageFacts) -> list[tuple[str, str]]:
    """What still keeps `stage` from completion, as (Indonesian, English) sentences with their Pasal."""
    stage = Stage.coerce(stage, field="stage", rule="Pasal 18 ayat 1")
    found = []
    for group in REQUIRED[stage]:
        if not any(activity.value in facts.activities for activity in group):
            found.append(_missing(" atau ".join(a.label_id for a in group) + f" ({group[0].pasal})",
                                  " or ".join(a.label_en for a in group) + f" ({group[0].pasal})"))
    if not facts.has_case_manager:
        found.append(_missing("manajer kasus (Pekerja Sosial Profesional) ditetapkan (Pasal 17 ayat 2)",
                              "a case manager (certified social worker) assigned (Pasal 17 ayat 2)"))
    checks = {
        Stage.PENDEKATAN_AWAL: [(facts.file_complete, "berkas Pasal 10–14 lengkap (Pasal 21 ayat 3)",
                                 "the file of Pasal 10–14 complete (Pasal 21 ayat 3)")],
        Stage.ASESMEN: [(facts.assessment_complete, "hasil asesmen: masalah, kebutuhan, potensi dan sumber "
                         "(Pasal 25 ayat 1)", "an assessment: problems, needs, potentials, resources (Pasal 25 "
                         "ayat 1)"),
                        (facts.conference_held, "temu bahas kasus dengan peserta dan kesimpulan (Pasal 25 ayat 6)",
                         "a case conference with participants and conclusions (Pasal 25 ayat 6)")],
        Stage.RENCANA: [(facts.plan_needs > 0, "kebutuhan menurut skala prioritas (Pasal 26 ayat 2 huruf a)",
                         "needs by priority (Pasal 26 ayat 2 huruf a)"),
                        (facts.planned_services > 0, "layanan atau rujukan yang dipilih, dengan tanggal "
                         "(Pasal 26 ayat 2 huruf b)", "services or referrals chosen, with dates (Pasal 26 ayat 2 "
                         "huruf b)"),
                        (facts.plan_agreed, "tanggal kesepakatan rencana (Pasal 26 ayat 2 huruf c)",
                         "the date the plan was agreed (Pasal 26 ayat 2 huruf c)")],
        Stage.INTERVENSI: [(facts.done_services > 0, "layanan yang telah dilaksanakan (Pasal 35 ayat 1)",
                            "a service carried out (Pasal 35 ayat 1)"),
                           (facts.open_services == 0, f"{facts.open_services} layanan terencana belum dicatat "
                            "selesai atau dibatalkan", f"{facts.open_services} planned services not yet recorded "
                            "done or cancelled")],
        Stage.RESOSIALISASI: [(facts.resocialisation_result, "hasil resosialisasi (Pasal 32; Pasal 49 ayat 2)",
                               "the result of resocialisation (Pasal 32; Pasal 49 ayat 2)")],
        Stage.TERMINASI: [(facts.termination_reason is not None, "alasan terminasi (Pasal 33 ayat 2)",
                           "a termination reason (Pasal 33 ayat 2)")],
        Stage.BIMBINGAN_LANJUT: [(facts.done_follow_ups > 0, "kunjungan bimbingan lanjut yang dilaksanakan "
                                  "(Pasal 34)", "an aftercare visit carried out (Pasal 34)"),
                                 (facts.open_follow_ups == 0, f"{facts.open_follow_ups} kunjungan bimbingan lanjut "
                                  "belum dilaksanakan", f"{facts.open_follow_ups} aftercare visits not yet made")],
    }
    found += [(id_text, en_text) for held, id_text, en_text in checks[stage] if not held]
    return found


def check_stage_completion(stage: Stage | str, facts: StageFacts, completed_on: date, opened_on: date | None,
                           today: date) -> None:
    """Refuse to complete `stage` while a condition is unmet, or on a date before it opened or after today."""
    stage = Stage.coerce(stage, field="stage", rule="Pasal 18 ayat 1")
    if completed_on > today:
        raise RuleError("Tanggal selesai tahap tidak boleh setelah hari ini.", field="completed_on", rule=stage.pasal,
                        message_en="A stage cannot be completed on a future date.")
    if opened_on is not None and completed_on < opened_on:
        raise RuleError(f"Tanggal selesai tahap tidak boleh sebelum tahap dibuka ({format_date_id(opened_on)}).",
                        field="completed_on", rule=stage.pasal,
                        message_en=f"A stage cannot be completed before it opened ({opened_on.isoformat()}).")
    missing = unmet(stage, facts)
    if missing:
        raise RuleError(f"Tahap {stage.label_id} belum dapat diselesaikan; belum ada: "
                        + "; ".join(m[0] for m in missing) + ".", field="stage", rule=stage.pasal,
                        message_en=f"{stage.label_en} cannot be completed yet; missing: "
                                   + "; ".join(m[1] for m in missing) + ".")


def check_termination(stage: Stage | str, reason: ExitReason | str, *, returned_and_accepted: bool = False,
                      has_referral: bool = False) -> ExitReason:
    """A termination reason of Pasal 33 ayat 2: before the terminasi stage only huruf b–d; "completed" only once the
    child is back with the family and the four conditions of Pasal 49 ayat 7 are recorded; "referred" only with a
    referral recorded."""
    stage = Stage.coerce(stage, field="stage", rule="Pasal 18 ayat 1")
    reason = ExitReason.coerce(reason, field="termination_reason", rule=RULE_EARLY)
    if reason not in TERMINATION_REASONS:
        raise RuleError(f"\"{reason.label_id}\" bukan alasan terminasi ({RULE_EARLY}).", field="termination_reason",
                        rule=RULE_EARLY, message_en=f"\"{reason.label_en}\" is not a termination reason ({RULE_EARLY}).")
    if stage.index > Stage.TERMINASI.index:
        raise RuleError("Kasus ini sudah diterminasi.", field="termination_reason", rule=RULE_EARLY,
                        message_en="This case is already terminated.")
    if stage is not Stage.TERMINASI and reason not in EARLY_REASONS:
        raise RuleError(f"Terminasi sebelum tahap terminasi (sekarang tahap {stage.label_id}) hanya karena anak "
                        f"dirujuk, melarikan diri dan tidak ditemukan, atau meninggal dunia ({RULE_EARLY} huruf b–d).",
                        field="termination_reason", rule=RULE_EARLY,
                        message_en=f"Termination before the termination stage (now {stage.label_en}) is allowed only "
                                   f"when the child is referred, ran away and was not found, or died ({RULE_EARLY} "
                                   "b–d).")
    if reason is ExitReason.COMPLETED and not returned_and_accepted:
        raise RuleError("Terminasi karena selesai hanya setelah anak dikembalikan kepada Keluarga/Keluarga Pengganti "
                        "dan dipastikan aman, nyaman, terpenuhi kebutuhannya, dan diterima (Pasal 49 ayat 7).",
                        field="termination_reason", rule="Pasal 49 ayat 7",
                        message_en="Termination as completed only after the child is returned to the family and is "
                                   "recorded safe, comfortable, with needs met and accepted (Pasal 49 ayat 7).")
    if reason is ExitReason.REFERRED_ELSEWHERE and not has_referral:
        raise RuleError("Terminasi karena dirujuk memerlukan rujukan yang tercatat pada kasus ini (Pasal 33 ayat 2 "
                        "huruf b; Pasal 46).", field="termination_reason", rule="Pasal 33 ayat 2 huruf b",
                        message_en="Termination as referred needs a referral recorded on this case (Pasal 33 ayat 2 "
                                   "b; Pasal 46).")
    return reason


def stage_after_termination(reason: ExitReason | str) -> Stage | None:
    """Completed rehabilitation goes on to bimbingan lanjut (Pasal 34); huruf b–d close the case (None)."""
    reason = ExitReason(reason)
    return Stage.BIMBINGAN_LANJUT if reason is ExitReason.COMPLETED else None


__all__ = ["CaseAction", "STAGES", "allowed_actions", "check_stage_completion", "check_termination",
           "stage_after_termination", "unmet"]
