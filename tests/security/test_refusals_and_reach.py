"""Refused access leaves a trace (issue 18, item 5b: ASVS 7.2.2), aggregated so that a scan is one row with its count
and never the child's identity; and the system administrator's reach (item 7): the LPKS directory (id, name, region)
for scoping users, nothing of an LPKS's registry records."""
from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog, AuditTally
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.residents.models.resident import Resident
from lpks.security import DIRECTORY, READ, can
from tests.conftest import login
from tests.security.matrix import OUTSIDE_CHILD, seed_children

PASURUAN = "LPKS Bina Harapan Kota Pasuruan"


def _refusals(session, username: str):
    session.rollback()
    user_id = session.scalar(select(User.id).where(User.username == username))
    rows = session.scalars(select(AuditLog).where(AuditLog.action == "access_refused", AuditLog.user_id == user_id)
                           .order_by(AuditLog.id)).all()
    tallies = {t.audit_id: t.hits for t in session.scalars(select(AuditTally).where(
        AuditTally.audit_id.in_([r.id for r in rows])))}
    return rows, tallies


def test_a_scan_of_other_lpks_children_is_one_row_with_its_count(demo, app, client, session):
    seed_children(app, session)
    own = session.scalar(select(Institution.id).where(Institution.name == PASURUAN))
    foreign = session.scalars(select(Resident.id).where(Resident.institution_id != own).order_by(Resident.id)).all()
    guessed = [max(foreign) + n for n in range(1, 11)]
    login(client, "operator.pasuruan")
    for ident in foreign + guessed:
        assert client.get(f"/api/v1/residents/{ident}").status_code == 404
    for ident in foreign[:5]:
        assert client.get(f"/admin/resident/details/?id={ident}").status_code in (302, 404)
    rows, tallies = _refusals(session, "operator.pasuruan")
    assert {r.object_type for r in rows} == {"resident"}
    assert len(rows) <= 2  # one per minute (a run may straddle a minute)
    assert sum(tallies.values()) == len(foreign) + len(guessed) + len(foreign[:5])
    row = rows[0]
    assert row.username == "operator.pasuruan" and row.role == "operator_lpks" and row.object_id is None
    text = " ".join(str(getattr(r, c)) for r in rows for c in ("object_type", "object_id", "fields"))
    assert OUTSIDE_CHILD["full_name"] not in text and OUTSIDE_CHILD["nik"] not in text


def test_the_administrator_sees_refusals_with_their_count(demo, app, client, session):
    scanner = app.test_client()
    login(scanner, "dinsos.pasuruan")
    foreign = session.scalars(select(StaffMember.id).join(Institution, Institution.id == StaffMember.institution_id)
                              .where(Institution.kabkota_code != "35.75").limit(12)).all()
    assert len(foreign) == 12
    for ident in foreign:
        assert scanner.get(f"/api/v1/staff/{ident}").status_code == 404
    login(client, "admin")
    page = client.get("/admin/audit/").get_data(as_text=True)
    assert "Jumlah dalam semenit" in page
    rows = re.findall(r"<tr>.*?</tr>", page, re.S)
    refused = [r for r in rows if "Akses ditolak" in r and "dinsos.pasuruan" in r]
    assert refused and sum(int(n) for r in refused for n in re.findall(r">\s*(\d+)\s*</td>\s*</tr>", r + "</tr>")) == 12
    dashboard = client.get("/").get_data(as_text=True)
    assert "Akses ditolak (24 jam)" in dashboard


def test_a_role_refused_a_whole_list_is_counted_too(demo, client, session):
    login(client, "admin")
    for _ in range(3):
        assert client.get("/admin/resident/").status_code == 403
    rows, tallies = _refusals(session, "admin")
    assert {r.object_type for r in rows} == {"resident"} and sum(tallies.values()) == 3


def test_refusal_rows_stay_append_only(demo, client, session):
    login(client, "operator.pasuruan")
    client.get("/api/v1/residents/999999")
    rows, _tallies = _refusals(session, "operator.pasuruan")
    rows[0].action = "dihapus"
    with pytest.raises(PermissionError):
        session.flush()
    session.rollback()


# --- the administrator's reach ----------------------------------------------------------------------------------

def test_the_policy_gives_the_administrator_the_directory_only(demo, session):
    admin = session.scalar(select(User).where(User.username == "admin"))
    inst = session.scalar(select(Institution).where(Institution.name == PASURUAN))
    assert can(admin, DIRECTORY, inst) and not can(admin, READ, inst)
    operator = session.scalar(select(User).where(User.username == "operator.pasuruan"))
    assert can(operator, DIRECTORY, inst) and can(operator, READ, inst)  # reading an LPKS includes its entry


@pytest.mark.parametrize("path", [
    "/api/v1/institutions/{id}", "/api/v1/institutions/{id}/facilities", "/api/v1/institutions/{id}/work-area",
    "/api/v1/institutions/{id}/standards", "/api/v1/institutions/{id}/registrations",
    "/admin/registry/{id}", "/admin/registry/{id}/facilities", "/admin/standards/{id}",
    "/admin/institution/details/?id={id}"])
def test_the_administrator_reads_no_registry_record(demo, client, session, path):
    inst = session.scalar(select(Institution.id).where(Institution.name == PASURUAN))
    staff = session.scalars(select(StaffMember.name).where(StaffMember.institution_id == inst)).all()
    login(client, "admin")
    response = client.get(path.format(id=inst))
    assert response.status_code in (403, 404)
    body = response.get_data(as_text=True)
    assert not any(name in body for name in staff)


def test_the_administrator_lists_lpks_names_to_scope_users(demo, client, session):
    login(client, "admin")
    insts = session.scalars(select(Institution)).all()
    page = client.get("/admin/institution_directory/").get_data(as_text=True)
    assert all(i.name in page for i in insts)
    assert not any(i.address and i.address in page for i in insts)  # names and regions, nothing else
    assert client.get("/api/v1/staff").get_json()["total"] == 0
    assert client.get("/api/v1/institutions").get_json()["total"] == 0
    users = client.get("/admin/user/").get_data(as_text=True)
    operator_inst = session.scalar(select(Institution).join(User, User.institution_id == Institution.id)
                                   .where(User.username == "operator.pasuruan"))
    assert f"#{operator_inst.id} {operator_inst.name}" in users
    assert session.scalar(select(func.count()).select_from(Institution)) == len(insts)
