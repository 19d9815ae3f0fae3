"""SQLModel tables, one module per aggregate; importing this registers them all."""
from .accreditation import AccreditationInstrument, Assessment, AssessmentAnswer, AssessmentEvent, InstitutionClass
from .audit import AuditLog
from .custody import CustodyExtension, CustodyPeriod
from .holiday import Holiday
from .institution import Institution
from .placement import Placement, PlacementDocument
from .region import Region
from .registry_evidence import EvidenceDocument, EvidenceLink
from .registry_evaluation import StandardsEvaluation
from .registry_facility import FacilityRecord
from .registry_funding import FinancialReport, FundingSource
from .registry_profile import OrganisationPosition, WorkArea
from .registry_registration import Registration
from .registry_staff import StaffMember
from .registry_verification import Verification, VerificationFinding
from .residents import Resident
from .user import ApiToken, LoginAttempt, User

__all__ = ["ApiToken", "AuditLog", "Institution", "LoginAttempt", "Region", "User"]
__all__ += ["CustodyExtension", "CustodyPeriod", "Holiday", "Placement", "PlacementDocument", "Resident"]
__all__ += ["EvidenceDocument", "EvidenceLink", "FacilityRecord", "FinancialReport", "FundingSource",
            "OrganisationPosition", "Registration", "StaffMember", "StandardsEvaluation", "Verification",
            "VerificationFinding", "WorkArea"]
__all__ += ["AccreditationInstrument", "Assessment", "AssessmentAnswer", "AssessmentEvent", "InstitutionClass"]
