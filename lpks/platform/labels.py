"""Names of the system's codes in the user's language, for pages, workbooks and PDFs: the one place a page asks
what to show for a stored code (roles, region kinds, referral scopes, accreditation steps, staff functions, registry
terms, sexes, kinds of child, the domain's labelled enumerations). A page never prints a code itself: an unknown code
reads "-" (`label`) rather than leaking an internal name."""
from __future__ import annotations

from enum import Enum
from typing import Any, Iterable

from flask import has_request_context
from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from accreditation import STANDARD_ITEMS
from accreditation import registry_catalogue as terms
from accreditation.catalogue_staff import STAFF_FUNCTIONS
from accreditation.workflow import STATE_LABELS, Action

ROLE_LABELS = {
    "operator_lpks": _l("Operator LPKS"),
    "dinsos_kabkota": _l("Dinas Sosial Kabupaten/Kota"),
    "dinsos_provinsi": _l("Dinas Sosial Provinsi"),
    "kemensos": _l("Kementerian Sosial"),
    "admin_sistem": _l("Administrator Sistem"),
}

REFERRAL_SCOPE_LABELS = {
    "kabupaten_kota": _l("Kabupaten/kota"),
    "provinsi": _l("Provinsi"),
    "nasional": _l("Nasional"),
}

REGION_KIND_LABELS = {"provinsi": _l("Provinsi"), "kabupaten_kota": _l("Kabupaten/kota")}

SEX_LABELS = {"laki_laki": _l("Laki-laki"), "perempuan": _l("Perempuan")}

ENGAGEMENT_LABELS = {"sendiri": _l("Tenaga sendiri"), "kerja_sama": _l("Kerja sama")}

# A step of the accreditation workflow as its history reads it (what happened, not the button that did it).
ACCREDITATION_STEP_LABELS = {
    "start": _l("Penilaian mandiri dimulai"),
    Action.SUBMIT.value: _l("Diajukan LPKS"),
    Action.CANCEL.value: _l("Dibatalkan LPKS"),
    Action.RETURN.value: _l("Dikembalikan ke LPKS"),
    Action.PROPOSE.value: _l("Diusulkan ke Dinas Sosial provinsi"),
    Action.RETURN_TO_KABKOTA.value: _l("Dikembalikan ke Dinas Sosial kabupaten/kota"),
    Action.RECOMMEND.value: _l("Direkomendasikan ke Menteri"),
    Action.RETURN_TO_PROVINCE.value: _l("Dikembalikan ke Dinas Sosial provinsi"),
    Action.DESIGNATE.value: _l("Ditetapkan Menteri"),
    Action.EXPIRE.value: _l("Masa berlaku berakhir"),
    Action.SUPERSEDE.value: _l("Digantikan penetapan baru"),
    "adjust": _l("Jawaban disesuaikan"),
    "conflict_reason": _l("Alasan perbedaan dengan registri dicatat"),
}

BOOLEAN_LABELS = {True: _l("ya"), False: _l("tidak")}


def english() -> bool:
    """Whether the current request reads English (Indonesian outside a request)."""
    return has_request_context() and str(get_locale() or "id").startswith("en")


def pick(label_id: str, label_en: str) -> str:
    """One of a domain label pair (Indonesian, English) in the user's language."""
    return label_en if english() else label_id


def role_label(role: str) -> str:
    """The role's name in the user's language."""
    return str(ROLE_LABELS.get(role, role))


def term_label(vocabulary: Iterable[Any], code: str | None) -> str:
    """A registry term's (or staff function's) label in the user's language; "-" for none or an unknown code."""
    for term in vocabulary:
        if term.code == code:
            return pick(term.label_id, term.label_en)
    return "-"


def enum_label(enum_type: type[Enum], value: Any) -> str:
    """A labelled enumeration member's label (lpks.rules.labels.LabelledEnum); "-" for none or an unknown value."""
    try:
        member = enum_type(value)
    except ValueError:
        return "-"
    return pick(member.label_id, member.label_en)  # type: ignore[attr-defined]


def state_label(state: str | None) -> str:
    """An accreditation state's name."""
    for key, (label_id, label_en) in STATE_LABELS.items():
        if key.value == state:
            return pick(label_id, label_en)
    return "-"


_DICTS = {
    "role": ROLE_LABELS, "referral_scope": REFERRAL_SCOPE_LABELS, "region_kind": REGION_KIND_LABELS,
    "sex": SEX_LABELS, "engagement": ENGAGEMENT_LABELS, "accreditation_step": ACCREDITATION_STEP_LABELS,
}
_VOCABULARIES = {
    "staff_function": STAFF_FUNCTIONS, "position": terms.POSITIONS, "funding_source": terms.FUNDING_SOURCES,
    "condition": terms.CONDITIONS, "document_kind": terms.DOCUMENT_KINDS, "standard_item": STANDARD_ITEMS,
}


def _enum_kinds() -> dict[str, type[Enum]]:
    from lpks.rules.age import ResidentKind
    from lpks.rules.bases import LegalBasis
    from lpks.rules.rehab_services import ServiceForm

    return {"resident_kind": ResidentKind, "legal_basis": LegalBasis, "service_form": ServiceForm}


def label(kind: str, code: Any) -> str:
    """The name of `code` of a kind of code ("role", "sex", "staff_function", "resident_kind", …); "-" when empty
    or unknown, never the code itself."""
    if code is None or code == "":
        return "-"
    if kind in _DICTS:
        found = _DICTS[kind].get(code)
        return str(found) if found is not None else "-"
    if kind in _VOCABULARIES:
        return term_label(_VOCABULARIES[kind], code)
    enums = _enum_kinds()
    if kind in enums:
        return enum_label(enums[kind], code)
    raise KeyError(f"no labels for {kind!r}")


def labels(kind: str, codes: Iterable[Any]) -> str:
    """Several codes of one kind, named and joined with commas."""
    return ", ".join(label(kind, code) for code in codes) or "-"


# Names of stored fields, per table, for the audit trail and a child's processing history (which record field names,
# never values). Filled from the column labels of every Flask-Admin view (register_field_labels, called once when the
# admin is set up), with the fields no view labels below.
COMMON_FIELD_LABELS = {
    "id": _l("Nomor data"), "institution_id": _l("LPKS"), "resident_id": _l("Anak"), "placement_id": _l("Penempatan"),
    "status": _l("Status"), "version": _l("Versi data"), "history": _l("Riwayat pemrosesan"),
    "identity": _l("Identitas lengkap"), "full_name": _l("Nama lengkap"), "initials": _l("Inisial"),
    "register_number": _l("Nomor register"), "owner_region_code": _l("Dinas Sosial pemilik"),
    "age_at_offence": _l("Usia saat tindak pidana"), "route": _l("Jalur penanganan"),
    "max_days": _l("Batas hari"), "granted_days": _l("Hari yang diberikan"), "total_days": _l("Jumlah hari"),
    "notice_deadline": _l("Batas surat pemberitahuan"), "last_day": _l("Hari terakhir"),
    "doctor_certificate_due": _l("Batas surat keterangan dokter"),
    "court_deadline": _l("Batas penyampaian ke pengadilan"),
    "parole_eligible_from": _l("Dapat bebas bersyarat sejak"), "received_at": _l("Diterima pada"),
    "code": _l("Jenis dokumen"), "password_hash": _l("Kata sandi"),
}
FIELD_LABELS: dict[str, dict[str, Any]] = {}


def register_field_labels(table: str, column_labels: dict[str, Any]) -> None:
    """Add a view's column labels as the names of `table`'s fields (the first view to name a field wins)."""
    known = FIELD_LABELS.setdefault(table, {})
    for field, name in (column_labels or {}).items():
        known.setdefault(field, name)


def field_label(table: str | None, field: str) -> str:
    """A stored field's name: the table's own, a common one, else the field's words (never a snake_case code)."""
    found = FIELD_LABELS.get(table or "", {}).get(field) or COMMON_FIELD_LABELS.get(field)
    return str(found) if found is not None else field.replace("_", " ")


def field_labels(table: str | None, fields: Iterable[str]) -> str:
    """Several field names of one table, joined with commas."""
    return ", ".join(field_label(table, f) for f in fields) or "-"


AUDIT_ACTION_LABELS = {
    "create": _l("Membuat"), "update": _l("Mengubah"), "delete": _l("Menghapus"),
    "view_identity": _l("Membuka identitas lengkap"), "export": _l("Mengekspor"),
    "view_history": _l("Melihat riwayat pemrosesan"), "download": _l("Mengunduh"), "print": _l("Mencetak"),
    "login_success": _l("Masuk"), "login_failure": _l("Gagal masuk"), "login_throttled": _l("Masuk ditahan sementara"),
    "logout": _l("Keluar"), "password_check_failure": _l("Kata sandi lama salah"),
    "password_change": _l("Mengganti kata sandi"), "access_refused": _l("Akses ditolak"),
    "correct_letter": _l("Membetulkan surat titipan"),
}
# What an audited object is; the tables no entry names read as the name of their list in the menu (register_object).
OBJECT_LABELS = {
    "resident": _l("Data anak"), "placement": _l("Penempatan"), "placement_document": _l("Dokumen penempatan"),
    "custody_period": _l("Masa titipan"), "custody_extension": _l("Perpanjangan titipan"),
    "child_case": _l("Kasus anak"), "case_stage": _l("Tahap rehabilitasi"), "case_assessment": _l("Asesmen"),
    "case_conference": _l("Temu bahas kasus"), "case_conference_participant": _l("Peserta temu bahas"),
    "case_plan": _l("Rencana"), "case_plan_need": _l("Kebutuhan dalam rencana"),
    "case_service": _l("Layanan rehabilitasi"), "case_reintegration": _l("Reintegrasi"),
    "case_substitute_search": _l("Pencarian Keluarga Pengganti"), "case_follow_up": _l("Kunjungan bimbingan lanjut"),
    "case_companion": _l("Pendamping"), "case_companion_report": _l("Laporan pendamping"), "referral": _l("Rujukan"),
    "app_user": _l("Pengguna"), "accreditation_answer": _l("Jawaban penilaian akreditasi"),
    "accreditation_assessment": _l("Penilaian akreditasi"), "accreditation_certificate": _l("Sertifikat akreditasi"),
    "accreditation_instrument": _l("Instrumen akreditasi"), "annual_report": _l("Laporan tahunan"),
    "annual_report_part": _l("Bagian laporan tahunan"), "case_intake": _l("Penerimaan kasus Dinas Sosial"),
    "case_intake_step": _l("Langkah prosedur Dinas Sosial"), "case_manager_report": _l("Laporan manajer kasus"),
    "case_monitoring": _l("Pemantauan kasus"), "case_officer": _l("Petugas kasus"),
    "case_product": _l("Produk layanan"), "evidence_link": _l("Tautan dokumen bukti"),
    "facility_record": _l("Sarana dan prasarana"), "institution_work_area": _l("Wilayah kerja LPKS"),
    "placement_meeting": _l("Musyawarah sebelum penempatan"), "progress_report": _l("Laporan perkembangan"),
    "report_figures": _l("Angka laporan"), "school_exam_request": _l("Permohonan ujian sekolah"),
    "standards_finding": _l("Temuan verifikasi"), "standards_report": _l("Laporan standar LPKS"),
}
_MENU_NAMES: dict[str, Any] = {}


def register_object(table: str, name: Any) -> None:
    """The name of the list showing `table`'s rows, for objects OBJECT_LABELS does not name."""
    _MENU_NAMES.setdefault(table, name)


def audit_action_label(action: str | None) -> str:
    """An audited action in the user's language."""
    if not action:
        return "-"
    return str(AUDIT_ACTION_LABELS.get(action) or action.replace("_", " "))


def object_label(object_type: str | None, object_id: str | None = None) -> str:
    """"Penempatan #12": the kind of an audited object in the user's language, with its number."""
    if not object_type:
        return "-"
    name = str(OBJECT_LABELS.get(object_type) or _MENU_NAMES.get(object_type) or object_type.replace("_", " "))
    return f"{name} #{object_id}" if object_id else name


# The fields of a child's records as the processing history names them (no admin list shows them all).
COMMON_FIELD_LABELS.update({
    "address": _l("Alamat"), "birth_date": _l("Tanggal lahir"), "birth_place": _l("Tempat lahir"),
    "education": _l("Pendidikan"), "religion": _l("Agama"), "parent_guardian": _l("Orang tua/wali"),
    "offence_date": _l("Tanggal tindak pidana"), "offence_description": _l("Uraian tindak pidana"),
    "kind": _l("Jenis"), "sex": _l("Jenis kelamin"), "basis": _l("Dasar penempatan"),
    "conditions": _l("Syarat"), "start_date": _l("Tanggal mulai"), "handover_at": _l("Waktu serah terima"),
    "months": _l("Lama (bulan)"), "suspected_violence": _l("Dugaan kekerasan"), "victim_loss": _l("Kerugian korban"),
    "hospital_exam_on": _l("Tanggal pemeriksaan rumah sakit"), "hospital_exam_place": _l("Tempat pemeriksaan"),
    "hospital_exam_result": _l("Hasil pemeriksaan"), "behaviour_assessed_on": _l("Tanggal penilaian perilaku"),
    "behaviour_good": _l("Berkelakuan baik"), "behaviour_note": _l("Catatan perilaku"),
    "court_submitted_on": _l("Tanggal disampaikan ke pengadilan"),
    "court_determination_date": _l("Tanggal penetapan pengadilan"),
    "court_determination_number": _l("Nomor penetapan pengadilan"), "dated": _l("Tanggal dokumen"),
    "number": _l("Nomor"), "letter_number": _l("Nomor surat"), "notice_number": _l("Nomor surat pemberitahuan"),
    "notice_sent_on": _l("Tanggal surat pemberitahuan dikirim"), "depositor_agency": _l("Instansi penitip"),
    "depositor_superior": _l("Atasan penitip"), "level": _l("Tingkat pemeriksaan"), "days": _l("Jumlah hari"),
    "authority": _l("Pemberi perpanjangan"), "custody_period_id": _l("Masa titipan"), "case_id": _l("Kasus"),
    "note": _l("Catatan"), "stage": _l("Tahap"), "opened_on": _l("Tanggal dibuka"), "closed_on": _l("Tanggal ditutup"),
    "origin": _l("Asal kasus"), "case_number": _l("Nomor perkara"), "case_manager_id": _l("Manajer kasus"),
    "home_region_code": _l("Kabupaten/kota asal"), "admitted_on": _l("Tanggal admisi"),
    "assessment_due": _l("Batas asesmen"), "plan_due": _l("Batas rencana"), "terminated_on": _l("Tanggal terminasi"),
    "termination_reason": _l("Alasan terminasi"), "activities": _l("Kegiatan"), "author_staff_id": _l("Penyusun"),
    "completed_on": _l("Tanggal selesai"), "completed_by_user_id": _l("Diselesaikan oleh"),
    "description": _l("Uraian"), "done_on": _l("Tanggal dilaksanakan"), "due_on": _l("Tanggal jatuh tempo"),
    "form": _l("Bentuk layanan"), "in_plan": _l("Dalam rencana"), "outcome": _l("Hasil"),
    "planned_on": _l("Tanggal direncanakan"), "provider": _l("Pelaksana"), "provider_staff_id": _l("Pelaksana"),
    "held_on": _l("Tanggal pelaksanaan"), "initiator": _l("Pemrakarsa"), "initiator_name": _l("Nama pemrakarsa"),
    "participants": _l("Peserta"), "place": _l("Tempat"), "reason": _l("Alasan"), "summary": _l("Ringkasan"),
})
COMMON_FIELD_LABELS.update({
    "created_by_id": _l("Dibuat oleh"), "created_at": _l("Dibuat pada"), "updated_at": _l("Terakhir diubah"),
    "evaluation": _l("Evaluasi"), "plan": _l("Rencana"), "region_code": _l("Wilayah"), "revision": _l("Revisi"),
    "revision_reason": _l("Alasan revisi"), "state": _l("Status"), "year": _l("Tahun"), "snapshot": _l("Angka beku"),
    "submitted_at": _l("Dikirim pada"), "submitted_by_id": _l("Dikirim oleh"), "received_by_id": _l("Diterima oleh"),
    "compiled_at": _l("Dihimpun pada"), "compiled_by_id": _l("Dihimpun oleh"), "part_id": _l("Laporan bagian"),
    "report_id": _l("Laporan"),
})
