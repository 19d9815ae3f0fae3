"""One flow through the web interface as new users would do it: the LPKS operator fills its registry, the Dinas
Sosial verifies, the operator reads the findings in the standards report and prints it."""
from __future__ import annotations

import html as htmllib
import io
import re
from datetime import date, timedelta

from tests.registry.conftest import JPEG, PASURUAN


def link(page: str, text: str) -> str:
    """The href of the first link whose text starts with `text`."""
    match = re.search(r'<a[^>]*href="([^"]+)"[^>]*>\s*' + re.escape(text), page)
    assert match, f"no link '{text}'"
    return htmllib.unescape(match.group(1))


def test_operator_fills_the_registry_and_dinsos_verifies(browse):
    op = browse("operator.pasuruan")
    menu = op.get("/account/").get_data(as_text=True)
    index = op.get(link(menu, "Daftar dan kepatuhan")).get_data(as_text=True)
    lpks_url = link(index, PASURUAN)
    page = op.get(lpks_url).get_data(as_text=True)

    profile_url = link(page, "Ubah profil dan status")
    form = op.get(profile_url).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', form).group(1)
    saved = op.post(profile_url, data={
        "formation_kind": "masyarakat", "deed_number": "Akta No. 12", "deed_date": "2014-03-10",
        "kemenkumham_decree_number": "AHU-0042",
        "vision": "Anak pulih dan mandiri", "mission": "Rehabilitasi ramah anak",
        "program_rehabilitation_stages": "Asesmen sampai terminasi", "program_rehabilitation_forms": "Konseling",
        "program_reintegration": "Bersama PK", "program_companionship": "Peksos mendampingi", "version": version})
    assert saved.status_code == 302
    page = op.get(lpks_url).get_data(as_text=True)
    assert "Akta No. 12" in page and "Anak pulih dan mandiri" in page

    # A second registration, at the Dinas Sosial of the province (Pasal 54 ayat 2): added from the LPKS page.
    registration_url = link(page, "Tambah")
    registration_form = op.get(registration_url).get_data(as_text=True)
    assert "Instansi pendaftar" in registration_form and "Nomor tanda daftar" in registration_form
    inst_option = re.search(r'<option selected value="(\d+)">' + re.escape(PASURUAN), registration_form)
    added = op.post(registration_url, data={
        "institution_id": inst_option.group(1), "authority": "dinsos_provinsi", "region_code": "",
        "number": "460/555/DS/2026", "issued_on": "2021-03-01",
        "valid_until": (date.today() + timedelta(days=700)).isoformat()})
    assert added.status_code == 302 and added.location.endswith(lpks_url), added.get_data(as_text=True)[:500]
    page = op.get(lpks_url).get_data(as_text=True)
    assert "460/555/DS/2026" in page

    staff_form_url = link(page, "tambah")
    staff_form = op.get(staff_form_url).get_data(as_text=True)
    assert "Pekerja Sosial Profesional" in staff_form
    inst_id = re.search(r'<option selected value="(\d+)">' + re.escape(PASURUAN), staff_form) or re.search(
        r'<option value="(\d+)"[^>]*>' + re.escape(PASURUAN), staff_form)
    added = op.post(staff_form_url, data={"institution_id": inst_id.group(1), "name": "Nadia Putri",
                                          "function": "psikolog", "engagement": "kerja_sama",
                                          "partner_name": "Universitas Merdeka", "active_from": "2025-01-06"})
    assert added.status_code == 302, added.get_data(as_text=True)[:500]
    assert "Nadia Putri" in op.get("/admin/staff/").get_data(as_text=True)

    facilities_url = link(page, "Sarana dan prasarana")
    checklist = op.get(facilities_url).get_data(as_text=True)
    versions = dict(re.findall(r'name="version-([^"]+)" value="(\d+)"', checklist))
    data = {"status-e.pelayanan_teknis.ruang_kesenian": "tersedia", "quantity-e.pelayanan_teknis.ruang_kesenian": "1",
            "condition-e.pelayanan_teknis.ruang_kesenian": "baik"}
    data.update({f"version-{code}": v for code, v in versions.items()})
    for code in versions:
        data.setdefault(f"status-{code}", re.search(
            rf'name="status-{re.escape(code)}".*?<option value="(\w+)" selected', checklist, re.S).group(1))
    assert op.post(facilities_url, data=data).status_code == 302

    upload_url = link(page, "Unggah bukti")
    uploaded = op.post(upload_url, data={"institution_id": inst_id.group(1), "title": "Foto ruang kesenian",
                                         "kind": "foto_sarana", "item_codes": ["e.pelayanan_teknis.ruang_kesenian"],
                                         "file": (io.BytesIO(JPEG), "kesenian.jpg")},
                       content_type="multipart/form-data")
    assert uploaded.status_code == 302

    dinsos = browse("dinsos.pasuruan")
    page = dinsos.get(lpks_url).get_data(as_text=True)
    new_round = dinsos.post(link(page, "Verifikasi baru"), data={
        "visit_date": date.today().isoformat(), "team": "Seksi Rehsos Anak"})
    round_url = new_round.headers["Location"]
    assert dinsos.post(round_url, data={
        "status-e.pelayanan_teknis.ruang_kesenian": "sebagian", "note-e.pelayanan_teknis.ruang_kesenian":
        "Ruang dipakai bersama gudang", "status-c.pemahaman_rehsos": "terpenuhi"}).status_code == 302
    round_page = dinsos.get(round_url).get_data(as_text=True)
    version = re.search(r'name="version" type="hidden" value="(\d+)"', round_page).group(1)
    finalise_url = re.search(r'action="([^"]+/finalise)"', round_page).group(1)
    assert dinsos.post(finalise_url, data={"version": version}).status_code == 302

    page = op.get(lpks_url).get_data(as_text=True)
    report = op.get(link(page, "Laporan standar")).get_data(as_text=True)
    assert "Ruang dipakai bersama gudang" in report and "Foto ruang kesenian" in report
    printable = op.get(link(report, "Cetak (A4)"))
    text = printable.get_data(as_text=True)
    assert printable.status_code == 200 and "registry-print.css" in text and "LAPORAN PEMENUHAN STANDAR" in text
    # no inline style or code (the CSP forbids them); the one script is the print button's static file
    assert "style=" not in text and re.findall(r"<script[^>]*>", text) == ['<script src="/static/print.js" defer>']
    static = op.get("/static/registry-print.css")
    css = static.get_data(as_text=True)
    static.close()
    assert static.status_code == 200 and "size: A4" in css


def test_editing_and_deleting_a_staff_record_in_the_admin(browse, session):
    from sqlalchemy import select

    from lpks.registry.models.institution import Institution
    from lpks.registry.models.staff import StaffMember
    from lpks.platform.models.user import User

    op = browse("operator.pasuruan")
    own = session.scalar(select(User.institution_id).where(User.username == "operator.pasuruan"))
    # the demo gives every LPKS a "Siti Rahmawati": take the operator's own
    staff = session.scalar(select(StaffMember).join(Institution, Institution.id == StaffMember.institution_id)
                           .where(StaffMember.name == "Siti Rahmawati", Institution.id == own)
                           .order_by(StaffMember.id))
    form = op.get(f"/admin/staff/edit/?id={staff.id}").get_data(as_text=True)
    version = re.search(r'id="version" name="version"[^>]*value="(\d+)"', form) or re.search(
        r'name="version"[^>]*value="(\d+)"', form)
    inst = re.search(r'<option selected value="(\d+)">', form).group(1)
    data = {"institution_id": inst, "name": "Siti Rahmawati, S.Sos", "function": staff.function,
            "engagement": "sendiri", "active_from": "2019-01-07", "version": version.group(1)}
    saved = op.post(f"/admin/staff/edit/?id={staff.id}", data=data)
    assert saved.status_code == 302, saved.get_data(as_text=True)[:2000]
    session.rollback()
    assert session.get(StaffMember, staff.id).name == "Siti Rahmawati, S.Sos"
    stale = op.post(f"/admin/staff/edit/?id={staff.id}", data=data, follow_redirects=True).get_data(as_text=True)
    assert "telah diubah oleh pengguna lain" in stale
    assert op.post("/admin/staff/delete/", data={"id": str(staff.id)}).status_code == 302
    ident = staff.id
    session.rollback()
    session.expunge_all()
    assert session.scalar(select(StaffMember).where(StaffMember.id == ident)) is None
