"""Read tabular files (CSV or XLSX) into header-keyed rows with their row numbers."""
from __future__ import annotations

import csv
import io
from pathlib import Path

from flask_babel import gettext as _

from lpks.io.upload import read_table
from lpks.platform.errors import ServiceError


def read_rows(path: str | Path, required: tuple[str, ...]) -> list[tuple[int, dict[str, str]]]:
    """Rows as (row number in the file, {column: text}); refuses missing columns."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        # the shared, hardened reader (size, zip bomb, DTD, row limits); it keeps the sheet's row numbers
        table = read_table(path, path.name, required=required)
        return table.records(lambda v: str(v if v is not None else "").strip())
    if suffix != ".csv":
        raise ServiceError(_("Format berkas '%(extension)s' tidak didukung: gunakan .csv atau .xlsx.",
                             extension=suffix or path.name), "file")
    rows = _csv_rows(path)
    if not rows:
        raise ServiceError(_("Berkas kosong: baris pertama harus berisi judul kolom."), "file")
    header = [str(h or "").strip().lower() for h in rows[0]]
    missing = [c for c in required if c not in header]
    if missing:
        raise ServiceError(_("Kolom wajib tidak ada: %(missing)s (judul kolom: %(required)s).",
                             missing=', '.join(missing), required=', '.join(required)), "file")
    result = []
    for number, values in enumerate(rows[1:], start=2):
        if not any(str(v or "").strip() for v in values):
            continue
        record = {name: str(values[i] if i < len(values) and values[i] is not None else "").strip()
                  for i, name in enumerate(header) if name}
        result.append((number, record))
    return result


def _csv_rows(path: Path) -> list[list[str]]:
    text = path.read_bytes().decode("utf-8-sig")
    return [row for row in csv.reader(io.StringIO(text))]
