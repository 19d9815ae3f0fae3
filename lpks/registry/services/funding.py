"""Funding sources per year (Pasal 66, 88) and the yearly fund management record (Pasal 67 ayat (3), 68)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation.registry_catalogue import FUNDING_SOURCES, codes
from lpks.registry.models.funding import FinancialReport, FundingSource

from lpks.security.access import check_version
from lpks.platform.errors import Conflict
from lpks.registry.services.common import (
    amount,
    check_write,
    choice,
    day,
    flag,
    institution_for_write,
    integer,
    text,
    today,
    touch,
)

SOURCE_CODES = codes(FUNDING_SOURCES)


def _year(data: dict[str, Any]) -> int:
    return integer(data, "year", _l("Tahun"), minimum=2000, maximum=today().year + 1, required=True)


def clean_source(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one funding source row."""
    return {"year": _year(data),
            "source_kind": choice(data, "source_kind", _l("Sumber dana"), SOURCE_CODES, required=True),
            "description": text(data, "description", _l("Keterangan (pemberi dana)"), 200),
            "amount": amount(data, "amount", _l("Jumlah (Rp)"))}


def create_source(session: Session, user: Any, data: dict[str, Any]) -> FundingSource:
    """Record a funding source of one year."""
    inst = institution_for_write(session, user, data, FundingSource)
    source = FundingSource(institution_id=inst.id, **clean_source(data))
    session.add(source)
    session.flush()
    return source


def update_source(session: Session, user: Any, source: FundingSource, data: dict[str, Any]) -> FundingSource:
    """Change a funding source, refusing a stale version."""
    check_write(user, source)
    check_version(source, data.get("version"))
    institution_for_write(session, user, data, FundingSource, current=source.institution_id)
    merged = {k: getattr(source, k) for k in ("year", "source_kind", "description", "amount")}
    merged.update({k: v for k, v in data.items() if k in merged})
    for key, value in clean_source(merged).items():
        setattr(source, key, value)
    touch(source)
    session.flush()
    return source


def delete_source(session: Session, user: Any, source: FundingSource) -> None:
    """Remove a funding source entered by mistake."""
    check_write(user, source)
    session.delete(source)
    session.flush()


def clean_report(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one yearly fund management record."""
    return {"year": _year(data), "budget_plan": flag(data, "budget_plan"),
            "spending_records": flag(data, "spending_records"),
            "report_submitted_on": day(data, "report_submitted_on", _l("Tanggal laporan disampaikan"),
                                       not_after=today()),
            "report_recipient": text(data, "report_recipient", _l("Laporan disampaikan kepada"), 200),
            "note": text(data, "note", _l("Catatan"), 500)}


def create_report(session: Session, user: Any, data: dict[str, Any]) -> FinancialReport:
    """Record the fund management of one year (one record per LPKS and year)."""
    inst = institution_for_write(session, user, data, FinancialReport)
    values = clean_report(data)
    exists = session.scalar(select(FinancialReport.id).where(FinancialReport.institution_id == inst.id,
                                                             FinancialReport.year == values["year"]))
    if exists:
        raise Conflict(_("Catatan pengelolaan dana tahun %(year)s sudah ada: ubah catatan itu.",
                         year=values['year']), "year")
    report = FinancialReport(institution_id=inst.id, **values)
    session.add(report)
    session.flush()
    return report


def update_report(session: Session, user: Any, report: FinancialReport, data: dict[str, Any]) -> FinancialReport:
    """Change a yearly record, refusing a stale version; the year stays."""
    check_write(user, report)
    check_version(report, data.get("version"))
    merged = {k: getattr(report, k) for k in ("year", "budget_plan", "spending_records", "report_submitted_on",
                                               "report_recipient", "note")}
    merged.update({k: v for k, v in data.items() if k in merged and k != "year"})
    for key, value in clean_report(merged).items():
        setattr(report, key, value)
    touch(report)
    session.flush()
    return report


def delete_report(session: Session, user: Any, report: FinancialReport) -> None:
    """Remove a yearly record entered by mistake."""
    check_write(user, report)
    session.delete(report)
    session.flush()
