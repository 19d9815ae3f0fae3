"""The one date parser of every input (API bodies and parameters, web forms, imports, the CLI): a field is required
unless the caller says otherwise, and each message names the field and the rule."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from flask_babel import gettext as _

from lpks.platform.errors import ServiceError

# ISO first; the two others are how Indonesian spreadsheets write a date when a cell holds text.
FORMATS = ("%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y")


def parse_date(value: Any, field: str, label: Any, *, required: bool = True,
               not_after: date | None = None) -> date | None:
    """A date from a date, a datetime or a text YYYY-MM-DD (also DD-MM-YYYY and DD/MM/YYYY); None when blank and
    not required; a date before 1900, or after `not_after` (today, for a date that cannot be in the future), is
    refused."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ServiceError(_("%(label)s wajib diisi (format TTTT-BB-HH).", label=label), field)
        return None
    if isinstance(value, datetime):
        value = value.date()
    if not isinstance(value, date):
        raw = str(value).strip()
        for pattern in FORMATS:
            try:
                value = datetime.strptime(raw, pattern).date()
                break
            except ValueError:
                continue
        else:
            raise ServiceError(_("%(label)s harus tanggal dengan format TTTT-BB-HH (contoh 2026-03-20).",
                                 label=label), field)
    if value.year < 1900:
        raise ServiceError(_("%(label)s tidak masuk akal (sebelum tahun 1900).", label=label), field)
    if not_after is not None and value > not_after:
        raise ServiceError(_("%(label)s tidak boleh sesudah hari ini.", label=label), field)
    return value
