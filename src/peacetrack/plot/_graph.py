"""The graph figure: parties and people as labelled nodes, relations as arrows."""

from __future__ import annotations

import importlib
import math
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from peacetrack.dates import DateLike, PartialDate
from peacetrack.plot._mpl import new_figure, require_matplotlib
from peacetrack.timeline import require_timeline

if TYPE_CHECKING:
    import networkx as nx
    from matplotlib.figure import Figure

    from peacetrack.timeline import Timeline

_EDGE_COLOURS = {
    "supports": "#1f77b4",
    "allied_with": "#17becf",
    "part_of": "#9467bd",
    "fights": "#d62728",
    "opposes": "#ff7f0e",
    "member_of": "#34495e",
    "mediates": "#bcbd22",
    "party_to": "#2ca02c",
    "excluded_from": "#8c564b",
    "designated_by": "#e377c2",
}
_DASHED = frozenset({"excluded_from", "designated_by"})
_SPARE_COLOURS = ("#5d6d7e", "#a04000", "#1abc9c", "#884ea0", "#d4ac0d", "#7f8c8d")
# Unlinked nodes go in rows under the ellipse, at least _ROW_GAP apart (data units).
_ROW_TOP, _ROW_STEP, _ROW_GAP, _ROW_HALF_WIDTH = -1.3, 0.18, 0.05, 1.2
_NODE_COLOURS = {
    "person": "#f5cba7",
    "state": "#aed6f1",
    "government": "#a9cce3",
    "opposition": "#f9e79f",
    "armed_group": "#f5b7b1",
    "intergovernmental": "#abebc6",
    "mediator": "#d2b4de",
    "monitor": "#d5dbdb",
    "ceasefire": "#d5f5e3",
}


def _label(data: dict[str, Any], node: Any) -> str:
    """A node's name as of the graph's date, with its canonical name where it differs."""
    name, canonical = str(data.get("name") or node), data.get("canonical_name")
    return name if not canonical or canonical == name else f"{name} ({canonical})"


def graph_figure(t: Timeline, at: DateLike | None = None) -> Figure:
    """Draw the party graph (:func:`peacetrack.graph.parties`) with a legend.

    Nodes are parties and people, coloured by kind and labelled by name; edges are
    arrows coloured by their kind (supports, part_of, member_of, excluded_from, ...).
    Several edges between the same two nodes are drawn as separate arcs. The layout
    is seeded, so the same timeline always gives the same picture.

    Parameters
    ----------
    t
        The timeline.
    at
        Draw the graph as it stood on this date (see ``peacetrack.graph``).

    Returns
    -------
    matplotlib.figure.Figure
        On the Agg canvas.

    Raises
    ------
    MissingExtraError
        Without matplotlib (install ``peacetrack[plot]``).
    InvalidDateError
        For an unreadable ``at``.

    Examples
    --------
    >>> from peacetrack import Party, Relation, Timeline
    >>> from peacetrack.plot import figure_texts
    >>> t = Timeline([
    ...     Party("russia", "Russia", "state"),
    ...     Party("gov", "Syrian government", "government"),
    ...     Relation("rel1", "russia", "gov", "supports", "2015-09/.."),
    ... ])
    >>> texts = figure_texts(graph_figure(t, at="2016-05-01"))
    >>> "Russia" in texts and "supports" in texts
    True
    """
    require_timeline(t)
    require_matplotlib()
    if at is not None:
        at = PartialDate.coerce(at)
    import networkx as nx

    graph = importlib.import_module("peacetrack.graph")
    full = graph.parties(t, at=at)
    # Parties, people and ceasefires, as before processes and agreements were nodes:
    # who takes part and who signs have their own views (graph.agreement_network).
    shown = [n for n, kind in full.nodes(data="kind") if kind not in ("process", "agreement")]
    g = full.subgraph(shown)
    fig = new_figure(11.0, 8.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    title = "Parties and people" + (f" on {at}" if at is not None else "")
    ax.set_title(title, loc="left", fontsize=11, parse_math=False)
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "Nothing to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    nodes = sorted(g.nodes)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    pos, alone = _circle_layout(simple)
    xs = [x for x, _ in pos.values()] + ([-_ROW_HALF_WIDTH, _ROW_HALF_WIDTH] if alone else [])
    ys = [y for _, y in pos.values()] + ([_ROW_TOP] if alone else [])
    ax.set_xlim(min(xs) - 0.35, max(xs) + 0.35)
    ax.set_ylim(min(ys) - 0.15, max(ys) + 0.15)  # for now: the rows are not laid out yet
    node_colours: dict[str, str] = {}  # kind -> colour, for the legend
    labels: dict[Any, Any] = {}  # node -> its label (a Text with a box)
    for node in nodes:
        data = g.nodes[node]
        # parties carry their PartyKind in "type"; people and ceasefires have "kind".
        kind = str(data.get("type") or data.get("kind") or "other")
        colour = node_colours[kind] = _NODE_COLOURS.get(kind, "#e5e8e8")
        labels[node] = ax.text(
            *pos.get(node, (0.0, _ROW_TOP)),
            _label(data, node),
            ha="center",
            va="center",
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": colour, "edgecolor": "#555555"},
            zorder=3,
            parse_math=False,  # a "$" in a name is text, not mathtext
        )
    edges = sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1])))
    edge_colours = _edge_colours(str(data.get("kind", "related")) for _, _, data in edges)
    _graph_legend(fig, edge_colours, node_colours)

    # With the legend in, the axes have their final width: measure the unlinked
    # nodes' labels and lay them out in rows that fit it, none over another.
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]
    left, right = ax.get_xlim()
    data_per_pixel = (right - left) / ax.bbox.width
    widths = [labels[v].get_bbox_patch().get_window_extent(renderer).width for v in alone]
    spots = _rows([w * data_per_pixel for w in widths], left, right, _ROW_GAP)
    for node, (x, row) in zip(alone, spots, strict=True):
        pos[node] = (x, _ROW_TOP - _ROW_STEP * row)
        labels[node].set_position(pos[node])
    ys = [y for _, y in pos.values()]
    ax.set_ylim(min(ys) - 0.15, max(ys) + 0.15)
    fig.canvas.draw()  # place the label boxes, so arrows can stop at their edges

    seen: dict[tuple[str, str], int] = {}  # arcs so far between two nodes
    for u, v, data in edges:
        kind = str(data.get("kind", "related"))
        pair = (min(u, v), max(u, v))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        ax.annotate(
            "",
            xy=pos[v],
            xytext=pos[u],
            arrowprops={
                "arrowstyle": "-|>",
                "color": edge_colours[kind],
                "linewidth": 1.4,
                "patchA": labels[u].get_bbox_patch(),
                "patchB": labels[v].get_bbox_patch(),
                "shrinkA": 2,
                "shrinkB": 2,
                "connectionstyle": f"arc3,rad={0.08 + 0.14 * n}",
                "linestyle": _linestyle(kind),
            },
            zorder=2,
        )
    return fig


def _graph_legend(fig: Figure, edge_colours: dict[str, str], node_colours: dict[str, str]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    edge_handles = [
        Line2D([], [], color=c, linewidth=2, linestyle=_linestyle(k), label=k.replace("_", " "))
        for k, c in sorted(edge_colours.items())
    ]
    node_handles = [
        Patch(facecolor=c, edgecolor="#555555", label=k.replace("_", " "))
        for k, c in sorted(node_colours.items())
    ]
    fig.legend(
        handles=edge_handles + node_handles,
        loc="outside right upper",
        fontsize=8,
        title="edges, then nodes",
        title_fontsize=8,
    )


def _edge_colours(kinds: Iterable[str]) -> dict[str, str]:
    """A colour for each edge kind: its own if it has one, else the next spare one
    in order of first appearance."""
    colours: dict[str, str] = {}
    spare = 0
    for kind in kinds:
        if kind not in colours:
            if kind in _EDGE_COLOURS:
                colours[kind] = _EDGE_COLOURS[kind]
            else:
                colours[kind] = _SPARE_COLOURS[spare % len(_SPARE_COLOURS)]
                spare += 1
    return colours


def _linestyle(kind: str) -> Literal["--", "-"]:
    return "--" if kind in _DASHED else "-"


def _circle_layout(g: nx.Graph[Any]) -> tuple[dict[Any, tuple[float, float]], list[Any]]:
    """Linked nodes on an ellipse, each connected group together and walked
    breadth-first from its best-connected node, so most edges are short chords; and
    the nodes with no edge, by name, to be laid out in rows underneath. Deterministic."""
    import networkx as nx

    order: list[Any] = []
    alone = sorted((v for v in g if g.degree(v) == 0), key=str)
    linked = g.subgraph(v for v in g if g.degree(v) > 0)
    groups = sorted(nx.connected_components(linked), key=lambda c: (-len(c), sorted(map(str, c))))
    for group in groups:
        root = max(sorted(group, key=str), key=linked.degree)
        order += [root, *(v for _, v in nx.bfs_edges(linked, root, sort_neighbors=sorted))]
    n = len(order)
    pos = {
        node: (1.35 * math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
        for i, node in enumerate(order)
    }
    return pos, alone


def _rows(widths: list[float], left: float, right: float, gap: float) -> list[tuple[float, int]]:
    """``(centre, row)`` for boxes of these widths, filled into rows between ``left``
    and ``right`` in order, at least ``gap`` apart and spread evenly along each row.

    Examples
    --------
    >>> _rows([2.0, 2.0, 3.0], 0.0, 10.0, 1.0)
    [(3.0, 0), (7.0, 0), (5.0, 1)]
    """
    rows: list[list[int]] = []
    used = math.inf
    for i, width in enumerate(widths):
        if used + gap + width > right - left - gap:
            rows.append([])
            used = 0.0
        used += gap + width
        rows[-1].append(i)
    spots: list[tuple[float, int]] = [(0.0, 0)] * len(widths)
    for r, row in enumerate(rows):
        space = (right - left - sum(widths[i] for i in row)) / (len(row) + 1)
        x = left
        for i in row:
            x += space
            spots[i] = (x + widths[i] / 2, r)
            x += widths[i]
    return spots
