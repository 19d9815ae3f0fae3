"""What a person reads on a page, and what in it is not Indonesian: English words (from the catalogues) and the
system's internal codes (role and status codes, snake_case names, rule references, API paths)."""
from __future__ import annotations

import enum
import functools
import importlib
import pkgutil
import re
from pathlib import Path

from babel.messages.pofile import read_po
from lxml import html as lxml_html

TRANSLATIONS = Path(__file__).resolve().parents[2] / "lpks" / "translations"
WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")
PLACEHOLDER = re.compile(r"%\(\w+\)[sdf]|%[sdf]|\{[\w.]*\}")
# Indonesian words (and names Indonesians write as they are) that no msgid holds: enumeration values, and words
# English shares.
INDONESIAN_CODES = frozenset({
    "map",  # a folder ("Arsip LPKS, map nomor 3"), also English
    "administrasi", "aksesibilitas", "analisis", "babinsa", "bhabinkamtibmas", "hakim", "identifikasi", "intervensi",
    "kasasi", "lainnya", "lapor", "motivasi", "mpp", "peksos", "pelanggaran", "pengasuh", "penunjang", "penuntutan",
    "penyidikan", "polsek", "psikolog", "seleksi", "sepakat", "website", "whatsapp"})
HIDDEN_CLASSES = {"d-none", "sr-only-focusable"}
# Codes that leak from the code into a page: a snake_case name, a rule reference of the project's spec, an API path.
CODE_PATTERNS = [
    re.compile(r"\b[a-z][a-z0-9]*(?:_[a-z0-9]+)+\b"),
    re.compile(r"RULES\s*§"),
    re.compile(r"/api/v\d"),
    re.compile(r"\b\d{4}-\d{2}-\d{2}\b"),  # an ISO date: dates read "2 Desember 2026"
]


def _words(text: str) -> set[str]:
    return {w.lower() for w in WORD.findall(PLACEHOLDER.sub(" ", text or ""))}


def _entries(domain: str, lang: str):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as fp:
        for message in read_po(fp):
            if not message.id:
                continue
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            yield ids, strings


@functools.cache
def indonesian_words() -> frozenset[str]:
    """Every word of the Indonesian texts: LPKS msgids, and the Indonesian catalogues of flask-admin and WTForms."""
    words: set[str] = set()
    for ids, _ in _entries("messages", "en"):
        for text in ids:
            words |= _words(text)
    for domain in ("admin", "wtforms"):
        for _, strings in _entries(domain, "id"):
            for text in strings:
                words |= _words(text)
    return frozenset(words)


@functools.cache
def english_words() -> frozenset[str]:
    """Words of the English texts (LPKS msgstr, flask-admin's and WTForms' msgids) that Indonesian does not use."""
    words: set[str] = set()
    for _, strings in _entries("messages", "en"):
        for text in strings:
            words |= _words(text)
    for domain in ("admin", "wtforms"):
        for ids, _ in _entries(domain, "id"):
            for text in ids:
                words |= _words(text)
    return frozenset(w for w in words - indonesian_words() - INDONESIAN_CODES if len(w) > 1)


@functools.cache
def status_codes() -> frozenset[str]:
    """The values of the domain's enumerations (statuses, events, kinds) that are not Indonesian words."""
    import accreditation
    import lpks

    codes: set[str] = set()
    for package in (lpks, accreditation):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if ".migrations" in info.name or info.name.endswith(("cli", "wsgi")):
                continue
            try:
                module = importlib.import_module(info.name)
            except Exception:  # noqa: BLE001 - a module that needs an app context has no enum to offer
                continue
            for value in vars(module).values():
                if isinstance(value, type) and issubclass(value, enum.Enum) and value.__module__ == info.name:
                    codes |= {m.value for m in value if isinstance(m.value, str) and re.fullmatch(r"[a-z]+", m.value)}
    return frozenset(codes - indonesian_words() - INDONESIAN_CODES)


def visible_text(page: str) -> str:
    """The text a person sees: text nodes (not scripts, styles or hidden elements), button values, placeholders,
    titles."""
    doc = lxml_html.fromstring(page)
    for element in doc.xpath("//script|//style|//template|//noscript|//*[@hidden]|//input[@type='hidden']"):
        element.drop_tree()
    for element in doc.xpath("//*[@class]"):
        if HIDDEN_CLASSES & set(element.get("class", "").split()) and element.getparent() is not None:
            element.drop_tree()
    parts = []
    for element in doc.iter():
        if not isinstance(element.tag, str):
            continue
        if element.tag == "input" and element.get("type") in ("submit", "button", "reset"):
            parts.append(element.get("value") or "")
        for attribute in ("placeholder", "title", "aria-label"):
            if element.get(attribute):
                parts.append(element.get(attribute))
    parts.extend(doc.itertext())
    return " \n".join(p.strip() for p in parts if p and p.strip())


def foreign_tokens(text: str) -> set[str]:
    """What in `text` is an English word or an internal code."""
    english, codes = english_words(), status_codes()
    found = {w for w in WORD.findall(text) if w.lower() in english or w in codes}
    for pattern in CODE_PATTERNS:
        found |= set(pattern.findall(text))
    return found


def page_findings(page: str) -> set[str]:
    """English words and internal codes a person would see on an HTML page."""
    return foreign_tokens(visible_text(page))
