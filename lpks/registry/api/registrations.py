"""Registrations of an LPKS (Pasal 54 ayat (2)): listed and added under /institutions/<id>/registrations, changed
and removed at /registrations/<id>. The same service, permission checks and validation as the web pages; an LPKS
or a registration outside the scope answers 404."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.registry.api.records import to_json
from lpks.registry.models.institution import Institution
from lpks.registry.models.registration import Registration
from lpks.registry.schemas import REGISTRATION_SCHEMA
from lpks.registry.services import registrations as registry_registrations
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.spec import describe, param

PATH = "/institutions/<int:ident>/registrations"
DOC = "/institutions/{id}/registrations"
ITEM = "/registrations/<int:ident>"  # like /positions/{id}: a registration id is enough, the scope check decides
ID = [param("id", "path", "integer")]
TAG = "registri"


@bp.route(PATH)
def registrations_list(ident: int):
    """Every registration of an LPKS: Kemensos first, then the Dinas Sosial by region."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    rows = registry_registrations.of_institution(db.session, inst.id)
    return jsonify({"items": [to_json(r, REGISTRATION_SCHEMA) for r in rows], "total": len(rows)})


@bp.route(PATH, methods=["POST"])
def registrations_create(ident: int):
    """Record a registration of this LPKS."""
    get_scoped(db.session, current_user, Institution, ident)
    reg = registry_registrations.create(db.session, current_user, {**json_body(), "institution_id": ident})
    return jsonify(to_json(reg, REGISTRATION_SCHEMA)), 201


@bp.route(ITEM)
def registrations_detail(ident: int):
    """One registration."""
    return jsonify(to_json(get_scoped(db.session, current_user, Registration, ident), REGISTRATION_SCHEMA))


@bp.route(ITEM, methods=["PATCH"])
def registrations_update(ident: int):
    """Change a registration (send its version); it stays with its LPKS."""
    reg = get_scoped(db.session, current_user, Registration, ident, WRITE)
    registry_registrations.update(db.session, current_user, reg, json_body())
    return jsonify(to_json(reg, REGISTRATION_SCHEMA))


@bp.route(ITEM, methods=["DELETE"])
def registrations_delete(ident: int):
    """Remove a registration entered by mistake."""
    registry_registrations.delete(db.session, current_user, get_scoped(db.session, current_user, Registration,
                                                                       ident, WRITE))
    return "", 204


LIST_SCHEMA = {"type": "object", "properties": {"items": {"type": "array", "items": REGISTRATION_SCHEMA},
                                                "total": {"type": "integer"}}}
describe(DOC, "get", "Tanda daftar LPKS di Kementerian Sosial dan Dinas Sosial (Pasal 54 ayat (2))",
         params=ID, response=LIST_SCHEMA, tag=TAG)
describe(DOC, "post", "Menambah tanda daftar LPKS (region_code kosong: Dinas Sosial domisili)", params=ID,
         body=REGISTRATION_SCHEMA, response=REGISTRATION_SCHEMA, tag=TAG)
describe("/registrations/{id}", "get", "Satu tanda daftar", params=ID, response=REGISTRATION_SCHEMA, tag=TAG)
describe("/registrations/{id}", "patch", "Mengubah tanda daftar, misalnya saat diperpanjang (wajib menyertakan "
         "version)", params=ID, body=REGISTRATION_SCHEMA, response=REGISTRATION_SCHEMA, tag=TAG)
describe("/registrations/{id}", "delete", "Menghapus tanda daftar yang salah input", params=ID, tag=TAG)
