"""The text writers: a graph as GraphML, GEXF, node-link JSON or Graphviz DOT."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Callable
from typing import Any

import networkx as nx

from peacetrack.dates import PartialDate
from peacetrack.errors import PeacetrackError
from peacetrack.graph._escape import escape_id, escape_value


def _value(value: Any) -> Any:
    return escape_value(value) if isinstance(value, str) else value


def _values(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _value(v) for k, v in data.items()}


def _edge_ids(g: nx.Graph) -> list[str]:
    """One id per edge, unique in the graph: a multigraph edge's key where no other
    edge has it, else ``key:2``, ``key:3``, ... (skipping any id already taken);
    ``e0``, ``e1``, ... for graphs without keys."""
    if not g.is_multigraph():
        return [f"e{i}" for i in range(g.number_of_edges())]
    keys = [str(key) for *_, key in g.edges(keys=True)]
    taken, seen, ids = set(keys), set[str](), []
    following: dict[str, int] = {}  # the next number to try for a key: O(n) in all
    for key in keys:
        if key in seen:
            n = following.get(key, 2)
            while f"{key}:{n}" in taken:
                n += 1
            following[key] = n + 1
            key = f"{key}:{n}"
            taken.add(key)
        seen.add(key)
        ids.append(key)
    return ids


def _xml_safe(g: nx.Graph, node_id: Callable[[str], str], *, label: bool) -> nx.MultiDiGraph:
    """A copy that XML can hold and a reader gives back: ids through ``node_id``,
    string values escaped (:mod:`._escape`), every edge keyed by a unique id and
    (with ``label``) every node labelled by its ``name``."""
    h = nx.MultiDiGraph() if g.is_directed() else nx.MultiGraph()
    h.graph.update(_values(g.graph))
    for node, data in g.nodes(data=True):
        attrs = _values(data)
        if label and "label" not in attrs and "name" in attrs:
            attrs["label"] = attrs["name"]
        h.add_node(node_id(str(node)), **attrs)
    for (u, v, data), key in zip(g.edges(data=True), _edge_ids(g), strict=True):
        edge_id = node_id(key)
        h.add_edge(node_id(str(u)), node_id(str(v)), edge_id, **_values(data))
        if label:  # networkx's GEXF writer takes an edge's id from its data
            h.edges[node_id(str(u)), node_id(str(v)), edge_id]["id"] = edge_id
    return h


def _gexf_dates(g: nx.Graph) -> nx.Graph:
    """GEXF reads ``start``/``end`` as the element's time bounds, in xsd:date form.
    Write the widest day bounds there (omitted when open) and keep the EDTF text in
    ``edtf_start``/``edtf_end``."""
    h = g.copy()
    for data in itertools.chain(h.nodes.values(), (data for *_, data in h.edges(data=True))):
        if "start" not in data and "end" not in data:
            continue
        start, end = data.pop("start", ""), data.pop("end", "")
        data["edtf_start"], data["edtf_end"] = start, end
        if start:
            data["start"] = PartialDate.parse(start).earliest.isoformat()
        if end:
            data["end"] = PartialDate.parse(end).latest.isoformat()
    return h


def _dot_quote(value: Any) -> str:
    """A DOT quoted string that Graphviz reads back as ``value``: in DOT only ``\\"``
    and a backslash before a newline (a line continuation) are read specially, so a
    quote becomes ``\\"`` and a backslash is followed by a line continuation."""
    if isinstance(value, bool):  # Graphviz spells booleans in lower case
        value = "true" if value else "false"
    text = escape_value(str(value)).replace("\\", "\\\\\n").replace('"', '\\"')
    return f'"{text}"'


def _dot_attrs(data: dict[str, Any], label: Any) -> str:
    pairs = [("label", label), *((k, v) for k, v in data.items() if k != "label")]
    return ", ".join(f"{_dot_quote(k)}={_dot_quote(v)}" for k, v in pairs)


def _to_dot(g: nx.Graph) -> str:
    arrow = "->" if g.is_directed() else "--"
    lines = [f"{'digraph' if g.is_directed() else 'graph'} peacetrack {{"]
    for key, value in g.graph.items():
        lines.append(f"  {_dot_quote(key)}={_dot_quote(value)};")
    for node, data in g.nodes(data=True):
        label = data.get("label", data.get("name", node))
        lines.append(f"  {_dot_quote(node)} [{_dot_attrs(data, label)}];")
    for u, v, data in g.edges(data=True):
        label = str(data.get("kind", ""))
        if "label" in data:
            label += f": {data['label']}"
        lines.append(f"  {_dot_quote(u)} {arrow} {_dot_quote(v)} [{_dot_attrs(data, label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _graphml(g: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(_xml_safe(g, escape_id, label=False))) + "\n"


# GEXF 1.2 has no name on <graph>; networkx writes one (empty) all the same.
_GEXF_GRAPH_NAME = re.compile(r'(<graph\b[^>]*?) name="[^"]*"')


def _gexf(g: nx.Graph) -> str:
    text = "\n".join(nx.generate_gexf(_gexf_dates(_xml_safe(g, escape_value, label=True))))
    return _GEXF_GRAPH_NAME.sub(r"\1", text, count=1) + "\n"


def _json(g: nx.Graph) -> str:
    data = nx.node_link_data(g, edges="edges")
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_WRITERS: dict[str, Callable[[nx.Graph], str]] = {
    "graphml": _graphml,
    "gexf": _gexf,
    "json": _json,
    "dot": _to_dot,
}

FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "dot")
"""The formats :func:`to_text` writes."""


def to_text(graph: nx.Graph, format: str) -> str:
    """Write a graph as GraphML, GEXF, node-link JSON or Graphviz DOT text.

    Parameters
    ----------
    graph
        Any graph from this module (or one with scalar attributes).
    format
        ``"graphml"``, ``"gexf"``, ``"json"`` (networkx node-link data, edges under
        ``"edges"``) or ``"dot"`` (plain text written here; Graphviz is not needed).

    Notes
    -----
    GraphML validates against the GraphML 1.0 schema and GEXF against GEXF 1.2.
    Edge ids are unique: a multigraph edge's key, ``key:2``, ``key:3``, ... for a key
    used again. Characters a format cannot carry are escaped reversibly as
    ``_xHHHH_`` (see :func:`unescape`): in values, and GEXF and DOT ids, the ones XML
    1.0 cannot hold (``"\\x00"``, lone surrogates, ...) and ``"\\r"``; in GraphML
    ids (``xs:NMTOKEN``) all but ASCII letters, digits and ``.-_:``. In GEXF, nodes
    are labelled by ``name``; ``start``/``end`` are the element's time bounds in
    xsd:date form, so they hold the widest day bounds (left out when open) and the
    EDTF text goes in ``edtf_start``/``edtf_end``. In DOT every node is labelled
    with its ``name`` and every edge with its ``kind`` (and ``: label``); all other
    attributes are written as quoted attributes, quoted as Graphviz reads them.
    :func:`from_text` reads GraphML, GEXF and JSON back as they were.

    Raises
    ------
    PeacetrackError
        For an unknown format.

    Examples
    --------
    >>> import networkx as nx
    >>> g = nx.MultiDiGraph()
    >>> g.add_node("nusra", kind="party", name='Nusra "Front"')
    >>> print(to_text(g, "dot"))
    digraph peacetrack {
      "nusra" ["label"="Nusra \\"Front\\"", "kind"="party", "name"="Nusra \\"Front\\""];
    }
    <BLANKLINE>
    >>> to_text(g, "json").startswith("{")
    True
    """
    if format not in FORMATS:
        raise PeacetrackError(
            f"unknown graph format {format!r}; expected one of {', '.join(FORMATS)}"
        )
    return _WRITERS[format](graph)
