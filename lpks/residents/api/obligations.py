"""Obligations around a placement (issue 12): the under-12 court determination (Pasal 10 ayat 3) and, in the
following modules' routes, the school exam, the progress reports and the Pasal 14 meeting. Same services as the
placement page."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.residents.api.residents import ID, PLACEMENT_SCHEMA, TAG_P, _obj, _placement_json, DATE, STR
from lpks.residents.models.placement import Placement
from lpks.residents.services import under12
from lpks.security import WRITE
from lpks.security.access import get_scoped
from lpks.web.api import bp, json_body
from lpks.web.api.spec import describe


@bp.route("/placements/<int:ident>/court-determination", methods=["POST"])
def placement_court_determination(ident: int):
    """Record the submission of an under-12 meeting decision to the court, then the court's determination."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    under12.record_court(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement))


describe("/placements/{id}/court-determination", "post", "Anak belum 12 tahun: tanggal pengajuan keputusan "
         "musyawarah ke pengadilan (batas penetapan = pengajuan + 3 hari, Pasal 10 ayat 3), lalu nomor dan tanggal "
         "penetapannya", params=ID, tag=TAG_P, response=PLACEMENT_SCHEMA,
         body=_obj(court_submitted_on=DATE, court_determination_number=STR, court_determination_date=DATE))
