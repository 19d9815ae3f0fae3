"""Accreditation area of the admin (issue 4): assessments and their steps, the instrument, classes, compilations,
read-only lists of workflow events and stored classes; and its dashboard sections."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l

from lpks.models import AssessmentEvent, InstitutionClass
from lpks.services import accreditation_dashboard  # noqa: F401  (registers the dashboard sections)
from lpks.services import accreditation_hooks  # noqa: F401  (append-only guard, class recomputation)

from .accreditation_instrument import InstrumentPages
from .accreditation_pages import AssessmentPages
from .accreditation_reports import ClassPages, ReportPages
from .accreditation_views import EventView, StoredClassView

CATEGORY = _l("Akreditasi")


def register(admin) -> None:
    """Add the accreditation views to the admin."""
    admin.add_view(AssessmentPages(name=_l("Penilaian akreditasi"), endpoint="accreditation",
                                   url="/admin/accreditation", category=CATEGORY))
    admin.add_view(ClassPages(name=_l("Kelas LPKS"), endpoint="accreditation_class",
                              url="/admin/accreditation-class", category=CATEGORY))
    admin.add_view(ReportPages(name=_l("Rekap akreditasi dan kelas"), endpoint="accreditation_report",
                               url="/admin/accreditation-report", category=CATEGORY))
    admin.add_view(InstrumentPages(name=_l("Instrumen akreditasi"), endpoint="accreditation_instrument",
                                   url="/admin/accreditation-instrument", category=CATEGORY))
    admin.add_view(EventView(AssessmentEvent, name=_l("Riwayat alur akreditasi"), endpoint="accreditation_event",
                             category=CATEGORY))
    admin.add_view(StoredClassView(InstitutionClass, name=_l("Kelas tersimpan"), endpoint="institution_class",
                             category=CATEGORY))
