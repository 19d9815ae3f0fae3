"""The tasks as dashboard tiles (RULES §6): the LPKS and its Dinas Sosial see their overdue and upcoming case work,
each tile and row opening exactly the items it counts; other roles have no such section."""
from __future__ import annotations

import re
from datetime import timedelta

from tests.conftest import login

from .conftest import JAKARTA_EAST, TODAY


def section(html: str) -> str:
    start = html.index("Tugas kasus anak")
    end = html.find('data-testid="section"', start)
    return html[start:end if end > 0 else None]


def tiles(html: str) -> list[tuple[str, int]]:
    return [(href.replace("&amp;", "&"), int(value))
            for href, value in re.findall(r'data-testid="tile"><a href="([^"]+)">(\d+)</a>', section(html))]


def listed(client, href: str) -> int:
    html = client.get(href).get_data(as_text=True)
    return len(re.findall('data-testid="task-row"', html))


def test_operator_tiles_open_exactly_what_they_count(site, client, clock):
    _a, first = site.admit(name="Satu Anak")
    _b, second = site.admit(name="Dua Anak")
    site.admit(name="Luar Jakarta", institution=site.lpks(JAKARTA_EAST))
    from lpks.cases.services import cases

    with site.app.test_request_context():
        cases.update(site.session, site.operator, first, {"case_manager_id": site.peksos.id,
                                                          "version": first.version})
    site.session.commit()
    clock(TODAY + timedelta(days=5))  # both assessments (due day 4) are overdue; the demo's own cases too
    login(client, "operator.pasuruan")
    html = client.get("/").get_data(as_text=True)
    found = tiles(html)
    assert [href.split("?")[1].split("&")[0] for href, _n in found] == ["due=overdue", "due=upcoming"]
    for href, count in found:
        assert listed(client, href) == count
    overdue = dict(found)[next(h for h, _n in found if "overdue" in h)]
    assert overdue >= 2
    rows = re.findall(r'<tr><td><a href="([^"]+)">([^<]+)</a></td><td>(\d+)</td><td>(\d+)</td></tr>', section(html))
    by_name = {name: (href.replace("&amp;", "&"), int(late), int(soon)) for href, name, late, soon in rows}
    href, late, _soon = by_name[site.peksos.name]
    assert late == 1 and listed(client, href) == 1
    href, late, _soon = by_name["Belum ada manajer kasus"]
    assert listed(client, href) == late
    assert "L.J." not in client.get(found[0][0] + "&per_page=100").get_data(as_text=True)  # another LPKS's child


def test_the_section_counts_its_tiles_with_the_page_and_its_table_in_one_statement(site, client, app):
    from tests.performance.recording import statements

    site.admit()
    site.session.commit()
    login(client, "operator.pasuruan")
    seen = statements(app, client, "/")
    # the tiles' FILTER counts ride in the page's one figures statement; the table is the one statement grouped by
    # case manager; nothing else of the page reads the task source
    assert len([s for s in seen if "child_case" in s and "GROUP BY" in s and "staff_member" in s]) == 1
    figures = [s for s in seen if "count(*) FILTER" in s and "case_follow_up" in s]
    assert len(figures) == 2 and len([s for s in seen if "case_follow_up" in s]) == 2


def test_the_dinas_sosial_sees_its_region_by_lpks(site, client, clock):
    site.admit(name="Tiga Anak")
    site.admit(name="Luar Jakarta", institution=site.lpks(JAKARTA_EAST))
    site.session.commit()
    clock(TODAY + timedelta(days=5))
    login(client, "dinsos.pasuruan")
    html = client.get("/").get_data(as_text=True)
    assert "LPKS Bina Harapan Kota Pasuruan" in section(html)
    for href, count in tiles(html):
        assert listed(client, href) == count
    assert "Tunas Bangsa" not in client.get("/admin/case-tasks/?due=overdue&per_page=100").get_data(as_text=True)


def test_other_roles_have_no_task_section(site, client):
    for username in ("dinsos.jatim", "kemensos", "admin"):
        login(client, username)
        assert "Tugas kasus anak" not in client.get("/").get_data(as_text=True)
        client.post("/logout", data={"csrf_token": re.search(
            r'name="csrf_token" type="hidden" value="([^"]+)"',
            client.get("/account/").get_data(as_text=True)).group(1)})
