"""Class and compilation pages: the class of every LPKS in scope with each criterion, a case checker using the same
rule as GET /api/v1/rules/class, and the compilation by province or kabupaten/kota (table, SVG chart, Excel)."""
from __future__ import annotations

from flask import Response, request
from flask_admin import expose
from flask_login import current_user
from lpks.admin.accreditation.chart import stacked_bars
from lpks.admin.accreditation.pages import AccreditationPage

from lpks.accreditation import reports
from lpks.accreditation.class_page import class_page
from lpks.accreditation.recap import recap_page
from lpks.accreditation.services import classes
from lpks.extensions import db
from lpks.io.accreditation import report_workbook
from lpks.io.workbook import XLSX_MIME
from lpks.platform.errors import ServiceError
from lpks.platform.services import audit

GRADE_SERIES = (("A", "A"), ("B", "B"), ("C", "C"), (None, "none"))


class ClassPages(AccreditationPage):
    """Kelas LPKS."""

    @expose("/")
    def index(self):
        result = class_page(db.session, current_user, request.args.get("page", 1))
        args = {k: v for k, v in request.args.items() if k != "page"}  # page links keep every other argument
        return self.render("accreditation/classes.html", c=result, lines=result.lines, today=result.today,
                           args=args)

    @expose("/check")
    def check(self):
        result, error = None, None
        if request.args:
            try:
                result = classes.classify_case(request.args)
            except ServiceError as exc:
                error = exc
        return self.render("accreditation/check.html", result=result, error=error, args=request.args,
                           criteria=classes.criteria_rows(result) if result else [])


class ReportPages(AccreditationPage):
    """Rekap akreditasi dan kelas."""

    def _compile(self):
        return reports.compile_report(db.session, current_user, request.args.get("group"))

    @expose("/")
    def index(self):
        """The regions' figures (SQL aggregates) and one page of LPKS."""
        try:
            compilation = recap_page(db.session, current_user, request.args.get("group"), request.args.get("page", 1))
        except ServiceError:
            compilation = recap_page(db.session, current_user, "provinsi", request.args.get("page", 1))
        regions = compilation.regions
        return self.render("accreditation/report.html", c=compilation, totals=compilation.totals,
                           grade_chart=stacked_bars([(r.name, [r.grades[k] for k, _n in GRADE_SERIES]) for r in regions],
                                                    [n for _k, n in GRADE_SERIES]),
                           class_chart=stacked_bars([(r.name, [r.classes[k] for k, _n in GRADE_SERIES])
                                                     for r in regions], [n for _k, n in GRADE_SERIES]))

    @expose("/xlsx")
    def workbook(self):
        compilation = self._compile()
        audit.record(db.session, "export", "accreditation_report", None, ("xlsx", compilation.group))
        name = f"rekap-akreditasi-{compilation.group}-{compilation.today.isoformat()}.xlsx"
        return Response(report_workbook(compilation), mimetype=XLSX_MIME,
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
