"""A real server on loopback and headless Debian Chromium driven by Playwright."""
from __future__ import annotations

import os
import shutil
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic", "--disable-dev-shm-usage"]


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium; on CI its absence is a failure, elsewhere a skip."""
    if os.path.exists(CHROMIUM):
        return
    if os.environ.get("CI"):
        raise pytest.UsageError("CI must install Debian's chromium for the browser tests (.ci/run does).")
    skip = pytest.mark.skip(reason="Debian chromium is not installed (apt-get install chromium)")
    for item in items:
        if "tests/e2e" in str(item.fspath):
            item.add_marker(skip)


@pytest.fixture(scope="module")
def live_server(request, tmp_path_factory, sqlite_template):
    """The whole app, demo-seeded (plus the test module's own `SEED_EXTRA(session)`, if any), served by a threaded
    WSGI server on a free loopback port."""
    from lpks import create_app
    from lpks.demo import seed
    from lpks.extensions import db
    from tests.conftest import PASSWORD

    base = tmp_path_factory.mktemp("e2e")
    path = base / "e2e.sqlite"
    shutil.copy(sqlite_template, path)
    previous = os.environ.get("LPKS_INSTANCE_PATH")
    os.environ["LPKS_INSTANCE_PATH"] = str(base / "instance")
    app = create_app({"DATABASE_URL": f"sqlite:///{path}", "PASSWORD_HASH_FAST": True,
                      "REGIONS_FILE": str(base / "none.csv")})
    with app.app_context():
        seed(db.session, password=PASSWORD)
        db.session.commit()
        extra = getattr(request.module, "SEED_EXTRA", None)
        if extra is not None:
            extra(db.session)
            db.session.commit()
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    server.server_close()
    with app.app_context():
        for engine in db.engines.values():
            engine.dispose()
    if previous is None:
        os.environ.pop("LPKS_INSTANCE_PATH", None)
    else:
        os.environ["LPKS_INSTANCE_PATH"] = previous


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium from Debian (Playwright's own browser download cannot work here)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh browser context per test; console errors and dialogs are collected."""
    context = browser.new_context(locale="id-ID")
    tab = context.new_page()
    tab.errors = []
    tab.dialogs = []
    # a refused form answers 422 on purpose (the page again, errors at their fields): the browser logs that status
    # as a console error, which is not a fault of the page
    tab.on("console", lambda msg: tab.errors.append(msg.text)
           if msg.type == "error" and "status of 422" not in msg.text else None)
    tab.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    tab.on("dialog", lambda dialog: (tab.dialogs.append(dialog.message), dialog.dismiss()))
    yield tab
    context.close()


def login(page, base: str, username: str) -> None:
    """Log in through the form as a person would."""
    from tests.conftest import PASSWORD

    page.goto(f"{base}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")


def logout(page) -> None:
    """Log out through the navigation bar; the page confirms it, and nothing went wrong on the way."""
    page.click("[data-testid=logout]")
    page.wait_for_url("**/login**")
    assert "Anda telah keluar" in page.inner_text("body")
    assert page.errors == [], page.errors
    assert page.dialogs == []
