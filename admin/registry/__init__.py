"""Registry area of the admin (issue 3): the LPKS registry pages, staff, organisation, funding, evidence,
verification, standards reports, Excel import and export; and its dashboard sections."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from lpks.admin.registry.files import RegistryFiles
from lpks.admin.registry.pages import RegistryHome
from lpks.admin.registry.registrations import RegistrationView
from lpks.admin.registry.standards import StandardsPages
from lpks.admin.registry.verify import VerificationPages
from lpks.admin.registry.views import (
    EvidenceView,
    FinancialReportView,
    FundingView,
    PositionView,
    StaffView,
    VerificationView,
)

from lpks.registry import dashboard as registry_dashboard  # noqa: F401  (registers the dashboard sections)
from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification

CATEGORY = _l("Registri LPKS")


def register(admin) -> None:
    """Add the registry views to the admin."""
    admin.add_view(RegistryHome(name=_l("Daftar dan kepatuhan"), endpoint="registry", url="/admin/registry",
                                category=CATEGORY))
    admin.add_view(RegistrationView(Registration, name=_l("Tanda daftar"), endpoint="registration", category=CATEGORY))
    admin.add_view(StaffView(StaffMember, name=_l("Tenaga"), endpoint="staff", category=CATEGORY))
    admin.add_view(PositionView(OrganisationPosition, name=_l("Struktur organisasi"), endpoint="position",
                                category=CATEGORY))
    admin.add_view(FundingView(FundingSource, name=_l("Sumber dana"), endpoint="funding", category=CATEGORY))
    admin.add_view(FinancialReportView(FinancialReport, name=_l("Pengelolaan dana tahunan"),
                                       endpoint="financial_report", category=CATEGORY))
    admin.add_view(EvidenceView(EvidenceDocument, name=_l("Dokumen bukti"), endpoint="evidence", category=CATEGORY))
    admin.add_view(VerificationView(Verification, name=_l("Verifikasi standar"), endpoint="verification",
                                    category=CATEGORY))
    admin.add_view(StandardsPages(name=_l("Laporan standar"), endpoint="standards", url="/admin/standards"))
    admin.add_view(VerificationPages(name=_l("Verifikasi"), endpoint="verify", url="/admin/verify"))
    admin.add_view(RegistryFiles(name=_l("Berkas registri"), endpoint="registry_files", url="/admin/registry-files"))
