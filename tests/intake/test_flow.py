"""A Dinas Sosial case from receipt to filing through the services (RULES §8): the child under the residents'
identity protection, the path per channel, the route by the rule, the product stopping the clock, monitoring,
termination, the report filed by the data section; and who may do each step."""
from __future__ import annotations

from datetime import date

from sqlalchemy import select

from lpks.cases.models import CaseAssessment, CaseConference, CaseStage
from lpks.intake.models import CaseOfficer
from lpks.intake.services import complaints, follow, products, steps
from lpks.intake.services.common import facts
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from tests.intake.conftest import refused

ASSESSMENT = {"step": "pendataan_asesmen", "done_on": "2025-08-12", "problems": "Putus sekolah",
              "needs": "Pendampingan keluarga", "potentials": "Rajin", "resources": "Paman mendukung"}
CONFERENCE = {"step": "case_conference", "done_on": "2025-08-13", "conclusions": "Tindak pidana ringan",
              "conference_participants": [{"role": "peksos", "name": "Peksos Dinsos"}, {"role": "keluarga"}]}
MEETING = {"step": "musyawarah_pasal_14", "done_on": "2025-08-14", "place": "Balai Kelurahan Purworejo",
           "participants": ["anak_keluarga", "korban_keluarga", "peksos_tks", "aparatur_desa"],
           "care_decision": "orang_tua_wali", "rehabilitation_forms": ["sosial_konseling", "mental_spiritual"],
           "social_sanction": "Kerja sosial di masjid dua minggu", "outcome": "Ganti rugi sepeda; anak dibimbing"}


def test_a_report_from_receipt_to_filing(office, clock):
    case = office.register()
    intake = office.intake(case)
    child = office.session.get(Resident, case.resident_id)
    assert (child.institution_id, child.owner_region_code, child.initials) == (None, "35.75", "R.P.P.")
    assert child.register_number.startswith("DS-2025-") and child.age_at_offence == 14
    assert (case.origin, case.stage, case.owner_region_code) == ("laporan", "pendekatan_awal", "35.75")
    # Monday 11 August 2025 + 5 working days, skipping Sunday 17 and cuti bersama Monday 18 August
    assert intake.service_deadline == date(2025, 8, 19)

    peksos = office.peksos
    clock(date(2025, 8, 13))
    steps.record_step(office.session, peksos, case, intake, ASSESSMENT)
    assert case.stage == "asesmen"
    steps.record_step(office.session, peksos, case, intake, CONFERENCE)
    assert office.session.scalar(select(CaseAssessment.problems).where(CaseAssessment.case_id == case.id)) \
        == "Putus sekolah"
    assert intake.conference_id == office.session.scalar(select(CaseConference.id).where(
        CaseConference.case_id == case.id))
    steps.route(office.session, peksos, case, intake, {"offence_severity": "ringan", "version": intake.version})
    assert (intake.route, intake.route_age, case.stage) == ("rj_masyarakat", 14, "rencana")

    products.issue(office.session, peksos, case, intake, {"kind": "berita_acara", "number": "BA/01/2025"})
    assert (intake.service_product_issued_on, intake.days_taken) == (date(2025, 8, 13), 2)

    clock(date(2025, 8, 20))
    steps.record_step(office.session, peksos, case, intake, MEETING)
    assert case.stage == "intervensi"
    exc = refused(office.session, follow.terminate, office.session, peksos, case, intake,
                  {"reason": "completed", "version": case.version})
    assert exc.field == "termination_reason" and "Prosedur langkah 11" in exc.message

    follow.assign(office.session, office.user("peksos.pasuruan"), case, intake,
                  {"user_id": office.user("tksk.pasuruan").id, "role": "pemantau"})
    follow.monitor(office.session, office.user("tksk.pasuruan"), case, intake,
                   {"monitored_on": "2025-08-20", "findings": "Anak rutin konseling", "goal_reached": True})
    follow.terminate(office.session, peksos, case, intake, {"reason": "completed", "version": case.version})
    assert (case.stage, case.termination_reason, case.closed_on) == ("terminasi", "completed", None)
    stages = {s.stage: s for s in office.session.scalars(select(CaseStage).where(CaseStage.case_id == case.id))}
    assert set(stages) == {"pendekatan_awal", "asesmen", "rencana", "intervensi", "terminasi"}  # no resocialisation
    assert all(s.completed_on for s in stages.values())

    report = follow.write_report(office.session, peksos, case, intake, {"summary": "Tujuan rehabilitasi tercapai."})
    exc = refused(office.session, follow.file_report, office.session, peksos, case, intake,
                  {"archive_number": "ARS-1", "version": report.version})
    assert exc.status == 403
    follow.file_report(office.session, office.user("datin.pasuruan"), case, intake,
                       {"archive_number": "ARS/2025/001", "version": report.version})
    assert case.closed_on == date(2025, 8, 20)
    assert facts(office.session, case, intake).report_filed


def test_a_diversion_invitation_goes_to_the_diversion(office, clock):
    case = office.register(origin="undangan_diversi", reporter_kind="penyidik", reporter_name=None,
                           reporter_agency="Unit PPA Polres Pasuruan Kota", letter_number="B/12/VIII/2025")
    intake = office.intake(case)
    peksos = office.peksos
    exc = refused(office.session, steps.record_step, office.session, peksos, case, intake, ASSESSMENT)
    assert exc.field == "step"
    steps.record_step(office.session, peksos, case, intake,
                      {"step": "pendampingan_abh", "done_on": "2025-08-11", "outcome": "Anak didampingi di Polres"})
    steps.route(office.session, peksos, case, intake, {"version": intake.version})  # no severity: the invitation
    assert intake.route == "diversi_uppa"
    exc = refused(office.session, steps.record_step, office.session, peksos, case, intake,
                  {"step": "pendampingan_lapor_uppa", "done_on": "2025-08-11", "police_unit": "UPPA"})
    assert exc.field == "step"  # law enforcement invited: no report to UPPA
    exc = refused(office.session, steps.record_step, office.session, peksos, case, intake,
                  {"step": "pendampingan_diversi", "done_on": "2025-08-11", "diversion_result": "sepakat"})
    assert exc.field == "recommendations"


def test_a_serious_offence_of_a_twelve_year_old_goes_to_uppa(office):
    case = office.register(child={"birth_date": "2013-08-01"})  # 12 on the offence date, 1 August 2025
    intake = office.intake(case)
    for body in (ASSESSMENT | {"done_on": "2025-08-11"}, CONFERENCE | {"done_on": "2025-08-11"}):
        steps.record_step(office.session, office.peksos, case, intake, body)
    exc = refused(office.session, steps.route, office.session, office.peksos, case, intake,
                  {"version": intake.version})
    assert exc.field == "offence_severity"
    steps.route(office.session, office.peksos, case, intake, {"offence_severity": "berat", "version": intake.version})
    assert (intake.route, intake.route_age) == ("diversi_uppa", 12)


def test_intake_refusals_name_their_fields(office):
    from lpks.intake.services import intake

    exc = refused(office.session, office.register, child={"birth_date": "2007-07-31"})  # 18 on 1 August 2025
    assert exc.field == "child.birth_date" and "18" in exc.message
    exc = refused(office.session, office.register, reporter_kind="penyidik")
    assert exc.field == "reporter_kind"
    exc = refused(office.session, office.register, received_on="2025-08-12")
    assert exc.field == "received_on"
    exc = refused(office.session, office.register, case_manager_user_id=office.user("tksk.pasuruan").id)
    assert exc.field == "case_manager_user_id"
    exc = refused(office.session, office.register, child={"full_name": "", "sex": "x"})
    assert {f for f, _m in exc.field_errors} >= {"child.full_name", "child.sex"}
    exc = refused(office.session, intake.register, office.session, office.user("dinsos.pasuruan"),
                  {"origin": "laporan"})
    assert exc.status == 403  # the office's general account has no function in case handling
    exc = refused(office.session, intake.register, office.session, office.user("operator.pasuruan"), {})
    assert exc.status == 403


def test_who_sees_the_childs_identity(office):
    case = office.register()
    child = office.session.get(Resident, case.resident_id)
    assert residents.may_view_identity(office.user("peksos.pasuruan"), child)        # the case manager
    assert not residents.may_view_identity(office.user("peksos2.pasuruan"), child)   # not assigned
    assert not residents.may_view_identity(office.user("datin.pasuruan"), child)     # documents with initials
    assert not residents.may_view_identity(office.user("dinsos.pasuruan"), child)
    assert not residents.may_view_identity(office.user("dinsos.jatim"), child)       # initials and figures
    assert not residents.may_view_identity(office.user("peksos.kabpasuruan"), child)  # another office
    exc = refused(office.session, residents.reveal_identity, office.session, office.user("peksos2.pasuruan"), child)
    assert exc.status == 403
    identity = residents.reveal_identity(office.session, office.user("peksos.pasuruan"), child, "case")
    assert identity["full_name"] == "Raka Pratama Putra"


def test_a_tksk_monitors_only_once_the_case_manager_asked(office, clock):
    case = office.register()
    intake = office.intake(case)
    for body in (ASSESSMENT | {"done_on": "2025-08-11"}, CONFERENCE | {"done_on": "2025-08-11"}):
        steps.record_step(office.session, office.peksos, case, intake, body)
    steps.route(office.session, office.peksos, case, intake, {"offence_severity": "ringan", "version": intake.version})
    steps.record_step(office.session, office.peksos, case, intake, MEETING | {"done_on": "2025-08-11"})
    tksk = office.user("tksk.pasuruan")
    body = {"monitored_on": "2025-08-11", "findings": "Baik"}
    assert refused(office.session, follow.monitor, office.session, tksk, case, intake, body).status == 403
    exc = refused(office.session, follow.assign, office.session, office.user("peksos2.pasuruan"), case, intake,
                  {"user_id": tksk.id, "role": "pemantau"})
    assert exc.status == 403  # only the case manager (or the data section) assigns
    officer = follow.assign(office.session, office.user("datin.pasuruan"), case, intake,
                            {"user_id": tksk.id, "role": "pemantau"})
    assert officer.requested_by_user_id == office.peksos.id  # at the case manager's request
    follow.monitor(office.session, tksk, case, intake, body)
    assert refused(office.session, follow.terminate, office.session, tksk, case, intake,
                   {"reason": "died", "version": case.version}).status == 403


def test_a_new_case_manager_replaces_the_old_and_sees_the_identity(office):
    case = office.register()
    intake = office.intake(case)
    other = office.user("peksos2.pasuruan")
    follow.assign(office.session, office.user("datin.pasuruan"), case, intake,
                  {"user_id": other.id, "role": "manajer_kasus"})
    active = office.session.scalars(select(CaseOfficer.user_id).where(CaseOfficer.case_id == case.id,
                                                                      CaseOfficer.ended_on.is_(None))).all()
    assert active == [other.id]
    child = office.session.get(Resident, case.resident_id)
    assert residents.may_view_identity(other, child) and not residents.may_view_identity(office.peksos, child)


def test_a_later_product_does_not_restart_the_clock_and_a_referral_letter_needs_a_referral(office, clock):
    case = office.register()
    intake = office.intake(case)
    exc = refused(office.session, products.issue, office.session, office.peksos, case, intake,
                  {"kind": "berita_acara", "number": "BA/1"})
    assert exc.field == "action"  # the route is decided first
    exc = refused(office.session, products.issue, office.session, office.peksos, case, intake,
                  {"kind": "rujukan", "number": "R/1"})
    assert "Pasal 46" in exc.message


def test_complaints_are_the_data_sections(office, clock):
    datin = office.user("datin.pasuruan")
    body = {"channel": "lapor", "received_on": "2025-08-13", "subject": "Petugas belum datang"}
    assert refused(office.session, complaints.create, office.session, office.peksos, body).status == 403
    clock(date(2025, 8, 13))
    complaint = complaints.create(office.session, datin, body)
    assert complaint.answer_due == date(2025, 8, 21)  # cuti bersama 18 August skipped
    exc = refused(office.session, complaints.update, office.session, datin, complaint,
                  {"answered_on": "2025-08-13", "version": complaint.version})
    assert exc.field == "answer"
    exc = refused(office.session, complaints.update, office.session, datin, complaint,
                  {"answer": "x", "answered_on": "2025-08-12", "version": complaint.version})
    assert exc.field == "answered_on"
    complaints.update(office.session, datin, complaint, {"answer": "Petugas datang 14 Agustus",
                                                         "version": complaint.version})
    assert complaint.answered_on == date(2025, 8, 13)


def test_a_calendar_change_moves_the_open_deadlines(office, clock):
    from lpks.platform.models.holiday import Holiday
    from lpks.platform.services import holidays

    case = office.register()
    intake = office.intake(case)
    cuti = office.session.scalar(select(Holiday).where(Holiday.day == date(2025, 8, 18)))
    holidays.delete(office.session, office.user("kemensos"), cuti)
    assert intake.service_deadline == date(2025, 8, 18)


def test_the_general_case_forms_stay_closed_on_a_dinas_sosial_case(office):
    from lpks.cases.services.common import case_actions

    case = office.register()
    assert case_actions(office.peksos, case) == frozenset({"refer"})
    assert case_actions(office.user("datin.pasuruan"), case) == frozenset()
    assert case_actions(office.user("dinsos.pasuruan"), case) == frozenset()


def test_an_lpks_operator_cannot_reach_the_case(office):
    from lpks.intake.services.common import load

    case = office.register()
    exc = refused(office.session, load, office.session, office.user("operator.pasuruan"), case.id)
    assert exc.status == 404
    exc = refused(office.session, load, office.session, office.user("peksos.kabpasuruan"), case.id)
    assert exc.status == 404
    assert refused(office.session, load, office.session, office.user("admin"), case.id).status == 404
