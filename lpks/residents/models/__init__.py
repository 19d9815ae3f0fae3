"""Residents tables: the child, placements and their documents, custody periods (Pasal 9–14)."""
from lpks.residents.models.custody import CustodyExtension, CustodyPeriod
from lpks.residents.models.obligations import (
           MinimumWage,
           PlacementMeeting,
           ProgressReport,
           SchoolExamRequest,
)
from lpks.residents.models.placement import Placement, PlacementDocument
from lpks.residents.models.resident import Resident

__all__ = ["CustodyExtension", "CustodyPeriod", "MinimumWage", "Placement", "PlacementDocument", "PlacementMeeting",
           "ProgressReport", "Resident", "SchoolExamRequest"]
