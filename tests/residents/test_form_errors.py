"""Errors where the person is looking (issue 17): a refused form of the placement page comes back as the same page
with that form's values kept, every error under its field and a summary at the top of the form linking to them;
nothing jumps to an anchor far away."""
from __future__ import annotations

import re

from tests.conftest import csrf_token

from .conftest import make_placement, open_custody


def _error_under(page: str, field_id: str) -> str:
    """The message rendered under the input `field_id` (its aria-describedby target)."""
    found = re.search(rf'id="{re.escape(field_id)}-error"[^>]*>([^<]*)<', page)
    return found.group(1) if found else ""


def test_custody_form_shows_every_error_at_its_field_and_keeps_the_input(operator, client, clock):
    placement = make_placement(operator)
    url = f"/admin/placement/details/?id={placement['id']}"
    form = {"csrf_token": csrf_token(client, url), "level": "penyidikan", "start_date": "kemarin",
            "granted_days": "tujuh", "letter_number": "SP/77/VIII", "depositor_agency": "",
            "depositor_superior": "Kapolda Jawa Timur", "confirm_gap": "tidak"}
    response = client.post(f"/admin/placement/custody/?id={placement['id']}", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Location" not in response.headers  # no redirect to #titipan
    assert "Tanggal mulai titipan" in _error_under(page, "custody-start_date")
    assert "Jumlah hari titipan" in _error_under(page, "custody-granted_days")
    assert "Lembaga penitip" in _error_under(page, "custody-depositor_agency")
    summary = page[page.index('data-testid="error-summary"'):]
    summary = summary[:summary.index("</div>")]
    assert summary.count("<li>") == 3 and 'href="#custody-start_date"' in summary
    assert 'value="SP/77/VIII"' in page and 'value="kemarin"' in page and 'value="Kapolda Jawa Timur"' in page
    assert operator.get(f"/placements/{placement['id']}").get_json()["custody_periods"] == []


def test_notice_form_error_stays_on_its_period(operator, client, clock):
    placement = make_placement(operator)
    period = open_custody(operator, placement)
    url = f"/admin/placement/details/?id={placement['id']}"
    form = {"csrf_token": csrf_token(client, url), "notice_number": "B/9/2025", "notice_sent_on": "31-31-2025"}
    response = client.post(f"/admin/placement/custody/notice/?id={placement['id']}&period={period['id']}", data=form)
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert _error_under(page, "notice-notice_sent_on")
    assert 'value="B/9/2025"' in page and 'data-error-summary' in page


def test_a_saved_form_still_returns_to_its_section(operator, client, clock):
    placement = make_placement(operator)
    url = f"/admin/placement/details/?id={placement['id']}"
    form = {"csrf_token": csrf_token(client, url), "level": "penyidikan", "start_date": "2025-08-11",
            "granted_days": "7", "depositor_agency": "Polres", "depositor_superior": "Kapolda", "confirm_gap": "tidak"}
    response = client.post(f"/admin/placement/custody/?id={placement['id']}", data=form)
    assert response.status_code == 302 and response.headers["Location"].endswith("#titipan")


def _new_placement_page(operator, client, resident_id):
    return client.get(f"/admin/placement/add/?resident_id={resident_id}").get_data(as_text=True)


def test_placement_form_asserts_nothing_and_groups_conditions_by_basis(operator, client, clock):
    from .conftest import make_resident

    resident = make_resident(operator)
    page = _new_placement_page(operator, client, resident["id"])
    basis = page[page.index('name="basis"'):]
    basis = basis[:basis.index("</select>")]
    assert "selected" not in basis and "— pilih dasar hukum —" in basis  # not "Anak belum berusia 12 tahun"
    violence = page[page.index('name="suspected_violence"'):]
    assert "selected" not in violence[:violence.index("</select>")]
    # the three titipan reasons and the five offences of Pasal 14, each group shown only for its own basis
    titipan = page[page.index('data-show-when="basis=titipan" data-testid="conditions-titipan"'):]
    assert titipan[:titipan.index("</fieldset>")].count('type="checkbox"') == 3
    pre = page[page.index('data-show-when="basis=pre_process" data-testid="conditions-pre_process"'):]
    assert pre[:pre.index("</fieldset>")].count('type="checkbox"') == 5
    assert 'data-show-when="basis=court_decision"' in page  # the months only for a court decision


def test_placement_form_refused_keeps_every_answer_and_names_every_field(operator, client, clock):
    from .conftest import make_resident

    resident = make_resident(operator)
    url = f"/admin/placement/add/?resident_id={resident['id']}"
    form = {"csrf_token": csrf_token(client, url), "basis": "", "start_date": "2025-13-40", "suspected_violence": "",
            "note": "Diantar Polres pukul 21.00"}
    response = client.post(url, data=form)
    page = response.get_data(as_text=True)
    assert "Pasal 9 ayat 1" in _error_under(page, "placement-basis")
    assert _error_under(page, "placement-start_date")
    assert "wajib dijawab" in _error_under(page, "placement-suspected_violence")
    assert "Diantar Polres pukul 21.00" in page and 'value="2025-13-40"' in page
    chosen = {"csrf_token": form["csrf_token"], "basis": "titipan", "conditions": ["keamanan_anak"],
              "start_date": "2025-08-11", "suspected_violence": "tidak"}
    done = client.post(url, data=chosen)
    assert done.status_code == 302
