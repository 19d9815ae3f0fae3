"""The figures and a yearly report as page, workbook, A4 PDF and API: read back (openpyxl, pypdf), the same cells
everywhere, every download audited, a definitions sheet, one sheet per table; charts as accessible inline SVG."""
from __future__ import annotations

import io
import re

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from lpks.platform.models.audit import AuditLog
from lpks.platform.models.user import User
from lpks.reports.models import AnnualReport
from tests.reports.conftest import table_cells

QUERY = "scope=35&from=2026-01-01&to=2026-12-31"


def _pdf_text(response) -> str:
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    reader = PdfReader(io.BytesIO(response.get_data()))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4
    return " ".join(page.extract_text() for page in reader.pages)


def _book(response):
    assert response.status_code == 200 and response.mimetype.endswith("spreadsheetml.sheet")
    return load_workbook(io.BytesIO(response.get_data()), read_only=True)


def test_the_figures_are_the_same_on_the_page_in_the_workbook_the_pdf_and_the_api(browse, session):
    province = browse("dinsos.jatim")
    body = province.get(f"/api/v1/reports/figures?{QUERY}").get_json()
    html = province.get(f"/admin/reports/?{QUERY}").get_data(as_text=True)
    book = _book(province.get(f"/admin/reports/xlsx?{QUERY}"))
    text = _pdf_text(province.get(f"/admin/reports/print?format=pdf&{QUERY}"))
    assert book.sheetnames[0] == "Definisi" and len(book.sheetnames) == 1 + len(body["figures"])
    definitions = [row for row in book["Definisi"].iter_rows(values_only=True)]
    for index, figure in enumerate(body["figures"], start=1):
        sheet = book[book.sheetnames[index]]
        rows = [list(r) for r in sheet.iter_rows(values_only=True)]
        assert rows[0] == ["Wilayah/LPKS", *[c["label"] for c in figure["columns"]]]
        api_rows = [[r["name"], *r["cells"]] for r in figure["rows"]] + [[figure["totals"]["name"],
                                                                         *figure["totals"]["cells"]]]
        assert rows[1:] == api_rows, figure["key"]
        assert any(d[1] == figure["title"] and d[3] == figure["definition"] for d in definitions)
        assert figure["title"] in text
        page = table_cells(html, figure["key"])
        shown = {code: [c.replace("&lt;", "<").replace(".", "") for c in cells] for code, cells in page.items()}
        for row in figure["rows"] + [dict(figure["totals"], code="total")]:
            assert shown[row["code"]] == [str(c).replace(".", "") for c in row["cells"]], (figure["key"], row["code"])
    masked = sum(f["masked_cells"] for f in body["figures"])
    assert masked and "< 3" in text and "&lt; 3" in html  # the same masking in all three
    session.rollback()
    audits = session.execute(select(AuditLog.object_type, AuditLog.object_id, AuditLog.fields)
                             .where(AuditLog.object_type == "report_figures")).all()
    assert sorted(audits) == [("report_figures", "35", "pdf"), ("report_figures", "35", "xlsx")]


def test_the_pdf_and_print_page_come_from_the_same_template(browse):
    kemensos = browse("kemensos")
    page = kemensos.get(f"/admin/reports/print?{QUERY}").get_data(as_text=True)
    assert 'data-testid="print-pdf"' in page and 'data-testid="print-back"' in page
    text = _pdf_text(kemensos.get(f"/admin/reports/print?format=pdf&{QUERY}"))
    assert "ANGKA DATA LPKS DAN PENERIMA LAYANAN" in text and "Jawa Timur" in text
    for figure in re.findall(r'<caption>([^<(]+)', page):
        assert figure.strip() in text


def _report(session, year: int, region: str | None, revision: int = 1) -> AnnualReport:
    return session.scalar(select(AnnualReport).where(
        AnnualReport.year == year, AnnualReport.revision == revision,
        AnnualReport.region_code.is_(None) if region is None else AnnualReport.region_code == region))


def test_a_yearly_report_as_pdf_and_workbook(browse, session):
    report = _report(session, 2024, "35")
    kemensos = browse("kemensos")
    detail = kemensos.get(f"/api/v1/reports/annual/{report.id}").get_json()
    text = _pdf_text(kemensos.get(f"/admin/annual-reports/{report.id}/print?format=pdf"))
    assert "LAPORAN TAHUNAN PELAKSANAAN REHABILITASI SOSIAL" in text and "Jawa Timur" in text
    assert "I. Evaluasi kebijakan" in text and "III. Laporan tingkat di bawah yang dihimpun" in text
    flat = " ".join(text.split())
    sender = session.get(User, report.submitted_by_id)
    assert "Dinas Sosial provinsi — Jawa Timur" in flat  # the office that reports, under the heading
    assert (sender.full_name or sender.username) in flat and " ".join(report.evaluation.split()) in flat
    for part in detail["parts"]:
        assert part["name"] in text
    book = _book(kemensos.get(f"/admin/annual-reports/{report.id}/xlsx"))
    assert book.sheetnames[:4] == ["Laporan", "Definisi", "Laporan dihimpun", "Belum dihimpun"]
    narrative = dict((list(r) + [None])[:2] for r in book["Laporan"].iter_rows(values_only=True))
    assert narrative["Tahun"] == 2024 and narrative["Evaluasi kebijakan, program dan kegiatan (Pasal 90 ayat 1)"] \
        == report.evaluation
    compiled = [list(r) for r in book["Laporan dihimpun"].iter_rows(values_only=True)][1:]
    assert [row[0] for row in compiled] == [p["region_code"] for p in detail["parts"]]
    sheet = book[book.sheetnames[4]]
    first = detail["figures"]["figures"][0]
    assert [list(r) for r in sheet.iter_rows(values_only=True)][-1] == [first["totals"]["name"],
                                                                        *first["totals"]["cells"]]
    session.rollback()
    rows = session.execute(select(AuditLog.fields).where(AuditLog.object_type == "annual_report",
                                                         AuditLog.action == "export",
                                                         AuditLog.object_id == str(report.id))).scalars().all()
    assert sorted(rows) == ["pdf", "xlsx"]


def test_a_draft_prints_as_a_draft(browse, session):
    draft = _report(session, 2025, "35.75")
    page = browse("dinsos.pasuruan").get(f"/admin/annual-reports/{draft.id}/print").get_data(as_text=True)
    assert 'data-testid="draft-mark"' in page


@pytest.mark.parametrize("username, path, expected", [
    ("kemensos", "/admin/reports/?scope=35", {"recipients_by_kind", "admissions_by_year"}),
    ("dinsos.pasuruan", "/admin/reports/print", {"recipients_by_kind", "admissions_by_month", "admissions_by_year"}),
])
def test_charts_are_inline_svg_with_a_text_alternative_and_readable_labels(browse, username, path, expected):
    html = browse(username).get(path).get_data(as_text=True)
    charts = re.findall(r"<svg .*?</svg>", html, re.S)
    kinds = set(re.findall(r'data-testid="chart-(\w+)"', html))
    assert expected <= kinds  # bars, and lines over months and years
    assert charts
    for svg in charts:
        assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
        assert "<script" not in svg and "http://" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")
        sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
        assert sizes and min(sizes) >= 12
        assert int(re.search(r'width="(\d+)"', svg).group(1)) <= 644  # 12 units stay 12 px on an A4 page
    for key in kinds:  # each chart sits with the table that carries its numbers and definition
        assert f'data-testid="figure-{key}"' in html
    assert "<script src=\"http" not in html and "cdn" not in html.lower()


def test_figures_and_a_frozen_report_read_in_english(browse, session):
    kemensos = browse("kemensos")
    assert kemensos.post("/language/en", {"next": "/"}).status_code in (302, 303)
    body = kemensos.get("/api/v1/reports/figures").get_json()
    titles = {f["key"]: f["title"] for f in body["figures"]}
    assert titles["recipients_by_kind"] == "Service recipients by kind of ABH"
    assert body["figures"][0]["definition"].startswith("LPKS domiciled in the region")
    frozen = _report(session, 2024, None)
    detail = kemensos.get(f"/api/v1/reports/annual/{frozen.id}").get_json()
    assert detail["frozen"] and detail["figures"]["figures"][0]["title"] == "LPKS by standards compliance"
    page = kemensos.get(f"/admin/annual-reports/{frozen.id}").get_data(as_text=True)
    assert "Submitted, awaiting receipt" in page and "frozen when submitted" in page
