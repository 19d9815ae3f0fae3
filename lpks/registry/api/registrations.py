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
from lpks.registry.schemas_records import RegistrationInput, RegistrationOut
from lpks.registry.services import registrations as registry_registrations
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.operations import list_of, operation

PATH = "/institutions/<int:ident>/registrations"
ITEM = "/registrations/<int:ident>"  # like /positions/{id}: a registration id is enough, the scope check decides
TAG = "registri"


@bp.route(PATH)
@operation("Tanda daftar LPKS di Kementerian Sosial dan Dinas Sosial (Pasal 54 ayat (2))", tag=TAG,
           response=list_of(RegistrationOut))
def registrations_list(ident: int):
    """Every registration of an LPKS: Kemensos first, then the Dinas Sosial by region."""
    inst = get_scoped(db.session, current_user, Institution, ident)
    rows = registry_registrations.of_institution(db.session, inst.id)
    return jsonify({"items": [to_json(r, RegistrationOut) for r in rows], "total": len(rows)})


@bp.route(PATH, methods=["POST"])
@operation("Menambah tanda daftar LPKS (region_code kosong: Dinas Sosial domisili)", tag=TAG,
           request=RegistrationInput, response=RegistrationOut, status=201)
def registrations_create(ident: int):
    """Record a registration of this LPKS."""
    get_scoped(db.session, current_user, Institution, ident)
    reg = registry_registrations.create(db.session, current_user, {**json_body(), "institution_id": ident})
    return jsonify(to_json(reg, RegistrationOut)), 201


@bp.route(ITEM)
@operation("Satu tanda daftar", tag=TAG, response=RegistrationOut)
def registrations_detail(ident: int):
    """One registration."""
    return jsonify(to_json(get_scoped(db.session, current_user, Registration, ident), RegistrationOut))


@bp.route(ITEM, methods=["PATCH"])
@operation("Mengubah tanda daftar, misalnya saat diperpanjang (wajib menyertakan version)", tag=TAG,
           request=RegistrationInput, response=RegistrationOut)
def registrations_update(ident: int):
    """Change a registration (send its version); it stays with its LPKS."""
    reg = get_scoped(db.session, current_user, Registration, ident, WRITE)
    registry_registrations.update(db.session, current_user, reg, json_body())
    return jsonify(to_json(reg, RegistrationOut))


@bp.route(ITEM, methods=["DELETE"])
@operation("Menghapus tanda daftar yang salah input", tag=TAG, response=None, status=204)
def registrations_delete(ident: int):
    """Remove a registration entered by mistake."""
    registry_registrations.delete(db.session, current_user, get_scoped(db.session, current_user, Registration,
                                                                       ident, WRITE))
    return "", 204
