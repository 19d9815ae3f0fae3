"""Core API resources: the current user, regions, institutions, users and the audit trail."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.schemas import INSTITUTION_REGISTRY_PROPERTIES, plain
from lpks.registry.services import institutions
from lpks.security import WRITE, user_scope_label
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
