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

# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_attrs(data: dict[str, Any]) -> dict[str, Any]:
    return {k: _xml_text(v) for k, v in data.items()}


def _xml_safe(g: nx.Graph) -> nx.Graph:
    """A copy whose ids and string attributes XML can hold (others become U+FFFD)."""
    h = g.__class__()
    h.graph.update(_xml_attrs(g.graph))
    for node, data in g.nodes(data=True):
        h.add_node(_xml_text(node), **_xml_attrs(data))
    # A multigraph's edges carry their key (passed on positionally); a graph's do not.
    edges = g.edges(keys=True, data=True) if g.is_multigraph() else g.edges(data=True)
    for u, v, *key, data in edges:
        h.add_edge(_xml_text(u), _xml_text(v), *map(_xml_text, key), **_xml_attrs(data))
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
    if isinstance(value, bool):  # Graphviz spells booleans in lower case
        value = "true" if value else "false"
    text = str(value).replace("\\", "\\\\").replace('"', '\\"')
    return '"' + text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n") + '"'


def _dot_attrs(data: dict[str, Any], label: str) -> str:
    pairs = [("label", label), *((k, v) for k, v in data.items() if k != "label")]
    return ", ".join(f"{_dot_quote(k)}={_dot_quote(v)}" for k, v in pairs)


def _to_dot(g: nx.Graph) -> str:
    arrow = "->" if g.is_directed() else "--"
    lines = [f"{'digraph' if g.is_directed() else 'graph'} peacetrack {{"]
    for key, value in g.graph.items():
        lines.append(f"  {_dot_quote(key)}={_dot_quote(value)};")
    for node, data in g.nodes(data=True):
        lines.append(f"  {_dot_quote(node)} [{_dot_attrs(data, str(data.get('name', node)))}];")
    for u, v, data in g.edges(data=True):
        label = str(data.get("kind", ""))
        if data.get("label"):
            label += f": {data['label']}"
        lines.append(f"  {_dot_quote(u)} {arrow} {_dot_quote(v)} [{_dot_attrs(data, label)}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def _graphml(g: nx.Graph) -> str:
    return "\n".join(nx.generate_graphml(_xml_safe(g))) + "\n"


def _gexf(g: nx.Graph) -> str:
    return "\n".join(nx.generate_gexf(_gexf_dates(_xml_safe(g)))) + "\n"


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
    The XML formats cannot hold some control characters (``"\\x00"`` and kin); they
    are written as U+FFFD. In GEXF, ``start``/``end`` are the element's time bounds
    in xsd:date form, so they hold the widest day bounds (left out when open) and
    the EDTF text goes in ``edtf_start``/``edtf_end``. In DOT every node is labelled
    with its ``name`` and every edge with its ``kind`` (and ``label``); all other
    attributes are written as quoted attributes.

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
