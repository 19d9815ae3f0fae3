"""Facts of the letters (RULES §4–5, issue 12 item 10): a first custody letter grants at most the level's base
days; after admission the start and the days change only by a corrected letter; the handover lies between the
placement's start and now, and a placement never starts after its handover or its first titipan period."""
from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from lpks.rules import (
    CustodyLevel,
    RuleError,
    check_correction,
    check_first_letter,
    check_handover,
    check_placement_start,
)

TODAY = date(2026, 12, 2)


@pytest.mark.parametrize(("level", "base", "sppa"), [
    ("penyidikan", 7, "UU SPPA Pasal 33 ayat 1"), ("penuntutan", 5, "UU SPPA Pasal 34 ayat 1"),
    ("pengadilan_negeri", 10, "UU SPPA Pasal 35 ayat 1"), ("pengadilan_tinggi", 10, "UU SPPA Pasal 37 ayat 1"),
    ("kasasi", 15, "UU SPPA Pasal 38 ayat 1"),
])
def test_first_letter_grants_at_most_the_base(level, base, sppa):
    assert check_first_letter(level, base) == base and check_first_letter(level, 1) == 1
    with pytest.raises(RuleError) as refused:
        check_first_letter(level, base + 1)
    error = refused.value
    assert error.field == "granted_days" and sppa in error.message and sppa.replace("ayat 1", "ayat 2") in error.message
    assert f"paling lama {base} hari" in error.message
    assert f"{CustodyLevel(level).extension_days} hari" in error.message and "perpanjangan" in error.message


def test_the_issues_fifteen_day_letter():
    with pytest.raises(RuleError) as refused:
        check_first_letter("penyidikan", 15)
    assert "penuntut umum" in refused.value.message and "public prosecutor" in refused.value.message_en


@pytest.mark.parametrize(("admitted", "changed", "number", "dated", "result"), [
    (False, {"start_date", "granted_days"}, None, None, False),   # before admission: a plain correction
    (True, {"letter_number"}, None, None, False),                 # not a fact of the letters
    (True, set(), None, None, False),
    (True, {"start_date"}, "SP/1a", TODAY, True),
    (True, {"granted_days"}, "SP/1a", TODAY - timedelta(days=30), True),
])
def test_corrections_accepted(admitted, changed, number, dated, result):
    assert check_correction(admitted, changed, number, dated, TODAY) is result


@pytest.mark.parametrize(("changed", "number", "dated", "field"), [
    ({"start_date"}, None, TODAY, "correction_letter_number"),
    ({"granted_days"}, "", TODAY, "correction_letter_number"),
    ({"start_date"}, "SP/1a", None, "correction_letter_date"),
    ({"start_date"}, "SP/1a", TODAY + timedelta(days=1), "correction_letter_date"),   # a letter from tomorrow
])
def test_corrections_refused(changed, number, dated, field):
    with pytest.raises(RuleError) as refused:
        check_correction(True, changed, number, dated, TODAY)
    assert refused.value.field == field and "UU SPPA Pasal 33–38" in refused.value.message


NOW = datetime(2026, 12, 2, 3, 0, tzinfo=timezone.utc)  # 10:00 in Jakarta


@pytest.mark.parametrize(("handover", "day", "start", "ok"), [
    (NOW, TODAY, TODAY, True),                                       # the start day itself
    (NOW - timedelta(days=30), TODAY - timedelta(days=30), TODAY - timedelta(days=30), True),
    (NOW, TODAY, TODAY - timedelta(days=400), True),
    (datetime(2001, 5, 1, tzinfo=timezone.utc), date(2001, 5, 1), date(2026, 11, 1), False),  # the issue's 2001
    (NOW - timedelta(days=1), TODAY - timedelta(days=1), TODAY, False),                      # a day before start
    (NOW + timedelta(minutes=1), TODAY, TODAY, False),                                       # the future
])
def test_handover_between_start_and_now(handover, day, start, ok):
    if ok:
        assert check_handover(handover, day, NOW, start) == handover
    else:
        with pytest.raises(RuleError) as refused:
            check_handover(handover, day, NOW, start)
        assert refused.value.field == "handover_at" and "Pasal 10 ayat 5 huruf c" in refused.value.message


@pytest.mark.parametrize(("start", "handover", "first_period", "field"), [
    (TODAY, TODAY, TODAY, None),
    (TODAY - timedelta(days=5), TODAY, None, None),
    (TODAY, None, None, None),                                        # not admitted, no period yet
    (TODAY + timedelta(days=1), TODAY, None, "start_date"),           # moved after its handover
    (TODAY + timedelta(days=1), None, TODAY, "start_date"),           # after its first titipan period
])
def test_placement_start(start, handover, first_period, field):
    if field is None:
        assert check_placement_start(start, handover, first_period) == start
    else:
        with pytest.raises(RuleError) as refused:
            check_placement_start(start, handover, first_period)
        assert refused.value.field == field
