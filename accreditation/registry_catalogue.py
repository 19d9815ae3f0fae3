"""Registry vocabularies taken from the regulation: positions (Pasal 58), funding sources (Pasal 66, 88),
facility conditions, evidence document kinds, and which years a yearly financial record counts for (Pasal 67–68).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Term:
    """A coded term with its Indonesian and English label and its legal basis."""

    code: str
    label_id: str
    label_en: str
    pasal: str = ""


# Pasal 58 ayat (1): the structure has at least these three positions; `fact` names the InstitutionFacts flag.
POSITIONS: tuple[Term, ...] = (
    Term("pimpinan", "Pimpinan lembaga", "Head of the institution", "Pasal 58 ayat (1) huruf a"),
    Term("bidang_administrasi", "Kepala bidang administrasi", "Head of administration", "Pasal 58 ayat (1) huruf b"),
    Term("bidang_teknis", "Kepala bidang teknis Rehabilitasi Sosial", "Head of social rehabilitation",
         "Pasal 58 ayat (1) huruf c"),
    Term("lainnya", "Jabatan lain", "Other position", ""),
)
POSITION_FACTS = {"pimpinan": "has_pimpinan", "bidang_administrasi": "has_bidang_administrasi",
                  "bidang_teknis": "has_bidang_teknis"}

FUNDING_SOURCES: tuple[Term, ...] = (
    Term("apbn", "Anggaran Pendapatan dan Belanja Negara", "State budget", "Pasal 88 huruf a"),
    Term("apbd", "Anggaran pendapatan dan belanja daerah", "Regional budget", "Pasal 88 huruf b"),
    Term("masyarakat", "Sumbangan dari masyarakat", "Public donations", "Pasal 88 huruf c; Pasal 66"),
    Term("hibah", "Dana hibah dalam negeri atau luar negeri", "Domestic or foreign grants", "Pasal 88 huruf d"),
    Term("mandiri", "Dana mandiri lembaga", "The institution's own funds", "Pasal 66"),
    Term("dunia_usaha", "Tanggung jawab sosial dunia usaha", "Corporate social responsibility", "Pasal 66"),
    Term("lainnya", "Sumber pendanaan lain yang sah", "Other lawful sources", "Pasal 88 huruf e"),
)

CONDITIONS: tuple[Term, ...] = (
    Term("baik", "Baik", "Good"),
    Term("rusak_ringan", "Rusak ringan", "Minor damage"),
    Term("rusak_berat", "Rusak berat", "Major damage"),
)

DOCUMENT_KINDS: tuple[Term, ...] = (
    Term("sk_pembentukan", "Keputusan pembentukan UPT", "UPT establishment decree", "Pasal 53"),
    Term("akta_pendirian", "Akta pendirian badan hukum", "Deed of establishment", "Pasal 54 ayat (1)"),
    Term("sk_kemenkumham", "Keputusan Kemenkumham", "Ministry of Law decree", "Pasal 54 ayat (1)"),
    Term("tanda_daftar", "Tanda daftar", "Registration certificate", "Pasal 54 ayat (2)"),
    Term("sk_penetapan", "Keputusan Menteri tentang penetapan", "Ministerial designation decree", "Pasal 56"),
    Term("visi_misi", "Dokumen visi dan misi", "Vision and mission", "Pasal 57"),
    Term("struktur_organisasi", "Struktur organisasi", "Organisation chart", "Pasal 58"),
    Term("sertifikat", "Sertifikat atau surat keterangan pelatihan", "Certificate or training record",
         "Pasal 17 ayat (2); Pasal 75 ayat (2)"),
    Term("perjanjian_kerja_sama", "Perjanjian kerja sama", "Cooperation agreement", "Pasal 61 ayat (3)"),
    Term("foto_sarana", "Foto sarana dan prasarana", "Photo of facilities", "Pasal 63–65"),
    Term("rencana_anggaran", "Rencana anggaran", "Budget plan", "Pasal 67 ayat (3)"),
    Term("laporan_keuangan", "Catatan penggunaan dana", "Spending records", "Pasal 67 ayat (3)"),
    Term("laporan_pertanggungjawaban", "Laporan pertanggungjawaban", "Accountability report", "Pasal 68"),
    Term("program", "Dokumen program pelayanan", "Service programme", "Pasal 69"),
    Term("lainnya", "Dokumen lain", "Other document", ""),
)


def codes(terms: tuple[Term, ...]) -> tuple[str, ...]:
    """The codes of a vocabulary, in order."""
    return tuple(term.code for term in terms)


def label(terms: tuple[Term, ...], code: str | None) -> str:
    """The Indonesian label of a code (the code itself when unknown, '' for none)."""
    if not code:
        return ""
    return next((term.label_id for term in terms if term.code == code), code)


def reporting_years(as_of: date) -> tuple[int, int]:
    """Years whose yearly financial record counts on `as_of` (Pasal 67 ayat (3), 68).

    Decision: this year and the previous one, because a year's accountability report can only be written
    after that year has closed; planning is for this year, use and accountability may be last year's.
    """
    return as_of.year, as_of.year - 1
