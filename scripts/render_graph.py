"""Render the picture of the Geneva 2016 party graph used in docs/graphs.md.

Run from anywhere, as often as you like; it overwrites its output:

    python scripts/render_graph.py                    # docs/img/geneva-graph.png
    python scripts/render_graph.py out.png --at 2016-06-01

The graph is :func:`peacetrack.graph.parties` on the bundled case, drawn by
:func:`peacetrack.plot.graph_figure` (networkx lays it out, matplotlib draws it; the
layout is deterministic). Needs the ``plot`` extra (matplotlib).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "img" / "geneva-graph.png"
DEFAULT_AT = "2016-04-20"  # round 3 in progress: mediation edges show


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT, help="PNG to write")
    parser.add_argument(
        "--at", default=DEFAULT_AT, help=f"draw the graph as of this date (default {DEFAULT_AT})"
    )
    args = parser.parse_args(argv)

    import matplotlib

    matplotlib.use("Agg")

    from peacetrack.datasets import geneva_2016
    from peacetrack.errors import PeacetrackError
    from peacetrack.plot import graph_figure

    try:
        fig = graph_figure(geneva_2016(), at=args.at)
    except PeacetrackError as exc:
        print(f"render_graph: {exc}", file=sys.stderr)
        return 1
    out: Path = args.out
    out.parent.mkdir(parents=True, exist_ok=True)
    # Write next to the target and rename, so a failed run never leaves half a PNG;
    # no "Software" stamp, so a rerun with the same matplotlib gives the same bytes.
    fd, tmp = tempfile.mkstemp(suffix=".png", dir=out.parent)
    os.close(fd)
    try:
        fig.savefig(tmp, dpi=110, metadata={"Software": None})
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes it private; a PNG is not
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
