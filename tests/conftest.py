"""Test fixtures: a database built by the real migrations, on SQLite always and on PostgreSQL
when LPKS_TEST_DATABASE_URL is set (every database test then runs on both)."""
from __future__ import annotations

import os
import re
import shutil

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from lpks.services.schema import upgrade

PG_URL = os.environ.get("LPKS_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
PASSWORD = "kata-sandi-uji-123"


def _seed_demo(url: str, instance: str) -> None:
    """Seed the demo into a migrated database (once per run: each test then copies it)."""
    from lpks import create_app
    from lpks.extensions import db
    from lpks.services.demo import seed

    previous = os.environ.get("LPKS_INSTANCE_PATH")
    os.environ["LPKS_INSTANCE_PATH"] = instance
    try:
        app = create_app({"DATABASE_URL": url, "PASSWORD_HASH_FAST": True, "REGIONS_FILE": "/nonexistent.csv"})
        with app.app_context():
            seed(db.session, password=PASSWORD)
            db.session.commit()
            for engine in db.engines.values():
                engine.dispose()
    finally:
        if previous is None:
            os.environ.pop("LPKS_INSTANCE_PATH", None)
        else:
            os.environ["LPKS_INSTANCE_PATH"] = previous


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    """A SQLite file migrated once; each test gets a copy."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    upgrade("heads", url=f"sqlite:///{path}")
    return path


@pytest.fixture(scope="session")
def sqlite_demo_template(sqlite_template, tmp_path_factory):
    """The migrated SQLite file with the demo seeded, made once."""
    base = tmp_path_factory.mktemp("demo-template")
    path = base / "demo.sqlite"
    shutil.copy(sqlite_template, path)
    _seed_demo(f"sqlite:///{path}", str(base / "instance"))
    return path


def _pg_admin():
    url = make_url(PG_URL)
    return url, create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")


def _pg_copy(admin, template: str, name: str) -> None:
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))


@pytest.fixture(scope="session")
def pg_templates(tmp_path_factory):
    """PostgreSQL template databases (migrated; migrated + demo), made once; tests get copies."""
    if not PG_URL:
        pytest.skip("LPKS_TEST_DATABASE_URL is not set")
    url, admin = _pg_admin()
    clean, demo, work = f"{url.database}_clean", f"{url.database}_demo", f"{url.database}_t"
    with admin.connect() as conn:
        for name in (clean, demo, work):
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        conn.execute(text(f'CREATE DATABASE "{clean}"'))
    upgrade("heads", url=url.set(database=clean).render_as_string(hide_password=False))
    _pg_copy(admin, clean, demo)
    _seed_demo(url.set(database=demo).render_as_string(hide_password=False),
               str(tmp_path_factory.mktemp("pg-demo") / "instance"))
    yield {"clean": clean, "demo": demo, "work": work, "url": url, "admin": admin}
    with admin.connect() as conn:
        for name in (clean, demo, work):
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request, tmp_path):
    """A migrated database for one test: empty, or with the demo when the test asks for `demo`."""
    wants_demo = "demo" in request.fixturenames
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_demo_template" if wants_demo else "sqlite_template")
        path = tmp_path / "test.sqlite"
        shutil.copy(template, path)
        return f"sqlite:///{path}"
    pg = request.getfixturevalue("pg_templates")
    _pg_copy(pg["admin"], pg["demo" if wants_demo else "clean"], pg["work"])
    return pg["url"].set(database=pg["work"]).render_as_string(hide_password=False)


@pytest.fixture
def app(database_url, tmp_path, monkeypatch):
    """The application on a clean database."""
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path / "instance"))
    from lpks import create_app

    application = create_app({"DATABASE_URL": database_url, "TESTING": True, "PASSWORD_HASH_FAST": True,
                              "REGIONS_FILE": str(tmp_path / "no-such-file.csv")})
    yield application
    from lpks.extensions import db

    with application.app_context():
        for engine in db.engines.values():
            engine.dispose()


@pytest.fixture
def session(app):
    """A database session of the test's own, outside any request (requests must not share the
    test's app context: Flask would reuse it, and with it `g`, the CSRF token and the db session).
    Its transactions start deferred, so it never holds SQLite's write lock while a request runs."""
    from lpks.db import write_intent
    from lpks.extensions import db

    with app.app_context():
        own = db.sessionmaker()
    token = write_intent.set(False)
    yield own
    own.rollback()
    own.close()
    write_intent.reset(token)


@pytest.fixture
def demo(app):
    """The demo data set (regions subset, six LPKS, one user per role, each area's demo records),
    already in the test's database: `database_url` copied it from a template seeded once per run."""
    return app


@pytest.fixture
def client(app):
    """A browser-like test client."""
    return app.test_client()


def csrf_token(client, path: str = "/login") -> str:
    """The CSRF token of a page's form."""
    html = client.get(path).get_data(as_text=True)
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', html) or re.search(
        r'name="csrf_token" value="([^"]+)"', html)
    assert match, f"no CSRF token on {path}"
    return match.group(1)


def login(client, username: str, password: str = PASSWORD):
    """Log in through the login form."""
    token = csrf_token(client, "/login")
    return client.post("/login", data={"username": username, "password": password, "csrf_token": token})


@pytest.fixture
def cli_env(tmp_path):
    """Environment for running the `lpks` command against a test database."""
    return {"LPKS_INSTANCE_PATH": str(tmp_path / "instance")}
