"""Referrals in Flask-Admin (RULES §7): the list of referrals sent and received, the referral page with the answer
the lifecycle allows (the receiver sees the child's initials only until it accepts), and the audited identity."""
from __future__ import annotations

from flask import abort, flash, redirect, request
from flask_admin import expose
from flask_babel import gettext as _
from flask_login import current_user
from lpks.admin.base import SecureModelView
from lpks.admin.cases.forms import AnswerForm, ConfirmForm, form_data
from lpks.admin.cases.views import PER_PAGE, attach_errors
from sqlalchemy import func, select
from wtforms import SelectChoice

from lpks.cases import queries_referrals as q
from lpks.cases.services import referrals
from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.rules.referrals import ReferralStatus


def answer_form(data: dict, formdata=None) -> AnswerForm:
    """The answer form offering only the actions the status machine allows this side."""
    labels = {"accept": _("Terima"), "decline": _("Tolak"), "complete": _("Selesai")}
    form = AnswerForm(formdata=formdata, data={"version": data["version"]})
    form.action.choices = [SelectChoice(a, labels[a]) for a in data["allowed_actions"]]
    return form


class ReferralView(SecureModelView):
    """Referrals sent and received."""

    create_allowed = False
    can_export = False
    details_template = "cases/referral.html"
    list_template = "cases/referrals.html"

    @property
    def can_edit(self):
        return False

    def _referral(self):
        ident = request.args.get("id", "")
        referral = self.get_one(ident) if ident.isdigit() else None
        if referral is None:
            abort(404)
        return referral

    @expose("/")
    def index_view(self):
        """Referrals in scope, newest first; ?side=received|sent, ?status=."""
        side, status = request.args.get("side") or None, request.args.get("status") or None
        stmt = q.list_select(current_user, side=side, status=status)
        total = db.session.scalar(select(func.count()).select_from(stmt.order_by(None).subquery())) or 0
        number = int(request.args["page"]) if request.args.get("page", "").isdigit() else 1
        rows = q.rows(db.session, current_user,
                      db.session.scalars(stmt.limit(PER_PAGE).offset((max(number, 1) - 1) * PER_PAGE)).all())
        return self.render(self.list_template, rows=rows, total=total, page=max(number, 1),
                           pages=max(1, -(-total // PER_PAGE)), side=side, status=status, statuses=list(ReferralStatus))

    @expose("/details/")
    def details_view(self):
        """The referral, and the answer this side may give."""
        referral = self._referral()
        data = q.referral_json(db.session, current_user, referral)
        return self.render(self.details_template, referral=data, model=referral, confirm=ConfirmForm(),
                           answer=answer_form(data) if data["allowed_actions"] else None)

    @expose("/answer/", methods=("POST",))
    def answer_view(self):
        """Accept, decline or complete."""
        referral = self._referral()
        data = q.referral_json(db.session, current_user, referral)
        if not data["allowed_actions"]:
            abort(403)
        form = answer_form(data, request.form)
        if not form.validate_on_submit():
            abort(400)
        values = form_data(form)

        def call():
            try:
                return referrals.answer(db.session, current_user, referral, values)
            except ServiceError as exc:
                attach_errors(form, exc)
                raise
        if self.run_service(call):
            flash(_("Jawaban rujukan dicatat."), "success")
            return redirect(self.get_url(".details_view", id=referral.id))
        data = q.referral_json(db.session, current_user, referral)
        return self.render(self.details_template, referral=data, model=referral, confirm=ConfirmForm(),
                           answer=form), 422

    @expose("/identity/", methods=("POST",))
    def identity_view(self):
        """The child's identity through the referral (sender; receiver after accepting a referral sharing it)."""
        referral = self._referral()
        if not ConfirmForm().validate_on_submit():
            abort(400)
        try:
            resident, identity = referrals.reveal_identity(db.session, current_user, referral)
        except ServiceError as exc:
            abort(exc.status)
        db.session.commit()
        return self.render("cases/referral_identity.html", resident=resident, identity=identity, referral=referral)
