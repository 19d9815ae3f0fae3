"""The case figures (RULES §6–8 read by §9), where the case areas are installed: cases by the stage reached on the
reference date and by termination reason, referrals by status on that date and by receiver, and the Dinas Sosial's
cases by channel, route and service time; an LPKS's cases fall in its row, a Dinas Sosial's own in the office's."""
from __future__ import annotations

import itertools
from datetime import date

import pytest

pytest.importorskip("lpks.cases.models")

from lpks.reports.compute import compute, totals  # noqa: E402
from lpks.reports.scope import Area, Period  # noqa: E402
from tests.reports.factories import child, institution, user  # noqa: E402

MALANG = "LPKS Cahaya Anak Malang"
NUMBERS = itertools.count(1)
YEAR = Period(date(2025, 1, 1), date(2025, 12, 31), date(2026, 12, 2))


def _case(session, inst=None, region=None, *, opened=date(2025, 2, 1), stages=(), closed=None, reason=None,
          terminated=None):
    from lpks.cases.models import CaseStage, ChildCase
    from lpks.residents.models.resident import Resident

    if inst is not None:
        resident = child(session, inst)
    else:
        resident = Resident(owner_region_code=region, register_number=f"DS-{next(NUMBERS):04d}",
                            initials="A.B.", kind="anak", sex="laki_laki", full_name="Anak Dinas",
                            birth_date=date(2010, 1, 1))
        session.add(resident)
        session.flush()
    owner = {"institution_id": inst.id} if inst is not None else {"owner_region_code": region}
    record = ChildCase(**owner, resident_id=resident.id, origin="penempatan_lpks" if inst else "laporan",
                       stage=stages[-1][0] if stages else "pendekatan_awal", opened_on=opened, closed_on=closed,
                       termination_reason=reason, terminated_on=terminated)
    session.add(record)
    session.flush()
    for stage, on in stages:
        session.add(CaseStage(**owner, case_id=record.id, stage=stage, opened_on=on))
    session.flush()
    return record


def _figures(session, keys, area=Area("kabupaten_kota", "35.73", "Kota Malang"), username="kemensos"):
    data = compute(session, user(session, username), area, YEAR, keys)
    return data, {key: totals(data, key) for key in keys}


def test_cases_by_the_stage_reached_on_the_reference_date(demo, session):
    inst = institution(session, MALANG)
    _case(session, inst, stages=[("pendekatan_awal", date(2025, 2, 1)), ("asesmen", date(2025, 2, 10)),
                                 ("rencana", date(2026, 1, 15))])                  # on 31 Dec 2025: asesmen
    _case(session, inst, stages=[("pendekatan_awal", date(2025, 3, 1))], closed=date(2025, 12, 31))  # closed that day
    _case(session, inst, opened=date(2026, 1, 2), stages=[("pendekatan_awal", date(2026, 1, 2))])  # opened after
    assert _figures(session, ["cases_by_stage"])[1]["cases_by_stage"] == {"asesmen": 1}


def test_terminations_and_referrals(demo, session):
    from lpks.cases.models_referral import Referral

    inst = institution(session, MALANG)
    done = _case(session, inst, reason="completed", terminated=date(2025, 6, 1), closed=date(2025, 9, 1))
    _case(session, inst, reason="ran_away_not_found", terminated=date(2024, 12, 31), closed=date(2024, 12, 31))
    for sent, decided, status, completed, kind in (
            (date(2025, 3, 1), date(2025, 3, 5), "completed", date(2025, 12, 31), "external"),
            (date(2025, 3, 1), date(2026, 1, 5), "accepted", None, "lpks"),      # answered after the year
            (date(2025, 4, 1), date(2025, 4, 2), "declined", None, "lpks"),
            (date(2024, 4, 1), None, "sent", None, "lpks")):                      # sent before the period
        session.add(Referral(institution_id=inst.id, case_id=done.id, receiver_kind=kind,
                             receiver_name="RSUD" if kind == "external" else None,
                             receiver_institution_id=institution(session).id if kind == "lpks" else None,
                             reason="Perlu layanan", services_asked="fisik", sent_on=sent, status=status,
                             decided_on=decided, completed_on=completed))
    session.flush()
    got = _figures(session, ["cases_by_termination", "referrals_by_status", "referrals_by_receiver"])[1]
    assert got["cases_by_termination"] == {"completed": 1}
    assert got["referrals_by_status"] == {"completed": 1, "sent": 1, "declined": 1}
    assert got["referrals_by_receiver"] == {"external": 1, "lpks": 2}


def test_dinas_sosial_cases_by_channel_route_and_service_time_in_the_office_row(demo, session):
    pytest.importorskip("lpks.intake.models")
    from lpks.intake.models import CaseIntake

    rows = [  # received, deadline, issued, days taken, channel, route decided
        (date(2025, 5, 5), date(2025, 5, 12), date(2025, 5, 9), 4, "laporan", date(2025, 5, 7)),
        (date(2025, 5, 5), date(2025, 5, 12), date(2025, 5, 14), 7, "undangan_diversi", None),
        (date(2025, 12, 29), date(2026, 1, 6), None, None, "undangan_rj", None),      # still due on 31 December
        (date(2025, 6, 2), date(2025, 6, 9), None, None, "laporan", None),            # overdue
        (date(2024, 12, 2), date(2024, 12, 9), date(2025, 1, 6), 20, "laporan", None),  # received before
    ]
    for received, deadline, issued, taken, channel, decided in rows:
        case_ = _case(session, region="35.73", opened=received)
        session.add(CaseIntake(owner_region_code="35.73", case_id=case_.id, channel=channel,
                               reporter_kind="orang_tua_wali",
                               received_on=received, service_deadline=deadline, service_product_issued_on=issued,
                               days_taken=taken, route="rj_masyarakat" if decided else None, route_decided_on=decided))
    session.flush()
    keys = ["intake_by_channel", "intake_by_route", "intake_service_time", "intake_days_taken"]
    data, got = _figures(session, keys)
    assert got["intake_by_channel"] == {"laporan": 2, "undangan_diversi": 1, "undangan_rj": 1}
    assert got["intake_by_route"] == {"rj_masyarakat": 1}
    assert got["intake_service_time"] == {"on_time": 1, "late": 1, "due": 1, "overdue": 1}
    assert got["intake_days_taken"] == {"3_5": 1, "6_10": 1, "over_10": 1}
    assert set(data["figures"]["intake_by_channel"]["values"]) == {"office"}  # the office's own row
    province = _figures(session, ["intake_by_channel"], Area("provinsi", "35", "Jawa Timur"))[0]
    assert province["figures"]["intake_by_channel"]["values"]["35.73"] == got["intake_by_channel"]
    operator = _figures(session, ["intake_by_channel"], Area("lpks", institution(session).id, "LPKS"),
                        "operator.pasuruan")[1]
    assert operator["intake_by_channel"] == {}  # an LPKS reads no Dinas Sosial case
