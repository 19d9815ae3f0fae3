"""Printed documents of the case (A4, Indonesian, from the records): surat pernyataan bersama (Pasal 15 huruf b),
laporan sosial from the assessment (Pasal 15 huruf c), the referral form (Lampiran III, Pasal 46 ayat 2), the handover
to the family at reintegration (Pasal 15 huruf d; Pasal 49 ayat 5) and the case summary at termination. Each print
reveals the child's identity and is audited like any identity view (view_identity, purpose print_<document>
or pdf_<document>)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases import queries
from lpks.cases.models import CaseAssessment, ChildCase, Referral
from lpks.cases.queries_referrals import referral_json
from lpks.platform.errors import NotFound, ServiceError
from lpks.platform.models.region import Region
from lpks.registry.services import profile
from lpks.registry.models.institution import Institution
from lpks.residents.models.placement import Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.residents.services.common import today
from lpks.rules.exits import ExitReason
from lpks.rules.rehab_services import ServiceForm
from lpks.rules.reintegration import FamilyKind


@dataclass(frozen=True)
class Document:
    """A printable document: its code, title, legal basis and template."""

    code: str
    title: str
    pasal: str
    template: str


DOCUMENTS = {d.code: d for d in (
    Document("pernyataan-bersama", "Surat Pernyataan Bersama Keamanan dan Pengawasan", "Pasal 15 huruf b; Lampiran I",
             "cases/print/pernyataan_bersama.html"),
    Document("laporan-sosial", "Laporan Sosial", "Pasal 15 huruf c; Pasal 25", "cases/print/laporan_sosial.html"),
    Document("serah-terima-keluarga", "Surat Serah Terima Anak kepada Keluarga/Keluarga Pengganti",
             "Pasal 15 huruf d; Pasal 49 ayat 5", "cases/print/serah_terima_keluarga.html"),
    Document("ringkasan", "Ringkasan Kasus", "Pasal 18; Pasal 33", "cases/print/ringkasan.html"),
    Document("rujukan", "Formulir Rujukan (Lampiran III)", "Pasal 46 ayat 2; Lampiran III", "cases/print/rujukan.html"),
)}


def _missing(session: Session, case: ChildCase, code: str) -> str | None:
    """Why a document cannot be printed yet (None: it can)."""
    if code == "laporan-sosial" and session.scalar(
            select(CaseAssessment.id).where(CaseAssessment.case_id == case.id)) is None:
        return _("Laporan sosial disusun dari asesmen: catat asesmen terlebih dahulu.")
    if code == "serah-terima-keluarga" and not (queries.reintegration(session, case).get("returned_on")):
        return _("Surat serah terima dibuat saat anak dikembalikan: catat langkah pengembalian (Pasal 49 ayat 5).")
    if code == "ringkasan" and case.terminated_on is None:
        return _("Ringkasan kasus dibuat saat terminasi.")
    return None


def available(session: Session, case: ChildCase) -> list[dict]:
    """The documents of the case page (the referral form is printed from each referral)."""
    return [{"code": d.code, "label": d.title, "pasal": d.pasal, "missing": _missing(session, case, d.code),
             "ready": _missing(session, case, d.code) is None} for d in DOCUMENTS.values() if d.code != "rujukan"]


def _referral(session: Session, case: ChildCase, ident: Any) -> Referral:
    referral = session.get(Referral, int(ident)) if str(ident or "").isdigit() else None
    if referral is None or referral.case_id != case.id:
        raise NotFound()
    return referral


def print_context(session: Session, user: Any, case: ChildCase, code: str, referral_id: Any = None,
                  pdf: bool = False) -> dict:
    """Everything a printed document shows; the identity reveal is audited here, as a print or a PDF download (the
    caller commits)."""
    document = DOCUMENTS.get(code)
    if document is None:
        raise NotFound()
    missing = _missing(session, case, code)
    if missing:
        raise ServiceError(missing, "document")
    referral = _referral(session, case, referral_id) if code == "rujukan" else None
    resident = session.get(Resident, case.resident_id)
    identity = residents.reveal_identity(session, user, resident, f"{'pdf' if pdf else 'print'}_{code}")
    institution = session.get(Institution, case.institution_id) if case.institution_id else None
    region = session.get(Region, institution.kabkota_code) if institution else None
    data = queries.case_json(session, user, case)
    day = today()
    return {
        "document": document, "case": data, "model": case, "resident": resident, "identity": identity,
        "institution": institution, "city": region.name if region else "", "today": day,
        "head": profile.head_of(session, case.institution_id, day) if case.institution_id else None,
        "weekday": format_date(day, "EEEE", locale="id"),
        "placements": session.scalars(select(Placement).where(Placement.resident_id == case.resident_id)
                                      .order_by(Placement.start_date)).all(),
        "assessment": (queries.assessments(session, case) or [None])[0],
        "conference": (queries.conferences(session, case) or [None])[0],
        "plan": queries.plan(session, case), "services": queries.services(session, case),
        "reintegration": queries.reintegration(session, case), "follow_ups": queries.follow_ups(session, case),
        "companions": queries.companions(session, case),
        "referral": referral_json(session, user, referral) if referral else None,
        "form_labels": {f.value: f.label_id for f in ServiceForm},
        "family_labels": {f.value: f.label_id for f in FamilyKind},
        "termination_label": ExitReason(case.termination_reason).label_id if case.termination_reason else "",
    }
