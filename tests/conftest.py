"""Test fixtures: a database built by the real migrations, on SQLite always and on PostgreSQL
when LPKS_TEST_DATABASE_URL is set (every database test then runs on both)."""
from __future__ import annotations

import io
import os
import re
import shutil

import pytest
from hypothesis import HealthCheck, settings
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from lpks.platform.schema import upgrade

pytest_plugins = ["tests.openapi_check"]  # every /api/v1 answer checked against the OpenAPI document

# Property tests judge results, not speed: on a machine busy with one test process per core, Hypothesis's timing
# checks (a slow draw, an example over 200 ms) would fail a correct test.
settings.register_profile("lpks", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("lpks")

PG_URL = os.environ.get("LPKS_TEST_DATABASE_URL")
BACKENDS = ["sqlite"] + (["postgresql"] if PG_URL else [])
PASSWORD = "kata-sandi-uji-123"


def _seed_demo(url: str, instance: str) -> None:
    """Seed the demo into a migrated database (once per run: each test then copies it)."""
    from lpks import create_app
    from lpks.demo import seed
    from lpks.extensions import db

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


class PgWork:
    """One PostgreSQL work database for the whole run, reset between tests from snapshots kept in its own schemas.

    Copying a template database per test (CREATE DATABASE … TEMPLATE) costs about a second; emptying the tables and
    re-inserting the snapshot rows costs a few hundredths. The snapshots live in schemas `snap_clean` (what the
    migrations leave) and `snap_demo` (the demo seeded once), which the app, the migrations and the schema checks
    never look at (they read the default schema only)."""

    def __init__(self, url, admin, instance: str):
        from sqlmodel import SQLModel

        import lpks.tables  # noqa: F401  (registers every table)

        self.admin = admin
        # one work database per pytest-xdist worker (gw0, gw1, …), so parallel workers never share rows
        self.name = f"{url.database}_t{os.environ.get('PYTEST_XDIST_WORKER', '')}"
        self.url = url.set(database=self.name).render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{self.name}"'))
            # tests need no durability: commits return without waiting for the disk
            conn.execute(text(f'ALTER DATABASE "{self.name}" SET synchronous_commit = off'))
        upgrade("heads", url=self.url)
        self.engine = create_engine(self.url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
        with self.engine.connect() as conn:
            present = set(conn.scalars(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'alembic_version'")))
        ordered = [t.name for t in SQLModel.metadata.sorted_tables if t.name in present]
        self.tables = ordered + sorted(present - set(ordered))  # parents before children
        self._snapshot("snap_clean")
        _seed_demo(self.url, instance)
        self._snapshot("snap_demo")

    def _snapshot(self, schema: str) -> None:
        with self.engine.connect() as conn:
            conn.execute(text(f"CREATE SCHEMA {schema}"))
            for table in self.tables:
                conn.execute(text(f'CREATE TABLE {schema}."{table}" AS TABLE public."{table}"'))
            conn.execute(text(f"CREATE TABLE {schema}.sequences AS SELECT sequencename AS name, last_value "
                              "FROM pg_sequences WHERE schemaname = 'public'"))

    def reset(self, demo: bool) -> str:
        """Empty every table and load the chosen snapshot; other connections to the database are ended first.

        Between the emptying and the loading, VACUUM frees the pages, so the rows go back in the snapshot's physical
        order, as a fresh copy of a template would hold them (a test may read "the first row" without ORDER BY)."""
        schema = "snap_demo" if demo else "snap_clean"
        with self.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                              "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
        # DELETE is far cheaper than TRUNCATE on small tables; `replica` mode skips the foreign-key checks and the
        # audit trail's append-only trigger for these transactions only (tests run as a superuser).
        with self.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="READ COMMITTED")
            with conn.begin():
                conn.execute(text("SET LOCAL session_replication_role = replica"))
                conn.execute(text("SET LOCAL synchronous_commit = off"))
                for table in reversed(self.tables):
                    conn.execute(text(f'DELETE FROM public."{table}"'))
        with self.engine.connect() as conn:
            conn.execute(text("VACUUM " + ", ".join(f'public."{table}"' for table in self.tables)))
        with self.engine.connect() as conn:
            conn = conn.execution_options(isolation_level="READ COMMITTED")
            with conn.begin():
                conn.execute(text("SET LOCAL session_replication_role = replica"))
                conn.execute(text("SET LOCAL synchronous_commit = off"))
                for table in self.tables:
                    conn.execute(text(f'INSERT INTO public."{table}" SELECT * FROM {schema}."{table}"'))
                conn.execute(text(f"SELECT setval('public.' || quote_ident(name), coalesce(last_value, 1), "
                                  f"last_value IS NOT NULL) FROM {schema}.sequences"))
        return self.url

    def close(self) -> None:
        self.engine.dispose()
        with self.admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)'))
        self.admin.dispose()


@pytest.fixture(scope="session")
def pg_work(tmp_path_factory):
    """The PostgreSQL work database with its snapshots, made once per run."""
    if not PG_URL:
        pytest.skip("LPKS_TEST_DATABASE_URL is not set")
    url, admin = _pg_admin()
    work = PgWork(url, admin, str(tmp_path_factory.mktemp("pg-demo") / "instance"))
    yield work
    work.close()


@pytest.fixture(scope="session")
def sqlite_work(tmp_path_factory):
    """The one SQLite path tests run on: each test copies its template over it (so the shared app's URL holds)."""
    return tmp_path_factory.mktemp("work") / "test.sqlite"


# One application per database URL for the whole run: building the app (30 admin views, 300 URL rules) costs far
# more than most tests, and the URL of each backend's work database never changes. Each test gets a fresh copy of
# its template database under that URL, a fresh test client, and its config restored afterwards.
_APPS: dict = {}


def _release(url: str) -> None:
    """Close the shared app's pooled connections before its database is replaced."""
    application = _APPS.get(url)
    if application is None:
        return
    from lpks.extensions import db

    with application.app_context():
        for engine in db.engines.values():
            engine.dispose()


@pytest.fixture(params=BACKENDS)
def database_url(request):
    """A migrated database for one test: empty, or with the demo when the test asks for `demo`."""
    wants_demo = "demo" in request.fixturenames
    if request.param == "sqlite":
        template = request.getfixturevalue("sqlite_demo_template" if wants_demo else "sqlite_template")
        path = request.getfixturevalue("sqlite_work")
        url = f"sqlite:///{path}"
        _release(url)
        for suffix in ("", "-wal", "-shm", "-journal"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
        shutil.copy(template, path)
        return url
    work = request.getfixturevalue("pg_work")
    _release(work.url)
    return work.reset(wants_demo)


@pytest.fixture
def app(database_url, tmp_path_factory, tmp_path):
    """The application on a clean database (built once per backend; see `_APPS`)."""
    application = _APPS.get(database_url)
    if application is None:
        from lpks import create_app

        base = tmp_path_factory.mktemp("app")
        previous = os.environ.get("LPKS_INSTANCE_PATH")
        os.environ["LPKS_INSTANCE_PATH"] = str(base / "instance")
        try:
            application = create_app({"DATABASE_URL": database_url, "TESTING": True, "PASSWORD_HASH_FAST": True,
                                      "REGIONS_FILE": str(base / "no-such-file.csv"), "JOBS_IMMEDIATE": True})
        finally:
            if previous is None:
                os.environ.pop("LPKS_INSTANCE_PATH", None)
            else:
                os.environ["LPKS_INSTANCE_PATH"] = previous
        _APPS[database_url] = application
    saved = dict(application.config)
    application.config["UPLOAD_DIR"] = str(tmp_path / "uploads")  # each test's evidence files are its own
    application.config["DOWNLOAD_DIR"] = str(tmp_path / "downloads")  # and so are its finished exports
    application.config["IMPORT_DIR"] = str(tmp_path / "imports")  # and its workbooks waiting to be imported
    yield application
    _release(database_url)
    application.config.clear()
    application.config.update(saved)


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


def workbook(header: list[str], rows, title: str | None = None) -> bytes:
    """An .xlsx with one sheet: the header, then the rows (write_only: fast enough for 10,000 rows)."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet(title or "Sheet")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
