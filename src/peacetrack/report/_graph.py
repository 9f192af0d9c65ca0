"""The party graph of the page: a fixed layout, and the edges in force at each date.

The layout is computed once, here, from the whole graph (``peacetrack.graph.parties``
with no date), so a node stays where it is while the reader moves through time. It is
a shell layout: parties on the outer ring (grouped by kind), people on the middle ring
next to the first party they are tied to, ceasefires in the centre. A graph of more
than ``limit`` nodes shows the ``limit`` most connected ones, and the page says so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from typing import Any

import networkx as nx

from peacetrack import graph
from peacetrack.dates import PartialDate
from peacetrack.timeline import Timeline

__all__ = ["EDGE_STYLES", "graph_layout", "snapshot_edges"]

EDGE_STYLES: dict[str, tuple[str, str]] = {
    "supports": ("#1b7837", ""),
    "allied_with": ("#4d9221", "6 3"),
    "part_of": ("#5e3c99", ""),
    "fights": ("#b2182b", ""),
    "opposes": ("#d6604d", "6 3"),
    "member_of": ("#2166ac", ""),
    "mediates": ("#8c510a", "2 3"),
    "designated_by": ("#000000", "8 3 2 3"),
    "party_to": ("#35978f", ""),
    "excluded_from": ("#c51b7d", "4 2"),
}
"""Stroke colour and dash pattern for each edge kind (the legend shows them); colours
all reach 4.5:1 contrast on white, and the dashes tell kinds apart without colour."""

_OTHER_STYLE = ("#555555", "1 2")
_RINGS = {"party": 1.0, "person": 0.62, "ceasefire": 0.25}


def _ring(nodes: Sequence[str], radius: float, turn: float = 0.0) -> dict[str, tuple[float, float]]:
    n = len(nodes)
    out: dict[str, tuple[float, float]] = {}
    for i, node in enumerate(nodes):
        angle = 2 * math.pi * (i / max(n, 1) + turn) - math.pi / 2
        out[node] = (round(radius * math.cos(angle), 4), round(radius * math.sin(angle), 4))
    return out


def _most_connected(g: nx.MultiDiGraph, limit: int) -> list[str]:
    ranked = sorted(g.nodes, key=lambda node: (-g.degree(node), str(node)))
    return ranked[:limit]


def graph_layout(t: Timeline, limit: int) -> dict[str, Any]:
    """Nodes (id, name, kind, party type, x, y in [-1, 1]) of the most connected
    ``limit`` nodes of the whole party graph, with the legend of edge kinds."""
    whole = graph.parties(t)
    shown = set(_most_connected(whole, limit))
    by_kind: dict[str, list[str]] = {"party": [], "person": [], "ceasefire": []}
    for node in shown:
        by_kind.setdefault(str(whole.nodes[node].get("kind", "party")), []).append(node)

    def name(node: str) -> str:
        return str(whole.nodes[node].get("name", node))

    parties = sorted(
        by_kind.pop("party"), key=lambda n: (str(whole.nodes[n].get("type", "")), name(n), n)
    )
    positions = _ring(parties, _RINGS["party"])
    order = {node: i for i, node in enumerate(parties)}

    def anchor(node: str) -> tuple[int, str, str]:
        tied = [order[v] for v in whole.successors(node) if v in order]
        tied += [order[u] for u in whole.predecessors(node) if u in order]
        return (min(tied, default=len(order)), name(node), node)

    people = sorted(by_kind.pop("person"), key=anchor)
    positions |= _ring(people, _RINGS["person"], turn=0.5 / max(len(people), 1))
    ceasefires = sorted(
        by_kind.pop("ceasefire"), key=lambda n: (str(whole.nodes[n].get("start", "")), n)
    )
    positions |= _ring(ceasefires, _RINGS["ceasefire"])
    rest = sorted(node for nodes in by_kind.values() for node in nodes)
    positions |= _ring(rest, _RINGS["ceasefire"] / 2)

    nodes = [
        {
            "id": node,
            "name": name(node),
            "kind": str(whole.nodes[node].get("kind", "")),
            "type": str(whole.nodes[node].get("type", "")),
            "x": positions[node][0],
            "y": positions[node][1],
        }
        for node in [*parties, *people, *ceasefires, *rest]
    ]
    kinds = sorted({str(kind) for _, _, kind in whole.edges(data="kind")})
    legend = [
        {"kind": kind, "label": kind.replace("_", " "), "colour": c, "dash": d}
        for kind in kinds
        for c, d in [EDGE_STYLES.get(kind, _OTHER_STYLE)]
    ]
    return {"nodes": nodes, "legend": legend, "total": whole.number_of_nodes()}


def snapshot_edges(
    t: Timeline, at: PartialDate, nodes: Iterable[str], kinds: Sequence[str]
) -> tuple[list[list[int]], int]:
    """The edges in force at ``at`` between shown nodes, as ``[from, to, kind]`` index
    triples (one per distinct triple), and how many edges in force were not shown
    because an end is not among the shown nodes."""
    index = {node: i for i, node in enumerate(nodes)}
    kind_index = {kind: i for i, kind in enumerate(kinds)}
    g = graph.parties(t, at=at)
    seen: set[tuple[int, int, int]] = set()
    hidden = 0
    for u, v, kind in g.edges(data="kind"):
        if u in index and v in index and kind in kind_index:
            seen.add((index[u], index[v], kind_index[kind]))
        else:
            hidden += 1
    return [list(edge) for edge in sorted(seen)], hidden
