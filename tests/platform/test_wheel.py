"""The built wheel: top-level admin/ and templates/ install inside lpks, and a fresh environment holding only the wheel
migrates a new database and serves a page that renders a template and a static file."""
from __future__ import annotations

import os
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest
from sqlalchemy import text

ROOT = Path(__file__).resolve().parents[2]
SOURCES = {"accreditation": "accreditation", "lpks": "lpks", "admin": "lpks.admin", "templates": "lpks.templates"}

SERVE = """
import importlib.util, sys
import lpks, lpks.admin, lpks.templates
site = sys.argv[1]
assert lpks.__file__.startswith(site), lpks.__file__
assert lpks.admin.__file__.startswith(site + "/lpks/admin/"), lpks.admin.__file__
assert lpks.templates.__file__.startswith(site + "/lpks/templates/"), lpks.templates.__file__
assert importlib.util.find_spec("admin") is None and importlib.util.find_spec("templates") is None
from lpks import create_app
app = create_app()
client = app.test_client()
page = client.get("/login")
css = client.get("/static/lpks.css")
print(page.status_code, css.status_code, page.headers["Content-Type"].split(";")[0], css.headers["Content-Type"])
print("Masuk" in page.get_data(as_text=True), len(css.get_data()) > 0)
"""


def _tree_packages() -> list[str]:
    found = []
    for top, name in SOURCES.items():
        for root, dirs, _files in os.walk(ROOT / top):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            rel = os.path.relpath(root, ROOT / top)
            found.append(name if rel == "." else name + "." + rel.replace(os.sep, "."))
    return sorted(found)


def test_every_folder_of_the_tree_is_a_listed_package():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]
    assert sorted(config["packages"]) == _tree_packages()
    assert config["package-dir"] == {"lpks.admin": "admin", "lpks.templates": "templates"}


@pytest.fixture(scope="module")
def wheel_env(tmp_path_factory):
    """The wheel built from this tree, installed into a fresh virtual environment (dependencies from ours)."""
    base = tmp_path_factory.mktemp("wheel")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--disable-pip-version-check", "--no-deps",
                    "-w", str(base / "dist"), str(ROOT)], check=True, capture_output=True, timeout=300)
    wheel = next((base / "dist").glob("lpks-*.whl"))
    env_dir = base / "env"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps",
                    str(wheel)], check=True, capture_output=True, timeout=300)
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies come from this environment's site-packages: a plain path entry runs none of its .pth files,
    # so our own editable install of lpks stays invisible there.
    ours = subprocess.run([sys.executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          check=True, capture_output=True, text=True).stdout.strip()
    Path(site, "lpks-test-dependencies.pth").write_text(ours + "\n", encoding="utf-8")
    names = subprocess.run([str(python), "-m", "zipfile", "-l", str(wheel)], check=True, capture_output=True,
                           text=True).stdout
    return env_dir, site, names


def test_the_wheel_ships_admin_and_templates_inside_lpks(wheel_env):
    _env, _site, names = wheel_env
    files = [line.split()[0] for line in names.splitlines()[1:] if line.strip()]
    assert any(f.startswith("lpks/admin/registry/") for f in files)
    assert any(f.startswith("lpks/templates/residents/print/") and f.endswith(".html") for f in files)
    assert "lpks/static/lpks.css" in files and "lpks/migrations/versions/0001_platform.py" in files
    assert not [f for f in files if f.split("/")[0] in {"admin", "templates", "tests", "benchmarks"}]


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_a_fresh_environment_migrates_and_serves_from_the_wheel(wheel_env, backend, tmp_path):
    env_dir, site, _names = wheel_env
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LPKS_", "DATABASE_URL", "PYTHONPATH"))}
    env["LPKS_INSTANCE_PATH"] = str(tmp_path / "instance")
    database = None
    if backend == "sqlite":
        env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'wheel.sqlite'}"
    else:
        from tests.conftest import PG_URL, _pg_admin

        if not PG_URL:
            pytest.skip("LPKS_TEST_DATABASE_URL is not set")
        url, admin = _pg_admin()
        database = f"{url.database}_wheel"
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{database}"'))
        env["DATABASE_URL"] = url.set(database=database).render_as_string(hide_password=False)
    try:
        migrate = subprocess.run([str(env_dir / "bin" / "lpks"), "db", "upgrade"], env=env, cwd=tmp_path,
                                 capture_output=True, text=True, timeout=300)
        assert migrate.returncode == 0, migrate.stderr[-2000:]
        served = subprocess.run([str(env_dir / "bin" / "python"), "-c", SERVE, site], env=env, cwd=tmp_path,
                                capture_output=True, text=True, timeout=300)
        assert served.returncode == 0, served.stderr[-3000:]
        assert served.stdout.split() == ["200", "200", "text/html", "text/css;", "charset=utf-8", "True", "True"]
    finally:
        if database:
            with admin.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)'))
            admin.dispose()
