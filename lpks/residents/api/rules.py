"""Deadline calculators (exactly these three, other systems call them) and the holiday calendar (RULES §5)."""
from __future__ import annotations

from flask import jsonify, request
from flask_login import current_user
from sqlalchemy import extract

from lpks.extensions import db
from lpks.platform.models.holiday import Holiday
from lpks.platform.services import holidays
from lpks.residents import calculators
from lpks.residents.schemas import DELETED, HolidayInput, HolidayOut
from lpks.residents.services.common import parse_int
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param

DATE = {"type": "string", "format": "date"}
YEARS = {"type": "array", "items": {"type": "integer"},
         "description": "Tahun yang disentuh perhitungan tetapi belum ada di kalender hari libur (hasilnya "
                        "perkiraan); [] bila kalender lengkap. Penempatan putusan pengadilan dan usia dihitung "
                        "dengan hari kalender, sehingga selalu []."}
ERROR_NOTE = ("Masukan yang dilarang hukum menghasilkan 422 dengan 'field' (nama parameter) dan pesan yang "
              "menyebut Pasal.")


LEVELS = ["penyidikan", "penuntutan", "pengadilan_negeri", "pengadilan_tinggi", "kasasi"]
CUSTODY_ANSWER = {"type": "object", "required": ["last_day", "notice_deadline", "max_days", "calendar_missing_years"],
                  "properties": {"last_day": DATE, "notice_deadline": DATE, "max_days": {"type": "integer"},
                                 "calendar_missing_years": YEARS}}
COURT_ANSWER = {"type": "object", "required": ["last_day", "calendar_missing_years"], "properties": {
    "last_day": DATE, "parole_eligible_from": {"type": ["string", "null"], "format": "date"},
    "calendar_missing_years": YEARS}}
AGE_ANSWER = {"type": "object", "required": ["age", "calendar_missing_years"], "properties": {
    "age": {"type": "integer"}, "route": {"enum": ["under_12", "anak"]}, "calendar_missing_years": YEARS}}


@bp.route("/rules/custody")
@operation("Kalkulator masa titipan: hari terakhir dan batas surat pemberitahuan. " + ERROR_NOTE, tag="kalkulator",
           params=[param("level", required=True, enum=LEVELS), param("start", required=True, format="date"),
                   param("days", kind="integer", required=True, minimum=1)], response=CUSTODY_ANSWER)
def rules_custody():
    """Last day, notice deadline and maximum of a titipan period (Pasal 11 ayat 3–4)."""
    calculators.require_user(current_user)
    return jsonify(calculators.custody(db.session, request.args))


@bp.route("/rules/court-placement")
@operation("Kalkulator penempatan putusan pengadilan: hari terakhir dan pembebasan bersyarat. " + ERROR_NOTE,
           tag="kalkulator", response=COURT_ANSWER,
           params=[param("start", required=True, format="date"),
                   param("months", kind="integer", required=True, minimum=1, maximum=12)])
def rules_court_placement():
    """Last day and parole eligibility of a court-ordered placement (Pasal 13 ayat 4 and 6)."""
    calculators.require_user(current_user)
    return jsonify(calculators.court_placement(db.session, request.args))


@bp.route("/rules/age")
@operation("Kalkulator usia pada tanggal tindak pidana dan jalurnya. " + ERROR_NOTE, tag="kalkulator",
           params=[param("born", required=True, format="date"), param("offence", required=True, format="date")],
           response=AGE_ANSWER)
def rules_age():
    """Age on the offence date and the route (Pasal 1 angka 3; Pasal 9 ayat 1 huruf a)."""
    calculators.require_user(current_user)
    return jsonify(calculators.age(db.session, request.args))


# --- holiday calendar -----------------------------------------------------------------------------------------


def holiday_json(holiday: Holiday) -> dict:
    """A calendar date as JSON."""
    return {"id": holiday.id, "date": holiday.day.isoformat(), "name": holiday.name, "kind": holiday.kind,
            "source": holiday.source, "version": holiday.version}


@bp.route("/holidays")
@operation("Kalender hari libur nasional dan cuti bersama", tag="kalender", params=[param("year", kind="integer")],
           response=HolidayOut, paged=True)
def holiday_list():
    """The holiday calendar, optionally one year."""
    stmt = scoped_select(current_user, Holiday).order_by(Holiday.day)
    if request.args.get("year"):
        year = parse_int(request.args["year"], "year", "Parameter 'year'")
        stmt = stmt.where(extract("year", Holiday.day) == year)
    return jsonify(paginate(stmt, holiday_json))


@bp.route("/holidays", methods=["POST"])
@operation("Menambah tanggal libur (Kementerian Sosial); tenggat titipan dihitung ulang", tag="kalender",
           request=HolidayInput, response=HolidayOut, status=201)
def holiday_create():
    """Add a date (Kementerian Sosial)."""
    return jsonify(holiday_json(holidays.create(db.session, current_user, json_body()))), 201


@bp.route("/holidays/<int:ident>")
@operation("Satu tanggal libur", tag="kalender", response=HolidayOut)
def holiday_detail(ident: int):
    """One date of the calendar."""
    return jsonify(holiday_json(get_scoped(db.session, current_user, Holiday, ident)))


@bp.route("/holidays/<int:ident>", methods=["PATCH"])
@operation("Mengubah tanggal libur (wajib menyertakan version)", tag="kalender", request=HolidayInput,
           response=HolidayOut)
def holiday_update(ident: int):
    """Change a date (Kementerian Sosial; with version)."""
    holiday = get_scoped(db.session, current_user, Holiday, ident, WRITE)
    return jsonify(holiday_json(holidays.update(db.session, current_user, holiday, json_body())))


@bp.route("/holidays/<int:ident>", methods=["DELETE"])
@operation("Menghapus tanggal libur", tag="kalender", response=DELETED)
def holiday_delete(ident: int):
    """Remove a date (Kementerian Sosial)."""
    holidays.delete(db.session, current_user, get_scoped(db.session, current_user, Holiday, ident, WRITE))
    return jsonify({"deleted": ident})
