"""Registry API per LPKS: work area, facility checklist, Excel imports, the standards report, the standards
catalogue and what expires soon. Same services, permission checks and validation as the web pages."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from accreditation import ASPECTS, FACILITY_ITEMS, STAFF_FUNCTIONS
from accreditation.expiry import EXPIRY_WARNING_DAYS
from accreditation.registry_catalogue import (
    CONDITIONS,
    DOCUMENT_KINDS,
    FUNDING_SOURCES,
    POSITIONS,
)
from lpks.extensions import db
from lpks.platform.dates import parse_date
from lpks.platform.errors import ServiceError
from lpks.platform.models.region import province_of
from lpks.registry import dashboard as registry_dashboard
from lpks.platform.api import JOB_ACCEPTED, job_accepted
from lpks.registry import imports as registry_imports
from lpks.registry.models.institution import Institution
from lpks.registry.schemas import (
    CATALOGUE_SCHEMA,
    EXPIRING_SCHEMA,
    FACILITY_LIST,
    IMPORT_RESULT,
    STANDARDS_SCHEMA,
    WORK_AREA_SCHEMA,
    obj,
    plain,
)
from lpks.registry.services import (
    evidence,
    standards,
)
from lpks.registry.services import (
    facilities as registry_facilities,
)
from lpks.registry.services import (
    importing as registry_import,
)
from lpks.registry.services import (
    profile as registry_profile,
)
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.operations import operation, param

TAG = "registri"


def _work_area_json(regions) -> dict:
    codes = [r.code for r in regions]
    return {"kabkota_codes": codes, "kabupaten_kota": len(codes), "provinces": len({province_of(c) for c in codes}),
            "regions": [{"code": r.code, "name": r.name} for r in regions]}


UPLOAD = {"type": "object", "description": "multipart/form-data dengan field 'file' (.xlsx dari templat)"}


@bp.route("/institutions/<int:ident>/work-area")
@operation("Wilayah kerja LPKS (kabupaten/kota)", tag=TAG, response=WORK_AREA_SCHEMA)
def work_area_get(ident: int):
    """The kabupaten/kota an LPKS serves."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify(_work_area_json(registry_profile.work_area(db.session, inst)))


@bp.route("/institutions/<int:ident>/work-area", methods=["PUT"])
@operation("Mengganti wilayah kerja LPKS (domisili selalu termasuk)", tag=TAG,
           request=obj({"kabkota_codes": {"type": "array", "items": {"type": "string"}}}, ("kabkota_codes",)),
           response=WORK_AREA_SCHEMA)
def work_area_put(ident: int):
    """Replace the work area (the domicile is always included)."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    body = json_body()
    regions = registry_profile.set_work_area(db.session, current_user, inst, body.get("kabkota_codes"))
    return jsonify(_work_area_json(regions))


def _facility_json(inst_id: int, row) -> dict:
    rec, item = row.record, row.item
    return {"id": rec.id if rec else None, "institution_id": inst_id, "item_code": item.code,
            "group": item.group.code, "label": item.label_id, "pasal": item.pasal,
            "status": rec.status if rec else None, "quantity": rec.quantity if rec else None,
            "condition": rec.condition if rec else None, "note": rec.note if rec else None,
            "version": rec.version if rec else None}


@bp.route("/institutions/<int:ident>/facilities")
@operation("Daftar periksa sarana dan prasarana LPKS (Pasal 64–65)", tag=TAG, response=FACILITY_LIST)
def facilities_get(ident: int):
    """The whole facility checklist of an LPKS (Pasal 64–65), filled or not."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    return jsonify({"items": [_facility_json(inst.id, r) for r in registry_facilities.checklist(db.session, inst)]})


@bp.route("/institutions/<int:ident>/facilities", methods=["PUT"])
@operation("Menyimpan baris daftar periksa sarana (baris yang diubah wajib menyertakan version)", tag=TAG,
           request=FACILITY_LIST, response=FACILITY_LIST)
def facilities_put(ident: int):
    """Save several checklist rows at once; a changed row must carry its version."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    items = json_body().get("items")
    if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
        raise ServiceError(_("Badan permintaan harus {\"items\": [{item_code, status, …}]}."), "items")
    registry_facilities.save_many(db.session, current_user, inst, items)
    return jsonify({"items": [_facility_json(inst.id, r) for r in registry_facilities.checklist(db.session, inst)]})


def _import(ident: int, what: str):
    inst = get_scoped(db.session, current_user, Institution, ident)
    upload = request.files.get("file")
    if upload is None:
        raise ServiceError(_("Kirim berkas .xlsx pada field 'file' (multipart/form-data)."), "file")
    content, job = registry_imports.start(db.session, current_user, inst, what, upload.stream, upload.filename)
    if job is not None:  # a large workbook: imported by the worker; this response's commit hands it over
        return job_accepted(job)
    try:
        result = registry_imports.SERVICES[what](db.session, current_user, inst, content, upload.filename)
    except registry_import.ImportRejected as exc:
        db.session.rollback()
        return jsonify(error="invalid", message=exc.message, field="file", errors=exc.errors), 422
    return jsonify(created=result.created, updated=result.updated, skipped=result.skipped)


@bp.route("/institutions/<int:ident>/staff/import", methods=["POST"])
@operation("Impor tenaga dari Excel (semua baris atau tidak sama sekali; 422 dengan daftar 'errors' per baris dan "
           "kolom; berkas besar: 202 dengan job_id dan Location /api/v1/jobs/{id}; 429 bila sudah ada 3 impor "
           "menunggu)", tag=TAG, request=UPLOAD, request_media="multipart/form-data",
           response=IMPORT_RESULT, responses={202: JOB_ACCEPTED})
def staff_import(ident: int):
    """Import staff from the Excel template; nothing is saved unless every row is valid (a large file: 202, a job)."""
    return _import(ident, "staff")


@bp.route("/institutions/<int:ident>/facilities/import", methods=["POST"])
@operation("Impor daftar sarana dari Excel (semua atau tidak sama sekali; berkas besar: 202 dengan job_id dan "
           "Location /api/v1/jobs/{id})", tag=TAG, request=UPLOAD, request_media="multipart/form-data",
           response=IMPORT_RESULT, responses={202: JOB_ACCEPTED})
def facilities_import(ident: int):
    """Import the facility checklist from its Excel template; all or nothing (a large file: 202, a job)."""
    return _import(ident, "facilities")


def _item_json(item, view, docs) -> dict:
    rnd = view.sources.get(item.code)
    return {"code": item.code, "label": item.label_id, "pasal": item.pasal, "mandatory": item.mandatory,
            "status": item.status.value, "reason": item.reason, "decided_by": item.decided_by,
            "computed_status": item.computed_status.value, "computed_reason": item.computed_reason,
            "verifier_note": item.verifier_note or None, "verification_id": rnd.round_id if rnd else None,
            "evidence_ids": [d.id for d in docs.get(item.code, [])]}


@bp.route("/institutions/<int:ident>/standards")
@operation("Laporan standar LPKS: kepatuhan per aspek dan butir yang belum terpenuhi beserta Pasal", tag=TAG,
           params=[param("as_of", "query", "string", format="date")], response=STANDARDS_SCHEMA)
def standards_report(ident: int):
    """The standards report of an LPKS (Pasal 52 ayat (4) huruf a–g), optionally as of a date."""
    as_of = parse_date(request.args.get("as_of"), "as_of", _l("Tanggal penilaian"), required=False)
    view = standards.report_for(db.session, current_user, ident, as_of)
    docs = evidence.documents_by_item(db.session, view.institution.id)
    report = view.report
    return jsonify({
        "institution_id": view.institution.id, "as_of": report.as_of.isoformat(), "compliance": str(report.compliance),
        "aspects": [{"code": a.code, "label": a.label_id, "pasal": a.pasal, "compliance": str(a.compliance),
                     "mandatory_count": a.mandatory_count, "items": [_item_json(i, view, docs) for i in a.items]}
                    for a in report.aspects],
        "unmet": [_item_json(i, view, docs) for i in report.unmet],
        "verifications": [{"id": r.id, "number": r.number, "visit_date": r.visit_date.isoformat()}
                          for r in view.rounds]})


def _terms(terms) -> list[dict]:
    return [{"code": t.code, "label": t.label_id, "label_en": t.label_en, "pasal": t.pasal} for t in terms]


@bp.route("/standards/catalogue")
@operation("Katalog standar (Pasal 52–69) dan kode-kode registri", tag=TAG, response=CATALOGUE_SCHEMA)
def catalogue():
    """The standards catalogue and the registry vocabularies (codes a client must send)."""
    return jsonify({
        "aspects": [{"code": a.code, "label": a.label_id, "pasal": a.pasal,
                     "items": [{"code": i.code, "label": i.label_id, "pasal": i.pasal, "mandatory": i.mandatory,
                                "source": i.source.kind.value} for i in a.items]} for a in ASPECTS],
        "staff_functions": [{"code": f.code, "category": f.category.value, "label": f.label_id, "pasal": f.pasal,
                             "mandatory": f.mandatory, "agreement_allowed": f.agreement_allowed}
                            for f in STAFF_FUNCTIONS],
        "facility_items": [{"code": f.code, "group": f.group.code, "label": f.label_id, "pasal": f.pasal}
                           for f in FACILITY_ITEMS],
        "positions": _terms(POSITIONS), "funding_sources": _terms(FUNDING_SOURCES), "conditions": _terms(CONDITIONS),
        "document_kinds": _terms(DOCUMENT_KINDS)})


@bp.route("/registry/expiring")
@operation("Tanda daftar, sertifikasi dan pelatihan SPPA yang berakhir dalam 90 hari (atau sudah berakhir): jumlah "
           "tepat per jenis ('counts') dan paling banyak 300 yang paling dekat ('items')", tag=TAG,
           response=EXPIRING_SCHEMA)
def expiring():
    """Registrations, certifications and SPPA trainings in scope ending within the warning window."""
    rows = registry_dashboard.expiring(db.session, current_user)
    counts = registry_dashboard.expiring_counts(db.session, current_user)
    return jsonify({"days": EXPIRY_WARNING_DAYS, "counts": counts, "items": [
        {"kind": r.kind, "kind_label": r.kind_label, "institution_id": r.institution_id,
         "institution": r.institution_name, "subject": r.subject, "valid_until": plain(r.valid_until),
         "state": r.state, "state_label": r.state_label} for r in rows]})
