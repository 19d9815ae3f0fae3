"""Titipan periods in Flask-Admin: a list by notice deadline and last day, each row leading to its placement."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from lpks.admin.base import SecureModelView
from lpks.admin.child_search import ChildSearchMixin
from lpks.admin.exporting import labelled
from lpks.admin.list_paging import LimitFirstMixin
from lpks.admin.residents.due import DueListMixin
from markupsafe import Markup

from lpks.formats import format_tanggal
from lpks.residents.services.placement_status import (
    estimate_note,
    label,
    period_missing_years,
)
from lpks.rules import CustodyLevel

STATUS_LABELS = {"open": _l("Berjalan"), "closed": _l("Ditutup")}


def _placement_link(view, context, model, name):
    text = str(model.placement.resident) if model.placement and model.placement.resident else f"#{model.placement_id}"
    href = url_for("placement.details_view", id=model.placement_id, _anchor="titipan")
    return Markup('<a href="{}">{}</a>').format(href, text)  # format() escapes every argument


def _deadline(view, context, model, name):
    """The notice deadline, marked as an estimate when it was counted over a year the calendar lacks (RULES §5)."""
    missing = period_missing_years(model)
    text = format_tanggal(model.notice_deadline)
    if not missing:
        return text
    return Markup('{} <span class="text-warning small" data-testid="estimate" title="{}">{}</span>').format(
        text, estimate_note(missing), _("perkiraan (%(years)s)", years=", ".join(map(str, missing))))


class CustodyView(ChildSearchMixin, LimitFirstMixin, DueListMixin, SecureModelView):
    """Titipan periods (created and changed on the placement page)."""

    create_allowed = False
    can_view_details = False
    can_export = True
    export_name = "titipan"
    column_list = ("placement", "level", "start_date", "total_days", "last_day", "notice_deadline", "notice_sent_on",
                   "status", "depositor_agency")
    column_export_list = ("placement_id", "level", "start_date", "total_days", "max_days", "last_day",
                          "notice_deadline", "notice_sent_on", "status", "depositor_agency")
    column_filters = ("level", "status", "start_date", "last_day", "notice_deadline", "notice_sent_on")
    column_sortable_list = ("start_date", "last_day", "notice_deadline", "notice_sent_on", "level", "status")
    column_default_sort = "notice_deadline"
    column_labels = {"placement": _l("Anak / penempatan"), "placement_id": _l("Penempatan"),
                     "level": _l("Tingkat"), "start_date": _l("Mulai"), "total_days": _l("Jumlah hari"),
                     "max_days": _l("Paling lama"), "last_day": _l("Hari terakhir"),
                     "notice_deadline": _l("Batas surat pemberitahuan"), "notice_sent_on": _l("Surat dikirim"),
                     "status": _l("Status"), "depositor_agency": _l("Lembaga penitip")}
    column_formatters = {"placement": _placement_link, "level": lambda v, c, m, n: label(CustodyLevel, m.level),
                         "notice_deadline": _deadline,
                         "status": lambda v, c, m, n: STATUS_LABELS.get(m.status, m.status)}
    column_formatters_export = {"level": column_formatters["level"], "status": column_formatters["status"]}

    export_overrides = {"level": labelled("level", _l("Tingkat"), lambda v: label(CustodyLevel, v)),
                        "status": labelled("status", _l("Status"), STATUS_LABELS)}

    @property
    def can_edit(self):
        return False
