"""Registrations of an LPKS at Kemensos and Dinas Sosial (Pasal 54 ayat (2)): list, add, edit, remove. Writes go
through lpks.registry.services.registrations; lists, exports and the LPKS chooser follow the policy."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from lpks.admin.exporting import institution_name, labelled
from lpks.admin.registry.base import ServiceModelView, options
from lpks.admin.registry.views import COMMON_LABELS, institution_formatter
from sqlalchemy import select
from wtforms import SelectField
from wtforms.validators import Optional

from lpks.extensions import db
from lpks.platform.models.region import LEVEL_PROVINCE, Region
from lpks.registry.models.registration import Registration
from lpks.registry.services import registrations as registry_registrations

AUTHORITY_CHOICES = options([("kemensos", _l("Kementerian Sosial")),
                             ("dinsos_provinsi", _l("Dinas Sosial provinsi")),
                             ("dinsos_kabkota", _l("Dinas Sosial kabupaten/kota"))])


def _authority(view, context, model, name):
    return registry_registrations.authority_labels().get(model.authority, model.authority)


class RegistrationView(ServiceModelView):
    """Tanda daftar: one at Kemensos and one per Dinas Sosial (province or kabupaten/kota) per LPKS."""

    service_create = staticmethod(registry_registrations.create)
    service_update = staticmethod(registry_registrations.update)
    service_delete = staticmethod(registry_registrations.delete)
    delete_allowed = True
    can_export = True
    export_name = "tanda-daftar"
    column_list = ("institution_id", "authority", "region_code", "number", "issued_on", "valid_until")
    column_filters = ("authority", "institution_id", "region_code", "valid_until")
    column_default_sort = "valid_until"
    column_labels = {**COMMON_LABELS, "authority": _l("Instansi pendaftar"), "region_code": _l("Wilayah Dinas Sosial"),
                     "number": _l("Nomor tanda daftar"), "issued_on": _l("Tanggal tanda daftar"),
                     "valid_until": _l("Tanda daftar berlaku sampai")}
    column_formatters = {"institution_id": institution_formatter, "authority": _authority}
    export_overrides = {"institution_id": institution_name(Registration, _l("LPKS")),
                        "authority": labelled("authority", _l("Instansi pendaftar"),
                                              lambda v: registry_registrations.authority_labels().get(v, v))}
    column_descriptions = {"region_code": _l("Kosongkan untuk Dinas Sosial domisili LPKS; tidak diisi untuk "
                                             "Kementerian Sosial.")}
    form_columns = ("authority", "number", "issued_on", "valid_until")
    form_overrides = {"authority": SelectField}
    form_args = {"authority": {"choices": AUTHORITY_CHOICES}}

    def scaffold_form(self):
        form_class = super().scaffold_form()
        form_class.region_code = SelectField(_l("Wilayah Dinas Sosial"), choices=[], coerce=str,
                                             validators=[Optional()])
        return form_class

    def _with_choices(self, form, obj=None):
        form = super()._with_choices(form, obj)
        regions = db.session.execute(select(Region.code, Region.name, Region.level).order_by(Region.code)).all()
        form.region_code.choices = options([("", _l("— domisili LPKS / Kementerian Sosial —"))] + [
            (code, f"{code} — {name}" + (f" ({_l('provinsi')})" if level == LEVEL_PROVINCE else ""))
            for code, name, level in regions])
        return form

    def on_form_prefill(self, form, id):
        super().on_form_prefill(form, id)
        form.region_code.data = self.get_one(id).region_code or ""


__all__ = ["RegistrationView"]
