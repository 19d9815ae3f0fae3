"""Dinas Sosial case handling as its people meet it in the browser (RULES §8): the intake form, the procedure tab
from the first step to the filed report, the products printed (audited), complaints, and the dashboard tiles that open
exactly what they count; forms keep the input and show each error at its field."""
from __future__ import annotations

import re
from datetime import date

from sqlalchemy import select

from lpks.cases.models import ChildCase
from lpks.platform.models.audit import AuditLog
from tests.conftest import login

from .conftest import CHILD


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.get_data(as_text=True)


def token(html: str, prefix: str = "") -> str:
    return re.search(r'name="%scsrf_token" type="hidden" value="([^"]+)"' % re.escape(prefix), html).group(1)


def any_token(client, html: str, prefix: str) -> str:
    """The form's CSRF token, or the session's (a user offered no such form still sends a valid token)."""
    found = re.search(r'name="%scsrf_token" type="hidden" value="([^"]+)"' % re.escape(prefix), html)
    return found.group(1) if found else token(page(client, "/account/"))


def intake_form(site, **changes) -> dict:
    data = {"origin": "laporan", "reporter_kind": "orang_tua_wali", "reporter_name": "Ibu Sri",
            "received_on": "2025-08-11", "case_manager_user_id": str(site.peksos.id),
            **{f"child-{k}": v for k, v in CHILD.items()}}
    data.update(changes)
    return data


def register(site, client) -> int:
    html = page(client, "/admin/case/intake/new/")
    response = client.post("/admin/case/intake/new/", data={**intake_form(site), "csrf_token": token(html)})
    assert response.status_code == 302, response.get_data(as_text=True)[:2000]
    return int(re.search(r"id=(\d+)", response.headers["Location"]).group(1))


def act(client, case_id: int, form: str, fields: dict, item: int | None = None):
    html = page(client, f"/admin/case/details/?id={case_id}&tab=prosedur")
    data = {f"{form}-csrf_token": any_token(client, html, f"{form}-"), **{f"{form}-{k}": v for k, v in fields.items()}}
    version = re.search(r'name="%s-version" type="hidden" value="(\d*)"' % form, html)
    if version and "version" not in fields:  # the version the page was read at, as a browser sends it
        data[f"{form}-version"] = version.group(1)
    url = f"/admin/case/intake/act/{form}/?id={case_id}" + (f"&item={item}" if item else "")
    return client.post(url, data=data)


def test_a_report_through_the_web_from_receipt_to_filing(site, client, clock):
    login(client, "peksos.pasuruan")
    assert 'data-testid="intake-new"' in page(client, "/admin/case/")
    ident = register(site, client)
    html = page(client, f"/admin/case/details/?id={ident}")
    assert 'data-testid="tab-prosedur"' in html and "Raka" not in html and "Ibu Sri" not in html
    assert "19 Agustus 2025" in html  # the deadline: cuti bersama 18 August skipped
    assert 'data-testid="step-form"' in html and 'data-testid="route-form"' not in html

    assert act(client, ident, "step", {"step": "pendataan_asesmen", "done_on": "2025-08-11", "problems": "a",
                                       "needs": "b", "potentials": "c", "resources": "d"}).status_code == 302
    assert act(client, ident, "step", {"step": "case_conference", "done_on": "2025-08-11", "conclusions": "Ringan",
                                       "conference_participants-0-role": "peksos"}).status_code == 302
    assert act(client, ident, "route", {"offence_severity": "ringan"}).status_code == 302
    assert act(client, ident, "berita_acara", {"kind": "berita_acara", "number": "BA/1/2025"}).status_code == 302
    html = page(client, f"/admin/case/details/?id={ident}&tab=prosedur")
    assert "Keadilan restoratif di masyarakat" in html and "produk terbit tepat waktu" in html

    response = client.post(
        re.search(r'action="(/admin/case/intake/print/berita_acara/[^"]+)"', html).group(1).replace("&amp;", "&"),
        data={"csrf_token": token(html)})
    printed = response.get_data(as_text=True)
    assert response.status_code == 200 and "Berita Acara Penanganan Kasus Rehabilitasi Sosial" in printed
    assert "Raka Pratama Putra" in printed and "BA/1/2025" in printed and "Ibu Sri" in printed
    site.session.rollback()
    assert site.session.scalar(select(AuditLog.id).where(AuditLog.action == "view_identity",
                                                         AuditLog.fields.like("%print_berita_acara%"))) is not None

    assert act(client, ident, "step", {"step": "musyawarah_pasal_14", "done_on": "2025-08-11",
                                       "participants": ["anak_keluarga", "peksos_tks"],
                                       "care_decision": "orang_tua_wali", "rehabilitation_forms": ["sosial_konseling"],
                                       "outcome": "Sepakat"}).status_code == 302
    assert act(client, ident, "monitoring", {"monitored_on": "2025-08-11", "findings": "Baik",
                                             "goal_reached": "true"}).status_code == 302
    assert act(client, ident, "termination", {"reason": "completed"}).status_code == 302
    assert act(client, ident, "report", {"summary": "Tujuan tercapai"}).status_code == 302
    html = page(client, f"/admin/case/details/?id={ident}&tab=prosedur")
    assert 'data-testid="filing-form"' not in html  # the data section files

    client.post("/logout", data={"csrf_token": token(page(client, "/account/"))})
    login(client, "datin.pasuruan")
    html = page(client, f"/admin/case/details/?id={ident}&tab=prosedur")
    assert 'data-testid="filing-form"' in html and 'data-testid="print-berita_acara"' not in html  # initials only
    assert act(client, ident, "filing", {"archive_number": "ARS/1"}).status_code == 302
    assert 'data-testid="filed"' in page(client, f"/admin/case/details/?id={ident}&tab=prosedur")


def test_the_intake_form_keeps_the_input_and_shows_each_error_at_its_field(site, client):
    login(client, "peksos.pasuruan")
    html = page(client, "/admin/case/intake/new/")
    response = client.post("/admin/case/intake/new/", data={
        **intake_form(site, reporter_kind="penyidik", **{"child-birth_date": "2005-01-01",
                                                         "child-full_name": "Nama <b>Dijaga</b>"}),
        "csrf_token": token(html)})
    body = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'value="Nama &lt;b&gt;Dijaga&lt;/b&gt;"' in body  # the input kept, escaped

    def error_at(field: str) -> str:
        """The error shown inside the field's own form group."""
        start = body.index('id="%s"' % field)
        end = body.find('class="form-group', start)
        found = re.search(r'data-testid="field-error">([^<]+)', body[start:end if end > 0 else None])
        assert found, field
        return found.group(1)
    assert "18 tahun" in error_at("child-birth_date")
    assert "laporan" in error_at("reporter_kind").lower()
    site.session.rollback()
    assert site.session.scalar(select(ChildCase.id).where(ChildCase.origin == "laporan",
                                                          ChildCase.opened_on == date(2025, 8, 11))) is None


def test_a_refused_step_is_shown_again_with_its_error(site, client):
    login(client, "peksos.pasuruan")
    ident = register(site, client)
    response = act(client, ident, "step", {"step": "pendataan_asesmen", "done_on": "2025-08-11", "problems": "a",
                                           "needs": "", "potentials": "c", "resources": "d"})
    body = response.get_data(as_text=True)
    assert response.status_code == 422 and 'data-testid="field-error"' in body
    assert re.search(r">\s*a</textarea>", body)  # the problems typed stay


def test_who_sees_which_forms(site, client):
    login(client, "peksos.pasuruan")
    ident = register(site, client)
    client.post("/logout", data={"csrf_token": token(page(client, "/account/"))})
    for username in ("dinsos.pasuruan", "peksos2.pasuruan", "dinsos.jatim"):
        login(client, username)
        html = page(client, f"/admin/case/details/?id={ident}&tab=prosedur")
        assert 'data-testid="step-form"' not in html and "Raka" not in html
        assert act(client, ident, "step", {"step": "pendataan_asesmen", "done_on": "2025-08-11"}).status_code == 403
        client.post("/logout", data={"csrf_token": token(page(client, "/account/"))})
    login(client, "dinsos.pasuruan")
    assert client.get("/admin/case/intake/new/").status_code == 403
    client.post("/logout", data={"csrf_token": token(page(client, "/account/"))})
    login(client, "operator.pasuruan")
    assert client.get(f"/admin/case/details/?id={ident}").status_code == 404


def test_complaints_and_the_dashboard_tiles(site, client, clock):
    login(client, "peksos.pasuruan")
    register(site, client)
    client.post("/logout", data={"csrf_token": token(page(client, "/account/"))})
    login(client, "datin.pasuruan")
    html = page(client, "/admin/complaint/")
    response = client.post("/admin/complaint/record/", data={
        "csrf_token": token(html), "channel": "e_sambat", "received_on": "2025-08-11", "subject": ""})
    assert response.status_code == 422 and 'data-testid="field-error"' in response.get_data(as_text=True)
    response = client.post("/admin/complaint/record/", data={
        "csrf_token": token(html), "channel": "e_sambat", "received_on": "2025-08-11", "subject": "Lambat"})
    assert response.status_code == 302
    clock(date(2025, 8, 20))
    home = page(client, "/")
    tiles = {href.replace("&amp;", "&"): int(value)
             for href, value in re.findall(r'data-testid="tile"><a href="([^"]+)">(\d+)</a>', home)}
    overdue_cases = next(n for url, n in tiles.items() if "service=overdue" in url)
    overdue_complaints = next(n for url, n in tiles.items() if "state=overdue" in url)
    assert overdue_cases >= 1 and overdue_complaints == 1
    for url, count in tiles.items():  # each tile opens exactly what it counts
        if "service=" in url:
            assert page(client, url).count('data-testid="case-row"') == count, url
        elif "complaint" in url:
            assert page(client, url).count('data-testid="complaint-row"') == count, url
    listed = page(client, "/admin/case/?service=overdue&status=all")
    assert listed.count('data-testid="case-row"') == overdue_cases
    listed = page(client, "/admin/complaint/?state=overdue")
    assert listed.count('data-testid="complaint-row"') == 1 and "Lambat" in listed
    detail = re.search(r'href="(/admin/complaint/details/\?id=\d+)"', listed).group(1)
    html = page(client, detail)
    response = client.post(detail, data={"csrf_token": token(html), "answer": "Sudah ditangani",
                                         "answered_on": "2025-08-20", "version": "1"})
    assert response.status_code == 302
    assert "Sudah ditangani" in page(client, detail)
