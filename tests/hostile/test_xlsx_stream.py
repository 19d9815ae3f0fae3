"""The streaming .xlsx writer of the large exports: a workbook openpyxl (and so Excel) reads back cell for cell."""
from __future__ import annotations

import zipfile
from datetime import date, datetime

from openpyxl import load_workbook

from lpks.io.xlsx_stream import write_xlsx


def _read(stream) -> list[tuple]:
    return list(load_workbook(stream, read_only=True).worksheets[0].iter_rows(values_only=True))


def test_values_come_back_with_their_types_and_columns():
    rows = [("nama", "jumlah", "tanggal", "kosong", "akhir"),
            ("A & B <c>", 7, date(2025, 8, 11), None, 1.5),
            ("", None, datetime(2026, 1, 2, 3, 4, 5), "x", True)]
    read = _read(write_xlsx("anak", iter(rows)))
    assert read[0] == rows[0]
    assert read[1] == ("A & B <c>", 7, datetime(2025, 8, 11), None, 1.5)
    assert read[2] == (None, None, datetime(2026, 1, 2, 3, 4, 5), "x", True)


def test_text_is_kept_as_text_never_a_formula_and_control_characters_are_dropped():
    stream = write_xlsx("anak", [["'=HYPERLINK(1)", "a\x00b\x1fc", "  spasi  "]])
    assert _read(stream) == [("'=HYPERLINK(1)", "abc", "  spasi  ")]
    with zipfile.ZipFile(stream) as archive:
        assert "<f>" not in archive.read("xl/worksheets/sheet1.xml").decode()


def test_many_rows_stream_through_in_batches():
    read = _read(write_xlsx("anak", ([i, f"R{i}"] for i in range(5001))))
    assert len(read) == 5001 and read[-1] == (5000, "R5000")
