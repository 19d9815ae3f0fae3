"""The JSON API under /api/v1: session or bearer-token auth, JSON errors, an OpenAPI document."""
from __future__ import annotations

from flask import Blueprint, abort, g, jsonify, request
from flask_babel import gettext as _

from lpks.extensions import csrf
from lpks.web.api.operations import operation
from lpks.web.api.spec import PREFIX, ROUTES, Route, document

class _APIBlueprint(Blueprint):
    """The blueprint, keeping each rule it is given for the OpenAPI document (lpks.web.api.spec.ROUTES)."""

    def add_url_rule(self, rule, endpoint=None, view_func=None, **options):
        super().add_url_rule(rule, endpoint, view_func, **options)
        methods = tuple(m.upper() for m in options.get("methods") or ("GET",))
        ROUTES.append(Route(PREFIX + rule, endpoint or view_func.__name__, view_func, methods))


bp = _APIBlueprint("api", __name__, url_prefix=PREFIX)
OPENAPI = {"type": "object", "required": ["openapi", "info", "paths"], "properties": {
    "openapi": {"const": "3.1.0"}, "info": {"type": "object"}, "paths": {"type": "object"},
    "components": {"type": "object"}}}


@bp.before_request
def _csrf_for_cookie_sessions():
    """Cookie-authenticated writes need the CSRF token; bearer-token clients carry no cookie risk."""
    if request.method in ("GET", "HEAD", "OPTIONS"):
        return None
    from lpks.web.guard import token_request

    if token_request():
        return None
    csrf.protect()
    return None


@bp.route("/openapi.json")
@operation("Dokumen OpenAPI 3.1 API ini", tag="umum", response=OPENAPI)
def openapi():
    """The OpenAPI 3.1 document of this API."""
    return jsonify(document())


@bp.route("/<path:_unknown>", methods=["GET", "POST", "PUT", "PATCH", "DELETE"])
def unknown(_unknown: str):
    """Unknown API paths answer JSON 404."""
    abort(404)


def json_body() -> dict:
    """The request's JSON object, checked against the request model its operation declares; or a 422 naming the
    field and the rule."""
    from lpks.platform.errors import ServiceError
    from lpks.platform.validation import check_shape

    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ServiceError(_("Badan permintaan harus berupa objek JSON (Content-Type: application/json)."), "body")
    model = g.get("api_request_model")
    if model is not None:
        check_shape(model, data)
    return data


def init_app(app) -> None:
    """Register the API blueprint and its resources."""
    from lpks.accreditation import api as accreditation  # noqa: F401  (routes: accreditation, class rule, issue 4)
    from lpks.cases import api as cases  # noqa: F401  (routes: the child's case and referrals, issue 13)
    from lpks.cases import api_referrals as referrals
    from lpks.cases import api_support as cases_support
    from lpks.intake import api as intake  # noqa: F401  (routes: Dinas Sosial case handling and complaints, issue 14)
    from lpks.platform import api as core  # noqa: F401  (routes)
    from lpks.registry.api import evidence as registry_evidence
    from lpks.registry.api import institutions as registry  # noqa: F401  (routes: registry, issue 3)
    from lpks.registry.api import reach as registry_reach  # noqa: F401  (routes: reach proposals, RULES §3)
    from lpks.registry.api import records as registry_records
    from lpks.registry.api import registrations as registry_registrations  # noqa: F401  (routes: registrations of an LPKS, Pasal 54 ayat 2)
    from lpks.reports import api as reports  # noqa: F401  (routes: figures and yearly reports, issue 15)
    from lpks.residents.api import custody, obligations, residents, rules  # noqa: F401  (routes: residents, placements, titipan, calculators, holidays)  # noqa: F401  (routes: titipan periods; obligations, issue 12)
    from lpks.residents.api import history as residents_history  # noqa: F401  (routes: a child's processing history, UU 27/2022)

    csrf.exempt(bp)
    app.register_blueprint(bp)


__all__ = ["bp", "init_app", "json_body"]
