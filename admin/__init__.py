"""Flask-Admin: one secure base view (base.py), one package per area, registered here."""
from __future__ import annotations

from flask import g
from flask_admin import Admin
from flask_admin.theme import Bootstrap4Theme
from flask_babel import lazy_gettext as _l
from lpks.admin import accreditation, cases, platform, registry, reports, residents
from lpks.admin.downloads import DownloadsView
from lpks.admin.home import AccountView, HomeView

from lpks.platform.labels import register_field_labels, register_object


def init_admin(app) -> Admin:
    """Mount the admin with the dashboard at '/' and every view under /admin, one area after the other."""
    admin = Admin(app, name="LPKS", url="/admin",
                  index_view=HomeView(name=_l("Beranda"), url="/", endpoint="home"),
                  theme=Bootstrap4Theme(swatch="cerulean", base_template="admin/lpks_base.html"),
                  csp_nonce_generator=lambda: g.get("csp_nonce", ""))
    for area in (platform, registry, residents, accreditation, cases, reports):
        area.register(admin)
    admin.add_view(AccountView(name=_l("Akun saya"), endpoint="account", url="/account", category=_l("Akun")))
    admin.add_view(DownloadsView(name=_l("Pekerjaan saya"), endpoint="downloads", url="/admin/downloads",
                                 category=_l("Akun")))
    for view in admin._views:  # the names of stored fields, for the audit trail and a child's history
        model = getattr(view, "model", None)
        if model is not None and hasattr(model, "__tablename__"):
            register_field_labels(model.__tablename__, dict(getattr(view, "column_labels", None) or {}))
            register_object(model.__tablename__, view.name)
    # the lists whose export the streaming exporter (and its background job) may run, by endpoint
    app.extensions["lpks_exports"] = {view.endpoint: view for view in admin._views if getattr(view, "can_export", False)
                                      and hasattr(view, "export_statement")}
    return admin
