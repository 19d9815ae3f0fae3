"""An operator cannot reach another LPKS by any path; a Dinas Sosial cannot reach another region's LPKS; the
system administrator sees no registry data. Every path: admin list, details, edit, delete, export, custom pages,
API list, detail, update and delete, with incremented ids."""
from __future__ import annotations

import pytest
from sqlalchemy import select

from lpks.registry.models.evidence import EvidenceDocument
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification
from tests.registry.conftest import JAKARTA, PASURUAN, SURABAYA, TARUNA, ids

MODELS = {  # admin endpoint, API path, model
    "staff": ("staff", "/api/v1/staff", StaffMember),
    "position": ("position", "/api/v1/positions", OrganisationPosition),
    "funding": ("funding", "/api/v1/funding-sources", FundingSource),
    "financial_report": ("financial_report", "/api/v1/financial-reports", FinancialReport),
    "evidence": ("evidence", "/api/v1/evidence", EvidenceDocument),
    "verification": ("verification", "/api/v1/verifications", Verification),
}
# The LPKS each user may see.
VISIBLE = {"operator.pasuruan": {PASURUAN}, "dinsos.pasuruan": {PASURUAN},
           "dinsos.jatim": {PASURUAN, TARUNA, SURABAYA, "LPKS Cahaya Anak Malang"}}


def _rows(session, model):
    session.rollback()
    names = {i.id: i.name for i in session.scalars(select(Institution))}
    return [(row.id, names[row.institution_id]) for row in session.scalars(select(model))]


@pytest.mark.parametrize("username", sorted(VISIBLE))
@pytest.mark.parametrize("kind", sorted(MODELS))
def test_every_record_path_follows_scope(browse, session, username, kind):
    endpoint, api, model = MODELS[kind]
    b = browse(username)
    rows = _rows(session, model)
    assert {name for _i, name in rows} - VISIBLE[username], "the demo must hold records outside the scope"
    listed = {item["id"] for item in b.get(f"{api}?per_page=100").get_json()["items"]}
    visible_ids = {i for i, name in rows if name in VISIBLE[username]}
    if kind == "verification":
        assert listed <= visible_ids
    else:
        assert listed == visible_ids
    for ident, name in rows:
        inside = name in VISIBLE[username]
        assert (b.get(f"{api}/{ident}").status_code == 200) == inside, (kind, ident, name)
        details = b.get(f"/admin/{endpoint}/details/?id={ident}", follow_redirects=False)
        if not inside:
            assert details.status_code in (302, 404) and name not in b.get(
                f"/admin/{endpoint}/details/?id={ident}", follow_redirects=True).get_data(as_text=True)
            patched = b.api("PATCH", f"{api}/{ident}", json={"note": "x", "version": 1})
            assert patched.status_code in (404, 405), (kind, ident, patched.status_code)
            assert b.api("DELETE", f"{api}/{ident}").status_code in (404, 405)
            b.post(f"/admin/{endpoint}/delete/", data={"id": str(ident)})
    session.rollback()
    assert len(_rows(session, model)) == len(rows)
    export = b.get(f"/admin/{endpoint}/export/csv/")
    if export.status_code == 200:
        text = export.get_data(as_text=True)
        for name in {n for _i, n in rows} - VISIBLE[username]:
            assert name not in text


@pytest.mark.parametrize("username", sorted(VISIBLE))
def test_custom_pages_of_another_lpks_answer_404(browse, session, username):
    b = browse(username)
    for name, ident in ids(session).items():
        inside = name in VISIBLE[username]
        for path in (f"/admin/registry/{ident}", f"/admin/registry/{ident}/facilities", f"/admin/standards/{ident}",
                     f"/admin/standards/{ident}/print", f"/admin/standards/{ident}/xlsx",
                     f"/api/v1/institutions/{ident}/standards", f"/api/v1/institutions/{ident}/facilities",
                     f"/api/v1/institutions/{ident}/work-area"):
            status = b.get(path).status_code
            assert (status == 200) == inside and status in (200, 404), (path, status)
        if not inside:
            for path in (f"/admin/registry/{ident}/profile", f"/admin/registry/{ident}/work-area",
                         f"/admin/registry-files/{ident}/import/staff"):
                assert b.get(path).status_code == 404, path
            put = b.api("PUT", f"/api/v1/institutions/{ident}/work-area", json={"kabkota_codes": ["35.75"]})
            assert put.status_code == 404
            posted = b.post(f"/admin/registry/{ident}/facilities",
                            data={"status-e.perkantoran.dapur": "tidak"})
            assert posted.status_code == 404


def test_writes_with_another_lpks_id_are_refused(browse, session):
    names = ids(session)
    b = browse("operator.pasuruan")
    for path, body in (("/api/v1/staff", {"name": "Penyusup", "function": "supir"}),
                       ("/api/v1/positions", {"position": "pimpinan", "holder_name": "Penyusup"}),
                       ("/api/v1/funding-sources", {"year": 2026, "source_kind": "apbd", "amount": "1"}),
                       ("/api/v1/financial-reports", {"year": 2020})):
        response = b.api("POST", path, json={**body, "institution_id": names[SURABAYA]})
        assert response.status_code == 404 and response.get_json()["field"] == "institution_id", path
    own = b.api("GET", f"/api/v1/staff?institution_id={names[PASURUAN]}").get_json()["items"][0]
    moved = b.api("PATCH", f"/api/v1/staff/{own['id']}", json={"institution_id": names[JAKARTA],
                                                                "version": own["version"]})
    assert moved.status_code in (404, 422)
    session.rollback()
    assert session.get(StaffMember, own["id"]).institution_id == names[PASURUAN]


def test_read_only_roles_cannot_write(browse, session):
    names = ids(session)
    for username in ("dinsos.jatim", "kemensos", "dinsos.pasuruan"):
        b = browse(username)
        response = b.api("POST", "/api/v1/staff", json={"name": "X", "function": "supir",
                                                        "institution_id": names[PASURUAN]})
        assert response.status_code in (403, 404), username
        staff = b.get(f"/api/v1/staff?institution_id={names[PASURUAN]}").get_json()["items"][0]
        assert b.api("PATCH", f"/api/v1/staff/{staff['id']}", json={"note": "x", "version": staff["version"]}
                     ).status_code == 403
        assert b.get("/admin/staff/new/").status_code in (302, 403)


def test_the_system_administrator_sees_no_registry_data(browse, session):
    b = browse("admin")
    for path in ("/admin/registry/", "/admin/staff/", "/admin/evidence/", "/admin/verification/",
                 "/admin/registry-files/export/staff.xlsx"):
        assert b.get(path).status_code == 403, path
    for path in ("/api/v1/staff", "/api/v1/evidence", "/api/v1/verifications", "/api/v1/funding-sources"):
        assert b.get(path).get_json()["total"] == 0, path


def test_relation_dropdowns_list_only_the_users_lpks(browse, session):
    html = browse("operator.pasuruan").get("/admin/staff/new/").get_data(as_text=True)
    assert PASURUAN in html and SURABAYA not in html and JAKARTA not in html
    html = browse("operator.pasuruan").get("/admin/position/new/").get_data(as_text=True)
    assert SURABAYA not in html


def test_admin_list_exports_are_audited(browse, session):
    from lpks.platform.models.audit import AuditLog

    response = browse("dinsos.jatim").get("/admin/staff/export/csv/")
    assert response.status_code == 200 and response.get_data(as_text=True)
    session.rollback()
    assert session.scalar(select(AuditLog).where(AuditLog.action == "export", AuditLog.object_type == "staff_member",
                                                 AuditLog.username == "dinsos.jatim")) is not None
