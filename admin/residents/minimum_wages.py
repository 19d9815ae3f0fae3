"""The provincial minimum wage (UMP) table of Pasal 14 ayat 1 huruf e, kept by Kementerian Sosial: a list, the
form, and an xlsx import (all rows valid or nothing saved)."""
from __future__ import annotations

from flask import abort, flash, redirect
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from lpks.admin.base import SecureModelView, role_may
from lpks.admin.residents.forms import form_data, on_form
from wtforms import HiddenField, StringField
from wtforms.validators import Optional

from lpks.extensions import db
from lpks.residents.models.obligations import MinimumWage
from lpks.residents.services import minimum_wages
from lpks.security import WRITE


class MinimumWageForm(FlaskForm):
    """One province and year."""

    province_code = StringField(_l("Kode provinsi (contoh 35)"))
    year = StringField(_l("Tahun"), render_kw={"type": "number"})
    amount = StringField(_l("UMP (rupiah per bulan)"), render_kw={"type": "number", "min": "1"})
    decree = StringField(_l("Keputusan gubernur"), validators=[Optional()])
    version = HiddenField()


class WageImportForm(FlaskForm):
    """An xlsx with columns kode_provinsi, tahun, ump, keputusan."""

    file = FileField(_l("Berkas Excel (.xlsx) dengan kolom: kode provinsi, tahun, UMP, keputusan"))


class MinimumWageView(SecureModelView):
    """UMP per province and year (Kementerian Sosial edits; the other roles read)."""

    form = MinimumWageForm
    delete_allowed = True
    list_template = "residents/minimum_wage_list.html"
    can_view_details = False
    column_list = ("province_code", "year", "amount", "decree")
    column_filters = ("province_code", "year")
    column_default_sort = ("year", True)
    column_labels = {"province_code": _l("Provinsi"), "year": _l("Tahun"), "amount": _l("UMP (Rp)"),
                     "decree": _l("Keputusan gubernur")}

    def on_form_prefill(self, form, id):
        form.version.data = str(self.get_one(id).version)

    def create_model(self, form):
        return self.run_service(lambda: on_form(form, lambda: minimum_wages.create(db.session, current_user,
                                                                                   form_data(form))))

    def update_model(self, form, model):
        return self.run_service(lambda: on_form(form, lambda: minimum_wages.update(db.session, current_user, model,
                                                                                   form_data(form))))

    def delete_model(self, model):
        return self.run_service(lambda: minimum_wages.delete(db.session, current_user, model))

    def import_form(self):
        """The import form for the list page (Kementerian Sosial)."""
        return WageImportForm(formdata=None)

    @expose("/import/", methods=("POST",))
    def import_view(self):
        """Import rows from xlsx; every bad cell is listed, nothing is saved unless the whole file is valid."""
        if not role_may(MinimumWage, WRITE):
            abort(403)
        form = WageImportForm()
        upload = form.file.data if form.validate_on_submit() and form.file.data else None
        if upload is None:
            flash(_("Pilih berkas .xlsx."), "error")
        else:
            count = self.run_service(lambda: minimum_wages.import_xlsx(db.session, current_user, upload.stream,
                                                                       upload.filename))
            if count is not None:
                flash(_("%(n)s baris UMP disimpan.", n=count), "success")
        return redirect(self.get_url(".index_view"))
