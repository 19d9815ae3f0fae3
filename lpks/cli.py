"""The `lpks` command. Every command calls a service; none runs raw SQL of its own."""
from __future__ import annotations

import sys

import click
from flask import Flask
from flask.cli import FlaskGroup, with_appcontext
from flask_babel import gettext as _

from lpks.platform.errors import ServiceError


def _app(info=None) -> Flask:
    from lpks import create_app
    from lpks.config import ConfigError

    try:
        app = create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    ctx = click.get_current_context(silent=True)
    if ctx is not None:
        ctx.call_on_close(lambda: _dispose(app))
    return app


def _dispose(app: Flask) -> None:
    """Close the command's database connections when it ends."""
    from lpks.extensions import db as database

    with app.app_context():
        for engine in database.engines.values():
            engine.dispose()


def _fail(exc: ServiceError) -> None:
    from lpks.extensions import db

    db.session.rollback()
    field = f" [{exc.field}]" if exc.field else ""
    raise click.ClickException(f"{exc.message}{field}")


class LpksGroup(FlaskGroup):
    """Flask's command group without Flask's own options (-e, -A, --debug): the app is always LPKS."""

    def __init__(self, **extra):
        super().__init__(**extra)
        self.params = [p for p in self.params if p.name not in {"env_file", "app", "debug"}]


@click.group(cls=LpksGroup, create_app=_app, add_default_commands=False, add_version_option=False,
             load_dotenv=False, set_debug_flag=False)
def main() -> None:
    """LPKS: sistem informasi rehabilitasi sosial anak berhadapan dengan hukum."""


def register(app: Flask) -> None:
    """Nothing to attach to the app: the commands live on the `lpks` group."""


@main.group()
def db() -> None:
    """Database schema (Alembic migrations)."""


@db.command("upgrade")
@click.option("--revision", default="heads", show_default=True, help="Target revision.")
@with_appcontext
def db_upgrade(revision: str) -> None:
    """Apply the migrations: the only way the schema is made."""
    from lpks.platform.schema import upgrade

    upgrade(revision)
    click.echo(f"Skema basis data mutakhir ({revision}).")


@main.group()
def regions() -> None:
    """Provinces and regencies/cities."""


@regions.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def regions_import(file: str) -> None:
    """Load regions from a CSV or XLSX with columns kode,nama,tingkat (re-import updates names)."""
    from lpks.extensions import db as database
    from lpks.io.tables import read_rows
    from lpks.platform.services.regions import import_regions

    try:
        result = import_regions(database.session, read_rows(file, ("kode", "nama", "tingkat")))
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(f"Wilayah: {result.created} baru, {result.updated} diperbarui, {result.unchanged} tetap.")


@main.command("create-user")
@click.argument("username")
@click.option("--role", required=True, help="operator_lpks, dinsos_kabkota, dinsos_provinsi, kemensos, admin_sistem")
@click.option("--scope", default=None, help="LPKS id (operator_lpks), region code 35.75 / 35, or nothing.")
@click.option("--full-name", default=None)
@click.option("--function", "function", default=None, help="dinsos_kabkota only: peksos, tksk, data_informasi.")
@with_appcontext
def create_user(username: str, role: str, scope: str | None, full_name: str | None, function: str | None) -> None:
    """Create a user; the password is read from standard input."""
    from lpks.extensions import db as database
    from lpks.platform.services.users import create_user as create

    if sys.stdin.isatty():
        password = click.prompt("Kata sandi", hide_input=True, confirmation_prompt=True)
    else:
        password = sys.stdin.readline().rstrip("\r\n")
    try:
        user = create(database.session, username, password, role, scope, full_name, function=function)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(f"Pengguna {user.username} ({user.role}) dibuat dengan id {user.id}.")


@main.command("create-token")
@click.argument("username")
@click.option("--days", type=int, default=None, help="Masa berlaku dalam hari (bawaan: LPKS_TOKEN_DAYS, 90).")
@with_appcontext
def create_token(username: str, days: int | None) -> None:
    """Print a new bearer token for the JSON API (shown once); it expires after LPKS_TOKEN_DAYS days."""
    from lpks.extensions import db as database
    from lpks.platform.services.tokens import create_token as create

    try:
        token, plain = create(database.session, username, days)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(plain)
    click.echo(f"(token id {token.id}; berlaku sampai {token.expires_at:%Y-%m-%d %H:%M} UTC; "
               f"cabut dengan: lpks revoke-token {token.id})", err=True)


@main.command("revoke-token")
@click.argument("token_id", type=int)
@with_appcontext
def revoke_token(token_id: int) -> None:
    """Revoke an API token by its id."""
    from lpks.extensions import db as database
    from lpks.platform.services.tokens import revoke_token as revoke

    try:
        revoke(database.session, token_id)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(f"Token {token_id} dicabut.")


def _set_active(username: str, active: bool) -> None:
    from lpks.extensions import db as database
    from lpks.platform.services.users import set_active

    try:
        user = set_active(database.session, username, active)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    state = "diaktifkan" if active else "dinonaktifkan; semua sesi dan token API-nya diakhiri"
    click.echo(f"Pengguna {user.username} {state}.")


@main.command("deactivate-user")
@click.argument("username")
@with_appcontext
def deactivate_user(username: str) -> None:
    """Deactivate a user: they can no longer log in; their sessions and API tokens end."""
    _set_active(username, False)


@main.command("activate-user")
@click.argument("username")
@with_appcontext
def activate_user(username: str) -> None:
    """Activate a user again (their old API tokens stay ended)."""
    _set_active(username, True)


@main.command("demo")
@click.option("--regions-file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Official region list to load first (default: ../shared/data/wilayah_provinsi_kabkota.csv if present).")
@click.option("--password", default=None, help="Password of every demo user (default: printed).")
@with_appcontext
def demo(regions_file: str | None, password: str | None) -> None:
    """Seed the demo: two provinces, several regencies/cities, LPKS and a user for every role."""
    from lpks.demo import seed
    from lpks.extensions import db as database

    try:
        summary = seed(database.session, regions_file, password)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(summary)


@main.group()
def holidays() -> None:
    """The holiday calendar (hari libur nasional and cuti bersama) every working-day count reads."""


@holidays.command("seed")
@click.option("--years", "years_flag", is_flag=True, help="Followed by the years, e.g. --years 2026 2027.")
@click.argument("years", nargs=-1, type=int)
@with_appcontext
def holidays_seed(years_flag: bool, years: tuple[int, ...]) -> None:
    """Seed the calendar from the `holidays` package (default: this year and next); idempotent."""
    from lpks.extensions import db as database
    from lpks.platform.services.holidays import seed

    try:
        result = seed(database.session, list(years) or None)
        database.session.commit()
    except ServiceError as exc:
        _fail(exc)
    click.echo(f"Kalender libur {', '.join(map(str, result.years))}: {result.created} tanggal baru, "
               f"{result.kept} sudah ada; {result.recomputed} masa titipan dihitung ulang.")


@main.group()
def accreditation() -> None:
    """Accreditation: the instrument and the daily expiry of designations (Pasal 56, 70–73)."""


@accreditation.command("seed-instrument")
@with_appcontext
def accreditation_seed_instrument() -> None:
    """Publish the default instrument (RULES §3) if no version exists yet; idempotent."""
    from lpks.accreditation.services.instruments import ensure_default
    from lpks.extensions import db as database

    row, created = ensure_default(database.session)
    database.session.commit()
    click.echo(f"Instrumen versi {row.version} " + ("diterbitkan." if created else "sudah ada; tidak ada yang diubah."))


@accreditation.command("expire")
@click.option("--today", "as_of", default=None, help="Tanggal acuan YYYY-MM-DD (bawaan: hari ini, Asia/Jakarta).")
@with_appcontext
def accreditation_expire(as_of: str | None) -> None:
    """Daily: record designations past their last valid day as expired and classify those LPKS again."""
    from datetime import date

    from lpks.accreditation.services.steps import expire_due
    from lpks.extensions import db as database

    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        _fail(ServiceError(_("Tanggal --today harus berformat YYYY-MM-DD."), "today"))
    run = expire_due(database.session, day)
    database.session.commit()
    click.echo(f"{run.expired} akreditasi kedaluwarsa dicatat; {run.classes_changed} kelas LPKS diperbarui.")


@main.group()
def standards() -> None:
    """The stored standards evaluation of each LPKS (Pasal 52–69)."""


@standards.command("refresh")
@click.option("--all", "everything", is_flag=True, help="Evaluate every LPKS, not only those whose row is out of date.")
@with_appcontext
def standards_refresh(everything: bool) -> None:
    """Daily, and after an upgrade: store again the evaluation of every LPKS whose stored one no longer holds."""
    from lpks.extensions import db as database
    from lpks.registry.services.standards_store import refresh

    done = refresh(database.session, everything=everything)
    database.session.commit()
    click.echo(f"{done} evaluasi standar LPKS disimpan.")


@main.command("worker")
@click.option("--workers", type=int, default=None, help="Threads running jobs (bawaan: LPKS_JOBS_WORKERS, 2).")
@with_appcontext
def worker(workers: int | None) -> None:
    """Run the background jobs (large exports) and the daily tasks (standards refresh and accreditation expiry just
    after midnight, removal of old downloads) until stopped with Ctrl+C or SIGTERM."""
    import logging

    from flask import current_app

    from lpks.platform.jobs.queue import run_consumer

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(levelname)s %(message)s")
    logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)
    try:
        run_consumer(current_app._get_current_object(), workers)
    except RuntimeError as exc:
        raise click.ClickException(str(exc)) from exc


@main.command("backup")
@click.argument("dest", type=click.Path(dir_okay=False))
@with_appcontext
def backup(dest: str) -> None:
    """Make a consistent backup (SQLite online backup API; pg_dump for PostgreSQL)."""
    from lpks.platform.services.backup import backup as make_backup

    try:
        path = make_backup(dest)
    except ServiceError as exc:
        _fail(exc)
    click.echo(f"Cadangan dibuat: {path}")
