"""Dashboard sections of Dinas Sosial case handling (RULES §8): the service time of the cases the office received
(within the 5 working days, overdue, counted on an estimated calendar) and the complaints (unanswered within their 5
working days, overdue). Each section's tiles are counted in one pass (FILTER) and read with every other figure of the
page; each tile opens the list filtered to exactly what it counts."""
from __future__ import annotations

from flask import url_for
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase
from lpks.intake.models import CaseIntake, ServiceComplaint
from lpks.intake.queries import complaint_conditions, service_conditions
from lpks.platform.dashboard import Section, Tile, counts_of
from lpks.residents.services.common import today
from lpks.security import READ, scope_clause
from lpks.security.permissions import POLICY


def _reads(user, model) -> bool:
    return READ in POLICY.get(model, {}).get(getattr(user, "role", None), {})


def service_section(session: Session, user) -> list[Section] | None:
    """The service time of the cases received, and the complaints, for the offices in the user's scope."""
    if not _reads(user, CaseIntake):
        return None
    day = today()
    cases = (select(CaseIntake.id).join(ChildCase, ChildCase.id == CaseIntake.case_id)
             .where(scope_clause(user, CaseIntake, READ)))
    conds = service_conditions(day)
    figures = counts_of(cases, {name: conds[name] for name in ("due", "overdue", "estimate")})

    def to_cases(service: str) -> str:
        return url_for("case.index_view", service=service, status="all")

    service = Section(_("Waktu layanan kasus Dinas Sosial (5 hari kerja)"), tiles=[
        Tile(_("Dalam batas waktu"), figures["due"], url=to_cases("due"), level="info", calm="secondary"),
        Tile(_("Terlambat: produk belum terbit"), figures["overdue"], url=to_cases("overdue"), level="danger",
             calm="secondary"),
        Tile(_("Batas waktu perkiraan (kalender belum memuat tahunnya)"), figures["estimate"],
             url=to_cases("estimate"), level="warning", calm="secondary")])
    complaints = select(ServiceComplaint.id).where(scope_clause(user, ServiceComplaint, READ))
    states = complaint_conditions(day)
    counted = counts_of(complaints, {name: states[name] for name in ("due", "overdue")})

    def to_complaints(state: str) -> str:
        return url_for("complaint.index_view", state=state)

    answers = Section(_("Pengaduan layanan"), tiles=[
        Tile(_("Belum dijawab, dalam batas waktu"), counted["due"], url=to_complaints("due"), level="info",
             calm="secondary"),
        Tile(_("Belum dijawab, terlambat"), counted["overdue"], url=to_complaints("overdue"), level="danger",
             calm="secondary")])
    return [service, answers]


SECTIONS = [(22, service_section)]
