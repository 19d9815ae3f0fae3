"""Geometry of a horizontal stacked bar chart drawn as inline SVG by the template (no JavaScript, no CDN; the CSP
allows SVG presentation attributes, colours come from classes in accreditation.css). Presentation only."""
from __future__ import annotations

from dataclasses import dataclass

LABEL_WIDTH = 220
BAR_WIDTH = 360
ROW_HEIGHT = 26
BAR_HEIGHT = 18


@dataclass(frozen=True)
class Segment:
    """One coloured part of a bar."""

    series: str
    value: int
    x: float
    width: float


@dataclass(frozen=True)
class Bar:
    """One region's bar."""

    label: str
    total: int
    y: int
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Chart:
    """Everything the SVG needs."""

    bars: tuple[Bar, ...]
    series: tuple[str, ...]
    width: int
    height: int
    label_width: int = LABEL_WIDTH
    bar_height: int = BAR_HEIGHT


def stacked_bars(rows: list[tuple[str, list[int]]], series: list[str]) -> Chart:
    """Bars scaled to the largest total; each row's values in the order of `series`."""
    top = max((sum(values) for _label, values in rows), default=0) or 1
    bars = []
    for index, (label, values) in enumerate(rows):
        x = float(LABEL_WIDTH)
        segments = []
        for name, value in zip(series, values):
            width = round(BAR_WIDTH * value / top, 1)
            if value:
                segments.append(Segment(name, value, x, width))
            x += width
        bars.append(Bar(label, sum(values), index * ROW_HEIGHT + 4, tuple(segments)))
    return Chart(tuple(bars), tuple(series), LABEL_WIDTH + BAR_WIDTH + 50, max(len(rows), 1) * ROW_HEIGHT + 8)
