"""Types of the standards catalogue (Pasal 52 ayat (4)): aspects, items, staff functions, facility items."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class SourceKind(str, Enum):
    """Which registry data answers a catalogue item."""

    INSTITUTION = "institution"  # keys: InstitutionFacts field names
    STAFF = "staff"  # keys: staff function codes
    FACILITY = "facility"  # keys: facility item codes
    DOCUMENT = "document"  # keys: InstitutionFacts fields recording an uploaded document
    MANUAL = "manual"  # no registry data: a verifier's finding decides


@dataclass(frozen=True)
class Source:
    """Pre-fill hint: the registry data (kind + keys) that answers an item."""

    kind: SourceKind
    keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class StandardItem:
    """One checklist item of an aspect of the institution standard."""

    code: str
    aspect: str
    label_id: str
    label_en: str
    pasal: str
    mandatory: bool
    source: Source


@dataclass(frozen=True)
class Aspect:
    """One aspect of Pasal 52 ayat (4) huruf a–g with its items."""

    code: str
    label_id: str
    label_en: str
    pasal: str
    items: tuple[StandardItem, ...]

    @property
    def mandatory_items(self) -> tuple[StandardItem, ...]:
        """Items counted in compliance."""
        return tuple(item for item in self.items if item.mandatory)


class StaffCategory(str, Enum):
    """Staff field of Pasal 59 (optional staff of Pasal 61 ayat (2) kept apart)."""

    ADMINISTRASI = "administrasi"
    TEKNIS = "teknis"
    OPSIONAL = "opsional"
    PENUNJANG = "penunjang"


@dataclass(frozen=True)
class StaffFunction:
    """A staff function an LPKS records its people under."""

    code: str
    category: StaffCategory
    label_id: str
    label_en: str
    pasal: str
    mandatory: bool
    agreement_allowed: bool  # Pasal 61 ayat (3): may be provided by cooperation with another party


@dataclass(frozen=True)
class FacilityGroup:
    """A huruf of Pasal 64 (or Pasal 65 for the technical instruments)."""

    code: str
    label_id: str
    label_en: str
    pasal: str


@dataclass(frozen=True)
class FacilityItem:
    """A room, equipment item or instrument an LPKS must have (Pasal 64–65)."""

    code: str
    group: FacilityGroup
    label_id: str
    label_en: str
    pasal: str
