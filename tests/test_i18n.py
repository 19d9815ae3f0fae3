"""lpks.i18n: compiled catalogues, flask-admin/WTForms in Indonesian, date and number filters."""
from __future__ import annotations

import ast
import os
import re
import shutil
from concurrent.futures import ThreadPoolExecutor
from datetime import date, datetime, timezone
from pathlib import Path

import flask_admin
import flask_admin.babel as admin_babel
import pytest
import wtforms
from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_keywords, parse_mapping_cfg
from babel.messages.pofile import read_po
from babel.support import Translations
from flask import Flask, render_template_string, request
from flask_admin import Admin, BaseView, expose
from flask_admin.form import BaseForm as AdminBaseForm
from flask_admin.form import JSONField
from flask_babel import force_locale, get_locale
from flask_babel import gettext as babel_gettext
from flask_babel import ngettext as babel_ngettext
from flask_wtf import FlaskForm
from werkzeug.datastructures import MultiDict
from wtforms import StringField
from wtforms.i18n import messages_path
from wtforms.validators import DataRequired, Length

from lpks.extensions import babel
from lpks.formats import format_angka, format_tanggal, format_tanggal_waktu
from lpks.i18n import SOURCE_DIR, compile_catalogues, init_i18n, wtforms_translations

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning:flask_admin.*")

ID_DIR = SOURCE_DIR / "id" / "LC_MESSAGES"
EN_DIR = SOURCE_DIR / "en" / "LC_MESSAGES"
ADMIN_CATALOGUES = Path(flask_admin.__file__).parent / "translations"
PROBE = ("{{ _gettext('Save') }}|{{ _gettext('Delete') }}|"
         "{{ _ngettext('Record was successfully deleted.', '%(count)s records were successfully deleted.',"
         " 3, count=3) }}|{{ _('Beranda') }}|{{ day|tanggal }}|{{ 1234567|angka }}")


def select_locale():
    """The test's locale selector: ?lang=... (default: none → BABEL_DEFAULT_LOCALE)."""
    return request.args.get("lang")


class ProbeView(BaseView):
    @expose("/")
    def index(self):
        return self.render("probe.html", day=date(2026, 3, 20))


def make_app(tmp_path: Path, name: str = "app") -> Flask:
    templates = tmp_path / "templates"
    templates.mkdir(exist_ok=True)
    (templates / "probe.html").write_text(PROBE, encoding="utf-8")
    app = Flask(__name__, instance_path=str(tmp_path / name), template_folder=str(templates))
    app.config.update(SECRET_KEY="test", BABEL_DEFAULT_LOCALE="id", WTF_CSRF_ENABLED=False, TESTING=True)
    admin = Admin(app)
    admin.add_view(ProbeView(name="Probe", endpoint="probe"))
    init_i18n(app, select_locale)
    return app


@pytest.fixture
def app(tmp_path):
    return make_app(tmp_path)


def load(path: Path):
    with path.open("rb") as fp:
        return read_po(fp)


# --- flask-admin ------------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "save", "delete", "deleted"), [
    ("id", "Simpan", "Hapus", "3 data berhasil dihapus."),
    ("en", "Save", "Delete", "3 records were successfully deleted."),
], ids=["id", "en"])
def test_flask_admin_gettext(app, lang, save, delete, deleted):
    with app.test_request_context(f"/?lang={lang}"):
        assert str(get_locale()) == lang
        assert admin_babel.gettext("Save") == save
        assert admin_babel.gettext("Delete") == delete
        assert str(admin_babel.lazy_gettext("Save")) == save
        assert admin_babel.ngettext("Record was successfully deleted.",
                                    "%(count)s records were successfully deleted.", 3, count=3) == deleted


def test_flask_admin_default_locale_is_indonesian(app):
    with app.test_request_context("/"):
        assert admin_babel.gettext("Save and Add Another") == "Simpan dan Tambah Lagi"
        assert admin_babel.gettext("Are you sure you want to delete this record?") == \
            "Anda yakin ingin menghapus data ini?"
        assert admin_babel.ngettext("Record was successfully deleted.",
                                    "%(count)s records were successfully deleted.", 1, count=1) == \
            "1 data berhasil dihapus."


def test_flask_admin_pages_render_in_the_selected_language(app):
    client = app.test_client()
    page = client.get("/admin/probe/?lang=id")
    assert page.status_code == 200
    assert page.get_data(as_text=True) == "Simpan|Hapus|3 data berhasil dihapus.|Beranda|20 Maret 2026|1.234.567"
    page = client.get("/admin/probe/?lang=en")
    assert page.get_data(as_text=True) == \
        "Save|Delete|3 records were successfully deleted.|Home|20 March 2026|1,234,567"
    assert "<title>Beranda - Admin</title>" in client.get("/admin/?lang=id").get_data(as_text=True)
    assert "<title>Home - Admin</title>" in client.get("/admin/?lang=en").get_data(as_text=True)


def test_each_app_reads_its_own_compiled_directory(tmp_path):
    first, second = make_app(tmp_path, "one"), make_app(tmp_path, "two")
    for app in (first, second):
        with app.test_request_context("/?lang=id"):
            dirs = admin_babel.domain.translation_directories
            assert dirs[0] == str(ADMIN_CATALOGUES)
            assert dirs[-1] == app.instance_path + os.sep + "translations"
            assert admin_babel.gettext("Cancel") == "Batal"


# --- WTForms ----------------------------------------------------------------------------------

class NameForm(FlaskForm):
    nama = StringField("Nama", validators=[DataRequired(), Length(min=3)])


class PlainAdminForm(AdminBaseForm):
    """A plain wtforms.Form with flask-admin's translations (flask_admin.babel.Translations)."""

    nama = StringField("Nama", validators=[DataRequired()])
    data = JSONField("Data")


class PlainForm(wtforms.Form):
    class Meta:
        def get_translations(self, form):
            return admin_babel.Translations()

    nama = StringField("Nama", validators=[DataRequired()])


class LpksPlainForm(wtforms.Form):
    class Meta:
        def get_translations(self, form):
            return wtforms_translations

    nama = StringField("Nama", validators=[DataRequired(), Length(min=3)])


@pytest.mark.parametrize(("lang", "required", "short"), [
    ("id", "Kolom ini wajib diisi.", "Panjang isian paling sedikit 3 karakter."),
    ("en", "This field is required.", "Field must be at least 3 characters long."),
], ids=["id", "en"])
def test_flask_wtf_form_messages(app, lang, required, short):
    with app.test_request_context(f"/?lang={lang}", method="POST", data={"nama": ""}):
        form = NameForm()
        assert not form.validate()
        assert form.nama.errors == [required]
    with app.test_request_context(f"/?lang={lang}", method="POST", data={"nama": "ab"}):
        form = NameForm()
        assert not form.validate()
        assert form.nama.errors == [short]


@pytest.mark.parametrize(("lang", "required", "json"), [
    ("id", "Kolom ini wajib diisi.", "JSON tidak valid"),
    ("en", "This field is required.", "Invalid JSON"),
], ids=["id", "en"])
def test_plain_wtforms_with_flask_admin_translations(app, lang, required, json):
    with app.test_request_context(f"/?lang={lang}"):
        form = PlainAdminForm(MultiDict({"nama": "", "data": "{bukan json"}))
        assert not form.validate()
        assert form.nama.errors == [required]
        assert form.data.errors == [json]
        form = PlainForm(MultiDict({"nama": ""}))
        assert not form.validate()
        assert form.nama.errors == [required]
        form = LpksPlainForm(MultiDict({"nama": ""}))
        assert not form.validate()
        assert form.nama.errors == [required]


def test_flask_wtf_keeps_english_when_i18n_is_disabled(app):
    app.config["WTF_I18N_ENABLED"] = False
    with app.test_request_context("/?lang=id", method="POST", data={"nama": ""}):
        form = NameForm()
        assert not form.validate()
        assert form.nama.errors == ["This field is required."]


# --- our own messages domain and filters ------------------------------------------------------

def test_messages_domain(app):
    with app.test_request_context("/?lang=en"):
        assert babel_gettext("Beranda") == "Home"
        assert babel_gettext("Anda telah keluar.") == "You have logged out."
    with app.test_request_context("/?lang=id"):
        assert babel_gettext("Beranda") == "Beranda"
        assert babel_ngettext("%(num)d anak", "%(num)d anak", 4) == "4 anak"
    with app.app_context():
        assert {str(loc) for loc in babel.list_translations()} == {"id", "en"}


@pytest.mark.parametrize(("lang", "day", "moment", "number", "fixed"), [
    ("id", "20 Maret 2026", "20 Maret 2026 14.05", "1.234.567,5", "1.234.567,50"),
    ("en", "20 March 2026", "20 March 2026 14:05", "1,234,567.5", "1,234,567.50"),
], ids=["id", "en"])
def test_dates_and_numbers(app, lang, day, moment, number, fixed):
    utc = datetime(2026, 3, 20, 7, 5, tzinfo=timezone.utc)
    with app.test_request_context(f"/?lang={lang}"):
        assert format_tanggal(date(2026, 3, 20)) == day
        assert format_tanggal_waktu(utc) == moment
        assert format_tanggal_waktu(utc.replace(tzinfo=None)) == moment  # naive = UTC
        assert format_angka(1234567.5) == number
        assert format_angka(1234567.5, 2) == fixed
        assert format_tanggal(None) == format_tanggal_waktu(None) == format_angka(None) == "-"
        rendered = render_template_string(
            "{{ d|tanggal }}|{{ t|tanggal_waktu }}|{{ n|angka }}|{{ n|angka(2) }}|{{ none|tanggal }}",
            d=date(2026, 3, 20), t=utc, n=1234567.5, none=None)
        assert rendered == f"{day}|{moment}|{number}|{fixed}|-"


def test_templates_translate_in_the_locale_in_force(app):
    """The templates' cached translations follow the request's locale and force_locale, in and out."""
    template = "{{ _('Beranda') }}"
    with app.test_request_context("/?lang=en"):
        assert render_template_string(template) == "Home"
        with force_locale("id"):
            assert render_template_string(template) == "Beranda"
        assert render_template_string(template) == "Home"
    with app.test_request_context("/?lang=id"):
        assert render_template_string(template) == "Beranda"
        with force_locale("en"):
            assert render_template_string("{{ _('Anda telah keluar.') }}") == "You have logged out."


def test_dates_late_utc_evening_is_next_day_in_jakarta(app):
    with app.test_request_context("/"):
        assert format_tanggal(datetime(2026, 3, 19, 20, 0, tzinfo=timezone.utc)) == "20 Maret 2026"
        with force_locale("en"):
            assert format_tanggal(date(2026, 3, 20)) == "20 March 2026"


def test_formatting_outside_any_context_uses_indonesian():
    assert format_tanggal(date(2026, 3, 20)) == "20 Maret 2026"
    assert format_tanggal(date(2026, 3, 20), locale="en") == "20 March 2026"
    assert format_tanggal_waktu(datetime(2026, 3, 20, 7, 5, tzinfo=timezone.utc)) == "20 Maret 2026 14.05"
    assert format_angka(1234567) == "1.234.567"


def test_selector_is_not_called_outside_requests(tmp_path):
    app = Flask(__name__, instance_path=str(tmp_path / "inst"))
    app.config.update(BABEL_DEFAULT_LOCALE="id")

    def selector():
        raise AssertionError("selector called outside a request")

    init_i18n(app, selector)
    with app.app_context():
        assert str(get_locale()) == "id"
        assert format_tanggal(date(2026, 3, 20)) == "20 Maret 2026"


# --- catalogues -------------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["admin.po", "wtforms.po"])
def test_indonesian_catalogues_are_complete_and_well_formed(name):
    catalog = load(ID_DIR / name)
    assert catalog.locale_identifier == "id"
    assert catalog.num_plurals == 1 and catalog.plural_expr == "0"
    assert catalog.fuzzy is False
    empty, fuzzy = [], []
    for message in catalog:
        if not message.id:
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not strings or not all(strings):
            empty.append(message.id)
        if message.fuzzy:
            fuzzy.append(message.id)
    assert empty == []
    assert fuzzy == []
    problems = [(message.id, [str(e) for e in errors]) for message, errors in catalog.check()]
    assert problems == []
    for message in catalog:  # str.format placeholders ({extensions}) must survive too
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            expected = set(re.findall(r"\{(\w*)\}", " ".join(ids)))
            for string in strings:
                assert set(re.findall(r"\{(\w*)\}", string)) == expected, message.id


def test_admin_catalogue_covers_every_flask_admin_msgid():
    upstream = {m.id for m in load(ADMIN_CATALOGUES / "en" / "LC_MESSAGES" / "admin.po") if m.id}
    ours = {m.id for m in load(ID_DIR / "admin.po") if m.id}
    assert len(upstream) == 116
    assert upstream - ours == set()


def test_wtforms_catalogue_covers_every_wtforms_msgid():
    upstream = {m.id for m in load(Path(messages_path()) / "wtforms.pot") if m.id}
    ours = {m.id for m in load(ID_DIR / "wtforms.po") if m.id}
    assert len(upstream) == 39
    assert upstream - ours == set()
    # flask-admin validators and fields translate through the field, i.e. this domain
    assert {"Not a valid choice", "Invalid JSON",
            ("At least %(num)d item is required", "At least %(num)d items are required")} <= ours


def test_english_catalogue_header():
    catalog = load(EN_DIR / "messages.po")
    assert catalog.locale_identifier == "en"
    assert catalog.num_plurals == 2
    assert catalog.charset == "utf-8"
    assert all(m.string for m in catalog if m.id)


def _strings(message) -> tuple:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def test_english_catalogue_is_fully_translated():
    """No entry of en/messages.po is left untranslated or fuzzy (write_mo drops fuzzy entries)."""
    catalog = load(EN_DIR / "messages.po")
    assert catalog.fuzzy is False
    entries = [m for m in catalog if m.id]
    untranslated = [m.id for m in entries if not all(_strings(m))]
    fuzzy = [m.id for m in entries if m.fuzzy]
    assert untranslated == [], f"{len(untranslated)} untranslated entries in en/messages.po"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy entries in en/messages.po: translate them, drop the flag"
    # %(name)s placeholders and plural forms (babel's checkers), and str.format {name} placeholders
    assert [(m.id, [str(e) for e in errors]) for m, errors in catalog.check()] == []
    for message in entries:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        expected = set(re.findall(r"\{(\w*)\}", " ".join(ids)))
        for string in _strings(message):
            assert set(re.findall(r"\{(\w*)\}", string)) == expected, message.id


def _extract_source_catalogue() -> Catalog:
    """What `pybabel extract` in translations/extract.sh collects from lpks/, admin/ and templates/, as a Catalog."""
    # Same mapping file, and babel's default keywords plus the --keyword options read from
    # extract.sh itself, so the test cannot drift from the script.
    script = (SOURCE_DIR / "extract.sh").read_text(encoding="utf-8")
    specs = re.findall(r'--keyword\s+"([^"]+)"', script)
    assert specs, "no --keyword option found in extract.sh"
    keywords = {**DEFAULT_KEYWORDS, **parse_keywords(specs)}
    with (SOURCE_DIR / "babel.cfg").open(encoding="utf-8") as fileobj:
        method_map, options_map = parse_mapping_cfg(fileobj, filename=str(SOURCE_DIR / "babel.cfg"))
    catalog = Catalog(locale=None, domain="messages")
    package = SOURCE_DIR.parents[1]  # the repository root: the mapping's patterns are relative to it
    for filename, lineno, message, comments, context in extract_from_dir(
            package, method_map, options_map, keywords=keywords, comment_tags=("TRANSLATORS:",)):
        catalog.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return catalog


def test_english_catalogue_is_up_to_date_with_the_source():
    """Every msgid extracted from lpks/ (Python and Jinja) is in en/messages.po: else run extract.sh."""
    source = _extract_source_catalogue()
    extracted = [m for m in source if m.id]
    kinds = {Path(filename).suffix for m in extracted for filename, _lineno in m.locations}
    assert {".py", ".html"} <= kinds, kinds  # both extractors ran (guards against a vacuous pass)
    po = {(m.id, m.context) for m in load(EN_DIR / "messages.po") if m.id}
    missing = [f"{m.locations[0][0]}:{m.locations[0][1]}: {m.id!r}"
               for m in extracted if (m.id, m.context) not in po]
    assert missing == [], (f"{len(missing)} source strings missing from en/messages.po; run "
                           "lpks/translations/extract.sh, then translate the new entries")


SERVICE_ERRORS = {"ServiceError", "Conflict", "Forbidden", "NotFound"}


def _untranslated_error_messages(package: Path) -> list[str]:
    """Calls of a service error whose message is an f-string, a string literal or built with + or %."""
    found = []
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
            message = node.args[0] if node.args else next(
                (k.value for k in node.keywords if k.arg == "message"), None)
            if name not in SERVICE_ERRORS or message is None:
                continue
            if (isinstance(message, (ast.JoinedStr, ast.BinOp))
                    or isinstance(message, ast.Constant) and isinstance(message.value, str)):
                found.append(f"{path.relative_to(package.parent)}:{node.lineno}: {ast.unparse(message)[:80]}")
    return found


def test_service_error_messages_go_through_gettext():
    """ServiceError/Conflict/Forbidden/NotFound messages are _("... %(name)s ...", name=...), never f-strings
    or bare literals, so every error a user reads is in en/messages.po."""
    assert _untranslated_error_messages(SOURCE_DIR.parent) == []


def test_the_error_message_scan_finds_fstrings_and_literals(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "mod.py").write_text(
        'raise ServiceError(f"{label} wajib diisi.", key)\n'
        'raise errors.Conflict("Sudah ada.")\n'
        'raise Forbidden(message="Tidak boleh.")\n'
        'raise NotFound("Data " + name)\n'
        'raise ServiceError(_("%(label)s wajib diisi.", label=label), key)\n'
        'raise NotFound()\n', encoding="utf-8")
    assert [line.split(":")[1] for line in _untranslated_error_messages(package)] == ["1", "2", "3", "4"]


# --- compilation ------------------------------------------------------------------------------

def test_compilation_is_skipped_when_up_to_date(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(SOURCE_DIR, source, ignore=shutil.ignore_patterns("*.mo", "*.pot", "*.sh", "*.cfg"))
    target = tmp_path / "compiled"
    written = compile_catalogues(target, source)
    assert sorted(p.relative_to(target).as_posix() for p in written) == [
        "en/LC_MESSAGES/messages.mo", "id/LC_MESSAGES/admin.mo", "id/LC_MESSAGES/wtforms.mo"]
    stamps = {p: p.stat().st_mtime_ns for p in written}

    assert compile_catalogues(target, source) == []
    assert {p: p.stat().st_mtime_ns for p in written} == stamps

    po = source / "id" / "LC_MESSAGES" / "wtforms.po"
    later = target.joinpath("id/LC_MESSAGES/wtforms.mo").stat().st_mtime_ns + 10**9
    os.utime(po, ns=(later, later))
    assert compile_catalogues(target, source) == [target / "id" / "LC_MESSAGES" / "wtforms.mo"]
    assert compile_catalogues(target, source) == []  # even though the .po is dated in the future

    mo = target / "en" / "LC_MESSAGES" / "messages.mo"
    earlier = source.joinpath("en/LC_MESSAGES/messages.po").stat().st_mtime_ns - 10**9
    os.utime(mo, ns=(earlier, earlier))  # the .mo is older than its .po
    assert compile_catalogues(target, source) == [mo]
    assert compile_catalogues(target, source) == []

    (target / "id" / "LC_MESSAGES" / "admin.mo").unlink()
    assert compile_catalogues(target, source) == [target / "id" / "LC_MESSAGES" / "admin.mo"]
    assert not list(target.rglob("*.tmp"))

    with (target / "id" / "LC_MESSAGES" / "admin.mo").open("rb") as fp:
        assert Translations(fp, domain="admin").ugettext("Save") == "Simpan"


def test_init_i18n_compiles_into_the_instance_once(tmp_path):
    first = make_app(tmp_path, "inst")
    state = first.extensions["lpks_i18n"]
    assert state.directory == Path(first.instance_path) / "translations"
    assert len(state.compiled) == 3
    assert first.config["BABEL_TRANSLATION_DIRECTORIES"] == str(state.directory)
    again = make_app(tmp_path, "inst")  # a second worker on the same instance folder
    assert again.extensions["lpks_i18n"].compiled == []


def test_concurrent_compilation_is_safe(tmp_path):
    target = tmp_path / "compiled"
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda _: compile_catalogues(target), range(6)))
    mos = sorted(p.relative_to(target).as_posix() for p in target.rglob("*.mo"))
    assert mos == ["en/LC_MESSAGES/messages.mo", "id/LC_MESSAGES/admin.mo", "id/LC_MESSAGES/wtforms.mo"]
    assert not list(target.rglob("*.tmp"))
    for mo in target.rglob("*.mo"):
        with mo.open("rb") as fp:
            Translations(fp)  # parses
