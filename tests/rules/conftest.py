"""Fixtures for the rules tests."""

from __future__ import annotations

import pytest

from lpks.rules import holiday_dates, seed_holidays

YEARS = range(2023, 2030)


@pytest.fixture(scope="session")
def id_holidays() -> frozenset:
    """National holidays and cuti bersama of Indonesia, 2023–2029, as seeded from `holidays`."""
    return holiday_dates(seed_holidays(YEARS))
