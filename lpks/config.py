"""Configuration: the only module that reads the environment."""
from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

DEFAULT_SECRET = "dev-only-secret-change-me"


try:  # under gunicorn, an AppImportError is printed as one line and stops the server (no traceback, no respawn)
    from gunicorn.errors import AppImportError as _StartError
except ImportError:  # pragma: no cover  (gunicorn is a dependency; a bare import elsewhere still works)
    _StartError = RuntimeError


class ConfigError(_StartError):
    """The configuration cannot run safely: the message says which variable to set."""


def default_database_url(instance_path: str) -> str:
    """The embedded SQLite file inside the instance folder."""
    return "sqlite:///" + str(Path(instance_path) / "lpks.sqlite")


def load_config(instance_path: str, overrides: dict | None = None) -> dict:
    """Build the Flask config from the environment, then apply explicit overrides."""
    env = os.environ
    production = env.get("LPKS_ENV", "development") == "production"
    cfg = {
        "ENV_NAME": "production" if production else "development",
        "SECRET_KEY": env.get("LPKS_SECRET_KEY", DEFAULT_SECRET),
        "DATABASE_URL": env.get("DATABASE_URL") or default_database_url(instance_path),
        "UPLOAD_DIR": env.get("LPKS_UPLOAD_DIR") or str(Path(instance_path) / "uploads"),
        "BABEL_DEFAULT_LOCALE": "id",
        "BABEL_DEFAULT_TIMEZONE": env.get("LPKS_TIMEZONE", "Asia/Jakarta"),
        "LANGUAGES": ("id", "en"),
        "PERMANENT_SESSION_LIFETIME": timedelta(minutes=30),
        "IDLE_TIMEOUT": timedelta(minutes=int(env.get("LPKS_IDLE_MINUTES", "30"))),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "SESSION_COOKIE_NAME": "lpks_session",
        "WTF_CSRF_TIME_LIMIT": None,
        "MAX_CONTENT_LENGTH": int(env.get("LPKS_MAX_UPLOAD_MB", "10")) * 1024 * 1024,
        # Behind a reverse proxy: how many proxies to trust for X-Forwarded-For/-Proto/-Host (0: none, the default,
        # so a client cannot forge its address); HSTS is sent in production.
        "PROXY_COUNT": int(env.get("LPKS_PROXY_COUNT", "0")),
        "HSTS": production,
        # Password checks per (client address, username): free failures, then growing delays
        # (lpks.platform.services.throttle); the client address is the proxy's X-Forwarded-For with PROXY_COUNT.
        "LOGIN_FREE_FAILURES": 5,
        "LOGIN_DELAY_SECONDS": 30,
        "LOGIN_MAX_DELAY_SECONDS": 900,
        "LOGIN_WINDOW_SECONDS": 86400,
        "TOKEN_DAYS": _positive(env, "LPKS_TOKEN_DAYS", 90),
        "UPLOAD_QUOTA_MB": _positive(env, "LPKS_UPLOAD_QUOTA_MB", 500),
        "UPLOADS_PER_MINUTE": _positive(env, "LPKS_UPLOADS_PER_MINUTE", 20),
        "FLASK_ADMIN_SWATCH": "cerulean",
        "TESTING": False,
        "REGIONS_FILE": env.get("LPKS_REGIONS_FILE")
        or str(Path(__file__).resolve().parents[2] / "shared" / "data" / "wilayah_provinsi_kabkota.csv"),
        **job_settings(instance_path),
    }
    if overrides:
        cfg.update(overrides)
    cfg["SQLALCHEMY_ENGINES"] = {"default": engine_options(cfg["DATABASE_URL"])}
    check_config(cfg)
    return cfg


def _positive(env, name: str, default: int, minimum: int = 1) -> int:
    """A whole-number setting; a wrong value stops the start with its name rather than running on a guess."""
    raw = env.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ConfigError(f"{name} harus bilangan bulat (diterima '{raw}').") from None
    if value < minimum:
        raise ConfigError(f"{name} paling kecil {minimum}.")
    return value


def job_settings(instance_path: str) -> dict:
    """The job runner (huey): Redis when LPKS_REDIS_URL is set, else a SQLite queue file in the instance folder;
    where finished downloads are kept, for how long, how many rows an export may have to be served at once, and
    how many data rows a workbook may have to be imported in the request (a larger one waits in IMPORT_DIR)."""
    env = os.environ
    return {
        "JOBS_REDIS_URL": env.get("LPKS_REDIS_URL") or None,
        "JOBS_QUEUE_FILE": env.get("LPKS_JOBS_FILE") or str(Path(instance_path) / "jobs.sqlite"),
        "JOBS_QUEUE_NAME": env.get("LPKS_JOBS_QUEUE", "lpks"),
        "JOBS_IMMEDIATE": env.get("LPKS_JOBS_IMMEDIATE", "") == "1",
        "JOBS_WORKERS": int(env.get("LPKS_JOBS_WORKERS", "2")),
        "DOWNLOAD_DIR": env.get("LPKS_DOWNLOAD_DIR") or str(Path(instance_path) / "downloads"),
        "DOWNLOAD_HOURS": int(env.get("LPKS_DOWNLOAD_HOURS", "24")),
        "EXPORT_INLINE_ROWS": int(env.get("LPKS_EXPORT_INLINE_ROWS", "5000")),
        # a workbook of more data rows is stored (never under a public path) and imported by the worker
        "IMPORT_INLINE_ROWS": int(env.get("LPKS_IMPORT_INLINE_ROWS", "300")),
        "IMPORT_DIR": env.get("LPKS_IMPORT_DIR") or str(Path(instance_path) / "imports"),
        "IMPORTS_PER_USER": int(env.get("LPKS_IMPORTS_PER_USER", "3")),
        "DAILY_JOBS_AT": env.get("LPKS_DAILY_JOBS_AT", "00:05"),
    }


def engine_options(url: str) -> dict:
    """Engine options per backend: SQLite waits for locks instead of failing.

    `hide_parameters` keeps bound values (a child's name, NIK, address) out of every database error message, so
    an error that reaches the log names the statement but never the data.
    """
    if url.startswith("sqlite"):
        return {"url": url, "hide_parameters": True, "connect_args": {"timeout": 30, "check_same_thread": False}}
    return {"url": url, "hide_parameters": True, "pool_pre_ping": True}


def check_config(cfg: dict) -> None:
    """Refuse to run in production with a default or short secret."""
    if cfg["ENV_NAME"] == "production":
        secret = cfg["SECRET_KEY"] or ""
        if secret == DEFAULT_SECRET or len(secret) < 32:
            raise ConfigError(
                "LPKS_SECRET_KEY wajib diisi (minimal 32 karakter acak) pada LPKS_ENV=production."
            )


def instance_dir(default: str) -> str:
    """Where the SQLite file, uploads and compiled catalogues live (LPKS_INSTANCE_PATH)."""
    return os.environ.get("LPKS_INSTANCE_PATH") or default
