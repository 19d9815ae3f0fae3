"""Property test of the JSON API's validation: random bodies sent to every write route, as several roles, get a 2xx
or a 4xx JSON answer with a message (422 names the `field`), never a 500."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.accreditation_flow.conftest import Api

FIELDS = ["version", "full_name", "birth_date", "sex", "kind", "offence_date", "offence_description", "nik",
          "address", "register_number", "start_date", "months", "basis", "conditions", "resident_id", "level",
          "granted_days", "days", "letter_number", "depositor_agency", "depositor_superior", "date", "name",
          "capacity_boys", "capacity_girls", "kabkota_code", "province_code", "referral_scope", "action", "note",
          "answers", "grade", "grade_reason", "decree_date", "decree_number", "exit_reason", "exit_date", "code",
          "received_at", "handover_at", "over_capacity_reason", "behaviour_good", "institution_id", "function",
          "engagement", "active_from", "until", "title", "region_codes", "items", "status", "year", "amount",
          "hospital_exam_on", "suspected_violence", "findings", "adjustments", "weights"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-(2 ** 70), max_value=2 ** 70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["2025-08-11", "2025-02-30", "0001-01-01", "9999-12-31", "1", "-1", "anak", "titipan",
                     "penyidikan", "perempuan", "submit", "designate", "A", "x" * 3000, "\x00", "１２"]))
json_values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=8)
bodies = st.one_of(
    st.dictionaries(st.one_of(st.sampled_from(FIELDS), st.text(max_size=10)), json_values, max_size=8),
    json_values)


def write_routes(app) -> list[tuple[str, str]]:
    routes = []
    for rule in app.url_map.iter_rules():
        if not rule.rule.startswith("/api/v1") or "<path:" in rule.rule or rule.rule.endswith("/import"):
            continue
        routes += [(method, rule.rule) for method in sorted(rule.methods & {"POST", "PUT", "PATCH"})]
    return routes


def test_random_bodies_never_cause_a_server_error(demo, app):
    app.config["PROPAGATE_EXCEPTIONS"] = False  # a crash must show up as the 500 a user would get
    routes = write_routes(app)
    users = {name: Api(app.test_client(), name) for name in ("operator.pasuruan", "dinsos.pasuruan", "kemensos")}
    seen: dict[int, int] = {}

    @settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
    @given(route=st.sampled_from(routes), user=st.sampled_from(sorted(users)), ident=st.integers(1, 6), body=bodies)
    def check(route, user, ident, body):
        method, rule = route
        path = re.sub(r"<int:\w+>", str(ident), rule)
        api = users[user]
        response = api.client.open(path, method=method, json=body, headers={"X-CSRFToken": api.token})
        seen[response.status_code] = seen.get(response.status_code, 0) + 1
        assert response.status_code < 500, (method, path, user, body, response.get_data(as_text=True)[:500])
        if response.status_code >= 400:
            payload = response.get_json()
            assert isinstance(payload, dict) and payload.get("message"), (method, path, payload)
            if response.status_code == 422:
                assert payload.get("field"), (method, path, body, payload)

    check()
    print("status counts over", sum(seen.values()), "requests:", dict(sorted(seen.items())))
    assert len(routes) >= 35
