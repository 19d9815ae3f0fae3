"""Aspect g of the standards (Pasal 69: stages, forms, reintegration, companionship) follows the LPKS's case records
(issue 13), not a text field."""
from __future__ import annotations

from datetime import timedelta

from accreditation import ItemStatus
from lpks.cases.services import assessments, cases, companions, stages
from lpks.registry.services import standards

from .conftest import TODAY

OK, PART, NO = ItemStatus.TERPENUHI, ItemStatus.SEBAGIAN, ItemStatus.BELUM


def item(world, code, day):
    return standards.view_for(world.session, world.institution, day).report.item(code)


def test_stages_and_companionship_are_read_from_the_cases(world, clock):
    _c, case = world.admit()  # admitted 8 August, assessment due 15 August
    assert item(world, "g.tahapan_rehsos", TODAY).status is NO
    assert item(world, "g.tahapan_rehsos", TODAY).reason == "Belum ada kasus yang menunjukkannya"
    late = TODAY + timedelta(days=5)
    assert (item(world, "g.tahapan_rehsos", late).status, item(world, "g.tahapan_rehsos", late).reason) == (
        NO, "0 dari 1 kasus yang tenggat asesmennya lewat telah menyelesaikan asesmen")
    assert item(world, "g.pendampingan", TODAY).status is NO
    companions.assign(world.session, world.operator, case, {"role": "pendamping", "staff_member_id": world.peksos.id})
    assert item(world, "g.pendampingan", TODAY).status is OK

    cases.update(world.session, world.operator, case, {"case_manager_id": world.peksos.id, "version": case.version})
    stages.record(world.session, world.operator, case, {
        "stage": "pendekatan_awal", "complete": True, "version": 1,
        "activities": ["sosialisasi_konsultasi", "identifikasi", "motivasi", "seleksi", "penerimaan"]})
    assessments.record_assessment(world.session, world.operator, case, {
        "assessed_on": TODAY.isoformat(), "problems": "a", "needs": "b", "potentials": "c", "resources": "d"})
    assessments.record_conference(world.session, world.operator, case, {
        "held_on": TODAY.isoformat(), "conclusions": "x", "participants": [{"role": "peksos"}]})
    stages.record(world.session, world.operator, case, {
        "stage": "asesmen", "complete": True, "version": 1,
        "activities": ["persiapan", "pengumpulan_data", "analisis", "temu_bahas_kasus"]})
    assert item(world, "g.tahapan_rehsos", late).status is OK
    assert item(world, "g.bentuk_rehsos", late).status is NO  # no plan completed yet: nothing shows it


def test_the_evaluation_holds_only_until_an_assessment_falls_due(world):
    world.admit()
    _facts, _origin, _rounds, through = standards.facts_for_many(world.session, [world.institution], TODAY,
                                                                 horizon=True)[world.institution.id]
    assert through <= TODAY + timedelta(days=3)  # the stored row is evaluated again once the deadline passes
