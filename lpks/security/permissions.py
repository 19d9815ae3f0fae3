"""One policy decides read/write by role × region × LPKS (RULES §1).

`can(user, action, obj)` answers for one object; `scope_clause(user, model, action)` gives the SQL
condition selecting exactly the rows `can` would allow. Both read the same POLICY table and the same
per-model scope keys, so the list, the detail page, the API and the export agree.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import false, select, true

from lpks.platform.models.user import ApiToken, User
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.job import Job
from lpks.registry.models.institution import Institution
from lpks.platform.models.region import Region
from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
from lpks.platform.models.holiday import Holiday
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident
from lpks.registry.models.evidence import EvidenceDocument, EvidenceLink
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding
from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
    AssessmentEvent,
    InstitutionClass,
)
from lpks.platform.models.user import ROLE_ADMIN, ROLE_KABKOTA, ROLE_KEMENSOS, ROLE_OPERATOR, ROLE_PROVINCE

READ = "read"
WRITE = "write"

# Scope kinds: how far a role reaches for a kind of object.
ALL = "all"        # every row
REGION = "region"  # rows of the user's LPKS, regency/city or province (by the user's role)
SELF = "self"      # the user's own rows

# POLICY[model][role] = {action: scope kind}; a missing entry denies.
POLICY: dict[type, dict[str, dict[str, str]]] = {
    Region: {role: {READ: ALL} for role in (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS, ROLE_ADMIN)},
    Institution: {
        ROLE_OPERATOR: {READ: REGION, WRITE: REGION},
        ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
        ROLE_PROVINCE: {READ: REGION},
        ROLE_KEMENSOS: {READ: ALL, WRITE: ALL},
        ROLE_ADMIN: {READ: ALL},
    },
    User: {
        ROLE_ADMIN: {READ: ALL, WRITE: ALL},
        ROLE_OPERATOR: {READ: SELF},
        ROLE_KABKOTA: {READ: SELF},
        ROLE_PROVINCE: {READ: SELF},
        ROLE_KEMENSOS: {READ: SELF},
    },
    ApiToken: {
        ROLE_ADMIN: {READ: ALL, WRITE: ALL},
        ROLE_OPERATOR: {READ: SELF},
        ROLE_KABKOTA: {READ: SELF},
        ROLE_PROVINCE: {READ: SELF},
        ROLE_KEMENSOS: {READ: SELF},
    },
    AuditLog: {ROLE_ADMIN: {READ: ALL}},
    # A background job and its file belong to the user who started it, whatever the role.
    Job: {role: {READ: SELF} for role in (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS, ROLE_ADMIN)},
    # Child data (RULES §1): the LPKS writes its own; Dinas Sosial and Kemensos read their scope; admin nothing.
    Resident: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}},
    Placement: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
                ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}},
    PlacementDocument: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
                        ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}},
    CustodyPeriod: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
                    ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}},
    CustodyExtension: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
                       ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}},
    # Registry (issue 3): profile parts follow Institution; the LPKS keeps its own staff, facilities, funding and
    # evidence; the Dinas Sosial kabupaten/kota verifies; province and Kemensos read their scope; admin nothing.
    # The work area decides the class (Pasal 71–73): the LPKS reads it, the offices that supervise record it.
    WorkArea: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    OrganisationPosition: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
                           ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    # Registrations (Pasal 54 ayat (2)) follow the profile: the LPKS declares them, the supervising offices correct them.
    Registration: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
                   ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    **{model: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}}
       for model in (StaffMember, FacilityRecord, FundingSource, FinancialReport, EvidenceDocument, EvidenceLink)},
    **{model: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}}
       for model in (Verification, VerificationFinding)},
    # Accreditation (issue 4): every office acts on the assessments of its scope; accreditation.workflow decides
    # which role takes which step. Kemensos owns the instrument; the class is computed, never written by a person.
    **{model: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
               ROLE_PROVINCE: {READ: REGION, WRITE: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}}
       for model in (Assessment, AssessmentAnswer, AssessmentEvent)},
    AccreditationInstrument: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
                              ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    InstitutionClass: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION}, ROLE_PROVINCE: {READ: REGION},
                       ROLE_KEMENSOS: {READ: ALL}},
    # The holiday calendar belongs to Kementerian Sosial (RULES §1, §5); every other child-data role reads it.
    Holiday: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
              ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
}

# Fields that only some of the roles allowed to write the object may set. Designation is the Minister's
# (Pasal 56, 85 huruf e). Reading: the referral scope, like the work area (WorkArea above), decides the class
# (Pasal 71–73), so the LPKS declares it but only the Dinas Sosial kabupaten/kota that supervises it (Pasal 87
# huruf f, j) or Kementerian Sosial (Pasal 85 huruf f) records it.
FIELD_POLICY: dict[type, dict[str, tuple[str, ...]]] = {
    Institution: {"designation_decree_number": (ROLE_KEMENSOS,), "designation_decree_date": (ROLE_KEMENSOS,),
                  "referral_scope": (ROLE_KABKOTA, ROLE_KEMENSOS)},
}


WORK_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS)


def works_with_lpks_data(user: Any) -> bool:
    """Whether the user's role works with LPKS and children's data at all (every role but the administrator)."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in WORK_ROLES


def may_set(user: Any, model: type, field: str) -> bool:
    """May the user's role set this field of `model` (on top of the write scope `can` decides)?"""
    roles = FIELD_POLICY.get(model, {}).get(field)
    return roles is None or getattr(user, "role", None) in roles


def setters_of(model: type, field: str) -> tuple[str, ...]:
    """The roles that may set a restricted field (empty: every role that may write the object)."""
    return FIELD_POLICY.get(model, {}).get(field, ())


def register_policy(model: type, rules: dict[str, dict[str, str]]) -> None:
    """Add the policy of a model defined by a later module (residents, accreditation…)."""
    POLICY[model] = rules


def _kind(user: Any, model: type, action: str) -> str | None:
    if user is None or not getattr(user, "is_authenticated", False) or not getattr(user, "active", False):
        return None
    return POLICY.get(model, {}).get(user.role, {}).get(action)


def _region_keys(obj: Any, user: Any = None) -> tuple[int | None, str | None, str | None]:
    """(institution id, regency/city code, province code) an object belongs to.

    An Institution answers for itself; any other object belongs to the LPKS in its `institution_id`, read in the
    object's session, else the user's (a script or worker without the app), else the request's.
    """
    if isinstance(obj, Institution):
        return obj.id, obj.kabkota_code, obj.province_code
    inst_id = getattr(obj, "institution_id", None)
    if inst_id is None:
        return None, None, None
    from sqlalchemy.orm import object_session

    from lpks.extensions import db

    session = object_session(obj) or (object_session(user) if user is not None else None) or db.session
    inst = session.get(Institution, inst_id)
    if inst is None:
        return None, None, None
    return inst.id, inst.kabkota_code, inst.province_code


def _owner_id(obj: Any) -> int | None:
    if isinstance(obj, User):
        return obj.id
    return getattr(obj, "user_id", None)


def can(user: Any, action: str, obj: Any) -> bool:
    """May `user` perform `action` (read/write) on `obj`? Deny unless the policy allows."""
    kind = _kind(user, type(obj), action)
    if kind == ALL:
        return True
    if kind == SELF:
        return _owner_id(obj) == user.id and user.id is not None
    if kind == REGION:
        inst_id, kabkota, province = _region_keys(obj, user)
        if user.role == ROLE_OPERATOR:
            return inst_id is not None and inst_id == user.institution_id
        if user.role == ROLE_KABKOTA:
            return kabkota is not None and kabkota == user.region_code
        if user.role == ROLE_PROVINCE:
            return province is not None and province == user.region_code
    return False


def scope_clause(user: Any, model: type, action: str = READ):
    """The SQL condition selecting the rows of `model` that `can` allows."""
    kind = _kind(user, model, action)
    if kind == ALL:
        return true()
    if kind == SELF:
        column = model.id if model is User else getattr(model, "user_id", None)
        return false() if column is None else column == user.id
    if kind == REGION:
        return _region_clause(user, model)
    return false()


def _region_clause(user: Any, model: type):
    inst_col = Institution.id if model is Institution else getattr(model, "institution_id", None)
    if inst_col is None:
        return false()
    if user.role == ROLE_OPERATOR:
        return inst_col == user.institution_id if user.institution_id else false()
    column = {ROLE_KABKOTA: Institution.kabkota_code, ROLE_PROVINCE: Institution.province_code}.get(user.role)
    if column is None or not user.region_code:
        return false()
    if model is Institution:
        return column == user.region_code
    return inst_col.in_(select(Institution.id).where(column == user.region_code))


def user_scope_label(user: Any) -> str:
    """A short description of the user's scope, for headers and the audit trail."""
    if user.role == ROLE_OPERATOR:
        return f"LPKS #{user.institution_id}"
    if user.role in (ROLE_KABKOTA, ROLE_PROVINCE):
        return user.region_code or "-"
    return "nasional"
