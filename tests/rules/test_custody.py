"""Titipan periods: maxima per level, day counting, notice deadline (Pasal 11 ayat 3–4; UU SPPA Pasal 33–38)."""

from datetime import date

import pytest

from lpks.rules import (
    CustodyLevel,
    CustodyPeriod,
    RuleError,
    check_days,
    compute_custody,
    last_day,
    next_level,
    notice_deadline,
)

LEVELS = [  # level, base, extension, maximum, SPPA Pasal
    (CustodyLevel.PENYIDIKAN, 7, 8, 15, "UU SPPA Pasal 33"),
    (CustodyLevel.PENUNTUTAN, 5, 5, 10, "UU SPPA Pasal 34"),
    (CustodyLevel.PENGADILAN_NEGERI, 10, 15, 25, "UU SPPA Pasal 35"),
    (CustodyLevel.PENGADILAN_TINGGI, 10, 15, 25, "UU SPPA Pasal 37"),
    (CustodyLevel.KASASI, 15, 20, 35, "UU SPPA Pasal 38"),
]


def test_level_values_are_exact():
    assert [level.value for level in CustodyLevel] == [
        "penyidikan", "penuntutan", "pengadilan_negeri", "pengadilan_tinggi", "kasasi"]


@pytest.mark.parametrize(("level", "base", "extension", "maximum", "sppa"), LEVELS)
def test_limits_per_level(level, base, extension, maximum, sppa):
    assert (level.base_days, level.extension_days, level.max_days) == (base, extension, maximum)
    assert sppa in level.pasal and "Pasal 11 ayat 3" in level.pasal


@pytest.mark.parametrize(("level", "base", "extension", "maximum", "sppa"), LEVELS)
def test_maximum_is_accepted(level, base, extension, maximum, sppa):
    assert check_days(level, base, [extension]) == maximum
    assert check_days(level, maximum) == maximum  # Reading: only the total is limited
    assert check_days(level.value, base) == base


@pytest.mark.parametrize(("level", "base", "extension", "maximum", "sppa"), LEVELS)
def test_maximum_plus_one_is_refused(level, base, extension, maximum, sppa):
    for granted, extensions in ((base, [extension + 1]), (maximum + 1, []), (base, [extension, 1])):
        with pytest.raises(RuleError) as caught:
            check_days(level, granted, extensions)
        error = caught.value
        assert error.field == "days"
        assert f"paling lama {maximum} hari ({base} + perpanjangan {extension})" in error.message
        assert "Pasal 11 ayat 3" in error.rule and sppa in error.rule
        assert f"at most {maximum} days" in error.message_en


def test_message_names_the_level_and_rule():
    with pytest.raises(RuleError) as caught:
        check_days("penyidikan", 7, [9])
    expected = "Jumlah hari penitipan tingkat penyidikan paling lama 15 hari (7 + perpanjangan 8)"
    assert str(caught.value).startswith(expected)
    assert "(Pasal 11 ayat 3 huruf a; UU SPPA Pasal 33)" in str(caught.value)


@pytest.mark.parametrize(("granted", "extensions", "field"), [
    (0, [], "days"), (-3, [], "days"), (True, [], "days"), (7.0, [], "days"),
    (7, [0], "extensions"), (7, [-1], "extensions"), (5, [3, 0], "extensions"),
])
def test_non_positive_days_are_refused(granted, extensions, field):
    with pytest.raises(RuleError) as caught:
        check_days(CustodyLevel.PENYIDIKAN, granted, extensions)
    assert caught.value.field == field


def test_unknown_level_is_a_rule_error():
    with pytest.raises(RuleError) as caught:
        check_days("banding", 5)
    assert caught.value.field == "level"


@pytest.mark.parametrize(("level", "expected"), [
    (CustodyLevel.PENYIDIKAN, CustodyLevel.PENUNTUTAN),
    (CustodyLevel.PENUNTUTAN, CustodyLevel.PENGADILAN_NEGERI),
    (CustodyLevel.PENGADILAN_NEGERI, CustodyLevel.PENGADILAN_TINGGI),
    ("pengadilan_tinggi", CustodyLevel.KASASI),
    (CustodyLevel.KASASI, None),
])
def test_next_level(level, expected):
    assert next_level(level) is expected


@pytest.mark.parametrize(("start", "days", "expected"), [
    (date(2024, 8, 1), 1, date(2024, 8, 1)),      # start is day 1
    (date(2024, 8, 1), 15, date(2024, 8, 15)),
    (date(2024, 2, 23), 15, date(2024, 3, 8)),    # across 29 Feb 2024
    (date(2023, 2, 23), 15, date(2023, 3, 9)),    # common year
    (date(2028, 2, 20), 10, date(2028, 2, 29)),   # ends on a leap day
    (date(2024, 12, 25), 10, date(2025, 1, 3)),   # across the year end
    (date(2024, 1, 31), 35, date(2024, 3, 5)),
])
def test_last_day(start, days, expected):
    assert last_day(start, days) == expected


@pytest.mark.parametrize("days", [0, -1])
def test_last_day_refuses_empty_period(days):
    with pytest.raises(RuleError) as caught:
        last_day(date(2024, 1, 1), days)
    assert caught.value.field == "days"


@pytest.mark.parametrize(("last", "expected"), [
    (date(2024, 8, 15), date(2024, 8, 13)),   # Thursday → Tuesday
    (date(2024, 8, 19), date(2024, 8, 15)),   # Monday → Thursday, 17 Aug on the Saturday
    (date(2024, 8, 3), date(2024, 8, 1)),     # last day on a Saturday
    (date(2025, 8, 19), date(2025, 8, 14)),   # cuti bersama 18 Aug 2025 is not a working day
    (date(2024, 4, 16), date(2024, 4, 4)),    # Lebaran 2024: 8–12 and 15 April off
    (date(2024, 12, 27), date(2024, 12, 23)), # Christmas and cuti bersama Natal
    (date(2025, 1, 1), date(2024, 12, 30)),   # last day itself a holiday
    (date(2024, 3, 4), date(2024, 2, 29)),    # leap day is the deadline
])
def test_notice_deadline_is_second_working_day_before(id_holidays, last, expected):
    assert notice_deadline(last, id_holidays) == expected


def test_notice_deadline_depends_on_cuti_bersama():
    assert notice_deadline(date(2025, 8, 19), frozenset({date(2025, 8, 17)})) == date(2025, 8, 15)


def test_compute_custody(id_holidays):
    period = compute_custody("penyidikan", date(2025, 8, 5), 7, [8], id_holidays)
    assert period == CustodyPeriod(level=CustodyLevel.PENYIDIKAN, start=date(2025, 8, 5), granted_days=7,
                                   extensions=(8,), total_days=15, max_days=15, last_day=date(2025, 8, 19),
                                   notice_deadline=date(2025, 8, 14))
    assert period.extension_left == 0
    assert compute_custody(CustodyLevel.KASASI, date(2024, 1, 1), 15).extension_left == 20


def test_compute_custody_refuses_above_maximum():
    with pytest.raises(RuleError):
        compute_custody(CustodyLevel.PENUNTUTAN, date(2024, 1, 1), 5, (6,))
