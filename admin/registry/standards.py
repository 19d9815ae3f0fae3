"""The standards report of one LPKS: on screen, printable on A4, and as an Excel workbook."""
from __future__ import annotations

from flask import Response, redirect, request, url_for
from flask_admin import expose
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.registry.base import RegistryPage

from lpks.extensions import db
from lpks.io.registry_export import standards_workbook
from lpks.io.workbook import XLSX_MIME
from lpks.platform.services import audit
from lpks.registry.services import evidence, standards
from lpks.platform.dates import parse_date
from lpks.web.documents import document_response, wants_pdf


def _as_of():
    return parse_date(request.args.get("as_of"), "as_of", _l("Tanggal penilaian"), required=False)


def _titles(docs_by_item) -> dict[str, list[str]]:
    return {code: [d.title for d in docs] for code, docs in docs_by_item.items()}


class StandardsPages(RegistryPage):
    """Report pages; reachable from an LPKS's registry page."""

    def _load(self, ident: int):
        view = standards.report_for(db.session, current_user, ident, _as_of())
        return view, evidence.documents_by_item(db.session, view.institution.id)

    @expose("/")
    def index(self):
        return redirect(url_for("registry.index"))

    @expose("/<int:ident>")
    def report(self, ident: int):
        view, docs = self._load(ident)
        return self.render("registry/standards.html", view=view, docs=docs, report=view.report,
                           inst=view.institution)

    @expose("/<int:ident>/print")
    def print_view(self, ident: int):
        view, docs = self._load(ident)
        audit.record(db.session, "export" if wants_pdf() else "print", "standards_report", view.institution.id,
                     ("pdf",) if wants_pdf() else ())
        as_of = view.report.as_of.isoformat()
        return document_response("registry/standards_print.html",
                                 f"laporan-standar-lpks-{view.institution.id}-{as_of}", view=view, docs=docs,
                                 report=view.report, inst=view.institution,
                                 back_url=url_for(".report", ident=ident, as_of=as_of),
                                 pdf_url=url_for(".print_view", ident=ident, as_of=as_of, format="pdf"))

    @expose("/<int:ident>/xlsx")
    def workbook(self, ident: int):
        view, docs = self._load(ident)
        audit.record(db.session, "export", "standards_report", view.institution.id)
        name = f"laporan-standar-lpks-{view.institution.id}-{view.report.as_of.isoformat()}.xlsx"
        return Response(standards_workbook(view, _titles(docs)), mimetype=XLSX_MIME,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
