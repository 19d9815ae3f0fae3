"""One accreditation through the web interface, as new users in each role would do it: following the links of
their dashboard and submitting the forms they see, from the self-assessment to the printed certificate."""
from __future__ import annotations

import re
from html import unescape

from sqlalchemy import select

from lpks.accreditation.models import Assessment, AssessmentAnswer
from tests.conftest import login

from .conftest import PASURUAN, institution_id


def _form(html: str, testid: str) -> tuple[str, dict[str, str]]:
    """The action and the hidden inputs of the form marked data-testid=testid."""
    match = re.search(r'<form method="post" action="([^"]+)"[^>]*data-testid="%s"(.*?)</form>' % re.escape(testid),
                      html, re.S)
    assert match, f"no form {testid}"
    hidden = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', match.group(2)))
    return unescape(match.group(1)), hidden


def _link(html: str, pattern: str) -> str:
    match = re.search(r'href="(%s)"' % pattern, html)
    assert match, f"no link {pattern}"
    return unescape(match.group(1))


def _dashboard_link_to_assessment(client) -> str:
    home = client.get("/").get_data(as_text=True)
    return _link(home, r"/admin/accreditation/\d+")


def test_from_self_assessment_to_certificate(demo, app, session):
    inst_id = institution_id(session, PASURUAN)
    # 1. The LPKS operator opens the accreditation menu and starts the self-assessment.
    operator = app.test_client()
    login(operator, "operator.pasuruan")
    home = operator.get("/").get_data(as_text=True)
    listing = operator.get(_link(home, r"/admin/accreditation/")).get_data(as_text=True)
    start = re.search(r'<form method="post" action="([^"]+)" class="mb-3">(.*?)</form>', listing, re.S)
    fields = dict(re.findall(r'name="([^"]+)" value="([^"]*)"', start.group(2)))
    page = operator.post(start.group(1), data=fields, follow_redirects=True).get_data(as_text=True)
    assert "jawaban yang diketahui registri sudah terisi" in page
    assert 'data-testid="source-registry"' in page  # answers the registry gives show where they come from
    session.rollback()
    ident = session.scalar(select(Assessment.id).where(Assessment.institution_id == inst_id,
                                                       Assessment.state == "draft"))
    # 2. It answers every indicator, with evidence for its own claims, and watches the score move.
    action, hidden = _form(page, "answers-form")
    codes = re.findall(r'name="indicator" value="([^"]+)"', page)
    data = {**hidden, "indicator": codes}
    for number, code in enumerate(codes, start=1):
        data[f"answer-{code}"] = "terpenuhi"
        data[f"evidence-{code}"] = f"Arsip LPKS map {number}"
    page = operator.post(action, data=data, follow_redirects=True).get_data(as_text=True)
    assert "Jawaban disimpan" in page and 'data-testid="total">100,00<' in page
    # 3. It submits the self-assessment.
    action, hidden = _form(page, "step-submit")
    page = operator.post(action, data={**hidden, "note": "Siap diverifikasi"}, follow_redirects=True).get_data(
        as_text=True)
    assert 'data-state="submitted"' in page and 'data-testid="answers-form"' not in page

    # 4. Dinas Sosial Kota Pasuruan finds it in its queue, adjusts one indicator with a reason, and proposes.
    local = app.test_client()
    login(local, "dinsos.pasuruan")
    page = local.get(_dashboard_link_to_assessment(local)).get_data(as_text=True)
    assert f"#{ident}" in page
    action, hidden = _form(page, "adjust-b.visi")
    page = local.post(action, data={**hidden, "answer": "sebagian", "reason": "Visi belum disahkan pengurus"},
                      follow_redirects=True).get_data(as_text=True)
    assert "Indikator disesuaikan" in page and "Visi belum disahkan pengurus" in page
    assert 'data-testid="total">100,00<' not in page
    # Answers the registry's own evaluation says "belum" are shown as conflicts and go on only with a reason
    # (RULES §3): the office records one per conflict.
    conflicts = re.findall(r'data-testid="conflict-form-([^"]+)"', page)
    assert conflicts and "Bertentangan dengan registri" in page
    for code in conflicts:
        action, hidden = _form(page, f"conflict-form-{code}")
        page = local.post(action, data={**hidden, "reason": "Dokumen asli diperiksa saat kunjungan"},
                          follow_redirects=True).get_data(as_text=True)
    assert not re.findall(r'data-testid="conflict-form-', page) and "Diteruskan dengan alasan" in page
    action, hidden = _form(page, "step-propose")
    page = local.post(action, data={**hidden, "note": "Diverifikasi 12 Maret"}, follow_redirects=True).get_data(
        as_text=True)
    assert 'data-state="proposed"' in page

    # 5. Dinas Sosial Provinsi Jawa Timur recommends it to the Minister.
    province = app.test_client()
    login(province, "dinsos.jatim")
    home = province.get("/").get_data(as_text=True)
    page = province.get(_link(home, rf"/admin/accreditation/{ident}")).get_data(as_text=True)
    assert page.count('data-testid="conflict-') == len(conflicts)  # the province sees them and the reasons
    action, hidden = _form(page, "step-recommend")
    page = province.post(action, data={**hidden, "note": ""}, follow_redirects=True).get_data(as_text=True)
    assert 'data-state="recommended"' in page

    # 6. Kementerian Sosial designates it with the bands' grade, a decree number and date; prints the certificate.
    ministry = app.test_client()
    login(ministry, "kemensos")
    home = ministry.get("/").get_data(as_text=True)
    page = ministry.get(_link(home, rf"/admin/accreditation/{ident}")).get_data(as_text=True)
    action, hidden = _form(page, "step-designate")
    selected = re.search(r'<option value="([ABC]|none)" selected>', page).group(1)
    assert selected == "A"
    date_value = re.search(r'name="decree_date" id="decree_date-\d+" value="([^"]+)"', page).group(1)
    page = ministry.post(action, data={**hidden, "grade": selected, "grade_reason": "",
                                       "decree_number": "123/HUK/2026", "decree_date": date_value, "note": ""},
                         follow_redirects=True).get_data(as_text=True)
    assert 'data-state="designated"' in page and 'data-testid="grade">A' in page
    certificate = ministry.get(_link(page, rf"/admin/accreditation/{ident}/certificate"))
    text = certificate.get_data(as_text=True)
    assert certificate.status_code == 200 and 'accreditation-print.css' in text and "style=" not in text
    assert PASURUAN in text and 'data-testid="cert-grade">A<' in text and "123/HUK/2026" in text
    assert 'data-testid="void"' not in text
    # The class is shown with its reasons; the LPKS sees the result and prints the same certificate.
    assert 'data-testid="criteria"' in page and 'data-criterion="C.kabupaten_kota" data-met="false"' in page
    assert operator.get(f"/admin/accreditation/{ident}/certificate").status_code == 200

    # Who, when and why of every step is kept; the LPKS's own answer stays next to the adjustment.
    session.rollback()
    steps = [e["action"] for e in ministry.get(f"/api/v1/accreditation/assessments/{ident}/events").get_json()["items"]]
    assert steps == ["start", "submit", "propose", "recommend", "designate"]
    visi = session.scalars(select(AssessmentAnswer).where(AssessmentAnswer.assessment_id == ident,
                                                          AssessmentAnswer.indicator_code == "b.visi")
                           .order_by(AssessmentAnswer.id)).all()
    assert [r.source for r in visi][-1] == "verifier" and any(r.answer_code == "terpenuhi" for r in visi)
