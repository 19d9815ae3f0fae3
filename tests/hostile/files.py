"""Hostile spreadsheets: zip bombs, entity bombs, XXE, renamed programs, huge files (built in memory)."""
from __future__ import annotations

import io
import zipfile

from tests.conftest import workbook

SHEET_HEAD = (b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
              b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
SHEET_TAIL = b"</sheetData></worksheet>"
BOMB_MB = 300


def _replace(content: bytes, replacements: dict[str, bytes]) -> bytes:
    """The same archive with some parts replaced (the rest copied as they are)."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replacements.get(info.filename, source.read(info.filename)))
    return out.getvalue()


def _sheet_part(content: bytes) -> str:
    return next(n for n in zipfile.ZipFile(io.BytesIO(content)).namelist() if n.startswith("xl/worksheets/sheet"))


def zip_bomb(header: list[str]) -> bytes:
    """A valid-looking .xlsx whose sheet XML inflates to BOMB_MB megabytes (≈ 0.3 MB compressed)."""
    base = workbook(header, [])
    part = _sheet_part(base)
    source = zipfile.ZipFile(io.BytesIO(base))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info.filename, source.read(info.filename))
        with target.open(part, "w", force_zip64=True) as sheet:
            sheet.write(SHEET_HEAD)
            block = b" " * (1024 * 1024)
            for _ in range(BOMB_MB):
                sheet.write(block)
            sheet.write(SHEET_TAIL)
    return out.getvalue()


LAUGHS = (b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol">'
          + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                     for i in range(1, 10))
          + b"]>")


def entity_bomb(header: list[str]) -> bytes:
    """Billion laughs in the sheet: a cell whose inline string is &lol9; (10^9 'lol')."""
    base = workbook(header, [["x"] * len(header)])
    body = (SHEET_HEAD.split(b"\n", 1)[1].replace(b"<sheetData>", b"<sheetData><row r=\"1\">")
            + b'<c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>' + SHEET_TAIL)
    return _replace(base, {_sheet_part(base): LAUGHS + b"\n" + body})


def xxe(header: list[str], target: str = "/etc/passwd") -> bytes:
    """An external entity in sharedStrings.xml pointing at a local file."""
    base = workbook(header, [["x"] * len(header)])
    strings = (b'<?xml version="1.0"?>\n<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file://' + target.encode() + b'">]>'
               b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
               b"<si><t>&xxe;</t></si></sst>")
    names = zipfile.ZipFile(io.BytesIO(base)).namelist()
    part = "xl/sharedStrings.xml" if "xl/sharedStrings.xml" in names else _sheet_part(base)
    return _replace(base, {part: strings})


EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"This program cannot be run in DOS mode."


def oversized(limit_bytes: int) -> bytes:
    """A real .xlsx followed by incompressible padding past the limit."""
    import os

    return workbook(["a"], [["b"]]) + os.urandom(limit_bytes + 512 * 1024)
