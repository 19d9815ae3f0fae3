"""LPKS: social rehabilitation of children in conflict with the law (Permensos 26/2018)."""
from __future__ import annotations

import logging
import os


def create_app(config: dict | None = None):
    """Build the application: config, extensions, blueprints, admin, CLI, error pages."""
    from flask import Flask

    from . import models  # noqa: F401  (registers every table)
    from .config import instance_dir, load_config

    probe = Flask(__name__)
    app = Flask(__name__, instance_path=instance_dir(probe.instance_path))
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    # SQLAlchemy logs fetched ROWS (names, NIKs) at DEBUG: a root logger at DEBUG must never turn that on.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    _register_extensions(app)
    _register_blueprints(app)
    _register_admin(app)
    _register_cli(app)
    return app


def _register_extensions(app) -> None:
    from .db import install_sqlite_pragmas
    from .extensions import csrf, db
    from .i18n import init_i18n
    from .web.auth import init_login
    from .web.locale import select_locale

    install_sqlite_pragmas()
    db.init_app(app)
    # Without async engines its async teardown only starts a thread and an event loop for every request.
    if not app.config.get("SQLALCHEMY_ASYNC_ENGINES"):
        app.teardown_appcontext_funcs[:] = [f for f in app.teardown_appcontext_funcs
                                            if f.__name__ != "_close_async_sessions"]
    csrf.init_app(app)
    init_login(app)
    init_i18n(app, select_locale)


def _register_blueprints(app) -> None:
    from .web import api, auth, errors, guard, locale, templating

    guard.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(locale.bp)
    api.init_app(app)


def _register_admin(app) -> None:
    from .admin import init_admin

    with app.app_context():  # flask-admin touches db.session while building its views
        init_admin(app)


def _register_cli(app) -> None:
    from .cli import register

    register(app)
