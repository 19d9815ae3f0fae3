"""Exports neutralise every cell that a spreadsheet would run as a formula: = + - @ tab and carriage return
(existing area tests cover '=' through the web; here every prefix through every workbook writer)."""
from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook

from lpks.io import workbook
from lpks.io.cells import neutralise_cell

PREFIXES = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("prefix", PREFIXES, ids=repr)
def test_neutralise_cell_makes_every_formula_prefix_text(prefix):
    assert neutralise_cell(prefix + "HYPERLINK(\"http://x\")") == "'" + prefix + "HYPERLINK(\"http://x\")"


@pytest.mark.parametrize("writer", [workbook.workbook_bytes], ids=["workbook"])
def test_every_workbook_writer_neutralises_every_prefix(writer):
    values = [p + "cmd|' /C calc'!A0" for p in PREFIXES]
    content = writer([("uji", values, [values])])
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert cells == ["'" + v for v in values] * 2
    assert neutralise_cell(-5) == -5 and neutralise_cell("aman") == "aman"  # numbers and plain text untouched


def test_control_characters_are_dropped_so_the_export_can_be_written():
    """A control character that came in through the API cannot stop an export (openpyxl refuses it in a cell)."""
    assert neutralise_cell("Jl. Melati\x01 No. 5\x1f") == "Jl. Melati No. 5"
    assert neutralise_cell("\x02=SUM(A1)") == "'=SUM(A1)"
    content = workbook.workbook_bytes([("uji", ["a"], [["Nama\x0bAnak"]])])
    sheet = load_workbook(io.BytesIO(content), read_only=True).worksheets[0]
    assert [c for row in sheet.iter_rows(values_only=True) for c in row] == ["a", "NamaAnak"]
