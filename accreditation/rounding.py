"""The one rounding rule of the package: exact fractions, rounded half up to 2 decimals, once, at the end."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

HUNDRED = Fraction(100)


def to_fraction(value: Decimal | int | Fraction) -> Fraction:
    """Exact fraction of a Decimal/int (no binary float noise)."""
    return value if isinstance(value, Fraction) else Fraction(value)


def round2(value: Fraction | Decimal | int) -> Decimal:
    """Round a non-negative or negative exact value half up (away from zero) to 2 decimals."""
    exact = to_fraction(value)
    sign = -1 if exact < 0 else 1
    cents = math.floor(abs(exact) * 100 + Fraction(1, 2))
    return (Decimal(sign * cents) / Decimal(100)).quantize(Decimal("0.01"))


def percent(part: Fraction, whole: Fraction | int) -> Decimal:
    """part/whole as a percentage rounded half up to 2 decimals; 0 parts of 0 is 100.00 (nothing required)."""
    if whole == 0:
        return Decimal("100.00")
    return round2(to_fraction(part) * HUNDRED / to_fraction(whole))
