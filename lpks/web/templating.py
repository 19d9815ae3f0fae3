"""Template globals shared by every page."""
from __future__ import annotations

from flask_babel import get_locale

from lpks.platform import clock
from lpks.platform.labels import field_labels, label, labels, role_label
from lpks.web import form_errors


def init_app(app) -> None:
    """Register the globals."""
    app.jinja_env.globals.update(role_label=role_label, label=label, labels=labels, field_labels=field_labels,
                                 today=clock.today, get_locale=lambda: str(get_locale() or "id"),
                                 form_key=form_errors.form_key, error_summary=form_errors.summary)
