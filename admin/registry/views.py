"""Registry list/detail/edit views: staff, organisation positions, funding, yearly fund management, evidence and
verification rounds. Writes go through the registry services; lists, exports and dropdowns follow the policy."""
from __future__ import annotations

from flask import g, redirect, request, url_for
from flask_admin import expose
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.exporting import institution_name, labelled
from lpks.admin.registry.base import ServiceModelView, options
from markupsafe import Markup
from sqlalchemy import select
from wtforms import SelectField, SelectMultipleField
from wtforms.validators import Optional

from accreditation import STAFF_FUNCTIONS, STANDARD_ITEMS, Engagement
from accreditation.registry_catalogue import (
    DOCUMENT_KINDS,
    FUNDING_SOURCES,
    POSITIONS,
    label,
)
from lpks.extensions import db
from lpks.formats import format_angka
from lpks.platform.numbers import as_id
from lpks.registry.models.funding import FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.registry.services import (
    evidence,
)
from lpks.registry.services import (
    funding as registry_funding,
)
from lpks.registry.services import (
    profile as registry_profile,
)
from lpks.registry.services import (
    staff as registry_staff,
)
from lpks.registry.services import (
    verification as registry_verification,
)
from lpks.security import READ, scope_clause

FUNCTION_CHOICES = options((fn.code, f"{fn.label_id} ({fn.pasal})") for fn in STAFF_FUNCTIONS)
FUNCTION_LABELS = {fn.code: fn.label_id for fn in STAFF_FUNCTIONS}
ENGAGEMENT_CHOICES = options([(Engagement.SENDIRI.value, _l("Tenaga sendiri")),
                              (Engagement.KERJA_SAMA.value, _l("Kerja sama (Pasal 61 ayat (3))"))])
ITEM_CHOICES = options((item.code, item.label_id) for item in STANDARD_ITEMS)


def _institution_names() -> dict[int, str]:
    if "registry_names" not in g:
        g.registry_names = dict(db.session.execute(select(Institution.id, Institution.name).where(
            scope_clause(current_user, Institution, READ))).all())
    return g.registry_names


def institution_formatter(view, context, model, name):
    """The LPKS's name instead of its id."""
    return _institution_names().get(model.institution_id, model.institution_id)


def coded(terms):
    """A formatter showing a vocabulary label instead of its code."""
    return lambda view, context, model, name: label(terms, getattr(model, name))


COMMON_LABELS = {"institution_id": _l("LPKS"), "version": _l("Versi"), "note": _l("Catatan"),
                 "created_at": _l("Dibuat"), "updated_at": _l("Diubah")}


class StaffView(ServiceModelView):
    """The staff register (Pasal 59–62)."""

    service_create = staticmethod(registry_staff.create)
    service_update = staticmethod(registry_staff.update_staff)
    service_delete = staticmethod(registry_staff.delete_staff)
    delete_allowed = True
    can_export = True
    export_name = "tenaga"
    column_list = ("name", "institution_id", "function", "engagement", "certification_valid_until",
                   "sppa_valid_until", "active_until")
    column_searchable_list = ("name",)
    column_filters = ("function", "engagement", "institution_id", "certification_valid_until", "sppa_valid_until",
                      "active_until")
    column_default_sort = "name"
    column_labels = {**COMMON_LABELS, **registry_staff.LABELS}
    column_codes = {"engagement": "engagement"}
    column_formatters = {"institution_id": institution_formatter,
                         "function": lambda v, c, m, n: FUNCTION_LABELS.get(m.function, m.function)}
    export_overrides = {"institution_id": institution_name(StaffMember, _l("LPKS")),
                        "function": labelled("function", registry_staff.LABELS.get("function", _l("Fungsi")),
                                             FUNCTION_LABELS)}
    form_columns = registry_staff.FIELDS
    form_overrides = {"function": SelectField, "engagement": SelectField}
    form_args = {"function": {"choices": FUNCTION_CHOICES}, "engagement": {"choices": ENGAGEMENT_CHOICES}}


class PositionView(ServiceModelView):
    """Who holds each position of the organisation structure (Pasal 58)."""

    service_create = staticmethod(registry_profile.create_position)
    service_update = staticmethod(registry_profile.update_position)
    service_delete = staticmethod(registry_profile.delete_position)
    delete_allowed = True
    column_list = ("institution_id", "position", "title", "holder_name", "since", "until")
    column_filters = ("position", "institution_id", "holder_name")
    column_labels = {**COMMON_LABELS, "position": _l("Jabatan"), "title": _l("Nama jabatan"),
                     "holder_name": _l("Nama pejabat"), "staff_member_id": _l("Tenaga (bila terdaftar)"),
                     "decree_number": _l("Nomor surat keputusan"), "since": _l("Menjabat sejak"),
                     "until": _l("Menjabat sampai")}
    column_formatters = {"institution_id": institution_formatter, "position": coded(POSITIONS)}
    form_columns = ("position", "title", "holder_name", "decree_number", "since", "until")
    form_overrides = {"position": SelectField}
    form_args = {"position": {"choices": options((p.code, f"{p.label_id} ({p.pasal})" if p.pasal else p.label_id)
                                                 for p in POSITIONS)}}

    def scaffold_form(self):
        form_class = super().scaffold_form()
        form_class.staff_member_id = SelectField(_l("Tenaga (bila terdaftar)"), choices=[], coerce=str,
                                                 validators=[Optional()])
        return form_class

    def _with_choices(self, form, obj=None):
        form = super()._with_choices(form, obj)
        stmt = (select(StaffMember).where(scope_clause(current_user, StaffMember, READ))
                .order_by(StaffMember.name).limit(2000))
        form.staff_member_id.choices = options([("", "—")] + [
            (str(s.id), f"{s.name} — {FUNCTION_LABELS.get(s.function, s.function)} "
                        f"({_institution_names().get(s.institution_id, '')})") for s in db.session.scalars(stmt)])
        return form

    def on_form_prefill(self, form, id):
        super().on_form_prefill(form, id)
        form.staff_member_id.data = str(self.get_one(id).staff_member_id or "")


class FundingView(ServiceModelView):
    """Funding sources per year (Pasal 66, 88)."""

    service_create = staticmethod(registry_funding.create_source)
    service_update = staticmethod(registry_funding.update_source)
    service_delete = staticmethod(registry_funding.delete_source)
    delete_allowed = True
    can_export = True
    export_name = "pendanaan"
    column_list = ("institution_id", "year", "source_kind", "description", "amount")
    column_filters = ("year", "source_kind", "institution_id")
    column_default_sort = ("year", True)
    column_labels = {**COMMON_LABELS, "year": _l("Tahun"), "source_kind": _l("Sumber dana"),
                     "description": _l("Keterangan (pemberi dana)"), "amount": _l("Jumlah (Rp)")}
    column_formatters = {"institution_id": institution_formatter, "source_kind": coded(FUNDING_SOURCES),
                         "amount": lambda v, c, m, n: format_angka(m.amount, 2)}
    export_overrides = {"institution_id": institution_name(FundingSource, _l("LPKS")),
                        "source_kind": labelled("source_kind", _l("Sumber dana"),
                                                lambda v: label(FUNDING_SOURCES, v))}
    form_columns = ("year", "source_kind", "description", "amount")
    form_overrides = {"source_kind": SelectField}
    form_args = {"source_kind": {"choices": options((t.code, f"{t.label_id} ({t.pasal})") for t in FUNDING_SOURCES)}}


class FinancialReportView(ServiceModelView):
    """Yearly fund management: planning, use, accountability (Pasal 67 ayat (3), 68)."""

    service_create = staticmethod(registry_funding.create_report)
    service_update = staticmethod(registry_funding.update_report)
    service_delete = staticmethod(registry_funding.delete_report)
    delete_allowed = True
    column_list = ("institution_id", "year", "budget_plan", "spending_records", "report_submitted_on",
                   "report_recipient")
    column_filters = ("year", "institution_id")
    column_default_sort = ("year", True)
    column_labels = {**COMMON_LABELS, "year": _l("Tahun"), "budget_plan": _l("Rencana anggaran ada"),
                     "spending_records": _l("Pencatatan penggunaan dana ada"),
                     "report_submitted_on": _l("Laporan pertanggungjawaban disampaikan"),
                     "report_recipient": _l("Disampaikan kepada")}
    column_formatters = {"institution_id": institution_formatter}
    form_columns = ("year", "budget_plan", "spending_records", "report_submitted_on", "report_recipient", "note")


def _download_link(view, context, model, name):
    url = url_for("registry_files.download", ident=model.id)
    return Markup('<a href="{}">{}</a>').format(url, model.original_name)  # format() escapes every argument


class EvidenceView(ServiceModelView):
    """Evidence documents: uploaded on the upload page, described and linked to items here."""

    service_update = staticmethod(evidence.update)
    service_delete = staticmethod(evidence.delete_document)
    delete_allowed = True
    column_list = ("title", "institution_id", "kind", "original_name", "size_bytes", "issued_on", "valid_until",
                   "uploaded_at")
    column_details_list = ("title", "institution_id", "kind", "original_name", "content_type", "size_bytes",
                           "sha256", "issued_on", "valid_until", "note", "uploaded_at")
    column_searchable_list = ("title",)
    column_filters = ("kind", "institution_id", "title")
    column_default_sort = ("uploaded_at", True)
    column_labels = {**COMMON_LABELS, "title": _l("Judul"), "kind": _l("Jenis dokumen"),
                     "original_name": _l("Berkas"), "content_type": _l("Tipe"), "size_bytes": _l("Ukuran (bita)"),
                     "sha256": _l("SHA-256"), "issued_on": _l("Tanggal dokumen"), "valid_until": _l("Berlaku sampai"),
                     "uploaded_at": _l("Diunggah"), "item_codes": _l("Membuktikan butir standar")}
    column_formatters = {"institution_id": institution_formatter, "kind": coded(DOCUMENT_KINDS),
                         "original_name": _download_link}
    form_columns = ("title", "kind", "issued_on", "valid_until", "note")
    form_overrides = {"kind": SelectField}
    form_args = {"kind": {"choices": options((t.code, t.label_id) for t in DOCUMENT_KINDS)}}
    with_institution = False

    def scaffold_form(self):
        form_class = super().scaffold_form()
        form_class.item_codes = SelectMultipleField(_l("Membuktikan butir standar"), choices=ITEM_CHOICES,
                                                    validators=[Optional()])
        return form_class

    def on_form_prefill(self, form, id):
        super().on_form_prefill(form, id)
        form.item_codes.data = evidence.linked_codes(db.session, self.get_one(id))

    @expose("/new/", methods=("GET", "POST"))
    def create_view(self):
        return redirect(url_for("registry_files.upload", institution_id=request.args.get("institution_id", "")))


class VerificationView(ServiceModelView):
    """Verification rounds in scope (an LPKS operator sees final rounds only); work happens on the round's page."""

    create_allowed = False
    with_institution = False
    column_list = ("institution_id", "number", "visit_date", "status", "verifier_name", "finalised_at")
    column_filters = ("status", "institution_id", "visit_date")
    column_default_sort = ("visit_date", True)
    column_labels = {**COMMON_LABELS, "number": _l("Putaran"), "visit_date": _l("Tanggal kunjungan"),
                     "status": _l("Status"), "verifier_name": _l("Verifikator"), "finalised_at": _l("Difinalkan")}
    column_formatters = {"institution_id": institution_formatter,
                         "number": lambda v, c, m, n: Markup(
                             '<a href="{}">#{}</a>').format(url_for("verify.round_view", ident=m.id), m.number)}

    @property
    def can_edit(self):
        return False

    def get_query(self):
        return super().get_query().filter(registry_verification.visible_clause(current_user))

    def get_count_query(self):
        return super().get_count_query().filter(registry_verification.visible_clause(current_user))

    def get_one(self, id):
        obj = super().get_one(id)
        if obj is not None and not registry_verification.visible(current_user, obj):
            return None
        return obj

    @expose("/details/")
    def details_view(self):
        ident = request.args.get("id", "")
        obj = self.get_one(ident) if as_id(ident) else None
        if obj is None:
            return redirect(url_for(".index_view"))
        return redirect(url_for("verify.round_view", ident=obj.id))


__all__ = ["EvidenceView", "FinancialReportView", "FundingView", "PositionView", "StaffView", "VerificationView"]
