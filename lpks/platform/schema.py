"""The database schema is made by Alembic migrations only."""
from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from flask import current_app

MIGRATIONS = Path(__file__).resolve().parent.parent / "migrations"


def alembic_config(url: str | None = None) -> Config:
    """Alembic's config pointing at our migrations and the app's database."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", (url or current_app.config["DATABASE_URL"]).replace("%", "%%"))
    return cfg


def upgrade(revision: str = "heads", url: str | None = None) -> None:
    """Apply migrations up to `revision`."""
    command.upgrade(alembic_config(url), revision)
