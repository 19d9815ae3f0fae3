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
from lpks.intake.models import (
    CaseIntake,
    CaseManagerReport,
    CaseOfficer,
    IntakeMonitoring,
    IntakeProduct,
    IntakeStep,
    ServiceComplaint,
)
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.holiday import Holiday
from lpks.platform.models.job import Job
from lpks.platform.models.region import Region
from lpks.platform.models.user import (
    FUNCTION_DATA,
    FUNCTION_PEKSOS,
    FUNCTION_TKSK,
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
from lpks.reports.models import AnnualReport
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
    # A background job and its file belong to the user who started it, whatever the role.
    Job: {role: {READ: SELF} for role in (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS, ROLE_ADMIN)},
    # Child data (RULES §1): the LPKS writes its own; Dinas Sosial and Kemensos read their scope; admin nothing.
    # A Dinas Sosial kabupaten/kota registers the children whose cases it handles itself (RULES §8).
    Resident: {ROLE_OPERATOR: {READ: REGION, WRITE: REGION}, ROLE_KABKOTA: {READ: REGION, WRITE: UNIT},
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
    # Dinas Sosial case handling (issue 14, RULES §8): the office that received the case keeps these records (also
    # once the case is handed to an LPKS); INTAKE_DUTIES below decides which of its people does what. The province
    # and Kemensos read them (initials and figures only); LPKS and admin nothing.
    **{model: {ROLE_KABKOTA: {READ: REGION, WRITE: UNIT}, ROLE_PROVINCE: {READ: REGION}, ROLE_KEMENSOS: {READ: ALL}}
       for model in (CaseIntake, IntakeStep, CaseOfficer, IntakeMonitoring, CaseManagerReport, IntakeProduct,
                     ServiceComplaint)},
    # The task defaults of RULES §6 are the national user's.
    CaseTaskSetting: {ROLE_OPERATOR: {READ: ALL}, ROLE_KABKOTA: {READ: ALL}, ROLE_PROVINCE: {READ: ALL},
                      ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
    # The yearly report (issue 15, Pasal 91–92) is a government office's: each office reaches its own and those below
    # it (OFFICE_MODELS); lpks.rules.reporting decides which office takes which step and hides drafts from those
    # above. LPKS operators and the administrator have none.
    AnnualReport: {ROLE_KABKOTA: {READ: REGION, WRITE: REGION}, ROLE_PROVINCE: {READ: REGION, WRITE: REGION},
                   ROLE_KEMENSOS: {READ: ALL, WRITE: ALL}},
}

# Rows of a government office rather than of an LPKS: `region_code` names the office (a kabupaten/kota, a province,
# or None for the nation). An office's REGION is its own rows and those of the offices below it.
OFFICE_MODELS = (AnnualReport,)

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
                  "verified_capacity_girls": (ROLE_KABKOTA, ROLE_KEMENSOS),
                  # an LPKS changes regency/city (its domicile) only by the Ministry (RULES §3)
                  "kabkota_code": (ROLE_KEMENSOS,)},
}

# Who may create a new row of a model at all (on top of writing it in scope): an LPKS is registered by the Ministry
# or by the Dinas Sosial of its regency/city, never by its own operator. A model not listed: whoever may write it.
CREATE_POLICY: dict[type, tuple[str, ...]] = {Institution: (ROLE_KABKOTA, ROLE_KEMENSOS)}


WORK_ROLES = (ROLE_OPERATOR, ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS)


def works_with_lpks_data(user: Any) -> bool:
    """Whether the user's role works with LPKS and children's data at all (every role but the administrator)."""
    return bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in WORK_ROLES


def may_set(user: Any, model: type, field: str) -> bool:
    """May the user's role set this field of `model` (on top of the write scope `can` decides)?"""
    roles = FIELD_POLICY.get(model, {}).get(field)
    return roles is None or getattr(user, "role", None) in roles


# Pages (Flask-Admin endpoints) only some roles open at all, whatever the model policy says: the administrator's
# users, tokens and LPKS directory.
PAGE_POLICY: dict[str, tuple[str, ...]] = {"user": (ROLE_ADMIN,), "token": (ROLE_ADMIN,),
                                           "institution_directory": (ROLE_ADMIN,)}
# Pages a role may open by a link but has no work on, so its menu leaves them out (issue 17: each role's menu offers
# the pages it uses): reference lists kept by others and the supervising offices' recaps.
MENU_POLICY: dict[str, tuple[str, ...]] = {
    "region": (ROLE_ADMIN, ROLE_KEMENSOS),
    "accreditation_report": (ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS),
    "institution_class": (ROLE_KABKOTA, ROLE_PROVINCE, ROLE_KEMENSOS),
}


def may_open(user: Any, page: str) -> bool:
    """May the user's role open this page at all (PAGE_POLICY; other pages follow their model's policy)?"""
    roles = PAGE_POLICY.get(page)
    return roles is None or (bool(getattr(user, "is_authenticated", False)) and getattr(user, "role", None) in roles)


def in_menu(user: Any, page: str) -> bool:
    """Does the user's menu offer this page (it may open it and has work on it)?"""
    roles = MENU_POLICY.get(page)
    return may_open(user, page) and (roles is None or getattr(user, "role", None) in roles)


def may_create(user: Any, model: type) -> bool:
    """May the user's role create a new `model` row (pages offer "Buat" only then)?"""
    roles = CREATE_POLICY.get(model)
    return reaches(user, model, WRITE) and (roles is None or getattr(user, "role", None) in roles)


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
    if isinstance(obj, OFFICE_MODELS):
        code = obj.region_code
        return [(None, code, code.split(".")[0] if code else None)]
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
    if model in OFFICE_MODELS:
        return _office_clause(user, model)
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


def _office_clause(user: Any, model: type):
    """Rows of the user's office and of the offices below it (a province: its own and its kabupaten/kota)."""
    if user.role == ROLE_KABKOTA and user.region_code:
        return model.region_code == user.region_code
    if user.role == ROLE_PROVINCE and user.region_code:
        return or_(model.region_code == user.region_code, model.region_code.like(f"{user.region_code}.%"))
    return false()


def user_scope_label(user: Any) -> str:
    """A short description of the user's scope, for headers and the audit trail."""
    if user.role == ROLE_OPERATOR:
        return f"LPKS #{user.institution_id}"
    if user.role in (ROLE_KABKOTA, ROLE_PROVINCE):
        return user.region_code or "-"
    return "nasional"


# --- Dinas Sosial case handling (RULES §8): who in the office does which step ---
# For each duty, the functions (User.function) that do it and whether the user must be assigned to the case
# (CaseOfficer): "any" role on it, "manager" (its case manager), or None (the office's intake and data section).
_ANY, _MANAGER = "any", "manager"
INTAKE_DUTIES: dict[str, dict[str, str | None]] = {
    "register": {FUNCTION_PEKSOS: None, FUNCTION_DATA: None},              # procedure steps 1–2
    "assign_officer": {FUNCTION_PEKSOS: _MANAGER, FUNCTION_DATA: None},   # the manager asks a TKSK (step 11)
    "record_step": {FUNCTION_PEKSOS: _ANY},                                # steps 3–10
    "decide_route": {FUNCTION_PEKSOS: _ANY},                               # at the case conference (steps 7–8)
    "monitor": {FUNCTION_PEKSOS: _ANY, FUNCTION_TKSK: _ANY},               # step 11 (a TKSK is assigned on request)
    "terminate": {FUNCTION_PEKSOS: _MANAGER},                              # step 12
    "write_report": {FUNCTION_PEKSOS: _MANAGER},                           # step 13: the case manager writes
    "file_report": {FUNCTION_DATA: None},                                  # step 13: the data section files
    "issue_berita_acara": {FUNCTION_PEKSOS: _ANY},                         # the products (Produk Pelayanan)
    "issue_rujukan": {FUNCTION_PEKSOS: _ANY},
    "refer": {FUNCTION_PEKSOS: _ANY},                                      # RULES §7 from a Dinas Sosial case
    "complaint": {FUNCTION_DATA: None},                                    # Pengaduan Layanan
}
IDENTITY_FUNCTIONS = (FUNCTION_PEKSOS, FUNCTION_TKSK)
# The office's data and information section documents and reports with initials; a TKSK sees only its own cases.
NO_LPKS_IDENTITY_FUNCTIONS = (FUNCTION_DATA, FUNCTION_TKSK)


def reveals_identities(user: Any) -> bool:
    """Whether the user's role (and function) may reveal full identities at all (RULES §1 Reading, §8)."""
    return (getattr(user, "role", None) in (ROLE_OPERATOR, ROLE_KABKOTA)
            and getattr(user, "function", None) not in NO_LPKS_IDENTITY_FUNCTIONS)


def assignment_on(user: Any, case: Any) -> str | None:
    """The user's current role on a case the Dinas Sosial handles (manajer_kasus / pendamping / pemantau), or None."""
    from sqlalchemy.orm import object_session

    from lpks.extensions import db

    if getattr(user, "id", None) is None or case is None:
        return None
    session = object_session(case) or db.session
    roles = set(session.scalars(select(CaseOfficer.role).where(
        CaseOfficer.case_id == case.id, CaseOfficer.user_id == user.id, CaseOfficer.ended_on.is_(None))))
    return "manajer_kasus" if "manajer_kasus" in roles else next(iter(sorted(roles)), None)


def may_do_intake(user: Any, duty: str, case: Any = None, obj: Any = None) -> bool:
    """May the user do `duty` of the Dinas Sosial's case handling (on `case`, writing `obj` or else the case)?"""
    holders = INTAKE_DUTIES[duty]
    function = getattr(user, "function", None)
    if getattr(user, "role", None) != ROLE_KABKOTA or function not in holders:
        return False
    target = obj if obj is not None else case
    if target is not None and not can(user, WRITE, target):
        return False
    needed = holders[function]
    if needed is None:
        return True
    role = assignment_on(user, case)
    return role is not None and (needed == _ANY or role == "manajer_kasus")


def duty_holders(duty: str) -> tuple[str, ...]:
    """The functions that may do a duty (for messages)."""
    return tuple(INTAKE_DUTIES[duty])


def may_reveal_identity(user: Any, resident: Any) -> bool:
    """May the user reveal this child's full identity? (RULES §1 Reading; §8: a child the Dinas Sosial handles itself
    only to the peksos and TKSK assigned to the child's open case)."""
    if getattr(user, "role", None) not in (ROLE_OPERATOR, ROLE_KABKOTA) or not can(user, READ, resident):
        return False
    if getattr(resident, "owner_region_code", None) is None:  # an LPKS's resident (RULES §1 Reading)
        return reveals_identities(user)
    if getattr(user, "function", None) not in IDENTITY_FUNCTIONS:
        return False
    from sqlalchemy.orm import object_session

    from lpks.extensions import db

    session = object_session(resident) or db.session
    return session.scalar(select(CaseOfficer.id).join(ChildCase, ChildCase.id == CaseOfficer.case_id).where(
        ChildCase.resident_id == resident.id, ChildCase.closed_on.is_(None), CaseOfficer.user_id == user.id,
        CaseOfficer.ended_on.is_(None)).limit(1)) is not None


INTAKE_ORIGINS = ("laporan", "undangan_rj", "undangan_diversi")
# Of the case's own actions (lpks.rules.case_lifecycle), what a Dinas Sosial's own case keeps: its procedure
# (lpks.intake) records the assessment, the conference, the route and the termination; its peksos refers.
GENERIC_INTAKE_DUTIES = {"refer": "refer"}


def case_actions_for(user: Any, case: Any, actions: frozenset) -> frozenset:
    """The case's actions the user may take: all of them on an LPKS's case; on a case the Dinas Sosial handles
    itself only those of GENERIC_INTAKE_DUTIES, to the officers the duty names."""
    if case.owner_region_code is None or case.origin not in INTAKE_ORIGINS:
        return actions
    return frozenset(a for a in actions if a in GENERIC_INTAKE_DUTIES
                     and may_do_intake(user, GENERIC_INTAKE_DUTIES[a], case))


def registers_lpks_residents(user: Any) -> bool:
    """Whether the user's role registers the residents of an LPKS (not a Dinas Sosial's own children)."""
    return _kind(user, Resident, WRITE) == REGION

