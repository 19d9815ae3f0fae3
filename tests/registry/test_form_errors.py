"""Errors where the person is looking, on the registry's forms (issue 17): the verification names each row it
refuses and keeps every finding typed; "accept the system's count" fills an aspect or an item with the computed
verdict; the LPKS profile reports every bad field at once under its field."""
from __future__ import annotations

import re

from tests.registry.conftest import PASURUAN, ids

from .test_verification import _open


def _round(browse, session):
    verifier = browse("dinsos.pasuruan")
    ver = _open(verifier, ids(session)[PASURUAN]).get_json()
    return verifier, f"/admin/verify/{ver['id']}"


def test_verification_names_each_refused_row_and_keeps_every_finding(browse, session):
    verifier, url = _round(browse, session)
    response = verifier.post(url, {"status-b.visi": "belum", "status-b.misi": "sebagian",
                                   "status-c.pemahaman_rehsos": "terpenuhi", "note-c.pemahaman_rehsos": "Sudah"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for code in ("b.visi", "b.misi"):
        message = re.search(rf'id="note-{re.escape(code)}-error"[^>]*>([^<]*)<', page).group(1)
        assert "catatan wajib diisi" in message and message.startswith("Butir “")  # the row is named by its label
        assert f'href="#note-{code}"' in page
    summary = page[page.index('data-testid="error-summary"'):]
    assert summary[:summary.index("</div>")].count("<li>") == 2
    assert 'value="Sudah"' in page  # the rows that were right keep what was typed
    assert re.search(r'name="status-b.misi"[^>]*>.*?<option value="sebagian" selected', page, re.S)


def test_accepting_the_system_count_fills_the_aspect_without_saving(browse, session):
    verifier, url = _round(browse, session)
    page = verifier.get(url).get_data(as_text=True)
    assert 'data-testid="accept-aspect-b"' in page and "Terima hitungan sistem" in page
    filled = verifier.post(url, {"accept": "aspect:b", "note-c.pemahaman_rehsos": "ketikan saya"})
    text = filled.get_data(as_text=True)
    selects = re.findall(r'<select[^>]*name="status-(b\.[^"]+)"[^>]*data-system-value="([^"]+)"[^>]*>(.*?)</select>',
                         text, re.S)
    assert selects and all(f'value="{system}" selected' in options for _code, system, options in selects)
    assert 'value="ketikan saya"' in text
    assert not re.search(r'name="status-c\.[^"]+"[^>]*>(?:(?!</select>).)*selected', text, re.S)  # only aspect b
    api = verifier.api("GET", "/api/v1/verifications/" + url.rsplit("/", 1)[1]).get_json()
    assert api["findings"] == []  # accepted, not saved: the verifier still reviews and saves
