"""A child not yet in legal process (Pasal 14): the loss-versus-UMP condition, checked against the UMP table, and
the meeting's agreement recorded before admission (RULES §4 Basis e)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.platform.models.region import Region
from lpks.registry.models.institution import Institution
from lpks.residents.models.obligations import MinimumWage, PlacementMeeting
from lpks.residents.models.placement import STATUS_PENDING, Placement
from lpks.residents.models.resident import Resident
from lpks.platform.dates import parse_date
from lpks.residents.services.common import (
    parse_choice,
    parse_text,
    rules,
    today,
)
from lpks.rules import (
    LegalBasis,
    MeetingInitiator,
    PreProcessOffence,
    check_loss,
    check_meeting,
)
from lpks.security import WRITE, can

LOSS = PreProcessOffence.KERUGIAN_DI_BAWAH_UMP.value


def minimum_wage(session: Session, province_code: str, year: int | None) -> MinimumWage | None:
    """The UMP of a province and year, if Kementerian Sosial has recorded it."""
    if year is None:
        return None
    return session.scalar(select(MinimumWage).where(MinimumWage.province_code == province_code,
                                                    MinimumWage.year == year))


def check_placement_loss(session: Session, placement: Placement) -> None:
    """When the loss condition is chosen, compare the victim's loss with the UMP of the LPKS's province in the
    year of the offence (Pasal 14 ayat 1 huruf e; "setempat": where the LPKS serves)."""
    if placement.basis != LegalBasis.PRE_PROCESS.value or LOSS not in (placement.conditions or "").split(","):
        return
    with session.no_autoflush:
        inst = session.get(Institution, placement.institution_id)
        resident = session.get(Resident, placement.resident_id)
        year = resident.offence_date.year if resident and resident.offence_date else None
        wage = minimum_wage(session, inst.province_code, year)
        region = session.get(Region, inst.province_code)
    with rules():
        check_loss(placement.victim_loss, wage.amount if wage else None,
                   region.name if region else inst.province_code, year)


def meeting_of(session: Session, placement: Placement) -> PlacementMeeting | None:
    """The Pasal 14 meeting's agreement of a placement, if recorded."""
    return session.scalar(select(PlacementMeeting).where(PlacementMeeting.placement_id == placement.id))


def record_meeting(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> PlacementMeeting:
    """Record the meeting's agreement, before admission (Pasal 14 ayat 3–6)."""
    if not can(user, WRITE, placement):
        raise Forbidden()
    if placement.basis != LegalBasis.PRE_PROCESS.value:
        raise ServiceError(_("Kesepakatan musyawarah Pasal 14 hanya untuk anak yang belum menjalani proses hukum "
                             "(Pasal 9 ayat 1 huruf e)."), "basis")
    if placement.status != STATUS_PENDING or meeting_of(session, placement) is not None:
        raise ServiceError(_("Kesepakatan musyawarah dicatat sekali, sebelum anak diterima (Pasal 14 ayat 3)."),
                           "held_on")
    participants = data.get("participants") or []
    if isinstance(participants, str):
        participants = [p.strip() for p in participants.replace(";", ",").split(",") if p.strip()]
    held_on = parse_date(data.get("held_on"), "held_on", _("Tanggal musyawarah"))
    place = parse_text(data.get("place"), "place", _("Tempat musyawarah"), 200)
    outcome = parse_text(data.get("outcome"), "outcome", _("Hasil kesepakatan"), 4000)
    initiator = parse_choice(data.get("initiator"), "initiator", _("Pemrakarsa"),
                             tuple(m.value for m in MeetingInitiator))
    with rules():
        chosen = check_meeting(held_on, place, initiator, participants, outcome,
                               (placement.conditions or "").split(","), today())
    meeting = PlacementMeeting(
        institution_id=placement.institution_id, placement_id=placement.id, held_on=held_on, place=place,
        initiator=initiator, initiator_name=parse_text(data.get("initiator_name"), "initiator_name",
                                                       _("Nama pemrakarsa"), 120),
        participants=",".join(p.value for p in chosen), outcome=outcome,
        other_participants=parse_text(data.get("other_participants"), "other_participants", _("Pihak lain"), 300))
    session.add(meeting)
    placement.updated_at = utcnow()
    session.flush()
    return meeting


def require_meeting(session: Session, placement: Placement, handover_day) -> None:
    """Admission of a child not yet in legal process rests on the meeting's agreement (Pasal 14 ayat 3)."""
    if placement.basis != LegalBasis.PRE_PROCESS.value:
        return
    meeting = meeting_of(session, placement)
    if meeting is None or meeting.held_on > handover_day:
        raise ServiceError(_("Kesepakatan musyawarah (tanggal, tempat, pemrakarsa, peserta, hasil) wajib dicatat "
                             "sebelum anak diterima (Pasal 14 ayat 3–6)."), "meeting")
