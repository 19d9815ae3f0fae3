"""Titipan periods through the API: list, detail, correction, extensions and the notice (Pasal 11 ayat 3–4)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.extensions import db
from lpks.residents.api.residents import (
    DATE,
    ID,
    INT,
    PERIOD_INPUT,
    PERIOD_SCHEMA,
    STR,
    TAG_C,
    _filter_int,
    _obj,
    _period_json,
)
from lpks.residents.models.custody import CustodyPeriod
from lpks.residents.models.placement import STATUS_PRESENT
from lpks.residents.services import custody
from lpks.residents.services import placement_status as placements_status
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import PAGING_PARAMS, paginate
from lpks.web.api.spec import describe, param

# --- custody periods ------------------------------------------------------------------------------------------

@bp.route("/custody-periods")
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
def custody_detail(ident: int):
    """One titipan period with its extensions."""
    return jsonify(_period_json(get_scoped(db.session, current_user, CustodyPeriod, ident)))


@bp.route("/custody-periods/<int:ident>", methods=["PATCH"])
def custody_update(ident: int):
    """Correct an open period (with version)."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    return jsonify(_period_json(custody.update_period(db.session, current_user, period, json_body())))


@bp.route("/custody-periods/<int:ident>/extensions", methods=["POST"])
def custody_extend(ident: int):
    """Extend a period (authority, letter, days), never past the level's maximum."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    custody.add_extension(db.session, current_user, period, json_body())
    return jsonify(_period_json(period)), 201


@bp.route("/custody-periods/<int:ident>/notice", methods=["POST"])
def custody_notice(ident: int):
    """Record the sending of the notice of the end of titipan."""
    period = get_scoped(db.session, current_user, CustodyPeriod, ident, WRITE)
    return jsonify(_period_json(custody.record_notice(db.session, current_user, period, json_body())))


describe("/custody-periods", "get", "Daftar masa titipan", tag=TAG_C, params=PAGING_PARAMS + [
    param("placement_id", kind="integer"), param("status"), param("level")])
describe("/custody-periods/{id}", "get", "Satu masa titipan", params=ID, response=PERIOD_SCHEMA, tag=TAG_C)
describe("/custody-periods/{id}", "patch", "Mengoreksi masa titipan (wajib menyertakan version)", params=ID,
         body=PERIOD_INPUT, response=PERIOD_SCHEMA, tag=TAG_C)
describe("/custody-periods/{id}/extensions", "post", "Mencatat perpanjangan", params=ID, tag=TAG_C,
         body=_obj(authority=STR, letter_number=STR, letter_date=DATE, days=INT), response=PERIOD_SCHEMA)
describe("/custody-periods/{id}/notice", "post", "Mencatat pengiriman surat pemberitahuan", params=ID, tag=TAG_C,
         body=_obj(notice_sent_on=DATE, notice_number=STR), response=PERIOD_SCHEMA)
