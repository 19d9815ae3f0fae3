"""Facility catalogue: every room and equipment item of Pasal 64 huruf a–f and the instruments of Pasal 65."""

from __future__ import annotations

from .catalogue_model import FacilityGroup, FacilityItem

_GROUPS = (
    FacilityGroup("perkantoran", "Perkantoran", "Offices", "Pasal 64 huruf a"),
    FacilityGroup("pelayanan_teknis", "Ruang pelayanan teknis", "Technical service rooms", "Pasal 64 huruf b"),
    FacilityGroup("pelayanan_umum", "Ruang pelayanan umum", "General service rooms", "Pasal 64 huruf c"),
    FacilityGroup("peralatan", "Peralatan lembaga Rehabilitasi Sosial", "Rehabilitation equipment", "Pasal 64 huruf d"),
    FacilityGroup("transportasi", "Alat transportasi", "Transport", "Pasal 64 huruf e"),
    FacilityGroup("sandang_pangan", "Sandang dan pangan bagi anak", "Clothing and food for children", "Pasal 64 huruf f"),
    FacilityGroup(
        "instrumen_teknis",
        "Instrumen teknis Rehabilitasi Sosial dan Reintegrasi Sosial",
        "Technical instruments of rehabilitation and reintegration",
        "Pasal 65",
    ),
)
FACILITY_GROUPS: tuple[FacilityGroup, ...] = _GROUPS

# In the order and wording of the regulation; (code suffix, label_id, label_en).
_ITEMS = {
    "perkantoran": (
        ("ruang_pimpinan", "Ruang pimpinan", "Head's office"),
        ("ruang_kerja_staf", "Ruang kerja staf", "Staff workroom"),
        ("ruang_rapat", "Ruang rapat", "Meeting room"),
        ("ruang_tamu", "Ruang tamu", "Guest room"),
        ("ruang_dokumentasi", "Ruang dokumentasi", "Documentation room"),
        ("ruang_data_informasi", "Ruang data dan informasi", "Data and information room"),
        ("ruang_perpustakaan", "Ruang perpustakaan", "Library"),
        ("kamar_mandi", "Kamar mandi", "Bathroom"),
        ("dapur", "Dapur", "Kitchen"),
    ),
    "pelayanan_teknis": (
        ("rumah_antara", "Rumah antara", "Halfway house"),
        ("ruang_peksos_tks", "Ruang pekerja sosial/Tenaga Kesejahteraan Sosial", "Social workers' room"),
        ("ruang_asrama", "Ruang asrama", "Dormitory"),
        ("ruang_pengasuh", "Ruang pengasuh", "Caregivers' room"),
        ("ruang_konseling_psikososial", "Ruang konseling psikososial", "Psychosocial counselling room"),
        ("ruang_terapi_psikososial", "Ruang terapi psikososial", "Psychosocial therapy room"),
        ("ruang_instalasi_produksi", "Ruang instalasi produksi", "Production workshop"),
        ("ruang_olahraga", "Ruang olah raga dan pembinaan fisik", "Sports and physical training room"),
        ("ruang_bimbingan_mental_sosial", "Ruang bimbingan mental dan sosial", "Mental and social guidance room"),
        ("ruang_praktik_keterampilan", "Ruang praktik keterampilan", "Skills practice room"),
        ("ruang_kesenian", "Ruang kesenian", "Arts room"),
    ),
    "pelayanan_umum": (
        ("ruang_makan", "Ruang makan", "Dining room"),
        ("ruang_belajar", "Ruang belajar", "Study room"),
        ("ruang_ibadah", "Ruang ibadah", "Prayer room"),
        ("ruang_kesehatan", "Ruang kesehatan", "Health room"),
        ("aula", "Aula", "Hall"),
        ("pos_keamanan", "Pos keamanan", "Security post"),
        ("ruang_tamu", "Ruang tamu", "Visitors' room"),
        ("gudang", "Gudang", "Storeroom"),
        ("kamar_mandi", "Kamar mandi", "Bathroom"),
        ("tempat_parkir", "Tempat parkir", "Parking area"),
        ("rumah_dinas_pengurus", "Rumah dinas/pengurus", "Official/staff housing"),
    ),
    "peralatan": (
        ("penunjang_perkantoran", "Peralatan penunjang perkantoran", "Office support equipment"),
        ("komunikasi", "Peralatan komunikasi", "Communication equipment"),
        ("penerangan", "Penerangan", "Lighting"),
        ("instalasi_air_bersih", "Instalasi air dan air bersih", "Water and clean water installation"),
        ("alat_bantu_penerima_pelayanan", "Peralatan bantu bagi penerima pelayanan", "Assistive devices for residents"),
        ("penunjang_pelayanan_teknis", "Peralatan penunjang pelayanan teknis", "Technical service equipment"),
    ),
    "transportasi": (
        ("perkantoran", "Alat transportasi perkantoran", "Office vehicle"),
        ("penerima_pelayanan", "Alat transportasi penerima pelayanan", "Vehicle for residents"),
    ),
    # Pasal 64 huruf f names two things in one huruf; they are checked separately.
    "sandang_pangan": (
        ("sandang", "Sandang bagi anak", "Clothing for children"),
        ("pangan", "Pangan bagi anak", "Food for children"),
    ),
    # Pasal 65 ayat (2) lists the instruments only in Lampiran III (not in the body text); the body text
    # itself names one of them: the referral form (Pasal 46 ayat (2), also in Lampiran III).
    "instrumen_teknis": (
        ("lampiran_iii", "Instrumen teknis sesuai Lampiran III", "Technical instruments per Annex III"),
        ("formulir_rujukan", "Formulir rujukan", "Referral form"),
    ),
}
_PASAL_OVERRIDE = {
    "instrumen_teknis.lampiran_iii": "Pasal 65 ayat (2)",
    "instrumen_teknis.formulir_rujukan": "Pasal 65 ayat (2); Pasal 46 ayat (2)",
}


def _build() -> tuple[FacilityItem, ...]:
    items = []
    for group in _GROUPS:
        for suffix, label_id, label_en in _ITEMS[group.code]:
            key = f"{group.code}.{suffix}"
            items.append(FacilityItem(f"e.{key}", group, label_id, label_en, _PASAL_OVERRIDE.get(key, group.pasal)))
    return tuple(items)


FACILITY_ITEMS: tuple[FacilityItem, ...] = _build()
FACILITY_ITEMS_BY_CODE = {item.code: item for item in FACILITY_ITEMS}
