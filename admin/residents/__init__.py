"""Flask-Admin views and pages of the residents area: children, placements, titipan, calendar, calculators."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from lpks.admin.residents.calendar import CalculatorView, HolidayView
from lpks.admin.residents.children import ResidentView
from lpks.admin.residents.custody import CustodyView
from lpks.admin.residents.placements import PlacementView

from lpks.platform.models.holiday import Holiday
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident


def register(admin) -> None:
    """Add the residents area: residents, placements, titipan periods, holiday calendar, calculators."""
    category = _l("Anak")
    admin.add_view(ResidentView(Resident, name=_l("Data anak"), endpoint="resident", category=category))
    admin.add_view(PlacementView(Placement, name=_l("Penempatan"), endpoint="placement", category=category))
    admin.add_view(CustodyView(CustodyPeriod, name=_l("Masa titipan"), endpoint="custody", category=category))
    admin.add_view(CalculatorView(name=_l("Kalkulator tenggat"), endpoint="calculator", url="/admin/calculator",
                                  category=category))
    admin.add_view(HolidayView(Holiday, name=_l("Kalender hari libur"), endpoint="holiday", category=_l("Referensi")))
