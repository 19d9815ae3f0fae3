"""The `lpks` command: schema, regions, users, tokens, demo, backup."""
from __future__ import annotations

import csv
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, func, select, text

from lpks.cli import main
from lpks.demo import DEMO_USERS
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.demo import DEMO_USERS
from lpks.intake.demo import OFFICERS
from lpks.reports.demo import OFFICES as REPORT_OFFICES

SHARED_REGIONS = Path(__file__).resolve().parents[3] / "shared" / "data" / "wilayah_provinsi_kabkota.csv"


@pytest.fixture
def run(database_url, cli_env):
    """Invoke `lpks …` against the test database, password on standard input."""
    runner = CliRunner()

    def invoke(*args, input=None):
        env = {**cli_env, "DATABASE_URL": database_url}
        return runner.invoke(main, list(args), input=input, env=env, catch_exceptions=False)
    return invoke


def _count(url, model, *where):
    engine = create_engine(url)
    with engine.connect() as conn:
        value = conn.scalar(select(func.count()).select_from(model).where(*where))
    engine.dispose()
    return value


def test_db_upgrade_is_idempotent(run):
    result = run("db", "upgrade")
    assert result.exit_code == 0, result.output
    assert "mutakhir" in result.output


@pytest.mark.skipif(not SHARED_REGIONS.is_file(), reason="shared region list not beside the project")
def test_regions_import_official_list_and_reimport_updates_without_duplicates(run, database_url, tmp_path):
    first = run("regions", "import", str(SHARED_REGIONS))
    assert first.exit_code == 0, first.output
    assert _count(database_url, Region, Region.level == "provinsi") == 38
    assert _count(database_url, Region, Region.level == "kabupaten_kota") == 514
    renamed = tmp_path / "renamed.csv"
    with SHARED_REGIONS.open(encoding="utf-8") as handle:
        rows = list(csv.reader(handle))
    rows = [r if r[0] != "35.75" else ["35.75", "Kota Pasuruan (diubah)", r[2]] for r in rows]
    with renamed.open("w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows(rows)
    second = run("regions", "import", str(renamed))
    assert second.exit_code == 0, second.output
    assert "0 baru, 1 diperbarui" in second.output
    assert _count(database_url, Region) == 552


def test_regions_import_xlsx(run, database_url, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["kode", "nama", "tingkat"])
    sheet.append(["35", "Jawa Timur", "provinsi"])
    sheet.append(["35.75", "Kota Pasuruan", "kabupaten_kota"])
    path = tmp_path / "wilayah.xlsx"
    book.save(path)
    result = run("regions", "import", str(path))
    assert result.exit_code == 0, result.output
    assert _count(database_url, Region) == 2


def test_regions_import_bad_rows_names_row_and_column_and_writes_nothing(run, database_url, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("kode,nama,tingkat\n35,Jawa Timur,provinsi\n35.7,Kota X,kabupaten_kota\n99.01,,kabupaten_kota\n"
                    "36,Banten,negara\n", encoding="utf-8")
    result = run("regions", "import", str(path))
    assert result.exit_code != 0
    assert "Baris 3, kolom kode" in result.output
    assert "Baris 4, kolom nama" in result.output
    assert "Baris 4, kolom kode: provinsi 99" in result.output
    assert "Baris 5, kolom tingkat" in result.output
    assert _count(database_url, Region) == 0


def test_regions_import_missing_columns(run, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_text("code,name\n35,Jawa Timur\n", encoding="utf-8")
    result = run("regions", "import", str(path))
    assert result.exit_code != 0
    assert "Kolom wajib tidak ada: kode, nama, tingkat" in result.output


@pytest.fixture
def seeded_regions(run, tmp_path):
    path = tmp_path / "w.csv"
    path.write_text("kode,nama,tingkat\n35,Jawa Timur,provinsi\n35.75,Kota Pasuruan,kabupaten_kota\n", encoding="utf-8")
    assert run("regions", "import", str(path)).exit_code == 0


@pytest.mark.parametrize("role,scope", [
    ("dinsos_kabkota", "35.75"), ("dinsos_provinsi", "35"), ("kemensos", None), ("admin_sistem", None)])
def test_create_user_each_role(run, database_url, seeded_regions, role, scope):
    args = ["create-user", f"u_{role}", "--role", role] + (["--scope", scope] if scope else [])
    result = run(*args, input="kata-sandi-panjang-1\n")
    assert result.exit_code == 0, result.output
    assert _count(database_url, User, User.username == f"u_{role}") == 1


@pytest.mark.parametrize("role,scope,message", [
    ("operator_lpks", None, "id LPKS"),
    ("operator_lpks", "999", "LPKS dengan id 999 tidak ada"),
    ("dinsos_kabkota", "35", "kode kabupaten/kota"),
    ("dinsos_provinsi", "35.75", "kode provinsi"),
    ("kemensos", "35", "tidak memakai lingkup"),
    ("admin_sistem", "1", "tidak memakai lingkup"),
    ("raja", None, "tidak dikenal"),
])
def test_create_user_refuses_wrong_role_scope(run, database_url, seeded_regions, role, scope, message):
    args = ["create-user", "budi", "--role", role] + (["--scope", scope] if scope else [])
    result = run(*args, input="kata-sandi-panjang-1\n")
    assert result.exit_code != 0
    assert message in result.output
    assert _count(database_url, User) == 0


def test_create_user_refuses_short_password_and_duplicate(run, database_url, seeded_regions):
    short = run("create-user", "budi", "--role", "kemensos", input="pendek\n")
    assert short.exit_code != 0 and "minimal 12 karakter" in short.output
    assert run("create-user", "budi", "--role", "kemensos", input="kata-sandi-panjang-1\n").exit_code == 0
    again = run("create-user", "BUDI", "--role", "kemensos", input="kata-sandi-panjang-1\n")
    assert again.exit_code != 0 and "sudah dipakai" in again.output


def test_token_works_then_revoked(run, app, database_url, seeded_regions):
    assert run("create-user", "api", "--role", "kemensos", input="kata-sandi-panjang-1\n").exit_code == 0
    result = run("create-token", "api")
    assert result.exit_code == 0
    token = result.output.strip().splitlines()[0]
    assert token.startswith("lpks_")
    client = app.test_client()
    me = client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.get_json()["username"] == "api"
    assert "Set-Cookie" not in me.headers
    token_id = result.stderr.split("token id ")[1].split(";")[0] if result.stderr else "1"
    assert run("revoke-token", token_id).exit_code == 0
    assert client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"}).status_code == 401
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer lpks_wrong"}).status_code == 401


def test_demo_is_idempotent_and_covers_every_role(run, database_url):
    first = run("demo", "--password", "kata-sandi-demo-1")
    assert first.exit_code == 0, first.output
    assert run("demo", "--password", "kata-sandi-demo-1").exit_code == 0
    engine = create_engine(database_url)
    with engine.connect() as conn:
        roles = {r for (r,) in conn.execute(text("SELECT role FROM app_user"))}
        pasuruan = conn.scalar(text("SELECT count(*) FROM region WHERE code = '35.75'"))
        institutions = conn.scalar(text("SELECT count(*) FROM institution"))
    engine.dispose()
    assert roles == {"operator_lpks", "dinsos_kabkota", "dinsos_provinsi", "kemensos", "admin_sistem"}
    assert pasuruan == 1 and institutions == 6
    for username in ("operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos", "admin"):
        assert username in first.output


def test_backup_is_a_consistent_copy(run, database_url, tmp_path):
    assert run("demo").exit_code == 0
    dest = tmp_path / "backup" / ("lpks.sqlite" if database_url.startswith("sqlite") else "lpks.dump")
    result = run("backup", str(dest))
    assert result.exit_code == 0, result.output
    assert dest.is_file() and dest.stat().st_size > 0
    if database_url.startswith("sqlite"):
        copy = sqlite3.connect(dest)
        assert copy.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        accounts = len(DEMO_USERS) + len(OFFICERS) + len(REPORT_OFFICES)  # roles, officers, report offices
        assert copy.execute("SELECT count(*) FROM app_user").fetchone()[0] == accounts
        copy.close()


def test_help_names_only_lpks_commands():
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0
    for internal in ("issue", "--app", "--env-file", "--debug", "FLASK"):
        assert internal not in result.output
    assert "accreditation" in result.output and "standards" in result.output


def test_production_without_a_secret_says_so_in_one_line(monkeypatch, tmp_path):
    monkeypatch.setenv("LPKS_ENV", "production")
    monkeypatch.delenv("LPKS_SECRET_KEY", raising=False)
    monkeypatch.setenv("LPKS_INSTANCE_PATH", str(tmp_path))
    result = CliRunner().invoke(main, ["db", "upgrade"])
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        "Error: LPKS_SECRET_KEY wajib diisi (minimal 32 karakter acak) pada LPKS_ENV=production."]
