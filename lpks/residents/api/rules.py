"""Deadline calculators (exactly these three, other systems call them) and the holiday calendar (RULES §5)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import extract

from lpks.extensions import db
from lpks.platform.models.holiday import Holiday
from lpks.platform.services import holidays
from lpks.residents import calculators
from lpks.residents.services.common import parse_int
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import PAGING_PARAMS, paginate
from lpks.web.api.spec import describe, param

DATE = {"type": "string", "format": "date"}
YEARS = {"type": "array", "items": {"type": "integer"},
         "description": "Tahun yang disentuh perhitungan tetapi belum ada di kalender hari libur (hasilnya "
                        "perkiraan); [] bila kalender lengkap. Penempatan putusan pengadilan dan usia dihitung "
                        "dengan hari kalender, sehingga selalu []."}
ERROR_NOTE = ("Masukan yang dilarang hukum menghasilkan 422 dengan 'field' (nama parameter) dan pesan yang "
              "menyebut Pasal.")


@bp.route("/rules/custody")
def rules_custody():
    """Last day, notice deadline and maximum of a titipan period (Pasal 11 ayat 3–4)."""
    calculators.require_user(current_user)
    return jsonify(calculators.custody(db.session, request.args))


@bp.route("/rules/court-placement")
def rules_court_placement():
    """Last day and parole eligibility of a court-ordered placement (Pasal 13 ayat 4 and 6)."""
    calculators.require_user(current_user)
    return jsonify(calculators.court_placement(db.session, request.args))


@bp.route("/rules/age")
def rules_age():
    """Age on the offence date and the route (Pasal 1 angka 3; Pasal 9 ayat 1 huruf a)."""
    calculators.require_user(current_user)
    return jsonify(calculators.age(db.session, request.args))


LEVELS = ["penyidikan", "penuntutan", "pengadilan_negeri", "pengadilan_tinggi", "kasasi"]
describe("/rules/custody", "get", "Kalkulator masa titipan: hari terakhir dan batas surat pemberitahuan. " + ERROR_NOTE,
         tag="kalkulator", params=[param("level", required=True, enum=LEVELS),
                                   param("start", required=True, format="date"),
                                   param("days", kind="integer", required=True, minimum=1)],
         response={"type": "object", "properties": {"last_day": DATE, "notice_deadline": DATE,
                                                    "max_days": {"type": "integer"},
                                                    "calendar_missing_years": YEARS}})
describe("/rules/court-placement", "get", "Kalkulator penempatan putusan pengadilan: hari terakhir dan pembebasan "
         "bersyarat. " + ERROR_NOTE, tag="kalkulator",
         params=[param("start", required=True, format="date"),
                 param("months", kind="integer", required=True, minimum=1, maximum=12)],
         response={"type": "object", "properties": {"last_day": DATE,
                                                    "parole_eligible_from": {"type": ["string", "null"],
                                                                             "format": "date"},
                                                    "calendar_missing_years": YEARS}})
describe("/rules/age", "get", "Kalkulator usia pada tanggal tindak pidana dan jalurnya. " + ERROR_NOTE,
         tag="kalkulator", params=[param("born", required=True, format="date"),
                                   param("offence", required=True, format="date")],
         response={"type": "object", "properties": {"age": {"type": "integer"},
                                                    "route": {"enum": ["under_12", "anak"]},
                                                    "calendar_missing_years": YEARS}})


# --- holiday calendar -----------------------------------------------------------------------------------------

HOLIDAY_SCHEMA = {"type": "object", "properties": {
    "id": {"type": "integer"}, "date": DATE, "name": {"type": "string"},
    "kind": {"enum": ["national", "cuti_bersama"]}, "source": {"enum": ["seeded", "manual"]},
    "version": {"type": "integer"}}}
ID = [param("id", "path", "integer")]


def holiday_json(holiday: Holiday) -> dict:
    """A calendar date as JSON."""
    return {"id": holiday.id, "date": holiday.day.isoformat(), "name": holiday.name, "kind": holiday.kind,
            "source": holiday.source, "version": holiday.version}


@bp.route("/holidays")
def holiday_list():
    """The holiday calendar, optionally one year."""
    stmt = scoped_select(current_user, Holiday).order_by(Holiday.day)
    if request.args.get("year"):
        year = parse_int(request.args["year"], "year", "Parameter 'year'")
        stmt = stmt.where(extract("year", Holiday.day) == year)
    return jsonify(paginate(stmt, holiday_json))


@bp.route("/holidays", methods=["POST"])
def holiday_create():
    """Add a date (Kementerian Sosial)."""
    return jsonify(holiday_json(holidays.create(db.session, current_user, json_body()))), 201


@bp.route("/holidays/<int:ident>")
def holiday_detail(ident: int):
    """One date of the calendar."""
    return jsonify(holiday_json(get_scoped(db.session, current_user, Holiday, ident)))


@bp.route("/holidays/<int:ident>", methods=["PATCH"])
def holiday_update(ident: int):
    """Change a date (Kementerian Sosial; with version)."""
    holiday = get_scoped(db.session, current_user, Holiday, ident, WRITE)
    return jsonify(holiday_json(holidays.update(db.session, current_user, holiday, json_body())))


@bp.route("/holidays/<int:ident>", methods=["DELETE"])
def holiday_delete(ident: int):
    """Remove a date (Kementerian Sosial)."""
    holidays.delete(db.session, current_user, get_scoped(db.session, current_user, Holiday, ident, WRITE))
    return jsonify({"deleted": ident})


describe("/holidays", "get", "Kalender hari libur nasional dan cuti bersama", tag="kalender",
         params=PAGING_PARAMS + [param("year", kind="integer")])
describe("/holidays", "post", "Menambah tanggal libur (Kementerian Sosial); tenggat titipan dihitung ulang",
         body=HOLIDAY_SCHEMA, response=HOLIDAY_SCHEMA, tag="kalender")
describe("/holidays/{id}", "get", "Satu tanggal libur", params=ID, response=HOLIDAY_SCHEMA, tag="kalender")
describe("/holidays/{id}", "patch", "Mengubah tanggal libur (wajib menyertakan version)", params=ID,
         body=HOLIDAY_SCHEMA, response=HOLIDAY_SCHEMA, tag="kalender")
describe("/holidays/{id}", "delete", "Menghapus tanggal libur", params=ID, tag="kalender")
