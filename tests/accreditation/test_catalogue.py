"""The catalogue against the regulation text: Pasal 52 ayat (4), 58, 60–62, 64 huruf a–f, 65."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from accreditation import (
    ASPECTS,
    FACILITY_ITEMS,
    STAFF_FUNCTIONS,
    STANDARD_ITEMS,
    AccreditationError,
    InstitutionFacts,
    ReferralScope,
    SourceKind,
    StaffCategory,
    facility_checklist,
    get_item,
    staff_checklist,
)
from accreditation.levels import Grade

FACILITY_COUNTS = {  # counted from the text of Pasal 64 huruf a–f and Pasal 65
    "perkantoran": 9,  # huruf a
    "pelayanan_teknis": 11,  # huruf b
    "pelayanan_umum": 11,  # huruf c
    "peralatan": 6,  # huruf d
    "transportasi": 2,  # huruf e
    "sandang_pangan": 2,  # huruf f: sandang, pangan
    "instrumen_teknis": 2,  # Pasal 65 ayat (2) → Lampiran III, and the referral form of Pasal 46 ayat (2)
}


def test_seven_aspects_in_the_order_of_pasal_52_ayat_4():
    assert [(a.code, a.pasal) for a in ASPECTS] == [
        (letter, f"Pasal 52 ayat (4) huruf {letter}") for letter in "abcdefg"]


@pytest.mark.parametrize("group, count", FACILITY_COUNTS.items())
def test_facility_counts_match_the_regulation(group, count):
    assert sum(1 for item in FACILITY_ITEMS if item.group.code == group) == count


def test_facility_pasal_citations_follow_the_huruf():
    pasal = {item.group.code: item.pasal for item in FACILITY_ITEMS if item.group.code != "instrumen_teknis"}
    assert pasal == {"perkantoran": "Pasal 64 huruf a", "pelayanan_teknis": "Pasal 64 huruf b",
                     "pelayanan_umum": "Pasal 64 huruf c", "peralatan": "Pasal 64 huruf d",
                     "transportasi": "Pasal 64 huruf e", "sandang_pangan": "Pasal 64 huruf f"}


def test_rooms_named_in_both_lists_are_distinct_items():
    # Pasal 64 lists ruang tamu and kamar mandi both under perkantoran (a) and pelayanan umum (c).
    codes = {item.code for item in FACILITY_ITEMS}
    assert {"e.perkantoran.ruang_tamu", "e.pelayanan_umum.ruang_tamu",
            "e.perkantoran.kamar_mandi", "e.pelayanan_umum.kamar_mandi"} <= codes


def test_counts_per_aspect():
    counts = {a.code: (len(a.items), len(a.mandatory_items)) for a in ASPECTS}
    assert counts == {"a": (3, 3), "b": (2, 2), "c": (4, 4), "d": (18, 13), "e": (43, 43), "f": (3, 3), "g": (4, 4)}


def test_codes_are_unique_and_prefixed_by_their_aspect():
    codes = [item.code for item in STANDARD_ITEMS]
    assert not [code for code, n in Counter(codes).items() if n > 1]
    assert all(item.code.startswith(f"{item.aspect}.") for item in STANDARD_ITEMS)
    assert all(item.pasal.startswith("Pasal ") and item.label_id and item.label_en for item in STANDARD_ITEMS)


def test_examples_from_the_brief_exist():
    assert get_item("a.upt_or_badan_hukum").pasal == "Pasal 53 ayat (1); Pasal 54 ayat (1)"
    assert get_item("e.perkantoran.ruang_pimpinan").source.keys == ("e.perkantoran.ruang_pimpinan",)


def test_unknown_item_is_refused_in_indonesian():
    with pytest.raises(AccreditationError) as caught:
        get_item("e.kolam_renang")
    assert caught.value.field == "code" and "tidak dikenal" in caught.value.message


def test_staff_catalogue_pasal_60_to_62():
    by_category = {cat: [fn.code for fn in STAFF_FUNCTIONS if fn.category is cat] for cat in StaffCategory}
    assert by_category == {
        StaffCategory.ADMINISTRASI: ["rumah_tangga", "personalia", "surat_menyurat", "keuangan"],
        StaffCategory.TEKNIS: ["peksos", "tks"],
        StaffCategory.OPSIONAL: ["dokter", "psikiater", "psikolog", "instruktur_keterampilan", "pembimbing_rohani"],
        StaffCategory.PENUNJANG: ["pengasuh", "petugas_dapur", "petugas_kebersihan", "satpam", "supir"],
    }
    optional = {fn.code for fn in STAFF_FUNCTIONS if not fn.mandatory}
    assert optional == {fn.code for fn in STAFF_FUNCTIONS if fn.agreement_allowed} == set(by_category[StaffCategory.OPSIONAL])


def test_only_optional_staff_of_pasal_61_ayat_2_are_not_mandatory():
    assert {i.code for i in STANDARD_ITEMS if not i.mandatory} == {
        f"d.opsional.{c}" for c in ("dokter", "psikiater", "psikolog", "instruktur_keterampilan", "pembimbing_rohani")}


def test_source_hints_point_at_real_data():
    fields = {f.name for f in dataclasses.fields(InstitutionFacts)}
    staff_codes = {fn.code for fn in STAFF_FUNCTIONS}
    facility_codes = {f.code for f in FACILITY_ITEMS}
    for item in STANDARD_ITEMS:
        kind, keys = item.source.kind, set(item.source.keys)
        allowed = {SourceKind.INSTITUTION: fields, SourceKind.DOCUMENT: fields, SourceKind.STAFF: staff_codes,
                   SourceKind.FACILITY: facility_codes, SourceKind.MANUAL: set()}[kind]
        assert keys <= allowed and (keys or kind is SourceKind.MANUAL), item.code


def test_checklists_are_plain_rows_in_regulation_order():
    rows = facility_checklist()
    assert len(rows) == 43 and rows[0]["code"] == "e.perkantoran.ruang_pimpinan"
    assert rows[-1]["code"] == "e.instrumen_teknis.formulir_rujukan"
    assert set(rows[0]) == {"code", "group", "group_label_id", "group_label_en", "label_id", "label_en", "pasal"}
    assert [r["code"] for r in staff_checklist()] == [fn.code for fn in STAFF_FUNCTIONS]


def test_referral_scope_and_grade_are_ordered_by_rank_not_alphabet():
    assert ReferralScope.KABUPATEN_KOTA < ReferralScope.PROVINSI < ReferralScope.NASIONAL
    assert sorted(ReferralScope, reverse=True)[0] is ReferralScope.NASIONAL
    assert Grade.C < Grade.B < Grade.A and Grade.A >= Grade.A
    assert ReferralScope("provinsi") == "provinsi"  # still a str for storage and JSON
