"""THE catalogue of institution standards of Pasal 52 ayat (4): seven aspects a–g and their items."""

from __future__ import annotations

from .catalogue_facilities import FACILITY_GROUPS, FACILITY_ITEMS, FACILITY_ITEMS_BY_CODE
from .catalogue_model import Aspect, FacilityItem, Source, SourceKind, StaffFunction, StandardItem
from .catalogue_staff import STAFF_CATEGORY_LABELS, STAFF_FUNCTIONS, STAFF_FUNCTIONS_BY_CODE, TECHNICAL_FUNCTIONS
from .errors import AccreditationError
from .levels import Grade, ReferralScope

__all__ = [
    "ASPECTS", "STANDARD_ITEMS", "STAFF_FUNCTIONS", "FACILITY_GROUPS", "FACILITY_ITEMS", "ReferralScope", "Grade",
    "get_aspect", "get_item", "get_staff_function", "get_facility_item", "facility_checklist", "staff_checklist",
]

_I, _D, _M = SourceKind.INSTITUTION, SourceKind.DOCUMENT, SourceKind.MANUAL


def _item(aspect: str, code: str, label_id: str, label_en: str, pasal: str, kind: SourceKind, *keys: str) -> StandardItem:
    return StandardItem(f"{aspect}.{code}", aspect, label_id, label_en, pasal, True, Source(kind, keys))


_STATUS = (
    _item("a", "upt_or_badan_hukum",
          "Dibentuk Pemerintah sebagai UPT dengan keputusan pembentukan, atau dibentuk masyarakat dan berbadan hukum "
          "(akta pendirian, keputusan Kemenkumham)",
          "Formed by government as a technical unit (UPT) with its decree, or formed by the community as a legal entity "
          "(deed, Ministry of Law decree)",
          "Pasal 53 ayat (1); Pasal 54 ayat (1)", _I,
          "formation_kind", "establishment_decree_number", "deed_number", "kemenkumham_decree_number"),
    _item("a", "terdaftar", "Terdaftar di Kementerian Sosial dan/atau dinas sosial (nomor dan tanggal tanda daftar)",
          "Registered at the Ministry of Social Affairs and/or the social service office (number and date)",
          "Pasal 54 ayat (2)", _I, "registrations"),
    _item("a", "penetapan_menteri", "Ditetapkan oleh Menteri berdasarkan rekomendasi dinas sosial daerah provinsi",
          "Designated by the Minister on the provincial social service's recommendation",
          "Pasal 56", _I, "designation_decree_number"),
)
_VISION = (
    _item("b", "visi", "Visi lembaga tertulis", "Written vision", "Pasal 57", _I, "vision"),
    _item("b", "misi", "Misi lembaga tertulis", "Written mission", "Pasal 57", _I, "mission"),
)
_ORGANISATION = (
    _item("c", "pimpinan", "Pimpinan lembaga", "Head of the institution", "Pasal 58 ayat (1) huruf a", _I, "has_pimpinan"),
    _item("c", "bidang_administrasi", "Bidang administrasi", "Administration unit", "Pasal 58 ayat (1) huruf b", _I,
          "has_bidang_administrasi"),
    _item("c", "bidang_teknis", "Bidang teknis Rehabilitasi Sosial", "Social rehabilitation unit",
          "Pasal 58 ayat (1) huruf c", _I, "has_bidang_teknis"),
    _item("c", "pemahaman_rehsos", "Pimpinan dan bidang teknis memahami Rehabilitasi Sosial bagi ABH",
          "Head and technical unit understand social rehabilitation of children in conflict with the law",
          "Pasal 58 ayat (2)", _M),
)


def _staff_items() -> tuple[StandardItem, ...]:
    items = [
        StandardItem(f"d.{fn.category.value}.{fn.code}", "d", fn.label_id, fn.label_en, fn.pasal, fn.mandatory,
                     Source(SourceKind.STAFF, (fn.code,)))
        for fn in STAFF_FUNCTIONS
    ]
    at = 6  # after the two technical functions, in the order of RULES §2
    items[at:at] = [
        StandardItem("d.teknis.sertifikasi", "d", "Pekerja Sosial Profesional dan Tenaga Kesejahteraan Sosial tersertifikasi",
                     "Social workers and welfare workers certified", "Pasal 17 ayat (2)", True,
                     Source(SourceKind.STAFF, TECHNICAL_FUNCTIONS)),
        StandardItem("d.teknis.pelatihan_sppa", "d", "Pendamping telah mendapat pelatihan Sistem Peradilan Pidana Anak",
                     "Companions trained in the juvenile justice system (SPPA)", "Pasal 75 ayat (2)", True,
                     Source(SourceKind.STAFF, TECHNICAL_FUNCTIONS)),
    ]
    return tuple(items)


def _facility_items() -> tuple[StandardItem, ...]:
    return tuple(
        StandardItem(f.code, "e", f"{f.group.label_id}: {f.label_id}", f"{f.group.label_en}: {f.label_en}", f.pasal, True,
                     Source(SourceKind.FACILITY, (f.code,)))
        for f in FACILITY_ITEMS
    )


_FUNDING = (
    _item("f", "sumber_dana", "Sumber pendanaan tersedia untuk tahun berjalan", "Funding sources for the year",
          "Pasal 66; Pasal 88", _I, "funding_sources_count"),
    _item("f", "manajemen_pengelolaan", "Manajemen pengelolaan dana: perencanaan, penggunaan, dan pertanggungjawaban",
          "Fund management covering planning, use and accountability", "Pasal 67 ayat (2) dan (3)", _D,
          "budget_plan_present", "spending_records_present", "accountability_report_present"),
    _item("f", "pertanggungjawaban", "Pertanggungjawaban pengelolaan dana secara transparan dan akuntabel",
          "Transparent and accountable reporting of funds", "Pasal 68", _D, "accountability_report_present"),
)
_PROGRAM = (
    _item("g", "tahapan_rehsos", "Tahapan Rehabilitasi Sosial dilaksanakan", "Rehabilitation stages in place",
          "Pasal 18; Pasal 69", _I, "cases"),
    _item("g", "bentuk_rehsos", "Bentuk Rehabilitasi Sosial dilaksanakan", "Forms of rehabilitation in place",
          "Pasal 35; Pasal 69", _I, "cases"),
    _item("g", "reintegrasi", "Reintegrasi Sosial dilaksanakan", "Social reintegration in place",
          "Pasal 47–50; Pasal 69", _I, "cases"),
    _item("g", "pendampingan", "Pendampingan ABH dilaksanakan", "Companionship of children in place",
          "Pasal 74–84; Pasal 69", _I, "cases"),
)

ASPECTS: tuple[Aspect, ...] = (
    Aspect("a", "Status lembaga", "Institutional status", "Pasal 52 ayat (4) huruf a", _STATUS),
    Aspect("b", "Visi dan misi lembaga", "Vision and mission", "Pasal 52 ayat (4) huruf b", _VISION),
    Aspect("c", "Struktur organisasi", "Organisational structure", "Pasal 52 ayat (4) huruf c", _ORGANISATION),
    Aspect("d", "Sumber daya manusia", "Human resources", "Pasal 52 ayat (4) huruf d", _staff_items()),
    Aspect("e", "Sarana dan prasarana", "Facilities and infrastructure", "Pasal 52 ayat (4) huruf e", _facility_items()),
    Aspect("f", "Ketersediaan dana, manajemen pengelolaan, dan pertanggungjawaban",
           "Funding, management and accountability", "Pasal 52 ayat (4) huruf f", _FUNDING),
    Aspect("g", "Program pelayanan", "Service programme", "Pasal 52 ayat (4) huruf g", _PROGRAM),
)
STANDARD_ITEMS: tuple[StandardItem, ...] = tuple(item for aspect in ASPECTS for item in aspect.items)
_ASPECTS_BY_CODE = {aspect.code: aspect for aspect in ASPECTS}
_ITEMS_BY_CODE = {item.code: item for item in STANDARD_ITEMS}


def get_aspect(code: str) -> Aspect:
    """The aspect of Pasal 52 ayat (4) with this letter."""
    return _lookup(_ASPECTS_BY_CODE, code, "aspect", "Aspek standar", "Standard aspect")


def get_item(code: str) -> StandardItem:
    """The standard item with this code."""
    return _lookup(_ITEMS_BY_CODE, code, "code", "Butir standar", "Standard item")


def get_staff_function(code: str) -> StaffFunction:
    """The staff function (Pasal 60–62) with this code."""
    return _lookup(STAFF_FUNCTIONS_BY_CODE, code, "function", "Fungsi tenaga", "Staff function")


def get_facility_item(code: str) -> FacilityItem:
    """The facility item (Pasal 64–65) with this code."""
    return _lookup(FACILITY_ITEMS_BY_CODE, code, "facility", "Butir sarana", "Facility item")


def _lookup(table: dict, code: str, field: str, noun_id: str, noun_en: str):
    try:
        return table[code]
    except (KeyError, TypeError):
        raise AccreditationError(field, f"{noun_id} '{code}' tidak dikenal.", f"Unknown {noun_en.lower()} '{code}'.") from None


def facility_checklist() -> list[dict[str, str]]:
    """Rows of the facility checklist form (Pasal 64–65), in the regulation's order."""
    return [
        {"code": f.code, "group": f.group.code, "group_label_id": f.group.label_id, "group_label_en": f.group.label_en,
         "label_id": f.label_id, "label_en": f.label_en, "pasal": f.pasal}
        for f in FACILITY_ITEMS
    ]


def staff_checklist() -> list[dict[str, object]]:
    """Rows of the staff function list (Pasal 59–62), grouped by category."""
    return [
        {"code": fn.code, "category": fn.category.value, "category_label_id": STAFF_CATEGORY_LABELS[fn.category][0],
         "label_id": fn.label_id, "label_en": fn.label_en, "pasal": fn.pasal, "mandatory": fn.mandatory,
         "agreement_allowed": fn.agreement_allowed}
        for fn in STAFF_FUNCTIONS
    ]
