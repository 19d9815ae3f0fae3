"""One page per child: the child, the placements, the custody periods, the case and the documents as tabs, each
within the user's scope, the identity only behind the audited reveal."""
from __future__ import annotations

import pytest
from lxml import html as lxml_html
from sqlalchemy import func, select

from lpks.platform.models.audit import AuditLog
from lpks.residents.models.resident import Resident
from tests.conftest import csrf_token, login


def _child(session, register: str) -> int:
    return session.scalar(select(Resident.id).where(Resident.register_number == register))


def _tab(client, ident: int, tab: str):
    response = client.get(f"/admin/resident/details/?id={ident}&tab={tab}")
    assert response.status_code == 200
    return lxml_html.fromstring(response.get_data(as_text=True))


def test_the_childs_page_joins_placements_custody_case_and_documents(demo, client, session):
    ident = _child(session, "ABH-DEMO-0001")  # a titipan child of the operator's LPKS
    login(client, "operator.pasuruan")
    page = _tab(client, ident, "anak")
    tabs = [a.text_content().strip() for a in page.xpath("//ul[@data-testid='child-tabs']//a")]
    assert tabs == ["Anak", "Penempatan", "Masa titipan", "Kasus", "Dokumen"]
    assert page.xpath("//*[@data-testid='reveal']")  # the identity stays behind its audited action
    placements = _tab(client, ident, "penempatan").xpath("//table[@data-testid='child-placements']//tbody/tr")
    assert placements and "Titipan" in placements[0].text_content()
    custody = _tab(client, ident, "titipan").xpath("//table[@data-testid='child-custody']//tbody/tr")
    assert custody and "Penyidikan" in custody[0].text_content()  # the level by its name
    documents = _tab(client, ident, "dokumen").xpath("//table[@data-testid='child-documents']//tbody/tr")
    assert len(documents) >= 3 and all("/DEMO/" in d.text_content() for d in documents)
    for tab in ("anak", "penempatan", "titipan", "kasus", "dokumen"):  # never the name on any tab
        assert "Budi" not in _tab(client, ident, tab).text_content()


def test_the_case_tab_leads_to_the_childs_case(demo, client, session):
    from lpks.cases.models import ChildCase

    ident, case_id = session.execute(select(ChildCase.resident_id, ChildCase.id).where(
        ChildCase.institution_id.is_not(None)).order_by(ChildCase.id)).first()
    login(client, "operator.pasuruan")
    rows = _tab(client, ident, "kasus").xpath("//table[@data-testid='child-cases']//a[@data-testid='child-case']")
    assert [a.get("href") for a in rows] == [f"/admin/case/details/?id={case_id}"]


def test_each_tab_keeps_to_the_users_scope(demo, client, session):
    outside = _child(session, "ABH-DEMO-0201")  # a child of the Jakarta LPKS
    login(client, "operator.pasuruan")
    for tab in ("anak", "penempatan", "titipan", "kasus", "dokumen"):  # as one that does not exist: back to the list
        response = client.get(f"/admin/resident/details/?id={outside}&tab={tab}")
        assert response.status_code in (302, 404) and "ABH-DEMO-0201" not in response.get_data(as_text=True)


@pytest.mark.parametrize("username", ["dinsos.jatim", "kemensos"])
def test_roles_without_identity_see_initials_and_no_reveal(demo, client, session, username):
    ident = _child(session, "ABH-DEMO-0001")
    login(client, username)
    page = _tab(client, ident, "anak")
    assert not page.xpath("//*[@data-testid='reveal']") and "B.S." in page.text_content()


def test_the_reveal_from_the_child_tab_is_audited(demo, client, session):
    ident = _child(session, "ABH-DEMO-0001")
    login(client, "operator.pasuruan")
    before = session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_identity"))
    session.rollback()
    token = csrf_token(client, f"/admin/resident/details/?id={ident}&tab=anak")
    response = client.post(f"/admin/resident/identity/?id={ident}", data={"csrf_token": token})
    assert response.status_code == 200 and "Budi Santoso" in response.get_data(as_text=True)
    session.rollback()  # a new read: the request committed after this session's snapshot
    after = session.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.action == "view_identity"))
    assert after == before + 1
