"""The three small additions to lpks/rules: holiday kinds, the next custody level, who may be placed."""
from datetime import date

import pytest

from lpks.rules import (
    HOLIDAY_CUTI_BERSAMA,
    HOLIDAY_NATIONAL,
    RuleError,
    check_next_level,
    check_placement_kind,
    seed_holiday_kinds,
    seed_holidays,
)


def test_holiday_kinds_cover_the_seed_and_tell_cuti_bersama_apart():
    rows = seed_holiday_kinds([2025])
    assert [(day, name) for day, name, _kind in rows] == seed_holidays([2025])
    kinds = {day: kind for day, _name, kind in rows}
    assert kinds[date(2025, 8, 17)] == HOLIDAY_NATIONAL
    assert kinds[date(2025, 8, 18)] == HOLIDAY_CUTI_BERSAMA


@pytest.mark.parametrize(("previous", "level", "ok"), [
    ("penyidikan", "penuntutan", True), ("penuntutan", "pengadilan_negeri", True),
    ("pengadilan_negeri", "pengadilan_tinggi", True), ("pengadilan_tinggi", "kasasi", True),
    ("penyidikan", "penyidikan", False), ("penyidikan", "pengadilan_negeri", False),
    ("penuntutan", "penyidikan", False), ("kasasi", "kasasi", False),
])
def test_next_level(previous, level, ok):
    if ok:
        assert check_next_level(previous, level).value == level
    else:
        with pytest.raises(RuleError) as exc:
            check_next_level(previous, level)
        assert exc.value.field == "level" and "Pasal 11 ayat 3" in exc.value.message


@pytest.mark.parametrize(("kind", "ok"), [("anak", True), ("anak_korban", False), ("anak_saksi", False)])
def test_only_an_anak_is_placed_under_pasal_9_ayat_1(kind, ok):
    if ok:
        assert check_placement_kind(kind).value == kind
    else:
        with pytest.raises(RuleError) as exc:
            check_placement_kind(kind)
        assert exc.value.field == "kind" and "Pasal 9 ayat 1, 3 dan 4" in exc.value.message
