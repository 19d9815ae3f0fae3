"""What a designation rests on (Pasal 53–56; RULES §3): a lawful status and a registration in force, and no answer
carried forward as met against the registry's own evaluation without a reviewer's recorded reason.

Reading (RULES §3): the Pasal 56 designation *is* the decision that ends the workflow; no other form records it.
A registry conflict is an answer in force that earns points (terpenuhi, or sebagian) where the registry's own
evaluation of the same item says belum: "carried forward as met" is read as carried forward with points.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .workflow import WorkflowError

# The items of Pasal 52 ayat (4) huruf a that a designation needs: status (53–54 ayat 1) and registration (54 ayat 2).
LAWFUL_STATUS_ITEMS = ("a.upt_or_badan_hukum", "a.terdaftar")
DESIGNATION_ITEM = "a.penetapan_menteri"
NOT_MET = "belum"


@dataclass(frozen=True)
class StatusItem:
    """The registry's evaluation of one status item."""

    code: str
    status: str
    label_id: str
    label_en: str
    pasal: str
    reason: str
    reason_en: str


def check_lawful_status(items: Iterable[StatusItem]) -> None:
    """Refuse a designation while the status or the registration does not hold, naming each item and its Pasal
    (Pasal 53–54; Pasal 56)."""
    missing = [item for item in items if item.code in LAWFUL_STATUS_ITEMS and item.status != "terpenuhi"]
    if missing:
        listed_id = "; ".join(f"{i.label_id} ({i.pasal}): {i.reason}" for i in missing)
        listed_en = "; ".join(f"{i.label_en} ({i.pasal}): {i.reason_en}" for i in missing)
        raise WorkflowError("input", "status", f"Penetapan ditolak: status lembaga belum sah menurut registri — "
                            f"{listed_id} (Pasal 56).",
                            f"Designation refused: the institution's status does not hold in the registry — "
                            f"{listed_en} (Pasal 56).")


def registry_conflicts(answers: Mapping[str, str | None], registry: Mapping[str, str]) -> tuple[str, ...]:
    """Indicators whose answer in force earns points while the registry's own evaluation says belum (RULES §3)."""
    return tuple(sorted(code for code, answer in answers.items()
                        if registry.get(code) == NOT_MET and answer not in (None, NOT_MET)))


def check_conflicts_resolved(conflicts: Iterable[str], resolved: Iterable[str]) -> None:
    """No conflict goes forward without a reviewer's recorded reason (RULES §3 Registry conflicts)."""
    open_ = sorted(set(conflicts) - set(resolved))
    if open_:
        shown = ", ".join(open_)
        raise WorkflowError("input", "conflicts", f"{len(open_)} jawaban bertentangan dengan penilaian registri "
                            f"('belum') dan belum disertai alasan peninjau: {shown}. Catat alasan menerimanya, atau "
                            f"kembalikan untuk diperbaiki.",
                            f"{len(open_)} answers contradict the registry's evaluation ('belum') without a "
                            f"reviewer's recorded reason: {shown}. Record the reason for accepting them, or return "
                            f"the assessment.")
