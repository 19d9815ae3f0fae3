"""What a designation rests on (RULES §3, issue 12 item 1): a lawful status and a registration in force; answers
the registry's own evaluation contradicts go forward only with a reviewer's recorded reason."""
from __future__ import annotations

import pytest

from accreditation.designation import (
    StatusItem,
    check_conflicts_resolved,
    check_lawful_status,
    registry_conflicts,
)
from accreditation.workflow import WorkflowError

FORMED = StatusItem("a.upt_or_badan_hukum", "terpenuhi", "Dibentuk … berbadan hukum", "Formed …",
                    "Pasal 53 ayat (1); Pasal 54 ayat (1)", "Badan hukum lengkap", "Legal entity complete")
NO_ENTITY = StatusItem("a.upt_or_badan_hukum", "sebagian", "Dibentuk … berbadan hukum", "Formed …",
                       "Pasal 53 ayat (1); Pasal 54 ayat (1)", "1 dari 2 bukti badan hukum", "1 of 2 documents")
REGISTERED = StatusItem("a.terdaftar", "terpenuhi", "Terdaftar", "Registered", "Pasal 54 ayat (2)", "Berlaku", "Valid")
LAPSED = StatusItem("a.terdaftar", "belum", "Terdaftar", "Registered", "Pasal 54 ayat (2)",
                    "Tanda daftar kedaluwarsa 1 Januari 2026", "Registration expired 1 January 2026")
NOT_DESIGNATED = StatusItem("a.penetapan_menteri", "belum", "Ditetapkan Menteri", "Designated", "Pasal 56", "-", "-")


@pytest.mark.parametrize(("items", "named"), [
    ((FORMED, REGISTERED), ()),
    ((FORMED, REGISTERED, NOT_DESIGNATED), ()),             # the designation itself is what is being decided
    ((NO_ENTITY, REGISTERED), ("Pasal 53 ayat (1); Pasal 54 ayat (1)",)),   # the community LPKS
    ((FORMED, LAPSED), ("Pasal 54 ayat (2)",)),
    ((NO_ENTITY, LAPSED), ("Pasal 53 ayat (1); Pasal 54 ayat (1)", "Pasal 54 ayat (2)")),
])
def test_lawful_status(items, named):
    if not named:
        assert check_lawful_status(items) is None
        return
    with pytest.raises(WorkflowError) as refused:
        check_lawful_status(items)
    assert refused.value.field == "status" and "Pasal 56" in str(refused.value)
    for pasal in named:
        assert pasal in str(refused.value)


@pytest.mark.parametrize(("answers", "registry", "conflicts"), [
    ({"a.x": "terpenuhi"}, {"a.x": "belum"}, ("a.x",)),            # the free-text claim
    ({"a.x": "sebagian"}, {"a.x": "belum"}, ("a.x",)),             # half the points is still carried as met
    ({"a.x": "belum"}, {"a.x": "belum"}, ()),
    ({"a.x": None}, {"a.x": "belum"}, ()),
    ({"a.x": "terpenuhi"}, {"a.x": "sebagian"}, ()),               # the registry found part of it
    ({"a.x": "terpenuhi"}, {}, ()),                                 # the registry cannot answer the item
    ({"b": "terpenuhi", "a": "terpenuhi"}, {"a": "belum", "b": "belum"}, ("a", "b")),
])
def test_registry_conflicts(answers, registry, conflicts):
    assert registry_conflicts(answers, registry) == conflicts


def test_conflicts_go_forward_only_with_reasons():
    check_conflicts_resolved(("a", "b"), ("a", "b"))
    with pytest.raises(WorkflowError) as refused:
        check_conflicts_resolved(("a", "b"), ("a",))
    assert refused.value.field == "conflicts" and "b" in str(refused.value) and "1 jawaban" in str(refused.value)
