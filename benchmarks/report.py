"""The README's Performance table from the JSON files benchmarks.run wrote.

    python -m benchmarks.report benchmarks/out/sqlite-1x.json benchmarks/out/postgresql-1x.json
    python -m benchmarks.report pages.json+rest.json ...   (one column from several runs of one data set)

One column per file; per page the slowest role's median / p95 in ms, then the most any role's median spent above its
own raw SQL, the statements, and the load average while it was measured; then the exports, the import, the load
step, and every page/role figure that missed a target."""
from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path


def _page_cells(result: dict) -> dict[str, str]:
    rows = defaultdict(list)
    for row in result.get("pages", []):
        if "median_ms" in row:
            rows[row["page"]].append(row)
    cells = {}
    for page, measured in rows.items():
        slowest = max(measured, key=lambda r: r["median_ms"])
        over = max(r["over_raw_ms"] for r in measured)
        counts = sorted({r["statements"] for r in measured})
        loads = [r.get("load_1m") for r in measured if r.get("load_1m") is not None]
        load = f"{min(loads):.1f}–{max(loads):.1f}" if loads else "?"
        sql = f"{counts[0]}–{counts[-1]}" if len(counts) > 1 else f"{counts[0]}"
        cells[page] = f"{slowest['median_ms']:.0f} / {slowest['p95_ms']:.0f} · {over:.0f} · {sql} sql · load {load}"
    return cells


LABELS = {"export": "export of the residents, xlsx (job)", "export-titipan-xlsx": "export of the titipan, xlsx (job)",
          "export-titipan-csv": "export of the titipan, csv (job)",
          "export-audit-csv": "export of the audit trail, csv (job)", "import": "import of 10,000 residents"}


def _other_cells(result: dict) -> dict[str, str]:
    cells = {}
    for kind, name in LABELS.items():
        figures = result.get(kind)
        if not figures:
            continue
        if "error" in figures:
            cells[name] = "error"
            continue
        rows = f"{figures.get('rows', 0):,} rows, " if figures.get("rows") else ""
        cells[name] = (f"{rows}{figures['seconds']} s, peak RSS {figures['peak_rss_mb']} MB · "
                       f"load {figures.get('load_1m', '?')}")
    load = result.get("load")
    if load and "error" in load:
        cells["20 clients × 60 s"] = "error"
    elif load:
        cells["20 clients × 60 s"] = (f"{load['rps']} req/s, p95 {load['p95_ms']:.0f} ms, {load['errors']} errors · "
                                     f"load {load.get('load_1m_before', '?')}→{load.get('load_1m_after', '?')}")
    return cells


def misses(result: dict) -> list[str]:
    """Every page/role figure that missed a target."""
    targets = result["targets"]
    out = []
    for row in result.get("pages", []):
        if "median_ms" not in row or row.get("ok"):
            continue
        why = []
        if row["p95_ms"] > targets["p95_ms"]:
            why.append(f"p95 {row['p95_ms']} ms")
        if row["over_raw_ms"] > targets["over_raw_ms"]:
            why.append(f"{row['over_raw_ms']} ms above raw SQL")
        if row["statements"] > targets["statements"]:
            why.append(f"{row['statements']} statements")
        out.append(f"{row['role']} {row['page']}: {', '.join(why)} (load {row.get('load_1m', '?')})")
    return out


def main(argv: list[str] | None = None) -> None:
    """Print the table (markdown) and the misses."""
    paths, results = [], []
    for arg in (argv if argv is not None else sys.argv[1:]):
        # a+b.json: the figures of several runs of one data set (e.g. the pages of one, the rest of another)
        parts = [Path(p) for p in arg.split("+")]
        merged: dict = {}
        for part in parts:
            merged.update(json.loads(part.read_text()))
        paths.append(parts[-1])
        results.append(merged)
    pages = [_page_cells(r) for r in results]
    others = [_other_cells(r) for r in results]
    names = list(dict.fromkeys(k for cells in pages for k in cells))
    print("| page / API list | " + " | ".join(p.stem for p in paths) + " |")
    print("|---|" + "---|" * len(paths))
    for name in names:
        print(f"| {name} | " + " | ".join(cells.get(name, "–") for cells in pages) + " |")
    for name in dict.fromkeys(k for cells in others for k in cells):
        print(f"| {name} | " + " | ".join(cells.get(name, "–") for cells in others) + " |")
    for path, result in zip(paths, results):
        found = misses(result)
        print(f"\n{path.stem}: {len(found)} of {sum(1 for r in result.get('pages', []) if 'median_ms' in r)} "
              f"page/role figures missed a target; data set unchanged: {result.get('dataset_unchanged')}")
        for line in found:
            print(f"- {line}")


if __name__ == "__main__":
    main()
