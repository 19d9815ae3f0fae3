"""Rows of the residents import: columns, per-cell checks, then the services (batched for identity-only rows)."""
from __future__ import annotations

from typing import Any, BinaryIO, Callable

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from lpks.io.upload import cap_errors, read_table
from lpks.platform.errors import Conflict, ServiceError, error_list
from lpks.residents.models.resident import SEXES
from lpks.residents.services import (
    admission as placements_admission,
)
from lpks.residents.services import (
    batch as residents_batch,
)
from lpks.residents.services import (
    custody,
    placements,
    residents,
)
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    parse_bool,
    parse_choice,
    parse_datetime,
    parse_int,
)
from lpks.rules import (
    CONDITION_OPTIONS,
    REQUIRED_DOCUMENTS,
    CustodyLevel,
    LegalBasis,
    ResidentKind,
)


def _codes(enum) -> str:
    return ", ".join(member.value for member in enum)


COLUMNS = (
    ("nomor_register", _l("Nomor register (kosong = otomatis); tanpa nama anak")),
    ("jenis_abh", _l("Wajib: %(codes)s", codes=_codes(ResidentKind))),
    ("nama_lengkap", _l("Wajib")), ("nik", _l("16 angka, bila diketahui")), ("tempat_lahir", ""),
    ("tanggal_lahir", _l("Wajib, TTTT-BB-HH")), ("jenis_kelamin", _l("Wajib: laki_laki, perempuan")),
    ("alamat", ""), ("orang_tua_wali", ""), ("agama", ""), ("pendidikan", ""), ("disabilitas", ""),
    ("tanggal_tindak_pidana", _l("Wajib untuk Anak, TTTT-BB-HH")), ("uraian_tindak_pidana", _l("Wajib untuk Anak")),
    ("dasar_hukum", _l("Kosong = tanpa penempatan; %(codes)s", codes=_codes(LegalBasis))),
    ("syarat", _l("Dipisah titik koma: %(codes)s", codes="; ".join(
        option.value for options in CONDITION_OPTIONS.values() for option in options))),
    ("tanggal_mulai", _l("Tanggal mulai penempatan, TTTT-BB-HH")),
    ("lama_bulan", _l("Putusan pengadilan: 1–12")),
    ("dokumen", _l("Dokumen yang ada, dipisah titik koma, masing-masing kode|nomor surat|tanggal surat "
                   "(TTTT-BB-HH), misalnya resume_kasus|R/12/2025|2025-08-11; kode: %(codes)s", codes="; ".join(sorted(
        {doc.code for docs in REQUIRED_DOCUMENTS.values() for doc in docs} | {"laporan_litmas"})))),
    ("waktu_serah_terima", _l("TTTT-BB-HH jj:mm (kosong = saat impor)")),
    ("alasan_melebihi_kapasitas", _l("Wajib bila LPKS sudah penuh")),
    ("dugaan_kekerasan", _l("ya/tidak")), ("tanggal_pemeriksaan_rs", _l("TTTT-BB-HH")),
    ("tingkat", _l("Titipan: %(codes)s", codes=_codes(CustodyLevel))),
    ("tanggal_mulai_titipan", _l("Titipan: TTTT-BB-HH (hari ke-1)")),
    ("jumlah_hari", _l("Titipan: hari menurut surat")),
    ("nomor_surat_titipan", ""), ("lembaga_penitip", _l("Titipan: wajib")),
    ("atasan_lembaga_penitip", _l("Titipan: wajib (tembusan surat pemberitahuan)")),
)
REQUIRED = ("jenis_abh", "nama_lengkap", "tanggal_lahir", "jenis_kelamin")
RESIDENT = {"register_number": "nomor_register", "kind": "jenis_abh", "full_name": "nama_lengkap", "nik": "nik",
            "birth_place": "tempat_lahir", "birth_date": "tanggal_lahir", "sex": "jenis_kelamin", "address": "alamat",
            "parent_guardian": "orang_tua_wali", "religion": "agama", "education": "pendidikan",
            "disability": "disabilitas", "offence_date": "tanggal_tindak_pidana",
            "offence_description": "uraian_tindak_pidana"}
PLACEMENT = {"basis": "dasar_hukum", "conditions": "syarat", "start_date": "tanggal_mulai", "months": "lama_bulan",
             "suspected_violence": "dugaan_kekerasan", "hospital_exam_on": "tanggal_pemeriksaan_rs",
             "resident_id": "nama_lengkap", "kind": "jenis_abh"}
DOCUMENTS = {"code": "dokumen", "number": "dokumen", "dated": "dokumen", "received_at": "waktu_serah_terima"}
CUSTODY = {"level": "tingkat", "start_date": "tanggal_mulai_titipan", "granted_days": "jumlah_hari",
           "letter_number": "nomor_surat_titipan", "depositor_agency": "lembaga_penitip",
           "depositor_superior": "atasan_lembaga_penitip", "days": "jumlah_hari"}
ADMIT = {"handover_at": "waktu_serah_terima", "over_capacity_reason": "alasan_melebihi_kapasitas",
         "documents": "dokumen", "custody_period": "tingkat"}
DATES = ("tanggal_lahir", "tanggal_tindak_pidana", "tanggal_mulai", "tanggal_pemeriksaan_rs", "tanggal_mulai_titipan")
INTS = ("lama_bulan", "jumlah_hari")
BATCH = 1000  # identity-only rows registered per flush


def _text(value: Any) -> Any:
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


# Type checks of every cell (built once: the import runs them on each of up to 10,000 rows).
_CHECKS = (*((name, lambda v, n=name: parse_date(v, n, n, required=False)) for name in DATES),
           *((name, lambda v, n=name: parse_int(v, n, n, required=False)) for name in INTS),
           ("waktu_serah_terima", lambda v: parse_datetime(v, "waktu_serah_terima", "waktu_serah_terima",
                                                           required=False)),
           ("dugaan_kekerasan", lambda v: parse_bool(v, "dugaan_kekerasan", "dugaan_kekerasan")),
           ("jenis_kelamin", lambda v: parse_choice(v, "jenis_kelamin", "jenis_kelamin", SEXES)),
           ("jenis_abh", lambda v: parse_choice(v, "jenis_abh", "jenis_abh", tuple(k.value for k in ResidentKind))))


def _cell_errors(row: dict[str, Any]) -> list[tuple[str, str]]:
    """Type checks of every cell, so a row reports all its bad cells at once."""
    found = []
    for name, check in _CHECKS:
        try:
            check(row.get(name))
        except ServiceError as exc:
            found.append((name, exc.message))
    return found


def _resident_errors(row: dict[str, Any], reported: set[str]) -> list[tuple[str, str]]:
    """Every error of the resident's cells (the service's own checks), except in columns already reported."""
    try:
        residents.clean({key: row.get(col) for key, col in RESIDENT.items()})
    except ServiceError as exc:
        found = [(RESIDENT.get(field or "", field or "-"), message) for field, message in error_list(exc)]
        return [(col, message) for col, message in found if col not in reported]
    return []


def _row(session: Session, user: Any, row: dict[str, Any]) -> None:
    stage = RESIDENT
    resident = residents.create(session, user, {key: row.get(col) for key, col in RESIDENT.items()})
    if not row.get("dasar_hukum"):
        return
    stage = PLACEMENT
    try:
        placement = placements.create(session, user, {
            "resident_id": resident.id, "basis": row.get("dasar_hukum"), "conditions": row.get("syarat") or "",
            "start_date": row.get("tanggal_mulai"), "months": row.get("lama_bulan"),
            "suspected_violence": row.get("dugaan_kekerasan"), "hospital_exam_on": row.get("tanggal_pemeriksaan_rs")})
        stage = DOCUMENTS
        handover = row.get("waktu_serah_terima")
        for entry in str(row.get("dokumen") or "").split(";"):
            if entry.strip():  # kode|nomor|tanggal: a document has its date and number (RULES §4)
                code, number, dated = (part.strip() for part in (entry.split("|") + ["", ""])[:3])
                placements_admission.add_document(session, user, placement, {
                    "code": code, "number": number, "dated": dated, "received_at": handover})
        if row.get("dasar_hukum") == LegalBasis.TITIPAN.value:
            stage = CUSTODY
            custody.open_period(session, user, placement, {key: row.get(col) for key, col in CUSTODY.items()})
        stage = ADMIT
        placements_admission.admit(session, user, placement, {
            "handover_at": handover, "over_capacity_reason": row.get("alasan_melebihi_kapasitas")})
    except ServiceError as exc:
        exc.column = stage.get(exc.field or "", "dasar_hukum")
        raise


def _line(number: int, column: str, reason: str) -> tuple[int, str]:
    return number, _("Baris %(row)s, kolom %(col)s: %(reason)s", row=number, col=column, reason=reason)


def _placement_row(session: Session, user: Any, number: int, row: dict[str, Any]) -> list[tuple[int, str]]:
    """A row with a placement: the services one after another, in its own savepoint."""
    savepoint = session.begin_nested()
    try:
        _row(session, user, row)
    except ServiceError as exc:
        savepoint.rollback()
        column = getattr(exc, "column", None)
        return [_line(number, column or RESIDENT.get(field or "", field or "-"), message)
                for field, message in error_list(exc)]
    except IntegrityError:
        savepoint.rollback()
        return [_line(number, "nomor_register", _("nomor register sudah dipakai"))]
    savepoint.commit()
    return []


def _batch(session: Session, user: Any, rows: list[tuple[int, dict[str, Any]]]) -> list[tuple[int, str]]:
    """Identity-only rows registered together (residents_batch: same checks and audit as one by one)."""
    lines = []
    for start in range(0, len(rows), BATCH):  # bounded batches: a few thousand ORM objects in memory at most
        chunk = rows[start:start + BATCH]
        found = residents_batch.create_many(session, user, [{key: row.get(col) for key, col in RESIDENT.items()}
                                                            for _number, row in chunk])
        lines += [_line(number, RESIDENT.get(field or "", field or "-"), message)
                  for (number, _values), errors in zip(chunk, found) for field, message in errors]
    return lines


def import_rows(session: Session, user: Any, header: list[str], records: list[tuple[int, dict]],
                progress: Callable[[int, int | None], None] | None = None) -> list[str]:
    """Check and register every row; return the errors ("Baris N, kolom X: alasan") in row order.

    Rows without a placement are registered in batches; a row with one runs the services in its own savepoint,
    after the rows above it (automatic register numbers follow the file's order)."""
    missing = [name for name in REQUIRED if name not in header]
    if missing:
        return [_("Kolom wajib tidak ada: %(names)s.", names=", ".join(missing))]
    if not records:
        return [_("Berkas tidak berisi baris data.")]
    errors: list[tuple[int, str]] = []
    pending: list[tuple[int, dict[str, Any]]] = []
    try:
        for checked, (number, raw) in enumerate(records, start=1):
            if progress is not None:
                progress(checked, len(records))
            row = {key: _text(value) for key, value in raw.items()}
            bad = _cell_errors(row)
            if bad:
                bad += _resident_errors(row, {col for col, _reason in bad})
                errors += [_line(number, col, reason) for col, reason in bad]
            elif not row.get("dasar_hukum"):
                pending.append((number, row))
            else:
                errors += _batch(session, user, pending)
                pending = []
                errors += _placement_row(session, user, number, row)
        errors += _batch(session, user, pending)
    except Conflict as exc:  # a number taken meanwhile by another registration: the session must be rolled back
        errors.append((0, exc.message))
    return [line for _number, line in sorted(errors, key=lambda error: error[0])]


def import_residents(session: Session, user: Any, stream: BinaryIO | bytes, name: str | None = None,
                     progress: Callable[[int, int | None], None] | None = None) -> int:
    """Import every row or nothing; the error lists "Baris N, kolom X: alasan" for every problem found."""
    # io reads the workbook (size, bombs, columns); the rows are checked here
    table = read_table(stream, name, progress=None if progress is None else lambda read: progress(read, None))
    records = table.records()
    savepoint = session.begin_nested()
    try:
        errors = import_rows(session, user, table.header, records, progress)
    except IntegrityError:
        errors = [_("Data bentrok dengan data yang sudah ada (nomor register ganda).")]
    if errors:
        savepoint.rollback()
        error = ServiceError(_("Impor dibatalkan, tidak ada data yang disimpan: %(n)s kesalahan.", n=len(errors)),
                             "file")
        error.errors = cap_errors(errors)
        error.all_errors = errors  # every line, for the error list a background import offers
        raise error
    savepoint.commit()
    return len(records)
