"""Demo of the records issue 12 added, so a user sees each without typing (idempotent): the UMP table, a child not
yet in legal process placed on a meeting's agreement with a loss within the UMP, a school-exam request, progress
reports of a court placement, an under-12 court determination, and a notice sent late. Runs after the registry's
demo (the progress reports' author is a peksos of the LPKS)."""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.models.region import Region
from lpks.registry.models.institution import Institution
from lpks.residents.models.custody import PERIOD_OPEN, CustodyPeriod
from lpks.residents.models.obligations import MinimumWage, ProgressReport
from lpks.residents.models.placement import STATUS_EXITED, Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services import (
    admission,
    custody,
    placements,
    pre_process,
    reports,
    under12,
)
from lpks.residents.services import residents as resident_service
from lpks.residents.services.common import local_date, now, today

# Demo figures, labelled as such: Jawa Timur's and DKI Jakarta's provincial minimum wages (rupiah per month).
UMP = {"35": 2_305_985, "31": 5_396_761}
PRE_PROCESS_CHILD = ("ABH-DEMO-0007", "Yoga Prasetyo", 15, 12, "Merusak pagar tetangga (kerugian Rp750.000)")


def _placement(session: Session, institution: Institution, register: str) -> Placement | None:
    return session.scalar(select(Placement).join(Resident, Resident.id == Placement.resident_id)
                          .where(Resident.institution_id == institution.id, Resident.register_number == register,
                                 Placement.status != STATUS_EXITED))


def _ump(session: Session) -> int:
    added = 0
    for year in (today().year - 1, today().year):
        for province, amount in UMP.items():
            exists = session.scalar(select(MinimumWage.id).where(MinimumWage.province_code == province,
                                                                 MinimumWage.year == year))
            if exists is None and session.get(Region, province) is not None:
                session.add(MinimumWage(province_code=province, year=year, amount=amount,
                                        decree=f"Data contoh demo (UMP {year})"))
                added += 1
    session.flush()
    return added


def _pre_process(session: Session, user, institution: Institution) -> None:
    register, name, age, days_ago, offence = PRE_PROCESS_CHILD
    if session.scalar(select(Resident.id).where(Resident.institution_id == institution.id,
                                                Resident.register_number == register)) is not None:
        return
    offence_date = today() - timedelta(days=days_ago)
    resident = resident_service.create(session, user, {
        "institution_id": institution.id, "register_number": register, "kind": "anak", "full_name": name,
        "sex": "laki_laki", "birth_date": offence_date.replace(year=offence_date.year - age) - timedelta(days=40),
        "birth_place": "Pasuruan", "address": "Kota Pasuruan", "parent_guardian": "Orang tua (contoh)",
        "offence_date": offence_date, "offence_description": offence})
    start = today() - timedelta(days=2)
    placement = placements.create(session, user, {
        "resident_id": resident.id, "basis": "pre_process", "start_date": start,
        "conditions": ["delik_aduan", "kerugian_tidak_melebihi_ump"], "victim_loss": 750_000})
    handover = now() - timedelta(days=1)
    for n, (code, _label, _pasal) in enumerate(admission.document_choices("pre_process"), start=1):
        admission.add_document(session, user, placement, {"code": code, "number": f"{n:03d}/DEMO/{placement.id}",
                                                          "dated": start, "received_at": handover})
    pre_process.record_meeting(session, user, placement, {
        "held_on": start, "place": "Pusat Kesejahteraan Sosial Kelurahan Bugul Kidul", "initiator": "peksos",
        "initiator_name": "Pekerja sosial LPKS",
        "participants": ["anak_keluarga", "korban_keluarga", "tokoh_masyarakat", "tokoh_agama", "aparatur_desa",
                         "bhabinkamtibmas"],
        "outcome": "Keluarga anak mengganti kerugian korban; anak ditempatkan di LPKS untuk rehabilitasi sosial "
                   "selama 3 bulan; korban dan keluarganya menerima."})
    admission.admit(session, user, placement, {"handover_at": handover})


def _school_exam(session: Session, user, institution: Institution) -> None:
    placement = _placement(session, institution, "ABH-DEMO-0001")
    if placement is None or reports.exam_requests(session, placement):
        return
    row = reports.request_exam(session, user, placement, {
        "exam": "Asesmen Sumatif Akhir Semester", "school": "SMP Negeri 2 Pasuruan",
        "exam_date": today() + timedelta(days=6), "place": "sekolah",
        "addressee": "Kasat Reskrim Polres Pasuruan Kota", "letter_number": f"400/{placement.id}/LPKS/DEMO",
        "letter_date": today() - timedelta(days=1)})
    reports.record_exam_answer(session, user, row, {"answer": "granted_lpks", "answer_date": today(),
                                                    "answer_note": "Ujian di LPKS dengan pengawas dari sekolah."})


def _progress(session: Session, user, institution: Institution) -> None:
    placement = _placement(session, institution, "ABH-DEMO-0003")
    if placement is None or session.scalar(select(ProgressReport.id).where(
            ProgressReport.placement_id == placement.id)) is not None:
        return
    author = next(iter(reports.peksos_of(session, placement)), None)
    if author is None:
        return
    for days_ago, good, summary, recommendation in (
            (60, False, "Masih sulit mengikuti jadwal; dua kali bertengkar dengan teman sekamar.", "continue"),
            (7, True, "Mengikuti konseling dan kelas menjahit dengan tertib; hubungan dengan keluarga membaik.",
             "parole")):
        reports.add_report(session, user, placement, {
            "author_id": author.id, "report_date": today() - timedelta(days=days_ago), "summary": summary,
            "behaviour_good": good, "recommendation": recommendation})


def _court_determination(session: Session, user, institution: Institution) -> None:
    placement = _placement(session, institution, "ABH-DEMO-0005")
    if placement is None or placement.court_submitted_on is not None:
        return
    day = local_date(placement.handover_at) if placement.handover_at else today()
    under12.record_court(session, user, placement, {"court_submitted_on": day})
    under12.record_court(session, user, placement, {
        "court_determination_number": f"{placement.id}/Pen.Pid.Sus-Anak/{day.year}/PN Psr",
        "court_determination_date": day})


def _late_notice(session: Session, user, institution: Institution) -> None:
    placement = _placement(session, institution, "ABH-DEMO-0002")
    if placement is None:
        return
    period = session.scalar(select(CustodyPeriod).where(CustodyPeriod.placement_id == placement.id,
                                                        CustodyPeriod.status == PERIOD_OPEN))
    if period is None or period.notice_sent_on is not None or period.notice_deadline >= today():
        return
    custody.record_notice(session, user, period, {"notice_sent_on": today(),
                                                  "notice_number": f"400/{period.id}/LPKS/DEMO"})


def seed_obligations(session: Session, institutions: list[Institution]) -> str:
    """The issue-12 records of the demo, in the first LPKS (idempotent)."""
    from lpks.residents.demo import _operator

    added = _ump(session)
    if not institutions:
        return f"UMP: {added} baris"
    institution = institutions[0]
    user = _operator(session, institution)
    for step in (_pre_process, _school_exam, _progress, _court_determination, _late_notice):
        step(session, user, institution)
    session.flush()
    return f"UMP: {added} baris; musyawarah, ujian sekolah, laporan perkembangan, penetapan pengadilan, surat terlambat"
