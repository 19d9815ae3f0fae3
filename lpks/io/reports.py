"""Workbooks of the figures and of a yearly report: one sheet per table, a definitions sheet, and for a report its
narrative, compiled reports and missing offices. Cells are the ones the page shows ("< 3" for a masked count)."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from flask_babel import gettext as _

from lpks.io.workbook import workbook_bytes
from lpks.reports.present import SectionView


def _sheet_title(index: int, title: str) -> str:
    """A unique sheet name of at most 31 characters, without the characters Excel refuses."""
    clean = "".join(c for c in title if c not in "[]:*?/\\")
    return f"{index}. {clean}"[:31]


def figure_sheets(sections: list[SectionView]) -> list[tuple[str, list[str], Iterable[Iterable[Any]]]]:
    """One sheet per figure: a row per region or LPKS, a column per category, and the totals row."""
    sheets = []
    figures = [f for s in sections for f in s.figures]
    for index, f in enumerate(figures, start=1):
        header = [_("Wilayah/LPKS"), *[c.label for c in f.columns]]
        rows = [[r.name, *r.cells] for r in f.rows] + [[f.totals.name, *f.totals.cells]]
        sheets.append((_sheet_title(index, f.title), header, rows))
    return sheets


def definitions_sheet(sections: list[SectionView], about: list[tuple[str, Any]]):
    """What every table counts and on which date, after the area, period and masking of the whole workbook."""
    rows: list[list[Any]] = [[label, value, "", ""] for label, value in about]
    rows.append(["", "", "", ""])
    figures = [f for s in sections for f in s.figures]
    for index, f in enumerate(figures, start=1):
        rows.append([_sheet_title(index, f.title), f.title, f.unit, f.definition])
    return (_("Definisi"), [_("Lembar"), _("Angka"), _("Satuan"), _("Definisi: apa yang dihitung, pada tanggal apa")],
            rows)


def figures_workbook(sections: list[SectionView], about: list[tuple[str, Any]]) -> bytes:
    """The figures of an area and period as a workbook: definitions first, then one sheet per table."""
    return workbook_bytes([definitions_sheet(sections, about), *figure_sheets(sections)])


def report_workbook(sections: list[SectionView], about: list[tuple[str, Any]], narrative: list[tuple[str, Any]],
                    parts: list[dict], part_columns: list[tuple[str, str]], missing: list[dict]) -> bytes:
    """A yearly report: its narrative, its compiled reports and missing offices, definitions, one sheet per table."""
    sheets = [(_("Laporan"), [_("Bagian"), _("Isi")], narrative), definitions_sheet(sections, about)]
    if part_columns is not None and (parts or missing):
        header = [_("Kode"), _("Kantor"), _("Revisi"), _("Dikirim"), _("Diterima"),
                  *[label for _key, label in part_columns]]
        rows = [[p["region_code"], p["name"], p["revision"], p["submitted_at"], p["received_at"],
                 *[p["headline"].get(key) for key, _label in part_columns]] for p in parts]
        sheets.append((_("Laporan dihimpun"), header, rows))
        sheets.append((_("Belum dihimpun"), [_("Kode"), _("Kantor"), _("Status")],
                       [[m["code"], m["name"], m["status_label"]] for m in missing]))
    return workbook_bytes([*sheets, *figure_sheets(sections)])
