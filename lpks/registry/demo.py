"""Demo registry data (issue 3): profiles, work areas, structures, staff, facilities, funding, a verification and
an evidence document, dated relative to today so the dashboards show what expires within 90 days. Idempotent."""
from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from accreditation import FACILITY_ITEMS, STAFF_FUNCTIONS
from lpks.platform.models.base import utcnow
from lpks.platform.models.user import User
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition, WorkArea
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding
from lpks.registry.services import evidence
from lpks.registry.services.common import today

PROGRAMME = {
    "program_rehabilitation_stages": "Pendekatan awal, asesmen, rencana intervensi, intervensi, resosialisasi, "
                                     "terminasi dan bimbingan lanjut.",
    "program_rehabilitation_forms": "Motivasi dan diagnosis psikososial, perawatan dan pengasuhan, pelatihan "
                                    "vokasional, bimbingan mental spiritual, fisik, sosial dan konseling psikososial.",
    "program_reintegration": "Persiapan keluarga dan masyarakat, pemulangan dan bimbingan lanjut bersama PK Bapas.",
    "program_companionship": "Pendampingan oleh Pekerja Sosial Profesional pada setiap tahap proses peradilan.",
}
# Per demo LPKS (index in demo.DEMO_INSTITUTIONS): work area, how complete its registry is (0–1).
WORK_AREAS = {0: ("35.75", "35.14"), 1: ("35.14",), 2: ("35.78", "35.75", "35.14", "35.73"), 3: ("35.73",),
              4: ("31.74", "31.75"), 5: ("31.75", "31.74", "35.78")}
COMPLETENESS = {0: 1.0, 1: 0.6, 2: 0.9, 3: 0.4, 4: 0.75, 5: 0.95}
NAMES = ("Siti Rahmawati", "Agus Santoso", "Dewi Lestari", "Budi Prasetyo", "Rina Wulandari", "Hendra Gunawan",
         "Nur Aini", "Eko Saputro", "Lina Marlina", "Yusuf Hidayat", "Sri Mulyani", "Fajar Nugroho", "Wahyu Widodo",
         "Ratna Sari", "Dimas Pratama", "Putri Ayu")
# The smallest well-formed PDF, as the demo's evidence file.
DEMO_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
            b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")


def _profile(session: Session, inst: Institution, index: int, now: date) -> None:
    """The registry profile, written as part of the demo LPKS's creation (its version stays 1)."""
    values = _profile_values(inst, index, now)
    session.execute(update(Institution).where(Institution.id == inst.id).values(**values))
    session.expire(inst)


def _profile_values(inst: Institution, index: int, now: date) -> dict:
    values: dict = {}
    upt = inst.name.startswith("UPT")
    values["formation_kind"] = "upt" if upt else "masyarakat"
    if upt:
        values["establishment_decree_number"] = "Pergub Jatim No. 88 Tahun 2016"
        values["establishment_decree_date"] = date(2016, 11, 1)
    else:
        values["deed_number"] = f"Akta No. {12 + index} Notaris Hartono, S.H."
        values["deed_date"] = date(2014, 3, 10 + index)
        if COMPLETENESS[index] > 0.5:
            values["kemenkumham_decree_number"] = f"AHU-00{431 + index}.AH.01.04.Tahun 2014"
            values["kemenkumham_decree_date"] = date(2014, 5, 2)
    values["vision"] = ("Terwujudnya anak berhadapan dengan hukum yang pulih, mandiri dan diterima kembali di "
                        "masyarakat.")
    if COMPLETENESS[index] > 0.5:
        values["mission"] = ("Menyelenggarakan rehabilitasi sosial yang ramah anak; memperkuat keluarga; "
                             "bekerja sama dengan aparat penegak hukum dan masyarakat.")
        for key, value in PROGRAMME.items():
            values[key] = value
    return values


def _registrations(session: Session, inst: Institution, index: int, now: date) -> None:
    """A UPT registered at Kemensos, a community LPKS at the Dinas Sosial of its domicile; LPKS 2 also at the
    province's. LPKS 0 is due for renewal within 90 days; LPKS 3's registration has lapsed."""
    upt = inst.name.startswith("UPT")
    session.add(Registration(
        institution_id=inst.id, authority="kemensos" if upt else "dinsos_kabkota",
        region_code=None if upt else inst.kabkota_code,
        number=f"460/{101 + index}/{'KEMENSOS' if upt else 'DS'}/2021",
        issued_on=now - timedelta(days=5 * 365 - 45) if index == 0 else date(2022, 2, 1),
        valid_until={0: now + timedelta(days=45), 3: now - timedelta(days=20)}.get(
            index, now + timedelta(days=400 + 90 * index))))
    if index == 2:
        session.add(Registration(institution_id=inst.id, authority="dinsos_provinsi", region_code=inst.province_code,
                                 number="460/77/DINSOS-PROV/2023", issued_on=date(2023, 5, 8),
                                 valid_until=now + timedelta(days=900)))


def _staff(session: Session, inst: Institution, index: int, now: date) -> list[StaffMember]:
    share = COMPLETENESS[index]
    functions = [fn for n, fn in enumerate(STAFF_FUNCTIONS) if n < round(len(STAFF_FUNCTIONS) * share)]
    people = []
    for n, fn in enumerate(functions):
        person = StaffMember(institution_id=inst.id, name=NAMES[(n + index) % len(NAMES)], function=fn.code,
                             active_from=date(2019, 1, 7))
        if fn.category.value == "opsional":
            person.engagement, person.partner_name = "kerja_sama", "RSUD dr. R. Soedarsono"
            person.agreement_number = f"445/{70 + n}/PKS/2024"
        if fn.code in ("peksos", "tks"):
            person.certification_number = f"SERT-PEKSOS-{index}{n:03d}"
            person.certification_date = date(2021, 8, 1)
            # LPKS 0's social worker's certificate ends within 90 days; its TKS's SPPA training too.
            person.certification_valid_until = now + timedelta(days=60) if (index, fn.code) == (0, "peksos") \
                else now + timedelta(days=500 + 30 * index)
            if share > 0.5:
                person.sppa_training_date = date(2022, 4, 12)
                person.sppa_certificate_number = f"SPPA-{index}{n:03d}"
                person.sppa_valid_until = now + timedelta(days=30) if (index, fn.code) == (0, "tks") \
                    else now + timedelta(days=600)
        people.append(person)
        session.add(person)
    session.flush()
    return people


def _positions(session: Session, inst: Institution, index: int, people: list[StaffMember]) -> None:
    roles = ("pimpinan", "bidang_administrasi", "bidang_teknis")[: 3 if COMPLETENESS[index] > 0.5 else 1]
    for n, role in enumerate(roles):
        holder = people[n] if n < len(people) else None
        session.add(OrganisationPosition(institution_id=inst.id, position=role, since=date(2020, 1, 2),
                                         holder_name=holder.name if holder else NAMES[n],
                                         staff_member_id=holder.id if holder else None,
                                         decree_number=f"SK/{index}/{n + 1}/2020"))


def _facilities(session: Session, inst: Institution, index: int) -> None:
    filled = FACILITY_ITEMS[: round(len(FACILITY_ITEMS) * COMPLETENESS[index])]
    for n, item in enumerate(filled):
        status = "sebagian" if n % 9 == 4 else "tidak" if n % 13 == 7 else "tersedia"
        session.add(FacilityRecord(institution_id=inst.id, item_code=item.code, status=status,
                                   quantity=None if status == "tidak" else 1 + n % 3,
                                   condition=None if status == "tidak" else ("rusak_ringan" if n % 7 == 3 else "baik"),
                                   note="Perlu perbaikan atap" if n % 7 == 3 else None))


def _funding(session: Session, inst: Institution, index: int, now: date) -> None:
    for kind, amount in (("apbd", 240_000_000), ("masyarakat", 35_500_000), ("dunia_usaha", 50_000_000)):
        if kind == "dunia_usaha" and COMPLETENESS[index] < 0.9:
            continue
        session.add(FundingSource(institution_id=inst.id, year=now.year, source_kind=kind,
                                  amount=Decimal(amount) * (1 + index) / 2, description=f"Tahun anggaran {now.year}"))
    session.add(FinancialReport(institution_id=inst.id, year=now.year - 1, budget_plan=True, spending_records=True,
                                report_submitted_on=date(now.year, 1, 31) if COMPLETENESS[index] > 0.5 else None,
                                report_recipient="Dinas Sosial"))
    session.add(FinancialReport(institution_id=inst.id, year=now.year, budget_plan=True, spending_records=False))


def _verification(session: Session, inst: Institution, now: date) -> None:
    verifier = session.scalar(select(User).where(User.username == "dinsos.pasuruan",
                                                 User.region_code == inst.kabkota_code))
    ver = Verification(institution_id=inst.id, number=1, visit_date=now - timedelta(days=60), status="final",
                       team="Seksi Rehabilitasi Sosial Anak", verifier_id=verifier.id if verifier else None,
                       verifier_name=verifier.full_name if verifier else "Dinas Sosial kabupaten/kota",
                       summary="Kunjungan lapangan dan pemeriksaan dokumen.", finalised_at=utcnow())
    session.add(ver)
    session.flush()
    for code, status, note in (("c.pemahaman_rehsos", "terpenuhi", "Wawancara pimpinan dan peksos"),
                               ("e.pelayanan_teknis.rumah_antara", "sebagian", "Rumah antara masih menumpang"),
                               ("a.terdaftar", "terpenuhi", "Tanda daftar asli diperiksa")):
        session.add(VerificationFinding(verification_id=ver.id, institution_id=inst.id, item_code=code,
                                        status=status, note=note))


def seed_registry(session: Session, institutions: list[Institution]) -> str:
    """Fill the registry of the demo LPKS that have none yet."""
    now = today()
    seeded = 0
    for index, inst in enumerate(institutions):
        if session.scalar(select(StaffMember.id).where(StaffMember.institution_id == inst.id).limit(1)):
            continue
        _profile(session, inst, index, now)
        _registrations(session, inst, index, now)
        for code in WORK_AREAS.get(index, (inst.kabkota_code,)):
            session.add(WorkArea(institution_id=inst.id, kabkota_code=code))
        people = _staff(session, inst, index, now)
        _positions(session, inst, index, people)
        _facilities(session, inst, index)
        _funding(session, inst, index, now)
        if index in (0, 5):  # a Kota Pasuruan LPKS, and one outside Jawa Timur
            _verification(session, inst, now)
        if COMPLETENESS[index] >= 0.75:
            title, kind = (("Keputusan pembentukan UPT", "sk_pembentukan") if inst.formation_kind == "upt"
                           else ("Akta pendirian yayasan", "akta_pendirian"))
            evidence.store(session, inst.id, DEMO_PDF, f"{kind.replace('_', '-')}.pdf",
                           {"title": title, "kind": kind, "issued_on": inst.deed_date or inst.establishment_decree_date,
                            "valid_until": None, "note": None}, item_codes=["a.upt_or_badan_hukum"])
        seeded += 1
        session.flush()
    return f"registri: {seeded} LPKS contoh diisi"

