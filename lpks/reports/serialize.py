"""API answers of the reports area, shaped by lpks.reports.schemas from the same views the pages draw."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lpks.reports import queries
from lpks.reports.models import AnnualReport
from lpks.reports.present import SectionView, views
from lpks.reports.schemas import (
    AnnualReportDetailOut,
    AnnualReportOut,
    FigureSetOut,
    OverviewOut,
)
from lpks.reports.services.annual import allowed
from lpks.reports.services.snapshot import content
from lpks.rules.reporting import SMALL_CELL_TEXT, is_small


def figure_set(data: dict, sections: list[SectionView], masked: bool) -> dict[str, Any]:
    """A computed or frozen set of figures as the API answers it (the cells the page shows)."""
    area = data["area"]
    figures = [{"key": f.key, "section": f.section, "title": f.title, "definition": f.definition, "unit": f.unit,
                "chart": f.chart, "columns": [c.__dict__ for c in f.columns],
                "rows": [{"code": r.code, "name": r.name, "scope": r.area, "cells": r.cells} for r in f.rows],
                "totals": {"code": "total", "name": f.totals.name, "scope": None, "cells": f.totals.cells},
                "masked_cells": f.masked} for s in sections for f in s.figures]
    out = FigureSetOut.model_validate({
        "area": {"kind": area["kind"], "code": area["code"], "name": area["name"], "scope": area["param"]},
        "period": {"from": data["period"]["from"], "to": data["period"]["to"],
                   "reference_date": data["period"]["reference"]},
        "computed_at": data["computed_at"], "rows_are": data["row_kind"], "masked": masked, "figures": figures})
    return out.model_dump(mode="json", by_alias=True)


def _names(session: Session, reports: list[AnnualReport]) -> dict[int, str]:
    return queries.people(session, *[r.submitted_by_id for r in reports], *[r.received_by_id for r in reports])


def report_json(session: Session, user: Any, report: AnnualReport, names: dict[int, str] | None = None,
                name: str | None = None) -> dict[str, Any]:
    """One report's record (without figures), with the steps open to the user's office."""
    names = names if names is not None else _names(session, [report])
    return AnnualReportOut.model_validate({
        "id": report.id, "year": report.year, "level": report.level, "region_code": report.region_code,
        "name": name or queries.area_of(session, report).name, "revision": report.revision,
        "revision_reason": report.revision_reason, "state": report.state,
        "latest": queries.is_latest(session, report), "evaluation": report.evaluation, "plan": report.plan,
        "created_at": report.created_at, "compiled_at": report.compiled_at, "submitted_at": report.submitted_at,
        "submitted_by": names.get(report.submitted_by_id), "received_at": report.received_at,
        "received_by": names.get(report.received_by_id),
        "actions": sorted(a.value for a in allowed(session, user, report)), "version": report.version,
    }).model_dump(mode="json")


def mask_headline(headline: dict[str, int], children: list[str], masked: bool) -> dict[str, Any]:
    """A compiled part's headline totals, small counts of children masked for province and national readers."""
    return {k: SMALL_CELL_TEXT if masked and k in children and is_small(v) else v for k, v in headline.items()}


def report_detail(session: Session, user: Any, report: AnnualReport, locale: str, masked: bool) -> dict[str, Any]:
    """One report with its figures (frozen snapshot, or live for a draft), its compiled parts and who is missing."""
    data, text = content(session, user, report, locale)
    record = report_json(session, user, report, name=data["area"]["name"])
    parts = [{**{k: v for k, v in p.items() if k != "children"},
              "headline": mask_headline(p["headline"], p.get("children", []), masked)} for p in data.get("parts", [])]
    return AnnualReportDetailOut.model_validate({
        **record, "frozen": report.snapshot is not None and report.state != "draft",
        "figures": figure_set(data, views(data, text, masked), masked), "parts": parts,
        "missing": data.get("missing", [])}).model_dump(mode="json", by_alias=True)


def overview_json(session: Session, user: Any, overview: queries.Overview) -> dict[str, Any]:
    """An office's reports of a year and the offices below it."""
    names = _names(session, overview.own)
    return OverviewOut.model_validate({
        "year": overview.year, "level": overview.level.value, "region_code": overview.code, "name": overview.name,
        "reports": [report_json(session, user, r, names, overview.name) for r in overview.own],
        "below": [{"code": line.code, "name": line.name, "status": line.status,
                   "latest_id": line.latest.id if line.latest else None,
                   "latest_revision": line.latest.revision if line.latest else None} for line in overview.below],
        "missing": [line.code for line in overview.missing]}).model_dump(mode="json")
