"""Facts are not silently ignored (RULES §4): a change to a field the rules derive or fix is refused with 422 naming
the field, never accepted and dropped. Sending a field's current value back is no change and passes."""
from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _

from lpks.platform.errors import ServiceError

Why = Callable[[], str]


def _derived_period() -> str:
    return _("dihitung oleh aturan dari tanggal mulai, jumlah hari dan perpanjangan (Pasal 11 ayat 3–4)")


def _derived_court() -> str:
    return _("dihitung oleh aturan dari tanggal mulai dan lama penempatan (Pasal 13 ayat 4 dan 6)")


def _fixed() -> str:
    return _("ditetapkan saat data dibuat")


def _by_action(action: Callable[[], str]) -> Why:
    return lambda: _("dicatat hanya melalui %(action)s", action=action())


PERIOD_FIELDS: dict[str, Why] = {
    "level": lambda: _("tingkat berikutnya dibuka sebagai masa titipan baru (Pasal 11 ayat 3)"),
    **{name: _derived_period for name in ("total_days", "max_days", "last_day", "notice_deadline",
                                          "calendar_missing_years")},
    **{name: _by_action(lambda: _("masa titipan tingkat berikutnya atau keluarnya anak"))
       for name in ("status", "closed_on", "closed_reason")},
    **{name: _by_action(lambda: _("pencatatan surat pemberitahuan (Pasal 11 ayat 4)"))
       for name in ("notice_sent_on", "notice_number")},
    "extensions": _by_action(lambda: _("pencatatan perpanjangan")),
    **{name: _by_action(lambda: _("konfirmasi hari tanpa masa titipan saat masa dibuka atau dikoreksi"))
       for name in ("uncovered_from", "uncovered_days")},
    **{name: _by_action(lambda: _("koreksi tanggal mulai atau jumlah hari dengan surat koreksi"))
       for name in ("corrected_letter_number", "corrected_letter_date")},
    **{name: _fixed for name in ("id", "placement_id", "institution_id")},
}

PLACEMENT_FIELDS: dict[str, Why] = {
    **{name: _derived_court for name in ("last_day", "parole_eligible_from")},
    "basis": lambda: _("dasar hukum tidak berubah; batalkan penempatan yang belum diterima dan catat yang baru "
                       "(Pasal 9 ayat 1)"),
    **{name: _by_action(lambda: _("admisi")) for name in ("status", "handover_at", "doctor_certificate_due",
                                                           "over_capacity_reason")},
    "doctor_certificate_received_at": _by_action(lambda: _("pencatatan surat keterangan sehat")),
    **{name: _by_action(lambda: _("penilaian perilaku (Pasal 13 ayat 6)"))
       for name in ("behaviour_good", "behaviour_assessed_on", "behaviour_note")},
    **{name: _by_action(lambda: _("pengakhiran penempatan"))
       for name in ("exit_date", "exit_reason", "exit_note", "exit_decision_number", "exit_decision_date")},
    **{name: _by_action(lambda: _("pencatatan pengajuan dan penetapan pengadilan (Pasal 10 ayat 3)"))
       for name in ("court_submitted_on", "court_deadline", "court_determination_number", "court_determination_date")},
    **{name: _fixed for name in ("id", "resident_id", "institution_id")},
}


def _same(value: Any, current: Any) -> bool:
    """Is the sent value the stored one (a date as ISO text, a number as text or number)?"""
    if isinstance(current, (date, datetime)):
        current = current.isoformat()
    if value is None or current is None:
        return value is None and current is None
    if isinstance(value, bool) or isinstance(current, bool):
        return value is current
    return str(value).strip() == str(current)


def refuse_fixed(obj: Any, data: dict[str, Any], accepted: Collection[str], fields: dict[str, Why]) -> None:
    """422 naming the first field of `data` the service would otherwise drop: a derived or fixed field whose value
    differs from the stored one (saying why it cannot be set), or a field the object does not have."""
    for key, value in data.items():
        if key in accepted or key == "version":
            continue
        name = str(key) or "body"
        if key in fields:
            if _same(value, getattr(obj, key, None)):
                continue
            raise ServiceError(_("Kolom '%(field)s' tidak dapat diubah: %(why)s.", field=name, why=fields[key]()),
                               name)
        raise ServiceError(_("Kolom '%(field)s' tidak dikenal atau tidak dapat diubah di sini.", field=name), name)
