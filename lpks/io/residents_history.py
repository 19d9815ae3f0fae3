"""A child's processing history as .xlsx (times in the users' zone, Asia/Jakarta; every text cell neutralised)."""
from __future__ import annotations

import io
from datetime import timezone
from typing import Any

from flask_babel import gettext as _
from openpyxl import Workbook
from sqlalchemy.orm import Session

from lpks.io.cells import neutralise_cell
from lpks.platform import clock
from lpks.platform.labels import field_labels, role_label
from lpks.residents import history as residents_history


def _local(moment):
    """An aware (or naive UTC) time as a naive local time: spreadsheets hold no time zone."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(clock.local_zone()).replace(tzinfo=None)


def export_history(session: Session, user: Any, ident) -> tuple[io.BytesIO, str]:
    """The workbook and its file name (register number only); scoped and audited by the service."""
    resident, entries = residents_history.history_all(session, user, ident)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("riwayat")
    sheet.append([neutralise_cell(_("Riwayat pemrosesan data anak")), neutralise_cell(resident.register_number),
                  neutralise_cell(resident.initials)])
    sheet.append([_("Waktu (%(zone)s)", zone=str(clock.local_zone())), _("Pengguna"), _("Peran"), _("Tindakan"),
                  _("Objek"), _("Kolom (nama saja)")])
    for item in entries:
        sheet.append([_local(item["at"])] + [neutralise_cell(value) for value in (
            item["username"] or "-", role_label(item["role"]) if item["role"] else "-",
            residents_history.action_label(item["action"]),
            residents_history.object_label(item["object_type"], item["object_id"]), field_labels(item["object_type"], item["fields"]))])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    name = "riwayat-" + "".join(c if c.isalnum() or c in "-." else "-" for c in resident.register_number) + ".xlsx"
    return stream, name
