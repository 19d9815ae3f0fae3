"""The one reader of uploaded spreadsheets: every import goes through it, so every import gets the same defences.

Before openpyxl parses anything the archive is checked from its directory: size of the upload, number of parts,
declared uncompressed sizes and compression ratios (zip bombs), and every XML part is scanned, in bounded chunks,
for a DTD (entity bombs, XXE; openpyxl also parses through defusedxml). Rows are then streamed (read_only) with a
bounded number of columns and rows, so memory stays bounded whatever the file claims.
"""
from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable

from flask import current_app, has_app_context
from flask_babel import gettext as _

from lpks.platform.errors import ServiceError
from lpks.registry.services.evidence import TooLarge

MAX_ROWS = 10_000            # data rows per file (the largest import: residents of a whole region)
MAX_COLUMNS = 100            # columns read; a cell in column XFD must not make every row 16,384 values long
MAX_PARTS = 500              # parts in the archive
MAX_UNCOMPRESSED = 40 * 1024 * 1024   # declared uncompressed bytes of all parts together
MAX_RATIO = 100              # compressed:uncompressed of a part above 1 MB; real sheets stay far below
MAX_ERRORS = 100             # error lines shown; the rest are counted
_CHUNK = 1024 * 1024
# A DTD is never part of an Office Open XML part: its presence alone is the attack (entity bomb, XXE).
_DTD_MARKS = tuple(mark.encode(codec) for mark in ("<!DOCTYPE", "<!ENTITY")
                   for codec in ("ascii", "utf-16-le", "utf-16-be"))
_OVERLAP = max(len(m) for m in _DTD_MARKS)
_SIGNATURES = ((b"MZ", "program Windows (.exe/.dll)"), (b"\x7fELF", "program Linux"), (b"%PDF", "dokumen PDF"),
               (b"\xd0\xcf\x11\xe0", "buku kerja Excel lama (.xls)"), (b"\x89PNG", "gambar PNG"),
               (b"\xff\xd8\xff", "gambar JPEG"))


def upload_limit() -> int:
    """The largest accepted upload in bytes (LPKS_MAX_UPLOAD_MB, 10 MB by default)."""
    if has_app_context():
        return int(current_app.config.get("MAX_CONTENT_LENGTH") or 10 * 1024 * 1024)
    return 10 * 1024 * 1024


@dataclass
class Table:
    """The header (lower-cased) and the rows of one sheet as (row number in the sheet, values)."""

    header: list[str]
    rows: list[tuple[int, list[Any]]]

    def records(self, convert: Callable[[Any], Any] = lambda v: v) -> list[tuple[int, dict[str, Any]]]:
        """Rows keyed by header name (unnamed columns dropped)."""
        return [(number, {name: convert(values[i]) if i < len(values) else None
                          for i, name in enumerate(self.header) if name})
                for number, values in self.rows]


def cap_errors(errors: list[str], limit: int = MAX_ERRORS) -> list[str]:
    """The first `limit` error lines and one line counting the rest (a page of 10,000 lines helps nobody)."""
    if len(errors) <= limit:
        return errors
    return errors[:limit] + [_("… dan %(n)s kesalahan lain (perbaiki yang di atas lalu unggah lagi).",
                               n=len(errors) - limit)]


def _content(source: bytes | IO[bytes] | Path, name: str, limit: int) -> bytes:
    if isinstance(source, (str, Path)):
        with open(source, "rb") as handle:
            content = handle.read(limit + 1)
    elif isinstance(source, bytes):
        content = source
    else:
        content = source.read(limit + 1)
    if len(content) > limit:
        raise TooLarge(_("Berkas '%(name)s' melebihi batas unggahan %(mb)s MB.", name=name,
                         mb=limit // (1024 * 1024)))
    if not content:
        raise ServiceError(_("Berkas '%(name)s' kosong.", name=name), "file")
    return content


def _not_xlsx(content: bytes, name: str, hint: str) -> ServiceError:
    for magic, what in _SIGNATURES:
        if content.startswith(magic):
            return ServiceError(_("Berkas '%(name)s' adalah %(what)s, bukan buku kerja Excel .xlsx. %(hint)s",
                                  name=name, what=what, hint=hint), "file")
    return ServiceError(_("Berkas '%(name)s' tidak dapat dibaca sebagai buku kerja Excel .xlsx. %(hint)s", name=name,
                          hint=hint), "file")


def _check_archive(content: bytes, name: str) -> None:
    """Refuse zip bombs and DTDs from the archive directory and a bounded scan, before any XML parser runs."""
    damaged = ServiceError(_("Berkas '%(name)s' rusak atau tidak dapat dibaca sebagai .xlsx.", name=name), "file")
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise damaged from None
    bomb = ServiceError(_("Berkas '%(name)s' ditolak: isinya setelah diekstrak jauh lebih besar dari wajar "
                          "(dugaan zip bomb).", name=name), "file")
    if len(parts) > MAX_PARTS or sum(p.file_size for p in parts) > MAX_UNCOMPRESSED:
        raise bomb
    for part in parts:
        if part.file_size > _CHUNK and part.file_size > MAX_RATIO * max(part.compress_size, 1):
            raise bomb
    try:
        declaring = next((part.filename for part in parts if part.filename.lower().endswith((".xml", ".rels", ".vml"))
                          and _has_dtd(archive, part)), None)
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError, EOFError):
        raise damaged from None  # includes parts whose real size exceeds the declared one (bad CRC)
    if declaring:
        raise ServiceError(_("Berkas '%(name)s' ditolak: bagian %(part)s memuat deklarasi DTD/ENTITY yang tidak pernah "
                             "ada di buku kerja Excel (dugaan serangan XML).", name=name, part=declaring), "file")


def _has_dtd(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(part) as stream:  # zipfile stops at the declared size: the scan is bounded too
        while chunk := stream.read(_CHUNK):
            window = tail + chunk
            if any(mark in window for mark in _DTD_MARKS):
                return True
            tail = window[-_OVERLAP:]
    return False


def _open(source: bytes | IO[bytes] | Path, name: str | None, hint: str):
    """(name, workbook) of an upload that passed every check, opened read_only (the caller closes it)."""
    from openpyxl import load_workbook

    name = Path(name or getattr(source, "filename", None) or getattr(source, "name", None) or "unggahan").name
    content = _content(source, name, upload_limit())
    if not content.startswith(b"PK\x03\x04"):
        raise _not_xlsx(content, name, hint)
    _check_archive(content, name)
    try:
        return name, load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # noqa: BLE001  (whatever openpyxl raises on a damaged or hostile file is the same user error)
        raise _damaged(name) from None


def _damaged(name: str) -> ServiceError:
    return ServiceError(_("Berkas '%(name)s' rusak atau tidak dapat dibaca sebagai .xlsx.", name=name), "file")


def read_table(source: bytes | IO[bytes] | Path, name: str | None = None, *, required: tuple[str, ...] = (),
               sheet: str | None = None, keep_blank: bool = False, max_rows: int = MAX_ROWS,
               hint: str | None = None, progress: Callable[[int], None] | None = None) -> Table:
    """The first sheet (or `sheet` when present) of an uploaded .xlsx, checked and bounded; ServiceError otherwise.

    `required` columns missing are refused naming them; blank rows are dropped unless `keep_blank`; `progress` hears
    how many rows were read so far (a background import shows it)."""
    hint = hint or _("Gunakan templat dari sistem.")
    name, workbook = _open(source, name, hint)
    try:
        chosen = workbook[sheet] if sheet and sheet in workbook.sheetnames else workbook.worksheets[0]
        header, rows = _rows(chosen, name, keep_blank, max_rows, progress)
    except ServiceError:
        raise
    except Exception:  # noqa: BLE001
        raise _damaged(name) from None
    finally:
        workbook.close()
    missing = [column for column in required if column not in header]
    if missing:
        raise ServiceError(_("Kolom wajib tidak ada di berkas '%(name)s': %(columns)s. %(hint)s", name=name,
                             columns=", ".join(missing), hint=hint), "file")
    return Table(header, rows)


def count_rows(source: bytes | IO[bytes] | Path, name: str | None = None, *, upto: int) -> int:
    """How many data rows (not blank, below the header) the first sheet holds, counted no further than `upto` + 1,
    after the same checks as `read_table`: cheap whatever the size of the file (it decides inline or background).

    The sheet's XML is streamed directly (openpyxl would first scan a whole sheet that declares no dimension, as
    every write_only workbook, ours included); a text cell counts as data unless it is blank."""
    name = Path(name or getattr(source, "filename", None) or getattr(source, "name", None) or "unggahan").name
    hint = _("Gunakan templat dari sistem.")
    content = _content(source, name, upload_limit())
    if not content.startswith(b"PK\x03\x04"):
        raise _not_xlsx(content, name, hint)
    _check_archive(content, name)  # no DTD anywhere (and defusedxml would refuse one)
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        return _stream_count(archive, _first_sheet(archive), upto)
    except Exception:  # noqa: BLE001  (an unusual layout: openpyxl's reading decides, with its own errors)
        name, workbook = _open(content, name, hint)
        try:
            rows = workbook.worksheets[0].iter_rows(min_row=2, max_col=MAX_COLUMNS, values_only=True)
            return _count((any(v is not None and str(v).strip() for v in values) for values in rows), upto)
        except Exception:  # noqa: BLE001
            raise _damaged(name) from None
        finally:
            workbook.close()


def _count(data_rows, upto: int | None = None) -> int:
    count = 0
    for number, data in enumerate(data_rows, start=2):
        if data:
            count += 1
            if upto is not None and count > upto:
                break
        elif number > 2 * MAX_ROWS + 1000:
            break
    return count


_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_RELATION = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def _first_sheet(archive: zipfile.ZipFile) -> str:
    """The archive path of the workbook's first sheet (the one `read_table` reads)."""
    from defusedxml.ElementTree import fromstring

    sheet = fromstring(archive.read("xl/workbook.xml")).find(f"{_MAIN}sheets/{_MAIN}sheet")
    relation = sheet.get(_RELATION)
    target = next(r.get("Target") for r in fromstring(archive.read("xl/_rels/workbook.xml.rels"))
                  if r.get("Id") == relation)
    return target.lstrip("/") if target.startswith("/") else "xl/" + target


def _has_value(cell) -> bool:
    """A cell that reads as a value: a shared string, or a number or inline text that is not blank."""
    if cell.get("t") == "s":
        return cell.find(f"{_MAIN}v") is not None
    text = cell.findtext(f"{_MAIN}v") or "".join(t.text or "" for t in cell.iter(f"{_MAIN}t"))
    return bool(text.strip())


def _stream_count(archive: zipfile.ZipFile, part: str, upto: int) -> int:
    from defusedxml.ElementTree import iterparse

    def data_rows():
        header = True
        with archive.open(part) as stream:
            for _event, element in iterparse(stream):
                if element.tag != f"{_MAIN}row":
                    continue
                if header and element.get("r") in (None, "1"):
                    header = False
                else:
                    yield any(_has_value(cell) for cell in element.iter(f"{_MAIN}c"))
                header = False
                element.clear()

    return _count(data_rows(), upto)


def _rows(sheet, name: str, keep_blank: bool, max_rows: int,
          progress: Callable[[int], None] | None = None) -> tuple[list[str], list[tuple[int, list]]]:
    header: list[str] | None = None
    rows: list[tuple[int, list]] = []
    for number, values in enumerate(sheet.iter_rows(max_col=MAX_COLUMNS, values_only=True), start=1):
        if header is None:
            # "Kode provinsi" and "kode_provinsi" name the same column: pages name columns in words
            header = ["_".join(str(h or "").lower().split()) for h in values]
            if not any(header):
                raise ServiceError(_("Berkas '%(name)s' kosong: baris pertama harus berisi judul kolom.", name=name),
                                   "file")
            continue
        blank = not any(v is not None and str(v).strip() for v in values)
        if blank and not keep_blank:
            if number > 2 * max_rows + 1000:  # millions of empty rows: stop reading, they carry nothing
                break
            continue
        if len(rows) >= max_rows:
            raise ServiceError(_("Berkas '%(name)s' berisi lebih dari %(n)s baris data; paling banyak %(n)s baris "
                                 "per berkas: bagi menjadi beberapa berkas.", name=name, n=max_rows), "file")
        rows.append((number, list(values)))
        if progress is not None:
            progress(len(rows))
    if header is None:
        raise ServiceError(_("Berkas '%(name)s' kosong: baris pertama harus berisi judul kolom.", name=name), "file")
    while rows and not any(v is not None and str(v).strip() for v in rows[-1][1]):
        rows.pop()  # trailing blank rows of a kept-blank sheet are formatting, not data
    return header, rows
