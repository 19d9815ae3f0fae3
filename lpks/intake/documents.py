"""The products of the Dinas Sosial's service, printed from the records (A4, Indonesian; RULES §8): Berita Acara
Penanganan Kasus Rehabilitasi Sosial and Rujukan ke Layanan Jejaring Sosial. Each print reveals the child's identity
and is audited like any identity view (view_identity, purpose print_<kind> or pdf_<kind>)."""
from __future__ import annotations

from typing import Any

from babel.dates import format_date
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase, Referral
from lpks.cases.queries_referrals import referral_json
from lpks.intake import queries
from lpks.intake.models import CaseIntake, IntakeProduct
from lpks.platform.errors import NotFound
from lpks.platform.models.region import Region
from lpks.residents.models.resident import Resident
from lpks.residents.services import residents
from lpks.rules.intake import IntakeRoute
from lpks.rules.rehab_services import ServiceForm

TITLES = {"berita_acara": "Berita Acara Penanganan Kasus Rehabilitasi Sosial",
          "rujukan": "Rujukan ke Layanan Jejaring Sosial"}
TEMPLATES = {"berita_acara": "intake/print/berita_acara.html", "rujukan": "intake/print/rujukan.html"}


def print_context(session: Session, user: Any, case: ChildCase, intake: CaseIntake, kind: str, product_id: Any,
                  pdf: bool = False) -> dict:
    """Everything the product shows; the identity reveal is audited here (the caller commits)."""
    if kind not in TITLES:
        raise NotFound()
    product = session.get(IntakeProduct, int(product_id)) if str(product_id or "").isdigit() else None
    if product is None or product.case_id != case.id or product.kind != kind:
        raise NotFound()
    resident = session.get(Resident, case.resident_id)
    identity = residents.reveal_identity(session, user, resident, f"{'pdf' if pdf else 'print'}_{kind}")
    region = session.get(Region, intake.owner_region_code)
    referral = session.get(Referral, product.referral_id) if product.referral_id else None
    data = queries.case_fields(session, user, case)
    return {
        "title": TITLES[kind], "product": product, "case": data, "model": case, "resident": resident,
        "identity": identity, "reporter_name": intake.reporter_name, "office": f"Dinas Sosial {region.name}",
        "region": region.name, "weekday": format_date(product.issued_on, "EEEE", locale="id"),
        "route_label": IntakeRoute(intake.route).label_id if intake.route else None,
        "referral": referral_json(session, user, referral) if referral else None,
        "form_labels": {f.value: f.label_id for f in ServiceForm},
        "manager": next((o["user"] for o in data["intake"]["officers"]
                         if o["role"] == "manajer_kasus" and not o["ended_on"]), None),
    }
