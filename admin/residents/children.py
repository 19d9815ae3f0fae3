"""Residents (ABH) in Flask-Admin: pseudonymised list and details, the audited identity reveal, Excel import and
export; registers every view of the residents area."""
from __future__ import annotations

from flask import abort, flash, g, redirect, request, send_file, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.child_search import ChildSearchMixin
from lpks.admin.list_paging import LimitFirstMixin
from lpks.admin.residents.forms import (
    SEX_LABELS,
    STATUS_LABELS,
    ConfirmForm,
    ImportForm,
    ResidentForm,
    form_data,
    on_form,
)
from sqlalchemy import select

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.registry.models.institution import Institution
from lpks.residents import dashboard as residents_dashboard  # noqa: F401  (dashboard sections register on import)
from lpks.residents import child_page
from lpks.residents import history as residents_history
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.residents.services.placement_status import label
from lpks.rules import ResidentKind, Route
from lpks.security import READ, WRITE, can
from lpks.security.permissions import registers_lpks_residents

LABELS = {"register_number": _l("Nomor register"), "initials": _l("Inisial"), "kind": _l("Jenis ABH"),
          "sex": _l("Jenis kelamin"), "route": _l("Jalur usia"), "age_at_offence": _l("Usia saat tindak pidana"),
          "institution_id": _l("LPKS"), "institution": _l("LPKS")}


def _institution(view, context, model, name):
    names = g.get("resident_institution_names") or {}  # one query per list page (ResidentView.get_list)
    if model.institution_id in names:
        return names[model.institution_id]
    if model.institution_id is None:  # a child the Dinas Sosial handles itself (RULES §8)
        return _("Dinas Sosial %(code)s", code=model.owner_region_code)
    inst = db.session.get(Institution, model.institution_id)
    return inst.name if inst else "-"


class ResidentView(ChildSearchMixin, LimitFirstMixin, SecureModelView):
    """Residents: initials and register number in lists; the identity only on the audited explicit action."""

    form = ResidentForm
    can_export = False  # our own exports: pseudonymised by default, full identity audited (lpks.io.residents)
    list_template = "residents/resident_list.html"
    details_template = "residents/resident_details.html"
    column_list = ("register_number", "initials", "kind", "sex", "route", "age_at_offence", "institution_id")
    column_details_list = column_list
    # the search box: register number, initials or LPKS name, never names (lpks.residents.search)
    column_filters = ("register_number", "kind", "sex", "route")
    column_default_sort = ("id", True)
    column_labels = LABELS
    column_formatters = {
        "kind": lambda v, c, m, n: label(ResidentKind, m.kind), "route": lambda v, c, m, n: label(Route, m.route),
        "sex": lambda v, c, m, n: SEX_LABELS.get(m.sex, m.sex), "institution_id": _institution}

    def get_query(self):  # the LPKS's residents; a Dinas Sosial's own children are listed with their cases
        return super().get_query().filter(Resident.institution_id.is_not(None))

    def get_count_query(self):
        return super().get_count_query().filter(Resident.institution_id.is_not(None))

    def get_list(self, *args, **kwargs):
        """The page of residents, and the names of their LPKS in one query (not one per row)."""
        count, data = super().get_list(*args, **kwargs)
        ids = {model.institution_id for model in data}
        g.resident_institution_names = dict(db.session.execute(
            select(Institution.id, Institution.name).where(Institution.id.in_(ids))).all()) if ids else {}
        return count, data

    @property
    def can_edit(self):  # the identity is changed only after the audited reveal (identity_view)
        return False

    @property
    def can_create(self):  # an LPKS registers its residents; a Dinas Sosial its own children with their case
        return registers_lpks_residents(current_user)

    @can_create.setter
    def can_create(self, value):
        pass

    @expose("/")
    def index_view(self):
        """The list; the identity export is offered to the roles the policy allows (residents.IDENTITY_ROLES)."""
        self._template_args["may_export_identity"] = residents.may_export_identity(current_user)
        return super().index_view()

    def get_save_return_url(self, model, is_created=False):
        return self.get_url(".details_view", id=model.id)

    def create_model(self, form):
        return self.run_service(lambda: on_form(form, lambda: residents.create(db.session, current_user,
                                                                               form_data(form))))

    # --- details --------------------------------------------------------------------------------------------
    def details_context(self, model: Resident) -> dict:
        """The child's page: its tabs (child, placements, custody periods, case, documents), the active tab's rows
        within the user's scope (lpks.residents.child_page) and what the user may do."""
        tabs = child_page.tabs_for(current_user)
        tab = request.args.get("tab", "anak")
        tab = tab if tab in tabs else "anak"
        return {"tab": tab, "tabs": tabs, **child_page.tab_context(db.session, current_user, model, tab),
                "may_identity": residents.may_view_identity(current_user, model),
                "may_write": can(current_user, WRITE, model), "confirm": ConfirmForm(), "status_labels": STATUS_LABELS}

    def _resident(self, action: str = READ) -> Resident:
        resident = self.get_one(request.args.get("id", ""))
        if resident is None or (action == WRITE and not can(current_user, WRITE, resident)):
            abort(404)
        return resident

    # --- the explicit, audited identity reveal ----------------------------------------------------------------
    @expose("/identity/", methods=("POST",))
    def identity_view(self):
        """Show the full identity (POST with CSRF); each reveal writes a view_identity audit row."""
        resident = self._resident()
        if not ConfirmForm().validate_on_submit():
            abort(400)
        try:
            identity = residents.reveal_identity(db.session, current_user, resident)
        except ServiceError as exc:
            abort(exc.status)
        db.session.commit()
        form = None
        if can(current_user, WRITE, resident):
            form = ResidentForm(formdata=None, data={**identity, "kind": resident.kind, "sex": resident.sex,
                                                     "register_number": resident.register_number,
                                                     "version": str(resident.version)})
        return self.render("residents/identity.html", resident=resident, identity=identity, form=form)

    @expose("/identity/save/", methods=("POST",))
    def identity_save(self):
        """Save the record changed on the identity page (refuses a stale version)."""
        resident = self._resident(WRITE)
        form = ResidentForm()
        if form.validate_on_submit() and self.run_service(lambda: on_form(form, lambda: residents.update(
                db.session, current_user, resident, form_data(form)))):
            flash(_("Data anak disimpan."), "success")
            return redirect(self.get_url(".details_view", id=resident.id))
        # the values re-shown are the ones the user just submitted: no new reveal
        return self.render("residents/identity.html", resident=resident, identity=None, form=form)

    # --- the child's processing history (UU 27/2022), audited ---------------------------------------------------
    @expose("/history/")
    def history_view(self):
        """Who viewed, changed or exported this child's record, when (identity roles in scope only)."""
        try:
            result = residents_history.history_page(db.session, current_user, request.args.get("id", ""),
                                                    request.args.get("page"), self.page_size)
        except ServiceError as exc:
            abort(exc.status)
        db.session.commit()
        pages = max(1, -(-result["total"] // result["per_page"]))
        return self.render("residents/history.html", history=result, pages=pages,
                           resident=result["resident"], labels=residents_history)

    @expose("/history.xlsx")
    def history_xlsx(self):
        """The history as .xlsx; audited as an export."""
        from lpks.io.residents_history import export_history

        try:
            stream, name = export_history(db.session, current_user, request.args.get("id", ""))
        except ServiceError as exc:
            abort(exc.status)
        db.session.commit()
        return send_file(stream, as_attachment=True, download_name=name)

    # --- Excel export and import ------------------------------------------------------------------------------
    @expose("/export.xlsx")
    def export_xlsx(self):
        """Excel export, pseudonymised (initials and register number); audited; a large one runs as a job."""
        return self._export(identity=False)

    @expose("/export-identity/", methods=("POST",))
    def export_identity(self):
        """Excel export with full identity (permitted roles only); every resident in it is an audited view."""
        if not ConfirmForm().validate_on_submit():
            abort(400)
        return self._export(identity=True)

    def _export(self, identity: bool):
        from lpks.io.residents import export_residents
        from lpks.residents import exports

        try:
            inline, job = exports.start(db.session, current_user, identity)
            stream = export_residents(db.session, current_user, identity=identity) if inline else None
        except ServiceError as exc:
            db.session.rollback()
            abort(exc.status)
        db.session.commit()  # the audit rows, or the job (sent to the worker by this commit)
        if job is not None:
            flash(_("Ekspor ini besar, jadi disiapkan di latar belakang. Berkasnya tersedia di Pekerjaan saya "
                    "setelah selesai."), "info")
            return redirect(url_for("downloads.index_view"))
        return send_file(stream, as_attachment=True, download_name=exports.file_name(identity))

    @expose("/import/", methods=("GET", "POST"))
    def import_view(self):
        """Import residents with their current placements: all or nothing, every error by row and column."""
        from lpks.platform.imports import background_note, queued_message
        from lpks.residents import imports
        from lpks.residents.services.importing import import_residents

        if not registers_lpks_residents(current_user):
            abort(403)
        form, errors, status = ImportForm(), [], 200
        if form.validate_on_submit() and form.file.data:
            upload = form.file.data
            try:
                content, job = imports.start(db.session, current_user, upload.stream, upload.filename)
                result = None if job else import_residents(db.session, current_user, content, upload.filename)
            except ServiceError as exc:
                db.session.rollback()
                errors = getattr(exc, "errors", None) or [exc.message]
                status = 429 if exc.status == 429 else 200
            else:
                db.session.commit()  # the rows, or the job (handed to the worker by this commit)
                if job is not None:
                    flash(queued_message(), "info")
                    return redirect(url_for("downloads.index_view"))
                flash(imports.summary(result), "success")
                return redirect(self.get_url(".index_view"))
        elif request.method == "POST":
            errors = [_("Pilih berkas Excel (.xlsx) terlebih dahulu.")]
        return self.render("residents/import.html", form=form, errors=errors, note=background_note()), status

    @expose("/import-template.xlsx")
    def import_template(self):
        """An empty import workbook with its columns and a sheet explaining them."""
        from lpks.io.residents import import_template

        return send_file(import_template(), as_attachment=True, download_name="templat-impor-anak.xlsx")
