"""Titipan periods through the API: list, detail, correction, extensions and the notice (Pasal 11 ayat 3–4)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.extensions import db
from lpks.residents.api.residents import TAG_C, _filter_int, _period_json
from lpks.residents.schemas import EXTENSION_INPUT, NOTICE_INPUT, PERIOD_INPUT, PERIOD_SCHEMA
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT
from lpks.residents.services import custody
from lpks.residents.services import placement_status as placements_status
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param

# --- custody periods ------------------------------------------------------------------------------------------

@bp.route("/custody-periods")
@operation("Daftar masa titipan", tag=TAG_C,
           params=[param("placement_id", kind="integer"), param("status"), param("level")], paged=True)
def custody_list():
    """Titipan periods in scope with last day and notice deadline."""
    stmt = scoped_select(current_user, CustodyPeriod).order_by(CustodyPeriod.notice_deadline, CustodyPeriod.id)
    if (placement := _filter_int("placement_id")) is not None:
        stmt = stmt.where(CustodyPeriod.placement_id == placement)
    for name in ("status", "level"):
        if request.args.get(name):
            stmt = stmt.where(getattr(CustodyPeriod, name) == request.args[name])
    page = paginate(stmt, lambda period: period)
    extensions = placements_status.extensions_by_period(db.session, page["items"])
    page["items"] = [placements_status.period_state(db.session, period, period.placement.status == STATUS_PRESENT,
                                                    extensions[period.id]) for period in page["items"]]
    return jsonify(page)


@bp.route("/custody-periods/<int:ident>")
@operation("Satu masa titipan", tag=TAG_C, response=PERIOD_SCHEMA)
def custody_detail(ident: int):
    """One titipan period with its extensions."""
    return jsonify(_period_json(get_scoped(db.session, current_user, CustodyPeriod, ident)))


@bp.route("/custody-periods/<int:ident>", methods=["PATCH"])
@operation("Mengoreksi masa titipan (wajib menyertakan version)", tag=TAG_C, request=PERIOD_INPUT,
           response=PERIOD_SCHEMA)
def custody_update(ident: int):
    """Correct an open period (with version)."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    return jsonify(_period_json(custody.update_period(db.session, current_user, period, json_body())))


@bp.route("/custody-periods/<int:ident>/extensions", methods=["POST"])
@operation("Mencatat perpanjangan", tag=TAG_C, request=EXTENSION_INPUT, response=PERIOD_SCHEMA, status=201)
def custody_extend(ident: int):
    """Extend a period (authority, letter, days), never past the level's maximum."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    custody.add_extension(db.session, current_user, period, json_body())
    return jsonify(_period_json(period)), 201


@bp.route("/custody-periods/<int:ident>/notice", methods=["POST"])
@operation("Mencatat pengiriman surat pemberitahuan", tag=TAG_C, request=NOTICE_INPUT, response=PERIOD_SCHEMA)
def custody_notice(ident: int):
    """Record the sending of the notice of the end of titipan."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    return jsonify(_period_json(custody.record_notice(db.session, current_user, period, json_body())))
