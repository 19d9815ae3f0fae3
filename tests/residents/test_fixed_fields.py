"""Facts are not silently ignored (RULES §4, issue 12 item 7): a change to a field the rules derive or fix answers
422 naming the field and changes nothing; sending the stored value back is no change."""
from __future__ import annotations

from datetime import date
from types import SimpleNamespace

import pytest

from lpks.platform.errors import ServiceError
from lpks.residents.services.fixed import PERIOD_FIELDS, refuse_fixed
from tests.conftest import csrf_token

from .conftest import admitted

STORED = SimpleNamespace(level="penyidikan", last_day=date(2025, 8, 17), total_days=7, status="open",
                         placement_id=3, notice_sent_on=None)


@pytest.mark.parametrize(("data", "field"), [
    ({"level": "penuntutan"}, "level"),
    ({"last_day": "2025-09-30"}, "last_day"),
    ({"total_days": 15}, "total_days"),
    ({"status": "closed"}, "status"),
    ({"placement_id": 4}, "placement_id"),
    ({"notice_sent_on": "2025-08-14"}, "notice_sent_on"),
    ({"start_date": "2025-08-11", "colour": "red"}, "colour"),        # not a field at all
    ({"": 1}, "body"),
])
def test_refused(data, field):
    with pytest.raises(ServiceError) as refused:
        refuse_fixed(STORED, data, ("start_date",), PERIOD_FIELDS)
    assert refused.value.field == field and f"'{field}'" in refused.value.message


@pytest.mark.parametrize("data", [
    {"level": "penyidikan"}, {"last_day": "2025-08-17"}, {"total_days": 7}, {"total_days": "7"},
    {"notice_sent_on": None}, {"start_date": "2025-08-20", "version": 3},
])
def test_the_stored_value_or_an_editable_field_passes(data):
    refuse_fixed(STORED, data, ("start_date",), PERIOD_FIELDS)


def test_patch_of_a_periods_level_is_refused(operator, clock):
    placement = admitted(operator, "titipan")
    period = placement["custody_periods"][0]
    refused = operator.patch(f"/custody-periods/{period['id']}", {"level": "penuntutan", "version": period["version"]})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "level" and "Pasal 11 ayat 3" in body["message"]
    after = operator.get(f"/custody-periods/{period['id']}").get_json()
    assert (after["level"], after["version"]) == ("penyidikan", period["version"])
    same = operator.patch(f"/custody-periods/{period['id']}", {"level": "penyidikan", "version": period["version"],
                                                                "depositor_address": "Jl. Veteran 1"})
    assert same.status_code == 200


def test_patch_of_a_placements_last_day_is_refused(operator, clock):
    placement = admitted(operator, "court_decision", start_date="2025-08-11", months=6)
    refused = operator.patch(f"/placements/{placement['id']}", {"last_day": "2026-08-10",
                                                                "version": placement["version"]})
    body = refused.get_json()
    assert refused.status_code == 422 and body["field"] == "last_day" and "Pasal 13 ayat 4" in body["message"]
    after = operator.get(f"/placements/{placement['id']}").get_json()
    assert (after["last_day"], after["version"]) == ("2026-02-10", placement["version"])
    for field, value in (("exit_reason", "completed"), ("behaviour_good", True), ("basis", "diversi")):
        answer = operator.patch(f"/placements/{placement['id']}", {field: value, "version": placement["version"]})
        assert answer.status_code == 422 and answer.get_json()["field"] == field


def test_the_web_form_changes_the_months_and_the_last_day_follows(operator, client, clock):
    placement = admitted(operator, "court_decision", start_date="2025-08-11", months=6)
    url = f"/admin/placement/details/?id={placement['id']}"
    page = client.get(url).get_data(as_text=True)
    edit_form = page[page.index('data-testid="edit-form"'):]
    edit_form = edit_form[:edit_form.index("</form>")]
    assert 'name="last_day"' not in edit_form and 'name="months"' in edit_form  # derived: never an input
    done = client.post(f"/admin/placement/update/?id={placement['id']}", data={
        "csrf_token": csrf_token(client, url), "start_date": "2025-08-11", "months": "3",
        "suspected_violence": "tidak", "version": str(placement["version"])}, follow_redirects=True)
    assert "Penempatan diperbarui." in done.get_data(as_text=True)
    assert operator.get(f"/placements/{placement['id']}").get_json()["last_day"] == "2025-11-10"
