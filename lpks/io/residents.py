"""Excel export (pseudonymised by default, full identity audited) and all-or-nothing import of residents with
their current placements. Every row goes through the same services as the web and the API."""
from __future__ import annotations

import io
from typing import Any

from flask_babel import gettext as _
from openpyxl import Workbook
from sqlalchemy import and_, select
from sqlalchemy.orm import Session

from lpks.io.cells import neutralise_cell
from lpks.platform.errors import Forbidden
from lpks.platform.services import audit
from lpks.registry.models.institution import Institution
from lpks.residents.models.placement import STATUS_EXITED, Placement
from lpks.residents.models.resident import IDENTITY_FIELDS, Resident
from lpks.residents.services import residents
from lpks.residents.services.importing import COLUMNS
from lpks.residents.services.placement_status import label
from lpks.rules import LegalBasis, ResidentKind, Route
from lpks.security import READ, scope_clause

PUBLIC_HEADER = ("nomor_register", "inisial", "jenis_abh", "jenis_kelamin", "jalur_usia", "usia_saat_tindak_pidana",
                 "lpks", "dasar_hukum", "status_penempatan", "tanggal_mulai", "hari_terakhir",
                 "syarat_waktu_pembebasan_bersyarat")
IDENTITY_HEADER = ("nama_lengkap", "nik", "tempat_lahir", "tanggal_lahir", "alamat", "orang_tua_wali", "agama",
                   "pendidikan", "disabilitas", "tanggal_tindak_pidana", "uraian_tindak_pidana")


def _cell(value: Any) -> Any:
    return neutralise_cell(value) if isinstance(value, str) else value


def export_residents(session: Session, user: Any, *, identity: bool) -> io.BytesIO:
    """The residents in the user's scope as .xlsx; an "export" audit row, and a "view_identity" per child."""
    stream = io.BytesIO()
    revealed = write_residents(session, user, identity, stream)
    record_residents_export(session, identity, revealed)
    stream.seek(0)
    return stream


def residents_statement(user: Any, identity: bool):
    """The export's rows: plain columns of the residents in scope with their current placement."""
    current = and_(Placement.resident_id == Resident.id, Placement.status != STATUS_EXITED)
    identity_columns = [getattr(Resident, key) for key in IDENTITY_FIELDS] if identity else []
    return (select(Resident.id, Resident.register_number, Resident.initials, Resident.kind, Resident.sex,
                   Resident.route, Resident.age_at_offence, Institution.name, Placement.basis, Placement.status,
                   Placement.start_date, Placement.last_day, Placement.parole_eligible_from, *identity_columns)
            .join(Institution, Institution.id == Resident.institution_id).outerjoin(Placement, current)
            .where(scope_clause(user, Resident, READ)).order_by(Institution.name, Resident.register_number))


def write_residents(session: Session, user: Any, identity: bool, target, progress=None) -> list[int]:
    """Write the export to `target` (a path or a binary stream); returns the children whose identity it holds."""
    if identity and not residents.may_export_identity(user):
        raise Forbidden(_("Ekspor identitas lengkap hanya untuk operator LPKS dan Dinas Sosial kabupaten/kota."))
    # Plain columns streamed in batches (not 100,000 Resident objects held at once): memory stays flat.
    rows = session.execute(residents_statement(user, identity).execution_options(yield_per=2000))
    labels: dict[tuple[type, str], str] = {}  # a handful of distinct codes: translate each once

    def cached(enum_type: type, value: str) -> str:
        if (enum_type, value) not in labels:
            labels[(enum_type, value)] = label(enum_type, value)
        return labels[(enum_type, value)]

    revealed: list[int] = []  # one "view_identity" audit row per child, written together after the rows
    book = Workbook(write_only=True)  # openpyxl streams the rows to a temporary file: memory stays flat
    sheet = book.create_sheet("anak")
    sheet.append(PUBLIC_HEADER + (IDENTITY_HEADER if identity else ()))
    for count, (ident, number, initials, kind, sex, route, age, lpks, basis, status, start, last_day, parole,
                *identity_values) in enumerate(rows, start=1):
        values = [number, initials, cached(ResidentKind, kind), sex, cached(Route, route) if route else "", age,
                  lpks, cached(LegalBasis, basis) if basis else "", status or "", start, last_day, parole]
        if identity:
            values += identity_values
            revealed.append(ident)
        sheet.append([_cell(value) for value in values])
        if progress is not None:
            progress(count)
    book.save(target)
    return revealed


def record_residents_export(session: Session, identity: bool, revealed: list[int]) -> None:
    """The export's audit rows: a "view_identity" per child whose identity it holds, and the "export" itself."""
    audit.record_many(session, "view_identity", "resident", revealed, ("export",))
    audit.record(session, "export", "resident", None, ("identity",) if identity else ("pseudonymised",))


def import_template() -> io.BytesIO:
    """An empty workbook with the import columns and a sheet explaining each one."""
    book = Workbook()
    sheet = book.active
    sheet.title = "anak"
    sheet.append([name for name, _desc in COLUMNS])
    help_sheet = book.create_sheet("petunjuk")
    help_sheet.append(["kolom", "keterangan"])
    for name, description in COLUMNS:
        help_sheet.append([name, str(description)])
    stream = io.BytesIO()
    book.save(stream)
    stream.seek(0)
    return stream
