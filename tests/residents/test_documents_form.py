"""The placement page records every required document in one form (issue 17): the filled rows together, blank rows
skipped, every problem reported at once naming its document, nothing written unless all filled rows pass; a scan
stands in for a number (RULES §4)."""
from __future__ import annotations

import io
import re

from sqlalchemy import func, select

from lpks.residents.models.placement import PlacementDocument
from tests.conftest import csrf_token
from tests.registry.conftest import PDF

from .conftest import make_placement


def _form(client, placement) -> tuple[str, str, list[str]]:
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-testid="documents-form"' in page and 'enctype="multipart/form-data"' in page
    codes = re.findall(r'name="([\w]+)-code" type="hidden"', page) or re.findall(r'id="([\w]+)-code"', page)
    return url, csrf_token(client, url), codes


def _count(session, placement) -> int:
    session.rollback()
    return session.scalar(select(func.count()).select_from(PlacementDocument)
                          .where(PlacementDocument.placement_id == placement["id"]))


def test_all_documents_in_one_submit(operator, client, clock, session):
    placement = make_placement(operator)
    url, token, codes = _form(client, placement)
    assert len(codes) >= 4  # a titipan: request, detention, case summary, consent… (Pasal 11 ayat 2)
    data = {"csrf_token": token}
    for i, code in enumerate(codes):
        data[f"{code}-dated"] = "2025-08-11"
        if i == 0:
            data[f"{code}-file"] = (io.BytesIO(PDF), "surat.pdf")  # a scan instead of a number
        else:
            data[f"{code}-number"] = f"B/{i}"
    done = client.post(f"/admin/placement/documents/?id={placement['id']}", data=data,
                       content_type="multipart/form-data", follow_redirects=True).get_data(as_text=True)
    assert "Dokumen dicatat." in done and 'data-testid="documents-form"' not in done
    assert 'data-testid="missing"' not in done and 'data-testid="scan-link"' in done
    assert _count(session, placement) == len(codes)


def test_every_problem_at_once_and_nothing_written(operator, client, clock, session):
    placement = make_placement(operator)
    _url, token, codes = _form(client, placement)
    first, second, third = codes[:3]
    data = {"csrf_token": token,
            f"{first}-dated": "2025-08-11", f"{first}-number": "B/1",     # fine
            f"{second}-dated": "2025-08-12", f"{second}-number": "B/2",   # dated tomorrow
            f"{third}-number": "B/3"}                                      # no date
    page = client.post(f"/admin/placement/documents/?id={placement['id']}", data=data,
                       follow_redirects=True).get_data(as_text=True)
    labels = {doc["code"]: doc["label"] for doc in placement["documents"]}
    assert labels[second] in page and labels[third] in page  # each problem names its document
    assert "Dokumen dicatat." not in page
    assert _count(session, placement) == 0  # the good row waits for the others


def test_an_empty_form_says_what_to_fill(operator, client, clock, session):
    placement = make_placement(operator)
    _url, token, _codes = _form(client, placement)
    page = client.post(f"/admin/placement/documents/?id={placement['id']}", data={"csrf_token": token},
                       follow_redirects=True).get_data(as_text=True)
    assert "setidaknya satu dokumen" in page and _count(session, placement) == 0


def test_a_posted_code_is_not_trusted(operator, client, clock, session):
    placement = make_placement(operator)
    _url, token, codes = _form(client, placement)
    client.post(f"/admin/placement/documents/?id={placement['id']}",
                data={"csrf_token": token, f"{codes[0]}-code": "putusan_pengadilan", f"{codes[0]}-dated": "2025-08-11",
                      f"{codes[0]}-number": "B/1"})
    session.rollback()
    assert session.scalar(select(PlacementDocument.code).where(
        PlacementDocument.placement_id == placement["id"])) == codes[0]
