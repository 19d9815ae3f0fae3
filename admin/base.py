"""The one secure base for every Flask-Admin view: deny by default, scope every query path.

Flask-Admin lets everyone in, reads `get_one()` around `get_query()`, lists every row in relation
dropdowns, hands raw ids to actions and writes `=`-cells as formulas in exports (which also build the whole
workbook in memory). Each of those is closed here, once, through the permission policy in `lpks.security`; exports
go through the project's streaming exporter (admin/exporting.py).
"""
from __future__ import annotations

from contextlib import contextmanager
from datetime import date, datetime

from flask import abort, flash, g, redirect, request, url_for
from flask_admin.contrib.sqla import ModelView
from flask_admin.contrib.sqla.form import AdminModelConverter
from flask_admin.model.form import converts
from flask_admin.model import typefmt
from flask_admin.model.filters import BaseIntFilter, BaseIntListFilter
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf import FlaskForm
from lpks.admin.exporting import StreamingExportMixin
from lpks.admin.list_paging import CappedCountQuery, bounded_page
from sqlalchemy import func
from wtforms.fields import DateField
from wtforms.widgets import DateInput
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm.exc import StaleDataError

from lpks.extensions import db
from lpks.formats import format_tanggal, format_tanggal_waktu
from lpks.platform.errors import ServiceError
from lpks.platform.numbers import DB_INT_MAX, as_id, parse_whole
from lpks.platform.labels import label
from lpks.platform.services import audit
from lpks.security import READ, WRITE, can, in_menu, may_create, may_open, reaches, scope_clause
from lpks.web import form_errors


def role_may(model: type, action: str) -> bool:
    """Does the current user's role reach `model` for `action` at all?"""
    return current_user.is_authenticated and reaches(current_user, model, action)


def _date(view, value, name=None):
    return format_tanggal(value)


def _datetime(view, value, name=None):
    return format_tanggal_waktu(value)


# Dates read "20 Maret 2026" in lists and details; exports keep ISO dates for spreadsheets.
# datetime is a date too: it must come first, Flask-Admin takes the first isinstance match.
def _bool(view, value, name):
    """ya/tidak in the user's language (flask-admin's icon carries an English "name: true" title)."""
    return _("ya") if value else _("tidak")


DATE_FORMATTERS = {**typefmt.BASE_FORMATTERS, datetime: _datetime, date: _date, bool: _bool}
DETAIL_DATE_FORMATTERS = {**typefmt.DETAIL_FORMATTERS, datetime: _datetime, date: _date, bool: _bool}


class AdminForm(FlaskForm):
    """Flask-WTF's form (CSRF) that, like Flask-Admin's own BaseForm, knows the object it edits.

    Flask-Admin's `Unique` validator compares the row it finds with `form._obj`: without it, saving a record with
    its own unchanged unique value (a user's username) is refused as a duplicate."""

    def __init__(self, *args, obj=None, **kwargs):
        self._obj = obj
        super().__init__(*args, obj=obj, **kwargs)


class DateInputConverter(AdminModelConverter):
    """Dates in Flask-Admin's forms as the web forms ask them: the browser's date input (one style everywhere),
    not Flask-Admin's text field with its picker."""

    @converts("Date")
    def convert_date(self, field_args, **extra):
        field_args.setdefault("widget", DateInput())
        return DateField(**field_args)


def _code_formatter(kind: str):
    def show(view, context, model, name):
        return label(kind, getattr(model, name))
    return show


class SecureModelView(StreamingExportMixin, ModelView):
    """Base view: access, CRUD rights, queries, dropdowns, actions and exports all follow the policy."""

    column_type_formatters = DATE_FORMATTERS
    column_type_formatters_detail = DETAIL_DATE_FORMATTERS

    form_base_class = AdminForm
    model_form_converter = DateInputConverter
    # Flask-Admin's own forms, with the error summary at their top (templates/_form.html)
    create_template = "admin/model/lpks_create.html"
    edit_template = "admin/model/lpks_edit.html"
    page_size = 20
    can_set_page_size = True
    can_view_details = True
    create_allowed = True
    delete_allowed = False

    def __init__(self, model, **kwargs):
        # A coded column reads as its label (lpks.platform.labels) on the list and the details, as in the export.
        coded = {name: _code_formatter(kind) for name, kind in self.column_codes.items()}
        self.column_formatters = {**coded, **dict(self.column_formatters or {})}
        self.column_formatters_detail = {**coded, **dict(self.column_formatters_detail or self.column_formatters or {})}
        super().__init__(model, db, **kwargs)

    # What the view shows of its rows: READ, or DIRECTORY for the LPKS directory (names only).
    read_action: str = READ

    # --- who may enter ---------------------------------------------------------------------------
    def is_accessible(self) -> bool:
        if not may_open(current_user, self.endpoint):  # a page of some roles only (lpks.security PAGE_POLICY)
            return False
        return role_may(self.model, self.read_action)

    def is_visible(self) -> bool:
        return in_menu(current_user, self.endpoint)

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        audit.refused(self.model.__tablename__)
        abort(403)

    @property
    def can_create(self) -> bool:
        return self.create_allowed and role_may(self.model, WRITE) and may_create(current_user, self.model)

    @property
    def can_edit(self) -> bool:
        return role_may(self.model, WRITE)

    @property
    def can_delete(self) -> bool:
        return self.delete_allowed and role_may(self.model, WRITE)

    @can_create.setter
    def can_create(self, value):  # flask-admin assigns these in __init__; the policy decides
        pass

    @can_edit.setter
    def can_edit(self, value):
        pass

    @can_delete.setter
    def can_delete(self, value):
        pass

    # --- which rows ------------------------------------------------------------------------------
    def get_query(self):
        return super().get_query().filter(scope_clause(current_user, self.model, self.read_action))

    def get_count_query(self):
        query = CappedCountQuery([func.count("*")], session=db.session).select_from(self.model)
        return query.filter(scope_clause(current_user, self.model, self.read_action))

    def _apply_pagination(self, query, page, page_size):
        return super()._apply_pagination(query, bounded_page(page, page_size or self.page_size), page_size)

    def _get_list_filter_args(self):
        """Integer filters (`flt0_3=…`) outside the database's range are refused naming the filter (they used to
        reach SQL and answer 500); every other invalid value keeps Flask-Admin's own message."""
        for arg, value in request.args.items():
            key = arg[3:].split("_", 1)[1] if arg.startswith("flt") and "_" in arg else None
            found = (self._filter_args or {}).get(key) if key else None
            if found and isinstance(found[1], (BaseIntFilter, BaseIntListFilter)):
                parts = [p for p in value.split(",") if p.strip()] if isinstance(found[1], BaseIntListFilter) else [value]
                for part in parts:
                    number = parse_whole(part)
                    if number is not None and not -DB_INT_MAX - 1 <= number <= DB_INT_MAX:
                        raise ServiceError(_("Filter '%(name)s' (parameter '%(arg)s') harus bilangan bulat dari "
                                             "%(minimum)s sampai %(maximum)s.", name=found[1].name, arg=arg,
                                             minimum=-DB_INT_MAX - 1, maximum=DB_INT_MAX), arg)
        return super()._get_list_filter_args()

    def get_one(self, id):
        obj = super().get_one(id)
        if obj is None:
            audit.refused(self.model.__tablename__)
            return None
        writing = request.endpoint and request.endpoint.endswith((".edit_view", ".delete_view"))
        if not can(current_user, self.read_action, obj) or (writing and not can(current_user, WRITE, obj)):
            audit.refused(self.model.__tablename__)
            return None
        return obj

    # --- relation dropdowns list only rows in scope ------------------------------------------------
    def _scope_relation_fields(self, form):
        for field in form:
            factory = getattr(field, "query_factory", None)
            if factory is None:
                continue
            entity = factory().column_descriptions[0]["entity"]
            field.query_factory = (lambda m=entity: db.session.query(m).filter(scope_clause(current_user, m, READ)))
        return form

    def create_form(self, obj=None):
        return self._scope_relation_fields(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._scope_relation_fields(super().edit_form(obj))

    # --- writes ----------------------------------------------------------------------------------
    def on_model_change(self, form, model, is_created):
        if not can(current_user, WRITE, model):
            raise ServiceError(_("Data berada di luar lingkup Anda."))

    @contextmanager
    def errors_on(self, form):
        """While saving `form`, a service error goes beside its field (handle_view_exception), not to the top."""
        g.lpks_form = form
        try:
            yield
        finally:
            g.pop("lpks_form", None)

    def create_model(self, form):
        with self.errors_on(form):
            return super().create_model(form)

    def update_model(self, form, model):
        with self.errors_on(form):
            return super().update_model(form, model)

    def run_form(self, form, action):
        """Run a service call for `form`: its errors go beside the fields and into the form's summary, not into a
        message at the top of the page. Returns the call's result, or None when refused."""
        with self.errors_on(form):
            return self.run_service(action)

    def run_service(self, action):
        """Run one service call as the user's transaction; its error becomes a message on the page.

        Returns the call's result, or None when it was refused (nothing is written then).
        """
        try:
            result = action()
            db.session.commit()
        except Exception as exc:  # noqa: BLE001  (handle_view_exception shows it or re-raises)
            if not self.handle_view_exception(exc):
                raise
            return None
        return True if result is None else result

    def on_model_delete(self, model):
        if not can(current_user, WRITE, model):
            raise ServiceError(_("Data berada di luar lingkup Anda."))

    def handle_view_exception(self, exc: Exception) -> bool:
        db.session.rollback()
        form = g.get("lpks_form")
        if isinstance(exc, ServiceError) and form is not None:
            form_errors.attach(form, exc)
            return True
        if isinstance(exc, ServiceError):
            flash(exc.message, "error")
            return True
        if isinstance(exc, StaleDataError) and form is not None:
            form.form_errors = [*form.form_errors, _("Data ini telah diubah oleh pengguna lain. Muat ulang lalu coba "
                                                     "lagi.")]
            return True
        if isinstance(exc, IntegrityError):
            flash(_("Data tidak dapat disimpan atau dihapus karena masih dipakai oleh data lain "
                    "atau melanggar aturan keunikan."), "error")
            return True
        if isinstance(exc, StaleDataError):
            flash(_("Data ini telah diubah oleh pengguna lain. Muat ulang lalu coba lagi."), "error")
            return True
        return super().handle_view_exception(exc)

    def action_delete(self, ids):
        if not self.can_delete:
            abort(403)
        return super().action_delete(tuple(_cast_ids(self.model, ids)))


def _cast_ids(model, ids):
    """Integer primary keys arrive as strings (psycopg 3 refuses to compare them): cast them."""
    pk = model.__table__.primary_key.columns.values()[0]
    if pk.type.python_type is int:
        return [n for n in map(as_id, ids) if n is not None]
    return list(ids)


DELETE_CONFIRM = _l("Anda yakin ingin menghapus data yang dipilih?")
