"""Yearly report pages (Pasal 90–92; RULES §9): an office's reports of a year with the offices below it and who has
not sent theirs; one report with its narrative, steps, compiled reports and figures (frozen once submitted); its
workbook and its A4 PDF from the same template. Every page loads through the scoped queries (another office's
report answers 404) and every step through lpks.reports.services.annual."""
from __future__ import annotations

from flask import Response, flash, redirect, request, url_for
from flask_admin import expose
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from lpks.admin.reports.figures import ReportsPage, about, figure_context

from lpks.extensions import db
from lpks.formats import format_tanggal_waktu
from lpks.io.reports import report_workbook
from lpks.io.workbook import XLSX_MIME
from lpks.platform import clock
from lpks.platform.errors import ServiceError
from lpks.platform.services import audit
from lpks.reports import queries
from lpks.reports.serialize import mask_headline
from lpks.reports.services import annual
from lpks.reports.services.snapshot import content
from lpks.residents.services.common import locale_code
from lpks.rules.reporting import Level
from lpks.security.areas import masks_small_cells, office_of
from lpks.web.documents import document_response, wants_pdf

STATE_LABELS = {"draft": _l("Draf"), "submitted": _l("Dikirim, menunggu diterima"), "received": _l("Diterima"),
                "missing": _l("Belum mengirim")}
LEVEL_LABELS = {"kabupaten_kota": _l("Dinas Sosial kabupaten/kota"), "provinsi": _l("Dinas Sosial provinsi"),
                "nasional": _l("Kementerian Sosial")}
ACTION_LABELS = {"compile": _l("Himpun laporan tingkat di bawah"), "submit": _l("Kirim laporan (angka dibekukan)"),
                 "receive": _l("Terima laporan"), "revise": _l("Buat revisi")}


def state_label(state: str) -> str:
    """A report's state (or an office's missing report) in the reader's language."""
    return str(STATE_LABELS.get(state, state))


def _run(action, ok: str | None = None):
    """One service call as the request's transaction; its error is flashed. The result, or None."""
    try:
        result = action()
        db.session.commit()
    except ServiceError as exc:
        db.session.rollback()
        if exc.status == 404:
            raise
        flash(exc.message, "error")
        return None
    if ok:
        flash(ok, "success")
    return result


def _year() -> int:
    raw = request.args.get("year", "")
    return int(raw) if raw.isdigit() else clock.today().year


class AnnualPages(ReportsPage):
    """Laporan tahunan."""

    def is_accessible(self) -> bool:
        return office_of(current_user) is not None

    def render(self, template, **kwargs):
        kwargs.setdefault("state_label", state_label)
        kwargs.setdefault("level_labels", LEVEL_LABELS)
        kwargs.setdefault("action_labels", ACTION_LABELS)
        return super().render(template, **kwargs)

    @expose("/")
    def index(self):
        year = _year()
        level, code = queries.office_named(request.args.get("scope"))
        overview = queries.overview(db.session, current_user, year, level, code)
        names = queries.people(db.session, *[r.submitted_by_id for r in overview.own],
                               *[r.received_by_id for r in overview.own])
        own_office = queries.office(current_user)
        is_own = (overview.level, overview.code) == own_office
        return self.render("reports/annual_index.html", overview=overview, year=year, names=names, is_own=is_own,
                           years=list(range(clock.today().year, 2017, -1)),
                           masked=masks_small_cells(current_user))

    @expose("/new", methods=["POST"])
    def create(self):
        data = {"year": request.form.get("year")}
        report = _run(lambda: annual.create(db.session, current_user, data), _("Draf laporan dibuat."))
        if report is None:
            return redirect(url_for(".index", year=request.form.get("year") or None))
        return redirect(url_for(".detail", ident=report.id))

    def _content(self, report):
        masked = masks_small_cells(current_user)
        data, text = content(db.session, current_user, report, locale_code())
        context = figure_context(data, text, masked)
        parts = [{**p, "headline": mask_headline(p["headline"], p.get("children", []), masked)}
                 for p in data.get("parts", [])]
        headline = [(key, text["figures"].get(key, {}).get("title", key))
                    for key, f in data["figures"].items() if f.get("headline")]
        return {**context, "parts": parts, "missing": data.get("missing", []), "headline": headline}

    @expose("/<int:ident>")
    def detail(self, ident: int):
        report = queries.get(db.session, current_user, ident)
        names = queries.people(db.session, report.created_by_id, report.submitted_by_id, report.received_by_id,
                               report.compiled_by_id)
        return self.render("reports/annual_detail.html", r=report, names=names,
                           actions={a.value for a in annual.allowed(db.session, current_user, report)},
                           latest=queries.is_latest(db.session, report), **self._content(report))

    @expose("/<int:ident>/edit", methods=["POST"])
    def edit(self, ident: int):
        report = queries.get(db.session, current_user, ident)
        data = {k: request.form.get(k) for k in ("evaluation", "plan", "version")}
        _run(lambda: annual.update(db.session, current_user, report, data), _("Laporan disimpan."))
        return redirect(url_for(".detail", ident=ident))

    @expose("/<int:ident>/transition", methods=["POST"])
    def transition(self, ident: int):
        report = queries.get(db.session, current_user, ident)
        data = {k: request.form.get(k) for k in ("action", "version", "reason")}
        result = _run(lambda: annual.transition(db.session, current_user, report, data),
                      str(ACTION_LABELS.get(data["action"], "")) + " — " + _("selesai."))
        return redirect(url_for(".detail", ident=result.id if result is not None else ident))

    def _outputs(self, ident: int):
        report = queries.get(db.session, current_user, ident)
        names = queries.people(db.session, report.submitted_by_id, report.received_by_id)
        return report, names, self._content(report)

    @expose("/<int:ident>/xlsx")
    def workbook(self, ident: int):
        report, names, ctx = self._outputs(ident)
        audit.record(db.session, "export", "annual_report", report.id, ("xlsx",))
        narrative = [(_("Tahun"), report.year), (_("Kantor"), ctx["data"]["area"]["name"]),
                     (_("Revisi"), report.revision), (_("Alasan revisi"), report.revision_reason),
                     (_("Status"), state_label(report.state)),
                     (_("Dikirim"), format_tanggal_waktu(report.submitted_at)),
                     (_("Dikirim oleh"), names.get(report.submitted_by_id)),
                     (_("Diterima"), format_tanggal_waktu(report.received_at)),
                     (_("Diterima oleh"), names.get(report.received_by_id)),
                     (_("Evaluasi kebijakan, program dan kegiatan (Pasal 90 ayat 1)"), report.evaluation),
                     (_("Rencana tahun berikutnya (Pasal 90 ayat 2)"), report.plan)]
        missing = [{**m, "status_label": state_label(m["status"])} for m in ctx["missing"]]
        body = report_workbook(ctx["sections"], about(ctx["data"], ctx["masked"]), narrative, ctx["parts"],
                               ctx["headline"] if Level(report.level).below else None, missing)
        name = f"laporan-tahunan-{report.year}-{report.region_code or 'nasional'}-r{report.revision}.xlsx"
        return Response(body, mimetype=XLSX_MIME, headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @expose("/<int:ident>/print")
    def print_view(self, ident: int):
        report, names, ctx = self._outputs(ident)
        audit.record(db.session, "export" if wants_pdf() else "print", "annual_report", report.id,
                     ("pdf",) if wants_pdf() else ())
        return document_response("reports/print/annual.html",
                                 f"laporan-tahunan-{report.year}-{report.region_code or 'nasional'}-r{report.revision}",
                                 back_url=url_for(".detail", ident=ident),
                                 pdf_url=url_for(".print_view", ident=ident, format="pdf"), r=report, names=names,
                                 state_label=state_label, level_labels=LEVEL_LABELS, **ctx)
