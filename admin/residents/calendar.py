"""The holiday calendar (edited by Kementerian Sosial) and the deadline calculators (RULES §5)."""
from __future__ import annotations

from flask import abort, flash, redirect, request
from flask_admin import BaseView, expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView, role_may
from lpks.admin.residents.forms import (
    HOLIDAY_KIND_LABELS,
    AgeCalcForm,
    CourtCalcForm,
    CustodyCalcForm,
    HolidayForm,
    SeedForm,
    form_data,
    on_form,
)

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.models.holiday import Holiday
from lpks.platform.services import holidays
from lpks.residents import calculators
from lpks.residents.services.placement_status import estimate_note, readings
from lpks.rules import CustodyLevel, basis_info
from lpks.security import WRITE, works_with_lpks_data


class HolidayView(SecureModelView):
    """National holidays and cuti bersama; every change recomputes the open titipan periods."""

    form = HolidayForm
    delete_allowed = True
    list_template = "residents/holiday_list.html"
    can_view_details = False
    column_list = ("day", "name", "kind", "source")
    column_filters = ("day", "kind", "source", "name")
    column_searchable_list = ("name",)
    column_default_sort = "day"
    column_labels = {"day": _l("Tanggal"), "name": _l("Nama"), "kind": _l("Jenis"), "source": _l("Sumber")}
    column_formatters = {"kind": lambda v, c, m, n: HOLIDAY_KIND_LABELS.get(m.kind, m.kind),
                         "source": lambda v, c, m, n: {"seeded": _("kalender bawaan"), "manual": _("ditambahkan manual")}
                         .get(m.source, m.source)}

    def on_form_prefill(self, form, id):
        holiday = self.get_one(id)
        form.date.data = holiday.day.isoformat()
        form.version.data = str(holiday.version)

    def create_model(self, form):
        return self.run_service(lambda: on_form(form, lambda: holidays.create(db.session, current_user,
                                                                              form_data(form))))

    def update_model(self, form, model):
        return self.run_service(lambda: on_form(form, lambda: holidays.update(db.session, current_user, model,
                                                                              form_data(form))))

    def delete_model(self, model):
        return self.run_service(lambda: holidays.delete(db.session, current_user, model))

    def seed_form(self):
        """The seeding form for the list page (Kementerian Sosial)."""
        form = SeedForm(formdata=None)
        form.years.data = " ".join(map(str, holidays.default_years()))
        return form

    @expose("/seed/", methods=("POST",))
    def seed_view(self):
        """Seed years from the `holidays` package (idempotent: existing dates are kept)."""
        if not role_may(Holiday, WRITE):
            abort(403)
        form = SeedForm()
        if form.validate_on_submit():
            result = self.run_service(lambda: holidays.seed(db.session, holidays.parse_years(form.years.data)))
            if result:
                flash(_("%(created)s tanggal ditambahkan, %(kept)s sudah ada; %(recomputed)s masa titipan dihitung "
                        "ulang.", created=result.created, kept=result.kept, recomputed=result.recomputed), "success")
        return redirect(self.get_url(".index_view"))


class CalculatorView(BaseView):
    """Deadline calculators for social workers: titipan, court placement and age (every role but admin)."""

    def is_accessible(self) -> bool:
        return works_with_lpks_data(current_user)

    def inaccessible_callback(self, name, **kwargs):
        abort(403 if current_user.is_authenticated else 401)

    @expose("/", methods=("GET", "POST"))
    def index(self):
        forms = {"custody": CustodyCalcForm(prefix="custody"), "court": CourtCalcForm(prefix="court"),
                 "age": AgeCalcForm(prefix="age")}
        compute = {"custody": calculators.custody, "court": calculators.court_placement, "age": calculators.age}
        results, errors = {}, {}
        submitted = list(request.form.keys()) if request.method == "POST" else []
        for key, form in forms.items():
            # three forms on one page: only the one whose fields came in is computed
            if any(name.startswith(f"{key}-") for name in submitted) and form.validate_on_submit():
                try:
                    results[key] = compute[key](db.session, form_data(form))
                except ServiceError as exc:
                    db.session.rollback()
                    errors[key] = exc.message
        estimates = {key: estimate_note(result.get("calendar_missing_years")) for key, result in results.items()}
        return self.render("residents/calculator.html", forms=forms, results=results, errors=errors,
                           estimates=estimates, readings=readings(), levels=list(CustodyLevel),
                           court=basis_info("court_decision"))
