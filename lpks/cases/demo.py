"""Demo data of the case area (idempotent): cases at every stage of Pasal 18 with overdue and upcoming work, a
companion on each open case, and a referral in each status, so each role sees the case work. Every record goes
through the same services as in real use, with dates relative to today."""
from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import CaseStage, ChildCase, FollowUpVisit
from lpks.cases.services import (
    assessments,
    cases,
    companions,
    plans,
    referrals,
    reintegration,
    stages,
)
from lpks.cases.services.cases import open_case_of
from lpks.platform import clock
from lpks.platform.models.user import ROLE_OPERATOR, User
from lpks.registry.models.institution import Institution
from lpks.registry.models.staff import StaffMember
from lpks.residents.models.resident import Resident
from lpks.residents.services import admission, placements
from lpks.residents.services import residents as resident_service
from lpks.rules.case_stages import STAGE_ACTIVITIES, Stage

MARKER = "ABH-DEMO-0108"  # the last child this seed registers: present means the demo cases are there
# (register, name, sex, days since admission, the stage the case is taken to)
CHILDREN = [
    ("ABH-DEMO-0101", "Teguh Wicaksono", "laki_laki", 40, "rencana"),
    ("ABH-DEMO-0102", "Ilham Maulana", "laki_laki", 120, "intervensi"),
    ("ABH-DEMO-0103", "Yogi Permana", "laki_laki", 150, "resosialisasi"),
    ("ABH-DEMO-0104", "Kevin Ardiansyah", "laki_laki", 200, "bimbingan_lanjut"),
    ("ABH-DEMO-0105", "Lestiana Marwah", "perempuan", 300, "closed"),
    ("ABH-DEMO-0106", "Mega Safitri", "perempuan", 90, "ran_away"),
    ("ABH-DEMO-0107", "Nanda Prasetyo", "laki_laki", 25, "asesmen"),
    ("ABH-DEMO-0108", "Rudi Hartono", "laki_laki", 100, "terminasi"),
]


def _actor(institution: Institution) -> User:
    return User(username="demo", password_hash="-", role=ROLE_OPERATOR, institution_id=institution.id, active=True)


def _staff(session: Session, institution: Institution, function: str) -> StaffMember | None:
    return session.scalar(select(StaffMember).where(StaffMember.institution_id == institution.id,
                                                    StaffMember.function == function).order_by(StaffMember.id))


def _admit(session: Session, user: User, institution: Institution, number: str, name: str, sex: str,
           days: int) -> ChildCase:
    day = clock.today() - timedelta(days=days)
    child = resident_service.create(session, user, {
        "institution_id": institution.id, "register_number": number, "kind": "anak", "full_name": name, "sex": sex,
        "birth_date": date(day.year - 15, 3, 14), "birth_place": "Pasuruan", "address": "Kota Pasuruan",
        "parent_guardian": "Orang tua (contoh)", "offence_date": day - timedelta(days=20),
        "offence_description": "Pencurian"})
    placement = placements.create(session, user, {"resident_id": child.id, "basis": "court_decision",
                                                  "start_date": day, "months": 12})
    handover = datetime.combine(day, time(9), tzinfo=clock.local_zone())
    for n, (code, _label, _pasal) in enumerate(admission.document_choices("court_decision"), start=1):
        if code != "laporan_litmas":
            admission.add_document(session, user, placement, {"code": code, "number": f"{n:03d}/DEMO/{placement.id}",
                                                              "dated": day, "received_at": handover})
    admission.admit(session, user, placement, {"handover_at": handover})
    return open_case_of(session, child.id)


def _complete(session: Session, user: User, case: ChildCase, stage: Stage, on: date, note: str | None = None) -> None:
    version = session.scalar(select(CaseStage.version).where(CaseStage.case_id == case.id,
                                                             CaseStage.stage == stage.value))
    stages.record(session, user, case, {"stage": stage.value, "complete": True, "completed_on": on,
                                        "version": version, "note": note,
                                        "activities": [a.value for a in STAGE_ACTIVITIES[stage]]})


def _assess(session: Session, user: User, case: ChildCase, on: date, peksos: StaffMember) -> None:
    assessments.record_assessment(session, user, case, {
        "assessed_on": on, "problems": "Putus sekolah, pergaulan dengan kelompok berisiko",
        "needs": "Kembali bersekolah, konseling, dukungan keluarga", "potentials": "Terampil memperbaiki sepeda motor",
        "resources": "Paman yang bekerja di bengkel; PKBM di kelurahan", "recommendation": "Paket B dan magang"})
    assessments.record_conference(session, user, case, {
        "held_on": on, "conclusions": "Konseling mingguan, paket B, magang bengkel",
        "participants": [{"role": "peksos", "name": peksos.name}, {"role": "psikolog", "name": "Psikolog mitra"},
                         {"role": "keluarga"}]})


def _plan(session: Session, user: User, case: ChildCase, on: date, peksos: StaffMember, today: date) -> list:
    done = plans.add_service(session, user, case, {"form": "sosial_konseling", "description": "Konseling individu",
                                                   "provider_staff_id": peksos.id, "due_on": today})
    overdue = plans.add_service(session, user, case, {"form": "vokasional_kewirausahaan",
                                                      "description": "Magang bengkel", "provider": "Bengkel Jaya",
                                                      "due_on": today})
    soon = plans.add_service(session, user, case, {"form": "mental_spiritual", "description": "Bimbingan ibadah",
                                                   "provider": "Pembimbing rohani", "due_on": today + timedelta(days=3)})
    plans.save_plan(session, user, case, {"goal": "Anak kembali ke keluarga dan bersekolah", "agreed_on": on,
                                          "agreed_with": "anak, orang tua, peksos",
                                          "needs": [{"priority": 1, "need": "Kembali bersekolah"},
                                                    {"priority": 2, "need": "Konseling"}]})
    # the plan was made back then: its services were planned on that day (the second is now two days overdue)
    for service, due in ((done, on), (overdue, today - timedelta(days=2)), (soon, soon.due_on)):
        service.planned_on, service.due_on = on, due
    session.flush()
    return [done, overdue, soon]


def _walk(session: Session, user: User, case: ChildCase, target: str, peksos: StaffMember, tks: StaffMember) -> None:
    today, start = clock.today(), case.opened_on
    cases.update(session, user, case, {"case_manager_id": peksos.id, "version": case.version})
    companions.assign(session, user, case, {"role": "pendamping", "staff_member_id": (tks or peksos).id,
                                            "assigned_on": start})
    if target == "asesmen":
        _complete(session, user, case, Stage.PENDEKATAN_AWAL, start + timedelta(days=1))
        return
    if target == "ran_away":
        stages.terminate(session, user, case, {"reason": "ran_away_not_found", "terminated_on": start + timedelta(days=30),
                                               "activities": ["kunjungan_keluarga"], "version": case.version,
                                               "note": "Dicari bersama keluarga dan kepolisian"})
        return
    _complete(session, user, case, Stage.PENDEKATAN_AWAL, start + timedelta(days=1))
    _assess(session, user, case, start + timedelta(days=5), peksos)
    _complete(session, user, case, Stage.ASESMEN, start + timedelta(days=6))
    if target == "rencana":  # the plan was due a week after the assessment: overdue
        return
    services = _plan(session, user, case, start + timedelta(days=10), peksos, today)
    _complete(session, user, case, Stage.RENCANA, start + timedelta(days=11))
    plans.update_service(session, user, services[0], {"action": "done", "done_on": start + timedelta(days=20),
                                                      "outcome": "Anak aktif dalam sesi", "version": services[0].version})
    if target == "intervensi":
        return
    for service in services[1:]:
        plans.update_service(session, user, service, {"action": "done", "done_on": start + timedelta(days=40),
                                                      "outcome": "Terlaksana", "version": service.version})
    _complete(session, user, case, Stage.INTERVENSI, start + timedelta(days=60))
    if target == "resosialisasi":  # the family agreed a return date in five days
        row = reintegration.record_step(session, user, case, {"step": "prepare_child", "done_on": today,
                                                              "note": "Resosialisasi berjalan baik"})
        reintegration.record_step(session, user, case, {"step": "prepare_family", "done_on": today,
                                                        "family_kind": "keluarga", "version": row.version,
                                                        "agreed_return_on": today + timedelta(days=5)})
        return
    back = {"closed": start + timedelta(days=70), "terminasi": today - timedelta(days=10)}.get(
        target, today - timedelta(days=40))
    _complete(session, user, case, Stage.RESOSIALISASI, back - timedelta(days=5), "Anak, keluarga dan RT siap")
    row = reintegration.record_step(session, user, case, {"step": "prepare_child", "done_on": back - timedelta(days=4),
                                                          "note": "Siap kembali"})
    steps = (("prepare_family", {"family_kind": "keluarga", "agreed_return_on": back,
                                 "linkage_note": "Paket B di PKBM kelurahan"}),
             ("return", {"received_by_relationship": "ibu kandung"}),
             ("monitor", {"note": "Anak betah", "safe": True, "comfortable": True, "needs_met": True,
                          "accepted": True}))
    for step, extra in steps[:2] if target == "terminasi" else steps:  # terminasi: monitoring still to record
        on = back - timedelta(days=3) if step == "prepare_family" else back
        row = reintegration.record_step(session, user, case, {"step": step, "done_on": on, "version": row.version,
                                                              **extra})
    if target == "terminasi":
        return
    stages.terminate(session, user, case, {"reason": "completed", "terminated_on": back, "version": case.version,
                                           "activities": ["identifikasi_keberhasilan", "kunjungan_keluarga"]})
    visits = session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id)
                             .order_by(FollowUpVisit.sequence)).all()
    for visit in visits if target == "closed" else ():
        reintegration.record_visit(session, user, visit, {"visited_on": visit.due_on, "findings": "Anak bersekolah",
                                                          "version": visit.version})
    if target == "closed":
        _complete(session, user, case, Stage.BIMBINGAN_LANJUT, visits[-1].due_on)


def _referrals(session: Session, user: User, by_number: dict[str, ChildCase], lpks: dict[str, Institution]) -> None:
    """One referral in each status: sent, declined, accepted (outside the system), completed."""
    today = clock.today()
    plan = (("ABH-DEMO-0102", "lpks", "UPT Rehabilitasi Sosial Anak Surabaya", None),
            ("ABH-DEMO-0103", "lpks", "LPKS Cahaya Anak Malang", "decline"),
            ("ABH-DEMO-0101", "external", "RSUD dr. R. Soedarsono", "accept"),
            ("ABH-DEMO-0104", "lpks", "LPKS Taruna Mandiri Pasuruan", "complete"))
    for number, kind, receiver, outcome in plan:
        case = by_number[number]
        target = lpks.get(receiver)
        referral = referrals.send(session, user, {
            "case_id": case.id, "receiver_kind": kind, "receiver_institution_id": target.id if target else None,
            "receiver_name": receiver if kind == "external" else None, "reason": "Layanan lanjutan sesuai asesmen",
            "services_asked": ["vokasional_kewirausahaan" if kind == "lpks" else "fisik"], "shared": ["asesmen"],
            "child_consent": True, "parent_consent": True, "sent_on": today - timedelta(days=3)})
        answerer = user if kind == "external" else _actor(target)
        if outcome == "decline":
            referrals.answer(session, answerer, referral, {"action": "decline", "version": referral.version,
                                                           "decline_reason": "Kuota pelatihan bulan ini penuh"})
        elif outcome in ("accept", "complete"):
            referrals.answer(session, answerer, referral, {"action": "accept", "version": referral.version})
        if outcome == "complete":
            referrals.answer(session, answerer, referral, {"action": "complete", "version": referral.version,
                                                           "completion_note": "Pelatihan las dasar selesai"})


def seed_cases(session: Session, institutions: list[Institution]) -> str:
    """Cases at every stage in the first LPKS (and one in Jakarta Timur), with companions and referrals."""
    if len(institutions) < 6 or session.scalar(select(Resident.id).where(Resident.register_number == MARKER)):
        return "kasus contoh: sudah ada"
    home, jakarta = institutions[0], institutions[5]
    lpks = {inst.name: inst for inst in institutions}
    user = _actor(home)
    peksos, tks = _staff(session, home, "peksos"), _staff(session, home, "tks")
    by_number: dict[str, ChildCase] = {}
    for number, name, sex, days, target in CHILDREN:
        case = _admit(session, user, home, number, name, sex, days)
        _walk(session, user, case, target, peksos, tks)
        by_number[number] = case
    first = session.scalar(select(ChildCase).join(Resident, Resident.id == ChildCase.resident_id)
                           .where(Resident.register_number == "ABH-DEMO-0001"))
    victim = session.scalar(select(Resident).where(Resident.register_number == "ABH-DEMO-0006"))
    if first is not None and victim is not None:  # one offence: the Anak and the Anak Korban, different companions
        cases.update(session, user, first, {"case_manager_id": peksos.id, "case_number": "LP/B/15/DEMO",
                                            "version": first.version})
        companion = companions.assign(session, user, first, {"role": "pendamping", "staff_member_id": peksos.id})
        companions.report(session, user, first, {"companion_id": companion.id, "reported_on": clock.today(),
                                                 "summary": "Mendampingi pemeriksaan di Unit PPA"})
        victim_case = cases.create(session, user, {"resident_id": victim.id, "case_number": "LP/B/15/DEMO",
                                                   "case_manager_id": peksos.id})
        companions.assign(session, user, victim_case, {"role": "pendamping", "staff_member_id": tks.id})
    _referrals(session, user, by_number, lpks)
    outside = _admit(session, _actor(jakarta), jakarta, "ABH-DEMO-0201", "Oki Setiana", "laki_laki", 40)
    _walk(session, _actor(jakarta), outside, "intervensi", _staff(session, jakarta, "peksos"),
          _staff(session, jakarta, "tks"))
    referrals.send(session, _actor(jakarta), {
        "case_id": outside.id, "receiver_kind": "external", "receiver_name": "Sekolah Kejar Paket B Cakung",
        "reason": "Melanjutkan sekolah", "services_asked": ["aksesibilitas"], "child_consent": True,
        "parent_consent": True})
    return f"kasus contoh: {len(CHILDREN) + 2} kasus di {home.name}, 1 di {jakarta.name}, 5 rujukan"
