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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="+")
    parser.add_argument("-o", "--out", default="docs/img/scale.png")
    args = parser.parse_args(argv)
    plot(merged([Path(p) for p in args.results]), Path(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
