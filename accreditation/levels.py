"""Ordered levels: accreditation grades and referral scopes (RULES §3 Reading: "X or higher" meets "X")."""

from __future__ import annotations

from enum import Enum


class _OrderedStrEnum(str, Enum):
    """A str Enum compared by declaration order (lowest first), never alphabetically."""

    @property
    def rank(self) -> int:
        """Position in the order, 0 = lowest."""
        return list(type(self)).index(self)

    def _check(self, other: object) -> bool:
        return type(other) is type(self)

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if self._check(other) else NotImplemented  # type: ignore[attr-defined]

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if self._check(other) else NotImplemented  # type: ignore[attr-defined]

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if self._check(other) else NotImplemented  # type: ignore[attr-defined]

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if self._check(other) else NotImplemented  # type: ignore[attr-defined]

    def __str__(self) -> str:
        return self.value


class Grade(_OrderedStrEnum):
    """Accreditation grade (Pasal 71–73 "nilai akreditasi"); A is the highest."""

    C = "C"
    B = "B"
    A = "A"


class ReferralScope(_OrderedStrEnum):
    """Referral scope of an LPKS (Pasal 71–72 "rujukan"): kabupaten_kota < provinsi < nasional."""

    KABUPATEN_KOTA = "kabupaten_kota"
    PROVINSI = "provinsi"
    NASIONAL = "nasional"


REFERRAL_SCOPE_LABELS = {
    ReferralScope.KABUPATEN_KOTA: ("rujukan kabupaten/kota", "district/city referral"),
    ReferralScope.PROVINSI: ("rujukan provinsi", "provincial referral"),
    ReferralScope.NASIONAL: ("rujukan nasional", "national referral"),
}
