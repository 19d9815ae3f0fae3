"""Social reintegration (Pasal 47–50): the steps of Pasal 49 ayat 1 in order, the four conditions of ayat 7 before
termination, and the search for a substitute family when the family refuses the child (Pasal 50)."""

from __future__ import annotations

from datetime import date

from .errors import RuleError
from .labels import LabelledEnum, format_date_id

RULE_STEPS = "Pasal 49 ayat 1"
RULE_CONDITIONS = "Pasal 49 ayat 7"
RULE_SUBSTITUTE = "Pasal 50"


class ReintegrationStep(LabelledEnum):
    """The steps of Pasal 49 ayat 1 huruf a–e, in order."""

    PREPARE_CHILD = ("prepare_child", "Menyiapkan kondisi psikologis anak (dari hasil resosialisasi)",
                     "Preparing the child (from the resocialisation's results)", "Pasal 49 ayat 1 huruf a, ayat 2")
    PREPARE_FAMILY = ("prepare_family", "Menyiapkan Keluarga/Keluarga Pengganti dan masyarakat (tanggal disepakati)",
                      "Preparing the family and community (agreed date)", "Pasal 49 ayat 1 huruf b, ayat 3–4")
    RETURN = ("return", "Mengembalikan anak ke Keluarga/Keluarga Pengganti (surat serah terima)",
              "Returning the child to the family (handover letter)", "Pasal 49 ayat 1 huruf c, ayat 5")
    MONITOR = ("monitor", "Pemantauan dan evaluasi perkembangan anak", "Monitoring and evaluation",
               "Pasal 49 ayat 1 huruf d, ayat 6")
    TERMINATE = ("terminate", "Terminasi", "Termination", "Pasal 49 ayat 1 huruf e, ayat 7")


STEPS: tuple[ReintegrationStep, ...] = tuple(ReintegrationStep)


class Condition(LabelledEnum):
    """The four conditions of Pasal 49 ayat 7 that must be recorded before termination."""

    SAFE = ("safe", "aman", "safe", RULE_CONDITIONS)
    COMFORTABLE = ("comfortable", "nyaman", "comfortable", RULE_CONDITIONS)
    NEEDS_MET = ("needs_met", "terpenuhi kebutuhannya", "needs met", RULE_CONDITIONS)
    ACCEPTED = ("accepted", "diterima oleh Keluarga/Keluarga Pengganti dan masyarakat",
                "accepted by the family and community", RULE_CONDITIONS)


class FamilyKind(LabelledEnum):
    """To whom the child returns (Pasal 47 ayat 1)."""

    KELUARGA = ("keluarga", "Keluarga", "Family", "Pasal 47 ayat 1")
    KELUARGA_PENGGANTI = ("keluarga_pengganti", "Keluarga Pengganti", "Substitute family", "Pasal 47 ayat 1; Pasal 50")


def check_step(step: ReintegrationStep | str, done: set[str] | frozenset[str]) -> ReintegrationStep:
    """A step may be recorded only once every earlier step is (Pasal 49 ayat 1 sets the order)."""
    step = ReintegrationStep.coerce(step, field="step", rule=RULE_STEPS)
    before = [s for s in STEPS[:STEPS.index(step)] if s.value not in done]
    if before:
        raise RuleError(f"Langkah \"{step.label_id}\" baru dapat dicatat setelah: "
                        + "; ".join(s.label_id for s in before) + f" ({RULE_STEPS}).", field="step", rule=RULE_STEPS,
                        message_en=f"\"{step.label_en}\" can be recorded only after: "
                                   + "; ".join(s.label_en for s in before) + f" ({RULE_STEPS}).")
    return step


def missing_conditions(**held: bool | None) -> tuple[Condition, ...]:
    """The conditions of Pasal 49 ayat 7 not recorded as held (`safe=True, comfortable=None, …`)."""
    return tuple(condition for condition in Condition if not held.get(condition.value))


def check_conditions(**held: bool | None) -> None:
    """Refuse termination after reintegration until all four conditions are recorded (Pasal 49 ayat 7)."""
    missing = missing_conditions(**held)
    if missing:
        raise RuleError("Terminasi hanya setelah dipastikan anak " + ", ".join(c.label_id for c in Condition)
                        + "; belum dipastikan: " + ", ".join(c.label_id for c in missing) + f" ({RULE_CONDITIONS}).",
                        field=missing[0].value, rule=RULE_CONDITIONS,
                        message_en="Termination only once the child is " + ", ".join(c.label_en for c in Condition)
                                   + "; not yet recorded: " + ", ".join(c.label_en for c in missing)
                                   + f" ({RULE_CONDITIONS}).")


def check_step_date(step: ReintegrationStep | str, on: date, previous_on: date | None, today: date) -> None:
    """A step's date is not in the future nor before the step before it."""
    step = ReintegrationStep.coerce(step, field="step", rule=RULE_STEPS)
    if on > today:
        raise RuleError(f"Tanggal \"{step.label_id}\" tidak boleh setelah hari ini.", field="done_on", rule=step.pasal,
                        message_en=f"The date of \"{step.label_en}\" cannot be in the future.")
    if previous_on is not None and on < previous_on:
        raise RuleError(f"Tanggal \"{step.label_id}\" tidak boleh sebelum langkah sebelumnya "
                        f"({format_date_id(previous_on)}).", field="done_on", rule=RULE_STEPS,
                        message_en=f"The date of \"{step.label_en}\" cannot be before the previous step "
                                   f"({previous_on.isoformat()}).")


def check_agreed_return(agreed_on: date | None, prepared_on: date) -> date:
    """Preparing the family sets the agreed date of the return (Pasal 49 ayat 3), not before the preparation."""
    if agreed_on is None:
        raise RuleError("Tanggal pengembalian yang disepakati dengan keluarga wajib diisi (Pasal 49 ayat 3).",
                        field="agreed_return_on", rule="Pasal 49 ayat 3",
                        message_en="The return date agreed with the family is required (Pasal 49 ayat 3).")
    if agreed_on < prepared_on:
        raise RuleError("Tanggal pengembalian yang disepakati tidak boleh sebelum persiapan keluarga "
                        f"({format_date_id(prepared_on)}).", field="agreed_return_on", rule="Pasal 49 ayat 3",
                        message_en=f"The agreed return date cannot be before the family's preparation "
                                   f"({prepared_on.isoformat()}).")
    return agreed_on


def check_substitute_search(family_refused: bool, family_kind: FamilyKind | str | None = None) -> None:
    """A search for a substitute family opens only after a recorded refusal by the family or community (Pasal 50)."""
    if not family_refused:
        raise RuleError("Pencarian Keluarga Pengganti dibuka setelah penolakan oleh keluarga atau masyarakat dicatat "
                        f"({RULE_SUBSTITUTE}).", field="family_refused", rule=RULE_SUBSTITUTE,
                        message_en=f"A substitute family is searched for only after a refusal by the family or "
                                   f"community is recorded ({RULE_SUBSTITUTE}).")


def check_return_family(family_kind: FamilyKind | str, family_refused: bool, substitute_found: bool) -> FamilyKind:
    """After the family refused, the child returns only to a substitute family found by the search (Pasal 50)."""
    kind = FamilyKind.coerce(family_kind, field="family_kind", rule="Pasal 47 ayat 1")
    if family_refused and kind is FamilyKind.KELUARGA:
        raise RuleError("Keluarga menolak anak: anak dikembalikan kepada Keluarga Pengganti (Pasal 50).",
                        field="family_kind", rule=RULE_SUBSTITUTE,
                        message_en="The family refused the child: the child returns to a substitute family (Pasal 50).")
    if kind is FamilyKind.KELUARGA_PENGGANTI and not substitute_found:
        raise RuleError("Keluarga Pengganti belum ditemukan: catat hasil pencarian terlebih dahulu (Pasal 50).",
                        field="family_kind", rule=RULE_SUBSTITUTE,
                        message_en="No substitute family found yet: record the search's result first (Pasal 50).")
    return kind
