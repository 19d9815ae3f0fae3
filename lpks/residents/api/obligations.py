"""Obligations around a placement (issue 12): the under-12 court determination (Pasal 10 ayat 3) and, in the
following modules' routes, the school exam, the progress reports and the Pasal 14 meeting. Same services as the
placement page."""
from __future__ import annotations

from flask import jsonify
from flask_login import current_user

from lpks.extensions import db
from lpks.residents.api.residents import TAG_P, _placement_json
from lpks.residents.models.obligations import MinimumWage, SchoolExamRequest
from lpks.residents.models.placement import Placement
from lpks.residents.schemas import (
    COURT_INPUT,
    MEETING_INPUT,
    PLACEMENT_SCHEMA,
    PROGRESS_REPORT_INPUT,
    SCHOOL_EXAM_ANSWER,
    SCHOOL_EXAM_INPUT,
    MinimumWageInput,
    MinimumWageOut,
)
from lpks.residents.services import minimum_wages, pre_process, reports, under12
from lpks.security import WRITE
from lpks.security.access import get_scoped, scoped_select
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation



@bp.route("/placements/<int:ident>/court-determination", methods=["POST"])
@operation("Anak belum 12 tahun: tanggal pengajuan keputusan musyawarah ke pengadilan (batas penetapan = pengajuan + "
           "3 hari, Pasal 10 ayat 3), lalu nomor dan tanggal penetapannya", tag=TAG_P, request=COURT_INPUT,
           response=PLACEMENT_SCHEMA)
def placement_court_determination(ident: int):
    """Record the submission of an under-12 meeting decision to the court, then the court's determination."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    under12.record_court(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement))


# --- the Pasal 14 meeting, school exams, progress reports ---------------------------------------------------------

@bp.route("/placements/<int:ident>/meeting", methods=["POST"])
@operation("Kesepakatan musyawarah Pasal 14 (sebelum admisi): tanggal, tempat (pusat kesejahteraan sosial), "
           "pemrakarsa (peksos/tks), peserta menurut kategori ayat 5–6, hasil", tag=TAG_P, request=MEETING_INPUT,
           response=PLACEMENT_SCHEMA, status=201)
def placement_meeting(ident: int):
    """Record the Pasal 14 meeting's agreement (before admission)."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    pre_process.record_meeting(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement)), 201


@bp.route("/placements/<int:ident>/school-exams", methods=["POST"])
@operation("Permohonan izin mengikuti ujian sekolah bagi anak titipan kepada penyidik (Pasal 11 ayat 8)", tag=TAG_P,
           request=SCHOOL_EXAM_INPUT, response=PLACEMENT_SCHEMA, status=201)
def placement_school_exam(ident: int):
    """Record the LPKS head's request to the investigator for a school exam (Pasal 11 ayat 8)."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    reports.request_exam(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement)), 201


@bp.route("/school-exams/<int:ident>/answer", methods=["POST"])
@operation("Jawaban penyidik atas permohonan ujian sekolah", tag=TAG_P, request=SCHOOL_EXAM_ANSWER,
           response=PLACEMENT_SCHEMA)
def school_exam_answer(ident: int):
    """Record the investigator's answer and its date."""
    row = get_scoped(db.session, current_user, SchoolExamRequest, ident, WRITE)
    reports.record_exam_answer(db.session, current_user, row, json_body())
    return jsonify(_placement_json(db.session.get(Placement, row.placement_id)))


@bp.route("/placements/<int:ident>/progress-reports", methods=["POST"])
@operation("Laporan perkembangan anak (Pasal 13 ayat 5) oleh Pekerja Sosial Profesional LPKS; penilaian perilaku "
           "laporan terakhir dipakai untuk pembebasan bersyarat (ayat 6)", tag=TAG_P, request=PROGRESS_REPORT_INPUT,
           response=PLACEMENT_SCHEMA, status=201)
def placement_progress_report(ident: int):
    """Record a progress report (Pasal 13 ayat 5); the latest one's behaviour assessment is parole's."""
    placement = get_scoped(db.session, current_user, Placement, ident, WRITE)
    reports.add_report(db.session, current_user, placement, json_body())
    return jsonify(_placement_json(placement)), 201


# --- the UMP table (Pasal 14 ayat 1 huruf e) ----------------------------------------------------------------------

def wage_json(row: MinimumWage) -> dict:
    """A UMP row as JSON."""
    return {"id": row.id, "province_code": row.province_code, "year": row.year, "amount": row.amount,
            "decree": row.decree, "version": row.version}


@bp.route("/minimum-wages")
@operation("Tabel upah minimum provinsi (Pasal 14 ayat 1 huruf e)", tag=TAG_P, response=MinimumWageOut, paged=True)
def minimum_wage_list():
    """The UMP table (every role with child data reads it)."""
    stmt = scoped_select(current_user, MinimumWage).order_by(MinimumWage.year.desc(), MinimumWage.province_code)
    return jsonify(paginate(stmt, wage_json))


@bp.route("/minimum-wages", methods=["POST"])
@operation("Menambah UMP satu provinsi dan tahun (Kementerian Sosial)", tag=TAG_P, request=MinimumWageInput,
           response=MinimumWageOut, status=201)
def minimum_wage_create():
    """Add the UMP of a province and year (Kementerian Sosial)."""
    return jsonify(wage_json(minimum_wages.create(db.session, current_user, json_body()))), 201


@bp.route("/minimum-wages/<int:ident>", methods=["PATCH"])
@operation("Mengoreksi UMP (Kementerian Sosial; wajib version)", tag=TAG_P, request=MinimumWageInput,
           response=MinimumWageOut)
def minimum_wage_update(ident: int):
    """Correct a UMP row (Kementerian Sosial; with version)."""
    row = get_scoped(db.session, current_user, MinimumWage, ident, WRITE)
    return jsonify(wage_json(minimum_wages.update(db.session, current_user, row, json_body())))
