"""Two users edit the same record (a resident, an LPKS profile, a placement): the first save wins, the second is
refused with a message, through the web form (its hidden version) and through the API (409) — never overwritten."""
from __future__ import annotations

from html.parser import HTMLParser

import pytest
from sqlalchemy import select

from lpks.registry.models.institution import Institution
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from tests.conftest import csrf_token
from tests.residents.conftest import (  # noqa: F401
    PASURUAN_CITY,
    Api,
    clock,
    make_placement,
    make_resident,
    seeded,
)

REFUSED = "telah diubah oleh pengguna lain"


class _Forms(HTMLParser):
    """Every form of a page: its action and the values its fields would submit."""

    def __init__(self):
        super().__init__()
        self.forms, self._text = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action") or "", "fields": {}})
        elif self.forms and tag in ("input", "textarea", "select") and a.get("name"):
            fields = self.forms[-1]["fields"]
            if tag == "input" and a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if tag != "input" or a.get("type") not in ("submit", "button", "file"):
                fields.setdefault(a["name"], a.get("value") or "")
            self._text = a["name"] if tag == "textarea" else None
            self._select = a["name"] if tag == "select" else None
        elif tag == "option" and self.forms and getattr(self, "_select", None) and "selected" in a:
            self.forms[-1]["fields"][self._select] = a.get("value") or ""

    def handle_data(self, data):
        if self._text and self.forms:
            self.forms[-1]["fields"][self._text] += data

    def handle_endtag(self, tag):
        if tag in ("textarea", "select"):
            self._text = self._select = None


def form_with(html: str, action_part: str, page: str) -> dict:
    parser = _Forms()
    parser.feed(html)
    found = [f for f in parser.forms if action_part in f["action"] and "version" in f["fields"]]
    assert found, f"no form posting to {action_part} with a version"
    return {**found[0], "action": found[0]["action"] or page}  # no action: the form posts to its own page


def _resident(app, session):
    api = Api(app.test_client(), "operator.pasuruan")
    ident = make_resident(api)["id"]

    def open_form(client):
        token = csrf_token(client, f"/admin/resident/details/?id={ident}")
        html = client.post(f"/admin/resident/identity/?id={ident}", data={"csrf_token": token}).get_data(as_text=True)
        return form_with(html, "/identity/save/", "")

    def stored():
        session.rollback()
        return session.get(Resident, ident).address
    return ("operator.pasuruan", "operator.pasuruan"), open_form, "address", stored, f"/residents/{ident}", "full_name"


def _institution(app, session):
    ident = session.scalar(select(Institution.id).where(Institution.name == PASURUAN_CITY))

    def open_form(client):
        page = f"/admin/registry/{ident}/profile"
        return form_with(client.get(page).get_data(as_text=True), "", page)

    def stored():
        session.rollback()
        return session.get(Institution, ident).vision
    return ("operator.pasuruan", "dinsos.pasuruan"), open_form, "vision", stored, f"/institutions/{ident}", "name"


def _placement(app, session):
    api = Api(app.test_client(), "operator.pasuruan")
    ident = make_placement(api)["id"]

    def open_form(client):
        page = f"/admin/placement/details/?id={ident}"
        return form_with(client.get(page).get_data(as_text=True), "/update/", page)

    def stored():
        session.rollback()
        return session.get(Placement, ident).note
    return ("operator.pasuruan", "operator.pasuruan"), open_form, "note", stored, f"/placements/{ident}", "note"


@pytest.mark.parametrize("record", [_resident, _institution, _placement], ids=["resident", "institution", "placement"])
def test_second_save_of_the_same_record_is_refused(seeded, clock, app, session, record):
    users, open_form, field, stored, api_path, api_field = record(app, session)
    first, second = (Api(app.test_client(), user) for user in users)
    forms = [open_form(first.client), open_form(second.client)]  # both users open the form at the same version
    assert forms[0]["fields"]["version"] == forms[1]["fields"]["version"] != ""
    saved = first.client.post(forms[0]["action"], data={**forms[0]["fields"], field: "Disimpan pengguna pertama"})
    assert saved.status_code == 302, saved.get_data(as_text=True)[:3000]
    late = second.client.post(forms[1]["action"], data={**forms[1]["fields"], field: "Ditimpa pengguna kedua"},
                              follow_redirects=True)
    assert REFUSED in late.get_data(as_text=True)
    assert stored() == "Disimpan pengguna pertama"

    # the API: both read the same version, the first PATCH wins, the second gets 409 naming the version
    version = first.get(api_path).get_json()["version"]
    assert first.patch(api_path, {api_field: "Jalan Pertama 1", "version": version}).status_code == 200
    stale = second.patch(api_path, {api_field: "Jalan Kedua 2", "version": version})
    assert stale.status_code == 409 and stale.get_json()["field"] == "version", stale.get_json()
    assert stale.get_json()["message"]
    assert first.get(api_path).get_json()["version"] == version + 1  # only the first PATCH was written
