"""A child's case from admission to follow-up through the services: every stage in order, its records, its dates
and author, the tasks they leave, and closing (RULES §6)."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlalchemy import select

from lpks.cases import queries
from lpks.cases.models import CaseStage, ChildCase, FollowUpVisit
from lpks.cases.services import assessments, cases, plans, reintegration, stages
from lpks.residents.services import placements
from lpks.platform.errors import ServiceError

from .conftest import TODAY, refused

ALL = {"pendekatan_awal": ["sosialisasi_konsultasi", "identifikasi", "motivasi", "seleksi", "penerimaan"],
       "asesmen": ["persiapan", "pengumpulan_data", "analisis", "temu_bahas_kasus"],
       "rencana": ["skala_prioritas", "jenis_layanan_rujukan", "kesepakatan_jadwal"],
       "intervensi": ["kebutuhan_dasar", "terapi_psikososial", "terapi_mental_spiritual", "pendidikan_vokasional"],
       "resosialisasi": ["persiapan_anak", "persiapan_keluarga", "persiapan_masyarakat"],
       "bimbingan_lanjut": ["pemantauan_perkembangan"]}


def stage_version(world, case, stage):
    return world.session.scalar(select(CaseStage.version).where(CaseStage.case_id == case.id, CaseStage.stage == stage))


def complete(world, case, stage, on=None, **extra):
    body = {"stage": stage, "activities": ALL[stage], "complete": True, "completed_on": (on or TODAY).isoformat(),
            "version": stage_version(world, case, stage), **extra}
    return stages.record(world.session, world.operator, case, body)


def manage(world, case):
    return cases.update(world.session, world.operator, case, {"case_manager_id": world.peksos.id,
                                                              "version": case.version})


def test_admission_opens_the_case_with_the_assessment_due(world):
    child, case = world.admit()
    assert case.institution_id == world.institution.id and case.stage == "pendekatan_awal"
    assert case.admitted_on == TODAY - timedelta(days=3)
    assert case.assessment_due == TODAY + timedelta(days=4)  # admission + 7 days (RULES §6)
    record = world.session.scalar(select(CaseStage).where(CaseStage.case_id == case.id))
    assert record.activities == "identifikasi,penerimaan"  # the admission itself (Pasal 21, 24)
    tasks = queries.case_json(world.session, world.operator, case)["tasks"]
    assert [(t["kind"], t["due_on"], t["state"]) for t in tasks] == [("asesmen", TODAY + timedelta(days=4), "upcoming")]


def test_the_case_outlives_its_placement(world):
    child, case = world.admit()
    placement = world.session.scalar(select(placements.Placement).where(placements.Placement.resident_id == child.id))
    placements.exit_placement(world.session, world.operator, placement, {"exit_reason": "completed"})
    assert world.session.get(ChildCase, case.id).closed_on is None
    assert cases.open_case_of(world.session, child.id).id == case.id


def test_one_open_case_per_child(world):
    child, case = world.admit()
    with pytest.raises(ServiceError) as caught:
        cases.create(world.session, world.operator, {"resident_id": child.id})
    assert caught.value.status == 409 and caught.value.field == "resident_id"


def test_a_stage_is_not_completed_while_something_is_missing(world):
    _child, case = world.admit()
    error = refused(world.session, complete, world, case, "pendekatan_awal")
    assert error.field == "stage" and "manajer kasus" in error.message


def test_stages_cannot_be_skipped(world):
    _child, case = world.admit()
    manage(world, case)
    with pytest.raises(ServiceError) as caught:
        stages.record(world.session, world.operator, case, {"stage": "asesmen", "activities": ALL["asesmen"],
                                                            "version": 1})
    assert caught.value.field == "stage" and "Pendekatan awal" in caught.value.message


def test_from_admission_to_follow_up(world, clock):
    session, user = world.session, world.operator
    _child, case = world.admit()
    manage(world, case)
    complete(world, case, "pendekatan_awal", TODAY - timedelta(days=2))
    assert case.stage == "asesmen"
    first = session.scalar(select(CaseStage).where(CaseStage.case_id == case.id, CaseStage.stage == "pendekatan_awal"))
    assert (first.completed_on, first.author_staff_id, first.completed_by_user_id) == (
        TODAY - timedelta(days=2), world.peksos.id, user.id)

    assessments.record_assessment(session, user, case, {
        "assessed_on": TODAY.isoformat(), "problems": "Putus sekolah", "needs": "Kembali sekolah",
        "potentials": "Rajin", "resources": "Paman mendukung"})
    error = refused(session, complete, world, case, "asesmen")  # the case conference is still missing
    assert "temu bahas" in error.message
    assessments.record_conference(session, user, case, {
        "held_on": TODAY.isoformat(), "conclusions": "Perlu konseling dan sekolah kejar paket",
        "participants": [{"role": "peksos", "name": world.peksos.name}, {"role": "keluarga"}]})
    complete(world, case, "asesmen")
    assert (case.stage, case.plan_due) == ("rencana", TODAY + timedelta(days=7))  # assessment + 7 days

    counselling = plans.add_service(session, user, case, {"form": "sosial_konseling", "description": "Konseling",
                                                          "provider_staff_id": world.peksos.id,
                                                          "due_on": (TODAY + timedelta(days=14)).isoformat()})
    school = plans.add_service(session, user, case, {"form": "aksesibilitas", "description": "Daftar paket B",
                                                     "provider": "PKBM Harapan", "due_on": TODAY.isoformat()})
    plans.save_plan(session, user, case, {"goal": "Kembali ke keluarga", "agreed_on": TODAY.isoformat(),
                                          "needs": [{"priority": 1, "need": "Sekolah"},
                                                    {"priority": 2, "need": "Konseling"}]})
    complete(world, case, "rencana")
    assert case.stage == "intervensi"
    kinds = {t["kind"] for t in queries.case_json(session, user, case)["tasks"]}
    assert kinds == {"layanan"}  # the plan's own dates rule once it is agreed

    clock(TODAY + timedelta(days=20))
    for service in (counselling, school):
        plans.update_service(session, user, service, {"action": "done", "done_on": TODAY + timedelta(days=15),
                                                      "outcome": "Terlaksana", "version": service.version})
    complete(world, case, "intervensi", TODAY + timedelta(days=20))
    complete(world, case, "resosialisasi", TODAY + timedelta(days=20), note="Anak dan keluarga siap")
    assert case.stage == "terminasi"

    day = TODAY + timedelta(days=20)
    row = reintegration.record_step(session, user, case, {"step": "prepare_child", "done_on": day,
                                                          "note": "Hasil resosialisasi baik"})
    row = reintegration.record_step(session, user, case, {
        "step": "prepare_family", "done_on": day, "family_kind": "keluarga", "version": row.version,
        "agreed_return_on": (day + timedelta(days=2)).isoformat(), "linkage_note": "Sekolah kejar paket"})
    clock(day + timedelta(days=2))
    row = reintegration.record_step(session, user, case, {"step": "return", "done_on": day + timedelta(days=2),
                                                          "received_by_relationship": "ibu kandung",
                                                          "version": row.version})
    visits = session.scalars(select(FollowUpVisit).where(FollowUpVisit.case_id == case.id)
                             .order_by(FollowUpVisit.sequence)).all()
    assert [v.due_on for v in visits] == [date(2025, 10, 2), date(2025, 12, 2), date(2026, 3, 2)]  # 1, 3, 6 months

    error = refused(session, stages.terminate, session, user, case, {  # before the four conditions of Pasal 49(7)
        "reason": "completed", "activities": ["identifikasi_keberhasilan"], "version": case.version})
    assert "Pasal 49 ayat 7" in error.message
    reintegration.record_step(session, user, case, {
        "step": "monitor", "done_on": day + timedelta(days=2), "note": "Anak betah di rumah", "safe": True,
        "comfortable": True, "needs_met": True, "accepted": True, "version": row.version})
    stages.terminate(session, user, case, {"reason": "completed", "activities": ["identifikasi_keberhasilan",
                                                                                "kunjungan_keluarga"],
                                           "version": case.version})
    assert (case.stage, case.termination_reason, case.closed_on) == ("bimbingan_lanjut", "completed", None)

    for n, visit in enumerate(visits):
        clock(visit.due_on)
        reintegration.record_visit(session, user, visit, {"visited_on": visit.due_on, "findings": f"Baik {n}",
                                                          "version": visit.version})
    complete(world, case, "bimbingan_lanjut", visits[-1].due_on)
    assert case.closed_on == visits[-1].due_on
    summary = queries.case_json(session, user, case)
    assert summary["tasks"] == [] and summary["allowed_actions"] == []
    assert [s["completed_on"] is not None for s in summary["stages"]] == [True] * 7


def test_early_termination_cancels_what_was_planned(world):
    session, user = world.session, world.operator
    _child, case = world.admit()
    manage(world, case)
    error = refused(session, stages.terminate, session, user, case, {
        "reason": "completed", "activities": ["kunjungan_keluarga"], "version": case.version})
    assert "huruf b–d" in error.message
    stages.terminate(session, user, case, {"reason": "ran_away_not_found", "activities": ["kunjungan_keluarga"],
                                           "note": "Dicari bersama keluarga", "version": case.version})
    assert (case.stage, case.closed_on, case.termination_reason) == ("terminasi", TODAY, "ran_away_not_found")
    assert queries.case_json(session, user, case)["tasks"] == []  # the assessment deadline is no task any more


def test_the_case_manager_is_a_certified_peksos_of_the_lpks(world):
    _child, case = world.admit()
    for member, words in ((world.tks, "Pekerja Sosial Profesional"),
                          (world.staff("peksos", world.lpks("LPKS Tunas Bangsa Jakarta Timur")), "daftar SDM")):
        with pytest.raises(ServiceError) as caught:
            cases.update(world.session, world.operator, case, {"case_manager_id": member.id,
                                                               "version": case.version})
        assert caught.value.field == "case_manager_id" and words in caught.value.message
    world.peksos.certification_valid_until = TODAY - timedelta(days=1)
    with pytest.raises(ServiceError) as caught:
        cases.update(world.session, world.operator, case, {"case_manager_id": world.peksos.id,
                                                           "version": case.version})
    assert "tersertifikasi" in caught.value.message
