"""Demo data of the residents area: the holiday calendar and a few children in realistic situations (idempotent).

Dates are chosen relative to today so the dashboards always show something to act on; every due date is
computed by the same services as in real use.
"""
from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.models.user import ROLE_OPERATOR, User
from lpks.platform.services import holidays
from lpks.registry.models.institution import Institution
from lpks.residents.models.resident import Resident
from lpks.residents.services import admission as placements_admission
from lpks.residents.services import custody, placements
from lpks.residents.services import residents as resident_service
from lpks.residents.services.common import local_date, now, today

# (register, kind, name, sex, born years before the offence, offence days ago, offence, placement scenario)
CHILDREN = [
    ("ABH-DEMO-0001", "anak", "Budi Santoso", "laki_laki", 15, 40, "Pencurian sepeda motor", "titipan_notice_due"),
    ("ABH-DEMO-0002", "anak", "Rizky Pratama", "laki_laki", 16, 60, "Penganiayaan ringan", "titipan_overdue"),
    ("ABH-DEMO-0003", "anak", "Siti Aminah", "perempuan", 14, 240, "Pencurian", "court_parole"),
    ("ABH-DEMO-0004", "anak", "Dimas Saputra", "laki_laki", 17, 400, "Perkelahian", "court_ending"),
    ("ABH-DEMO-0005", "anak", "Andi Wijaya", "laki_laki", 11, 10, "Perusakan", "under_12"),
    ("ABH-DEMO-0006", "anak_korban", "Putri Lestari", "perempuan", 13, 30, None, None),
]
DEPOSITORS = {"penyidikan": ("Satreskrim Polres Pasuruan Kota", "Kapolres Pasuruan Kota"),
              "penuntutan": ("Kejaksaan Negeri Kota Pasuruan", "Kepala Kejaksaan Tinggi Jawa Timur")}


def _operator(session: Session, institution: Institution) -> User:
    user = session.scalar(select(User).where(User.role == ROLE_OPERATOR, User.institution_id == institution.id))
    if user is None:  # act as the LPKS's operator would; the demo always creates one for the first LPKS
        user = User(username="demo", password_hash="-", role=ROLE_OPERATOR, institution_id=institution.id)
    return user


def _documents(session: Session, user, placement, received) -> None:
    for n, (code, _label, _pasal) in enumerate(placements_admission.document_choices(placement.basis), start=1):
        if code not in placements_admission.on_file(session, placement) and code != "laporan_litmas":
            placements_admission.add_document(session, user, placement,
                                              {"code": code, "number": f"{n:03d}/DEMO/{placement.id}",
                                               "dated": local_date(received), "received_at": received})


def _scenario(session: Session, user, resident: Resident, scenario: str) -> None:
    day = today()
    if scenario.startswith("titipan"):
        start = day - timedelta(days=8 if scenario == "titipan_notice_due" else 3)
        placement = placements.create(session, user, {"resident_id": resident.id, "basis": "titipan",
                                                      "conditions": ["keamanan_anak"], "start_date": start})
        handover = now() - timedelta(days=3)
        _documents(session, user, placement, handover)
        level = "penyidikan" if scenario == "titipan_notice_due" else "penuntutan"
        agency, superior = DEPOSITORS[level]
        period = custody.open_period(session, user, placement, {
            "level": level, "start_date": start, "granted_days": 7 if level == "penyidikan" else 5,
            "letter_number": f"SP.Han/{resident.id}/DEMO", "depositor_agency": agency,
            "depositor_superior": superior})
        if level == "penyidikan":  # extended by the public prosecutor (UU SPPA Pasal 33 ayat 2)
            custody.add_extension(session, user, period, {"authority": "Kepala Kejaksaan Negeri Kota Pasuruan",
                                                          "letter_number": "B-12/DEMO", "days": 8})
        placements_admission.admit(session, user, placement, {"handover_at": handover})
        return
    if scenario.startswith("court"):
        months = 12 if scenario == "court_parole" else 6
        start = day - timedelta(days=200 if scenario == "court_parole" else 165)
        placement = placements.create(session, user, {"resident_id": resident.id, "basis": "court_decision",
                                                      "start_date": start, "months": months})
        handover = now() - timedelta(days=150)
        _documents(session, user, placement, handover)
        placements_admission.admit(session, user, placement, {"handover_at": handover})
        return
    handover = now() - timedelta(hours=2)
    placement = placements.create(session, user, {
        "resident_id": resident.id, "basis": "under_12", "start_date": local_date(handover),
        "suspected_violence": True,  # examined at the hospital before the placement (Pasal 10 ayat 6)
        "hospital_exam_on": local_date(handover), "hospital_exam_place": "RSUD dr. R. Soedarsono Kota Pasuruan",
        "hospital_exam_result": "Memar ringan di lengan; tidak perlu rawat inap."})
    for n, (code, _label, _pasal) in enumerate(placements_admission.document_choices("under_12"), start=1):
        if code != "surat_keterangan_sehat":  # may follow within 24 hours of the handover
            placements_admission.add_document(session, user, placement,
                                              {"code": code, "number": f"{n:03d}/DEMO/{placement.id}",
                                               "dated": local_date(handover), "received_at": handover})
    placements_admission.admit(session, user, placement, {"handover_at": handover})


def seed_residents(session: Session, institutions: list[Institution]) -> str:
    """Seed the holiday calendar (this year and next) and demo children in the first LPKS."""
    seeded = holidays.seed(session)
    if not institutions:
        return f"kalender libur: {seeded.created} tanggal baru"
    institution = institutions[0]
    user = _operator(session, institution)
    created = 0
    for number, kind, name, sex, age, days_ago, offence, scenario in CHILDREN:
        if session.scalar(select(Resident.id).where(Resident.institution_id == institution.id,
                                                    Resident.register_number == number)) is not None:
            continue
        offence_date = today() - timedelta(days=days_ago)
        born = offence_date.replace(year=offence_date.year - age, day=min(offence_date.day, 28)) - timedelta(days=30)
        resident = resident_service.create(session, user, {
            "institution_id": institution.id, "register_number": number, "kind": kind, "full_name": name,
            "sex": sex, "birth_date": born, "birth_place": "Pasuruan", "address": "Kota Pasuruan",
            "parent_guardian": "Orang tua (contoh)", "religion": "Islam", "education": "SMP",
            "offence_date": offence_date if offence else None, "offence_description": offence})
        if scenario:
            _scenario(session, user, resident, scenario)
        created += 1
    return f"kalender libur: {seeded.created} tanggal baru; {created} anak contoh di {institution.name}"
