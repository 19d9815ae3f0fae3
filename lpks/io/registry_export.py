"""Registry workbooks: import templates, exports of LPKS lists, staff and facilities, and the standards report."""
from __future__ import annotations

from typing import Iterable

from accreditation import FACILITY_ITEMS, STAFF_FUNCTIONS
from accreditation.registry_catalogue import CONDITIONS
from lpks.io.workbook import workbook_bytes

# Import/export columns: header in the workbook → service field. An export of one LPKS re-imports as is.
STAFF_COLUMNS = (
    ("nama", "name"), ("fungsi", "function"), ("keterlibatan", "engagement"), ("mitra_kerja_sama", "partner_name"),
    ("nomor_perjanjian", "agreement_number"), ("perjanjian_berlaku_sampai", "agreement_valid_until"),
    ("nomor_sertifikat", "certification_number"), ("tanggal_sertifikat", "certification_date"),
    ("sertifikat_berlaku_sampai", "certification_valid_until"), ("tanggal_pelatihan_sppa", "sppa_training_date"),
    ("nomor_sertifikat_sppa", "sppa_certificate_number"), ("sppa_berlaku_sampai", "sppa_valid_until"),
    ("aktif_sejak", "active_from"), ("aktif_sampai", "active_until"), ("catatan", "note"),
)
FACILITY_COLUMNS = (("kode_butir", "item_code"), ("ketersediaan", "status"), ("jumlah", "quantity"),
                    ("kondisi", "condition"), ("catatan", "note"))
FACILITY_INFO = ("kelompok", "butir", "pasal")  # shown to help the user, ignored on import


def _guide_staff() -> tuple[str, list[str], list[list]]:
    rows = [[fn.code, fn.label_id, fn.category.value, fn.pasal, "ya" if fn.agreement_allowed else "tidak"]
            for fn in STAFF_FUNCTIONS]
    rows += [[], ["keterlibatan", "sendiri | kerja_sama (kerja sama: isi mitra_kerja_sama)"],
             ["tanggal", "format TTTT-BB-HH, contoh 2026-03-20, atau sel bertipe tanggal"]]
    return ("Petunjuk", ["kode fungsi", "fungsi", "kategori", "pasal", "boleh kerja sama"], rows)


def staff_template() -> bytes:
    """The empty staff import template with a guide sheet of function codes."""
    return workbook_bytes([("Tenaga", [h for h, _f in STAFF_COLUMNS], []), _guide_staff()])


def staff_workbook(staff: Iterable, names: dict[int, str]) -> bytes:
    """Staff in the import layout, with the LPKS name in a last column."""
    header = [h for h, _f in STAFF_COLUMNS] + ["lpks"]
    rows = ([getattr(s, f) for _h, f in STAFF_COLUMNS] + [names.get(s.institution_id, "")] for s in staff)
    return workbook_bytes([("Tenaga", header, rows), _guide_staff()])


def _guide_facilities() -> tuple[str, list[str], list[list]]:
    rows = [["ketersediaan", "tersedia | sebagian | tidak (kosong: belum diisi, dilewati)"],
            ["kondisi", " | ".join(c.code for c in CONDITIONS)], ["jumlah", "bilangan bulat, boleh kosong"]]
    return ("Petunjuk", ["kolom", "isi"], rows)


def facilities_workbook(records_by_institution: dict[int, dict[str, object]], names: dict[int, str]) -> bytes:
    """The facility checklist of each LPKS (every catalogue item, filled or not); also the import template."""
    header = [h for h, _f in FACILITY_COLUMNS] + list(FACILITY_INFO) + ["lpks"]

    def rows():
        for ident, records in records_by_institution.items():
            for item in FACILITY_ITEMS:
                rec = records.get(item.code)
                values = [item.code] + ([rec.status, rec.quantity, rec.condition, rec.note] if rec else [None] * 4)
                yield values + [item.group.label_id, item.label_id, item.pasal, names.get(ident, "")]
    return workbook_bytes([("Sarana", header, rows()), _guide_facilities()])


def institutions_workbook(rows: Iterable[list]) -> bytes:
    """The LPKS list of the user's scope with registry status and compliance."""
    header = ["id", "nama", "kabupaten_kota", "provinsi", "lingkup_rujukan", "kapasitas_laki_laki",
              "kapasitas_perempuan", "bentuk_pendirian", "tanda_daftar", "tanda_daftar_berlaku_sampai_terakhir",
              "nomor_sk_penetapan", "wilayah_kerja", "kepatuhan_persen", "butir_wajib_belum_terpenuhi",
              "verifikasi_terakhir"]
    return workbook_bytes([("LPKS", header, rows)])


def standards_workbook(view, evidence_titles: dict[str, list[str]]) -> bytes:
    """The standards report: summary per aspect, every item, and the unmet mandatory items."""
    report, inst = view.report, view.institution
    summary = [[a.code, a.label_id, a.pasal, float(a.compliance), a.mandatory_count, len(a.unmet)]
               for a in report.aspects]
    summary.append(["", "Keseluruhan (rata-rata tujuh aspek)", "", float(report.compliance), "", len(report.unmet)])
    items = []
    for aspect in report.aspects:
        for i in aspect.items:
            rnd = view.sources.get(i.code)
            items.append([aspect.code, i.code, i.label_id, i.pasal, "ya" if i.mandatory else "tidak", i.status.value,
                          i.decided_by, i.reason, i.computed_status.value, i.computed_reason,
                          rnd.number if rnd else None, rnd.visit_date if rnd else None,
                          "; ".join(evidence_titles.get(i.code, []))])
    unmet = [[i.aspect, i.code, i.label_id, i.pasal, i.status.value, i.reason] for i in report.unmet]
    head = [["LPKS", inst.name], ["Tanggal penilaian", report.as_of], ["Kepatuhan keseluruhan (%)",
                                                                      float(report.compliance)]]
    return workbook_bytes([
        ("Ringkasan", ["aspek", "nama aspek", "pasal", "kepatuhan_persen", "butir_wajib", "belum_terpenuhi"],
         head + [[]] + summary),
        ("Butir", ["aspek", "kode", "butir", "pasal", "wajib", "status", "diputuskan_oleh", "alasan",
                   "status_hitungan_sistem", "alasan_sistem", "putaran_verifikasi", "tanggal_kunjungan", "bukti"],
         items),
        ("Belum terpenuhi", ["aspek", "kode", "butir", "pasal", "status", "alasan"], unmet),
    ])


__all__ = ["FACILITY_COLUMNS", "STAFF_COLUMNS", "facilities_workbook", "institutions_workbook",
           "staff_template", "staff_workbook", "standards_workbook"]
