"""A yearly report's content as data: its figures (computed live for a draft, frozen at submission), the lower
reports compiled into it and the offices below that are missing. The same data feeds the page, the PDF, the
workbook and the API."""
from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from lpks.platform import clock
from lpks.reports import queries
from lpks.reports.compute import compute, totals
from lpks.reports.models import AnnualReport
from lpks.reports.present import pick_texts, texts, texts_all_languages
from lpks.rules.reporting import Level, State

SNAPSHOT_SCHEMA = 1


def _iso(value) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def part_summary(part: AnnualReport, names: dict[int, str]) -> dict[str, Any]:
    """A compiled lower report as its frozen snapshot has it: who sent it, its narrative and headline totals."""
    frozen = part.snapshot or {}
    headline = {}
    for key, fig in frozen.get("figures", {}).items():
        if fig.get("headline"):
            headline[key] = sum(totals(frozen, key).get(c, 0) for c in fig["categories"])
    return {"id": part.id, "region_code": part.region_code, "name": frozen.get("area", {}).get("name"),
            "revision": part.revision, "submitted_at": _iso(part.submitted_at),
            "submitted_by": names.get(part.submitted_by_id), "received_at": _iso(part.received_at),
            "received_by": names.get(part.received_by_id), "evaluation": part.evaluation, "plan": part.plan,
            "headline": headline, "children": [k for k, f in frozen.get("figures", {}).items() if f.get("children")]}


def compilation(session: Session, user: Any, report: AnnualReport) -> tuple[list[dict], list[dict]]:
    """The compiled parts (as summaries) and the offices below without one (with what they have sent)."""
    level = Level(report.level)
    if level.below is None:
        return [], []
    parts = queries.parts_of(session, report)
    names = queries.people(session, *[p.submitted_by_id for p in parts], *[p.received_by_id for p in parts])
    compiled = {p.region_code for p in parts}
    missing = []
    for line in queries.below_lines(session, user, level, report.region_code, report.year):
        if line.code not in compiled:
            missing.append({"code": line.code, "name": line.name, "status": line.status,
                            "revision": line.latest.revision if line.latest else None})
    return [part_summary(p, names) for p in parts], missing


def build(session: Session, user: Any, report: AnnualReport) -> dict[str, Any]:
    """The report's content computed now (a draft's live figures; at submission, what is frozen)."""
    data = compute(session, user, queries.area_of(session, report), queries.period_of(report, clock.today()))
    parts, missing = compilation(session, user, report)
    return {**data, "schema": SNAPSHOT_SCHEMA, "parts": parts, "missing": missing,
            "compiled_at": _iso(report.compiled_at)}


def freeze(session: Session, user: Any, report: AnnualReport) -> dict[str, Any]:
    """The snapshot stored at submission: the content with its texts in every language."""
    data = build(session, user, report)
    return {**data, "texts": texts_all_languages(data)}


def content(session: Session, user: Any, report: AnnualReport, locale: str) -> tuple[dict, dict]:
    """(data, texts in the reader's language): the frozen snapshot of a submitted report, live for a draft."""
    if report.state != State.DRAFT.value and report.snapshot:
        return report.snapshot, pick_texts(report.snapshot.get("texts", {}), locale)
    data = build(session, user, report)
    return data, texts(data["figures"].keys(), {k: f["categories"] for k, f in data["figures"].items()})
