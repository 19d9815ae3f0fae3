"""The home page (one dashboard per role) and the account page."""
from __future__ import annotations

from flask import flash, redirect, request, url_for
from flask_admin import AdminIndexView, BaseView, expose
from flask_babel import gettext as _
from flask_login import current_user, login_user

from lpks.extensions import db
from lpks.platform import dashboard
from lpks.platform.errors import ServiceError
from lpks.platform.models.user import User
from lpks.platform.services import tokens, users
from lpks.security.permissions import registers_lpks_residents
from lpks.web.forms import EmptyForm, PasswordForm


class HomeView(AdminIndexView):
    """The dashboard of the logged-in user's role."""

    def is_accessible(self) -> bool:
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login"))

    @expose("/")
    def index(self):
        board = dashboard.build(db.session, current_user)
        return self.render("home/index.html", board=board, quick=self._quick_actions())

    @staticmethod
    def _quick_actions() -> list[dict]:
        """The day's first step one click away: an LPKS registers a child arriving (the intake starts here)."""
        actions = []
        if registers_lpks_residents(current_user):
            actions.append({"label": _("Catat anak baru"), "url": url_for("resident.create_view"),
                            "testid": "quick-new-child"})
        return actions


class AccountView(BaseView):
    """One's own account: password, and the API tokens in force (ended all at once)."""

    def is_accessible(self) -> bool:
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login"))

    @expose("/", methods=("GET", "POST"))
    def index(self):
        form = PasswordForm()
        status = 200
        if form.validate_on_submit():
            user = db.session.get(User, current_user.id)
            try:
                users.change_password(db.session, user, form.current_password.data, form.new_password.data,
                                      form.confirm_password.data, request.remote_addr or "")
            except ServiceError as exc:
                # a failed check is a recorded attempt (throttling counts it): keep it, drop nothing else
                db.session.commit()
                getattr(form, exc.field or "current_password", form.current_password).errors.append(exc.message)
                status = exc.status if exc.status == 429 else 200
            else:
                db.session.commit()
                login_user(user)
                flash(_("Kata sandi berhasil diubah. Sesi lain dan semua token API Anda telah diakhiri."), "success")
                return redirect(url_for("home.index"))
        in_force = tokens.in_force(db.session, current_user)
        return self.render("account/index.html", form=form, tokens=in_force, end_form=EmptyForm()), status

    @expose("/tokens/end", methods=("POST",))
    def end_tokens(self):
        """End every API token of one's own account."""
        if EmptyForm().validate_on_submit():
            ended = tokens.revoke_all(db.session, db.session.get(User, current_user.id))
            db.session.commit()
            flash(_("%(n)s token API Anda diakhiri.", n=ended), "success")
        return redirect(url_for(".index"))
