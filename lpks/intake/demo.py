"""The demo of Dinas Sosial case handling (RULES §8): the office's people by function, and (seed_cases) a few cases in
every channel and route, one overdue, one terminated, one referred to an LPKS, and complaints."""
from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.models.user import (
    FUNCTION_DATA,
    FUNCTION_PEKSOS,
    FUNCTION_TKSK,
    ROLE_KABKOTA,
    User,
)
from lpks.platform.services.users import create_user

OFFICERS = [  # username, region, function, full name
    ("peksos.pasuruan", "35.75", FUNCTION_PEKSOS, "Peksos Dinas Sosial Kota Pasuruan"),
    ("peksos2.pasuruan", "35.75", FUNCTION_PEKSOS, "Peksos Kedua Dinas Sosial Kota Pasuruan"),
    ("tksk.pasuruan", "35.75", FUNCTION_TKSK, "TKSK Kecamatan Purworejo"),
    ("datin.pasuruan", "35.75", FUNCTION_DATA, "Seksi Data dan Informasi Dinas Sosial Kota Pasuruan"),
    ("peksos.kabpasuruan", "35.14", FUNCTION_PEKSOS, "Peksos Dinas Sosial Kabupaten Pasuruan"),
]


def seed_officers(session: Session, password: str) -> list[str]:
    """The Dinas Sosial people of the demo (idempotent); one line per account."""
    lines = []
    for username, region, function, full_name in OFFICERS:
        if session.scalar(select(User.id).where(User.username == username)) is None:
            create_user(session, username, password, ROLE_KABKOTA, region, full_name, function=function)
        lines.append(f"  {username:<20} {ROLE_KABKOTA:<16} {region} ({function})")
    return lines


MARKER = "Demo: laporan tetangga (berkas terlambat)"  # the overdue case's note: present means the demo cases are there
PASURUAN_CITY = "LPKS Bina Harapan Kota Pasuruan"


def _user(session: Session, username: str) -> User:
    return session.scalar(select(User).where(User.username == username))


def _child(name: str, sex: str, age: int, day: date) -> dict:
    offence = day - timedelta(days=5)
    return {"full_name": name, "sex": sex, "birth_date": date(offence.year - age, 1, 15).isoformat(),
            "offence_date": offence.isoformat(), "offence_description": "Perkelahian antarpelajar (contoh)",
            "address": "Kota Pasuruan", "parent_guardian": "Orang tua (contoh)"}


def _register(session: Session, by: User, manager: User, origin: str, reporter: str, day: date, child: dict,
              **extra) -> tuple:
    from lpks.intake.services import intake
    from lpks.intake.services.common import intake_of

    case = intake.register(session, by, {"origin": origin, "reporter_kind": reporter, "received_on": day.isoformat(),
                                         "case_manager_user_id": manager.id, "child": child, **extra})
    return case, intake_of(session, case)


def _step(session, user, case, found, step: str, day: date, **facts) -> None:
    from lpks.intake.services import steps

    steps.record_step(session, user, case, found, {"step": step, "done_on": day.isoformat(), **facts})


ASSESSMENT = {"problems": "Anak sering membolos dan bergaul dengan kelompok yang berisiko",
              "needs": "Pendampingan keluarga dan konseling", "potentials": "Berprestasi di olahraga",
              "resources": "Orang tua dan sekolah mendukung"}
CONFERENCE = {"conclusions": "Dibahas bersama keluarga, sekolah dan kelurahan",
              "conference_participants": [{"role": "peksos"}, {"role": "keluarga"}, {"role": "lainnya"}]}
MEETING = {"place": "Balai Kelurahan (contoh)", "participants": ["anak_keluarga", "korban_keluarga", "tokoh_masyarakat",
                                                                  "aparatur_desa", "peksos_tks"],
           "care_decision": "orang_tua_wali", "rehabilitation_forms": ["sosial_konseling", "mental_spiritual"],
           "social_sanction": "Kerja sosial di lingkungan selama dua minggu",
           "outcome": "Kesepakatan damai; anak kembali bersekolah dan mengikuti konseling"}


def seed_cases(session: Session) -> str:
    """Dinas Sosial Kota Pasuruan's cases through the real services, dated back from today (idempotent): a report
    taken to termination and filing, a report on the UPPA route, an RJ invitation in monitoring (its product issued
    late), a diversion invitation referred to and accepted by an LPKS, an overdue report, a new invitation; and three
    complaints (answered, within time, overdue)."""
    from lpks.cases.models import ChildCase
    from lpks.cases.services import referrals
    from lpks.intake.services import complaints, follow, products, steps
    from lpks.platform import clock
    from lpks.registry.models.institution import Institution
    from lpks.residents.services.common import holiday_set
    from lpks.rules.service_time import service_deadline

    if session.scalar(select(ChildCase.id).where(ChildCase.note == MARKER)) is not None:
        return "kasus Dinas Sosial contoh sudah ada"
    today = clock.today()
    peksos, peksos2, tksk, datin = (_user(session, u) for u in ("peksos.pasuruan", "peksos2.pasuruan",
                                                                 "tksk.pasuruan", "datin.pasuruan"))
    # 1. A report taken from receipt to the filed report (community route)
    day = today - timedelta(days=70)
    case, found = _register(session, datin, peksos, "laporan", "orang_tua_wali", day,
                            _child("Fajar Nugraha", "laki_laki", 11, day), reporter_name="Orang tua (contoh)")
    _step(session, peksos, case, found, "pendataan_asesmen", day + timedelta(days=1), **ASSESSMENT)
    _step(session, peksos, case, found, "case_conference", day + timedelta(days=2), **CONFERENCE)
    steps.route(session, peksos, case, found, {"decided_on": (day + timedelta(days=2)).isoformat(),
                                               "version": found.version})
    products.issue(session, peksos, case, found, {"kind": "berita_acara", "number": "BA/DEMO/001",
                                                  "issued_on": (day + timedelta(days=3)).isoformat()})
    _step(session, peksos, case, found, "musyawarah_pasal_14", day + timedelta(days=6), **MEETING)
    follow.assign(session, peksos, case, found, {"user_id": tksk.id, "role": "pemantau",
                                                 "assigned_on": (day + timedelta(days=7)).isoformat()})
    follow.monitor(session, tksk, case, found, {"monitored_on": (day + timedelta(days=30)).isoformat(),
                                                "care_note": "Diasuh orang tua", "findings": "Rutin konseling",
                                                "goal_reached": True})
    follow.terminate(session, peksos, case, found, {"reason": "completed", "version": case.version,
                                                    "terminated_on": (day + timedelta(days=40)).isoformat()})
    report = follow.write_report(session, peksos, case, found, {
        "written_on": (day + timedelta(days=41)).isoformat(), "summary": "Tujuan rehabilitasi tercapai."})
    follow.file_report(session, datin, case, found, {"filed_on": (day + timedelta(days=42)).isoformat(),
                                                     "archive_number": "ARS/DEMO/001", "version": report.version})
    # 2. A report on the UPPA route (12 or older, serious offence)
    day = today - timedelta(days=12)
    case, found = _register(session, peksos, peksos, "laporan", "masyarakat", day,
                            _child("Bagus Saputra", "laki_laki", 15, day))
    _step(session, peksos, case, found, "pendataan_asesmen", day, **ASSESSMENT)
    _step(session, peksos, case, found, "case_conference", day + timedelta(days=1), **CONFERENCE)
    steps.route(session, peksos, case, found, {"offence_severity": "berat", "version": found.version,
                                               "decided_on": (day + timedelta(days=1)).isoformat()})
    products.issue(session, peksos, case, found, {"kind": "berita_acara", "number": "BA/DEMO/002",
                                                  "issued_on": (day + timedelta(days=1)).isoformat()})
    _step(session, peksos, case, found, "pendampingan_lapor_uppa", day + timedelta(days=2),
          police_unit="Unit PPA Polres Pasuruan Kota", report_number="LP/DEMO/2")
    # 3. An RJ invitation in monitoring; its product issued after the deadline
    day = today - timedelta(days=25)
    case, found = _register(session, datin, peksos2, "undangan_rj", "perangkat_kelurahan", day,
                            _child("Citra Ayuningtyas", "perempuan", 14, day), reporter_agency="Kelurahan (contoh)")
    _step(session, peksos2, case, found, "verifikasi_kunjungan_rumah", day + timedelta(days=1),
          outcome="Keluarga bersedia mengikuti musyawarah")
    _step(session, peksos2, case, found, "pendampingan_anak_mediator", day + timedelta(days=2),
          mediator="Lurah (mediator)", outcome="Anak dan mediator didampingi")
    steps.route(session, peksos2, case, found, {"offence_severity": "ringan", "version": found.version,
                                                "decided_on": (day + timedelta(days=2)).isoformat()})
    _step(session, peksos2, case, found, "musyawarah_pasal_14", day + timedelta(days=3), **MEETING)
    late = found.service_deadline + timedelta(days=1)  # the day after the deadline: issued late
    products.issue(session, peksos2, case, found, {"kind": "berita_acara", "number": "BA/DEMO/003",
                                                   "issued_on": min(late, today).isoformat()})
    follow.monitor(session, peksos2, case, found, {"monitored_on": (day + timedelta(days=20)).isoformat(),
                                                   "findings": "Sanksi sosial berjalan", "goal_reached": False})
    # 4. A diversion invitation that ends in an LPKS: referred and accepted (the same child and case continue there)
    day = today - timedelta(days=20)
    case, found = _register(session, peksos, peksos, "undangan_diversi", "penyidik", day,
                            _child("Dimas Prakoso", "laki_laki", 16, day), reporter_agency="Unit PPA Polres (contoh)",
                            letter_number="B/DEMO/4")
    _step(session, peksos, case, found, "pendampingan_abh", day, outcome="Anak didampingi saat diversi")
    steps.route(session, peksos, case, found, {"version": found.version, "decided_on": day.isoformat()})
    _step(session, peksos, case, found, "pendampingan_diversi", day + timedelta(days=1), diversion_result="sepakat",
          recommendations="Rehabilitasi sosial di LPKS")
    lpks = session.scalar(select(Institution).where(Institution.name == PASURUAN_CITY))
    referral = referrals.send(session, peksos, {
        "case_id": case.id, "receiver_kind": "lpks", "receiver_institution_id": lpks.id, "residential": True,
        "reason": "Rekomendasi hasil diversi", "services_asked": ["perawatan_pengasuhan"],
        "shared": ["identitas", "asesmen"], "child_consent": True, "parent_consent": True,
        "sent_on": (day + timedelta(days=2)).isoformat()})
    products.issue(session, peksos, case, found, {"kind": "rujukan", "number": "R/DEMO/004", "referral_id": referral.id,
                                                  "issued_on": (day + timedelta(days=2)).isoformat()})
    operator = _user(session, "operator.pasuruan")
    referrals.answer(session, operator, referral, {"action": "accept", "version": referral.version,
                                                   "decided_on": (day + timedelta(days=4)).isoformat()})
    # 5. An overdue report: assessed, no product after 5 working days
    day, holidays = today - timedelta(days=14), holiday_set(session)
    while service_deadline(day, holidays) >= today:  # long holidays: receive it earlier, so it is overdue
        day -= timedelta(days=1)
    case, found = _register(session, datin, peksos, "laporan", "anak", day, _child("Eko Wibowo", "laki_laki", 13, day),
                            note=MARKER)
    _step(session, peksos, case, found, "pendataan_asesmen", day + timedelta(days=1), **ASSESSMENT)
    # 6. A new RJ invitation received today
    _register(session, datin, peksos2, "undangan_rj", "masyarakat", today, _child("Gita Lestari", "perempuan", 12, today))
    # complaints: answered, within time, overdue
    for channel, days, subject, answer in (
            ("lapor", 30, "Petugas belum menghubungi keluarga", "Petugas menghubungi keluarga keesokan harinya"),
            ("whatsapp", 1, "Menanyakan jadwal musyawarah", None), ("e_sambat", 20, "Berkas belum diproses", None)):
        complaint = complaints.create(session, datin, {"channel": channel, "subject": subject,
                                                       "received_on": (today - timedelta(days=days)).isoformat()})
        if answer:
            complaints.update(session, datin, complaint, {"answer": answer, "version": complaint.version,
                                                          "answered_on": (today - timedelta(days=days - 1)).isoformat()})
    session.flush()
    return "6 kasus Dinas Sosial Kota Pasuruan contoh (semua jalur dan rute) dan 3 pengaduan"
