"""Documents each legal basis requires before admission (Pasal 10 ayat 5, 11–13, 14 ayat 2)."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from lpks.rules.bases import LegalBasis
from lpks.rules.errors import RuleError
from lpks.rules.labels import format_date_id

DOCTOR_CERTIFICATE = "surat_keterangan_sehat"
DOCUMENT_READING_ID = ("Dokumen tercatat ada bila memiliki tanggal (tidak setelah hari ini) dan nomor surat atau "
                       "pindaian terlampir (PDF, JPEG, PNG, diperiksa dari isinya); centang saja bukan dokumen.")
DOCUMENT_READING_EN = ("A document is on file when it has its date (never in the future) and either its number or an "
                       "attached scan (PDF, JPEG, PNG, checked by content); a tick alone is not a document.")


@dataclass(frozen=True)
class DocumentRequirement:
    """One required document; `any_of` lists other codes that also satisfy it ("dan/atau")."""

    code: str
    label_id: str
    label_en: str
    pasal: str
    any_of: tuple[str, ...] = ()

    def is_met(self, on_file_codes: Collection[str]) -> bool:
        """True if this document, or one of its alternatives, is on file."""
        return self.code in on_file_codes or any(code in on_file_codes for code in self.any_of)


def _placement_documents(ayat: str, request_code: str, request_id: str, request_en: str,
                         decision_id: str) -> tuple[DocumentRequirement, ...]:
    # Pasal 10 ayat 5 and Pasal 12 ayat 6 list the same five documents; only the request and decision differ.
    return (
        DocumentRequirement(request_code, request_id, request_en, f"{ayat} huruf a"),
        DocumentRequirement("keputusan_musyawarah", decision_id,
                            "Decision of the investigator, community counsellor (PK) and professional social worker",
                            f"{ayat} huruf b"),
        DocumentRequirement("bast_penempatan", "Berita acara serah terima penempatan",
                            "Record of handover for placement", f"{ayat} huruf c"),
        DocumentRequirement(DOCTOR_CERTIFICATE, "Surat keterangan sehat dari dokter (paling lambat 1x24 jam)",
                            "Doctor's health certificate (within 24 hours)", f"{ayat} huruf d"),
        DocumentRequirement("pernyataan_bersama_keamanan_pengawasan",
                            "Surat pernyataan bersama mengenai keamanan dan pengawasan Anak yang ditempatkan di LPKS",
                            "Joint statement on the child's safety and supervision in the LPKS", f"{ayat} huruf e"),
    )


REQUIRED_DOCUMENTS: dict[LegalBasis, tuple[DocumentRequirement, ...]] = {
    LegalBasis.UNDER_12: _placement_documents(
        "Pasal 10 ayat 5", "permohonan_penempatan_penyidik", "Surat permohonan penempatan dari penyidik",
        "Placement request letter from the investigator",
        "Hasil keputusan antara penyidik, pembimbing kemasyarakatan, dan Pekerja Sosial Profesional"),
    LegalBasis.TITIPAN: (
        DocumentRequirement("permohonan_penitipan", "Surat permohonan penitipan", "Custody (titipan) request letter",
                            "Pasal 11 ayat 2 huruf a"),
        DocumentRequirement("bast_penitipan", "Berita acara serah terima penitipan", "Record of handover for custody",
                            "Pasal 11 ayat 2 huruf b"),
        DocumentRequirement("pernyataan_bersama_keamanan",
                            "Surat pernyataan bersama mengenai keamanan Anak yang ditempatkan di LPKS",
                            "Joint statement on the child's safety in the LPKS", "Pasal 11 ayat 2 huruf c"),
        DocumentRequirement("resume_kasus", "Resume/kronologis kasus", "Case summary/chronology",
                            "Pasal 11 ayat 2 huruf d"),
        DocumentRequirement("laporan_sosial",
                            "Laporan sosial dari Pekerja Sosial Profesional atau Tenaga Kesejahteraan Sosial",
                            "Social report from a professional social worker or social welfare worker",
                            "Pasal 11 ayat 2 huruf e"),
    ),
    LegalBasis.DIVERSI: _placement_documents(
        "Pasal 12 ayat 6", "permohonan_penempatan_penyidik_anak", "Surat permohonan penempatan dari penyidik Anak",
        "Placement request letter from the child investigator (penyidik Anak)",
        "Hasil keputusan musyawarah antara penyidik, pembimbing kemasyarakatan, dan Pekerja Sosial Profesional"),
    LegalBasis.COURT_DECISION: (
        DocumentRequirement("salinan_putusan", "Salinan atau petikan penetapan dan/atau putusan pengadilan",
                            "Copy or extract of the court order and/or judgment", "Pasal 13 ayat 7 huruf a"),
        DocumentRequirement("ba_pelaksanaan_putusan",
                            "Berita acara pelaksanaan penetapan dan/atau putusan pengadilan",
                            "Record of execution of the court order and/or judgment", "Pasal 13 ayat 7 huruf b"),
        DocumentRequirement("litmas_atau_laporan_sosial",
                            "Laporan penelitian kemasyarakatan dari pembimbing kemasyarakatan dan/atau laporan sosial "
                            "dari Pekerja Sosial Profesional",
                            "Community research report (litmas) from the PK and/or social report from the "
                            "social worker",
                            "Pasal 13 ayat 7 huruf c", any_of=("laporan_litmas", "laporan_sosial")),
        DocumentRequirement("pernyataan_tanggung_jawab",
                            "Surat pernyataan tanggung jawab orang tua/wali/jaksa penuntut umum/pembimbing "
                            "kemasyarakatan dalam mendukung proses Rehabilitasi Sosial dan Reintegrasi Sosial",
                            "Statement of responsibility of the parent/guardian/public prosecutor/PK supporting social "
                            "rehabilitation and reintegration", "Pasal 13 ayat 7 huruf d"),
    ),
    LegalBasis.PRE_PROCESS: (
        DocumentRequirement("persetujuan_orang_tua", "Surat pernyataan persetujuan orang tua/wali untuk menjadi klien",
                            "Parent's/guardian's statement of consent to the child becoming a client",
                            "Pasal 14 ayat 2"),
        DocumentRequirement("persetujuan_anak", "Surat pernyataan persetujuan anak untuk menjadi klien",
                            "Child's statement of consent to becoming a client", "Pasal 14 ayat 2"),
    ),
}

DOCUMENTS_PASAL: dict[LegalBasis, str] = {
    LegalBasis.UNDER_12: "Pasal 10 ayat 5",
    LegalBasis.TITIPAN: "Pasal 11 ayat 2",
    LegalBasis.DIVERSI: "Pasal 12 ayat 6",
    LegalBasis.COURT_DECISION: "Pasal 13 ayat 7",
    LegalBasis.PRE_PROCESS: "Pasal 14 ayat 2",
}

# Documents that satisfy a requirement only as an alternative ("dan/atau"), labelled for upload forms.
ALTERNATIVE_DOCUMENTS: dict[str, tuple[str, str]] = {
    "laporan_litmas": ("Laporan penelitian kemasyarakatan dari pembimbing kemasyarakatan",
                       "Community research report (litmas) from the PK"),
}


def document_labels() -> dict[str, tuple[str, str]]:
    """Every document code known to the rules → (Indonesian label, English label)."""
    labels = {doc.code: (doc.label_id, doc.label_en) for docs in REQUIRED_DOCUMENTS.values() for doc in docs}
    return {**ALTERNATIVE_DOCUMENTS, **labels}


def document_problem(dated: date | None, number: str | None, has_scan: bool, today: date) -> str | None:
    """Why a recorded document is not on file: "dated" (no date, or a future one), "number" (neither number nor
    scan), or None when it is (Reading, RULES §4)."""
    if dated is None or dated > today:
        return "dated"
    if not (number or "").strip() and not has_scan:
        return "number"
    return None


def check_document(label_id: str, label_en: str, pasal: str, dated: date | None, number: str | None,
                   has_scan: bool, today: date) -> None:
    """Refuse a document that is not on file by the Reading of RULES §4, naming the field to complete."""
    problem = document_problem(dated, number, has_scan, today)
    if problem == "dated" and dated is None:
        raise RuleError(f"{label_id}: tanggal surat wajib diisi ({pasal}).", field="dated", rule=pasal,
                        message_en=f"{label_en}: the letter's date is required ({pasal}).")
    if problem == "dated":
        raise RuleError(f"{label_id}: tanggal surat ({format_date_id(dated)}) tidak boleh setelah hari ini "
                        f"({pasal}).", field="dated", rule=pasal,
                        message_en=f"{label_en}: the letter's date ({dated.isoformat()}) cannot be after today "
                                   f"({pasal}).")
    if problem == "number":
        raise RuleError(f"{label_id}: isi nomor surat atau lampirkan pindaiannya; centang saja bukan dokumen "
                        f"({pasal}).", field="number", rule=pasal,
                        message_en=f"{label_en}: enter the letter's number or attach its scan; a tick alone is not "
                                   f"a document ({pasal}).")
