"""Plain inputs of the standards evaluation (Pasal 52–69): what the registry knows about one LPKS on a date."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import Enum
from types import MappingProxyType


class ItemStatus(str, Enum):
    """Result of a standard item, computed or found by a verifier (RULES §2)."""

    TERPENUHI = "terpenuhi"
    SEBAGIAN = "sebagian"
    BELUM = "belum"


class FacilityStatus(str, Enum):
    """What the LPKS declares about a facility item."""

    TERSEDIA = "tersedia"
    SEBAGIAN = "sebagian"
    TIDAK = "tidak"


class FormationKind(str, Enum):
    """Who formed the LPKS: government as UPT (Pasal 53) or the community (Pasal 54)."""

    UPT = "upt"
    MASYARAKAT = "masyarakat"


class Engagement(str, Enum):
    """How a person serves the LPKS: own staff, or by cooperation agreement (Pasal 61 ayat (3))."""

    SENDIRI = "sendiri"
    KERJA_SAMA = "kerja_sama"


@dataclass(frozen=True)
class StaffFact:
    """One person on the staff list, by function code (catalogue_staff)."""

    function: str
    active_from: date | None = None
    active_until: date | None = None  # inclusive; None = still active
    certified: bool = False
    certificate_valid_until: date | None = None  # inclusive; None = no expiry recorded
    sppa_trained: bool = False
    engagement: Engagement = Engagement.SENDIRI
    sppa_valid_until: date | None = None  # inclusive; None = no expiry recorded

    def active_on(self, day: date) -> bool:
        """Whether the person serves on this date."""
        return (self.active_from is None or self.active_from <= day) and (
            self.active_until is None or day <= self.active_until
        )

    def certified_on(self, day: date) -> bool:
        """Whether a certificate is held and not expired on this date (Pasal 17 ayat (2))."""
        return self.certified and (self.certificate_valid_until is None or day <= self.certificate_valid_until)

    def sppa_trained_on(self, day: date) -> bool:
        """Whether an SPPA training is recorded and still valid on this date (Pasal 75 ayat (2))."""
        return self.sppa_trained and (self.sppa_valid_until is None or day <= self.sppa_valid_until)


@dataclass(frozen=True)
class RegistrationFact:
    """One registration (tanda daftar) at Kemensos or a Dinas Sosial (Pasal 54 ayat (2)); dates inclusive."""

    authority: str
    number: str = ""
    issued_on: date | None = None
    valid_until: date | None = None  # None = no end recorded

    def complete(self) -> bool:
        """Whether both the number and the date are recorded (Pasal 54 ayat (2) asks for both)."""
        return bool(self.number and self.number.strip()) and self.issued_on is not None

    def valid_on(self, day: date) -> bool:
        """Whether the registration is complete and in force on this date."""
        return self.complete() and self.issued_on <= day and (self.valid_until is None or day <= self.valid_until)


@dataclass(frozen=True)
class VerifierFinding:
    """A verifier's finding on one item; it wins over the computed result (see standards.py)."""

    status: ItemStatus
    note: str = ""


@dataclass(frozen=True)
class CaseProgramFacts:
    """What an LPKS's case records show on a date (RULES §6): the service programme of Pasal 69 as carried out.

    Counts of the LPKS's cases: each pair is (cases the measure applies to, those that meet it)."""

    assessment_due: int = 0       # cases whose assessment was due on or before the date (Pasal 18, 25; RULES §6)
    assessed: int = 0             # … of which the assessment stage is completed
    planned: int = 0              # cases whose plan stage is completed (Pasal 26)
    served: int = 0               # … of which at least one service of Pasal 35 ayat 1 was carried out
    returned: int = 0             # cases whose child was returned to the family (Pasal 49 ayat 1 huruf c)
    conditions_recorded: int = 0  # … of which the four conditions of Pasal 49 ayat 7 are recorded
    open_cases: int = 0           # cases open on the date
    accompanied: int = 0          # … of which a companion trained in SPPA is assigned (Pasal 74–75)


@dataclass(frozen=True)
class InstitutionFacts:
    """Everything the standards evaluation reads; field names are the `institution`/`document` source keys."""

    as_of: date
    formation_kind: FormationKind | None = None
    establishment_decree_number: str = ""
    deed_number: str = ""
    kemenkumham_decree_number: str = ""
    registrations: tuple[RegistrationFact, ...] = ()
    designation_decree_number: str = ""
    vision: str = ""
    mission: str = ""
    has_pimpinan: bool = False
    has_bidang_administrasi: bool = False
    has_bidang_teknis: bool = False
    staff: tuple[StaffFact, ...] = ()
    facilities: Mapping[str, FacilityStatus] = field(default_factory=dict)
    funding_sources_count: int = 0
    budget_plan_present: bool = False
    spending_records_present: bool = False
    accountability_report_present: bool = False
    cases: CaseProgramFacts = field(default_factory=CaseProgramFacts)
    verifier_findings: Mapping[str, VerifierFinding] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Copies, read-only: a report computed from these facts cannot change under the caller's feet.
        object.__setattr__(self, "staff", tuple(self.staff))
        object.__setattr__(self, "registrations", tuple(self.registrations))
        object.__setattr__(self, "facilities", MappingProxyType(dict(self.facilities)))
        object.__setattr__(self, "verifier_findings", MappingProxyType(dict(self.verifier_findings)))
