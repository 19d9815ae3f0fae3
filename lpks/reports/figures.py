"""The figures of RULES §9 (Pasal 85 huruf h, 86 huruf f, 87 huruf f), one declaration each: what is counted, on
which date, in which unit and categories, and the SQL that counts it (lpks.reports.sources). Adding a figure is
one more `declare(Figure(...))` here; the page, workbook, PDF, API and the yearly report show it from then on."""
from __future__ import annotations

import importlib.util
from datetime import date

from flask_babel import lazy_gettext as _l

from lpks.formats import format_month
from lpks.reports import sources
from lpks.reports.registry import (
    LINE,
    Figure,
    declare,
    enum_labels,
    fixed,
    mapped_labels,
    section,
)
from lpks.residents.models.resident import SEXES
from lpks.rules import CustodyLevel, ExitReason, LegalBasis, ResidentKind
from lpks.rules.reporting import AGE_GROUPS

YEARS_COMPARED = 5

section("lpks", _l("LPKS: standar, akreditasi dan kelas"))
section("recipients", _l("Penerima layanan"))
section("custody", _l("Titipan, hunian dan batas waktu"))

GRADES = ("A", "B", "C", "none")
GRADE_LABELS = {"A": _l("A"), "B": _l("B"), "C": _l("C"), "none": _l("Tidak ada")}
SEX_LABELS = {"laki_laki": _l("Laki-laki"), "perempuan": _l("Perempuan")}
AGE_LABELS = {"under_12": _l("Di bawah 12 tahun"), "12_13": _l("12–13 tahun"), "14_15": _l("14–15 tahun"),
              "16_17": _l("16–17 tahun"), "unknown": _l("Tidak diketahui")}
STANDARD_LABELS = {"met": _l("Semua standar wajib terpenuhi"), "unmet": _l("Ada standar wajib belum terpenuhi"),
                   "not_evaluated": _l("Belum dievaluasi")}
OCCUPANCY_LABELS = {"present_laki_laki": _l("Anak laki-laki"), "present_perempuan": _l("Anak perempuan"),
                    "capacity_laki_laki": _l("Tempat laki-laki"), "capacity_perempuan": _l("Tempat perempuan"),
                    "rate_laki_laki": _l("Hunian laki-laki"), "rate_perempuan": _l("Hunian perempuan")}
OVERSTAY_LABELS = {"titipan": _l("Masa titipan terlewati"), "titipan_days": _l("Hari tanpa masa titipan"),
                   "court": _l("Penempatan putusan pengadilan terlewati"),
                   "court_days": _l("Hari melewati putusan")}
NOTICE_LABELS = {"on_time": _l("Tepat waktu"), "late": _l("Terlambat"), "not_sent": _l("Tidak dikirim")}
CHILDREN = _l("anak")
LPKS = _l("LPKS")


def _months(period) -> tuple[str, ...]:
    """The months of the period as YYYYMM codes."""
    codes, year, month = [], period.start.year, period.start.month
    while (year, month) <= (period.end.year, period.end.month):
        codes.append(f"{year}{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(codes)


def _month_label(code: str) -> str:
    return format_month(date(int(code[:4]), int(code[4:]), 1)) if len(code) == 6 and code.isdigit() else code


def _years(period) -> tuple[str, ...]:
    return tuple(str(y) for y in range(period.end.year - YEARS_COMPARED + 1, period.end.year + 1))


# --- LPKS (Pasal 52–73) ----------------------------------------------------------------------------------------------
declare(Figure(
    "lpks_standards", "lpks", _l("LPKS menurut pemenuhan standar"),
    _l("LPKS yang berdomisili di wilayah, menurut evaluasi standar lembaga tersimpan terakhir (Pasal 52–69; "
               "diperbarui setiap hari dan setiap kali data registri berubah): semua standar wajib terpenuhi, ada "
               "yang belum, atau belum pernah dievaluasi. Dihitung pada saat angka dibuat."),
    LPKS, sources.lpks_standards, fixed(STANDARD_LABELS), mapped_labels(STANDARD_LABELS),
    children=lambda code: False))
declare(Figure(
    "lpks_grade", "lpks", _l("LPKS menurut nilai akreditasi"),
    _l("LPKS yang berdomisili di wilayah, menurut nilai akreditasi yang berlaku pada tanggal acuan: "
               "penetapan Menteri (Pasal 56) yang tanggal keputusannya tidak setelah tanggal acuan dan masa "
               "berlakunya belum berakhir; bila lebih dari satu, yang terbaru."),
    LPKS, sources.lpks_grade, fixed(GRADES), mapped_labels(GRADE_LABELS), children=lambda code: False,
    headline=True))
declare(Figure(
    "lpks_class", "lpks", _l("LPKS menurut kelas"),
    _l("LPKS yang berdomisili di wilayah, menurut kelas tersimpan terakhir (Pasal 70–73), bila akreditasi "
               "yang menjadi dasarnya masih berlaku pada tanggal acuan; selain itu 'tidak ada'."),
    LPKS, sources.lpks_class, fixed(GRADES), mapped_labels(GRADE_LABELS), children=lambda code: False))

# --- service recipients (Pasal 9–14) ---------------------------------------------------------------------------------
_SERVED = _l("Anak yang berada di LPKS wilayah ini sedikitnya satu hari dalam periode: penempatan yang sudah "
             "diterima (serah terima tercatat), dimulai paling lambat pada akhir periode dan belum berakhir sebelum "
             "awal periode. Setiap anak dihitung sekali per LPKS")
declare(Figure(
    "recipients_by_kind", "recipients", _l("Penerima layanan menurut jenis ABH"),
    _l("%(served)s, menurut jenisnya (Pasal 1 angka 3–6).", served=_SERVED),
    CHILDREN, sources.children_by(lambda: sources.Resident.kind), fixed(k.value for k in ResidentKind),
    enum_labels(ResidentKind), headline=True))
declare(Figure(
    "recipients_by_sex", "recipients", _l("Penerima layanan menurut jenis kelamin"),
    _l("%(served)s, menurut jenis kelamin.", served=_SERVED),
    CHILDREN, sources.children_by(lambda: sources.Resident.sex), fixed(SEXES), mapped_labels(SEX_LABELS)))
declare(Figure(
    "recipients_by_age", "recipients", _l("Penerima layanan menurut kelompok umur"),
    _l("%(served)s, menurut umur dalam tahun penuh pada tanggal dugaan tindak pidana (bagi Anak Korban "
               "dan Anak Saksi tanpa tanggal itu: pada tanggal pendaftaran; Pasal 9 ayat 1 huruf a).",
               served=_SERVED),
    CHILDREN, sources.children_by(sources.age_group_column),
    fixed([code for code, _low, _high in AGE_GROUPS] + ["unknown"]), mapped_labels(AGE_LABELS)))
declare(Figure(
    "placements_by_basis", "recipients", _l("Penempatan menurut dasar hukum"),
    _l("Penempatan yang sudah diterima dan berlangsung sedikitnya satu hari dalam periode, menurut dasar "
               "hukumnya (Pasal 9 ayat 1). Anak dengan dua penempatan dihitung pada keduanya."),
    _l("penempatan"), sources.placements_by_basis, fixed(b.value for b in LegalBasis),
    enum_labels(LegalBasis), headline=True))
declare(Figure(
    "custody_by_level", "recipients", _l("Masa titipan menurut tingkat pemeriksaan"),
    _l("Masa titipan (Pasal 11 ayat 3) dari penempatan yang sudah diterima, yang berlangsung sedikitnya "
               "satu hari dalam periode, menurut tingkat proses hukum. Anak yang berpindah tingkat dihitung pada "
               "setiap tingkat."),
    _l("masa titipan"), sources.periods_by_level, fixed(c.value for c in CustodyLevel),
    enum_labels(CustodyLevel), headline=True))
declare(Figure(
    "exits_by_reason", "recipients", _l("Penempatan berakhir menurut alasan keluar atau terminasi"),
    _l("Penempatan yang tanggal keluarnya jatuh dalam periode, menurut alasan keluar atau terminasi "
               "(Pasal 10–14, Pasal 11 ayat 5–6, Pasal 13 ayat 6, Pasal 33 ayat 2)."),
    _l("penempatan"), sources.exits_by_reason, fixed(r.value for r in ExitReason), enum_labels(ExitReason),
    headline=True))
declare(Figure(
    "admissions_by_month", "recipients", _l("Penempatan baru per bulan"),
    _l("Penempatan yang sudah diterima dengan tanggal mulai dalam periode, per bulan tanggal mulai."),
    _l("penempatan"), sources.admissions_by_month, _months, _month_label, chart=LINE))
declare(Figure(
    "admissions_by_year", "recipients", _l("Penempatan baru per tahun"),
    _l("Penempatan yang sudah diterima per tahun tanggal mulai, lima tahun sampai tahun akhir periode (tidak "
       "bergantung pada awal periode): untuk membandingkan tahun."),
    _l("penempatan"), sources.admissions_by_year(YEARS_COMPARED), _years, str, total=False, chart=LINE))

# --- titipan, occupancy and deadlines (Pasal 11, 13; RULES §5) -----------------------------------------------------
declare(Figure(
    "occupancy", "custody", _l("Hunian terhadap kapasitas"),
    _l("Anak yang berada di LPKS pada tanggal acuan (penempatan diterima, dimulai paling lambat tanggal itu, "
               "belum keluar sebelum atau pada tanggal itu), menurut jenis kelamin, terhadap kapasitas tempat yang "
               "tercatat di profil LPKS saat angka dibuat."),
    CHILDREN, sources.occupancy,
    fixed(("present_laki_laki", "capacity_laki_laki", "present_perempuan", "capacity_perempuan")),
    mapped_labels(OCCUPANCY_LABELS), children=lambda code: code.startswith("present"), total=False,
    ratios=(("rate_laki_laki", ("present_laki_laki",), ("capacity_laki_laki",)),
            ("rate_perempuan", ("present_perempuan",), ("capacity_perempuan",)))))
declare(Figure(
    "overstays", "custody", _l("Anak ditahan melewati hari terakhir"),
    _l("Masa titipan dan penempatan putusan pengadilan yang hari terakhirnya terlewati sementara anak masih "
               "di LPKS, dengan sedikitnya satu hari seperti itu dalam periode (sampai hari ini): dari hari setelah "
               "hari terakhir sampai anak keluar (hari keluar terhitung) atau sehari sebelum masa tingkat "
               "berikutnya dimulai. Hari-hari itu tetap terhitung walaupun masa berikutnya dicatat kemudian."),
    CHILDREN, sources.overstays, fixed(("titipan", "titipan_days", "court", "court_days")),
    mapped_labels(OVERSTAY_LABELS), children=lambda code: not code.endswith("_days"), total=False))
declare(Figure(
    "late_notices", "custody", _l("Surat pemberitahuan berakhirnya titipan"),
    _l("Surat pemberitahuan (Pasal 11 ayat 4) yang batas waktunya jatuh dalam periode: tepat waktu, "
               "terlambat (dikirim setelah batas), atau tidak dikirim (batas sudah lewat dan anak masih dititipkan "
               "setelah batas itu)."),
    CHILDREN, sources.notices, fixed(NOTICE_LABELS), mapped_labels(NOTICE_LABELS), headline=True))

# The case figures (RULES §6–8) where the case areas are installed: one declaration each, in their own module.
if importlib.util.find_spec("lpks.cases") is not None:
    from lpks.reports import figures_cases  # noqa: F401,E402
