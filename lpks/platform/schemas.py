"""Request and response models of the platform API (the user, regions, LPKS, users, audit), derived from the table
models so a column is typed once; the same models validate the bodies, shape the answers and give the OpenAPI
document its schemas."""
from __future__ import annotations

from typing import Literal, Optional

from pydantic import Field

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.platform.validation import derive
from lpks.registry.models.institution import Institution

ReferralScope = Literal["kabupaten_kota", "provinsi", "nasional"]
FormationKind = Optional[Literal["upt", "masyarakat"]]

RegionOut = derive("RegionOut", Region, ("code", "name", "level", "province_code"))
UserOut = derive("UserOut", User, ("id", "username", "role", "institution_id", "region_code", "active"))
AuditOut = derive("AuditOut", AuditLog, ("id", "at", "username", "role", "ip", "action", "object_type",
                                         "object_id", "fields"), overrides={"fields": list[str]})
_Me = derive("_Me", User, ("id", "username", "role", "institution_id", "region_code", "locale"))


class MeOut(_Me):
    """The logged-in user."""

    scope: str = Field(description="Lingkup pengguna dalam kata-kata")


# What the LPKS operator, Dinas Sosial and Kemensos may set; the designation is the accreditation workflow's.
INSTITUTION_WRITABLE = (
    "name", "kabkota_code", "address", "phone", "email", "referral_scope", "capacity_boys", "capacity_girls",
    "verified_capacity_boys", "verified_capacity_girls", "formation_kind", "establishment_decree_number",
    "establishment_decree_date", "deed_number", "deed_date", "kemenkumham_decree_number", "kemenkumham_decree_date",
    "vision", "mission", "program_rehabilitation_stages", "program_rehabilitation_forms", "program_reintegration",
    "program_companionship")
INSTITUTION_FIELDS = ("id", *INSTITUTION_WRITABLE[:2], "province_code", *INSTITUTION_WRITABLE[2:10],
                      "capacity_verified_on", *INSTITUTION_WRITABLE[10:17], "designation_decree_number",
                      "designation_decree_date", *INSTITUTION_WRITABLE[17:], "version")
_CHOICES = {"referral_scope": ReferralScope, "formation_kind": FormationKind}

InstitutionOut = derive("InstitutionOut", Institution, INSTITUTION_FIELDS, overrides=_CHOICES,
                        doc="An LPKS with its registry profile (the designation is set by the accreditation "
                            "workflow only).")


InstitutionInput = derive("InstitutionInput", Institution, (*INSTITUTION_WRITABLE, "version"), overrides=_CHOICES,
                          partial=True, doc="A new LPKS, or the fields of one to change (with the version it was "
                                            "read at).")
