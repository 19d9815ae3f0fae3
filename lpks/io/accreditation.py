"""Excel of the accreditation area: the instrument (export → edit → import) and the compilations by region.

The instrument sheet is exactly accreditation.COLUMNS, one row per element (instrument_to_rows); an import hands
every sheet row, blank ones included, to instrument_from_rows, so its errors name the sheet row.
"""
from __future__ import annotations

from typing import Any

from accreditation import COLUMNS, Instrument, instrument_to_rows
from lpks.io.upload import read_table
from lpks.io.workbook import workbook_bytes
from lpks.platform.labels import label, state_label

INSTRUMENT_SHEET = "instrumen"
MAX_ROWS = 2000  # an instrument has tens of rows; more is not an instrument
GUIDE = (
    ("Petunjuk", ""),
    ("kind", "instrument (versi), aspect (aspek dan bobot), indicator (indikator, skor maksimum, prefill), "
             "answer (pilihan jawaban dan skornya), band (rentang nilai peringkat), validity (masa berlaku tahun)"),
    ("version", "Ganti nomor versi pada baris 'instrument': versi lama tidak pernah diubah."),
    ("weight", "Jumlah bobot semua aspek harus tepat 100."),
    ("band", "Rentang [lower, upper): batas atas tidak termasuk, kecuali 100. Kosongkan grade untuk 'tidak "
             "terakreditasi'. Rentang tidak boleh bercelah atau tumpang tindih."),
    ("prefill", "Kode butir standar (dipisah koma) yang jawabannya diisi dari registri LPKS."),
)


def instrument_workbook(instr: Instrument) -> bytes:
    """The instrument as a workbook to edit and import as a new version."""
    rows = ([row[c] for c in COLUMNS] for row in instrument_to_rows(instr))
    return workbook_bytes([(INSTRUMENT_SHEET, list(COLUMNS), rows), ("petunjuk", ["kolom", "keterangan"], GUIDE)])


def read_instrument_rows(content: bytes, name: str | None = None) -> list[dict[str, Any]]:
    """The data rows of an uploaded instrument sheet, blank rows kept so row numbers stay the sheet's."""
    table = read_table(content, name, required=COLUMNS, sheet=INSTRUMENT_SHEET, keep_blank=True, max_rows=MAX_ROWS,
                       hint="Gunakan berkas ekspor instrumen.")
    return [{key: value for key, value in record.items() if key in COLUMNS} for _n, record in table.records()]


def _label(value: str | None) -> str:
    return value if value else "tidak ada"


def report_workbook(compilation) -> bytes:
    """The compilation: one sheet per region, one per LPKS (with every unmet class criterion)."""
    region_head = ["kode wilayah", "wilayah", "jumlah LPKS", "akreditasi A", "akreditasi B", "akreditasi C",
                   "belum/tidak terakreditasi", "kelas A", "kelas B", "kelas C", "tanpa kelas",
                   "sedang dinilai", "berakhir ≤ 180 hari"]
    region_rows = [[r.code, r.name, r.total, r.grades["A"], r.grades["B"], r.grades["C"], r.grades[None],
                    r.classes["A"], r.classes["B"], r.classes["C"], r.classes[None], r.in_process, r.expiring]
                   for r in compilation.regions]
    lpks_head = ["provinsi", "kabupaten/kota", "LPKS", "lingkup rujukan", "nilai akreditasi", "berlaku sampai",
                 "nomor keputusan", "kelas", "provinsi wilayah kerja", "kabupaten/kota wilayah kerja",
                 "alasan (kriteria)", "penilaian berjalan"]
    lpks_rows = [[x.province, x.kabkota, x.institution.name, label("referral_scope", x.institution.referral_scope),
                  _label(x.grade), x.valid_until, x.decree_number if x.grade else None, _label(x.klass.klass),
                  x.klass.provinces, x.klass.kabupaten_kota,
                  "; ".join(f"kelas {c['criterion'].split('.')[0]} {'terpenuhi' if c['met'] else 'belum'}: "
                            f"{c['label']} ({c['pasal']})" for c in x.klass.reasons),
                  state_label(x.open_state) if x.open_state else "-"]
                 for x in compilation.lpks]
    title = "per provinsi" if compilation.group == "provinsi" else "per kabupaten-kota"
    return workbook_bytes([(title, region_head, region_rows), ("per LPKS", lpks_head, lpks_rows),
                           ("keterangan", ["tanggal", "pengelompokan"],
                            [[compilation.today, label("region_kind", compilation.group)]])])
