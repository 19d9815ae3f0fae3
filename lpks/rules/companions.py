"""Who may manage and accompany a child's case: the case manager (Pasal 17 ayat 2; RULES §6) and companions
(Pasal 74–76): a peksos or TKS trained in SPPA, volunteers assisting, never one companion for the Anak and the Anak
Korban or Anak Saksi of the same case number (Pasal 74 ayat 5)."""

from __future__ import annotations

from collections.abc import Iterable

from .errors import RuleError
from .labels import LabelledEnum

RULE_MANAGER = "Pasal 17 ayat 2"
RULE_COMPANION = "Pasal 75 ayat 2"
RULE_VOLUNTEER = "Pasal 75 ayat 3"
RULE_CONFLICT = "Pasal 74 ayat 5"
MANAGER_FUNCTION = "peksos"
COMPANION_FUNCTIONS = ("peksos", "tks")
ANAK = "anak"
VICTIM_OR_WITNESS = ("anak_korban", "anak_saksi")


class CompanionRole(LabelledEnum):
    """A companion accompanies the child (Pasal 75 ayat 2); a volunteer assists one (Pasal 75 ayat 3)."""

    PENDAMPING = ("pendamping", "Pendamping (Pekerja Sosial Profesional/TKS)", "Companion (social worker)",
                  RULE_COMPANION)
    RELAWAN = ("relawan", "Relawan sosial (membantu pendamping)", "Social volunteer (assisting)", RULE_VOLUNTEER)


def check_case_manager(function: str, *, certified: bool, active: bool) -> None:
    """The case manager is an active, certified Pekerja Sosial Profesional (Pasal 17 ayat 2; RULES §6)."""
    if function != MANAGER_FUNCTION:
        raise RuleError("Manajer kasus harus Pekerja Sosial Profesional; Tenaga Kesejahteraan Sosial dapat membantu "
                        f"sebagai pendamping ({RULE_MANAGER}).", field="case_manager_id", rule=RULE_MANAGER,
                        message_en="The case manager must be a professional social worker (peksos); a TKS may "
                                   f"assist as a companion ({RULE_MANAGER}).")
    if not active:
        raise RuleError("Pekerja sosial ini tidak aktif di LPKS pada hari ini.", field="case_manager_id",
                        rule=RULE_MANAGER, message_en="This social worker is not active at the LPKS today.")
    if not certified:
        raise RuleError("Manajer kasus harus tersertifikasi dan sertifikatnya masih berlaku; catat sertifikatnya di "
                        f"daftar SDM ({RULE_MANAGER}).", field="case_manager_id", rule=RULE_MANAGER,
                        message_en="The case manager must hold a valid certificate; record it in the staff register "
                                   f"({RULE_MANAGER}).")


def check_companion(role: CompanionRole | str, function: str | None, *, sppa_trained: bool, active: bool = True,
                    has_companion: bool = True) -> CompanionRole:
    """A companion is a peksos or TKS trained in SPPA; a volunteer, trained in SPPA too, assists a companion."""
    role = CompanionRole.coerce(role, field="role", rule=RULE_COMPANION)
    if role is CompanionRole.PENDAMPING and function not in COMPANION_FUNCTIONS:
        raise RuleError("Pendamping harus Pekerja Sosial Profesional atau Tenaga Kesejahteraan Sosial "
                        f"({RULE_COMPANION}).", field="staff_member_id", rule=RULE_COMPANION,
                        message_en=f"A companion must be a social worker or a TKS ({RULE_COMPANION}).")
    if not active:
        raise RuleError("Petugas ini tidak aktif pada hari ini.", field="staff_member_id", rule=RULE_COMPANION,
                        message_en="This person is not active today.")
    if not sppa_trained:
        rule = RULE_COMPANION if role is CompanionRole.PENDAMPING else RULE_VOLUNTEER
        raise RuleError(f"{role.label_id} harus telah mendapat pelatihan Sistem Peradilan Pidana Anak yang masih "
                        f"berlaku ({rule}).", field="sppa_trained", rule=rule,
                        message_en=f"{role.label_en} must hold a valid juvenile justice (SPPA) training ({rule}).")
    if role is CompanionRole.RELAWAN and not has_companion:
        raise RuleError(f"Relawan membantu pendamping: tetapkan pendamping terlebih dahulu ({RULE_VOLUNTEER}).",
                        field="role", rule=RULE_VOLUNTEER,
                        message_en=f"A volunteer assists a companion: assign the companion first ({RULE_VOLUNTEER}).")
    return role


def conflicts(child_kind: str, other_kinds: Iterable[str]) -> bool:
    """Would one companion serve the Anak and the Anak Korban or Anak Saksi of one case number? (Pasal 74 ayat 5)"""
    others = set(other_kinds)
    if child_kind == ANAK:
        return bool(others & set(VICTIM_OR_WITNESS))
    return child_kind in VICTIM_OR_WITNESS and ANAK in others


def check_conflict(child_kind: str, other_kinds: Iterable[str], case_number: str | None) -> None:
    """Refuse the companion already accompanying the other side of the same case number (Pasal 74 ayat 5)."""
    if conflicts(child_kind, other_kinds):
        raise RuleError(f"Pendamping ini sudah mendampingi anak di pihak lain dalam perkara {case_number or ''}: "
                        "Anak dan Anak Korban/Anak Saksi harus didampingi oleh pendamping yang berbeda "
                        f"({RULE_CONFLICT}).", field="staff_member_id", rule=RULE_CONFLICT,
                        message_en=f"This companion already accompanies a child on the other side of case "
                                   f"{case_number or ''}: the Anak and the Anak Korban/Saksi need different companions "
                                   f"({RULE_CONFLICT}).")
