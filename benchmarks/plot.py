"""Plot benchmark results: time against corpus size, log-log, one panel per query.

Usage::

    python benchmarks/plot.py [RESULTS.json] [-o docs/img/performance.png]

Reads the JSON written by ``benchmarks/run.py``; peacetrack is drawn solid, each
peer dashed, so the slopes can be read against each other (a slope of 1 is linear
in N; a flat line does not grow with N).
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path
from typing import Any

STYLES = {
    "peacetrack": {"color": "#1b6ca8", "linestyle": "-", "marker": "o", "linewidth": 2.2},
    "pandas": {"color": "#e07b39", "linestyle": "--", "marker": "s"},
    "sqlite": {"color": "#5a9e47", "linestyle": "--", "marker": "^"},
    "intervaltree": {"color": "#8e5ba8", "linestyle": "--", "marker": "D"},
    "json.loads": {"color": "#777777", "linestyle": ":", "marker": "x"},
    "orjson.loads": {"color": "#333333", "linestyle": ":", "marker": "+"},
    "json.dumps": {"color": "#777777", "linestyle": ":", "marker": "x"},
}


def plot(results: dict[str, Any], out: Path) -> None:
    """Write the figure for ``results`` (as written by run.py) to ``out``."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = sorted(results["sizes"].values(), key=lambda r: r["n"])
    rows = list(sizes[0]["rows"])
    cols = 3
    nrows = math.ceil(len(rows) / cols)
    fig, axes = plt.subplots(nrows, cols, figsize=(4.2 * cols, 3.3 * nrows), squeeze=False)
    for ax, row in zip(axes.flat, rows, strict=False):
        for who, style in STYLES.items():
            points = [
                (r["n"], r["rows"][row][who])
                for r in sizes
                if isinstance(r["rows"][row].get(who), int | float)
            ]
            if points:
                xs, ys = zip(*points, strict=True)
                ax.plot(xs, ys, label=who, markersize=4, **style)
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_title(row, fontsize=10)
        ax.set_xlabel("records")
        ax.set_ylabel("seconds (median)")
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=7)
    for ax in list(axes.flat)[len(rows) :]:
        ax.set_visible(False)
    machine = results.get("machine", {})
    fig.suptitle(
        f"peacetrack vs pandas / sqlite3 / intervaltree — Python {machine.get('python', '?')}, "
        f"{machine.get('cpu', '?')}, {machine.get('cores', '?')} cores",
        fontsize=11,
    )
    fig.tight_layout()
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110)
    plt.close(fig)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("results", nargs="?", default="benchmarks/results.json")
    parser.add_argument("-o", "--out", default="docs/img/performance.png")
    args = parser.parse_args(argv)
    plot(json.loads(Path(args.results).read_text()), Path(args.out))
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
