"""Registry tables, one module per aggregate (Pasal 52–69)."""
from lpks.registry.models.evaluation import StandardsEvaluation
from lpks.registry.models.evidence import EvidenceDocument, EvidenceLink
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.reach import ReachProposal
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding

__all__ = ["EvidenceDocument", "EvidenceLink", "FacilityRecord", "FinancialReport", "FundingSource", "Institution",
           "OrganisationPosition", "ReachProposal", "Registration", "StaffMember", "StandardsEvaluation", "Verification",
           "VerificationFinding", "WorkArea"]
