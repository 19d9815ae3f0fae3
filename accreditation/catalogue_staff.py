"""Staff function catalogue: Pasal 59–62, with Pasal 17 ayat (2) and 75 ayat (2) for technical staff."""

from __future__ import annotations

from .catalogue_model import StaffCategory, StaffFunction

_A, _T, _O, _P = StaffCategory.ADMINISTRASI, StaffCategory.TEKNIS, StaffCategory.OPSIONAL, StaffCategory.PENUNJANG

# (code, category, label_id, label_en, pasal, mandatory, agreement_allowed)
_ROWS = (
    ("rumah_tangga", _A, "Pelaksana urusan rumah tangga", "Household affairs officer", "Pasal 60 huruf a", True, False),
    ("personalia", _A, "Pelaksana urusan personalia", "Personnel officer", "Pasal 60 huruf b", True, False),
    ("surat_menyurat", _A, "Pelaksana urusan surat menyurat", "Correspondence officer", "Pasal 60 huruf c", True, False),
    ("keuangan", _A, "Pelaksana urusan keuangan", "Finance officer", "Pasal 60 huruf d", True, False),
    ("peksos", _T, "Pekerja Sosial Profesional", "Professional social worker", "Pasal 61 ayat (1) huruf a", True, False),
    ("tks", _T, "Tenaga Kesejahteraan Sosial", "Social welfare worker", "Pasal 61 ayat (1) huruf b", True, False),
    ("dokter", _O, "Dokter", "Physician", "Pasal 61 ayat (2) huruf a", False, True),
    ("psikiater", _O, "Psikiater", "Psychiatrist", "Pasal 61 ayat (2) huruf b", False, True),
    ("psikolog", _O, "Psikolog", "Psychologist", "Pasal 61 ayat (2) huruf c", False, True),
    ("instruktur_keterampilan", _O, "Instruktur keterampilan", "Skills instructor", "Pasal 61 ayat (2) huruf d", False, True),
    ("pembimbing_rohani", _O, "Pembimbing rohani", "Spiritual counsellor", "Pasal 61 ayat (2) huruf e", False, True),
    ("pengasuh", _P, "Pengasuh", "Caregiver", "Pasal 62 huruf a", True, False),
    ("petugas_dapur", _P, "Petugas dapur", "Kitchen staff", "Pasal 62 huruf b", True, False),
    ("petugas_kebersihan", _P, "Petugas kebersihan", "Cleaning staff", "Pasal 62 huruf c", True, False),
    ("satpam", _P, "Satpam/petugas keamanan", "Security guard", "Pasal 62 huruf d", True, False),
    ("supir", _P, "Supir", "Driver", "Pasal 62 huruf e", True, False),
)

STAFF_FUNCTIONS: tuple[StaffFunction, ...] = tuple(StaffFunction(*row) for row in _ROWS)
STAFF_FUNCTIONS_BY_CODE = {function.code: function for function in STAFF_FUNCTIONS}
TECHNICAL_FUNCTIONS = ("peksos", "tks")  # certified (Pasal 17 ayat (2)) and SPPA-trained (Pasal 75 ayat (2))

STAFF_CATEGORY_LABELS = {
    StaffCategory.ADMINISTRASI: ("Tenaga bidang administrasi", "Administrative staff", "Pasal 59 huruf a; Pasal 60"),
    StaffCategory.TEKNIS: ("Tenaga bidang teknis Rehabilitasi Sosial", "Social rehabilitation staff", "Pasal 61 ayat (1)"),
    StaffCategory.OPSIONAL: (
        "Tenaga yang dapat disediakan (sendiri atau kerja sama)",
        "Optional staff (own or by agreement)",
        "Pasal 61 ayat (2) dan (3)",
    ),
    StaffCategory.PENUNJANG: ("Tenaga bidang penunjang", "Support staff", "Pasal 59 huruf c; Pasal 62"),
}
