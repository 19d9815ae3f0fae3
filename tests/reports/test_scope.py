"""Who reads the figures of which area (the one policy), how small cells are masked for province and national
readers, and the drill-down from the nation to a province to a kabupaten/kota."""
from __future__ import annotations

from datetime import date

import pytest

from tests.reports.conftest import table_cells
from tests.reports.factories import institution, stay


@pytest.mark.parametrize("username, scope, status", [
    ("kemensos", "nasional", 200), ("kemensos", "35", 200), ("kemensos", "35.75", 200), ("kemensos", "lpks-1", 404),
    ("dinsos.jatim", "", 200), ("dinsos.jatim", "35.75", 200), ("dinsos.jatim", "nasional", 404),
    ("dinsos.jatim", "31", 404), ("dinsos.jatim", "31.74", 404),
    ("dinsos.pasuruan", "35.75", 200), ("dinsos.pasuruan", "35", 404), ("dinsos.pasuruan", "35.14", 404),
    ("operator.pasuruan", "35.75", 404), ("operator.pasuruan", "nasional", 404),
    ("admin", "", 403),
])
def test_the_policy_decides_which_area_a_user_reads(browse, username, scope, status):
    response = browse(username).get(f"/api/v1/reports/figures?scope={scope}")
    assert response.status_code == status
    page = browse(username).get(f"/admin/reports/?scope={scope}")
    assert page.status_code == status


def test_an_operator_reads_its_own_lpks_only(browse, session):
    own, other = institution(session).id, institution(session, "LPKS Taruna Mandiri Pasuruan").id
    operator = browse("operator.pasuruan")
    body = operator.get("/api/v1/reports/figures").get_json()
    assert body["area"] == {"kind": "lpks", "code": own, "name": "LPKS Bina Harapan Kota Pasuruan",
                            "scope": f"lpks-{own}"}
    assert operator.get(f"/api/v1/reports/figures?scope=lpks-{other}").status_code == 404
    assert body["masked"] is False


@pytest.mark.parametrize("query, field", [("scope=xx", "scope"), ("from=kemarin", "from"),
                                          ("from=2026-03-01&to=2026-02-01", "to"), ("from=2010-01-01", "from"),
                                          ("from=2018-01-01&to=2030-12-31", "to")])
def test_bad_parameters_are_named(browse, query, field):
    response = browse("kemensos").get(f"/api/v1/reports/figures?{query}")
    assert response.status_code == 422 and response.get_json()["field"] == field


def _cells(body, key, row):
    figure = next(f for f in body["figures"] if f["key"] == key)
    line = figure["totals"] if row == "total" else next(r for r in figure["rows"] if r["code"] == row)
    return dict(zip([c["code"] for c in figure["columns"]], line["cells"]))


def _one_girl_in_malang(session) -> None:
    """A child in Kota Malang's LPKS this year: its kabupaten/kota then counts exactly one girl served."""
    today = date.today()
    stay(session, institution(session, "LPKS Cahaya Anak Malang"), date(today.year, 1, 2), sex="perempuan")
    session.commit()


def _masked(value):
    return "< 3" if value in (1, 2) else value


def test_small_cells_are_masked_for_province_and_national_readers_only(browse, session):
    _one_girl_in_malang(session)
    exact = browse("dinsos.pasuruan").get("/api/v1/reports/figures").get_json()
    assert exact["masked"] is False
    row = next(f for f in exact["figures"] if f["key"] == "recipients_by_sex")["rows"][0]["code"]
    own = _cells(exact, "recipients_by_sex", row)
    assert all(isinstance(v, int) for v in own.values()) and own["total"] == own["laki_laki"] + own["perempuan"]
    province = browse("dinsos.jatim").get("/api/v1/reports/figures").get_json()
    assert province["masked"] is True
    assert _cells(province, "recipients_by_sex", "35.73") == {"laki_laki": 0, "perempuan": "< 3", "total": "< 3"}
    # a kabupaten/kota's own exact counts, as the province reads them: 1 and 2 masked, the rest as they are
    assert _cells(province, "recipients_by_sex", "35.75") == {k: _masked(v) for k, v in own.items()}
    nation = browse("kemensos").get("/api/v1/reports/figures").get_json()
    figure = next(f for f in nation["figures"] if f["key"] == "recipients_by_sex")
    assert figure["masked_cells"] == sum(cell == "< 3" for r in figure["rows"] + [figure["totals"]]
                                         for cell in r["cells"])
    exact_35 = {k: own[k] + (1 if k in ("perempuan", "total") else 0) for k in own}  # Pasuruan and Malang's girl
    assert _cells(nation, "recipients_by_sex", "35") == {k: _masked(v) for k, v in exact_35.items()}
    # capacity counts places, not children: never masked
    assert isinstance(_cells(nation, "occupancy", "31")["capacity_perempuan"], int)


def test_the_page_masks_the_same_cells_and_says_so(browse, session):
    _one_girl_in_malang(session)
    html = browse("dinsos.jatim").get("/admin/reports/?scope=35").get_data(as_text=True)
    assert 'data-testid="masking-note"' in html
    assert table_cells(html, "recipients_by_sex")["35.73"] == ["0", "&lt; 3", "&lt; 3"]
    own = browse("dinsos.pasuruan").get("/admin/reports/").get_data(as_text=True)
    assert 'data-testid="masking-note"' not in own and "&lt; 3" not in own


def test_drill_down_from_the_nation_to_a_province_to_a_kabupaten_kota(browse):
    kemensos = browse("kemensos")
    html = kemensos.get("/admin/reports/?from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    assert 'data-testid="map"' in html and 'data-testid="map-35"' in html
    link = html.split('data-testid="drill-35"')[0].rsplit('href="', 1)[1].split('"')[0].replace("&amp;", "&")
    assert "scope=35" in link and "from=2026-01-01" in link
    province = kemensos.get(link).get_data(as_text=True)
    assert "Kota Pasuruan" in province and 'data-testid="drill-35.75"' in province
    city = kemensos.get("/admin/reports/?scope=35.75&from=2026-01-01&to=2026-12-31").get_data(as_text=True)
    assert "LPKS Bina Harapan Kota Pasuruan" in city and 'data-testid="crumbs"' in city
    # rows of a kabupaten/kota are its LPKS; the totals of the three levels are the same children
    nation = kemensos.get("/api/v1/reports/figures").get_json()
    region = kemensos.get("/api/v1/reports/figures?scope=35").get_json()
    local = kemensos.get("/api/v1/reports/figures?scope=35.75").get_json()
    assert local["rows_are"] == "lpks" and region["rows_are"] == "kabupaten_kota" and nation["rows_are"] == "provinsi"
    for body in (region, local):
        assert _cells(body, "recipients_by_kind", "total") == _cells(nation, "recipients_by_kind", "35")


def test_the_system_administrator_sees_no_figures(browse):
    admin = browse("admin")
    assert admin.get("/admin/reports/").status_code == 403
    assert admin.get("/admin/annual-reports/").status_code == 403
    assert admin.get("/api/v1/reports/annual").status_code == 403
