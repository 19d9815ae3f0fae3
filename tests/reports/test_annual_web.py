"""The yearly report in the web interface (Pasal 90–92): Kota Pasuruan, Jawa Timur and Kemensos each produce,
submit and compile the 2026 report of the demo; each level sees its own reports, those below and who is missing;
a correction is a new revision with its reason; a draft is its own office's."""
from __future__ import annotations

import re

from sqlalchemy import select

from lpks.reports.models import AnnualReport
from tests.reports.conftest import version_of


def _create(browser, year: int) -> int:
    response = browser.post("/admin/annual-reports/new", {"year": str(year)})
    assert response.status_code == 302, response.get_data(as_text=True)
    return int(response.headers["Location"].rstrip("/").rsplit("/", 1)[1])


def _write(browser, ident: int, evaluation: str, plan: str) -> str:
    html = browser.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    browser.post(f"/admin/annual-reports/{ident}/edit", {"version": version_of(html), "evaluation": evaluation,
                                                         "plan": plan})
    return browser.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)


def _step(browser, ident: int, action: str, **extra) -> str:
    html = browser.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    assert f'data-testid="action-{action}"' in html, f"{action} not offered"
    response = browser.post(f"/admin/annual-reports/{ident}/transition",
                            {"version": version_of(html), "action": action, **extra})
    assert response.status_code == 302
    return browser.client.get(response.headers["Location"]).get_data(as_text=True)


def _state(html: str) -> str:
    return re.search(r'data-testid="state">([^<]+)<', html).group(1)


def test_each_level_produces_submits_and_compiles_the_2026_report(browse, session):
    city, province, nation = browse("dinsos.pasuruan"), browse("dinsos.jatim"), browse("kemensos")
    # Kota Pasuruan drafts its report: the figures are live, the narrative is its own.
    index = city.get("/admin/annual-reports/?year=2026").get_data(as_text=True)
    assert 'data-testid="create"' in index
    report = _create(city, 2026)
    html = _write(city, report, "Evaluasi 2026 Kota Pasuruan.", "Rencana 2027 Kota Pasuruan.")
    assert "dihitung langsung" in html and 'data-testid="figure-recipients_by_kind"' in html
    assert "Evaluasi 2026 Kota Pasuruan." in html
    # the province does not see the draft
    assert province.get(f"/admin/annual-reports/{report}").status_code == 404
    html = _step(city, report, "submit")
    assert _state(html) == "Dikirim, menunggu diterima" and "dibekukan saat dikirim" in html
    # Jawa Timur receives it, drafts and compiles its own, and sends it up.
    below = province.get("/admin/annual-reports/?year=2026").get_data(as_text=True)
    assert re.search(r'data-code="35.75" data-status="submitted"', below)
    assert re.search(r'data-code="35.73" data-status="missing"', below)
    assert _state(_step(province, report, "receive")) == "Diterima"
    own = _create(province, 2026)
    _write(province, own, "Evaluasi 2026 Jawa Timur.", "Rencana 2027 Jawa Timur.")
    html = _step(province, own, "compile")
    parts = re.search(r'data-testid="parts".*?</table>', html, re.S).group(0)
    assert 'data-part="35.75"' in parts and "Evaluasi 2026 Kota Pasuruan." in html
    missing = re.search(r'data-testid="report-missing">(.*?)</p>', html, re.S).group(1)
    assert "Kota Malang" in missing and "Kota Pasuruan" not in missing
    assert _state(_step(province, own, "submit")) == "Dikirim, menunggu diterima"
    # Kemensos receives it and compiles the national report.
    assert _state(_step(nation, own, "receive")) == "Diterima"
    national = _create(nation, 2026)
    _write(nation, national, "Evaluasi nasional 2026.", "Rencana nasional 2027.")
    html = _step(nation, national, "compile")
    assert 'data-part="35"' in html and "Evaluasi 2026 Jawa Timur." in html
    assert "Daerah Khusus Ibukota Jakarta" in re.search(r'data-testid="report-missing">(.*?)</p>', html, re.S).group(1)
    html = _step(nation, national, "submit")
    assert _state(html) == "Dikirim, menunggu diterima" and 'data-testid="actions"' in html  # revise stays open
    session.rollback()
    states = {r.level: r.state for r in session.scalars(select(AnnualReport).where(AnnualReport.year == 2026))}
    assert states == {"kabupaten_kota": "received", "provinsi": "received", "nasional": "submitted"}


def test_a_report_is_submitted_only_with_its_evaluation_and_plan_and_a_province_after_compiling(browse):
    province = browse("dinsos.jatim")
    ident = _create(province, 2026)
    html = province.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    province.post(f"/admin/annual-reports/{ident}/transition", {"version": version_of(html), "action": "submit"})
    html = province.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    assert "Evaluasi kebijakan, program dan kegiatan wajib diisi" in html and _state(html) == "Draf"
    _write(province, ident, "Evaluasi.", "Rencana.")
    html = province.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    province.post(f"/admin/annual-reports/{ident}/transition", {"version": version_of(html), "action": "submit"})
    assert "kompilasi" in province.get(f"/admin/annual-reports/{ident}").get_data(as_text=True)
    assert province.post("/admin/annual-reports/new", {"year": "2026"}).status_code == 302
    assert "sudah ada" in province.get("/admin/annual-reports/?year=2026").get_data(as_text=True)


def test_a_correction_is_a_new_revision_with_its_reason(browse, session):
    city = browse("dinsos.pasuruan")
    first = session.scalar(select(AnnualReport).where(AnnualReport.year == 2024, AnnualReport.region_code == "35.75",
                                                      AnnualReport.revision == 2))
    html = city.get(f"/admin/annual-reports/{first.id}").get_data(as_text=True)
    city.post(f"/admin/annual-reports/{first.id}/transition",
              {"version": version_of(html), "action": "revise", "reason": ""})
    assert "Alasan revisi wajib diisi" in city.get(f"/admin/annual-reports/{first.id}").get_data(as_text=True)
    html = _step(city, first.id, "revise", reason="Koreksi jumlah anak keluar.")
    assert "(revisi 3)" in html and "Koreksi jumlah anak keluar." in html
    assert _state(html) == "Draf"
    old = city.get(f"/admin/annual-reports/{first.id}").get_data(as_text=True)
    assert 'data-testid="superseded"' in old and 'data-testid="action-revise"' not in old


def test_each_level_sees_its_own_those_below_and_who_is_missing(browse):
    city = browse("dinsos.pasuruan").get("/admin/annual-reports/?year=2025").get_data(as_text=True)
    assert re.findall(r'data-state="(\w+)"', city) == ["draft"]
    assert "data-testid=\"below\"" not in city
    old = browse("dinsos.pasuruan").get("/admin/annual-reports/?year=2024").get_data(as_text=True)
    assert re.findall(r'data-state="(\w+)"', old) == ["submitted", "received"]
    province = browse("dinsos.jatim").get("/admin/annual-reports/?year=2025").get_data(as_text=True)
    assert re.findall(r'data-state="(\w+)"', province) == ["draft"]
    statuses = dict(re.findall(r'data-code="([\d.]+)" data-status="(\w+)"', province))
    assert statuses == {"35.14": "submitted", "35.73": "missing", "35.75": "missing", "35.78": "received"}
    assert "Kota Malang" in re.search(r'data-testid="missing">(.*?)</p>', province, re.S).group(1)
    nation = browse("kemensos").get("/admin/annual-reports/?year=2025").get_data(as_text=True)
    assert dict(re.findall(r'data-code="([\d.]+)" data-status="(\w+)"', nation)) == {"31": "submitted",
                                                                                      "35": "missing"}
    drill = browse("kemensos").get("/admin/annual-reports/?year=2025&scope=31").get_data(as_text=True)
    assert dict(re.findall(r'data-code="([\d.]+)" data-status="(\w+)"', drill)) == {"31.74": "received",
                                                                                     "31.75": "missing"}
    assert browse("dinsos.jatim").get("/admin/annual-reports/?year=2025&scope=31").status_code == 404
