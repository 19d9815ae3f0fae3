"""Login, logout and password change; session and bearer-token loading."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required, login_user, logout_user

from lpks.extensions import db, login_manager
from lpks.platform.models.user import User
from lpks.platform.services import audit, users

from lpks.web.forms import EmptyForm, LoginForm

bp = Blueprint("auth", __name__)


def init_login(app) -> None:
    """Bind flask-login: cookie sessions carry the user's epoch; the API also takes bearer tokens."""
    login_manager.init_app(app)
    login_manager.login_view = "auth.login"
    login_manager.login_message = None
    login_manager.session_protection = "basic"


@login_manager.user_loader
def _load_user(session_id: str):
    user_id, _sep, epoch = (session_id or "").partition(":")
    if not user_id.isdigit() or not epoch:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_epoch != epoch:
        return None
    return user


@login_manager.request_loader
def _load_bearer(req):
    header = req.headers.get("Authorization", "")
    if not req.path.startswith("/api/") or not header.startswith("Bearer "):
        return None
    return users.user_for_token(db.session, header[7:].strip())


def safe_next(target: str | None) -> str:
    """A local path to go to after login; anything pointing elsewhere becomes the home page."""
    if not target:
        return url_for("home.index")
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return url_for("home.index")
    return target


@bp.route("/login", methods=["GET", "POST"])
def login():
    """Log in with username and password; throttled per user across every worker."""
    if current_user.is_authenticated:
        return redirect(url_for("home.index"))
    form = LoginForm(next=request.args.get("next", ""))
    status = 200
    if form.validate_on_submit():
        cfg = current_app.config
        try:
            user = users.authenticate(db.session, form.username.data, form.password.data,
                                      cfg["LOGIN_MAX_FAILURES"], cfg["LOGIN_WINDOW_SECONDS"])
        except users.LoginThrottled as exc:
            db.session.commit()
            current_app.logger.warning("login throttled (attempts exceeded within the window)")
            flash(exc.message, "danger")
            return render_template("auth/login.html", form=form), 429
        db.session.commit()
        if user is not None:
            session.clear()
            login_user(user)
            session["seen"] = None
            return redirect(safe_next(form.next.data))
        flash(_("Nama pengguna atau kata sandi salah."), "danger")
        status = 401
    return render_template("auth/login.html", form=form), status


@bp.route("/logout", methods=["POST"])
@login_required
def logout():
    """Log out: every copy of this user's session cookie stops working."""
    form = EmptyForm()
    if form.validate_on_submit():
        user = db.session.get(User, current_user.id)
        users.end_all_sessions(user)
        audit.record(db.session, "logout", "app_user", user.id)
        db.session.commit()
        logout_user()
        session.clear()
        flash(_("Anda telah keluar."), "info")
    return redirect(url_for("auth.login"))


