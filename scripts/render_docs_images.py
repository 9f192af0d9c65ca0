"""Regenerate the pictures in the docs from the bundled Geneva 2016 case.

Run from anywhere, after changing the case or the figures::

    python scripts/render_docs_images.py            # writes docs/img/*.png
    python scripts/render_docs_images.py --check    # exit 1 if an image is missing

The pictures are made from ``peacetrack.datasets.geneva_2016()`` with
``peacetrack.plot``, so they cannot drift from the data. PNG metadata carries no
timestamp, so an unchanged figure gives a byte-identical file and a clean git diff.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from peacetrack.datasets import geneva_2016
from peacetrack.plot import graph_figure, timeline_figure

IMG = Path(__file__).resolve().parents[1] / "docs" / "img"
GRAPH_DATE = "2016-05-01"  # a day when Alloush was still chief negotiator


def render(out: Path = IMG) -> list[Path]:
    """Write ``timeline.png`` and ``graph.png`` into ``out``; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    t = geneva_2016()
    figures = {
        "timeline.png": timeline_figure(t, process="geneva-2016"),
        "graph.png": graph_figure(t, at=GRAPH_DATE),
    }
    written = []
    for name, fig in figures.items():
        path = out / name
        fig.savefig(path, dpi=100, metadata={"Software": None})
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
        missing = [n for n in ("timeline.png", "graph.png") if not (args.out / n).is_file()]
        for name in missing:
            print(f"missing: {args.out / name}", file=sys.stderr)
        return 1 if missing else 0
    for path in render(args.out):
        print(f"wrote {path} ({path.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
