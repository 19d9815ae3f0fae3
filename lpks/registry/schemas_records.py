"""Request and response models of the registry's record routes (staff, organisation positions, funding sources,
yearly fund management, registrations), derived from the table models so a column is typed once: the answer
(`...Out`) and the body (`...Input`, every field optional: a change sends only what changes). The choices are the
catalogue's; the services keep the rules (who may set what, which combinations hold)."""
from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Literal, Union

from pydantic import Field

from accreditation.registry_catalogue import FUNDING_SOURCES, POSITIONS, codes
from lpks.platform.validation import derive
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.services.registrations import field_labels
from lpks.registry.services.staff import FIELDS as STAFF_FIELDS
from lpks.registry.services.staff import LABELS as staff_labels

Amount = Annotated[Union[Decimal, int, float, str], Field(description="rupiah: 1500000.50 atau 1.500.000,50")]
AMOUNT_OUT = Annotated[str, Field(description="rupiah, dua desimal")]
_CHOICES = {
    "engagement": Literal["sendiri", "kerja_sama"], "position": Literal[tuple(codes(POSITIONS))],
    "source_kind": Literal[tuple(codes(FUNDING_SOURCES))],
    "authority": Literal["kemensos", "dinsos_provinsi", "dinsos_kabkota"],
}

STAFF = ("institution_id", *STAFF_FIELDS)
POSITION = ("institution_id", "position", "title", "holder_name", "staff_member_id", "decree_number", "since",
            "until")
FUNDING = ("institution_id", "year", "source_kind", "description", "amount")
REPORT = ("institution_id", "year", "budget_plan", "spending_records", "report_submitted_on", "report_recipient",
          "note")
REGISTRATION = ("institution_id", "authority", "region_code", "number", "issued_on", "valid_until")


def _pair(name: str, table: type, fields: tuple[str, ...], out: dict | None = None, into: dict | None = None,
          labels=None):
    return (derive(f"{name}Out", table, ("id", *fields, "version"), overrides={**_CHOICES, **(out or {})}),
            derive(f"{name}Input", table, (*fields, "version"), overrides=into, partial=True, labels=labels))


StaffOut, StaffInput = _pair("Staff", StaffMember, STAFF, labels=staff_labels)
PositionOut, PositionInput = _pair("Position", OrganisationPosition, POSITION)
FundingOut, FundingInput = _pair("Funding", FundingSource, FUNDING, {"amount": AMOUNT_OUT}, {"amount": Amount})
FinancialReportOut, FinancialReportInput = _pair("FinancialReport", FinancialReport, REPORT)
RegistrationOut, RegistrationInput = _pair("Registration", Registration, REGISTRATION, labels=field_labels)
