"""Reports API (issue 15, RULES §9): the figures of an area and period, and the yearly reports with their steps.
Every route reaches the same computation and services as the pages, with the same checks."""
from __future__ import annotations

from flask import jsonify, request
from flask_babel import gettext as _
from flask_login import current_user

from lpks.extensions import db
from lpks.platform.errors import ServiceError
from lpks.reports import queries
from lpks.reports.compute import compute
from lpks.reports.present import texts, views
from lpks.reports.schemas import (
    AnnualReportCreate,
    AnnualReportDetailOut,
    AnnualReportOut,
    AnnualReportUpdate,
    FigureSetOut,
    OverviewOut,
    TransitionIn,
)
from lpks.reports.scope import parse_area, parse_period
from lpks.reports.serialize import figure_set, overview_json, report_detail, report_json
from lpks.reports.services import annual
from lpks.platform.validation import parse
from lpks.residents.services.common import locale_code
from lpks.rules.reporting import Level, State
from lpks.security.areas import masks_small_cells
from lpks.web.api import bp, json_body
from lpks.web.api.paging import paginate
from lpks.web.api.operations import operation, param

TAG = "laporan"


def validated(model, data: dict) -> dict:
    """The body checked against its model: a 422 naming each field refused and its rule."""
    return parse(model, data).model_dump(exclude_unset=True)


def _year(required: bool = False) -> int | None:
    raw = request.args.get("year")
    if raw is None or raw == "":
        if required:
            raise ServiceError(_("Parameter 'year' wajib diisi."), "year")
        return None
    if not raw.isdigit():
        raise ServiceError(_("Parameter 'year' harus bilangan bulat."), "year")
    return int(raw)



@bp.route("/reports/figures")
@operation("Angka data LPKS dan penerima layanan (RULES §9; Pasal 85 huruf h, 86 huruf f, 87 huruf f) untuk satu "
           "wilayah dan periode, masing-masing dengan definisinya: apa yang dihitung dan pada tanggal apa. Sel yang "
           "menghitung 1–2 anak ditampilkan '< 3' bagi pengguna provinsi dan nasional. Wilayah di luar jangkauan "
           "pengguna → 404.", tag=TAG,
           params=[param("scope", description="'nasional', kode provinsi ('35'), kode kabupaten/kota ('35.75') atau "
                         "'lpks-<id>'; bawaan: wilayah pengguna"),
                   param("from", format="date", description="Awal periode (bawaan: 1 Januari tahun berjalan)"),
                   param("to", format="date", description="Akhir periode (bawaan: 31 Desember tahun awal periode)")],
           response=FigureSetOut)
def report_figures():
    """Every figure of RULES §9 for an area and a period, with its definition (masked below 3 for province and
    national readers)."""
    area = parse_area(db.session, current_user, request.args.get("scope"))
    period = parse_period(request.args.get("from"), request.args.get("to"))
    data = compute(db.session, current_user, area, period)
    masked = masks_small_cells(current_user)
    text = texts(data["figures"].keys(), {k: f["categories"] for k, f in data["figures"].items()})
    return jsonify(figure_set(data, views(data, text, masked), masked))


@bp.route("/reports/annual")
@operation("Laporan tahunan yang terlihat oleh pengguna: milik kantornya (semua revisi, termasuk draf) dan yang "
           "sudah dikirim kantor di bawahnya", tag=TAG,
           params=[param("year", kind="integer"), param("state", enum=[s.value for s in State]),
                   param("level", enum=[lv.value for lv in Level])], response=AnnualReportOut, paged=True)
def annual_list():
    """The yearly reports the user sees (own office's and the submitted ones of the offices below)."""
    state = request.args.get("state")
    if state and state not in {s.value for s in State}:
        raise ServiceError(_("Parameter 'state' tidak dikenal: %(state)s.", state=state), "state")
    level = request.args.get("level")
    if level and level not in {lv.value for lv in Level}:
        raise ServiceError(_("Parameter 'level' tidak dikenal: %(level)s.", level=level), "level")
    queries.office(current_user)
    stmt = queries.listing(current_user, _year(), state, level)
    return jsonify(paginate(stmt, lambda report: report_json(db.session, current_user, report)))


@bp.route("/reports/annual", methods=["POST"])
@operation("Membuka draf laporan tahunan kantor pengguna (Pasal 91–92); satu per tahun, koreksi sebagai revisi",
           tag=TAG, request=AnnualReportCreate, response=AnnualReportOut, status=201)
def annual_create():
    """Open the draft of the user's office's report for a year."""
    data = validated(AnnualReportCreate, json_body())
    report = annual.create(db.session, current_user, data)
    return jsonify(report_json(db.session, current_user, report)), 201


@bp.route("/reports/annual/overview")
@operation("Laporan kantor pengguna untuk satu tahun dan setiap kantor di bawahnya dengan status kirimannya; yang "
           "belum mengirim tercantum di 'missing'", tag=TAG,
           params=[param("year", kind="integer", required=True),
                   param("scope", description="kode kantor di bawah (bawaan: kantor pengguna)")],
           response=OverviewOut)
def annual_overview():
    """The user's office's reports of a year, and each office below with what it has sent (or not)."""
    year = _year(required=True)
    level, code = queries.office_named(request.args.get("scope"))
    return jsonify(overview_json(db.session, current_user, queries.overview(db.session, current_user, year,
                                                                             level, code)))


@bp.route("/reports/annual/<int:ident>")
@operation("Satu laporan: catatan, angka (snapshot beku setelah dikirim; langsung untuk draf), laporan yang dihimpun "
           "dan kantor yang belum mengirim", tag=TAG, response=AnnualReportDetailOut)
def annual_detail(ident: int):
    """One report with its figures (the frozen snapshot once submitted), its compiled parts and who is missing."""
    report = queries.get(db.session, current_user, ident)
    return jsonify(report_detail(db.session, current_user, report, locale_code(), masks_small_cells(current_user)))


@bp.route("/reports/annual/<int:ident>", methods=["PATCH"])
@operation("Menulis evaluasi dan rencana tahun berikutnya pada draf (Pasal 90)", tag=TAG,
           request=AnnualReportUpdate, response=AnnualReportOut)
def annual_update(ident: int):
    """Write the draft's evaluation and next year's plan (Pasal 90)."""
    report = queries.get(db.session, current_user, ident)
    annual.update(db.session, current_user, report, validated(AnnualReportUpdate, json_body()))
    return jsonify(report_json(db.session, current_user, report))


@bp.route("/reports/annual/<int:ident>/transitions", methods=["POST"])
@operation("Langkah laporan: compile (menghimpun laporan tingkat di bawah yang sudah diterima), submit (membekukan "
           "angka dan mengirim), receive (oleh kantor di atasnya), revise (revisi baru dengan alasan; jawaban 201 "
           "berisi draf revisi)", tag=TAG, request=TransitionIn, response=AnnualReportOut,
           status=200, responses={201: AnnualReportOut})
def annual_transition(ident: int):
    """compile, submit, receive or revise (a revision answers 201 with the new draft)."""
    report = queries.get(db.session, current_user, ident)
    data = validated(TransitionIn, json_body())
    result = annual.transition(db.session, current_user, report, data)
    return jsonify(report_json(db.session, current_user, result)), 201 if result is not report else 200
