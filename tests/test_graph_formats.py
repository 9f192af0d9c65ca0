"""Graph files that validate and read back: GraphML 1.0 and GEXF 1.2 against the official
schemas (tests/data/xsd), unique edge ids, and one reversible escape for ids and values
in GraphML, GEXF and DOT."""

from __future__ import annotations

import re
import time
from collections import Counter
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from peacetrack import Timeline
from peacetrack import graph as pg
from peacetrack.datasets import geneva_2016
from peacetrack.errors import LoadError, PeacetrackError
from peacetrack.graph._escape import escape_id, escape_value

XSD = Path(__file__).parent / "data" / "xsd"
PROPERTY = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def schemas() -> dict[str, etree.XMLSchema]:
    return {
        "graphml": etree.XMLSchema(etree.parse(str(XSD / "graphml-1.0" / "graphml.xsd"))),
        "gexf": etree.XMLSchema(etree.parse(str(XSD / "gexf-1.2draft" / "gexf.xsd"))),
    }


def _views(t: Timeline) -> dict[str, nx.Graph]:
    views = {
        "parties": pg.parties(t),
        "parties-2016-04-20": pg.parties(t, at="2016-04-20"),
        "parties-2016-05-possibly": pg.parties(t, at="2016-05", possibly=True),
        "ceasefire_exclusions": pg.ceasefire_exclusions(t),
        "ceasefire_exclusions-2016-03-01": pg.ceasefire_exclusions(t, at="2016-03-01"),
    }
    views.update({f"round_topology-{r.id}": pg.round_topology(t, r.id) for r in t.rounds})
    return views


VIEWS = _views(geneva_2016())


def _valid(schema: etree.XMLSchema, text: str) -> None:
    doc = etree.fromstring(text.encode("utf-8"))
    assert schema.validate(doc), str(schema.error_log)


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_view_of_the_bundled_case_is_schema_valid(
    schemas: dict[str, etree.XMLSchema], view: str, fmt: str
) -> None:
    g = VIEWS[view]
    text = pg.to_text(g, fmt)
    _valid(schemas[fmt], text)
    doc = etree.fromstring(text.encode("utf-8"))
    edge_ids = [e.get("id") for e in doc.iter("{*}edge")]
    assert len(edge_ids) == g.number_of_edges()
    if fmt == "gexf" or g.is_multigraph():
        assert None not in edge_ids
        assert len(set(edge_ids)) == len(edge_ids)


def test_gexf_labels_nodes_by_name_and_has_no_graph_name() -> None:
    g = VIEWS["parties"]
    doc = etree.fromstring(pg.to_text(g, "gexf").encode("utf-8"))
    graph_element = next(doc.iter("{*}graph"))
    assert "name" not in graph_element.attrib
    labels = {n.get("id"): n.get("label") for n in doc.iter("{*}node")}
    assert labels == dict(g.nodes(data="name"))


def test_a_ceasefire_with_several_parties_keeps_every_edge() -> None:
    # The record id is repeated on party_to edges: ids must stay unique, records kept.
    g = VIEWS["parties"]
    keys = Counter(k for *_, k in g.edges(keys=True))
    repeated = [k for k, n in keys.items() if n > 1]
    assert repeated, "the bundled case has a record behind several edges"
    back = pg.from_text(pg.to_text(g, "graphml"), "graphml")
    assert Counter(d["record"] for *_, d in back.edges(data=True)) == Counter(
        d["record"] for *_, d in g.edges(data=True)
    )
    for *_, key, data in back.edges(keys=True, data=True):  # a repeat is "record:2", ...
        assert key == data["record"] or re.fullmatch(re.escape(data["record"]) + r":\d+", key)


# -- the escape, on arbitrary text ---------------------------------------------------------

TEXT = st.text(
    st.characters(codec=None, exclude_categories=()), min_size=0, max_size=12
) | st.sampled_from(["_x0041_", "_x", "a\r\nb", "\\", '\\"', "x\\", "_x005F_", "\ud800"])
IDS = TEXT.filter(bool)


@given(TEXT)
def test_unescape_undoes_both_escapes(text: str) -> None:
    assert pg.unescape(escape_value(text)) == text
    assert pg.unescape(escape_id(text)) == text


@given(TEXT)
def test_escaped_values_are_xml_and_utf8(text: str) -> None:
    escaped = escape_value(text)
    escaped.encode("utf-8")  # no lone surrogate is left
    assert not re.search("[^\t\n\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", escaped)


def _graph(draw: st.DrawFn, directed: bool) -> nx.Graph:
    g: nx.Graph = nx.MultiDiGraph() if directed else nx.MultiGraph()
    nodes = draw(st.lists(IDS, min_size=1, max_size=6, unique=True))
    for node in nodes:
        g.add_node(node, name=draw(TEXT), kind=draw(TEXT), n=draw(st.integers(-9, 9)))
    for _ in range(draw(st.integers(0, 8))):
        u, v = draw(st.sampled_from(nodes)), draw(st.sampled_from(nodes))
        key = draw(IDS)
        data = {"kind": draw(TEXT), "record": key, "flag": draw(st.booleans())}
        if draw(st.booleans()):
            data["label"] = draw(TEXT)
        g.add_edge(u, v, key, **data)
    return g


@st.composite
def graphs(draw: st.DrawFn) -> nx.Graph:
    return _graph(draw, draw(st.booleans()))


def _edges(g: nx.Graph) -> Counter[tuple[Any, ...]]:
    return Counter((u, v, tuple(sorted(d.items()))) for u, v, d in g.edges(data=True))


@PROPERTY
@given(graphs())
def test_xml_formats_read_back_equal_and_validate(
    schemas: dict[str, etree.XMLSchema], g: nx.Graph
) -> None:
    for fmt in ("graphml", "gexf"):
        text = pg.to_text(g, fmt)
        _valid(schemas[fmt], text)
        back = pg.from_text(text, fmt)
        assert back.is_directed() == g.is_directed()
        assert dict(back.nodes(data=True)) == dict(g.nodes(data=True)), fmt
        assert _edges(back) == _edges(g), fmt


# A DOT reader that follows Graphviz's rule for quoted strings: ``\"`` is a quote, a
# backslash before a newline is a line continuation, every other character stands.
_TOKEN = re.compile(r'"((?:[^"\\]|\\.|\\\n)*)"|(->|--|[\[\]=,;{}])|(\w+)|(\s+)', re.S)


def _dot_string(raw: str) -> str:
    return pg.unescape(re.sub(r'\\"|\\\n', lambda m: '"' if m.group() == '\\"' else "", raw))


def read_dot(text: str) -> tuple[dict[str, dict[str, str]], list[tuple[str, str, dict[str, str]]]]:
    tokens: list[str | tuple[str]] = []
    pos = 0
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        assert m, f"unreadable DOT at {pos}: {text[pos : pos + 20]!r}"
        if m.group(1) is not None:
            tokens.append((_dot_string(m.group(1)),))  # a quoted string
        elif m.group(2) or m.group(3):
            tokens.append(m.group(2) or m.group(3))
        pos = m.end()
    assert tokens[:3] in (["digraph", "peacetrack", "{"], ["graph", "peacetrack", "{"])
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    statements: list[list[str | tuple[str]]] = [[]]
    for token in tokens[3:-1]:
        if token == ";":
            statements.append([])
        else:
            statements[-1].append(token)
    for st_ in filter(None, statements):
        attrs = {}
        if "[" in st_:
            body = st_[st_.index("[") + 1 : -1]
            for i in range(0, len(body), 4):
                (k,), (v,) = body[i], body[i + 2]  # type: ignore[misc]
                attrs[k] = v
        if len(st_) > 1 and st_[1] in ("->", "--"):
            edges.append((st_[0][0], st_[2][0], attrs))  # type: ignore[index]
        elif st_[1:2] == ["["]:
            nodes[st_[0][0]] = attrs  # type: ignore[index]
    return nodes, edges


def _as_dot(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


@PROPERTY
@given(graphs())
def test_dot_reads_back_equal(g: nx.Graph) -> None:
    nodes, edges = read_dot(pg.to_text(g, "dot"))
    want_nodes = {
        str(n): {"label": d["name"], **{k: _as_dot(v) for k, v in d.items()}}
        for n, d in g.nodes(data=True)
    }
    assert nodes == want_nodes
    want_edges = Counter()
    for u, v, d in g.edges(data=True):
        label = d["kind"] + (f": {d['label']}" if "label" in d else "")
        attrs = {"label": label, **{k: _as_dot(x) for k, x in d.items() if k != "label"}}
        want_edges[(u, v, tuple(sorted(attrs.items())))] += 1
    assert Counter((u, v, tuple(sorted(a.items()))) for u, v, a in edges) == want_edges


def test_ids_differing_only_in_line_ends_or_controls_stay_distinct(
    schemas: dict[str, etree.XMLSchema],
) -> None:
    g = nx.MultiDiGraph()
    ids = ["a\r", "a\n", "a\r\n", "a\x00", "a\x01", "a\ud800", "a\udfff", "a"]
    g.add_nodes_from((i, {"name": i}) for i in ids)
    for fmt in ("graphml", "gexf"):
        back = pg.from_text(pg.to_text(g, fmt), fmt)
        assert sorted(back.nodes) == sorted(ids)
        assert all(back.nodes[i]["name"] == i for i in ids)
    nodes, _ = read_dot(pg.to_text(g, "dot"))
    assert sorted(nodes) == sorted(ids)


def test_from_text_refuses_what_it_cannot_read() -> None:
    with pytest.raises(PeacetrackError, match="cannot read graph format 'dot'"):
        pg.from_text("digraph {}", "dot")
    with pytest.raises(LoadError, match="not a graphml graph"):
        pg.from_text("<graphml", "graphml")


def test_edge_ids_stay_linear_when_one_key_is_on_every_edge() -> None:
    g = nx.MultiDiGraph()
    n = 20_000
    for i in range(n):
        g.add_edge(f"a{i}", f"b{i}", "cf", record="cf")
    g.add_edge("x", "y", "cf:7", record="other")  # an id the renaming must skip
    started = time.perf_counter()
    text = pg.to_text(g, "graphml")
    assert time.perf_counter() - started < 10  # quadratic would be 2e8 tries
    ids = [e.get("id") for e in etree.fromstring(text.encode()).iter("{*}edge")]
    assert len(set(ids)) == len(ids) == n + 1
    assert ids[:3] == ["cf", "cf:2", "cf:3"]
    assert ids.count("cf:7") == 1  # the original; the renaming went past it
