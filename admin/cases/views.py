"""The case list and the case page in Flask-Admin: every form posts to a service; a refused form is shown again with
its input and its errors beside the fields. Views hold no rule."""
from __future__ import annotations

from flask import abort, flash, redirect, request, send_file
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from flask_wtf import FlaskForm
from lpks.admin.base import SecureModelView
from lpks.admin.cases import page
from lpks.admin.cases.forms import ConfirmForm, form_data
from lpks.admin.child_search import not_searchable_message, redirect_for
from lpks.admin.intake.views import IntakeCaseMixin
from sqlalchemy import func, select

from lpks.cases import queries
from lpks.cases.models import CaseCompanion, CaseService, ChildCase, FollowUpVisit
from lpks.cases.services import (
    assessments,
    cases,
    companions,
    plans,
    reintegration,
    stages,
)
from lpks.extensions import db
from lpks.platform.errors import ServiceError, error_list
from lpks.registry.models.staff import StaffMember
from lpks.residents import search
from lpks.residents.models.resident import Resident
from lpks.rules.case_stages import STAGES
from lpks.rules.companions import MANAGER_FUNCTION
from lpks.security import READ, WRITE, can, scope_clause
from lpks.security.permissions import may_do_intake

PER_PAGE = 20
ITEMS = {"companion_end": CaseCompanion, "follow_up": FollowUpVisit, "service_done": CaseService}
SERVICES = {
    "case": lambda s, u, c, d, i: cases.update(s, u, c, d),
    "companion": lambda s, u, c, d, i: companions.assign(s, u, c, d),
    "companion_end": lambda s, u, c, d, i: companions.end(s, u, i, d),
    "companion_report": lambda s, u, c, d, i: companions.report(s, u, c, d),
    "stage": lambda s, u, c, d, i: stages.record(s, u, c, d),
    "assessment": lambda s, u, c, d, i: assessments.record_assessment(s, u, c, d),
    "conference": lambda s, u, c, d, i: assessments.record_conference(s, u, c, d),
    "reintegration": lambda s, u, c, d, i: reintegration.record_step(s, u, c, d),
    "refusal": lambda s, u, c, d, i: reintegration.record_refusal(s, u, c, d),
    "search": lambda s, u, c, d, i: reintegration.save_search(s, u, c, d),
    "terminate": lambda s, u, c, d, i: stages.terminate(s, u, c, d),
    "follow_up": lambda s, u, c, d, i: reintegration.record_visit(s, u, i, d),
    "plan": lambda s, u, c, d, i: plans.save_plan(s, u, c, d),
    "service": lambda s, u, c, d, i: plans.add_service(s, u, c, d),
    "service_done": lambda s, u, c, d, i: plans.update_service(s, u, i, d),
}


def attach_errors(form, exc: ServiceError) -> None:
    """Show each error of a refusal beside its field ("participants.0.role" → the row's role)."""
    for name, message in error_list(exc):
        field = form
        for part in (name or "").split("."):
            if part.isdigit() and hasattr(field, "entries"):
                entries = field.entries
                field = entries[int(part)].form if int(part) < len(entries) else None
            else:
                field = getattr(field, part, None) if field is not None else None
        if field is not None and hasattr(field, "errors") and not isinstance(field.errors, dict):
            field.errors = [*field.errors, message]


class CaseView(IntakeCaseMixin, SecureModelView):
    """Cases: the list (stage, case manager, overdue work, search) and the case page with its tabs."""

    create_allowed = False
    can_export = False  # the case list's own export: initials only, audited (export_xlsx)
    details_template = "cases/case.html"
    list_template = "cases/list.html"

    @property
    def can_edit(self):  # the case changes through the forms of its page
        return False

    def _case(self, action: str = READ) -> ChildCase:
        ident = request.args.get("id", "")
        case = self.get_one(ident) if ident.isdigit() else None
        if case is None:
            abort(404)
        if action == WRITE and not can(current_user, WRITE, case):
            abort(403)
        return case

    def _list_args(self) -> dict:
        args = request.args
        number = args.get("manager", "")
        return {"stage": args.get("stage") or None, "manager": int(number) if number.isdigit() else None,
                "overdue": args.get("overdue") == "1", "search": self._search_term(args.get("q")),
                "status": args.get("status") or "open", "origin": args.get("origin") or None,
                "service": args.get("service") or None}

    def _search_term(self, term: str | None) -> str | None:
        """The list's search term, if it may be searched (lpks.residents.search); otherwise dropped with the reason."""
        term = (term or "").strip()
        if term and not search.searchable(db.session, current_user, term):
            flash(not_searchable_message(), "warning")
            return None
        return term or None

    @expose("/search/", methods=("POST",))
    def case_search_view(self):
        """The list's filters, posted: the search term goes into the address only when it may be searched."""
        if not FlaskForm().validate_on_submit():
            abort(400)
        params = {k: v for k, v in request.form.items() if k not in ("csrf_token", "q") and v}
        return redirect_for(request.form.get("q", ""), self.get_url(".index_view", **params), param="q")

    @expose("/")
    def index_view(self):
        """The cases in scope: filtered by stage, case manager and overdue work, with a search box."""
        filters = self._list_args()
        stmt = queries.list_select(current_user, **{k: v for k, v in filters.items() if k != "status"},
                                   status=None if filters["status"] == "all" else filters["status"])
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        number = int(request.args.get("page", "1")) if request.args.get("page", "1").isdigit() else 1
        pairs = [(row[0], row[1]) for row in db.session.execute(stmt.limit(PER_PAGE).offset((max(number, 1) - 1)
                                                                                            * PER_PAGE))]
        managers = db.session.scalars(select(StaffMember).where(
            scope_clause(current_user, StaffMember, READ), StaffMember.function == MANAGER_FUNCTION)
            .order_by(StaffMember.name)).all()
        return self.render(self.list_template, rows=queries.rows(db.session, current_user, pairs), total=total,
                           page=max(number, 1), pages=max(1, -(-total // PER_PAGE)), filters=filters,
                           stages=STAGES, managers=managers, args=request.args,
                           may_register=may_do_intake(current_user, "register"))

    @expose("/details/")
    def details_view(self):
        """The case page: one tab at a time (?tab=)."""
        case = self._case()
        return self.render(self.details_template, **page.context(case, current_user, request.args.get("tab", "")))

    @expose("/act/<form>/", methods=("POST",))
    def act_view(self, form: str):
        """Submit one of the page's forms to its service."""
        if form not in page.FORMS:
            abort(404)
        case = self._case(WRITE)
        item = None
        if form in ITEMS:
            item = db.session.get(ITEMS[form], int(request.args.get("item", "0") or 0)
                                  if request.args.get("item", "0").isdigit() else 0)
            if item is None or item.case_id != case.id:
                abort(404)
        bound = page.build(form, case, item, formdata=request.form)
        tab = page.FORMS[form][1]
        if not bound.validate_on_submit():
            flash(_("Formulir tidak valid atau token keamanan kedaluwarsa; muat ulang halaman lalu coba lagi."), "error")
            return self.render(self.details_template, **page.context(case, current_user, tab, (form, item, bound))), 400
        data = form_data(bound)

        def call():
            try:
                return SERVICES[form](db.session, current_user, case, data, item)
            except ServiceError as exc:
                attach_errors(bound, exc)
                raise
        if self.run_service(call):
            flash(_("Tersimpan."), "success")
            return redirect(self.get_url(".details_view", id=case.id, tab=tab) + f"#{form}")
        return self.render(self.details_template, **page.context(case, current_user, tab, (form, item, bound))), 422

    @expose("/of-resident/")
    def of_resident_view(self):
        """The child's case (the open one, else the latest), or the offer to open one."""
        resident = db.session.get(Resident, int(request.args.get("resident_id", "0") or 0)
                                  if request.args.get("resident_id", "0").isdigit() else 0)
        if resident is None or not can(current_user, READ, resident):
            abort(404)
        found = db.session.scalar(select(ChildCase.id).where(ChildCase.resident_id == resident.id,
                                                             scope_clause(current_user, ChildCase, READ))
                                  .order_by(ChildCase.closed_on.is_(None).desc(), ChildCase.id.desc()))
        if found is not None:
            return redirect(self.get_url(".details_view", id=found))
        return self.render("cases/no_case.html", resident=resident, confirm=ConfirmForm(),
                           may_open=can(current_user, WRITE, resident))

    @expose("/open/", methods=("POST",))
    def open_view(self):
        """Open a case for a child who has none (a child not placed, e.g. an Anak Korban)."""
        resident = db.session.get(Resident, int(request.args.get("resident_id", "0") or 0)
                                  if request.args.get("resident_id", "0").isdigit() else 0)
        if resident is None or not can(current_user, READ, resident):
            abort(404)
        if not ConfirmForm().validate_on_submit():
            abort(400)
        case = self.run_service(lambda: cases.create(db.session, current_user, {"resident_id": resident.id}))
        if not case:
            return redirect(self.get_url("resident.details_view", id=resident.id))
        flash(_("Kasus dibuka."), "success")
        return redirect(self.get_url(".details_view", id=case.id))

    @expose("/referral/", methods=("GET", "POST"))
    def referral_view(self):
        """A new referral from the case: the form, the Pasal 55 proposals, every LPKS of the system to choose from."""
        from lpks.admin.cases.forms import ReferralForm
        from wtforms import SelectChoice

        from lpks.cases import queries_referrals
        from lpks.cases.services import referrals

        case = self._case(WRITE)
        form = ReferralForm(data={"case_id": case.id})
        form.receiver_institution_id.choices = [SelectChoice("", "")] + [
            SelectChoice(str(ident), name) for ident, name in queries_referrals.directory(db.session)]
        if request.method == "POST":
            if not form.validate_on_submit():
                abort(400)
            data = {**form_data(form), "case_id": case.id}

            def call():
                try:
                    return referrals.send(db.session, current_user, data)
                except ServiceError as exc:
                    attach_errors(form, exc)
                    raise
            referral = self.run_service(call)
            if referral:
                flash(_("Rujukan dikirim."), "success")
                return redirect(self.get_url("referral.details_view", id=referral.id))
        suggestions = queries_referrals.suggestions(db.session, case, request.args.get("kabkota_code") or None)
        return self.render("cases/referral_new.html", form=form, case=case, suggestions=suggestions,
                           resident=db.session.get(Resident, case.resident_id)), 422 if request.method == "POST" else 200

    @expose("/print/<doc>/", methods=("POST",))
    def print_view(self, doc: str):
        """A printed document (A4): it shows the child's identity, so each print is an audited identity view."""
        from lpks.cases.documents import print_context
        from lpks.web.documents import document_response, wants_pdf

        case = self._case()
        if not ConfirmForm().validate_on_submit():
            abort(400)
        referral = request.args.get("referral")
        try:
            context = print_context(db.session, current_user, case, doc, referral, pdf=wants_pdf())
        except ServiceError as exc:
            db.session.rollback()
            abort(exc.status)
        db.session.commit()
        extra = {"referral": referral} if referral else {}
        return document_response(
            context["document"].template, f"{doc}-{context['resident'].register_number}", **context,
            confirm=ConfirmForm(), back_url=self.get_url(".details_view", id=case.id, tab="dokumen"),
            pdf_url=self.get_url(".print_view", doc=doc, id=case.id, **extra))

    @expose("/export.xlsx")
    def export_xlsx(self):
        """The case list as .xlsx (initials and register numbers only); audited as an export."""
        from lpks.io.cases import export_cases

        filters = self._list_args()
        stream = export_cases(db.session, current_user, queries.list_select(
            current_user, **{k: v for k, v in filters.items() if k != "status"},
            status=None if filters["status"] == "all" else filters["status"]))
        db.session.commit()
        return send_file(stream, as_attachment=True, download_name="kasus-anak.xlsx")
