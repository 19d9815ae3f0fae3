"""A child's processing history (UU 27/2022) as JSON: scoped and audited like the identity."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user

from lpks.extensions import db
from lpks.residents import history as residents_history
from lpks.residents.api.residents import TAG_R
from lpks.residents.schemas import INT, STR, _obj
from lpks.web.api import bp
from lpks.web.api.paging import PAGING_PARAMS
from lpks.web.api.operations import operation

NULL_STR = {"type": ["string", "null"]}
HISTORY_SCHEMA = _obj(resident=_obj(id=INT, register_number=STR, initials=STR), page=INT, per_page=INT, total=INT,
                      items={"type": "array", "items": _obj(
                          id=INT, at={"type": "string", "format": "date-time"}, username=NULL_STR, role=NULL_STR,
                          action=STR, object_type=NULL_STR, object_id=NULL_STR,
                          fields={"type": "array", "items": STR})})


@bp.route("/residents/<int:ident>/history")
@operation("Riwayat pemrosesan data anak: siapa melihat, mengubah atau mengekspor, kapan; nama kolom saja (operator "
           "LPKS, Dinas Sosial kabupaten/kota; dicatat di jejak audit)", tag=TAG_R, response=HISTORY_SCHEMA,
           params=PAGING_PARAMS)
def resident_history(ident: int):
    """Who viewed, changed or exported the child's record, when; field names only. Audited as view_history."""
    result = residents_history.history_page(db.session, current_user, ident, request.args.get("page"),
                                            request.args.get("per_page"))
    resident = result.pop("resident")
    items = [{**item, "at": item["at"].isoformat()} for item in result["items"]]
    return jsonify({**result, "items": items, "resident": {"id": resident.id, "initials": resident.initials,
                                                           "register_number": resident.register_number}})
