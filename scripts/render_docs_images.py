"""Regenerate the pictures in the docs from the bundled Geneva 2016 case.

Run from anywhere, after changing the case or the figures::

    python scripts/render_docs_images.py            # writes docs/img/*.png, docs/snippets/
    python scripts/render_docs_images.py --check    # exit 1 if an image is missing

The pictures are made from ``peacetrack.datasets.geneva_2016()`` (and, for the
two-process figure, ``docs/data/syria-2017.json``) with ``peacetrack.plot``, so they
cannot drift from the data. The notebook page shows the HTML reprs of a Timeline and a
Snapshot; they are written to ``docs/snippets/`` by :func:`snippets` and a test checks
that the files equal what the code renders today. PNG metadata carries no
timestamp, so an unchanged figure gives a byte-identical file and a clean git diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacetrack.datasets import geneva_2016
from peacetrack.io import load
from peacetrack.plot import graph_figure, timeline_figure

DOCS = Path(__file__).resolve().parents[1] / "docs"
IMG = DOCS / "img"
SNIPPETS = DOCS / "snippets"
TWO_PROCESSES = DOCS / "data" / "syria-2017.json"
SNAPSHOT_DATE = "2016-04-20"  # during round 3, with the ceasefire in force
GRAPH_DATE = "2016-05-01"  # a day when Alloush was still chief negotiator


def render(out: Path = IMG) -> list[Path]:
    """Write ``timeline.png`` and ``graph.png`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    t = geneva_2016()
    figures = {
        "timeline.png": timeline_figure(t, process="geneva-2016"),
        "graph.png": graph_figure(t, at=GRAPH_DATE),
        "two-processes.png": timeline_figure(load(TWO_PROCESSES)),
    }
    written = []
    for name, fig in figures.items():
        path = out / name
        fig.savefig(path, dpi=100, metadata={"Software": None})
        written.append(path)
    return written


def snippets() -> dict[str, str]:
    """The HTML reprs shown on the notebook page, by file name in ``docs/snippets/``."""
    t = geneva_2016()
    return {
        "timeline-repr.html": t._repr_html_(),
        "snapshot-repr.html": t.at(SNAPSHOT_DATE)._repr_html_(),
        "two-processes-repr.html": load(TWO_PROCESSES)._repr_html_(),
    }


def write_snippets(out: Path = SNIPPETS) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, html in snippets().items():
        path = out / name
        path.write_text(html + "\n", encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=IMG, help="folder to write (docs/img)")
    parser.add_argument(
        "--check", action="store_true", help="only check that the images exist; write nothing"
    )
    args = parser.parse_args(argv)
    if args.check:
        names = ("timeline.png", "graph.png", "two-processes.png")
        missing = [n for n in names if not (args.out / n).is_file()]
        for name in missing:
            print(f"missing: {args.out / name}", file=sys.stderr)
        return 1 if missing else 0
    for path in [*render(args.out), *write_snippets()]:
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
