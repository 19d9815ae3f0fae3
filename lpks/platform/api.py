"""Core API resources: the current user, regions, institutions, users, the audit trail and the user's own
background jobs."""
from __future__ import annotations

from flask import jsonify, url_for
from flask_login import current_user
from sqlalchemy import select

from lpks.extensions import db
from lpks.platform.errors import NotFound
from lpks.platform.imports import queued_message
from lpks.platform.jobs import progress_of, result_of
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.job import DONE, RUNNING, STATUSES, Job
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.schemas import INSTITUTION_REGISTRY_PROPERTIES, plain
from lpks.registry.services import institutions
from lpks.security import READ, WRITE, scope_clause, user_scope_label
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import PAGING_PARAMS, paginate
from lpks.web.api.spec import describe, param

INSTITUTION_SCHEMA = {"type": "object", "properties": {
    "id": {"type": "integer"}, "name": {"type": "string"}, "kabkota_code": {"type": "string"},
    "province_code": {"type": "string"}, "address": {"type": ["string", "null"]},
    "phone": {"type": ["string", "null"]}, "email": {"type": ["string", "null"]},
    "referral_scope": {"enum": ["kabupaten_kota", "provinsi", "nasional"]},
    "capacity_boys": {"type": "integer"}, "capacity_girls": {"type": "integer"},
    # set by the supervising Dinas Sosial kabupaten/kota or Kemensos only; the over-capacity check reads these
    "verified_capacity_boys": {"type": ["integer", "null"]}, "verified_capacity_girls": {"type": ["integer", "null"]},
    "capacity_verified_on": {"type": ["string", "null"], "format": "date", "readOnly": True},
    "version": {"type": "integer"}}}
INSTITUTION_SCHEMA["properties"].update(INSTITUTION_REGISTRY_PROPERTIES)  # registry profile (issue 3)


def institution_json(inst: Institution) -> dict:
    """The public fields of an LPKS."""
    return {k: plain(getattr(inst, k)) for k in INSTITUTION_SCHEMA["properties"]}


@bp.route("/me")
def me():
    """The logged-in user, role and scope."""
    return jsonify(id=current_user.id, username=current_user.username, role=current_user.role,
                   institution_id=current_user.institution_id, region_code=current_user.region_code,
                   scope=user_scope_label(current_user), locale=current_user.locale)


describe("/me", "get", "Pengguna yang sedang masuk, peran dan lingkupnya")


@bp.route("/regions")
def regions():
    """Provinces and regencies/cities."""
    stmt = scoped_select(current_user, Region).order_by(Region.code)
    return jsonify(paginate(stmt, lambda r: {"code": r.code, "name": r.name, "level": r.level,
                                             "province_code": r.province_code}))


describe("/regions", "get", "Daftar provinsi dan kabupaten/kota", params=PAGING_PARAMS, tag="wilayah")


@bp.route("/institutions")
def institution_list():
    """LPKS in the user's scope."""
    stmt = scoped_select(current_user, Institution).order_by(Institution.name, Institution.id)
    return jsonify(paginate(stmt, institution_json))


@bp.route("/institutions", methods=["POST"])
def institution_create():
    """Register an LPKS."""
    inst = institutions.create(db.session, current_user, json_body())
    return jsonify(institution_json(inst)), 201


@bp.route("/institutions/<int:ident>")
def institution_detail(ident: int):
    """One LPKS."""
    return jsonify(institution_json(get_scoped(db.session, current_user, Institution, ident)))


@bp.route("/institutions/<int:ident>", methods=["PATCH"])
def institution_update(ident: int):
    """Change an LPKS; the body must carry the version it was read at."""
    inst = get_scoped(db.session, current_user, Institution, ident, WRITE)
    institutions.update(db.session, current_user, inst, json_body())
    return jsonify(institution_json(inst))


describe("/institutions", "get", "Daftar LPKS dalam lingkup pengguna", params=PAGING_PARAMS, tag="lpks")
describe("/institutions", "post", "Mendaftarkan LPKS", body=INSTITUTION_SCHEMA, response=INSTITUTION_SCHEMA, tag="lpks")
describe("/institutions/{id}", "get", "Satu LPKS", params=[param("id", "path", "integer")],
         response=INSTITUTION_SCHEMA, tag="lpks")
describe("/institutions/{id}", "patch", "Mengubah LPKS (wajib menyertakan version)",
         params=[param("id", "path", "integer")], body=INSTITUTION_SCHEMA, response=INSTITUTION_SCHEMA, tag="lpks")


@bp.route("/users")
def user_list():
    """Users (the system administrator sees all; others only themselves)."""
    stmt = scoped_select(current_user, User).order_by(User.username)
    return jsonify(paginate(stmt, lambda u: {"id": u.id, "username": u.username, "role": u.role,
                                             "institution_id": u.institution_id, "region_code": u.region_code,
                                             "active": u.active}))


describe("/users", "get", "Daftar pengguna (administrator sistem)", params=PAGING_PARAMS, tag="pengguna")


@bp.route("/audit")
def audit_list():
    """The audit trail (system administrator)."""
    stmt = scoped_select(current_user, AuditLog).order_by(AuditLog.id.desc())
    return jsonify(paginate(stmt, lambda a: {"id": a.id, "at": a.at.isoformat(), "username": a.username,
                                             "role": a.role, "ip": a.ip, "action": a.action,
                                             "object_type": a.object_type, "object_id": a.object_id,
                                             "fields": a.fields.split(",") if a.fields else []}))


describe("/audit", "get", "Jejak audit (administrator sistem)", params=PAGING_PARAMS, tag="audit")


JOB_SCHEMA = {"type": "object", "properties": {
    "id": {"type": "integer"}, "kind": {"type": "string"}, "title": {"type": "string"},
    "status": {"enum": list(STATUSES)}, "progress": {"type": "object", "properties": {
        "done": {"type": "integer"}, "total": {"type": ["integer", "null"]}}},
    "message": {"type": ["string", "null"]},
    "result": {"type": ["object", "null"], "description": "impor selesai: jumlah (created/updated/skipped atau "
               "imported); impor gagal: errors (paling banyak 100 baris) dan error_count"},
    "file": {"type": ["string", "null"], "description": "unduhan berkas (ekspor, atau daftar kesalahan impor)"},
    "created_at": {"type": "string", "format": "date-time"},
    "finished_at": {"type": ["string", "null"], "format": "date-time"}}}


def job_json(job: Job) -> dict:
    """A job as its owner sees it: status, progress and result."""
    done, total = progress_of(job) if job.status in (RUNNING, DONE) else (job.rows_done, job.rows_total)
    return {"id": job.id, "kind": job.kind, "title": job.title, "status": job.status,
            "progress": {"done": done, "total": total}, "message": job.message, "result": result_of(job),
            "file": url_for("downloads.file", ident=job.id) if job.file_key else None,
            "created_at": job.created_at.isoformat(),
            "finished_at": job.finished_at.isoformat() if job.finished_at else None}


def job_accepted(job: Job):
    """202 for work handed to the worker: the job and where to follow it."""
    location = url_for("api.job_detail", ident=job.id)
    response = jsonify(job_id=job.id, status=job.status, location=location, message=queued_message())
    return response, 202, {"Location": location}


@bp.route("/jobs/<int:ident>")
def job_detail(ident: int):
    """One of the user's own background jobs (another user's job is 404, as one that does not exist)."""
    job = db.session.scalar(select(Job).where(Job.id == ident, scope_clause(current_user, Job, READ)))
    if job is None:
        raise NotFound()
    return jsonify(job_json(job))


describe("/jobs/{id}", "get", "Status, kemajuan dan hasil satu pekerjaan latar milik pengguna sendiri (ekspor atau "
         "impor besar)", params=[param("id", "path", "integer")], response=JOB_SCHEMA, tag="pekerjaan")
