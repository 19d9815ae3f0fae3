"""Residents, placements and titipan periods: the same services and checks as the web (RULES §1, §4–5)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import select

from lpks.extensions import db
from lpks.registry.api.evidence import file_response
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import (
    STATUS_EXITED,
    STATUS_PRESENT,
    Placement,
    PlacementDocument,
)
from lpks.residents.models.resident import Resident
from lpks.residents.services import (
    admission as placements_admission,
)
from lpks.residents.services import (
    custody,
    placements,
    residents,
)
from lpks.residents.services import (
    placement_status as placements_status,
)
from lpks.residents.services.common import parse_int
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.residents.schemas import (
    ADMISSION_INPUT,
    BEHAVIOUR_INPUT,
    DELETED,
    DOCUMENT_INPUT,
    EXIT_INPUT,
    IDENTITY_SCHEMA,
    PERIOD_INPUT,
    PERIOD_SCHEMA,
    PLACEMENT_INPUT,
    PLACEMENT_ROW,
    PLACEMENT_SCHEMA,
    ResidentInput,
    ResidentOut,
    ResidentRow,
)
from lpks.web.api.operations import FILE, GONE, SCANS, operation, param
from lpks.web.api.paging import paginate

TAG_R, TAG_P, TAG_C = "anak", "penempatan", "titipan"


def _resident_json(resident: Resident) -> dict:
    current = db.session.scalar(select(Placement.id).where(Placement.resident_id == resident.id,
                                                           Placement.status != STATUS_EXITED))
    return {**residents.public(resident), "current_placement_id": current}


def _placement_json(placement: Placement) -> dict:
    resident = db.session.get(Resident, placement.resident_id)
    return {**placements_status.state(db.session, placement), "resident": residents.public(resident)}


def _placement_row(placement: Placement) -> dict:
    resident = placement.resident
    return {"id": placement.id, "institution_id": placement.institution_id, "resident_id": placement.resident_id,
            "resident": {"register_number": resident.register_number, "initials": resident.initials},
            "basis": placement.basis, "status": placement.status, "start_date": placement.start_date.isoformat(),
            "last_day": placement.last_day.isoformat() if placement.last_day else None,
            "parole_eligible_from": (placement.parole_eligible_from.isoformat()
                                     if placement.parole_eligible_from else None),
            "exit_date": placement.exit_date.isoformat() if placement.exit_date else None,
            "exit_reason": placement.exit_reason, "version": placement.version,
            # the row's dates count calendar days only (Pasal 13 ayat 4 and 6): no year of the calendar is needed
            "calendar_missing_years": []}


def _period_json(period: CustodyPeriod) -> dict:
    placement = db.session.get(Placement, period.placement_id)
    return placements_status.period_state(db.session, period, placement.status == STATUS_PRESENT)


def _filter_int(name: str):
    value = request.args.get(name)
    return None if value in (None, "") else parse_int(value, name, f"Parameter '{name}'")


# --- residents ------------------------------------------------------------------------------------------------

@bp.route("/residents")
@operation("Daftar anak (inisial dan nomor register)", tag=TAG_R,
           params=[param("register_number"), param("institution_id", kind="integer"), param("kind")],
           response=ResidentRow, paged=True)
def resident_list():
    """Residents in scope: initials and register number only."""
    stmt = (scoped_select(current_user, Resident).where(Resident.institution_id.is_not(None))  # an LPKS's residents
            .order_by(Resident.register_number, Resident.id))
    if request.args.get("register_number"):
        stmt = stmt.where(Resident.register_number == request.args["register_number"].strip())
    if (institution := _filter_int("institution_id")) is not None:
        stmt = stmt.where(Resident.institution_id == institution)
    if request.args.get("kind"):
        stmt = stmt.where(Resident.kind == request.args["kind"])
    return jsonify(paginate(stmt, residents.public))


@bp.route("/residents", methods=["POST"])
@operation("Mendaftarkan anak", tag=TAG_R, request=ResidentInput, response=ResidentOut, status=201)
def resident_create():
    """Register a resident (LPKS operator)."""
    return jsonify(_resident_json(residents.create(db.session, current_user, json_body()))), 201


@bp.route("/residents/<int:ident>")
@operation("Satu anak (tanpa identitas)", tag=TAG_R, response=ResidentOut)
def resident_detail(ident: int):
    """One resident, pseudonymised."""
    return jsonify(_resident_json(get_scoped(db.session, current_user, Resident, ident)))


@bp.route("/residents/<int:ident>", methods=["PATCH"])
@operation("Mengubah data anak (wajib menyertakan version)", tag=TAG_R, request=ResidentInput,
           response=ResidentOut)
def resident_update(ident: int):
    """Change a resident's record (the body carries the version)."""
    resident = get_scoped(db.session, current_user, Resident, ident, WRITE)
    return jsonify(_resident_json(residents.update(db.session, current_user, resident, json_body())))


@bp.route("/residents/<int:ident>/identity")
@operation("Identitas lengkap anak (operator LPKS, Dinas Sosial kabupaten/kota; diaudit)", tag=TAG_R,
           response=IDENTITY_SCHEMA)
def resident_identity(ident: int):
    """The full identity, for the roles allowed by RULES §1; each call is audited (view_identity)."""
    resident = get_scoped(db.session, current_user, Resident, ident)
    identity = residents.reveal_identity(db.session, current_user, resident)
    return jsonify({key: value.isoformat() if hasattr(value, "isoformat") else value
                    for key, value in identity.items()} | {"id": resident.id,
                                                           "register_number": resident.register_number})


# --- placements -----------------------------------------------------------------------------------------------

@bp.route("/placements")
@operation("Daftar penempatan", tag=TAG_P,
           params=[param("resident_id", kind="integer"), param("status"), param("basis")], response=PLACEMENT_ROW,
           paged=True)
def placement_list():
    """Placements in scope with their stored dates."""
    stmt = scoped_select(current_user, Placement).order_by(Placement.id.desc())
    if (resident := _filter_int("resident_id")) is not None:
        stmt = stmt.where(Placement.resident_id == resident)
    for name in ("status", "basis"):
        if request.args.get(name):
            stmt = stmt.where(getattr(Placement, name) == request.args[name])
    return jsonify(paginate(stmt, _placement_row))


@bp.route("/placements", methods=["POST"])
@operation("Mencatat penempatan (belum diterima)", tag=TAG_P, request=PLACEMENT_INPUT, response=PLACEMENT_SCHEMA,
           status=201)
def placement_create():
    """Register a placement on a legal basis (not yet admitted)."""
    return jsonify(_placement_json(placements.create(db.session, current_user, json_body()))), 201


@bp.route("/placements/<int:ident>")
@operation("Satu penempatan dengan tanggal-tanggal terhitung", tag=TAG_P, response=PLACEMENT_SCHEMA)
def placement_detail(ident: int):
    """One placement with documents, computed dates, parole status and titipan periods."""
    return jsonify(_placement_json(get_scoped(db.session, current_user, Placement, ident)))


@bp.route("/placements/<int:ident>", methods=["PATCH"])
@operation("Mengubah penempatan (wajib menyertakan version)", tag=TAG_P, request=PLACEMENT_INPUT,
           response=PLACEMENT_SCHEMA)
def placement_update(ident: int):
    """Change a placement (start, months, conditions, hospital examination…; with version)."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    return jsonify(_placement_json(placements.update(db.session, current_user, placement, json_body())))


@bp.route("/placements/<int:ident>", methods=["DELETE"])
@operation("Membatalkan penempatan yang belum diterima", tag=TAG_P, response=DELETED)
def placement_cancel(ident: int):
    """Cancel a placement never admitted."""
    placements.cancel(db.session, current_user, get_scoped(db.session, current_user, Placement, ident, WRITE))
    return jsonify({"deleted": ident})


@bp.route("/placements/<int:ident>/documents", methods=["POST"])
@operation("Mencatat dokumen persyaratan: tanggal (tidak setelah hari ini) dan nomor surat atau pindaian (multipart "
           "'file': PDF, JPEG, PNG diperiksa dari isinya)", tag=TAG_P, request=DOCUMENT_INPUT,
           response=PLACEMENT_SCHEMA, status=201)
def placement_document_add(ident: int):
    """Record a required document: its date and its number or a scan (JSON, or multipart with `file`)."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    upload = request.files.get("file")
    data = request.form.to_dict() if request.files or request.form else json_body()
    placements_admission.add_document(db.session, current_user, placement, data,
                                      (upload.stream, upload.filename) if upload else None)
    return jsonify(_placement_json(placement)), 201


@bp.route("/placement-documents/<int:ident>/scan", methods=["POST"])
@operation("Melampirkan pindaian dokumen (multipart 'file')", tag=TAG_P, response=PLACEMENT_SCHEMA, status=201)
def placement_document_scan_attach(ident: int):
    """Attach or replace the scan of a recorded document (multipart `file`; PDF, JPEG or PNG by content)."""
    doc = get_scoped(db.session, current_user, PlacementDocument, ident, WRITE)
    upload = request.files.get("file")
    placements_admission.attach_scan(db.session, current_user, doc, upload.stream if upload else b"",
                                     upload.filename if upload else None)
    return jsonify(_placement_json(db.session.get(Placement, doc.placement_id))), 201


@bp.route("/placement-documents/<int:ident>/scan")
@operation("Mengunduh pindaian dokumen (memuat identitas: operator LPKS dan Dinas Sosial kabupaten/kota; diaudit)",
           tag=TAG_P, response=FILE, media=SCANS, responses=GONE)
def placement_document_scan(ident: int):
    """The scan itself, for the roles that may see the child's identity (audited)."""
    doc = get_scoped(db.session, current_user, PlacementDocument, ident)
    found = placements_admission.open_scan(db.session, current_user, doc)
    db.session.commit()
    return file_response(found)


@bp.route("/placement-documents/<int:ident>", methods=["DELETE"])
@operation("Menghapus dokumen (sebelum diterima)", tag=TAG_P, response=DELETED)
def placement_document_remove(ident: int):
    """Remove a document recorded by mistake (before admission)."""
    doc = get_scoped(db.session, current_user, PlacementDocument, ident, WRITE)
    placements_admission.remove_document(db.session, current_user, doc)
    return jsonify({"deleted": ident})


def _placement_action(ident: int, action):
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    action(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement))


@bp.route("/placements/<int:ident>/admit", methods=["POST"])
@operation("Menerima anak (admisi)", tag=TAG_P, request=ADMISSION_INPUT, response=PLACEMENT_SCHEMA)
def placement_admit(ident: int):
    """Admit: documents complete, capacity by sex (a reason above it)."""
    return _placement_action(ident, placements_admission.admit)


@bp.route("/placements/<int:ident>/behaviour", methods=["POST"])
@operation("Mencatat penilaian perilaku", tag=TAG_P, request=BEHAVIOUR_INPUT, response=PLACEMENT_SCHEMA)
def placement_behaviour(ident: int):
    """Record the behaviour assessment for parole (Pasal 13 ayat 6)."""
    return _placement_action(ident, placements.record_behaviour)


@bp.route("/placements/<int:ident>/exit", methods=["POST"])
@operation("Mengakhiri penempatan dengan alasan keluar", tag=TAG_P, request=EXIT_INPUT, response=PLACEMENT_SCHEMA)
def placement_exit(ident: int):
    """End a placement with a reason of RULES §4."""
    return _placement_action(ident, placements.exit_placement)


@bp.route("/placements/<int:ident>/custody-periods", methods=["POST"])
@operation("Membuka masa titipan", tag=TAG_C, request=PERIOD_INPUT, response=PERIOD_SCHEMA, status=201)
def custody_open(ident: int):
    """Open a titipan period (the next level opens a new one)."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    return jsonify(_period_json(custody.open_period(db.session, current_user, placement, json_body()))), 201
