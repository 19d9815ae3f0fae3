"""A child under 12 (Pasal 10 ayat 3): the submission of the meeting's decision to the court and the court's
determination, with its 3-day deadline (RULES §4 Under 12)."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from sqlalchemy.orm import Session

from lpks.platform.errors import Forbidden, ServiceError
from lpks.platform.models.base import utcnow
from lpks.residents.models.placement import STATUS_EXITED, Placement
from lpks.platform.dates import parse_date
from lpks.residents.services.common import parse_text, rules, today
from lpks.rules import (
    LegalBasis,
    check_determination,
    check_submission,
    under_12_court_deadline,
)
from lpks.security import WRITE, can


def record_court(session: Session, user: Any, placement: Placement, data: dict[str, Any]) -> Placement:
    """Record the submission to the court (its deadline follows) and, once decided, the determination's number
    and date; a determination recorded is a decision taken and is not changed (RULES §4)."""
    if not can(user, WRITE, placement):
        raise Forbidden()
    if placement.basis != LegalBasis.UNDER_12.value:
        raise ServiceError(_("Penetapan pengadilan atas keputusan musyawarah hanya untuk anak belum berusia 12 tahun "
                             "(Pasal 10 ayat 3)."), "basis")
    if placement.status == STATUS_EXITED:
        raise ServiceError(_("Penempatan yang sudah berakhir tidak dapat diubah."), "status")
    if placement.court_determination_date is not None:
        raise ServiceError(_("Penetapan pengadilan sudah dicatat dan tidak dapat diubah (Pasal 10 ayat 3)."),
                           "court_determination_number")
    if data.get("court_submitted_on") not in (None, ""):
        submitted = parse_date(data.get("court_submitted_on"), "court_submitted_on",
                               _("Tanggal pengajuan ke pengadilan"))
        with rules():
            check_submission(submitted, placement.start_date, today())
        placement.court_submitted_on = submitted
        placement.court_deadline = under_12_court_deadline(submitted)
    number = parse_text(data.get("court_determination_number"), "court_determination_number",
                        _("Nomor penetapan pengadilan"), 80)
    dated = parse_date(data.get("court_determination_date"), "court_determination_date",
                       _("Tanggal penetapan pengadilan"), required=False)
    if number or dated:
        with rules():
            check_determination(placement.court_submitted_on, number, dated, today())
        placement.court_determination_number, placement.court_determination_date = number, dated
    elif data.get("court_submitted_on") in (None, ""):
        raise ServiceError(_("Isi tanggal pengajuan ke pengadilan atau nomor dan tanggal penetapannya."),
                           "court_submitted_on")
    placement.updated_at = utcnow()
    session.flush()
    return placement
