"""Accreditation area of the admin (issue 4): assessments and their steps, the instrument, classes, compilations,
read-only lists of workflow events and stored classes; and its dashboard sections."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from lpks.admin.accreditation.instrument import InstrumentPages
from lpks.admin.accreditation.pages import AssessmentPages
from lpks.admin.accreditation.reports import ClassPages, ReportPages
from lpks.admin.accreditation.views import EventView, StoredClassView

from lpks.accreditation import dashboard as accreditation_dashboard  # noqa: F401  (registers the dashboard sections)
from lpks.accreditation.models import AssessmentEvent, InstitutionClass
from lpks.accreditation.services import hooks as accreditation_hooks  # noqa: F401  (append-only guard, class recomputation)

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
