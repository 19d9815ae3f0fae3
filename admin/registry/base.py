"""Shared plumbing of the registry admin views: every write goes through a service, an LPKS chooser limited to
the user's scope, the version field for optimistic locking, and pages that need login."""
from __future__ import annotations

from typing import Any, Callable

from flask import abort, redirect, request, url_for
from flask_admin import BaseView
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from sqlalchemy import select, true
from wtforms import HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import Optional

from lpks.extensions import db
from lpks.platform.services import audit
from lpks.registry.models.institution import Institution
from lpks.security import READ, WRITE, scope_clause, works_with_lpks_data
from lpks.security.permissions import ALL, POLICY, REGION

SKIP = ("csrf_token", "version")


def writable_institutions(model: type) -> list[tuple[str, str]]:
    """(id, name) of the LPKS whose `model` rows the user may write (the policy's kind, applied to LPKS)."""
    kind = POLICY.get(model, {}).get(current_user.role, {}).get(WRITE)
    if kind == ALL:
        where = true()
    elif kind == REGION:
        where = scope_clause(current_user, Institution, READ)
    else:
        return []
    stmt = select(Institution.id, Institution.name).where(where).order_by(Institution.name, Institution.id)
    return [(str(i), n) for i, n in db.session.execute(stmt)]


def options(pairs) -> list[SelectChoice]:
    """SelectField choices as SelectChoice objects (tuples are deprecated in WTForms 3.3)."""
    return [SelectChoice(str(value), label) for value, label in pairs]


def form_data(form) -> dict[str, Any]:
    """A form's values as the plain dict a service takes."""
    return {name: field.data for name, field in form._fields.items() if name not in SKIP}


class ServiceModelView(SecureModelView):
    """A SecureModelView whose create, update and delete call service functions, then commit once."""

    service_create: Callable | None = None
    service_update: Callable | None = None
    service_delete: Callable | None = None
    with_institution = True
    named_filter_urls = True  # stable links such as ?flt1_lpks_equals=3 from the LPKS page

    # the optimistic lock travels hidden: it is no field a person fills in (issue 17)
    form_extra_fields = {"version": HiddenField(validators=[Optional()])}

    def __init__(self, model, **kwargs):
        # flask-admin adds an extra field only when form_columns names it: the version field must be listed.
        if self.form_columns and "version" not in self.form_columns:
            self.form_columns = (*self.form_columns, "version")
        super().__init__(model, **kwargs)

    def _export_data(self):
        """Every list export is recorded in the audit trail (who exported which kind of record)."""
        from lpks.platform.services import audit

        audit.record(db.session, "export", self.model.__tablename__, None, ("admin_list",))
        return super()._export_data()

    def _with_choices(self, form, obj=None):
        if self.with_institution and hasattr(form, "institution_id"):
            choices = writable_institutions(self.model)
            if obj is not None:  # a record never moves to another LPKS: its own is the only choice
                choices = [(i, n) for i, n in choices if i == str(obj.institution_id)]
            form.institution_id.choices = options(choices)
            if obj is None and request.method == "GET" and request.args.get("institution_id"):
                form.institution_id.data = request.args.get("institution_id")
        return form

    def scaffold_form(self):
        form_class = super().scaffold_form()
        if self.with_institution:
            field = SelectField(_l("LPKS"), choices=[], coerce=str)
            field.creation_counter = -1  # first in the form
            form_class.institution_id = field
        return form_class

    def create_form(self, obj=None):
        return self._with_choices(super().create_form(obj))

    def edit_form(self, obj=None):
        form = self._with_choices(super().edit_form(obj), obj)
        return form

    def on_form_prefill(self, form, id):
        obj = self.get_one(id)
        if hasattr(form, "version"):
            form.version.data = str(obj.version)
        if hasattr(form, "institution_id"):
            form.institution_id.data = str(obj.institution_id)

    def _run(self, action: Callable, *args):
        try:
            result = action(db.session, current_user, *args)
            db.session.commit()
        except Exception as exc:  # noqa: BLE001  (shown to the user by handle_view_exception)
            if not self.handle_view_exception(exc):
                raise
            return False
        return result if result is not None else True

    def create_model(self, form):
        with self.errors_on(form):
            model = self._run(type(self).service_create, form_data(form))
        if model:
            self.after_model_change(form, model, True)
        return model

    def update_model(self, form, model):
        data = {**form_data(form), "version": form.version.data, "institution_id": model.institution_id}
        with self.errors_on(form):
            ok = self._run(type(self).service_update, model, data)
        if ok:
            self.after_model_change(form, model, False)
        return bool(ok)

    def delete_model(self, model):
        if type(self).service_delete is None:
            abort(403)
        ok = self._run(type(self).service_delete, model)
        if ok:
            self.after_model_delete(model)
        return bool(ok)


class RegistryPage(BaseView):
    """A custom registry page: logged-in users whose role reads the registry; hidden from the menu."""

    def is_accessible(self) -> bool:
        return works_with_lpks_data(current_user)

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        audit.refused(Institution.__tablename__)
        abort(403)

    def is_visible(self) -> bool:
        return False
