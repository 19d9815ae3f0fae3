"""Geometry of the figures' charts, drawn as inline SVG by templates/reports/_charts.html: stacked bars to compare
regions, lines to compare months or years, and a tile map of the provinces. Server-side, no JavaScript, no CDN; at
most 644 units wide, so 12-unit labels stay 12 px on an A4 page; colours are presentation attributes (the CSP
forbids inline styles). Charts draw the cells the reader sees: a masked cell ("< 3") is drawn as nothing and
labelled as such."""
from __future__ import annotations

from dataclasses import dataclass

from lpks.reports.present import FigureView
from lpks.rules.reporting import SMALL_CELL_TEXT

WIDTH = 644
FONT = 12
PALETTE = ("#1b5e20", "#1565c0", "#ef6c00", "#6a1b9a", "#00838f", "#c62828", "#5d4037", "#283593", "#9e9d24",
           "#ad1457", "#455a64")
SHADES = ("#e8f0fb", "#b7cdef", "#7fa6df", "#3f74c4", "#1c4a93")


@dataclass(frozen=True)
class Segment:
    series: int
    value: int
    x: float
    width: float
    colour: str


@dataclass(frozen=True)
class Bar:
    label: str
    total: str
    y: float
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Legend:
    label: str
    colour: str
    x: float
    y: float


@dataclass(frozen=True)
class BarChart:
    kind: str
    bars: tuple[Bar, ...]
    legend: tuple[Legend, ...]
    width: int
    height: int
    label_width: int
    bar_height: int


def _numbers(cells) -> list[int]:
    return [c if isinstance(c, int) else 0 for c in cells]


MASKED_COLOUR = "#bdbdbd"


def bar_chart(view: FigureView) -> BarChart | None:
    """Stacked horizontal bars, one per row, one segment per category; None without any count to draw. Where the
    row's total is known and cells are masked, the masked share is one grey segment (the total is exact)."""
    counts = [i for i, c in enumerate(view.columns) if c.kind == "count"]
    total_at = next((i for i, c in enumerate(view.columns) if c.kind == "total"), None)
    if not view.rows or not counts:
        return None
    label_width, bar_width, row_height, bar_height = 190, WIDTH - 190 - 60, 22, 15

    def whole(row) -> int:
        known = row.cells[total_at] if total_at is not None else None
        return known if isinstance(known, int) else sum(_numbers(row.cells[i] for i in counts))

    top = max((whole(r) for r in view.rows), default=0)
    if top == 0:
        return None
    bars = []
    for index, row in enumerate(view.rows):
        x, segments = float(label_width), []
        cells = [row.cells[i] for i in counts]
        for series, value in enumerate(_numbers(cells)):
            width = round(bar_width * value / top, 1)
            if value:
                segments.append(Segment(series, value, x, width, PALETTE[series % len(PALETTE)]))
            x += width
        hidden = whole(row) - sum(_numbers(cells))
        if hidden > 0 and any(c == SMALL_CELL_TEXT for c in cells):
            segments.append(Segment(-1, hidden, x, round(bar_width * hidden / top, 1), MASKED_COLOUR))
        shown = row.cells[total_at] if total_at is not None else sum(_numbers(cells))
        bars.append(Bar(row.name, str(shown), index * row_height + 4, tuple(segments)))
    height = len(bars) * row_height + 8
    legend, x, y = [], 0.0, height + 6
    labels = [(view.columns[i].label, PALETTE[series % len(PALETTE)]) for series, i in enumerate(counts)]
    if any(s.series == -1 for b in bars for s in b.segments):
        labels.append((SMALL_CELL_TEXT, MASKED_COLOUR))
    for label, colour in labels:
        step = 22 + 7 * len(label)
        if x + step > WIDTH:
            x, y = 0.0, y + 18
        legend.append(Legend(label, colour, x, y))
        x += step
    return BarChart("bar", tuple(bars), tuple(legend), WIDTH, int(y + 20), label_width, bar_height)


@dataclass(frozen=True)
class Line:
    label: str
    colour: str
    points: tuple[tuple[float, float, str], ...]   # x, y, value as shown
    segments: tuple[tuple[float, float, float, float], ...]


@dataclass(frozen=True)
class LineChart:
    kind: str
    lines: tuple[Line, ...]
    ticks_x: tuple[tuple[float, str], ...]
    ticks_y: tuple[tuple[float, str], ...]
    width: int
    height: int
    left: int
    bottom: int
    legend: tuple[Legend, ...]


MAX_LINES = 6


def line_chart(view: FigureView) -> LineChart | None:
    """The total over the categories (months, years) as a line, with a line per row when there are few rows."""
    counts = [i for i, c in enumerate(view.columns) if c.kind == "count"]
    if not counts:
        return None
    series = [(view.totals.name, [view.totals.cells[i] for i in counts])]
    if 1 < len(view.rows) <= MAX_LINES:
        series += [(r.name, [r.cells[i] for i in counts]) for r in view.rows]
    top = max((max(_numbers(cells), default=0) for _n, cells in series), default=0)
    if top == 0:
        return None
    left, right, top_pad, bottom, height = 44, 16, 12, 210, 250
    span = max(len(counts) - 1, 1)
    step = (WIDTH - left - right) / span

    def xy(i: int, value: int) -> tuple[float, float]:
        return round(left + i * step, 1), round(bottom - (bottom - top_pad) * value / top, 1)

    lines = []
    for n, (label, cells) in enumerate(series):
        colour = PALETTE[n % len(PALETTE)]
        points = [(*xy(i, c), str(c)) for i, c in enumerate(cells) if isinstance(c, int)]
        segments = [(*xy(i, a), *xy(i + 1, b)) for i, (a, b) in enumerate(zip(cells, cells[1:]))
                    if isinstance(a, int) and isinstance(b, int)]
        lines.append(Line(label, colour, tuple(points), tuple(segments)))
    every = max(1, len(counts) // 8)
    ticks_x = tuple((xy(i, 0)[0], view.columns[c].label) for i, c in enumerate(counts) if i % every == 0)
    ticks_y = tuple((xy(0, v)[1], str(v)) for v in sorted({0, top // 2, top}))
    legend = tuple(Legend(line.label, line.colour, 130 * (k % 4), height + 4 + 18 * (k // 4))
                   for k, line in enumerate(lines))
    return LineChart("line", tuple(lines), ticks_x, ticks_y, WIDTH, height + 24 + 18 * ((len(lines) - 1) // 4),
                     left, bottom, legend)


# --- the provinces as tiles, roughly where they lie (west to east, north to south) -------------------------------
TILES = {
    "11": ("ACEH", 0, 0), "12": ("SUMUT", 1, 1), "14": ("RIAU", 2, 1), "21": ("KEPRI", 3, 1),
    "13": ("SUMBR", 1, 2), "15": ("JAMBI", 2, 2), "17": ("BKLU", 1, 3), "16": ("SUMSL", 2, 3),
    "19": ("BABEL", 3, 3), "18": ("LAMPG", 2, 4), "36": ("BANTN", 3, 5), "31": ("DKI", 4, 4),
    "32": ("JABAR", 4, 5), "33": ("JATNG", 5, 5), "34": ("DIY", 5, 6), "35": ("JATIM", 6, 5),
    "51": ("BALI", 7, 5), "52": ("NTB", 8, 5), "53": ("NTT", 9, 5), "61": ("KALBR", 4, 2),
    "62": ("KALTG", 5, 2), "65": ("KALTR", 6, 1), "64": ("KALTM", 6, 2), "63": ("KALSL", 6, 3),
    "75": ("GTLO", 8, 1), "71": ("SULUT", 9, 1), "72": ("SULTG", 8, 2), "76": ("SULBR", 7, 3),
    "73": ("SULSL", 8, 3), "74": ("SULTR", 9, 3), "82": ("MALUT", 10, 1), "81": ("MALUK", 10, 3),
    "96": ("PBD", 11, 2), "92": ("PABAR", 12, 2), "91": ("PAPUA", 13, 2), "94": ("PATNG", 12, 3),
    "95": ("PAPEG", 13, 3), "93": ("PASEL", 13, 4),
}
TILE_W, TILE_H = 46, 40


@dataclass(frozen=True)
class Tile:
    code: str
    name: str
    short: str
    value: str
    x: int
    y: int
    colour: str
    area: str | None
    dark: bool


@dataclass(frozen=True)
class TileMap:
    kind: str
    tiles: tuple[Tile, ...]
    legend: tuple[Legend, ...]
    width: int
    height: int
    tile_w: int
    tile_h: int


def tile_map(view: FigureView) -> TileMap | None:
    """The provinces of a national table as tiles shaded by the figure's total; each tile opens the province."""
    total_index = next((i for i, c in enumerate(view.columns) if c.kind == "total"), None)
    if total_index is None:
        return None
    values = {r.code: r.cells[total_index] for r in view.rows}
    top = max((v for v in values.values() if isinstance(v, int)), default=0)
    bounds = [max(1, -(-top * k // 4)) for k in range(1, 5)]  # ceil(top * k / 4)
    tiles = []
    for row in view.rows:
        if row.code not in TILES:
            continue
        short, col, line = TILES[row.code]
        value = values[row.code]
        shade = 0 if not isinstance(value, int) or not value else next(k for k, b in enumerate(bounds, 1) if value <= b)
        tiles.append(Tile(row.code, row.name, short, str(value), col * TILE_W, line * TILE_H, SHADES[shade],
                          row.area, shade >= 3))
    if not tiles:
        return None
    height = 7 * TILE_H
    legend = tuple(Legend(label, SHADES[i], 110 * i, height + 8)
                   for i, label in enumerate(("0 / < 3", *[f"≤ {b}" for b in bounds])))
    return TileMap("map", tuple(tiles), legend, 14 * TILE_W, height + 30, TILE_W, TILE_H)


def chart_for(view: FigureView):
    """The chart a figure declares, or None."""
    if view.chart == "line":
        return line_chart(view)
    if view.chart == "bar":
        return bar_chart(view)
    return None
