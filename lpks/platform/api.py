"""Core API resources: the current user, regions, institutions, users and the audit trail."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.platform.models.audit import AuditLog
from lpks.platform.models.region import Region
from lpks.platform.models.user import User
from lpks.registry.models.institution import Institution
from lpks.registry.services import institutions
from lpks.security import WRITE, user_scope_label
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
