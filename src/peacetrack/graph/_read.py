"""Reading back what :func:`~peacetrack.graph.to_text` wrote, exactly."""

from __future__ import annotations

import io
import json
from typing import Any
from xml.etree.ElementTree import ParseError

import networkx as nx

from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.graph._escape import unescape

READABLE: tuple[str, ...] = ("graphml", "gexf", "json")
"""The formats :func:`from_text` reads."""


# What networkx's readers add to ``graph.graph`` of their own.
_NX_GRAPH_KEYS = frozenset({"node_default", "edge_default"})


def _plain(value: Any) -> Any:
    return unescape(value) if isinstance(value, str) else value


def _unescaped(g: nx.Graph, drop: frozenset[str] = frozenset()) -> nx.Graph:
    h = nx.MultiDiGraph() if g.is_directed() else nx.MultiGraph()
    h.graph.update({k: _plain(v) for k, v in g.graph.items() if k not in drop})
    for node, data in g.nodes(data=True):
        h.add_node(unescape(str(node)), **{k: _plain(v) for k, v in data.items()})
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
    for u, v, *key, data in edges:
        attrs = {k: _plain(v) for k, v in data.items()}
        edge_key = attrs.pop("id", key[0] if key else None)
        attrs.pop("networkx_key", None)
        h.add_edge(unescape(str(u)), unescape(str(v)), _plain(edge_key), **attrs)
    return h


def _gexf_back(h: nx.Graph) -> nx.Graph:
    """Undo what the GEXF writer adds: the node label (the name) and the day bounds
    (the EDTF text is in ``edtf_start``/``edtf_end``)."""
    nodes = h.nodes.values()
    edges = (data for *_, data in h.edges(data=True))
    for data in nodes:
        if "name" in data and data.get("label") == data["name"]:
            del data["label"]
    for data in (*nodes, *edges):
        data.pop("start", None)
        data.pop("end", None)
        if "edtf_start" in data:
            data["start"] = data.pop("edtf_start")
        if "edtf_end" in data:
            data["end"] = data.pop("edtf_end")
    return h


def from_text(text: str, format: str) -> nx.Graph:
    """Read a graph written by :func:`~peacetrack.graph.to_text` back, as it was.

    Ids and values come back unescaped (see :mod:`peacetrack.graph` on escaping), GEXF
    time bounds are replaced by the EDTF text they were made from, and the graph is a
    multigraph (``MultiDiGraph`` or ``MultiGraph``) keyed by the edge ids written.

    Parameters
    ----------
    text
        GraphML, GEXF or node-link JSON text.
    format
        ``"graphml"``, ``"gexf"`` or ``"json"``. DOT is written, not read: Graphviz
        reads it.

    Raises
    ------
    LoadError
        For text that is not a graph in that format.
    PeacetrackError
        For a format this function does not read.

    Examples
    --------
    >>> import networkx as nx
    >>> from peacetrack.graph import to_text
    >>> g = nx.MultiDiGraph()
    >>> g.add_edge("a b", "c\\r", "r1", kind="supports", note="x\\x00y")
    'r1'
    >>> back = from_text(to_text(g, "graphml"), "graphml")
    >>> list(back.edges(keys=True, data=True))
    [('a b', 'c\\r', 'r1', {'kind': 'supports', 'note': 'x\\x00y'})]
    """
    if format not in READABLE:
        raise PeacetrackError(
            f"cannot read graph format {format!r}; expected one of {', '.join(READABLE)}"
        )
    try:
        if format == "json":
            data = json.loads(text)
            if not isinstance(data, dict):
                raise TypeError(f"expected a JSON object, got {type(data).__name__}")
            return nx.node_link_graph(data, edges="edges")
        data = io.BytesIO(text.encode("utf-8", "surrogatepass"))
        if format == "graphml":
            return _unescaped(nx.read_graphml(data, force_multigraph=True), _NX_GRAPH_KEYS)
        return _gexf_back(_unescaped(nx.read_gexf(data), _NX_GRAPH_KEYS | {"mode"}))
    except (
        ParseError,
        nx.NetworkXError,
        ValueError,
        KeyError,
        TypeError,
        AttributeError,
        IndexError,
        RecursionError,
    ) as err:  # networkx's readers trust their input; any of these means bad text
        raise LoadError(f"not a {format} graph: {err}") from err
