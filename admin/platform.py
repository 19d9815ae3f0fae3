"""Admin views of the platform: regions, institutions, users, tokens, audit trail."""
from __future__ import annotations

from flask import g
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from sqlalchemy import select
from wtforms import HiddenField, PasswordField, SelectChoice, SelectField, StringField
from wtforms.validators import Optional

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.labels import REFERRAL_SCOPE_LABELS, ROLE_LABELS
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.region import Region
from lpks.platform.models.user import ROLES, ApiToken, User
from lpks.platform.services import users
from lpks.registry.models.institution import Institution
from lpks.registry.services import institutions


def region_name(code: str | None) -> str:
    """A region's name, from one lookup per request (no query per list row)."""
    if not code:
        return "-"
    names = g.get("region_names")
    if names is None:
        names = g.region_names = dict(db.session.execute(select(Region.code, Region.name)).all())
    return names.get(code, code)


def _region_column(view, context, model, name):
    return region_name(getattr(model, name))


def _scope_column(view, context, model, name):
    return str(REFERRAL_SCOPE_LABELS.get(getattr(model, name), getattr(model, name)))


class RegionView(SecureModelView):
    """Provinces and regencies/cities (read only: imported with `lpks regions import`)."""

    create_allowed = False
    can_export = True
    export_name = "wilayah"
    column_list = ("code", "name", "level", "province_code")
    column_searchable_list = ("code", "name")
    column_filters = ("level",)
    column_labels = {"code": _l("Kode"), "name": _l("Nama"), "level": _l("Tingkat"), "province_code": _l("Provinsi")}
    column_default_sort = "code"

    @property
    def can_edit(self):
        return False


class InstitutionView(SecureModelView):
    """LPKS profiles, scoped by role."""

    can_export = True
    export_name = "lpks"
    column_list = ("name", "kabkota_code", "referral_scope", "capacity_boys", "capacity_girls")
    column_export_list = ("id", "name", "kabkota_code", "province_code", "address", "phone", "email", "referral_scope",
                          "capacity_boys", "capacity_girls")
    column_formatters = {"kabkota_code": _region_column, "province_code": _region_column,
                         "referral_scope": _scope_column}
    column_formatters_export = {}
    column_searchable_list = ("name",)
    column_filters = ("kabkota_code", "province_code", "referral_scope")
    column_labels = {"name": _l("Nama LPKS"), "kabkota_code": _l("Kabupaten/kota"), "province_code": _l("Provinsi"),
                     "address": _l("Alamat"), "phone": _l("Telepon"), "email": _l("Email"),
                     "referral_scope": _l("Lingkup rujukan"), "capacity_boys": _l("Kapasitas laki-laki"),
                     "capacity_girls": _l("Kapasitas perempuan"), "version": _l("Versi")}
    form_columns = ("name", "kabkota_code", "address", "phone", "email", "referral_scope", "capacity_boys",
                    "capacity_girls", "version")
    form_extra_fields = {"version": HiddenField(validators=[Optional()])}
    form_overrides = {"referral_scope": SelectField, "kabkota_code": StringField}
    form_args = {"referral_scope": {"choices": [SelectChoice(s, label) for s, label in REFERRAL_SCOPE_LABELS.items()]}}
    column_details_exclude_list = ()

    def on_form_prefill(self, form, id):
        form.version.data = str(self.get_one(id).version)

    def _restrict(self, form):
        """Leave out the fields the user's role may not set (the referral scope for an LPKS operator)."""
        for name in institutions.RESTRICTED:
            if name in form and not institutions.settable(current_user, name):
                del form[name]
        return form

    def create_form(self, obj=None):
        return self._restrict(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._restrict(super().edit_form(obj))

    def create_model(self, form):
        inst = self.run_service(lambda: institutions.create(db.session, current_user, _data(form)))
        return inst or False

    def update_model(self, form, model):
        data = {**_data(form), "version": form.version.data}
        return bool(self.run_service(lambda: institutions.update(db.session, current_user, model, data)))


def _data(form) -> dict:
    return {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "version")}


class UserView(SecureModelView):
    """Users and roles (system administrator)."""

    roles = ("admin_sistem",)

    column_list = ("username", "full_name", "role", "institution_id", "region_code", "locale", "active")
    column_searchable_list = ("username", "full_name")
    column_filters = ("role", "active")
    column_exclude_list = ("password_hash", "session_epoch")
    column_details_exclude_list = ("password_hash", "session_epoch")
    column_labels = {"username": _l("Nama pengguna"), "full_name": _l("Nama lengkap"), "role": _l("Peran"),
                     "institution_id": _l("LPKS"), "region_code": _l("Kode wilayah"), "locale": _l("Bahasa"),
                     "active": _l("Aktif")}
    form_columns = ("username", "full_name", "role", "scope", "new_password", "active", "locale")
    form_overrides = {"role": SelectField, "locale": SelectField}
    form_args = {"role": {"choices": [SelectChoice(r, ROLE_LABELS[r]) for r in ROLES]},
                 "locale": {"choices": [SelectChoice("id", "Bahasa Indonesia"), SelectChoice("en", "English")]}}
    form_extra_fields = {
        "scope": StringField(_l("Lingkup (id LPKS, kode wilayah, atau kosong untuk nasional)"), validators=[Optional()]),
        "new_password": PasswordField(_l("Kata sandi baru (minimal 12 karakter)"), validators=[Optional()]),
    }

    def on_form_prefill(self, form, id):
        user = self.get_one(id)
        form.scope.data = str(user.institution_id or user.region_code or "")

    def create_model(self, form):
        def create():
            user = users.create_user(db.session, form.username.data, form.new_password.data or "", form.role.data,
                                     form.scope.data, form.full_name.data, form.locale.data)
            user.active = bool(form.active.data)
            return user
        return self.run_service(create) or False

    def update_model(self, form, model):
        return bool(self.run_service(lambda: users.update_user(
            db.session, model, role=form.role.data, scope=form.scope.data, full_name=form.full_name.data,
            locale=form.locale.data, active=bool(form.active.data), new_password=form.new_password.data or None)))


class TokenView(SecureModelView):
    """API tokens: listed and revoked here, created with `lpks create-token`."""

    roles = ("admin_sistem",)

    create_allowed = False
    column_list = ("id", "user_id", "prefix", "created_at", "last_used_at", "revoked_at")
    column_labels = {"user_id": _l("Pengguna"), "prefix": _l("Awalan token"), "created_at": _l("Dibuat"),
                     "last_used_at": _l("Terakhir dipakai"), "revoked_at": _l("Dicabut")}
    form_columns = ("revoked_at",)

    def update_model(self, form, model):
        if not (form.revoked_at.data and model.revoked_at is None):
            return True
        return bool(self.run_service(lambda: users.revoke_token(db.session, model.id)))


class AuditView(SecureModelView):
    """The audit trail: read only, append only."""

    create_allowed = False
    can_export = True
    export_name = "jejak-audit"
    can_view_details = False
    column_default_sort = ("id", True)
    # Previous/next pages, no total: counting an append-only trail that only grows costs a full index scan on every
    # page (a million rows at national scale); the filters find what an administrator looks for.
    simple_list_pager = True
    column_list = ("at", "username", "role", "ip", "action", "object_type", "object_id", "fields")
    column_filters = ("action", "username", "object_type", "object_id")
    column_labels = {"at": _l("Waktu"), "username": _l("Pengguna"), "role": _l("Peran"), "ip": _l("Alamat IP"),
                     "action": _l("Tindakan"), "object_type": _l("Jenis objek"), "object_id": _l("Id objek"),
                     "fields": _l("Kolom yang berubah")}

    @property
    def can_edit(self):
        return False


def register(admin) -> None:
    """Add the platform views to the admin."""
    admin.add_view(InstitutionView(Institution, name=_l("LPKS"), endpoint="institution"))
    admin.add_view(RegionView(Region, name=_l("Wilayah"), endpoint="region", category=_l("Referensi")))
    admin.add_view(UserView(User, name=_l("Pengguna"), endpoint="user", category=_l("Sistem")))
    admin.add_view(TokenView(ApiToken, name=_l("Token API"), endpoint="token", category=_l("Sistem")))
    admin.add_view(AuditView(AuditLog, name=_l("Jejak audit"), endpoint="audit", category=_l("Sistem")))


__all__ = ["register", "ServiceError"]
