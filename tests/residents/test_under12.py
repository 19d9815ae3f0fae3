"""Under-12 placements record the court's determination (Pasal 10 ayat 3, issue 12 item 6): the submission and
its deadline, the determination, and the dashboard flag while it is late; through the API and the placement page."""
from __future__ import annotations

import re
from datetime import date

from tests.conftest import csrf_token

from .conftest import admitted

UNDER_12 = {"birth_date": "2015-01-01"}  # 10 on the offence date


def _under_12(operator, clock):
    from .conftest import make_resident

    clock(date(2025, 8, 11))
    resident = make_resident(operator, **UNDER_12)
    return admitted(operator, "under_12", resident=resident)


def _admission_tiles(client):
    page = client.get("/").get_data(as_text=True)
    section = page[page.index(">Admisi<"):]
    return section, [(h.replace("&amp;", "&"), int(v))
                     for h, v in re.findall(r'data-testid="tile"><a href="([^"]*)">(\d+)</a>', section)]


def test_submission_deadline_and_determination(operator, client, clock):
    placement = _under_12(operator, clock)
    assert placement["court_determination"] == {**placement["court_determination"], "submitted_on": None,
                                                "deadline": None, "overdue": False}
    path = f"/placements/{placement['id']}/court-determination"
    body = operator.post(path, {"court_submitted_on": "2025-08-11"}).get_json()
    assert body["court_determination"]["deadline"] == "2025-08-14"
    clock(date(2025, 8, 15))
    late = operator.get(f"/placements/{placement['id']}").get_json()["court_determination"]
    assert late["overdue"] is True
    section, tiles = _admission_tiles(client)
    href, count = next((h, c) for h, c in tiles if h.endswith("due=court_determination_overdue"))
    assert count >= 1 and f"/admin/placement/details/?id={placement['id']}" in client.get(href).get_data(as_text=True)
    early = operator.post(path, {"court_determination_number": "3/Pen.Pid.Sus-Anak/2025/PN Psr",
                                 "court_determination_date": "2025-08-10"})
    assert early.status_code == 422 and early.get_json()["field"] == "court_determination_date"
    done = operator.post(path, {"court_determination_number": "3/Pen.Pid.Sus-Anak/2025/PN Psr",
                                "court_determination_date": "2025-08-14"}).get_json()["court_determination"]
    assert (done["number"], done["date"], done["overdue"]) == ("3/Pen.Pid.Sus-Anak/2025/PN Psr", "2025-08-14", False)
    _section, tiles = _admission_tiles(client)
    href, _count = next((h, c) for h, c in tiles if h.endswith("due=court_determination_overdue"))
    assert f"/admin/placement/details/?id={placement['id']}" not in client.get(href).get_data(as_text=True)
    again = operator.post(path, {"court_determination_number": "X", "court_determination_date": "2025-08-15"})
    assert again.status_code == 422 and "tidak dapat diubah" in again.get_json()["message"]
    patched = operator.patch(f"/placements/{placement['id']}", {"court_determination_number": "X",
                                                                "version": placement["version"] + 3})
    assert patched.status_code in (409, 422)


def test_only_for_a_child_under_12(operator, clock):
    placement = admitted(operator, "diversi")
    refused = operator.post(f"/placements/{placement['id']}/court-determination", {"court_submitted_on": "2025-08-11"})
    assert refused.status_code == 422 and "Pasal 10 ayat 3" in refused.get_json()["message"]


def test_the_placement_page_records_it(operator, client, clock):
    placement = _under_12(operator, clock)
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    assert 'data-testid="court-determination"' in page and "tanggal pengajuan + 3 hari" in page
    token = csrf_token(client, url)
    done = client.post(f"/admin/placement/court-determination/?id={placement['id']}",
                       data={"csrf_token": token, "court_submitted_on": "2025-08-11"}, follow_redirects=True)
    assert "14 Agustus 2025" in done.get_data(as_text=True)
    clock(date(2025, 8, 15))
    assert 'data-testid="court-overdue"' in client.get(url).get_data(as_text=True)
