"""The staff register (Pasal 59–62; certification Pasal 17 ayat (2); SPPA training Pasal 75 ayat (2))."""
from __future__ import annotations

from typing import Any

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlalchemy import select
from sqlalchemy.orm import Session

from accreditation import STAFF_FUNCTIONS, Engagement
from lpks.platform.errors import Collector, ServiceError
from lpks.registry.models.profile import OrganisationPosition
from lpks.registry.models.staff import StaffMember
from lpks.platform.dates import parse_date
from lpks.registry.services.common import (
    check_write,
    choice,
    create_record,
    period,
    text,
    today,
    update_record,
)

FUNCTION_CODES = tuple(fn.code for fn in STAFF_FUNCTIONS)
ENGAGEMENTS = tuple(e.value for e in Engagement)
FIELDS = ("name", "function", "engagement", "partner_name", "agreement_number", "agreement_valid_until",
          "certification_number", "certification_date", "certification_valid_until", "sppa_training_date",
          "sppa_certificate_number", "sppa_valid_until", "active_from", "active_until", "note")
LABELS = {
    "name": _l("Nama"), "function": _l("Fungsi"), "engagement": _l("Keterlibatan"),
    "partner_name": _l("Mitra kerja sama"),
    "agreement_number": _l("Nomor perjanjian kerja sama"), "agreement_valid_until": _l("Perjanjian berlaku sampai"),
    "certification_number": _l("Nomor sertifikat"), "certification_date": _l("Tanggal sertifikat"),
    "certification_valid_until": _l("Sertifikat berlaku sampai"), "sppa_training_date": _l("Tanggal pelatihan SPPA"),
    "sppa_certificate_number": _l("Nomor sertifikat pelatihan SPPA"),
    "sppa_valid_until": _l("Pelatihan SPPA berlaku sampai"),
    "active_from": _l("Aktif sejak"), "active_until": _l("Aktif sampai"), "note": _l("Catatan"),
}


def clean(data: dict[str, Any]) -> dict[str, Any]:
    """Validate one staff record; every bad field is reported (messages name the field and the rule)."""
    check = Collector()
    out: dict[str, Any] = {
        "name": check(text, data, "name", LABELS["name"], 120, required=True),
        "function": check(choice, data, "function", LABELS["function"], FUNCTION_CODES, required=True),
        "engagement": check(choice, data, "engagement", LABELS["engagement"], ENGAGEMENTS, default="sendiri"),
        "note": check(text, data, "note", LABELS["note"], 500),
    }
    for key in ("partner_name",):
        out[key] = check(text, data, key, LABELS[key], 200)
    for key in ("agreement_number", "certification_number", "sppa_certificate_number"):
        out[key] = check(text, data, key, LABELS[key], 100)
    now = today()
    for key in ("certification_date", "sppa_training_date"):
        out[key] = check(parse_date, data.get(key), key, LABELS[key], required=False, not_after=now)
    for key in ("agreement_valid_until", "certification_valid_until", "sppa_valid_until", "active_from",
                "active_until"):
        out[key] = check(parse_date, data.get(key), key, LABELS[key], required=False)
    # Cooperation is recorded for any function (it is what happens); the standards evaluation decides what it
    # is worth (Pasal 61 ayat (3) allows it for the optional staff only).
    if out["engagement"] == "kerja_sama":
        if not out["partner_name"] and not check.failed("partner_name"):
            check.errors.append(ServiceError(
                _("Mitra kerja sama wajib diisi untuk tenaga melalui kerja sama (Pasal 61 ayat (3))."), "partner_name"))
    elif not check.failed("engagement"):
        out["partner_name"] = out["agreement_number"] = out["agreement_valid_until"] = None
    if (out["certification_valid_until"] and not out["certification_number"]
            and not check.failed("certification_number")):
        check.errors.append(ServiceError(_("Nomor sertifikat wajib diisi bila masa berlaku sertifikat diisi."),
                                         "certification_number"))
    if out["sppa_valid_until"] and not out["sppa_training_date"] and not check.failed("sppa_training_date"):
        check.errors.append(ServiceError(_("Tanggal pelatihan SPPA wajib diisi bila masa berlakunya diisi."),
                                         "sppa_training_date"))
    check(period, out["certification_date"], out["certification_valid_until"], "certification_valid_until",
          LABELS["certification_date"], LABELS["certification_valid_until"])
    check(period, out["sppa_training_date"], out["sppa_valid_until"], "sppa_valid_until",
          LABELS["sppa_training_date"], LABELS["sppa_valid_until"])
    check(period, out["active_from"], out["active_until"], "active_until", LABELS["active_from"],
          LABELS["active_until"])
    check.done()
    return out


def create(session: Session, user: Any, data: dict[str, Any]) -> StaffMember:
    """Add a person to the staff register of an LPKS."""
    return create_record(session, user, StaffMember, data, clean)


def update_staff(session: Session, user: Any, staff: StaffMember, data: dict[str, Any]) -> StaffMember:
    """Change a staff record, refusing a stale version; fields left out keep their value."""
    return update_record(session, user, staff, data, clean, FIELDS)


def delete_staff(session: Session, user: Any, staff: StaffMember) -> None:
    """Remove a record entered by mistake (someone who left gets `active_until`); unlinks positions first."""
    check_write(user, staff)
    for position in session.scalars(select(OrganisationPosition).where(OrganisationPosition.staff_member_id == staff.id)):
        position.staff_member_id = None
    session.delete(staff)
    session.flush()


def same_index(session: Session, institution_id: int) -> dict[tuple[str, str], StaffMember]:
    """This LPKS's staff by (name lower-cased, function), the first record of each: a re-import's matches in one
    query (a query per row would also flush every row added before it)."""
    index: dict[tuple[str, str], StaffMember] = {}
    for staff in session.scalars(select(StaffMember).where(StaffMember.institution_id == institution_id)
                                 .order_by(StaffMember.id)):
        index.setdefault((staff.name.lower(), staff.function), staff)
    return index
