"""No English word and no internal code on a page of the Indonesian interface: each demo role walks its menu and
the detail pages of the demo's records, and every page's visible text is compared with the English catalogue's
words and the system's codes (tests/ux/visible_text.py)."""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from urllib.parse import urlsplit

import pytest
from lxml import html as lxml_html

from tests.conftest import login
from tests.ux.visible_text import english_words, page_findings, visible_text

ROLES = ["operator.pasuruan", "dinsos.pasuruan", "dinsos.jatim", "kemensos", "admin", "peksos.pasuruan",
         "datin.pasuruan"]
# Files, prints, the language switch and the way out are not pages of the interface (prints are letters in their
# own right; the PDFs are checked by their own tests).
SKIP = re.compile(r"logout|export|download|/static/|print|pdf|xlsx|csv|lang|locale|/api/|page_size|sort=|flt\d|"
                  r"page=|certificate|template")
MAX_DEPTH = 3
PER_SHAPE = 1  # one page per kind of page (a list, a record's details, a tab) is enough to see its words


def _shape(url: str) -> str:
    """The kind of page: the path with its numbers masked and the names (not values) of its parameters."""
    parts = urlsplit(url)
    names = sorted({p.split("=")[0] for p in parts.query.split("&") if p} - {"url"})
    return re.sub(r"\d+", "N", parts.path) + "?" + "&".join(names)


def crawl(client, start: str = "/", max_pages: int = 150) -> dict[str, set[str]]:
    """Walk the pages reachable from `start` by their links; return {finding: {urls}} for every page read."""
    found: dict[str, set[str]] = defaultdict(set)
    depth, shapes, queue = {start: 0}, Counter(), [start]
    while queue and len(depth) <= max_pages:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code < 500, f"{url} answered {response.status_code}"
        if response.status_code != 200 or "text/html" not in response.content_type:
            continue
        body = response.get_data(as_text=True)
        for token in page_findings(body):
            found[token].add(url)
        if depth[url] >= MAX_DEPTH:
            continue
        for href in lxml_html.fromstring(body).xpath("//a/@href"):
            href = href.split("#")[0]
            if not href.startswith("/") or href.startswith("//") or SKIP.search(href) or href in depth:
                continue
            shape = _shape(href)
            if shapes[shape] < PER_SHAPE:
                shapes[shape] += 1
                depth[href] = depth[url] + 1
                queue.append(href)
    return found


@pytest.mark.parametrize("username", ROLES)
def test_every_page_of_each_role_reads_indonesian(demo, client, username):
    login(client, username)
    found = crawl(client)
    report = "\n".join(f"  {token!r} on {sorted(urls)[:3]}" for token, urls in sorted(found.items()))
    assert not found, f"English words or internal codes seen by {username}:\n{report}"


BAD_PAGE = """<html><body><nav><a href="/">Beranda</a></nav>
<table><tr><th>Peran</th><td>dinsos_kabkota</td></tr><tr><th>Status</th><td>proposed</td></tr>
<tr><th>Langkah</th><td>designate</td></tr></table>
<p>Instrumen bawaan (RULES §3). Hasil yang sama di /api/v1/rules/custody. Dibuat 2026-12-02.</p>
<input type="submit" value="Submit"><span class="d-none">kabupaten_kota</span>
<script>var hidden = "kerja_sama";</script></body></html>"""
GOOD_PAGE = """<html><body><h1>Data anak</h1><table><tr><th>Peran</th><td>Dinas Sosial Kabupaten/Kota</td></tr>
<tr><th>Status</th><td>Diusulkan ke Dinas Sosial provinsi</td></tr><tr><th>Tanggal</th><td>2 Desember 2026</td></tr>
</table><input type="submit" value="Simpan"><span class="d-none">kabupaten_kota</span></body></html>"""


def test_the_check_finds_codes_and_english_words():
    """The crawl can fail: a page showing role and status codes, an English step, a rule reference, an API path, an
    ISO date and an English button is refused on each; what a person cannot see (hidden, scripts) is not read."""
    found = page_findings(BAD_PAGE)
    assert {"dinsos_kabkota", "proposed", "designate", "RULES §", "/api/v1", "2026-12-02", "Submit"} <= found
    assert "kabupaten_kota" not in found and "kerja_sama" not in found
    assert page_findings(GOOD_PAGE) == set()


def test_the_english_word_list_comes_from_the_catalogue():
    words = english_words()
    assert {"submit", "designate", "save", "list"} <= words  # English msgstr / flask-admin msgids
    assert not {"data", "status", "lpks", "kabupaten"} & words  # words Indonesian uses as well


def test_visible_text_leaves_out_what_nobody_sees():
    text = visible_text(BAD_PAGE)
    assert "dinsos_kabkota" in text and "Submit" in text
    assert "kerja_sama" not in text and "kabupaten_kota" not in text


def test_a_crawl_follows_links_and_fails_on_a_code():
    """The crawl reads the pages a page links to and reports the code one of them shows, with its address."""
    from flask import Flask

    site = Flask(__name__)
    site.add_url_rule("/", "home", lambda: '<html><body><a href="/anak">Data anak</a> <a href="/logout">x</a></body></html>')
    site.add_url_rule("/anak", "child", lambda: "<html><body><p>Jenis kelamin: laki_laki</p></body></html>")
    assert crawl(site.test_client()) == {"laki_laki": {"/anak"}}
