"""Registry API: staff, organisation positions, funding sources and yearly fund management, all through the same
services as the web forms; lists are scoped and paged, an id outside the scope answers 404."""
from __future__ import annotations

from typing import Callable

from flask import jsonify, request
from flask_login import current_user

from lpks.extensions import db
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.staff import StaffMember
from lpks.registry import schemas_records as m
from lpks.registry.schemas import plain
from lpks.registry.services import funding as registry_funding
from lpks.registry.services import profile as registry_profile
from lpks.registry.services import staff as registry_staff
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param
from lpks.web.params import query_int

ID = [param("id", "path", "integer")]
INSTITUTION_FILTER = param("institution_id", "query", "integer")


def to_json(obj, schema) -> dict:
    """The fields of `schema` (a response model, or a JSON schema) read from `obj`, JSON-ready."""
    keys = schema.model_fields if isinstance(schema, type) else schema["properties"]
    return {k: plain(getattr(obj, k, None)) for k in keys}


def institution_filter(stmt, model):
    """Narrow a scoped list to one LPKS when ?institution_id= is given."""
    ident = query_int(request.args, "institution_id")
    return stmt if ident is None else stmt.where(model.institution_id == ident)


def _typed(model, key: str, raw: str):
    if model.__table__.c[key].type.python_type is int:
        return query_int({key: raw}, key)
    return raw


def resource(path: str, name: str, model: type, schemas: tuple[type, type], tag: str, *, order, create: Callable,
             update: Callable, delete: Callable, summary: str, extra_filters: tuple[str, ...] = ()) -> None:
    """Register list, create, detail, update and delete routes for one registry model; `schemas` are its response
    and request models."""
    schema, body = schemas

    def listing():
        stmt = institution_filter(scoped_select(current_user, model), model)
        for key in extra_filters:
            if request.args.get(key):
                stmt = stmt.where(getattr(model, key) == _typed(model, key, request.args[key]))
        return jsonify(paginate(stmt.order_by(*order), lambda o: to_json(o, schema)))

    def created():
        obj = create(db.session, current_user, json_body())
        return jsonify(to_json(obj, schema)), 201

    def detail(ident: int):
        return jsonify(to_json(get_scoped(db.session, current_user, model, ident), schema))

    def changed(ident: int):
        obj = get_scoped(db.session, current_user, model, ident, WRITE)
        update(db.session, current_user, obj, json_body())
        return jsonify(to_json(obj, schema))

    def deleted(ident: int):
        obj = get_scoped(db.session, current_user, model, ident, WRITE)
        delete(db.session, current_user, obj)
        return "", 204

    filters = [INSTITUTION_FILTER] + [param(k) for k in extra_filters]
    listing = operation(f"Daftar {summary} dalam lingkup pengguna", tag=tag, params=filters, response=schema,
                        paged=True)(listing)
    created = operation(f"Menambah {summary}", tag=tag, request=body, response=schema, status=201)(created)
    detail = operation(f"Satu {summary}", tag=tag, response=schema)(detail)
    changed = operation(f"Mengubah {summary} (wajib menyertakan version)", tag=tag, request=body,
                        response=schema)(changed)
    deleted = operation(f"Menghapus {summary} yang salah input", tag=tag, response=None, status=204)(deleted)
    bp.add_url_rule(path, f"{name}_list", listing, methods=["GET"])
    bp.add_url_rule(path, f"{name}_create", created, methods=["POST"])
    bp.add_url_rule(f"{path}/<int:ident>", f"{name}_detail", detail, methods=["GET"])
    bp.add_url_rule(f"{path}/<int:ident>", f"{name}_update", changed, methods=["PATCH"])
    bp.add_url_rule(f"{path}/<int:ident>", f"{name}_delete", deleted, methods=["DELETE"])


resource("/staff", "staff", StaffMember, (m.StaffOut, m.StaffInput), "tenaga", order=(StaffMember.name, StaffMember.id),
         create=registry_staff.create, update=registry_staff.update_staff, delete=registry_staff.delete_staff,
         summary="tenaga LPKS (Pasal 59–62)", extra_filters=("function",))
resource("/positions", "position", OrganisationPosition, (m.PositionOut, m.PositionInput), "organisasi",
         order=(OrganisationPosition.institution_id, OrganisationPosition.position, OrganisationPosition.id),
         create=registry_profile.create_position, update=registry_profile.update_position,
         delete=registry_profile.delete_position, summary="jabatan struktur organisasi (Pasal 58)")
resource("/funding-sources", "funding", FundingSource, (m.FundingOut, m.FundingInput), "dana",
         order=(FundingSource.year.desc(), FundingSource.id), create=registry_funding.create_source,
         update=registry_funding.update_source, delete=registry_funding.delete_source,
         summary="sumber dana (Pasal 66, 88)", extra_filters=("year",))
resource("/financial-reports", "financial_report", FinancialReport, (m.FinancialReportOut, m.FinancialReportInput),
         "dana", order=(FinancialReport.year.desc(), FinancialReport.id), create=registry_funding.create_report,
         update=registry_funding.update_report, delete=registry_funding.delete_report,
         summary="pengelolaan dana tahunan (Pasal 67–68)", extra_filters=("year",))
