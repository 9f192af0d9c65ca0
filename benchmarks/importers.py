"""Time the readers of outside data on large generated inputs, to check they stay linear.

Usage::

    python benchmarks/importers.py --sizes 1e3,1e4 [--trace]

For each size n it builds, in memory: a UCDP GED CSV of n events (the rows of the real
extract in ``tests/data/ucdp``, ids renumbered), a Popolo document of n persons in a
legislature with multilingual other_names (EveryPolitician's shape), a CSV of n
parties, and a party graph of n edges whose record ids repeat; then times
``from_ucdp_ged``, ``from_popolo`` (lenient and strict), ``from_csv``, ``to_text`` and
``from_text``. With ``--trace`` it also reports peak memory (tracemalloc, which slows
the run). Time per item should stay flat as n grows.
"""

from __future__ import annotations

import argparse
import csv
import io
import math
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx

from peacetrack import graph
from peacetrack.errors import PeacetrackError
from peacetrack.importers import from_csv, from_ucdp_ged
from peacetrack.interop.popolo import from_popolo

EXTRACT = Path(__file__).resolve().parent.parent / "tests/data/ucdp/ged-bangladesh-extract.csv"


def _ged(n: int) -> str:
    with EXTRACT.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    for i in range(n):
        writer.writerow({**rows[i % len(rows)], "id": str(i)})
    return out.getvalue()


def _popolo(n: int) -> dict[str, Any]:
    langs = ("en", "fr", "et")
    return {
        "persons": [
            {
                "id": f"p{i}",
                "name": f"Person {i}",
                "gender": "female",
                "other_names": [{"name": f"Person {i}", "lang": lang} for lang in langs],
                "sources": [{"url": f"https://example.org/{i % 100}"}],
            }
            for i in range(n)
        ],
        "organizations": [{"id": "leg", "name": "Assembly", "classification": "legislature"}],
        "memberships": [{"person_id": f"p{i}", "organization_id": "leg"} for i in range(n)],
    }


def _graph(n: int) -> nx.MultiDiGraph:
    """n edges, each between its own pair of nodes, a record id shared by 100 edges."""
    g = nx.MultiDiGraph()
    nodes = 2 * math.isqrt(n) + 2
    for i in range(n):
        key = f"r{i % max(n // 100, 1)}"
        g.add_edge(f"n{i % nodes}", f"n{i // nodes}", key, kind="supports", record=key)
    return g


def _strict(doc: dict[str, Any]) -> None:
    try:
        from_popolo(doc)
    except PeacetrackError:
        return


def _time(fn: Callable[[], object], trace: bool) -> tuple[float, float | None]:
    if trace:
        tracemalloc.start()
    started = time.perf_counter()
    fn()
    took = time.perf_counter() - started
    peak = None
    if trace:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    return took, peak


def _run(n: int, trace: bool) -> None:
    ged, doc = _ged(n), _popolo(n)
    parties = "id,name,kind\n" + "".join(f"p{i},Party {i},state\n" for i in range(n))
    g = _graph(n)
    graphml = graph.to_text(g, "graphml")
    cases: list[tuple[str, Callable[[], object]]] = [
        ("from_ucdp_ged lenient", lambda: from_ucdp_ged(io.StringIO(ged), lenient=True)),
        ("from_popolo lenient", lambda: from_popolo(doc, lenient=True)),
        ("from_popolo strict (refused)", lambda: _strict(doc)),
        ("from_csv party", lambda: from_csv(io.StringIO(parties), "party")),
        ("to_text graphml", lambda: graph.to_text(g, "graphml")),
        ("to_text gexf", lambda: graph.to_text(g, "gexf")),
        ("to_text dot", lambda: graph.to_text(g, "dot")),
        ("from_text graphml", lambda: graph.from_text(graphml, "graphml")),
    ]
    print(f"n = {n:,} (GED CSV {len(ged) / 2**20:.1f} MiB, graph {g.number_of_edges():,} edges)")
    for label, fn in cases:
        took, peak = _time(fn, trace)
        memory = "" if peak is None else f"  peak {peak:7.1f} MiB"
        print(f"  {label:30} {took:8.3f} s  {took / n * 1e6:8.1f} µs/item{memory}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1e3,1e4", help="comma-separated n (default 1e3,1e4)")
    parser.add_argument("--trace", action="store_true", help="measure peak memory too")
    args = parser.parse_args()
    for n in (int(float(s)) for s in args.sizes.split(",")):
        _run(n, args.trace)


if __name__ == "__main__":
    main()
