"""Plot benchmarks/scale.py results: time against events, log-log, one panel per question.

Usage::

    python benchmarks/plot_scale.py RESULTS.json [MORE.json ...] [-o docs/img/scale.png]

Several result files (say a 1e5/1e6 run and a later 1e7 run) are merged by size.
Each engine is one line; the last panels show memory per event and the export.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path
from typing import Any

STYLES = {
    "timeline": {"color": "#1f4e9c", "marker": "o", "linestyle": "-"},
    "pandas": {"color": "#c0392b", "marker": "s", "linestyle": "--"},
    "duckdb": {"color": "#e6a100", "marker": "D", "linestyle": "-."},
    "dask": {"color": "#2e8b57", "marker": "^", "linestyle": ":"},
    "to_arrow": {"color": "#777777", "marker": "x", "linestyle": ":"},
    "timeline_cpu": {"color": "#1f4e9c", "marker": "+", "linestyle": ":"},
}


def merged(paths: list[Path]) -> dict[str, Any]:
    """One results dict with the sizes of every file (later files win)."""
    results: dict[str, Any] = {"sizes": {}}
    for path in paths:
        loaded = json.loads(path.read_text())
        results["machine"] = loaded.get("machine", {})
        results["sizes"].update(loaded["sizes"])
    return results


def _panel(ax: Any, sizes: list[dict[str, Any]], values: Any, title: str, unit: str) -> None:
    for who, style in STYLES.items():
        points = [(r["events"], values(r).get(who)) for r in sizes]
        points = [(x, y) for x, y in points if isinstance(y, int | float) and y > 0]
        if points:
            xs, ys = zip(*points, strict=True)
            ax.plot(xs, ys, label=who, markersize=4, **style)
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_title(title, fontsize=10)
    ax.set_xlabel("events")
    ax.set_ylabel(unit)
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=7)


def plot(results: dict[str, Any], out: Path) -> None:
    """Write the figure for ``results`` to ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results["sizes"].values(), key=lambda r: r["events"])
    rows = list(sizes[0]["rows"])
    cols = 4
    nrows = math.ceil((len(rows) + 1) / cols)
    fig, axes = plt.subplots(nrows, cols, figsize=(4.0 * cols, 3.2 * nrows), squeeze=False)
    flat = list(axes.flat)
    for ax, row in zip(flat, rows, strict=False):
        _panel(ax, sizes, lambda r, row=row: r["rows"][row], row, "seconds (median)")
    _panel(
        flat[len(rows)],
        sizes,
        lambda r: r["memory_bytes_per_event"],
        "memory per event",
        "bytes",
    )
    for ax in flat[len(rows) + 1 :]:
        ax.set_visible(False)
    machine = results.get("machine", {})
    fig.suptitle(
        f"Timeline vs pandas vs DuckDB/Parquet vs Dask — Python {machine.get('python', '?')}, "
        f"{machine.get('cores', '?')} cores (shared), "
        f"load {machine.get('load_average', [0])[0]:.1f}",
        fontsize=11,
    )
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100)
    plt.close(fig)


def _cell(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def markdown(results: dict[str, Any]) -> str:
    """The results as Markdown tables: one per size, engines as columns, and the
    ratio of pandas' time to the Timeline's."""
    engines = ["timeline", "pandas", "duckdb", "dask"]
    out = []
    for size in sorted(results["sizes"].values(), key=lambda r: r["events"]):
        copies = size.get("replicated", {}).get("copies")
        title = f"{size['events']:,} events ({size['records']:,} records"
        title += f"; {copies} copies of {size['replicated']['of_records']:,})" if copies else ")"
        out.append(f"**{title}** — median wall time\n")
        out.append("| question | " + " | ".join(engines) + " | pandas ÷ Timeline |")
        out.append("|---|" + "---:|" * (len(engines) + 1))
        for row, times in size["rows"].items():
            if row == "export" or not times:
                continue
            cells = [_cell(times.get(e)) for e in engines]
            tl, pd = times.get("timeline"), times.get("pandas")
            ratio = f"{pd / tl:.1f}×" if tl and pd else "—"
            out.append(f"| {row} | " + " | ".join(cells) + f" | {ratio} |")
        memory = size["memory_bytes_per_event"]
        cells = [f"{memory[e]:,.0f} B" if e in memory else "—" for e in engines]
        out.append("| memory per event | " + " | ".join(cells) + " | |")
        export = size["rows"].get("export", {})
        if export.get("timeline"):
            out.append(
                f"\nExport to Parquet: {export['timeline']:.1f} s wall, "
                f"{export.get('timeline_cpu', float('nan')):.1f} s CPU "
                f"({size['parquet_bytes'] / 1e6:.0f} MB on disk).\n"
            )
        else:
            out.append("")
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="+")
    parser.add_argument("-o", "--out", default="docs/img/scale.png")
    parser.add_argument("--markdown", action="store_true", help="also print Markdown tables")
    args = parser.parse_args(argv)
    results = merged([Path(p) for p in args.results])
    if args.markdown:
        print(markdown(results))
    plot(results, Path(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
