"""Pages of Dinas Sosial case handling (RULES §8): the intake form and the procedure's forms on the case page (a
mixin of the case view, so the page and its links stay one), and the complaints. Every form posts to a service; a
refused form comes back with its input and its errors beside the fields. Views hold no rule."""
from __future__ import annotations

from flask import abort, flash, redirect, request
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.cases.forms import form_data
from lpks.admin.intake import forms as f
from lpks.admin.intake import page as intake_page
from sqlalchemy import func, select

from lpks.extensions import db
from lpks.intake import queries
from lpks.intake.models import CaseOfficer, ServiceComplaint
from lpks.intake.services import complaints, follow, intake, products, steps
from lpks.intake.services.common import holiday_set, load, today
from lpks.platform.errors import ServiceError
from lpks.platform.models.user import FUNCTION_PEKSOS
from lpks.rules.service_time import ComplaintChannel
from lpks.security import READ, WRITE, can
from lpks.security.permissions import may_do_intake

PER_PAGE = 20
SERVICES = {
    "step": lambda s, u, c, i, d, o: steps.record_step(s, u, c, i, d),
    "route": lambda s, u, c, i, d, o: steps.route(s, u, c, i, d),
    "officer": lambda s, u, c, i, d, o: follow.assign(s, u, c, i, d),
    "officer_end": lambda s, u, c, i, d, o: follow.end_assignment(s, u, c, i, o, d),
    "monitoring": lambda s, u, c, i, d, o: follow.monitor(s, u, c, i, d),
    "termination": lambda s, u, c, i, d, o: follow.terminate(s, u, c, i, d),
    "report": lambda s, u, c, i, d, o: follow.write_report(s, u, c, i, d),
    "filing": lambda s, u, c, i, d, o: follow.file_report(s, u, c, i, d),
    "berita_acara": lambda s, u, c, i, d, o: products.issue(s, u, c, i, d),
    "rujukan": lambda s, u, c, i, d, o: products.issue(s, u, c, i, d),
}


def _attach(form, exc: ServiceError) -> None:
    from lpks.admin.cases.views import attach_errors

    attach_errors(form, exc)


class IntakeCaseMixin:
    """The case view's pages for the Dinas Sosial's procedure (mixed into lpks.admin.cases.views.CaseView)."""

    @expose("/intake/new/", methods=("GET", "POST"))
    def intake_new_view(self):
        """Register a report or invitation received (procedure steps 1–2)."""
        if not may_do_intake(current_user, "register"):
            abort(403)
        form = f.IntakeForm(formdata=request.form if request.method == "POST" else None,
                            data={} if request.method == "POST" else {"received_on": today().isoformat()})
        form.case_manager_user_id.choices = intake_page.people(current_user.region_code, (FUNCTION_PEKSOS,))
        if request.method == "POST":
            if form.validate_on_submit():
                def call():
                    try:
                        return intake.register(db.session, current_user, form_data(form))
                    except ServiceError as exc:
                        _attach(form, exc)
                        raise
                case = self.run_service(call)
                if case:
                    flash(_("Laporan/undangan dicatat; waktu layanan berjalan."), "success")
                    return redirect(self.get_url(".details_view", id=case.id, tab="prosedur"))
            else:
                flash(_("Formulir tidak valid atau token keamanan kedaluwarsa; muat ulang halaman lalu coba lagi."),
                      "error")
        status = 422 if request.method == "POST" else 200
        return self.render("intake/new.html", form=form), status

    @expose("/intake/act/<form>/", methods=("POST",))
    def intake_act_view(self, form: str):
        """Submit one of the procedure's forms to its service."""
        from lpks.admin.cases import page

        if form not in intake_page.FORMS:
            abort(404)
        case, found = self._intake(self._case(READ))
        if not may_do_intake(current_user, intake_page.FORMS[form][1], case, found):
            abort(403)
        item = None
        if form == "officer_end":
            number = request.args.get("item", "0")
            item = db.session.get(CaseOfficer, int(number) if number.isdigit() else 0)
            if item is None or item.case_id != case.id:
                abort(404)
        data = queries.case_fields(db.session, current_user, case) | {"version": case.version}
        bound = intake_page.build(form, found, data, item, formdata=request.form)
        ctx = lambda failed: page.context(case, current_user, "prosedur", failed)  # noqa: E731
        if not bound.validate_on_submit():
            flash(_("Formulir tidak valid atau token keamanan kedaluwarsa; muat ulang halaman lalu coba lagi."), "error")
            return self.render(self.details_template, **ctx((form, item, bound))), 400

        def call():
            try:
                return SERVICES[form](db.session, current_user, case, found, form_data(bound), item)
            except ServiceError as exc:
                _attach(bound, exc)
                raise
        if self.run_service(call):
            flash(_("Tersimpan."), "success")
            return redirect(self.get_url(".details_view", id=case.id, tab="prosedur") + f"#{form}")
        return self.render(self.details_template, **ctx((form, item, bound))), 422

    @expose("/intake/print/<kind>/", methods=("POST",))
    def intake_print_view(self, kind: str):
        """A product of the service (A4): it shows the child's identity, so each print is an audited identity view."""
        from lpks.admin.cases.forms import ConfirmForm

        from lpks.intake.documents import TEMPLATES, print_context
        from lpks.web.documents import document_response, wants_pdf

        case, found = self._intake(self._case(READ))
        if not ConfirmForm().validate_on_submit():
            abort(400)
        product = request.args.get("product")
        try:
            context = print_context(db.session, current_user, case, found, kind, product, pdf=wants_pdf())
        except ServiceError as exc:
            db.session.rollback()
            abort(exc.status)
        db.session.commit()
        return document_response(
            TEMPLATES[kind], f"{kind}-{context['product'].number}", **context, confirm=ConfirmForm(),
            back_url=self.get_url(".details_view", id=case.id, tab="prosedur"),
            pdf_url=self.get_url(".intake_print_view", kind=kind, id=case.id, product=product))

    def _intake(self, case):
        try:
            return load(db.session, current_user, case.id)
        except ServiceError:
            abort(404)


class ComplaintView(SecureModelView):
    """Complaints about the service: the list (by state and channel), the form, the answer."""

    create_allowed = False
    delete_allowed = False
    can_export = False
    list_template = "intake/complaints.html"

    @property
    def can_edit(self):
        return False

    @expose("/")
    def index_view(self):
        """The complaints in scope; ?state=due|overdue|answered opens exactly what a dashboard tile counts."""
        state, channel = request.args.get("state") or None, request.args.get("channel") or None
        stmt = queries.complaint_select(current_user, state=state, channel=channel)
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        number = int(request.args.get("page", "1")) if request.args.get("page", "1").isdigit() else 1
        holidays = holiday_set(db.session)
        rows = [queries.complaint_json(db.session, c, holidays)
                for c in db.session.scalars(stmt.limit(PER_PAGE).offset((max(number, 1) - 1) * PER_PAGE))]
        return self.render(self.list_template, rows=rows, total=total, page=max(number, 1),
                           pages=max(1, -(-total // PER_PAGE)), state=state, channel=channel,
                           channels=list(ComplaintChannel), may_record=may_do_intake(current_user, "complaint"),
                           form=f.ComplaintForm(data={"received_on": today().isoformat()}))

    @expose("/record/", methods=("POST",))
    def record_view(self):
        """Record a complaint."""
        if not may_do_intake(current_user, "complaint"):
            abort(403)
        form = f.ComplaintForm(formdata=request.form)
        if form.validate_on_submit():
            def call():
                try:
                    return complaints.create(db.session, current_user, form_data(form))
                except ServiceError as exc:
                    _attach(form, exc)
                    raise
            if self.run_service(call):
                flash(_("Pengaduan dicatat."), "success")
                return redirect(self.get_url(".index_view"))
        return self.render(self.list_template, rows=[], total=0, page=1, pages=1, state=None, channel=None,
                           channels=list(ComplaintChannel), may_record=True, form=form), 422

    @expose("/details/", methods=("GET", "POST"))
    def details_view(self):
        """One complaint and its answer form."""
        complaint = self.get_one(request.args.get("id", ""))
        if complaint is None:
            abort(404)
        may_answer = may_do_intake(current_user, "complaint", obj=complaint)
        form = f.AnswerForm(formdata=request.form if request.method == "POST" else None,
                            data={"version": complaint.version, "answer": complaint.answer or "",
                                  "answered_on": (complaint.answered_on or today()).isoformat()})
        status = 200
        if request.method == "POST":
            if not may_answer or not can(current_user, WRITE, complaint):
                abort(403)
            if form.validate_on_submit():
                def call():
                    try:
                        return complaints.update(db.session, current_user, complaint, form_data(form))
                    except ServiceError as exc:
                        _attach(form, exc)
                        raise
                if self.run_service(call):
                    flash(_("Jawaban tersimpan."), "success")
                    return redirect(self.get_url(".details_view", id=complaint.id))
            status = 422
        return self.render("intake/complaint.html", complaint=queries.complaint_json(db.session, complaint),
                           form=form if may_answer else None), status


__all__ = ["ComplaintView", "IntakeCaseMixin", "ServiceComplaint"]
