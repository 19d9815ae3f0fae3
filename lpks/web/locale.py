"""The interface language: Bahasa Indonesia by default, English per user."""
from __future__ import annotations

from flask import Blueprint, flash, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user

from lpks.extensions import db
from lpks.platform.models.user import User
from lpks.web.auth import safe_next
from lpks.web.forms import EmptyForm

bp = Blueprint("locale", __name__)
LANGUAGES = ("id", "en")


def select_locale() -> str:
    """The user's own language if logged in, else the one chosen on the login page, else Indonesian."""
    try:
        if current_user and current_user.is_authenticated and current_user.locale in LANGUAGES:
            return current_user.locale
    except RuntimeError:  # outside a request
        return "id"
    chosen = session.get("locale") if request else None
    return chosen if chosen in LANGUAGES else "id"


@bp.route("/language/<code>", methods=["POST"])
def switch(code: str):
    """Switch the interface language and remember it on the user's profile."""
    form = EmptyForm()
    if form.validate_on_submit() and code in LANGUAGES:
        if current_user.is_authenticated:
            user = db.session.get(User, current_user.id)
            user.locale = code
            db.session.flush()
        else:
            session["locale"] = code
        flash(_("Bahasa diganti."), "info")
    return redirect(safe_next(request.form.get("next") or url_for("home.index")))
