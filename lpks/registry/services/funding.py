"""Funding sources per year (Pasal 66, 88) and the yearly fund management record (Pasal 67 ayat (3), 68)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation.registry_catalogue import FUNDING_SOURCES, codes
from lpks.platform.dates import parse_date
from lpks.platform.errors import Conflict
from lpks.registry.models.funding import FinancialReport, FundingSource
from lpks.registry.models.institution import Institution
from lpks.registry.services.common import (
    amount,
    check_write,
    choice,
    create_record,
    flag,
    integer,
    text,
    today,
    update_record,
)

SOURCE_CODES = codes(FUNDING_SOURCES)


def _year(data: dict[str, Any]) -> int:
    return integer(data, "year", _l("Tahun"), minimum=2000, maximum=today().year + 1, required=True)


SOURCE_FIELDS = ("year", "source_kind", "description", "amount")
REPORT_FIELDS = ("year", "budget_plan", "spending_records", "report_submitted_on", "report_recipient", "note")


def clean_source(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one funding source row."""
    return {"year": _year(data),
            "source_kind": choice(data, "source_kind", _l("Sumber dana"), SOURCE_CODES, required=True),
            "description": text(data, "description", _l("Keterangan (pemberi dana)"), 200),
            "amount": amount(data, "amount", _l("Jumlah (Rp)"))}


def create_source(session: Session, user: Any, data: dict[str, Any]) -> FundingSource:
    """Record a funding source of one year."""
    return create_record(session, user, FundingSource, data, clean_source)


def update_source(session: Session, user: Any, source: FundingSource, data: dict[str, Any]) -> FundingSource:
    """Change a funding source, refusing a stale version."""
    return update_record(session, user, source, data, clean_source, SOURCE_FIELDS)


def delete_source(session: Session, user: Any, source: FundingSource) -> None:
    """Remove a funding source entered by mistake."""
    check_write(user, source)
    session.delete(source)
    session.flush()


def clean_report(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one yearly fund management record."""
    return {"year": _year(data), "budget_plan": flag(data, "budget_plan"),
            "spending_records": flag(data, "spending_records"),
            "report_submitted_on": parse_date(data.get("report_submitted_on"), "report_submitted_on",
                                              _l("Tanggal laporan disampaikan"), required=False, not_after=today()),
            "report_recipient": text(data, "report_recipient", _l("Laporan disampaikan kepada"), 200),
            "note": text(data, "note", _l("Catatan"), 500)}


def _one_per_year(session: Session):
    def check(inst: Institution, values: dict[str, Any]) -> None:
        exists = session.scalar(select(FinancialReport.id).where(FinancialReport.institution_id == inst.id,
                                                                 FinancialReport.year == values["year"]))
        if exists:
            raise Conflict(_("Catatan pengelolaan dana tahun %(year)s sudah ada: ubah catatan itu.",
                             year=values["year"]), "year")
    return check


def create_report(session: Session, user: Any, data: dict[str, Any]) -> FinancialReport:
    """Record the fund management of one year (one record per LPKS and year)."""
    return create_record(session, user, FinancialReport, data, clean_report, check=_one_per_year(session))


def update_report(session: Session, user: Any, report: FinancialReport, data: dict[str, Any]) -> FinancialReport:
    """Change a yearly record, refusing a stale version; the year stays."""
    return update_record(session, user, report, data, clean_report, REPORT_FIELDS, fixed=("year",))


def delete_report(session: Session, user: Any, report: FinancialReport) -> None:
    """Remove a yearly record entered by mistake."""
    check_write(user, report)
    session.delete(report)
    session.flush()
