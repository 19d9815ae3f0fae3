"""Figures as a reader sees them: texts in the reader's language, small cells masked for province and national
readers (after computing: the numbers underneath stay exact), ratios and totals. The page, the PDF, the workbook and
the API all take these views, so they show the same cells."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask import g, has_app_context
from flask_babel import force_locale
from flask_babel import gettext as _

from lpks.reports.registry import REGISTRY, SECTIONS
from lpks.rules.reporting import SMALL_CELL_TEXT, is_small

LOCALES = ("id", "en")
MASKED_RATIO = "–"
Cell = int | str | None


def texts(keys, categories: dict[str, list[str]]) -> dict[str, Any]:
    """The texts of some figures in the current language: title, definition, unit, section and category labels."""
    out: dict[str, Any] = {"sections": {key: str(title) for key, title in SECTIONS.items()}, "figures": {}}
    for key in keys:
        figure = REGISTRY.get(key)
        if figure is None:
            continue
        labels = {code: figure.label(code) for code in categories.get(key, ())}
        labels.update({code: figure.label(code) for code, _num, _den in figure.ratios})
        out["figures"][key] = {"title": str(figure.title), "definition": str(figure.definition),
                               "unit": str(figure.unit), "labels": labels}
    return out


def texts_all_languages(data: dict) -> dict[str, Any]:
    """The texts in every language of the system, for a frozen snapshot (it must not change with the code)."""
    categories = {key: fig["categories"] for key, fig in data["figures"].items()}
    if has_app_context():  # flask_babel's force_locale does nothing while `g` is empty (a script's bare app context)
        g.setdefault("lpks_texts_in_all_languages", True)
    result = {}
    for locale in LOCALES:
        with force_locale(locale):
            result[locale] = texts(data["figures"].keys(), categories)
    return result


@dataclass
class Column:
    code: str
    label: str
    kind: str = "count"  # count, ratio or total


@dataclass
class Row:
    code: str
    name: str
    area: str | None
    cells: list[Cell]


@dataclass
class FigureView:
    key: str
    section: str
    title: str
    definition: str
    unit: str
    chart: str | None
    columns: list[Column]
    rows: list[Row]
    totals: Row
    masked: int = 0  # cells shown as "< 3"


@dataclass
class SectionView:
    key: str
    title: str
    figures: list[FigureView]


def _cell(value: int, counts_children: bool, mask: bool) -> Cell:
    return SMALL_CELL_TEXT if mask and counts_children and is_small(value) else value


def _ratio(values: dict[str, int], num, den, masked_inputs: bool) -> str:
    numerator, denominator = sum(values.get(c, 0) for c in num), sum(values.get(c, 0) for c in den)
    if masked_inputs:
        return MASKED_RATIO
    return f"{round(100 * numerator / denominator)}%" if denominator else "-"


def figure_view(key: str, fig: dict, rows: list[dict], text: dict, mask: bool, office_name: str) -> FigureView:
    """One figure as a table: a row per region or LPKS, a column per category (then ratios, then the total)."""
    categories, children = fig["categories"], set(fig["children"])
    labels = text.get("labels", {})
    columns = [Column(c, labels.get(c, c)) for c in categories]
    columns += [Column(code, labels.get(code, code), "ratio") for code, _n, _d in fig["ratios"]]
    if fig["total"]:
        columns.append(Column("total", _("Jumlah"), "total"))
    view = FigureView(key, fig["section"], text.get("title", key), text.get("definition", ""), text.get("unit", ""),
                      fig["chart"], columns, [], Row("total", _("Jumlah"), None, []))

    def cells(values: dict[str, int]) -> list[Cell]:
        out: list[Cell] = [_cell(values.get(c, 0), c in children, mask) for c in categories]
        for _code, num, den in fig["ratios"]:
            hidden = mask and any(c in children and is_small(values.get(c, 0)) for c in num)
            out.append(_ratio(values, num, den, hidden))
        if fig["total"]:
            out.append(_cell(sum(values.get(c, 0) for c in categories), bool(children), mask))
        view.masked += sum(1 for value in out if value == SMALL_CELL_TEXT)
        return out

    grand: dict[str, int] = {}
    for row in rows:
        values = fig["values"].get(row["code"], {})
        for category, value in values.items():
            grand[category] = grand.get(category, 0) + value
        view.rows.append(Row(row["code"], row["name"] or office_name if row["code"] == "office" else
                             row["name"] or row["code"], row.get("area"), cells(values)))
    view.totals.cells = cells(grand)
    return view


def views(data: dict, text: dict, mask: bool) -> list[SectionView]:
    """Every figure of computed (or frozen) data as tables, grouped by section, in declaration order."""
    sections: dict[str, SectionView] = {}
    office = _("Dinas Sosial (ditangani langsung)")
    for key, fig in data["figures"].items():
        section = sections.setdefault(fig["section"], SectionView(
            fig["section"], text.get("sections", {}).get(fig["section"], fig["section"]), []))
        section.figures.append(figure_view(key, fig, data["rows"], text["figures"].get(key, {}), mask, office))
    return list(sections.values())


def pick_texts(stored: dict[str, Any], locale: str) -> dict[str, Any]:
    """A frozen snapshot's texts in the reader's language (Indonesian when it lacks that language)."""
    return stored.get(locale[:2]) or stored.get("id") or {"sections": {}, "figures": {}}
