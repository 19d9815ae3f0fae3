"""A new LPKS operator, in the web interface only: register a child, place it on titipan, file the documents,
record the titipan period, admit, print and record the notice letter, and hand the child to the depositing agency
— following links and submitting the forms the pages show."""
from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.placement import Placement
from tests.conftest import login

from .conftest import Api, make_resident


class Forms(HTMLParser):
    """The forms of a page: action, data-testid, and their fields with default values."""

    def __init__(self, html: str):
        super().__init__()
        self.forms: list[dict] = []
        self._select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            self.forms.append({"action": attrs.get("action", ""), "testid": attrs.get("data-testid"), "fields": {}})
        elif not self.forms:
            return
        elif tag == "input" and attrs.get("name") and attrs.get("type") not in ("checkbox", "submit"):
            self.forms[-1]["fields"][attrs["name"]] = attrs.get("value", "")
        elif tag in ("textarea",) and attrs.get("name"):
            self.forms[-1]["fields"][attrs["name"]] = ""
        elif tag == "select":
            self._select = attrs.get("name")
        elif tag == "option" and self._select and (self._select not in self.forms[-1]["fields"]
                                                   or "selected" in attrs):
            self.forms[-1]["fields"][self._select] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None

    def find(self, testid: str = None, action_part: str = None) -> list[dict]:
        return [f for f in self.forms if (testid is None or f["testid"] == testid)
                and (action_part is None or action_part in f["action"])]


def link(html: str, pattern: str) -> str:
    match = re.search(r'href="([^"]*%s[^"]*)"' % pattern, html)
    assert match, pattern
    return match.group(1).replace("&amp;", "&")


def submit(client, form: dict, **values):
    fields = {**form["fields"], **values}
    return client.post(form["action"].replace("&amp;", "&"), data=fields)


def test_admission_to_notice_letter_to_pick_up(seeded, client, session, clock):
    clock(date(2025, 8, 11))
    home = login(client, "operator.pasuruan")
    assert home.status_code == 302
    dashboard = client.get("/").get_data(as_text=True)
    residents_page = client.get(link(dashboard, "/admin/resident/")).get_data(as_text=True)

    # 1. register the child
    new_url = link(residents_page, "/admin/resident/new/")
    form = [f for f in Forms(client.get(new_url).get_data(as_text=True)).forms if "full_name" in f["fields"]][0]
    form["action"] = form["action"] or new_url
    created = submit(client, form, full_name="Joko Susilo", birth_date="2010-03-15", sex="laki_laki", kind="anak",
                     offence_date="2025-08-09", offence_description="Pencurian telepon genggam",
                     parent_guardian="Sutrisno", address="Jl. Kenanga 5, Kota Pasuruan")
    assert created.status_code == 302
    details = client.get(created.headers["Location"]).get_data(as_text=True)
    assert "J.S." in details and "Joko" not in details

    # 2. a titipan placement
    placement_page = client.get(link(details, "/admin/placement/add/")).get_data(as_text=True)
    form = Forms(placement_page).find("placement-form")[0]
    response = client.post(form["action"] or link(details, "/admin/placement/add/"),
                           data={**form["fields"], "basis": "titipan", "conditions": "tidak_tersedia_lpas",
                                 "suspected_violence": "tidak",
                                 "start_date": "2025-08-11"})
    assert response.status_code == 302, response.get_data(as_text=True)
    placement_url = response.headers["Location"]
    page = client.get(placement_url).get_data(as_text=True)
    assert "Menunggu kelengkapan" in page and "Surat permohonan penitipan" in page

    # 3. admission is refused until the documents are on file
    refused = client.post(Forms(page).find("admit-form")[0]["action"].replace("&amp;", "&"),
                          data=Forms(page).find("admit-form")[0]["fields"], follow_redirects=True)
    assert "dokumen yang belum dilampirkan" in refused.get_data(as_text=True)
    form = Forms(page).find("documents-form")[0]  # all in one form, each with its date and number (RULES §4)
    prefixes = [name[:-len("code")] for name in form["fields"] if name.endswith("-code")]
    assert len(prefixes) > 1
    assert submit(client, form, **{f"{p}dated": "2025-08-11" for p in prefixes},
                  **{f"{p}number": f"B/{i}" for i, p in enumerate(prefixes)}).status_code == 302
    page = client.get(placement_url).get_data(as_text=True)
    assert not Forms(page).find("documents-form") and 'data-testid="missing"' not in page

    # 4. the titipan period: 7 days at the investigation level
    form = Forms(page).find("custody-form")[0]
    assert submit(client, form, level="penyidikan", start_date="2025-08-11", granted_days="7", letter_number="SP/77",
                  depositor_agency="Satreskrim Polres Pasuruan Kota", depositor_superior="Kapolda Jawa Timur"
                  ).status_code == 302

    # 5. admit
    page = client.get(placement_url).get_data(as_text=True)
    assert submit(client, Forms(page).find("admit-form")[0]).status_code == 302
    page = client.get(placement_url).get_data(as_text=True)
    assert "Sedang ditempatkan" in page and "17 Agustus 2025" in page and "14 Agustus 2025" in page

    # 6. print the notice letter (an audited view of the identity) and record that it was sent
    print_form = [f for f in Forms(page).forms if "/print/pemberitahuan/" in f["action"]][0]
    letter = submit(client, print_form).get_data(as_text=True)
    assert "Joko Susilo" in letter and "Tembusan" in letter and "Kapolda Jawa Timur" in letter
    assert submit(client, Forms(page).find("notice-form")[0], notice_number="400/77/LPKS",
                  notice_sent_on="2025-08-11").status_code == 302
    page = client.get(placement_url).get_data(as_text=True)
    assert "400/77/LPKS" in page

    # 7. the police pick the child up
    form = Forms(page).find("exit-form")[0]
    done = submit(client, form, exit_reason="picked_up_by_depositor", exit_date="2025-08-11")
    assert done.status_code == 302
    page = client.get(placement_url).get_data(as_text=True)
    assert "Telah keluar" in page and "Dijemput lembaga penitip" in page

    session.rollback()
    placement = session.scalar(select(Placement).order_by(Placement.id.desc()))
    assert placement.status == "exited" and placement.exit_reason == "picked_up_by_depositor"
    actions = session.scalars(select(AuditLog.action).where(AuditLog.username == "operator.pasuruan")).all()
    assert "view_identity" in actions and actions.count("create") >= 8


def test_errors_in_the_placement_form_are_shown_beside_the_field(seeded, client, clock):
    clock(date(2025, 8, 11))
    resident = make_resident(Api(client, "operator.pasuruan"))
    details = client.get(f"/admin/resident/details/?id={resident['id']}").get_data(as_text=True)
    add = link(details, "/admin/placement/add/")
    form = Forms(client.get(add).get_data(as_text=True)).find("placement-form")[0]
    page = client.post(add, data={**form["fields"], "basis": "court_decision", "months": "13"}).get_data(as_text=True)
    assert "invalid-feedback" in page and "Pasal 13 ayat 4" in page
    taken = client.post(add, data={**form["fields"], "basis": "titipan"}).get_data(as_text=True)
    assert "Pasal 11 ayat 1" in taken  # a titipan needs one of its reasons
