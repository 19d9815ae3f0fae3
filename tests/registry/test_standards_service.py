"""lpks.registry.services.standards: the registry records of one LPKS become InstitutionFacts; the verifier's final findings
win; every boundary date of the mapping decides on the right side."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accreditation import FACILITY_ITEMS, ItemStatus
from lpks.registry.models.facility import FacilityRecord
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.registration import Registration
from lpks.registry.models.staff import StaffMember
from lpks.registry.models.verification import Verification, VerificationFinding
from lpks.registry.services import standards

AS_OF = date(2026, 3, 20)
OK, PART, NO = ItemStatus.TERPENUHI, ItemStatus.SEBAGIAN, ItemStatus.BELUM


@pytest.fixture
def inst(demo, session):
    lpks = Institution(name="LPKS Uji Standar", kabkota_code="35.75", province_code="35")
    session.add(lpks)
    session.flush()
    return lpks


def status(session, inst, code, as_of=AS_OF):
    return standards.view_for(session, inst, as_of).report.item(code).status


def test_an_empty_record_meets_nothing_and_lists_every_mandatory_item(session, inst):
    report = standards.view_for(session, inst, AS_OF).report
    assert report.compliance == Decimal("0.00")
    assert len(report.unmet) == sum(a.mandatory_count for a in report.aspects)
    assert all(i.pasal.startswith("Pasal") for i in report.unmet)


@pytest.mark.parametrize("values, expected", [
    ({"formation_kind": "upt", "establishment_decree_number": "Pergub 1/2016"}, OK),
    ({"formation_kind": "upt"}, PART),
    ({"formation_kind": "masyarakat", "deed_number": "Akta 12"}, PART),
    ({"formation_kind": "masyarakat", "deed_number": "Akta 12", "kemenkumham_decree_number": "AHU-1"}, OK),
    ({}, NO),
])
def test_status_lembaga_from_the_profile(session, inst, values, expected):
    for key, value in values.items():
        setattr(inst, key, value)
    assert status(session, inst, "a.upt_or_badan_hukum") is expected


@pytest.mark.parametrize("valid_until, expected", [(date(2026, 3, 20), OK), (date(2026, 3, 19), NO), (None, OK)])
def test_registration_valid_through_its_last_day(session, inst, valid_until, expected):
    session.add(Registration(institution_id=inst.id, authority="dinsos_kabkota", region_code="35.75", number="460/1",
                             issued_on=date(2021, 1, 1), valid_until=valid_until))
    assert status(session, inst, "a.terdaftar") is expected


def test_any_registration_in_force_meets_the_item(session, inst):
    session.add(Registration(institution_id=inst.id, authority="dinsos_kabkota", region_code="35.75", number="460/1",
                             issued_on=date(2021, 1, 1), valid_until=date(2026, 3, 19)))
    session.flush()
    assert status(session, inst, "a.terdaftar") is NO
    session.add(Registration(institution_id=inst.id, authority="kemensos", number="KEMENSOS-9",
                             issued_on=date(2024, 1, 1), valid_until=date(2029, 1, 1)))
    assert status(session, inst, "a.terdaftar") is OK


@pytest.mark.parametrize("since, until, expected", [
    (date(2026, 3, 20), None, OK), (date(2026, 3, 21), None, NO), (None, date(2026, 3, 20), OK),
    (None, date(2026, 3, 19), NO)])
def test_positions_count_while_held(session, inst, since, until, expected):
    session.add(OrganisationPosition(institution_id=inst.id, position="pimpinan", holder_name="Ibu Ketua",
                                     since=since, until=until))
    session.flush()
    assert status(session, inst, "c.pimpinan") is expected


@pytest.mark.parametrize("values, function_item, cert, sppa", [
    ({}, OK, NO, NO),
    ({"certification_number": "S-1", "certification_valid_until": date(2026, 3, 20)}, OK, OK, NO),
    ({"certification_number": "S-1", "certification_valid_until": date(2026, 3, 19)}, OK, NO, NO),
    ({"certification_number": "S-1", "certification_date": date(2026, 3, 21)}, OK, NO, NO),
    ({"sppa_training_date": date(2025, 1, 1), "sppa_valid_until": date(2026, 3, 20)}, OK, NO, OK),
    ({"sppa_training_date": date(2026, 3, 21)}, OK, NO, NO),
    ({"active_until": date(2026, 3, 19)}, NO, NO, NO),
    ({"engagement": "kerja_sama", "partner_name": "RSUD"}, PART, NO, NO),
])
def test_staff_register(session, inst, values, function_item, cert, sppa):
    session.add(StaffMember(institution_id=inst.id, name="Rina", function="peksos", **values))
    session.flush()
    report = standards.view_for(session, inst, AS_OF).report
    assert report.item("d.teknis.peksos").status is function_item
    assert report.item("d.teknis.sertifikasi").status is cert
    assert report.item("d.teknis.pelatihan_sppa").status is sppa


def test_optional_staff_by_agreement_meets_its_item(session, inst):
    session.add(StaffMember(institution_id=inst.id, name="dr. Ani", function="psikolog", engagement="kerja_sama",
                            partner_name="Universitas"))
    session.flush()
    assert status(session, inst, "d.opsional.psikolog") is OK


def test_facilities_from_the_checklist(session, inst):
    first, second = FACILITY_ITEMS[0].code, FACILITY_ITEMS[1].code
    session.add_all([FacilityRecord(institution_id=inst.id, item_code=first, status="tersedia"),
                     FacilityRecord(institution_id=inst.id, item_code=second, status="sebagian")])
    session.flush()
    report = standards.view_for(session, inst, AS_OF).report
    assert report.item(first).status is OK and report.item(second).status is PART
    assert report.aspect("e").compliance == Decimal("3.49")  # 1.5 of 43


@pytest.mark.parametrize("year, expected", [(2026, OK), (2025, NO)])
def test_funding_sources_of_the_current_year(session, inst, year, expected):
    session.add(FundingSource(institution_id=inst.id, year=year, source_kind="apbd", amount=Decimal("1000")))
    session.flush()
    assert status(session, inst, "f.sumber_dana") is expected


@pytest.mark.parametrize("year, submitted, expected", [
    (2025, date(2026, 1, 31), OK), (2026, date(2026, 3, 20), OK), (2025, date(2026, 3, 21), NO),
    (2024, date(2025, 1, 31), NO), (2025, None, NO)])
def test_accountability_report_of_this_or_last_year(session, inst, year, submitted, expected):
    session.add(FinancialReport(institution_id=inst.id, year=year, report_submitted_on=submitted))
    session.flush()
    assert status(session, inst, "f.pertanggungjawaban") is expected


def test_programme_texts_alone_no_longer_meet_aspect_g(session, inst):
    """Aspect g is read from the LPKS's case records (issue 13; tests/cases/test_standards_from_cases.py): a
    description of the programme is not evidence of it."""
    inst.program_reintegration = "Pemulangan bersama PK"
    inst.program_companionship = "Peksos mendampingi"
    report = standards.view_for(session, inst, AS_OF).report
    assert report.item("g.reintegrasi").status is NO and report.item("g.pendampingan").status is NO


def _round(session, inst, number, visit, status_, findings):
    ver = Verification(institution_id=inst.id, number=number, visit_date=visit, status=status_)
    session.add(ver)
    session.flush()
    for code, value in findings.items():
        session.add(VerificationFinding(verification_id=ver.id, institution_id=inst.id, item_code=code, status=value,
                                        note="catatan"))
    session.flush()
    return ver


def test_final_findings_win_drafts_and_future_visits_do_not(session, inst):
    _round(session, inst, 1, date(2025, 5, 1), "final", {"c.pemahaman_rehsos": "sebagian", "b.visi": "belum"})
    _round(session, inst, 2, date(2026, 1, 10), "final", {"c.pemahaman_rehsos": "terpenuhi"})
    _round(session, inst, 3, date(2026, 3, 1), "draft", {"c.pemahaman_rehsos": "belum"})
    _round(session, inst, 4, date(2026, 3, 25), "final", {"b.misi": "terpenuhi"})
    inst.vision = "Anak pulih"
    view = standards.view_for(session, inst, AS_OF)
    item = view.report.item("c.pemahaman_rehsos")
    assert item.status is OK and item.decided_by == "verifikator" and view.sources[item.code].number == 2
    visi = view.report.item("b.visi")  # the verifier's older finding stays, the computed result stays visible
    assert visi.status is NO and visi.computed_status is OK
    assert view.report.item("b.misi").status is NO  # round 4 is after the assessment date
    assert [r.number for r in view.rounds] == [2, 1]
