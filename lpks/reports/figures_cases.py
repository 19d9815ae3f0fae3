"""The case figures of RULES §9, one declaration each: cases by stage and termination reason, referrals (RULES §6–7),
and the Dinas Sosial's cases by channel, route and service time (RULES §8). Declared only where the case areas are
installed: lpks.reports.figures imports this module when lpks.cases (and, for the intake figures, lpks.intake)
exists."""
from __future__ import annotations

import importlib.util

from flask_babel import lazy_gettext as _l

from lpks.reports import sources_cases as sql
from lpks.reports.registry import (
    Figure,
    declare,
    enum_labels,
    fixed,
    mapped_labels,
    section,
)
from lpks.rules import ExitReason
from lpks.rules.case_stages import Stage
from lpks.rules.referrals import ReceiverKind, ReferralStatus

CASES = _l("kasus")
section("cases", _l("Kasus anak: tahap, terminasi dan rujukan"))

declare(Figure(
    "cases_by_stage", "cases", _l("Kasus menurut tahap rehabilitasi"),
    _l("Kasus anak yang terbuka pada tanggal acuan (dibuka paling lambat tanggal itu dan belum ditutup), menurut "
       "tahap Pasal 18 ayat 1 yang telah dicapai pada tanggal itu (tahap terakhir yang dibuka), milik LPKS atau Dinas "
       "Sosial yang menanganinya sendiri."),
    CASES, sql.cases_by_stage, fixed(s.value for s in Stage), enum_labels(Stage)))
declare(Figure(
    "cases_by_termination", "cases", _l("Kasus diterminasi menurut alasan"),
    _l("Kasus yang tanggal terminasinya jatuh dalam periode, menurut alasan terminasi Pasal 33 ayat 2."),
    CASES, sql.terminations_by_reason, fixed(r.value for r in ExitReason if r.is_termination),
    enum_labels(ExitReason), headline=True))
declare(Figure(
    "referrals_by_status", "cases", _l("Rujukan menurut status"),
    _l("Rujukan (Pasal 35 ayat 1 huruf k, Pasal 46) yang dikirim dalam periode oleh LPKS atau Dinas Sosial wilayah "
       "ini, menurut statusnya pada tanggal acuan: dikirim, diterima, ditolak, selesai."),
    _l("rujukan"), sql.referrals_by(lambda ctx: sql.referral_status_on(ctx.period.reference)),
    fixed(s.value for s in ReferralStatus), enum_labels(ReferralStatus), headline=True))
declare(Figure(
    "referrals_by_receiver", "cases", _l("Rujukan menurut penerima"),
    _l("Rujukan yang dikirim dalam periode oleh LPKS atau Dinas Sosial wilayah ini, menurut penerimanya: LPKS atau "
       "Dinas Sosial dalam sistem, atau layanan di luar sistem."),
    _l("rujukan"), sql.referrals_by(lambda ctx: sql.Referral.receiver_kind), fixed(k.value for k in ReceiverKind),
    enum_labels(ReceiverKind)))

if importlib.util.find_spec("lpks.intake") is not None:
    from lpks.rules.intake import Channel, IntakeRoute
    from lpks.rules.service_time import ServiceState

    section("intake", _l("Penanganan kasus oleh Dinas Sosial"))
    DAY_LABELS = {"0_2": _l("0–2 hari kerja"), "3_5": _l("3–5 hari kerja"), "6_10": _l("6–10 hari kerja"),
                  "over_10": _l("Lebih dari 10 hari kerja")}
    declare(Figure(
        "intake_by_channel", "intake", _l("Kasus Dinas Sosial menurut jalur masuk"),
        _l("Laporan dan undangan yang diterima Dinas Sosial kabupaten/kota dalam periode (tanggal diterima), menurut "
           "jalurnya: laporan, undangan keadilan restoratif, undangan diversi."),
        CASES, sql.intake_by(lambda ctx, i: i.channel, lambda i: i.received_on), fixed(c.value for c in Channel),
        enum_labels(Channel), headline=True))
    declare(Figure(
        "intake_by_route", "intake", _l("Kasus Dinas Sosial menurut jalur penanganan"),
        _l("Kasus Dinas Sosial yang jalur penanganannya diputuskan dalam periode (setelah temu bahas kasus), menurut "
           "jalurnya: keadilan restoratif di masyarakat atau pendampingan ke UPPA dan diversi."),
        CASES, sql.intake_by(lambda ctx, i: i.route, lambda i: i.route_decided_on), fixed(r.value for r in IntakeRoute),
        enum_labels(IntakeRoute)))
    declare(Figure(
        "intake_service_time", "intake", _l("Waktu layanan Dinas Sosial (5 hari kerja)"),
        _l("Laporan dan undangan yang diterima dalam periode, menurut waktu layanannya pada tanggal acuan: produk "
           "terbit paling lambat hari kerja ke-5 setelah diterima (tepat waktu) atau sesudahnya (terlambat), atau "
           "belum terbit (berjalan, atau lewat batas)."),
        CASES, sql.intake_by(sql.service_state_on, lambda i: i.received_on), fixed(s.value for s in ServiceState),
        enum_labels(ServiceState), headline=True))
    declare(Figure(
        "intake_days_taken", "intake", _l("Hari kerja sampai produk layanan terbit"),
        _l("Produk layanan Dinas Sosial yang terbit dalam periode, menurut hari kerja yang dipakai sejak laporan atau "
           "undangan diterima (hari diterima = hari 0)."),
        CASES, sql.intake_by(sql.days_bucket, lambda i: i.service_product_issued_on), fixed(DAY_LABELS),
        mapped_labels(DAY_LABELS)))
