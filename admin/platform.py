"""Admin views of the platform: regions, institutions, users, tokens, audit trail."""
from __future__ import annotations

from flask import g
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.exporting import labelled
from sqlalchemy import select
from wtforms import HiddenField, PasswordField, SelectChoice, SelectField
from wtforms.validators import Optional

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.platform.exports import ExportColumn
from lpks.platform.labels import REFERRAL_SCOPE_LABELS, ROLE_LABELS, audit_action_label, field_labels, object_label
from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.region import LEVEL_PROVINCE, Region
from lpks.platform.models.user import (
    FUNCTION_DATA,
    FUNCTION_PEKSOS,
    FUNCTION_TKSK,
    FUNCTIONS,
    ROLES,
    ApiToken,
    User,
)
from lpks.platform.services import tokens, users
from lpks.registry.models.institution import Institution
from lpks.registry.services import institutions, profile
from lpks.security import DIRECTORY, scope_clause


def region_name(code: str | None) -> str:
    """A region's name, from one lookup per request (no query per list row)."""
    if not code:
        return "-"
    names = g.get("region_names")
    if names is None:
        names = g.region_names = dict(db.session.execute(select(Region.code, Region.name)).all())
    return names.get(code, code)


def _institution_column(view, context, model, name):
    """An operator's LPKS as "#id name", from the directory (one lookup per request)."""
    ident = getattr(model, name)
    if ident is None:
        return "-"
    names = g.get("institution_names")
    if names is None:
        names = g.institution_names = dict(db.session.execute(select(Institution.id, Institution.name).where(
            scope_clause(current_user, Institution, DIRECTORY))).all())
    return f"#{ident} {names.get(ident, '')}".strip()


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
    column_codes = {"level": "region_kind"}
    column_labels = {"code": _l("Kode"), "name": _l("Nama"), "level": _l("Tingkat"), "province_code": _l("Provinsi")}
    column_default_sort = "code"

    @property
    def can_edit(self):
        return False


class InstitutionView(SecureModelView):
    """LPKS profiles, scoped by role."""

    can_export = True
    export_name = "lpks"
    column_list = ("name", "kabkota_code", "referral_scope", "capacity_boys", "capacity_girls", "verified_capacity_boys",
                   "verified_capacity_girls")
    column_export_list = ("id", "name", "kabkota_code", "province_code", "address", "phone", "email", "referral_scope",
                          "capacity_boys", "capacity_girls", "verified_capacity_boys", "verified_capacity_girls",
                          "capacity_verified_on")
    column_formatters = {"kabkota_code": _region_column, "province_code": _region_column,
                         "referral_scope": _scope_column}
    column_formatters_export = {}
    column_searchable_list = ("name",)
    column_filters = ("kabkota_code", "province_code", "referral_scope")
    column_labels = {"name": _l("Nama LPKS"), "kabkota_code": _l("Kabupaten/kota"), "province_code": _l("Provinsi"),
                     "address": _l("Alamat"), "phone": _l("Telepon"), "email": _l("Email"),
                     "referral_scope": _l("Lingkup rujukan"), "capacity_boys": _l("Kapasitas laki-laki"),
                     "capacity_girls": _l("Kapasitas perempuan"), "version": _l("Versi"),
                     "verified_capacity_boys": _l("Kapasitas laki-laki terverifikasi"),
                     "verified_capacity_girls": _l("Kapasitas perempuan terverifikasi"),
                     "capacity_verified_on": _l("Kapasitas diverifikasi pada"),
                     **profile.NUMBERS, **profile.DATES, **profile.TEXTS, "formation_kind": _l("Bentuk pendirian"),
                     "designation_decree_number": _l("Nomor keputusan penetapan (Pasal 56)"),
                     "designation_decree_date": _l("Tanggal keputusan penetapan (Pasal 56)"),
                     "created_at": _l("Dibuat"), "updated_at": _l("Terakhir diubah")}
    form_columns = ("name", "kabkota_code", "address", "phone", "email", "referral_scope", "capacity_boys",
                    "capacity_girls", "verified_capacity_boys", "verified_capacity_girls", "version")
    form_extra_fields = {"version": HiddenField(validators=[Optional()])}
    form_overrides = {"referral_scope": SelectField, "kabkota_code": SelectField}
    form_args = {"referral_scope": {"choices": [SelectChoice(s, label) for s, label in REFERRAL_SCOPE_LABELS.items()]}}
    column_details_exclude_list = ()

    def on_form_prefill(self, form, id):
        form.version.data = str(self.get_one(id).version)

    def _restrict(self, form, editing: bool):
        """Leave out the fields the user's role may not set (the referral scope for an LPKS operator; on an existing
        LPKS, the domicile for everyone but the Ministry) and offer the domicile as a picker of the regencies/cities
        where the user may register an LPKS."""
        for name in (*institutions.RESTRICTED, *(("kabkota_code",) if editing else ())):
            if name in form and not institutions.settable(current_user, name):
                del form[name]
        if "kabkota_code" in form:
            form.kabkota_code.choices = [SelectChoice("", _l("— pilih kabupaten/kota —"))] + [
                SelectChoice(code, f"{name} ({code})") for code, name in institutions.domicile_choices(
                    db.session, current_user)]
        return form

    def create_form(self, obj=None):
        return self._restrict(super().create_form(obj), editing=False)

    def edit_form(self, obj=None):
        return self._restrict(super().edit_form(obj), editing=True)

    def create_model(self, form):
        inst = self.run_form(form, lambda: institutions.create(db.session, current_user, _data(form)))
        return inst or False

    def update_model(self, form, model):
        data = {**_data(form), "version": form.version.data}
        return bool(self.run_form(form, lambda: institutions.update(db.session, current_user, model, data)))


class InstitutionDirectoryView(SecureModelView):
    """The LPKS directory for the system administrator: id, name and region, to give an operator its LPKS
    (the policy's DIRECTORY: nothing of the registry's records)."""

    read_action = DIRECTORY
    create_allowed = False
    can_view_details = False
    column_list = ("id", "name", "kabkota_code", "province_code")
    column_searchable_list = ("name",)
    column_filters = ("kabkota_code", "province_code")
    column_formatters = {"kabkota_code": _region_column, "province_code": _region_column}
    column_labels = {"id": _l("Id (lingkup operator)"), "name": _l("Nama LPKS"), "kabkota_code": _l("Kabupaten/kota"),
                     "province_code": _l("Provinsi")}
    column_default_sort = "name"


def _data(form) -> dict:
    return {name: field.data for name, field in form._fields.items() if name not in ("csrf_token", "version")}


# What a Dinas Sosial kabupaten/kota user does in its case handling (RULES §8; lpks.security.permissions.INTAKE_DUTIES)
FUNCTION_LABELS = {FUNCTION_PEKSOS: _l("Pekerja Sosial (manajer kasus, pendamping)"),
                   FUNCTION_TKSK: _l("TKSK (pemantauan atas permintaan Pekerja Sosial)"),
                   FUNCTION_DATA: _l("Seksi Data dan Informasi (dokumentasi, laporan, pengaduan)")}


class UserView(SecureModelView):
    """Users and roles (system administrator)."""


    column_list = ("username", "full_name", "role", "function", "institution_id", "region_code", "locale", "active")
    column_searchable_list = ("username", "full_name")
    column_filters = ("role", "function", "active")
    column_codes = {"role": "role"}
    column_exclude_list = ("password_hash", "session_epoch")
    column_details_exclude_list = ("password_hash", "session_epoch")
    column_formatters = {"institution_id": _institution_column,
                         "role": lambda v, c, m, n: ROLE_LABELS.get(m.role, m.role),
                         "function": lambda v, c, m, n: FUNCTION_LABELS.get(m.function, "-") if m.function else "-"}
    column_formatters_detail = {"role": lambda v, c, m, n: ROLE_LABELS.get(m.role, m.role)}
    column_labels = {"username": _l("Nama pengguna"), "full_name": _l("Nama lengkap"), "role": _l("Peran"),
                     "institution_id": _l("LPKS"), "region_code": _l("Kode wilayah"), "locale": _l("Bahasa"),
                     "active": _l("Aktif"), "function": _l("Fungsi (Dinas Sosial kabupaten/kota)")}
    form_columns = ("username", "full_name", "role", "scope", "function", "new_password", "active", "locale")
    form_overrides = {"role": SelectField, "locale": SelectField, "function": SelectField}
    form_args = {"role": {"choices": [SelectChoice(r, ROLE_LABELS[r]) for r in ROLES]},
                 "function": {"choices": [SelectChoice("", _l("— tidak ada —"))]
                              + [SelectChoice(f, FUNCTION_LABELS[f]) for f in FUNCTIONS]},
                 "locale": {"choices": [SelectChoice("id", "Bahasa Indonesia"), SelectChoice("en", "English")]}}
    form_extra_fields = {
        # a picker of the LPKS directory and the regions, not a code typed by hand (issue 17)
        "scope": SelectField(_l("Lingkup (LPKS untuk operator, kabupaten/kota atau provinsi untuk Dinas Sosial, "
                                "nasional untuk Kementerian Sosial dan administrator)"), choices=[],
                             validators=[Optional()]),
        "new_password": PasswordField(_l("Kata sandi baru (minimal 12 karakter, tidak mudah ditebak; mengakhiri "
                                         "semua sesi dan token pengguna)"), validators=[Optional()]),
    }

    def on_form_prefill(self, form, id):
        user = self.get_one(id)
        form.scope.data = str(user.institution_id or user.region_code or "")

    def _scope_choices(self, form):
        """Every scope a user can have, grouped: national, provinces, regencies/cities, LPKS (by name)."""
        regions = db.session.execute(select(Region.code, Region.name, Region.level).order_by(Region.name)).all()
        lpks = db.session.execute(select(Institution.id, Institution.name).where(
            scope_clause(current_user, Institution, DIRECTORY)).order_by(Institution.name)).all()
        form.scope.choices = {
            str(_l("Nasional")): [SelectChoice("", _l("Nasional (tanpa lingkup)"))],
            str(_l("Provinsi")): [SelectChoice(code, name) for code, name, level in regions if level == LEVEL_PROVINCE],
            str(_l("Kabupaten/kota")): [SelectChoice(code, name) for code, name, level in regions
                                        if level != LEVEL_PROVINCE],
            str(_l("LPKS")): [SelectChoice(str(ident), name) for ident, name in lpks]}
        return form

    def create_form(self, obj=None):
        return self._scope_choices(super().create_form(obj))

    def edit_form(self, obj=None):
        return self._scope_choices(super().edit_form(obj))

    def create_model(self, form):
        def create():
            user = users.create_user(db.session, form.username.data, form.new_password.data or "", form.role.data,
                                     form.scope.data, form.full_name.data, form.locale.data, form.function.data)
            user.active = bool(form.active.data)
            return user
        return self.run_form(form, create) or False

    def update_model(self, form, model):
        return bool(self.run_form(form, lambda: users.update_user(
            db.session, model, role=form.role.data, scope=form.scope.data, full_name=form.full_name.data,
            locale=form.locale.data, active=bool(form.active.data), new_password=form.new_password.data or None,
            actor=current_user, function=form.function.data)))


class TokenView(SecureModelView):
    """API tokens: listed and revoked here, created with `lpks create-token`."""


    create_allowed = False
    column_list = ("id", "user_id", "prefix", "created_at", "expires_at", "last_used_at", "revoked_at")
    column_labels = {"user_id": _l("Pengguna"), "prefix": _l("Awalan token"), "created_at": _l("Dibuat"),
                     "expires_at": _l("Berlaku sampai"), "last_used_at": _l("Terakhir dipakai"),
                     "revoked_at": _l("Dicabut")}
    form_columns = ("revoked_at",)

    def update_model(self, form, model):
        if not (form.revoked_at.data and model.revoked_at is None):
            return True
        return bool(self.run_service(lambda: tokens.revoke_token(db.session, model.id)))


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
    column_list = ("at", "username", "role", "ip", "action", "object_type", "object_id", "fields", "hits")
    column_formatters = {"hits": lambda view, context, model, name: audit_hits(model),
                         "action": lambda view, context, model, name: audit_action_label(model.action),
                         "object_type": lambda view, context, model, name: object_label(model.object_type),
                         "fields": lambda view, context, model, name: (
                             field_labels(model.object_type, model.fields.split(",")) if model.fields else "")}
    column_codes = {"role": "role"}
    # the export reads the count of an aggregated row from its tally, joined (one statement, streamed)
    export_overrides = {"hits": ExportColumn("hits", _l("Jumlah dalam semenit"), expr=AuditTally.hits,
                                             join=(AuditTally, AuditTally.audit_id == AuditLog.id)),
                        "action": labelled("action", _l("Tindakan"), audit_action_label),
                        "object_type": labelled("object_type", _l("Jenis objek"), object_label)}
    column_filters = ("action", "username", "object_type", "object_id")
    column_labels = {"at": _l("Waktu"), "username": _l("Pengguna"), "role": _l("Peran"), "ip": _l("Alamat IP"),
                     "action": _l("Tindakan"), "object_type": _l("Jenis objek"), "object_id": _l("Id objek"),
                     "fields": _l("Kolom yang berubah"), "hits": _l("Jumlah dalam semenit")}

    @property
    def can_edit(self):
        return False

    def get_list(self, *args, **kwargs):
        count, rows = super().get_list(*args, **kwargs)
        # aggregated rows (refused access, throttled logins) carry their count in audit_tally: one lookup per page
        g.audit_hits = dict(db.session.execute(select(AuditTally.audit_id, AuditTally.hits).where(
            AuditTally.audit_id.in_([r.id for r in rows]))).all()) if rows else {}
        return count, rows


def audit_hits(row) -> str:
    """How many times an aggregated event happened in its minute ("" for an ordinary row)."""
    return str(g.get("audit_hits", {}).get(row.id, ""))


def register(admin) -> None:
    """Add the platform views to the admin."""
    admin.add_view(InstitutionView(Institution, name=_l("LPKS"), endpoint="institution"))
    admin.add_view(RegionView(Region, name=_l("Wilayah"), endpoint="region", category=_l("Referensi")))
    admin.add_view(UserView(User, name=_l("Pengguna"), endpoint="user", category=_l("Sistem")))
    admin.add_view(InstitutionDirectoryView(Institution, name=_l("Daftar LPKS"), endpoint="institution_directory",
                                            category=_l("Sistem")))
    admin.add_view(TokenView(ApiToken, name=_l("Token API"), endpoint="token", category=_l("Sistem")))
    admin.add_view(AuditView(AuditLog, name=_l("Jejak audit"), endpoint="audit", category=_l("Sistem")))


__all__ = ["register", "ServiceError"]
