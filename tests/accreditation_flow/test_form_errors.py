"""The designation form and the workflow steps (issue 17): every missing input at once, beside its field, with what
was typed kept; every step asks to be confirmed before it is sent."""
from __future__ import annotations

import re

from tests.conftest import csrf_token

from .conftest import accept_conflicts, started, to_state


def test_designation_reports_every_missing_input_and_keeps_the_typed_ones(api):
    ident = started(api)
    to_state(api, ident, "recommended")
    ministry = api("kemensos")
    accept_conflicts(ministry, ident)
    url = f"/admin/accreditation/{ident}"
    version = ministry.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    response = ministry.client.post(f"{url}/step", data={
        "csrf_token": csrf_token(ministry.client, url), "action": "designate", "version": version, "grade": "B",
        "grade_reason": "", "decree_number": "", "decree_date": "", "note": "Catatan saya"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    for field, words in (("decree_number", "Nomor keputusan"), ("decree_date", "Tanggal keputusan"),
                         ("grade_reason", "alasan tertulis")):
        message = re.search(rf'id="{field}-{ident}-error"[^>]*>([^<]*)<', page)
        assert message and words in message.group(1), field
    assert "Catatan saya" in page and '<option value="B" selected>' in page  # the typed answers stay
    assert ministry.get(f"/accreditation/assessments/{ident}").get_json()["state"] == "recommended"


def test_every_step_asks_for_a_confirmation(api):
    ident = started(api)
    to_state(api, ident, "proposed")
    province = api("dinsos.jatim")
    page = province.client.get(f"/admin/accreditation/{ident}").get_data(as_text=True)
    for action in ("recommend", "return_to_kabkota"):
        form = re.search(rf'data-testid="step-{action}"(.*?)</form>', page, re.S).group(1)
        assert re.search(r'<input[^>]*type="checkbox" name="confirmed"[^>]*required', form), action
        assert "tidak dapat dibatalkan" in form


def test_an_adjustment_returns_to_its_row_and_a_refused_one_stays_in_it(api):
    ident = started(api)
    to_state(api, ident, "submitted")
    local = api("dinsos.pasuruan")
    url = f"/admin/accreditation/{ident}"
    page = local.client.get(url).get_data(as_text=True)
    assert 'id="indicator-b.visi"' in page and re.search(r'data-testid="adjust-b.visi" data-keep-scroll', page)
    version = local.get(f"/accreditation/assessments/{ident}").get_json()["version"]
    token = csrf_token(local.client, url)
    refused = local.client.post(f"{url}/adjust", data={"csrf_token": token, "version": version,
                                                      "indicator": "b.visi", "answer": "sebagian", "reason": ""})
    text = refused.get_data(as_text=True)
    row = text[text.index('id="indicator-b.visi"'):]
    row = row[:row.index("</tr>")]
    assert refused.status_code == 422 and 'data-testid="adjust-error"' in row
    assert '<option value="sebagian" selected>' in row  # the chosen answer stays
    done = local.client.post(f"{url}/adjust", data={"csrf_token": token, "version": version, "indicator": "b.visi",
                                                    "answer": "sebagian", "reason": "Visi belum disahkan"})
    assert done.status_code == 302 and done.headers["Location"].endswith("#indicator-b.visi")
