"""Internationalisation: compiled catalogues, Flask-Babel, flask-admin/WTForms domains, filters.

LPKS msgids ("messages") are Bahasa Indonesia, translated by translations/en/.../messages.po.
Flask-Admin ("admin") and WTForms ("wtforms") are English and ship no Indonesian catalogue:
LPKS carries translations/id/LC_MESSAGES/admin.po and wtforms.po. Every .po is compiled at
start-up into <instance>/translations (git-ignored), the app's Flask-Babel directory; flask-admin
and WTForms read their packaged catalogues first, then that directory.
"""
from __future__ import annotations

import contextlib
import functools
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import Flask, current_app, g, has_app_context, has_request_context
from flask_babel import Domain, get_babel, get_translations
from wtforms.i18n import messages_path

from lpks import formats
from lpks.extensions import babel
from lpks.formats import DEFAULT_LOCALE, DEFAULT_TIMEZONE

SOURCE_DIR = Path(__file__).resolve().parent / "translations"
EXTENSION_KEY = "lpks_i18n"

__all__ = [
    "AppDomain", "I18nState", "WTFORMS_DOMAIN", "WTFormsTranslations", "compile_catalogues",
    "init_i18n", "wtforms_translations",
]


@dataclass
class I18nState:
    """What init_i18n leaves in app.extensions["lpks_i18n"]."""

    directory: Path
    compiled: list[Path]
    # Translations per (domain, directories) then per (locale, domain): see AppDomain.
    caches: dict[tuple, dict] = field(default_factory=dict)


def compile_catalogues(target_dir: str | os.PathLike, source_dir: str | os.PathLike = SOURCE_DIR,
                       ) -> list[Path]:
    """Compile each <lang>/LC_MESSAGES/*.po whose .mo is missing or older; return the .mo written."""
    # Up to date costs two stat() per catalogue. Each .mo is written to a temporary file beside
    # it then os.replace'd, so workers starting together never see a half-written catalogue.
    written = []
    for po in sorted(Path(source_dir).glob("*/LC_MESSAGES/*.po")):
        lang = po.parent.parent.name
        mo = Path(target_dir) / lang / "LC_MESSAGES" / (po.stem + ".mo")
        if _up_to_date(mo, po):
            continue
        _compile_one(po, mo, lang)
        written.append(mo)
    return written


def _up_to_date(mo: Path, po: Path) -> bool:
    try:
        return mo.stat().st_mtime_ns >= po.stat().st_mtime_ns
    except FileNotFoundError:
        return False


def _compile_one(po: Path, mo: Path, lang: str) -> None:
    source_mtime = po.stat().st_mtime_ns
    with po.open("rb") as fp:
        catalog = read_po(fp, locale=lang, domain=po.stem)
    mo.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{mo.name}.", suffix=".tmp", dir=mo.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            write_mo(out, catalog)  # fuzzy entries are left out, as pybabel compile does
        os.chmod(tmp, 0o644)  # mkstemp creates 0600; the catalogue is not a secret
        if os.stat(tmp).st_mtime_ns < source_mtime:  # a .po dated in the future (clock skew)
            os.utime(tmp, ns=(source_mtime, source_mtime))  # must not recompile at every start
        os.replace(tmp, mo)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _state() -> I18nState | None:
    return current_app.extensions.get(EXTENSION_KEY) if has_app_context() else None


def _app_directories() -> list[str]:
    """The current app's Flask-Babel translation directories (the compiled LPKS catalogues)."""
    if not has_app_context() or "babel" not in current_app.extensions:
        return []
    return list(get_babel().translation_directories)


class _AppCatalogues:
    """Mixin for a flask_babel.Domain: search the domain's own directories, then the app's."""

    # App directories come last: flask-babel merges in order and the later catalogue wins, both
    # for entries and for the plural rule (Indonesian nplurals=1 must not be reset by an empty
    # packaged catalogue). flask-babel caches by (locale, domain) in one dict for the whole
    # process, but the directories now depend on the app (and on the view's
    # Admin.translations_path): get_translations_cache, its override point, keys by both.

    @property
    def translation_directories(self) -> list[str]:
        own = list(super().translation_directories)  # type: ignore[misc]
        return own + [d for d in _app_directories() if d not in own]

    def get_translations_cache(self, ctx: Any) -> dict:
        key = (tuple(self.domain), tuple(self.translation_directories))  # type: ignore[attr-defined]
        state = _state()
        store = state.caches if state is not None else self.__dict__.setdefault("_lpks_caches", {})
        return store.setdefault(key, {})


class AppDomain(_AppCatalogues, Domain):
    """A flask-babel Domain on a package's catalogues, then the current app's compiled ones."""


#: WTForms' catalogues then LPKS' wtforms.po: for FlaskForm, flask-admin's forms, WTFormsTranslations.
WTFORMS_DOMAIN = AppDomain(messages_path(), domain="wtforms")


class WTFormsTranslations:
    """WTForms translations for a plain wtforms.Form: Meta.get_translations returns wtforms_translations."""

    def gettext(self, string: str) -> str:
        return WTFORMS_DOMAIN.get_translations().ugettext(string)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return WTFORMS_DOMAIN.get_translations().ungettext(singular, plural, n)


wtforms_translations = WTFormsTranslations()


def _flask_wtf_translations() -> Any:
    """flask_wtf.i18n._get_translations (Flask-WTF 1.3.0) on WTFORMS_DOMAIN; None as upstream."""
    if not has_request_context() or "babel" not in current_app.extensions:
        return None
    return WTFORMS_DOMAIN.get_translations()


def _route_foreign_domains() -> None:
    """PATCH (flask-admin 2.2.1, Flask-WTF 1.3.0): send their gettext to the app's catalogues too."""
    # Neither offers a hook; process-wide and idempotent. Re-check on upgrade (tests/test_i18n.py).
    # 1. flask_admin.babel.domain: a CustomDomain fixed at import on flask-admin's own directory
    #    (+ Admin.translations_path, but only inside a view, and its shared (locale, domain) cache
    #    lets whichever call comes first decide). Its bound methods are imported all over
    #    flask-admin and handed to templates as _gettext/_ngettext, so the object cannot be
    #    replaced: its class is swapped for a subclass adding _AppCatalogues.
    # 2. flask_admin.babel.wtforms_domain (read at call time by flask_admin.babel.Translations,
    #    flask-admin's form translations) only knows WTForms' directory: replaced.
    # 3. flask_wtf.i18n._get_translations (FlaskForm with WTF_I18N_ENABLED) loads
    #    wtforms.i18n.messages_path() only: replaced.
    import flask_admin.babel as admin_babel
    import flask_wtf.i18n as wtf_i18n

    admin_domain = getattr(admin_babel, "domain", None)
    if not isinstance(admin_domain, Domain):
        raise RuntimeError("flask_admin.babel.domain is not a flask_babel.Domain: "
                           "lpks.i18n supports flask-admin 2.2.1; review _route_foreign_domains.")
    if not isinstance(admin_domain, _AppCatalogues):
        base = type(admin_domain)
        admin_domain.__class__ = type("Lpks" + base.__name__, (_AppCatalogues, base), {})
    admin_babel.wtforms_domain = WTFORMS_DOMAIN
    wtf_i18n._get_translations = _flask_wtf_translations


def init_i18n(app: Flask, locale_selector: Callable[[], str | None] | None = None) -> I18nState:
    """Compile the catalogues, initialise Flask-Babel, route flask-admin/WTForms, add Jinja filters."""
    # locale_selector returns a code or None (BABEL_DEFAULT_LOCALE, "id"); it is only called in a
    # request: CLI and jobs get the default locale unless they use flask_babel.force_locale().
    directory = Path(app.instance_path) / "translations"
    written = compile_catalogues(directory)
    if written:
        app.logger.info("Katalog terjemahan dikompilasi: %s", ", ".join(str(p) for p in written))

    directories = [str(directory)]
    configured = app.config.get("BABEL_TRANSLATION_DIRECTORIES")
    if configured:
        directories += [d for d in configured.split(";") if d and d not in directories]
    app.config["BABEL_TRANSLATION_DIRECTORIES"] = ";".join(directories)

    babel.init_app(
        app,
        locale_selector=_in_request_only(locale_selector) if locale_selector else None,
        default_locale=DEFAULT_LOCALE,
        default_timezone=DEFAULT_TIMEZONE,
        default_domain="messages",
        default_translation_directories=str(directory),
    )
    state = I18nState(directory=directory, compiled=written)
    app.extensions[EXTENSION_KEY] = state
    _route_foreign_domains()

    app.jinja_env.filters.update(tanggal=formats.tanggal_filter, tanggal_waktu=formats.tanggal_waktu_filter,
                                 angka=formats.angka_filter)
    _install_template_gettext(app)
    return state


def _translations() -> Any:
    """Flask-Babel's translations of the current locale, looked up once per locale and context: Flask-Babel looks
    them up again on every `_()` (about 20 µs, and a list page calls it a thousand times). The cache sits beside
    Flask-Babel's own locale cache (g._flask_babel) and is keyed by that locale object, so force_locale() and
    flask_babel.refresh() (which replace or drop it) are followed."""
    holder = g.get("_flask_babel") if has_app_context() else None
    cached = getattr(holder, "lpks_translations", None)
    if cached is not None and cached[0] is getattr(holder, "babel_locale", None):
        return cached[1]
    translations = get_translations()
    holder = g.get("_flask_babel") if has_app_context() else None
    locale = getattr(holder, "babel_locale", None)
    if holder is not None and locale is not None:
        holder.lpks_translations = (locale, translations)
    return translations


def _install_template_gettext(app: Flask) -> None:
    """The templates' `_()`/`ngettext` as Flask-Babel installs them (newstyle), on the cached translations."""
    app.jinja_env.install_gettext_callables(
        gettext=lambda s: _translations().ugettext(s),
        ngettext=lambda s, p, n: _translations().ungettext(s, p, n),
        newstyle=True,
        pgettext=lambda c, s: _translations().upgettext(c, s),
        npgettext=lambda c, s, p, n: _translations().unpgettext(c, s, p, n),
    )


def _in_request_only(selector: Callable[[], str | None]) -> Callable[[], str | None]:
    @functools.wraps(selector)
    def select() -> str | None:
        return selector() if has_request_context() else None
    return select
