"""The products of the service (Produk Pelayanan): Berita Acara Penanganan Kasus Rehabilitasi Sosial and Rujukan ke
Layanan Jejaring Sosial; the first product issued stops the service-time clock and keeps the days taken (RULES §8).
A change of the holiday calendar recomputes every stored deadline and days taken (RULES §5)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import ChildCase, Referral
from lpks.platform.validation import parse
from lpks.intake.models import CaseIntake, IntakeProduct, ServiceComplaint
from lpks.intake.schemas import ProductInput
from lpks.intake.services.common import (
    check_on,
    holiday_set,
    require,
    rules,
    today,
    touch,
)
from lpks.platform.errors import Conflict, ServiceError
from lpks.rules.intake_flow import IntakeAction
from lpks.rules.service_time import complaint_due, days_taken, service_deadline

KINDS = {"berita_acara": ("issue_berita_acara", IntakeAction.ISSUE_BERITA_ACARA),
         "rujukan": ("issue_rujukan", IntakeAction.ISSUE_RUJUKAN)}


def issue(session: Session, user: Any, case: ChildCase, intake: CaseIntake, data: dict[str, Any]) -> IntakeProduct:
    """Issue a product (number, date); a referral letter from one of the case's referrals."""
    require(session, user, case, intake, "issue_berita_acara")  # who issues either product, before reading the body
    values = parse(ProductInput, data)
    duty, action = KINDS[values.kind]
    require(session, user, case, intake, duty, action)
    referral_id = None
    if values.kind == "rujukan":
        referral = session.get(Referral, values.referral_id) if values.referral_id else None
        if referral is None or referral.case_id != case.id:
            raise ServiceError(_("Pilih rujukan kasus ini yang diterbitkan suratnya (Pasal 46)."), "referral_id")
        referral_id = referral.id
    elif values.referral_id is not None:
        raise ServiceError(_("Berita acara tidak memuat rujukan; terbitkan surat rujukan tersendiri."), "referral_id")
    if session.scalar(select(IntakeProduct.id).where(IntakeProduct.case_id == case.id,
                                                     IntakeProduct.kind == values.kind,
                                                     IntakeProduct.referral_id.is_(None) if referral_id is None
                                                     else IntakeProduct.referral_id == referral_id)) is not None:
        raise Conflict(_("Produk ini sudah diterbitkan untuk kasus ini."), "kind")
    on = check_on(values.issued_on or today(), intake.received_on, "issued_on", _("Tanggal terbit"))
    product = IntakeProduct(owner_region_code=intake.owner_region_code, case_id=case.id, kind=values.kind,
                            number=values.number, issued_on=on, issued_by_user_id=user.id, referral_id=referral_id)
    session.add(product)
    if intake.service_product_issued_on is None or on < intake.service_product_issued_on:
        with rules("issued_on"):
            intake.days_taken = days_taken(intake.received_on, on, holiday_set(session))
        intake.service_product_issued_on = on
        touch(intake)
    session.flush()
    return product


def recompute_all(session: Session) -> int:
    """After a change of the holiday calendar: every deadline and days taken again, in the same transaction."""
    holidays = holiday_set(session)
    changed = 0
    for intake in session.scalars(select(CaseIntake)):
        deadline = service_deadline(intake.received_on, holidays)
        taken = (days_taken(intake.received_on, intake.service_product_issued_on, holidays)
                 if intake.service_product_issued_on else None)
        if (deadline, taken) != (intake.service_deadline, intake.days_taken):
            intake.service_deadline, intake.days_taken = deadline, taken
            changed += 1
    for complaint in session.scalars(select(ServiceComplaint).where(ServiceComplaint.answered_on.is_(None))):
        due = complaint_due(complaint.received_on, holidays)
        if due != complaint.answer_due:
            complaint.answer_due = due
            changed += 1
    session.flush()
    return changed


__all__ = ["issue", "recompute_all", "today"]
