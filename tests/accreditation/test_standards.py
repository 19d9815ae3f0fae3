"""Standards evaluation (Pasal 52–69, RULES §2): per item, per aspect (sebagian = half), overall, verifier findings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from accreditation import (
    AccreditationError,
    ItemStatus,
    RegistrationFact,
    VerifierFinding,
    evaluate,
)
from accreditation import AccreditationError, CaseProgramFacts, ItemStatus, RegistrationFact, VerifierFinding, evaluate

from .factories import AS_OF, compliant_facts, staff

OK, PART, NO = ItemStatus.TERPENUHI, ItemStatus.SEBAGIAN, ItemStatus.BELUM


def test_a_compliant_lpks_meets_every_aspect():
    report = evaluate(compliant_facts())
    assert {a.code: a.compliance for a in report.aspects} == dict.fromkeys("abcdefg", Decimal("100.00"))
    assert report.compliance == Decimal("100.00") and report.unmet == ()


def test_an_empty_lpks_meets_nothing_and_every_unmet_item_names_its_pasal():
    report = evaluate(compliant_facts(**EMPTY))
    assert report.compliance == Decimal("0.00")
    assert len(report.unmet) == 3 + 2 + 4 + 13 + 43 + 3 + 4
    assert all(item.pasal.startswith("Pasal") for item in report.unmet)


EMPTY = dict(formation_kind=None, deed_number="", kemenkumham_decree_number="", registrations=(),
             designation_decree_number="", vision="", mission="", has_pimpinan=False,
             has_bidang_administrasi=False, has_bidang_teknis=False, staff=(), facilities={}, funding_sources_count=0,
             budget_plan_present=False, spending_records_present=False, accountability_report_present=False,
             cases=CaseProgramFacts(), verifier_findings={})


@pytest.mark.parametrize("overrides, aspect, expected", [
    (dict(mission=""), "b", "50.00"),
    (dict(mission="  "), "b", "50.00"),
    (dict(verifier_findings={}), "c", "75.00"),  # Pasal 58 ayat (2) waits for a verifier
    (dict(verifier_findings={"c.pemahaman_rehsos": "sebagian"}), "c", "87.50"),
    (dict(facilities={"e.perkantoran.dapur": "sebagian"}), "e", "1.16"),  # 0.5 / 43
    (dict(kemenkumham_decree_number=""), "a", "83.33"),  # badan hukum sebagian: 2.5 / 3
    (dict(budget_plan_present=False), "f", "83.33"),  # management 2 of 3 documents = sebagian
    (dict(cases=CaseProgramFacts(4, 4, 3, 3, 2, 0, 5, 5)), "g", "75.00"),  # returned, conditions not recorded
    (dict(cases=CaseProgramFacts(4, 2, 3, 3, 2, 2, 5, 5)), "g", "87.50"),  # 2 of 4 assessments late: sebagian
    (dict(cases=CaseProgramFacts(0, 0, 3, 3, 2, 2, 5, 5)), "g", "75.00"),  # no assessment due yet: not shown
])
def test_aspect_compliance_counts_sebagian_as_half(overrides, aspect, expected):
    assert evaluate(compliant_facts(**overrides)).aspect(aspect).compliance == Decimal(expected)


def test_one_partial_facility_among_43():
    facts = compliant_facts()
    facilities = dict(facts.facilities, **{"e.pelayanan_umum.aula": "sebagian"})
    aspect = evaluate(compliant_facts(facilities=facilities)).aspect("e")
    assert aspect.compliance == Decimal("98.84")  # 42.5 / 43 = 98.837…
    assert [(i.code, i.status, i.pasal) for i in aspect.unmet] == [("e.pelayanan_umum.aula", PART, "Pasal 64 huruf c")]


def test_overall_compliance_is_the_mean_of_the_seven_aspects():
    report = evaluate(compliant_facts(vision="", mission=""))  # b = 0, the six others 100
    assert report.compliance == Decimal("85.71")  # 600 / 7


@pytest.mark.parametrize("overrides, status", [
    (dict(formation_kind="upt", establishment_decree_number="PERGUB-3"), OK),
    (dict(formation_kind="upt", establishment_decree_number=""), PART),
    (dict(formation_kind="masyarakat", deed_number="", kemenkumham_decree_number=""), NO),
    (dict(formation_kind=None), NO),
])
def test_status_lembaga_pasal_53_54(overrides, status):
    assert evaluate(compliant_facts(**overrides)).item("a.upt_or_badan_hukum").status is status


def _reg(number="REG-7", issued_on=date(2021, 3, 1), valid_until=date(2026, 3, 1), authority="dinsos_kabkota"):
    return RegistrationFact(authority, number, issued_on, valid_until)


@pytest.mark.parametrize("registrations, status", [
    ((_reg(),), OK),
    ((_reg(valid_until=None),), OK),  # no end recorded
    ((_reg(valid_until=AS_OF),), OK),  # valid through its last day
    ((_reg(issued_on=AS_OF),), OK),  # valid from its first day
    ((_reg(valid_until=date(2025, 6, 29)),), NO),  # expired the day before
    ((_reg(issued_on=date(2025, 7, 1)),), NO),  # not yet valid
    ((_reg(issued_on=None),), PART),
    ((_reg(number=" "),), PART),
    ((), NO),
    # One LPKS, several registrations: any one in force is enough (Kemensos "and/or" Dinas Sosial).
    ((_reg(valid_until=date(2025, 6, 29)), _reg("KEMENSOS-1", authority="kemensos")), OK),
    ((_reg(valid_until=date(2025, 6, 29)), _reg("DS-PROV", valid_until=date(2025, 1, 1))), NO),
    ((_reg(valid_until=date(2025, 6, 29)), _reg("DS-2", issued_on=None)), PART),
])
def test_registration_pasal_54_ayat_2(registrations, status):
    assert evaluate(compliant_facts(registrations=registrations)).item("a.terdaftar").status is status


def test_an_expired_registration_names_its_last_valid_day():
    regs = (_reg(valid_until=date(2025, 6, 29)), _reg("DS-PROV", valid_until=date(2025, 1, 1)))
    item = evaluate(compliant_facts(registrations=regs)).item("a.terdaftar")
    assert item.reason == "Tanda daftar kedaluwarsa 29 Juni 2025"


def _with_staff(*people):
    others = tuple(staff(code) for code in ("rumah_tangga", "personalia", "surat_menyurat", "keuangan", "pengasuh",
                                            "petugas_dapur", "petugas_kebersihan", "satpam", "supir"))
    return compliant_facts(staff=others + people)


def test_staff_function_met_only_by_staff_active_on_the_date():
    report = evaluate(_with_staff(staff("peksos", active_until=date(2025, 6, 29)), staff("tks")))
    assert report.item("d.teknis.peksos").status is NO
    assert report.item("d.teknis.tks").status is OK


def test_cooperation_agreement_meets_optional_staff_but_only_half_of_mandatory_staff():
    report = evaluate(_with_staff(staff("peksos", engagement="kerja_sama"), staff("tks"),
                                  staff("psikolog", engagement="kerja_sama")))
    assert report.item("d.opsional.psikolog").status is OK  # Pasal 61 ayat (3)
    assert report.item("d.teknis.peksos").status is PART
    assert report.item("d.opsional.dokter").status is NO
    assert report.item("d.opsional.dokter") not in report.aspect("d").unmet  # optional: not counted


@pytest.mark.parametrize("people, certification, sppa", [
    ((staff("peksos"), staff("tks")), OK, OK),
    ((staff("peksos"), staff("tks", certificate_valid_until=date(2025, 6, 29))), PART, OK),  # expired yesterday
    ((staff("peksos", certificate_valid_until=AS_OF), staff("tks", sppa_trained=False)), OK, PART),
    ((staff("peksos", certified=False, sppa_trained=False),), NO, NO),
    ((), NO, NO),
])
def test_technical_staff_certified_and_sppa_trained(people, certification, sppa):
    report = evaluate(_with_staff(*people))
    assert report.item("d.teknis.sertifikasi").status is certification  # Pasal 17 ayat (2)
    assert report.item("d.teknis.pelatihan_sppa").status is sppa  # Pasal 75 ayat (2)


def test_verifier_finding_wins_and_the_computed_result_stays_visible():
    finding = VerifierFinding(ItemStatus.BELUM, "Ruang dipakai sebagai gudang")
    report = evaluate(compliant_facts(verifier_findings={"e.pelayanan_teknis.ruang_konseling_psikososial": finding}))
    item = report.item("e.pelayanan_teknis.ruang_konseling_psikososial")
    assert (item.status, item.decided_by, item.computed_status) == (NO, "verifikator", OK)
    assert "Ruang dipakai sebagai gudang" in item.reason and item.computed_reason == "Tersedia"
    assert item in report.aspect("e").unmet


def test_facts_are_copied_so_later_changes_do_not_alter_them():
    facilities = {"e.perkantoran.dapur": "tersedia"}
    facts = compliant_facts(facilities=facilities)
    facilities["e.perkantoran.dapur"] = "tidak"
    assert evaluate(facts).item("e.perkantoran.dapur").status is OK


@pytest.mark.parametrize("overrides, field", [
    (dict(facilities={"e.kolam_renang": "tersedia"}), "facilities"),
    (dict(facilities={"e.perkantoran.dapur": "ada"}), "facilities.e.perkantoran.dapur"),
    (dict(verifier_findings={"x.y": "terpenuhi"}), "verifier_findings"),
    (dict(verifier_findings={"b.visi": "lulus"}), "verifier_findings.b.visi"),
    (dict(formation_kind="yayasan"), "formation_kind"),
    (dict(staff=(staff("tukang_kebun"),)), "staff[0]"),
    (dict(funding_sources_count=-1), "funding_sources_count"),
])
def test_unknown_codes_and_values_are_refused(overrides, field):
    with pytest.raises(AccreditationError) as caught:
        evaluate(compliant_facts(**overrides))
    assert caught.value.field == field and caught.value.message
