"""The home page (one dashboard per role) and the account page."""
from __future__ import annotations

from flask import flash, redirect, url_for
from flask_admin import AdminIndexView, BaseView, expose
from flask_babel import gettext as _
from flask_login import current_user, login_user

from lpks.extensions import db
from lpks.platform import dashboard
from lpks.platform.errors import ServiceError
from lpks.platform.models.user import User
from lpks.platform.services import users
from lpks.web.forms import PasswordForm


class HomeView(AdminIndexView):
    """The dashboard of the logged-in user's role."""

    def is_accessible(self) -> bool:
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login"))

    @expose("/")
    def index(self):
        board = dashboard.build(db.session, current_user)
        return self.render("home/index.html", board=board)


class AccountView(BaseView):
    """One's own account: password and language."""

    def is_accessible(self) -> bool:
        return current_user.is_authenticated

    def inaccessible_callback(self, name, **kwargs):
        return redirect(url_for("auth.login"))

    @expose("/", methods=("GET", "POST"))
    def index(self):
        form = PasswordForm()
        if form.validate_on_submit():
            user = db.session.get(User, current_user.id)
            try:
                users.change_password(db.session, user, form.current_password.data, form.new_password.data,
                                      form.confirm_password.data)
            except ServiceError as exc:
                getattr(form, exc.field or "current_password", form.current_password).errors.append(exc.message)
            else:
                db.session.commit()
                login_user(user)
                flash(_("Kata sandi berhasil diubah. Sesi lain telah diakhiri."), "success")
                return redirect(url_for("home.index"))
        return self.render("account/index.html", form=form)
