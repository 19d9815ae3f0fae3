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
from lpks.registry.services import institutions
from lpks.security import READ, WRITE, scope_clause, user_scope_label
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.platform.schemas import AuditOut, InstitutionInput, InstitutionOut, MeOut, RegionOut, UserOut
from lpks.platform.validation import shape
from lpks.web.api.operations import operation
from lpks.web.api.paging import paginate


def institution_json(inst: Institution) -> dict:
    """The public fields of an LPKS."""
    return shape(InstitutionOut, inst)


@bp.route("/me")
@operation("Pengguna yang sedang masuk, peran dan lingkupnya", tag="pengguna", response=MeOut)
def me():
    """The logged-in user, role and scope."""
    fields = {key: getattr(current_user, key) for key in MeOut.model_fields if key != "scope"}
    return jsonify(shape(MeOut, {**fields, "scope": user_scope_label(current_user)}))


@bp.route("/regions")
@operation("Daftar provinsi dan kabupaten/kota", tag="wilayah", response=RegionOut, paged=True)
def regions():
    """Provinces and regencies/cities."""
    stmt = scoped_select(current_user, Region).order_by(Region.code)
    return jsonify(paginate(stmt, lambda region: shape(RegionOut, region)))


@bp.route("/institutions")
@operation("Daftar LPKS dalam lingkup pengguna", tag="lpks", response=InstitutionOut, paged=True)
def institution_list():
    """LPKS in the user's scope."""
    stmt = scoped_select(current_user, Institution).order_by(Institution.name, Institution.id)
    return jsonify(paginate(stmt, institution_json))


@bp.route("/institutions", methods=["POST"])
@operation("Mendaftarkan LPKS", tag="lpks", request=InstitutionInput, response=InstitutionOut, status=201)
def institution_create():
    """Register an LPKS."""
    inst = institutions.create(db.session, current_user, json_body())
    return jsonify(institution_json(inst)), 201


@bp.route("/institutions/<int:ident>")
@operation("Satu LPKS", tag="lpks", response=InstitutionOut)
def institution_detail(ident: int):
    """One LPKS."""
    return jsonify(institution_json(get_scoped(db.session, current_user, Institution, ident)))


@bp.route("/institutions/<int:ident>", methods=["PATCH"])
@operation("Mengubah LPKS (wajib menyertakan version)", tag="lpks", request=InstitutionInput,
           response=InstitutionOut)
def institution_update(ident: int):
    """Change an LPKS; the body must carry the version it was read at."""
    inst = get_scoped(db.session, current_user, Institution, ident, WRITE)
    institutions.update(db.session, current_user, inst, json_body())
    return jsonify(institution_json(inst))


@bp.route("/users")
@operation("Daftar pengguna (administrator sistem)", tag="pengguna", response=UserOut, paged=True)
def user_list():
    """Users (the system administrator sees all; others only themselves)."""
    stmt = scoped_select(current_user, User).order_by(User.username)
    return jsonify(paginate(stmt, lambda user: shape(UserOut, user)))


@bp.route("/audit")
@operation("Jejak audit (administrator sistem)", tag="audit", response=AuditOut, paged=True)
def audit_list():
    """The audit trail (system administrator)."""
    stmt = scoped_select(current_user, AuditLog).order_by(AuditLog.id.desc())
    return jsonify(paginate(stmt, lambda a: {"id": a.id, "at": a.at.isoformat(), "username": a.username,
                                             "role": a.role, "ip": a.ip, "action": a.action,
                                             "object_type": a.object_type, "object_id": a.object_id,
                                             "fields": a.fields.split(",") if a.fields else []}))


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


JOB_ACCEPTED = {"type": "object", "required": ["job_id", "status", "location", "message"], "properties": {
    "job_id": {"type": "integer"}, "status": {"type": "string"}, "location": {"type": "string"},
    "message": {"type": "string"}}}


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
@operation("Status, kemajuan dan hasil satu pekerjaan latar milik pengguna sendiri (ekspor atau impor besar)",
           tag="pekerjaan", response=JOB_SCHEMA)
def job_detail(ident: int):
    """One of the user's own background jobs (another user's job is 404, as one that does not exist)."""
    job = db.session.scalar(select(Job).where(Job.id == ident, scope_clause(current_user, Job, READ)))
    if job is None:
        raise NotFound()
    return jsonify(job_json(job))

