"""LPKS: social rehabilitation of children in conflict with the law (Permensos 26/2018)."""
from __future__ import annotations

import logging
import os


def create_app(config: dict | None = None):
    """Build the application: config, wiring (session hooks, dashboard sections), extensions, blueprints, admin, CLI."""
    from flask import Flask

    from lpks import tables, templates, wiring  # noqa: F401  (tables: registers every table)
    from lpks.config import instance_dir, load_config

    probe = Flask(__name__)
    app = Flask(__name__, instance_path=instance_dir(probe.instance_path),
                template_folder=os.path.dirname(templates.__file__))
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(load_config(app.instance_path, config))
    # SQLAlchemy logs fetched ROWS (names, NIKs) at DEBUG: a root logger at DEBUG must never turn that on.
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    wiring.install()
    if app.config["PROXY_COUNT"]:
        from werkzeug.middleware.proxy_fix import ProxyFix

        count = app.config["PROXY_COUNT"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=count, x_proto=count, x_host=count, x_prefix=count)
    _register_extensions(app)
    _register_blueprints(app)
    _register_admin(app)
    _register_cli(app)
    return app


def _register_extensions(app) -> None:
    from lpks.db import install_sqlite_pragmas
    from lpks.extensions import csrf, db
    from lpks.i18n import init_i18n
    from lpks.web.auth import init_login
    from lpks.web.locale import select_locale

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
    from lpks.web import api, auth, errors, guard, locale, templating

    guard.init_app(app)
    templating.init_app(app)
    errors.init_app(app)
    app.register_blueprint(auth.bp)
    app.register_blueprint(locale.bp)
    api.init_app(app)


def _register_admin(app) -> None:
    from lpks.admin import init_admin

    with app.app_context():  # flask-admin touches db.session while building its views
        init_admin(app)


def _register_cli(app) -> None:
    from lpks.cli import register

    register(app)
