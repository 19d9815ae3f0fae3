"""Each role's main pages pass axe-core (installed from npm into tests/e2e, pinned by package-lock.json) with no
serious or critical violation: contrast, names of fields and buttons, the page's language, landmarks."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.e2e.conftest import login

pytestmark = pytest.mark.e2e

AXE = Path(__file__).parent / "node_modules" / "axe-core" / "axe.min.js"
BLOCKING = ("serious", "critical")

# A page is a path, or (list path, pattern of a link's href, suffix): open the list and follow its first such link,
# as a user would (the demo's ids are not written into the test).
DETAILS = {kind: rf"^/admin/{kind}/details/\?id=\d+" for kind in ("resident", "placement", "case")}
ASSESSMENT, VERIFY, LPKS = r"^/admin/accreditation/\d+$", r"^/admin/verify/\d+$", r"^/admin/registry/\d+$"
ROLE_PAGES = {
    "operator.pasuruan": [
        "/", "/admin/resident/", ("/admin/resident/", DETAILS["resident"], ""),
        "/admin/placement/", ("/admin/custody/", DETAILS["placement"], ""), "/admin/custody/",
        "/admin/case/", ("/admin/case/", DETAILS["case"], "&tab=tahapan"),
        ("/admin/case/", DETAILS["case"], "&tab=rencana"),
        ("/admin/case/", DETAILS["case"], "&tab=dokumen"),
        "/admin/referral/", "/admin/case-tasks/", "/admin/accreditation/", "/admin/registry/", "/admin/staff/",
    ],
    "dinsos.pasuruan": [
        "/", "/admin/verification/", ("/admin/verification/", VERIFY, ""),
        "/admin/accreditation/", ("/admin/accreditation/", ASSESSMENT, ""),
        "/admin/registry/", ("/admin/registry/", LPKS, ""),
        "/admin/case/", "/admin/complaint/", "/admin/reports/", "/admin/annual-reports/",
    ],
    "datin.pasuruan": ["/", "/admin/case/intake/new/", "/admin/complaint/"],
    "peksos.pasuruan": ["/", "/admin/case/", ("/admin/case/", DETAILS["case"], "&tab=prosedur")],
    "dinsos.jatim": [
        "/", "/admin/accreditation/", ("/admin/accreditation/", ASSESSMENT, ""),
        "/admin/reports/", "/admin/annual-reports/",
    ],
    "kemensos": [
        "/", "/admin/accreditation/", ("/admin/accreditation/", ASSESSMENT, ""),
        "/admin/accreditation-class/", "/admin/accreditation-report/", "/admin/reports/", "/admin/annual-reports/",
    ],
    "admin": ["/", "/admin/user/", "/admin/user/new/", "/admin/audit/", "/admin/token/"],
}


@pytest.fixture(scope="module")
def axe_source():
    """axe-core as npm installed it; missing is a skip here and a failure on CI (.ci/run runs `npm ci`)."""
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is not installed: run `npm ci` in tests/e2e (.ci/run does)")
        pytest.skip("axe-core is not installed (cd tests/e2e && npm ci)")
    return AXE.read_text(encoding="utf-8")


def _blocking(page, axe_source: str) -> list[str]:
    """The serious and critical violations axe finds on the page now open, one line per rule."""
    page.evaluate(axe_source + ";0")  # evaluated, not a <script>: the page's CSP stays as served
    found = page.evaluate("""async () => (await axe.run(document, {resultTypes: ['violations']})).violations
        .map(v => ({id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))""")
    return [f"{v['id']} ({v['impact']}): {v['help']} at {v['nodes']}" for v in found if v["impact"] in BLOCKING]


def _open(page, base: str, entry) -> str:
    if isinstance(entry, str):
        response = page.goto(base + entry)
    else:
        listing, pattern, suffix = entry
        page.goto(base + listing)
        hrefs = page.eval_on_selector_all("main a[href]", "links => links.map(a => a.getAttribute('href'))")
        href = next((h for h in hrefs if re.match(pattern, h)), None)
        assert href, f"no link {pattern} on {listing}"
        response = page.goto(base + href.split("#")[0].split("&url=")[0] + suffix)
    assert response.status == 200, (entry, response.status)
    return page.url.removeprefix(base)


def test_the_login_page_has_no_serious_violation(live_server, page, axe_source):
    page.goto(f"{live_server}/login")
    assert _blocking(page, axe_source) == []


@pytest.mark.parametrize("username", list(ROLE_PAGES))
def test_each_roles_main_pages_have_no_serious_violation(live_server, page, axe_source, username):
    page.set_viewport_size({"width": 1366, "height": 900})
    login(page, live_server, username)
    page.wait_for_load_state()
    problems = {}
    for entry in ROLE_PAGES[username]:
        where = _open(page, live_server, entry)
        assert page.locator("html").get_attribute("lang") == "id", where
        assert page.locator("main").count() == 1, where  # one main landmark
        found = _blocking(page, axe_source)
        if found:
            problems[where] = found
    assert problems == {}, "\n".join(f"{url}:\n  " + "\n  ".join(lines) for url, lines in problems.items())
    assert page.errors == [], page.errors
