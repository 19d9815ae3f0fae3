"""The class (typology) of every LPKS (Pasal 70–73), computed by accreditation.classify and stored with its
criteria; recomputed when its grade, referral scope or work area changes or its accreditation expires.

A stored class is never shown past its accreditation's last valid day: `effective` re-classifies without the
expired grade at read time, so the page is right before the daily `lpks accreditation expire` records it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import AccreditationError, ClassResult, classify, criteria_for_api
from accreditation.workflow import State, valid_grade
from lpks.accreditation.models import Assessment, InstitutionClass
from lpks.platform import clock
from lpks.platform.errors import ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import province_of
from lpks.registry.models.institution import Institution
from lpks.registry.services.profile import work_area_codes


@dataclass(frozen=True)
class ClassView:
    """A class as shown: class, the grade it rests on, and every criterion (met or not)."""

    institution_id: int
    klass: str | None
    grade: str | None
    valid_until: date | None
    referral_scope: str
    provinces: int
    kabupaten_kota: int
    criteria: tuple[dict, ...]
    expired: bool = False  # the stored class rested on an accreditation that has since expired

    @property
    def unmet(self) -> tuple[dict, ...]:
        """Criteria not met."""
        return tuple(c for c in self.criteria if not c["met"])

    def criteria_of(self, klass: str) -> tuple[dict, ...]:
        """Criteria of one class."""
        return tuple(c for c in self.criteria if c["class"] == klass)

    @property
    def reasons(self) -> tuple[dict, ...]:
        """Why this class: the criteria of the class held (all met), then the unmet ones of every higher class."""
        order = ("A", "B", "C")
        higher = order[:order.index(self.klass)] if self.klass else order
        held = self.criteria_of(self.klass) if self.klass else ()
        return held + tuple(c for c in self.criteria if c["class"] in higher and not c["met"])

    def as_api(self) -> dict[str, Any]:
        """{"class", "criteria"} exactly as /rules/class answers, plus the inputs."""
        return {"class": self.klass, "criteria": [{"criterion": c["criterion"], "met": c["met"]} for c in self.criteria],
                "grade": self.grade, "valid_until": self.valid_until.isoformat() if self.valid_until else None,
                "referral_scope": self.referral_scope, "provinces": self.provinces,
                "kabupaten_kota": self.kabupaten_kota, "accreditation_expired": self.expired}


def criteria_rows(result: ClassResult) -> list[dict[str, Any]]:
    """Every criterion with its class, labels and Pasal (stored as JSON, shown on pages and certificates)."""
    api = criteria_for_api(result)
    return [{**row, "class": c.klass, "label": c.label_id, "label_en": c.label_en, "pasal": c.pasal}
            for row, c in zip(api, result.criteria)]


def work_area_counts(session: Session, institutions: Iterable[Institution]) -> dict[int, tuple[int, int]]:
    """(provinces, kabupaten/kota) of each LPKS's work area, as the registry records it (domicile included)."""
    areas = work_area_codes(session, institutions)
    return {ident: (len({province_of(c) for c in codes}), len(codes)) for ident, codes in areas.items()}


def current_designations(session: Session, institution_ids: list[int]) -> dict[int, Assessment]:
    """Each LPKS's designation in force (the newest not superseded nor recorded as expired)."""
    if not institution_ids:
        return {}
    stmt = (select(Assessment).where(Assessment.institution_id.in_(institution_ids),
                                     Assessment.state == State.DESIGNATED.value)
            .order_by(Assessment.decree_date, Assessment.id))
    return {a.institution_id: a for a in session.scalars(stmt)}


def _compute(inst: Institution, designation: Assessment | None, counts: tuple[int, int], today: date):
    grade = None
    if designation is not None:
        grade = valid_grade(designation.state, designation.grade, designation.valid_until, today)
    result = classify(grade, inst.referral_scope or "kabupaten_kota", *counts)
    valid_until = designation.valid_until if designation is not None and grade else None
    return result, (grade.value if hasattr(grade, "value") else grade), valid_until


def recompute(session: Session, institutions: Iterable[Institution], reason: str,
              today: date | None = None) -> list[InstitutionClass]:
    """Classify the LPKS again and store the result where it changed (rows are written only on change)."""
    institutions = [i for i in institutions if i is not None and i.id is not None]
    today = today or clock.today()
    counts = work_area_counts(session, institutions)
    designations = current_designations(session, [i.id for i in institutions])
    stored = {row.institution_id: row for row in session.scalars(
        select(InstitutionClass).where(InstitutionClass.institution_id.in_([i.id for i in institutions])))}
    changed = []
    for inst in institutions:
        designation = designations.get(inst.id)
        result, grade, valid_until = _compute(inst, designation, counts[inst.id], today)
        values = {"klass": result.klass, "grade": grade, "valid_until": valid_until,
                  "assessment_id": designation.id if designation is not None and grade else None,
                  "referral_scope": inst.referral_scope or "kabupaten_kota", "provinces": counts[inst.id][0],
                  "kabupaten_kota": counts[inst.id][1], "criteria": json.dumps(criteria_rows(result),
                                                                                 ensure_ascii=False)}
        row = stored.get(inst.id)
        if row is None:
            row = InstitutionClass(institution_id=inst.id, reason=reason, computed_at=utcnow(), **values)
            session.add(row)
        elif any(getattr(row, k) != v for k, v in values.items()):
            for key, value in values.items():
                setattr(row, key, value)
            row.reason, row.computed_at = reason, utcnow()
        else:
            continue
        changed.append(row)
    return changed


def view_of(row: InstitutionClass, today: date) -> ClassView:
    criteria = tuple(json.loads(row.criteria))
    if row.valid_until is not None and row.valid_until < today:
        # The accreditation ended after the class was stored: classify again without it.
        result = classify(None, row.referral_scope, row.provinces, row.kabupaten_kota)
        return ClassView(row.institution_id, result.klass, None, None, row.referral_scope, row.provinces,
                         row.kabupaten_kota, tuple(criteria_rows(result)), expired=True)
    return ClassView(row.institution_id, row.klass, row.grade, row.valid_until, row.referral_scope, row.provinces,
                     row.kabupaten_kota, criteria)


def effective(session: Session, institutions: list[Institution], today: date | None = None) -> dict[int, ClassView]:
    """The class of each LPKS as it stands today (computed in memory where no stored class exists yet)."""
    today = today or clock.today()
    ids = [i.id for i in institutions]
    rows = {r.institution_id: r for r in session.scalars(
        select(InstitutionClass).where(InstitutionClass.institution_id.in_(ids)))} if ids else {}
    views = {ident: view_of(row, today) for ident, row in rows.items()}
    missing = [i for i in institutions if i.id not in views]
    if missing:
        counts = work_area_counts(session, missing)
        designations = current_designations(session, [i.id for i in missing])
        for inst in missing:
            result, grade, valid_until = _compute(inst, designations.get(inst.id), counts[inst.id], today)
            views[inst.id] = ClassView(inst.id, result.klass, grade, valid_until, inst.referral_scope,
                                       *counts[inst.id], tuple(criteria_rows(result)))
    return views


def class_of(session: Session, inst: Institution, today: date | None = None) -> ClassView:
    """The class of one LPKS today."""
    return effective(session, [inst], today)[inst.id]


def _count(params: Mapping[str, Any], name: str) -> int:
    raw = params.get(name)
    if raw is None or str(raw).strip() == "":
        raise ServiceError(_("Parameter '%(name)s' wajib diisi (bilangan bulat 0 atau lebih).", name=name), name)
    text = str(raw).strip()
    if not text.isdigit():
        raise ServiceError(_("Parameter '%(name)s' harus bilangan bulat 0 atau lebih; diterima '%(text)s'.",
                             name=name, text=text[:20]), name)
    return int(text)


def check_case(params: Mapping[str, Any]) -> dict[str, Any]:
    """GET /rules/class: the class and every criterion for a case, from accreditation.classify."""
    result = classify_case(params)
    return {"class": result.klass, "criteria": criteria_for_api(result)}


def classify_case(params: Mapping[str, Any]) -> ClassResult:
    """Classify a case given as request parameters; a ServiceError names the parameter at fault."""
    grade = params.get("grade")
    if grade is None or not str(grade).strip():
        raise ServiceError(_("Parameter 'grade' wajib diisi: A, B, C atau none."), "grade")
    grade = None if str(grade).strip().lower() == "none" else str(grade).strip()
    scope = params.get("referral_scope")
    if scope is None or not str(scope).strip():
        raise ServiceError(_("Parameter 'referral_scope' wajib diisi: kabupaten_kota, provinsi atau nasional."),
                           "referral_scope")
    provinces, kabupaten_kota = _count(params, "provinces"), _count(params, "kabupaten_kota")
    try:
        result = classify(grade, str(scope).strip(), provinces, kabupaten_kota)
    except AccreditationError as exc:
        first = exc.problems[0]
        raise ServiceError(_("Parameter '%(field)s': %(message)s",
                             field=first.field, message=first.message), first.field) from None
    return result
