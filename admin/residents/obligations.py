"""The placement page's forms for the obligations of issue 12: the under-12 court determination (Pasal 10 ayat 3),
the school exam (Pasal 11 ayat 8), the progress reports (Pasal 13 ayat 5) and the Pasal 14 meeting. A mixin of
PlacementView: every form posts to a service; no rule here."""
from __future__ import annotations

from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Optional

from lpks.residents.services import under12

DATE = {"type": "date"}


class CourtDeterminationForm(FlaskForm):
    """Under 12: the submission to the court and the court's determination (Pasal 10 ayat 3)."""

    court_submitted_on = StringField(_l("Tanggal keputusan musyawarah diajukan ke pengadilan"), render_kw=DATE,
                                     validators=[Optional()])
    court_determination_number = StringField(_l("Nomor penetapan pengadilan"), validators=[Optional()])
    court_determination_date = StringField(_l("Tanggal penetapan pengadilan"), render_kw=DATE,
                                           validators=[Optional()])


class ObligationsMixin:
    """Routes and forms of the obligations around a placement (used by PlacementView)."""

    def obligation_forms(self, model, state) -> dict:
        """The forms the placement page shows for these obligations."""
        forms = {}
        if state.get("court_determination") is not None and not state["court_determination"]["date"]:
            forms["court"] = CourtDeterminationForm(formdata=None)
        return forms

    @expose("/court-determination/", methods=("POST",))
    def court_view(self):
        return self._act(CourtDeterminationForm(), under12.record_court, lambda p: p,
                         _("Pengajuan/penetapan pengadilan dicatat."), "court")
