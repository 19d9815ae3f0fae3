"""One policy decides read/write by role × region × LPKS (RULES §1).

`can(user, action, obj)` answers for one object; `scope_clause(user, model, action)` gives the SQL
condition selecting exactly the rows `can` would allow. Both read the same POLICY table and the same
per-model scope keys, so the list, the detail page, the API and the export agree.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import false, or_, select, true

from lpks.accreditation.models import (
    AccreditationInstrument,
    Assessment,
    AssessmentAnswer,
    AssessmentConflictReason,
    AssessmentEvent,
    InstitutionClass,
)
from lpks.cases.models import (
    CaseAssessment,
    CaseCompanion,
    CaseConference,
    CasePlan,
    CaseService,
    CaseStage,
    CaseTaskSetting,
    ChildCase,
    CompanionReport,
    ConferenceParticipant,
    FollowUpVisit,
    PlanNeed,
    Referral,
    Reintegration,
    SubstituteFamilySearch,
)
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.region import Region
from lpks.platform.models.user import (
    ROLE_ADMIN,
    ROLE_KABKOTA,
    ROLE_KEMENSOS,
    ROLE_OPERATOR,
    ROLE_PROVINCE,
    ApiToken,
    User,
)
from lpks.registry.models.evidence import EvidenceDocument, EvidenceLink
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.reach import ReachProposal
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding
from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
from lpks.residents.models.obligations import (
    MinimumWage,
    PlacementMeeting,
    ProgressReport,
    SchoolExamRequest,
)
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident

READ = "read"
WRITE = "write"
# The LPKS directory: id, name and region of an LPKS, nothing of its records. Every role that reads an LPKS reads its
# directory entry; the system administrator reads the directory only (to give an operator its LPKS).
DIRECTORY = "directory"

# Scope kinds: how far a role reaches for a kind of object.
ALL = "all"        # every row
REGION = "region"  # rows of the user's LPKS, regency/city or province (by the user's role)
SELF = "self"      # the user's own rows
UNIT = "unit"      # rows owned by the user's own unit: its LPKS (operator) or its Dinas Sosial kabupaten/kota office

# POLICY[model][role] = {action: scope kind}; a missing entry denies.
POLICY: dict[type, dict[str, dict[str, str]]] = {
    Region: {role: {READ: ALL} for role in (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS, ROLE_ADMIN)},
    Institution: {
        ROLE_OPERATOR: {READ: REGION, WRITE: REGION},
        ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
        ROLE_PROVINCE: {READ: REGION},
        ROLE_KEMENSOS: {READ: ALL, WRITE: ALL},
        # Users and roles only (RULES §1): names of LPKS to scope operators, none of their registry records.
        ROLE_ADMIN: {DIRECTORY: ALL},
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
    # The records a placement's law requires (issue 12) follow the placement.
    **{model: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}}
       for model in (PlacementMeeting, SchoolExamRequest, ProgressReport)},
    # The UMP table is Kementerian Sosial's (RULES §4 Basis e); every role with child data reads it.
    MinimumWage: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
                  ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    # Registry (issue 3): profile parts follow Institution; the LPKS keeps its own staff, facilities, funding and
    # evidence; the Dinas Sosial kabupaten/kota verifies; province and Kemensos read their scope; admin nothing.
    # The work area decides the class (Pasal 71–73): the LPKS reads it, the offices that supervise record it.
    WorkArea: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    # A lower office proposes a reach its authority does not cover; the office with the authority decides (RULES §3).
    ReachProposal: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: REGION},
                    ROLE_PROVINCE: {READ: REGION, WRITE: REGION}, ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
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
       for model in (Assessment, AssessmentAnswer, AssessmentEvent, AssessmentConflictReason)},
    AccreditationInstrument: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
                              ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    InstitutionClass: {ROLE_OPERATOR: {READ: REGION}, ROLE_KABKOTA: {READ: REGION}, ROLE_PROVINCE: {READ: REGION},
                       ROLE_KEMENSOS: {READ: ALL}},
    # The holiday calendar belongs to Kementerian Sosial (RULES §1, §5); every other child-data role reads it.
    Holiday: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
              ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    # The child's case (issue 13, RULES §6–7): its owner works it (an LPKS; a Dinas Sosial kabupaten/kota the cases
    # it handles itself, RULES §8); the Dinas Sosial reads the cases of the LPKS in its region, the province and
    # Kemensos read their scope; admin nothing. A referral is also its receiver's (OWNERS below), who answers it.
    **{model: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: UNIT},
               ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}}
       for model in (ChildCase, CaseStage, CaseAssessment, CaseConference, ConferenceParticipant, CasePlan, PlanNeed,
                     CaseService, Reintegration, SubstituteFamilySearch, FollowUpVisit, CaseCompanion,
                     CompanionReport, Referral)},
    # The task defaults of RULES §6 are the national user's.
    CaseTaskSetting: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
                      ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
}

# Who owns a row: pairs of (LPKS column, Dinas Sosial kabupaten/kota column). By default the LPKS in `institution_id`,
# and the Dinas Sosial in `owner_region_code` where the model has one (a case and its records: RULES §6, §8). A row
# with several owners is in scope when any of them is: a referral belongs to its sender and its receiver (RULES §7).
OWNERS: dict[type, tuple[tuple[str, str | None], ...]] = {
    Referral: (("institution_id", "owner_region_code"), ("receiver_institution_id", "receiver_region_code")),
}


def _owners(model: type) -> tuple[tuple[str, str | None], ...]:
    if model in OWNERS:
        return OWNERS[model]
    return (("institution_id", "owner_region_code" if hasattr(model, "owner_region_code") else None),)

# Fields that only some of the roles allowed to write the object may set. (The designation of Pasal 56 is no
# field: only the accreditation workflow's designation step records it, RULES §3.) Reading: the referral scope, like the work area (WorkArea above), decides the class
# (Pasal 71–73), so the LPKS declares it but only the Dinas Sosial kabupaten/kota that supervises it (Pasal 87
# huruf f, j) or Kementerian Sosial (Pasal 85 huruf f) records it.
FIELD_POLICY: dict[type, dict[str, tuple[str, ...]]] = {
    Institution: {"referral_scope": (ROLE_KABKOTA, ROLE_KEMENSOS),
                  # Capacity is a fact the supervising office verifies (Pasal 87 huruf f, j): the LPKS declares
                  # `capacity_*`, the over-capacity check reads only these.
                  "verified_capacity_boys": (ROLE_KABKOTA, ROLE_KEMENSOS),
                  "verified_capacity_girls": (ROLE_KABKOTA, ROLE_KEMENSOS)},
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
    rules = POLICY.get(model, {}).get(user.role, {})
    if action == DIRECTORY:
        return rules.get(DIRECTORY) or rules.get(READ)
    return rules.get(action)


def reaches(user: Any, model: type, action: str) -> bool:
    """Does the user's role reach `model` for `action` at all (whatever the object)?"""
    return _kind(user, model, action) is not None


def _region_keys(obj: Any, user: Any = None) -> list[tuple[int | None, str | None, str | None]]:
    """(institution id, regency/city code, province code) of each owner of an object.

    An Institution answers for itself; any other object belongs to the LPKS in its `institution_id` (read in the
    object's session, else the user's, else the request's), or to the Dinas Sosial kabupaten/kota in its
    `owner_region_code` (institution id None), or to each owner OWNERS lists.
    """
    if isinstance(obj, Institution):
        return [(obj.id, obj.kabkota_code, obj.province_code)]
    return [keys for keys in _owner_keys_by_pair(obj, user) if keys is not None]


def _in_region(user: Any, inst_id, kabkota, province) -> bool:
    if user.role == ROLE_OPERATOR:
        return inst_id is not None and inst_id == user.institution_id
    if user.role == ROLE_KABKOTA:
        return kabkota is not None and kabkota == user.region_code
    if user.role == ROLE_PROVINCE:
        return province is not None and province == user.region_code
    return False


def _in_unit(user: Any, inst_id, kabkota, province) -> bool:
    if user.role == ROLE_OPERATOR:
        return inst_id is not None and inst_id == user.institution_id
    if user.role == ROLE_KABKOTA:  # the office's own rows, not those of the LPKS in its region
        return inst_id is None and kabkota is not None and kabkota == user.region_code
    return False


def own_unit_owner(user: Any, obj: Any) -> int | None:
    """Which owner of `obj` (its index in OWNERS, 0 for the usual single owner) is the user's own unit — its LPKS or
    its Dinas Sosial office — or None (a referral's sender is 0, its receiver 1)."""
    for index, keys in enumerate(_owner_keys_by_pair(obj, user)):
        if keys is not None and _in_unit(user, *keys):
            return index
    return None


def _owner_keys_by_pair(obj: Any, user: Any = None) -> list:
    """Like _region_keys, one entry per owner pair (None where that owner is not set)."""
    from sqlalchemy.orm import object_session

    from lpks.extensions import db

    result = []
    for inst_attr, region_attr in _owners(type(obj)):
        inst_id = getattr(obj, inst_attr, None)
        code = getattr(obj, region_attr, None) if region_attr else None
        if inst_id is not None:
            session = object_session(obj) or (object_session(user) if user is not None else None) or db.session
            inst = session.get(Institution, inst_id)
            result.append((inst.id, inst.kabkota_code, inst.province_code) if inst is not None else None)
        elif code:
            result.append((None, code, code.split(".")[0]))
        else:
            result.append(None)
    return result


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
        return any(_in_region(user, *keys) for keys in _region_keys(obj, user))
    if kind == UNIT:
        return any(_in_unit(user, *keys) for keys in _region_keys(obj, user))
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
    if kind == UNIT:
        return _unit_clause(user, model)
    return false()


def _region_clause(user: Any, model: type):
    if model is Institution:
        if user.role == ROLE_OPERATOR:
            return Institution.id == user.institution_id if user.institution_id else false()
        column = {ROLE_KABKOTA: Institution.kabkota_code, ROLE_PROVINCE: Institution.province_code}.get(user.role)
        return false() if column is None or not user.region_code else column == user.region_code
    clauses = [_owner_clause(user, getattr(model, inst_attr, None),
                             getattr(model, region_attr) if region_attr else None)
               for inst_attr, region_attr in _owners(model)]
    return clauses[0] if len(clauses) == 1 else or_(*clauses)


def _owner_clause(user: Any, inst_col, region_col):
    """Rows of one owner pair in the user's LPKS, regency/city or province."""
    if inst_col is None:
        return false()
    if user.role == ROLE_OPERATOR:
        return inst_col == user.institution_id if user.institution_id else false()
    column = {ROLE_KABKOTA: Institution.kabkota_code, ROLE_PROVINCE: Institution.province_code}.get(user.role)
    if column is None or not user.region_code:
        return false()
    clause = inst_col.in_(select(Institution.id).where(column == user.region_code))
    if region_col is None:
        return clause
    own = region_col == user.region_code if user.role == ROLE_KABKOTA else region_col.like(f"{user.region_code}.%")
    return or_(clause, own)


def _unit_clause(user: Any, model: type):
    """Rows owned by the user's own LPKS or Dinas Sosial office (not those of the LPKS in its region)."""
    if user.role == ROLE_OPERATOR:
        return _region_clause(user, model)
    if user.role != ROLE_KABKOTA or not user.region_code:
        return false()
    clauses = [getattr(model, region_attr) == user.region_code for _inst, region_attr in _owners(model) if region_attr]
    return false() if not clauses else clauses[0] if len(clauses) == 1 else or_(*clauses)


def user_scope_label(user: Any) -> str:
    """A short description of the user's scope, for headers and the audit trail."""
    if user.role == ROLE_OPERATOR:
        return f"LPKS #{user.institution_id}"
    if user.role in (ROLE_KABKOTA, ROLE_PROVINCE):
        return user.region_code or "-"
    return "nasional"
