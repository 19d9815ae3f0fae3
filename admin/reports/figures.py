"""The figures page (RULES §9): every figure of an area and period with its definition, tables and charts, the tile
map of the provinces for the nation (each province opens its kabupaten/kota), the workbook and the A4 PDF. All four
outputs and the API draw the same computation (lpks.reports.compute) through the same views."""
from __future__ import annotations

from datetime import date, datetime

from flask import Response, abort, redirect, request, url_for
from flask_admin import BaseView, expose
from flask_babel import gettext as _
from flask_login import current_user

from lpks.extensions import db
from lpks.formats import format_tanggal, format_tanggal_waktu
from lpks.io.reports import figures_workbook
from lpks.io.workbook import XLSX_MIME
from lpks.platform.errors import ServiceError
from lpks.platform.services import audit
from lpks.reports.charts import chart_for, tile_map
from lpks.reports.compute import compute
from lpks.reports.present import texts, views
from lpks.reports.scope import choices, crumbs, parse_area, parse_period
from lpks.security.areas import AREA_NATIONAL, home_area, masks_small_cells
from lpks.web.documents import document_response, safe_filename, wants_pdf

MAP_FIGURE = "recipients_by_kind"


class ReportsPage(BaseView):
    """A page of the reports area: every role with figures to read (not the system administrator)."""

    def is_accessible(self) -> bool:
        return home_area(current_user) is not None

    def inaccessible_callback(self, name, **kwargs):
        if not current_user.is_authenticated:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        abort(403)


def dates_of(data: dict) -> dict:
    """The period's dates and the moment of computation of a set of figures (stored as ISO text)."""
    period = data["period"]
    return {"from": date.fromisoformat(period["from"]), "to": date.fromisoformat(period["to"]),
            "reference": date.fromisoformat(period["reference"]),
            "computed_at": datetime.fromisoformat(data["computed_at"])}


def about(data: dict, masked: bool) -> list[tuple[str, str]]:
    """What a reader must know of a whole set of figures: area, period, reference date, when, masking."""
    when = dates_of(data)
    rows = [(_("Wilayah"), data["area"]["name"]),
            (_("Periode"), f"{format_tanggal(when['from'])} – {format_tanggal(when['to'])}"),
            (_("Tanggal acuan angka sesaat (hunian, akreditasi, kelas)"), format_tanggal(when["reference"])),
            (_("Dihitung"), format_tanggal_waktu(when["computed_at"]))]
    if masked:
        rows.append((_("Penyamaran"), _("Sel yang menghitung 1 atau 2 anak ditampilkan '< 3' agar tidak ada anak "
                                        "yang dapat dikenali; jumlah tetap dihitung dari angka sebenarnya.")))
    return rows


def figure_context(data: dict, text: dict, masked: bool) -> dict:
    """What the templates need to draw a set of figures: sections, a chart per figure, the map for the nation."""
    sections = views(data, text, masked)
    charts = {f.key: chart_for(f) for s in sections for f in s.figures}
    the_map = None
    if data["area"]["kind"] == AREA_NATIONAL:
        figure = next((f for s in sections for f in s.figures if f.key == MAP_FIGURE), None)
        the_map = (figure, tile_map(figure)) if figure else None
    return {"sections": sections, "charts": charts, "map": the_map, "masked": masked, "data": data,
            "about": about(data, masked), "dates": dates_of(data)}


class FiguresPages(ReportsPage):
    """Angka dan grafik."""

    def _compute(self):
        area = parse_area(db.session, current_user, request.args.get("scope"))
        period = parse_period(request.args.get("from"), request.args.get("to"))
        data = compute(db.session, current_user, area, period)
        text = texts(data["figures"].keys(), {k: f["categories"] for k, f in data["figures"].items()})
        return area, period, data, figure_context(data, text, masks_small_cells(current_user))

    def _args(self, area, period) -> dict:
        return {"scope": area.param, "from": period.start.isoformat(), "to": period.end.isoformat()}

    @expose("/")
    def index(self):
        error = None
        try:
            area, period, data, context = self._compute()
        except ServiceError as exc:
            if exc.status == 404:
                raise
            error = exc
            area = parse_area(db.session, current_user, None)
            period = parse_period(None, None)
            data = compute(db.session, current_user, area, period)
            text = texts(data["figures"].keys(), {k: f["categories"] for k, f in data["figures"].items()})
            context = figure_context(data, text, masks_small_cells(current_user))
        args = self._args(area, period)
        options = choices(db.session, current_user)
        if area.param not in dict(options):  # a kabupaten/kota reached by drilling down
            options.append((area.param, area.name))
        dates = {"from": args["from"], "to": args["to"]}
        return self.render("reports/figures.html", area=area, period=period, args=args, error=error,
                           options=options, crumbs=crumbs(current_user, area, dict(options)),
                           drill=lambda scope: url_for(".index", scope=scope, **dates), **context)

    @expose("/xlsx")
    def workbook(self):
        area, period, data, context = self._compute()
        audit.record(db.session, "export", "report_figures", area.param, ("xlsx",))
        name = safe_filename(f"angka-lpks-{area.param}-{period.start.isoformat()}-{period.end.isoformat()}.xlsx")
        return Response(figures_workbook(context["sections"], context["about"]), mimetype=XLSX_MIME,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})

    @expose("/print")
    def print_view(self):
        area, period, data, context = self._compute()
        args = self._args(area, period)
        audit.record(db.session, "export" if wants_pdf() else "print", "report_figures", area.param,
                     ("pdf",) if wants_pdf() else ())
        return document_response("reports/print/figures.html",
                                 f"angka-lpks-{area.param}-{period.start.isoformat()}-{period.end.isoformat()}",
                                 back_url=url_for(".index", **args), pdf_url=url_for(".print_view", format="pdf",
                                                                                     **args),
                                 area=area, period=period, **context)
