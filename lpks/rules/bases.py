"""Legal bases of a placement and the conditions the law lists for them (Pasal 9 ayat 1, 10–14)."""

from __future__ import annotations

from lpks.rules.labels import LabelledEnum


class LegalBasis(LabelledEnum):
    """Legal basis of a placement in an LPKS (Pasal 9 ayat 1 huruf a–e)."""

    UNDER_12 = ("under_12", "Anak belum berusia 12 tahun", "Child under 12",
                "Pasal 9 ayat 1 huruf a; Pasal 10")
    TITIPAN = ("titipan", "Titipan penegak hukum selama proses hukum", "Deposited (titipan) during legal process",
               "Pasal 9 ayat 1 huruf b dan ayat 2; Pasal 11")
    DIVERSI = ("diversi", "Penetapan Diversi", "Diversion (diversi) decision", "Pasal 9 ayat 1 huruf c; Pasal 12")
    COURT_DECISION = ("court_decision", "Penetapan/putusan pengadilan berkekuatan hukum tetap",
                      "Final court order or judgment", "Pasal 9 ayat 1 huruf d; Pasal 13")
    PRE_PROCESS = ("pre_process", "Belum menjalani proses hukum", "Not yet in legal process",
                   "Pasal 9 ayat 1 huruf e; Pasal 14")


class TitipanReason(LabelledEnum):
    """Why a child in legal process is deposited in an LPKS (Pasal 11 ayat 1 huruf a–c)."""

    NO_SPECIAL_ROOM = ("tidak_ada_ruang_pelayanan_khusus",
                       "Pada saat penangkapan tidak ada ruang pelayanan khusus anak",
                       "No special service room for children at the time of arrest", "Pasal 11 ayat 1 huruf a")
    NO_LPAS = ("tidak_tersedia_lpas", "Tidak tersedia lembaga penempatan anak sementara (LPAS)",
               "No temporary child placement institution (LPAS) available", "Pasal 11 ayat 1 huruf b")
    CHILD_SAFETY = ("keamanan_anak", "Untuk melindungi keamanan Anak", "To protect the child's safety",
                    "Pasal 11 ayat 1 huruf c")


class PreProcessOffence(LabelledEnum):
    """Offences for which a child not yet in legal process may be placed (Pasal 14 ayat 1 huruf a–e)."""

    PELANGGARAN = ("pelanggaran", "Tindak pidana berupa pelanggaran", "Offence that is a pelanggaran (violation)",
                   "Pasal 14 ayat 1 huruf a")
    TINDAK_PIDANA_RINGAN = ("tindak_pidana_ringan", "Tindak pidana ringan", "Minor offence (tindak pidana ringan)",
                            "Pasal 14 ayat 1 huruf b")
    TANPA_KORBAN = ("tanpa_korban", "Tindak pidana tanpa korban", "Offence without a victim",
                    "Pasal 14 ayat 1 huruf c")
    DELIK_ADUAN = ("delik_aduan", "Tindak pidana delik aduan", "Complaint-based offence (delik aduan)",
                   "Pasal 14 ayat 1 huruf d")
    KERUGIAN_DI_BAWAH_UMP = ("kerugian_tidak_melebihi_ump",
                             "Nilai kerugian korban tidak lebih dari upah minimum provinsi setempat",
                             "Victim's loss not above the provincial minimum wage", "Pasal 14 ayat 1 huruf e")


CONDITIONS: dict[LegalBasis, tuple[str, str, str]] = {
    LegalBasis.UNDER_12: (
        "Berdasarkan keputusan hasil musyawarah penyidik, pembimbing kemasyarakatan, dan Pekerja Sosial "
        "Profesional, yang diserahkan ke pengadilan untuk ditetapkan paling lama 3 hari sejak diajukan.",
        "By decision of the meeting of investigator, community counsellor (PK) and professional social worker, "
        "submitted to the court, which decides within 3 days of submission.",
        "Pasal 10 ayat 2–3"),
    LegalBasis.TITIPAN: (
        "Salah satu: tidak ada ruang pelayanan khusus anak saat penangkapan; tidak tersedia LPAS; atau untuk "
        "melindungi keamanan Anak.",
        "One of: no special service room for children at arrest; no LPAS available; or the child's safety.",
        "Pasal 11 ayat 1"),
    LegalBasis.DIVERSI: (
        "Berdasarkan kesepakatan Diversi.", "Per the diversion (diversi) agreement.", "Pasal 12 ayat 2"),
    LegalBasis.COURT_DECISION: (
        "Berdasarkan penetapan dan/atau putusan pengadilan; penempatan paling lama 1 tahun.",
        "Per the court order and/or judgment; placement of at most 1 year.", "Pasal 13 ayat 2 dan 4"),
    LegalBasis.PRE_PROCESS: (
        "Tindak pidana berupa pelanggaran, tindak pidana ringan, tanpa korban, delik aduan, atau kerugian korban "
        "tidak lebih dari upah minimum provinsi; berdasarkan kesepakatan musyawarah yang diprakarsai Pekerja Sosial "
        "Profesional atau Tenaga Kesejahteraan Sosial.",
        "The offence is a pelanggaran, a minor offence, victimless, a delik aduan, or a loss not above the "
        "provincial minimum wage; per a meeting agreement initiated by a social worker.",
        "Pasal 14 ayat 1 dan 3"),
}

CONDITION_OPTIONS: dict[LegalBasis, tuple[LabelledEnum, ...]] = {
    LegalBasis.TITIPAN: tuple(TitipanReason),
    LegalBasis.PRE_PROCESS: tuple(PreProcessOffence),
}
