"""Reports area of the admin (issue 15, RULES §9): the figures of an area and period, the yearly reports."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from lpks.admin.reports.annual import AnnualPages
from lpks.admin.reports.figures import FiguresPages

CATEGORY = _l("Laporan")


def register(admin) -> None:
    """Add the reports views to the admin."""
    admin.add_view(FiguresPages(name=_l("Angka dan grafik"), endpoint="reports", url="/admin/reports",
                                category=CATEGORY))
    admin.add_view(AnnualPages(name=_l("Laporan tahunan"), endpoint="annual_report", url="/admin/annual-reports",
                               category=CATEGORY))
