"""Referral (Pasal 35 ayat 1 huruf k, 46, 55; RULES §7): sent from a case to an LPKS or a Dinas Sosial in the system
or a service outside it, with the consent of the child and the parent; the receiver accepts or declines (reason)
and completes (note). An accepted residential referral ends the sending placement (Pasal 33 ayat 2 huruf b) and hands
the case and the child's file to the receiver, which opens its own placement (documents still required)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.cases.models import (
    CASE_RECORDS,
    CaseConference,
    ChildCase,
    ConferenceParticipant,
    Referral,
)
from lpks.cases.schemas import ReferralAnswer, ReferralInput
from lpks.cases.services.common import (
    check_version,
    load_case,
    require,
    rules,
    today,
    touch,
)
from lpks.platform.validation import parse
from lpks.formats import format_tanggal
from lpks.platform.errors import Conflict, Forbidden, ServiceError
from lpks.platform.models.region import Region
from lpks.platform.models.user import ROLE_OPERATOR, User
from lpks.registry.models.institution import Institution
from lpks.residents.models.placement import STATUS_PRESENT, Placement
from lpks.residents.models.resident import Resident
from lpks.residents.services import placements, residents
from lpks.rules.case_lifecycle import CaseAction
from lpks.rules.exits import ExitReason
from lpks.rules.referrals import (
    RECEIVER,
    SENDER,
    ReceiverKind,
    ReferralStatus,
    check_consent,
    check_residential,
    transition,
)
from lpks.security import WRITE, can
from lpks.security.permissions import own_unit_owner

SIDES = {0: SENDER, 1: RECEIVER}


def side_of(user: Any, referral: Referral) -> str | None:
    """Whether the user's own unit sent the referral, receives it, or neither (a supervising reader)."""
    return SIDES.get(own_unit_owner(user, referral))


def _receiver(session: Session, values, sender: ChildCase) -> dict:
    kind = ReceiverKind(values.receiver_kind)
    if kind is ReceiverKind.LPKS:
        inst = session.get(Institution, values.receiver_institution_id) if values.receiver_institution_id else None
        if inst is None:
            raise ServiceError(_("LPKS penerima wajib dipilih dari LPKS dalam sistem."), "receiver_institution_id")
        if inst.id == sender.institution_id:
            raise ServiceError(_("Rujukan ditujukan kepada LPKS lain, bukan LPKS sendiri."), "receiver_institution_id")
        return {"receiver_institution_id": inst.id, "receiver_name": inst.name, "receiver_address": inst.address}
    if kind is ReceiverKind.DINSOS:
        region = session.get(Region, values.receiver_region_code) if values.receiver_region_code else None
        if region is None or region.level != "kabupaten_kota":
            raise ServiceError(_("Dinas Sosial penerima wajib dipilih (kode kabupaten/kota, misalnya 35.75)."),
                               "receiver_region_code")
        return {"receiver_region_code": region.code, "receiver_name": _("Dinas Sosial %(name)s", name=region.name),
                "receiver_address": values.receiver_address}
    if not values.receiver_name:
        raise ServiceError(_("Nama layanan penerima di luar sistem wajib diisi (rumah sakit, sekolah, LPSK, …)."),
                           "receiver_name")
    return {"receiver_name": values.receiver_name, "receiver_address": values.receiver_address}


def send(session: Session, user: Any, data: dict[str, Any]) -> Referral:
    """Send a referral from a case the user works (POST /referrals)."""
    values = parse(ReferralInput, data)
    case = load_case(session, user, values.case_id, WRITE)
    require(user, case, CaseAction.REFER)
    with rules():
        check_consent(values.child_consent, values.parent_consent)
        check_residential(values.residential, values.receiver_kind)
    sent_on = values.sent_on or today()
    if sent_on > today() or sent_on < case.opened_on:
        raise ServiceError(_("Tanggal rujukan harus antara tanggal kasus dibuka dan hari ini."), "sent_on")
    if values.consent_on is not None and values.consent_on > sent_on:
        raise ServiceError(_("Persetujuan diberikan paling lambat pada tanggal rujukan."), "consent_on")
    if values.residential and session.scalar(select(Referral.id).where(
            Referral.case_id == case.id, Referral.residential.is_(True),
            Referral.status == ReferralStatus.SENT.value)) is not None:
        raise Conflict(_("Kasus ini masih memiliki rujukan perpindahan anak yang menunggu jawaban."), "residential")
    referral = Referral(case_id=case.id, institution_id=case.institution_id, owner_region_code=case.owner_region_code,
                        receiver_kind=values.receiver_kind, residential=values.residential, reason=values.reason,
                        services_asked=",".join(values.services_asked), services_note=values.services_note,
                        shared=",".join(values.shared or []) or None, child_consent=True, parent_consent=True,
                        consent_on=values.consent_on or sent_on, sent_on=sent_on, status=ReferralStatus.SENT.value,
                        **_receiver(session, values, case))
    session.add(referral)
    session.flush()
    return referral


def _on_behalf_of(institution_id: int) -> User:
    """The sending LPKS, as the actor whose placement the accepted referral ends (RULES §7: the acceptance ends it;
    the audit trail records the user who accepted)."""
    return User(username="rujukan", password_hash="-", role=ROLE_OPERATOR, institution_id=institution_id, active=True)


def _hand_over(session: Session, referral: Referral, case: ChildCase, on) -> None:
    """End the sending placement (reason: referred) and give the case, its records and the child's file to the
    receiving LPKS."""
    present = session.scalar(select(Placement).where(Placement.resident_id == case.resident_id,
                                                     Placement.status == STATUS_PRESENT))
    if present is not None:
        placements.exit_placement(session, _on_behalf_of(present.institution_id), present, {
            "exit_reason": ExitReason.REFERRED_ELSEWHERE.value, "exit_date": on,
            "exit_note": _("Rujukan #%(id)s diterima %(lpks)s", id=referral.id, lpks=referral.receiver_name)})
        referral.ended_placement_id = present.id
    receiver = referral.receiver_institution_id
    conferences = select(CaseConference.id).where(CaseConference.case_id == case.id)
    for model in (ChildCase, *CASE_RECORDS):
        if model is ChildCase:
            rows = [case]
        elif model is ConferenceParticipant:
            rows = session.scalars(select(model).where(model.conference_id.in_(conferences)))
        else:
            rows = session.scalars(select(model).where(model.case_id == case.id))
        for row in rows:  # through the ORM, each change audited
            row.institution_id, row.owner_region_code = receiver, None
    residents.transfer(session, session.get(Resident, case.resident_id), receiver)


def answer(session: Session, user: Any, referral: Referral, data: dict[str, Any]) -> Referral:
    """Accept, decline (reason) or complete (note) a referral; the receiver answers, or the sender for a referral
    outside the system."""
    values = parse(ReferralAnswer, data)
    side = side_of(user, referral)
    if side is None or not can(user, WRITE, referral):
        raise Forbidden()
    check_version(referral, values.version)
    reason = values.decline_reason if values.action == "decline" else values.completion_note
    with rules():
        status = transition(referral.status, values.action, side, referral.receiver_kind == ReceiverKind.EXTERNAL,
                            reason=reason)
    on = values.decided_on or today()
    earliest = referral.decided_on if status is ReferralStatus.COMPLETED else referral.sent_on
    if on > today() or on < earliest:
        raise ServiceError(_("Tanggal jawaban harus antara %(first)s dan hari ini.", first=format_tanggal(earliest)),
                           "decided_on")
    if status is ReferralStatus.COMPLETED:
        referral.completed_on, referral.completion_note = on, values.completion_note
    else:
        referral.decided_on = on
        referral.decline_reason = values.decline_reason if status is ReferralStatus.DECLINED else None
    referral.status = status.value
    if status is ReferralStatus.ACCEPTED and referral.residential:
        case = session.get(ChildCase, referral.case_id)
        if case.closed_on is not None:
            raise ServiceError(_("Kasus anak sudah ditutup; rujukan perpindahan tidak dapat diterima."), "status")
        _hand_over(session, referral, case, on)
    touch(referral)
    session.flush()
    return referral


def reveal_identity(session: Session, user: Any, referral: Referral) -> tuple[Resident, dict]:
    """The child's identity through a referral: for the sender's identity roles, and for the receiver's once it
    accepted a referral that shares it; every reveal is audited (view_identity, purpose referral_<id>)."""
    from lpks.platform.services import audit

    side = side_of(user, referral)
    shared = "identitas" in (referral.shared or "").split(",")
    answered = referral.status in (ReferralStatus.ACCEPTED.value, ReferralStatus.COMPLETED.value)
    if not residents.may_export_identity(user) or side is None or (side == RECEIVER and not (shared and answered)):
        raise Forbidden(_("Identitas anak hanya dibuka bagi pengirim, dan bagi penerima setelah menerima rujukan yang "
                          "membagikan identitas."))
    resident = session.get(Resident, session.get(ChildCase, referral.case_id).resident_id)
    if side == SENDER and not residents.may_view_identity(user, resident):  # a Dinas Sosial's child: its officers
        raise Forbidden(_("Identitas anak yang ditangani Dinas Sosial hanya dibuka bagi pekerja sosial dan TKSK yang "
                          "ditugaskan pada kasusnya."))
    audit.record(session, "view_identity", "resident", resident.id, (f"referral_{referral.id}",))
    return resident, residents.identity_of(resident)
