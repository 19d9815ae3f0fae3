"""Stored XSS: script payloads in every free-text field of the demo, then every page reachable from each role's
menus (lists, details, dashboards, reports, printable documents) opened in headless Chromium: no dialog fires,
no script error and no CSP violation is reported."""
from __future__ import annotations

import time
from collections import deque
from urllib.parse import urlsplit

import pytest
from sqlalchemy import String, Text, inspect, select

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

PAYLOADS = ["<script>alert(1)</script>", '"><img src=x onerror=alert(2)>', "javascript:alert(3)", "{{7*7}}",
            "'><svg onload=alert(4)>", "</textarea><script>alert(5)</script>"]
FREE_TEXT = {"name", "full_name", "address", "note", "notes", "title", "description", "vision", "mission",
             "program_rehabilitation_stages", "program_rehabilitation_forms", "program_reintegration",
             "program_companionship", "parent_guardian", "birth_place", "offence_description", "hospital_exam_place",
             "hospital_exam_result", "letter_number", "depositor_agency", "depositor_superior", "grade_reason",
             "reason", "decree_number", "over_capacity_reason", "evidence", "finding", "summary", "remarks",
             "religion", "education", "disability", "registration_number", "deed_number", "designation_decree_number",
             "number", "issuer", "holder", "position", "url", "link", "website", "email", "phone", "street",
             # the child's case (issue 13)
             "case_number", "problems", "needs", "potentials", "resources", "recommendation", "place", "conclusions",
             "goal", "agreed_with", "need", "provider", "outcome", "cancel_reason", "child_preparation_note",
             "linkage_note", "received_by_relationship", "monitoring_note", "refusal_note", "candidate", "findings",
             "services_note", "receiver_name", "receiver_address", "decline_reason", "completion_note",
             # Dinas Sosial case handling (issue 14)
             "reporter_name", "reporter_agency", "route_reason", "mediator", "social_sanction", "police_unit",
             "report_number", "recommendations", "care_note", "rehabilitation_note", "sanction_note",
             "archive_number", "subject", "answer"}
SKIP = ("logout", "export", "download", ".xlsx", "/static/", "delete", "lang", "template", "/api/", "csv", "pdf")
seeded = {"fields": 0}
shown = {"pages": 0}


def SEED_EXTRA(session):  # noqa: N802  (the live_server hook)
    """Overwrite every free-text column of every row a user can fill with one of the payloads."""
    from lpks.tables import table_classes

    models = table_classes()

    count = 0
    for name in ("Institution", "StaffMember", "FacilityRecord", "EvidenceDocument", "FundingSource",
                 "FinancialReport", "OrganisationPosition", "Verification", "VerificationFinding", "Resident",
                 "Placement", "PlacementDocument", "CustodyPeriod", "CustodyExtension", "Assessment",
                 "User", "Holiday", "ChildCase", "CaseStage", "CaseAssessment", "CaseConference",
                 "ConferenceParticipant", "CasePlan", "PlanNeed", "CaseService", "Reintegration",
                 "SubstituteFamilySearch", "FollowUpVisit", "CaseCompanion", "CompanionReport", "Referral",
                 "CaseIntake", "IntakeStep", "IntakeMonitoring", "CaseManagerReport", "IntakeProduct",
                 "ServiceComplaint"):
        model = models[name]
        columns = [c for c in inspect(model).columns if c.key in FREE_TEXT and isinstance(c.type, (String, Text))
                   and not c.foreign_keys]
        for i, row in enumerate(session.scalars(select(model))):
            for j, column in enumerate(columns):
                setattr(row, column.key, PAYLOADS[(i + j) % len(PAYLOADS)])
                count += 1
    seeded["fields"] = count


def _crawl(page, base: str, limit: int, deadline: float) -> int:
    queue, seen = deque([base + "/"]), {base + "/"}
    visited = 0
    while queue and visited < limit and time.monotonic() < deadline:
        url = queue.popleft()
        response = page.goto(url)
        visited += 1
        assert page.dialogs == [], (url, page.dialogs)
        assert page.errors == [], (url, page.errors)
        assert response is None or response.status < 500, url
        body = page.inner_text("body")
        shown["pages"] += any(payload in body for payload in PAYLOADS)  # displayed as text, not run
        for form in page.locator("form[action*='/print/']").all()[:2]:  # printable documents are POSTs
            form.evaluate("f => f.submit()")
            page.wait_for_load_state()
            visited += 1
            assert page.dialogs == [] and page.errors == [], (url, "print", page.dialogs, page.errors)
            page.go_back()
        for href in page.eval_on_selector_all(  # an SVG link's href is an object: resolve the attribute
                "a[href]", "as => as.map(a => new URL(a.getAttribute('href'), document.baseURI).href)"):
            parts = urlsplit(href)
            if parts.scheme not in ("http", "https") or not href.startswith(base) or parts.fragment:
                continue
            key = parts.path + ("?" + parts.query if parts.query else "")
            shape = parts.path + "?" + "&".join(sorted(p.split("=")[0] for p in parts.query.split("&") if p))
            if any(s in href for s in SKIP) or shape in seen and "id=" not in key:
                continue
            if href not in seen and sum(1 for s in seen if s.startswith(base + parts.path)) < 4:
                seen.add(href)
                seen.add(shape)
                queue.append(href)
    return visited


@pytest.mark.parametrize("username,limit", [("operator.pasuruan", 55), ("kemensos", 35), ("admin", 10)])
def test_stored_payloads_never_run_in_the_browser(live_server, page, username, limit):
    assert seeded["fields"] > 100
    login(page, live_server, username)
    visited = _crawl(page, live_server, limit, time.monotonic() + 20)
    print(f"{username}: {visited} pages, {shown['pages']} showing a payload as text, {seeded['fields']} fields")
    assert shown["pages"] > 0
    assert visited >= min(limit, 10)


def test_case_pages_show_payloads_as_text(live_server, page):
    """Every tab of the first cases, the referral pages and the case prints (issue 13), with payloads in every
    free-text field of the case records: no dialog, no script error, no CSP violation."""
    login(page, live_server, "operator.pasuruan")
    page.goto(live_server + "/admin/case/?status=all")
    cases = page.eval_on_selector_all("a[href*='/admin/case/details/']", "as => as.map(a => a.href)")[:5]
    assert cases
    visited = 0
    for case in cases:
        for tab in ("anak", "penempatan", "tahapan", "rencana", "dokumen", "riwayat"):
            page.goto(f"{case}&tab={tab}")
            visited += 1
            assert page.dialogs == [] and page.errors == [], (case, tab, page.dialogs, page.errors)
        for form in page.locator("form[action*='/print/']:not(:has(button[disabled]))").all()[:2]:
            form.evaluate("f => f.submit()")
            page.wait_for_load_state()
            assert page.dialogs == [] and page.errors == [], (case, "print", page.dialogs, page.errors)
            page.go_back()
    page.goto(live_server + "/admin/referral/")
    for href in page.eval_on_selector_all("a[href*='/admin/referral/details/']", "as => as.map(a => a.href)")[:3]:
        page.goto(href)
        visited += 1
        assert page.dialogs == [] and page.errors == [], (href, page.dialogs, page.errors)
    assert any(payload in page.inner_text("body") for payload in PAYLOADS)
    print(f"case pages: {visited} opened")


@pytest.mark.parametrize("username", ["peksos.pasuruan", "datin.pasuruan"])
def test_dinas_sosial_pages_show_payloads_as_text(live_server, page, username):
    """The Dinas Sosial's cases (every channel and route of the demo) on their procedure tab and the other tabs, the
    printed products, the intake form, complaints and the dashboard (issue 14), with payloads in every free-text
    field: no dialog, no script error, no CSP violation."""
    login(page, live_server, username)
    visited = 0
    for url in ("/", "/admin/case/?origin=laporan&status=all", "/admin/case/?service=overdue&status=all",
                "/admin/complaint/", "/admin/complaint/?state=overdue", "/admin/case/intake/new/"):
        page.goto(live_server + url)
        visited += 1
        assert page.dialogs == [] and page.errors == [], (url, page.dialogs, page.errors)
    for href in page.eval_on_selector_all("a[href*='/admin/complaint/details/']", "as => as.map(a => a.href)")[:2]:
        page.goto(href)
        visited += 1
        assert page.dialogs == [] and page.errors == [], (href, page.dialogs, page.errors)
    page.goto(live_server + "/admin/case/?status=all")
    cases = [href for href in page.eval_on_selector_all("a[href*='/admin/case/details/']", "as => as.map(a => a.href)")]
    shown_payload = False
    for case in cases:
        page.goto(f"{case}&tab=prosedur")
        visited += 1
        assert page.dialogs == [] and page.errors == [], (case, page.dialogs, page.errors)
        shown_payload = shown_payload or any(payload in page.inner_text("body") for payload in PAYLOADS)
        for form in page.locator("form[action*='/intake/print/']").all()[:1]:
            with page.expect_navigation():
                form.evaluate("f => f.submit()")
            visited += 1
            assert page.dialogs == [] and page.errors == [], (case, "print", page.dialogs, page.errors)
            shown_payload = shown_payload or any(payload in page.inner_text("body") for payload in PAYLOADS)
    assert shown_payload
    print(f"Dinas Sosial pages ({username}): {visited} opened")

