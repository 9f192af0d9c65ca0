"""Tests for peacetrack.graph: the views, the questions, the text formats."""

from __future__ import annotations

import io
import json
import re
from collections import Counter
from typing import Any

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Delegation,
    Designation,
    Exclusion,
    InvalidDateError,
    Membership,
    Party,
    PeacetrackError,
    Period,
    Person,
    Process,
    Relation,
    Resignation,
    Round,
    RoundFormat,
    Timeline,
    UnknownIdError,
)
from peacetrack import graph as pg
from peacetrack.graph._escape import escape_value
from peacetrack.testing import partial_dates, timelines

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DATES = partial_dates(2014, 2018)
SCALARS = (str, int, float, bool)


@pytest.fixture(scope="module")
def t() -> Timeline:
    """A small Geneva-like timeline touching every edge kind."""
    return Timeline(
        [
            Party("gov", "Government of Syria", "government"),
            Party("hnc", "High Negotiations Committee", "opposition"),
            Party("ru", "Russia", "state"),
            Party("ir", "Iran", "state"),
            Party("us", "United States", "state"),
            Party("un", "United Nations", "intergovernmental"),
            Party("nusra", "Nusra Front", "armed_group"),
            Party("isis", "Islamic State", "armed_group"),
            Party("aoc", "Army of Conquest", "armed_group"),
            Party("ahrar", "Ahrar al-Sham", "armed_group"),
            Person("alloush", "Mohammed Alloush"),
            Person("envoy", "Staffan de Mistura"),
            Process("geneva", "Intra-Syrian talks", "envoy"),
            Process("side", "Side talks", None),
            Delegation("gov-d", "gov", "geneva", name="Government delegation"),
            Delegation("hnc-d", "hnc", "geneva"),
            Delegation("gov-s", "gov", "side"),
            Delegation("hnc-s", "hnc", "side"),
            Delegation("ru-s", "ru", "side"),
            Round(
                "r1",
                "geneva",
                1,
                "2016-01-29/2016-02-03",
                "Geneva",
                "proximity",
                "suspended",
                delegations=("gov-d", "hnc-d"),
            ),
            Round(
                "r3",
                "geneva",
                3,
                "2016-04-13/2016-04-27",
                "Geneva",
                "proximity",
                "adjourned",
                delegations=("gov-d", "hnc-d"),
            ),
            Round(
                "s1",
                "side",
                1,
                "2016-03/2016-03",
                "Vienna",
                "direct",
                "concluded",
                delegations=("gov-s", "hnc-s", "ru-s"),
            ),
            Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29"),
            Resignation("res", "alloush", "m1", "2016-05-29", submitted_to="hnc"),
            Ceasefire(
                "coh",
                "Cessation of hostilities",
                "2016-02-27/..",
                parties=("gov", "hnc"),
                exclusions=(Exclusion("nusra", "designated terrorist"), Exclusion("isis")),
            ),
            Ceasefire(
                "truce", "Local truce", "2016-09-12/2016-09-19", exclusions=(Exclusion("nusra"),)
            ),
            Designation("d-un", "nusra", "un", "terrorist organization", "2013-05/.."),
            Designation("d-us", "nusra", "us", "foreign terrorist organization"),
            Relation("rel-ru", "ru", "gov", "supports", "2015-09/.."),
            Relation("rel-ir", "gov", "ir", "allied_with", "2011/.."),
            Relation("rel-us", "us", "hnc", "supports", "2015-12/2016-12"),
            Relation("rel-n", "nusra", "aoc", "part_of", "2015-03/.."),
            Relation("rel-a", "ahrar", "aoc", "part_of", "2015-03/.."),
            Relation("rel-f", "aoc", "gov", "fights", "2015-03/.."),
        ]
    )


def edges(g: nx.MultiDiGraph, **match: Any) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (u, v, d) for u, v, d in g.edges(data=True) if all(d.get(k) == x for k, x in match.items())
    ]


def in_force(data: dict[str, Any], d: Any, possibly: bool) -> bool:
    """The documented law: start/end as an EDTF period; "" start = undated (a
    participation that holds throughout its process, or a designation)."""
    if data["start"] == "":
        return possibly or data.get("throughout", False)
    return Period(data["start"], data["end"] or None).in_force(d, possibly=possibly)


def edge_set(g: nx.MultiDiGraph) -> Counter[tuple[Any, ...]]:
    return Counter(
        (u, v, k, tuple(sorted(d.items()))) for u, v, k, d in g.edges(keys=True, data=True)
    )


# -- parties -----------------------------------------------------------------------------


def test_nodes_are_parties_people_and_ceasefires(t: Timeline) -> None:
    g = pg.parties(t)
    assert g.nodes["gov"] == {
        "kind": "party",
        "name": "Government of Syria",
        "canonical_name": "Government of Syria",
        "type": "government",
    }
    assert g.nodes["alloush"] == {
        "kind": "person",
        "name": "Mohammed Alloush",
        "canonical_name": "Mohammed Alloush",
        "type": "",
    }
    assert g.nodes["coh"]["kind"] == "ceasefire"
    assert (g.nodes["coh"]["start"], g.nodes["coh"]["end"]) == ("2016-02-27", "")
    assert "hnc-d" not in g  # delegations are not nodes
    assert g.graph == {"at": "", "possibly": False}


def test_every_edge_kind_has_its_attributes(t: Timeline) -> None:
    g = pg.parties(t)
    assert g.edges["alloush", "hnc", "m1"] == {
        "kind": "member_of",
        "record": "m1",
        "role": "chief negotiator",
        "delegation": "hnc-d",
        "start": "2016-01",
        "end": "2016-05-29",
    }
    mediated = sorted((v, d["round"]) for _, v, d in edges(g, kind="mediates"))
    assert mediated == [("gov", "r1"), ("gov", "r3"), ("hnc", "r1"), ("hnc", "r3")]
    assert all(u == "envoy" for u, _, _ in edges(g, kind="mediates"))
    assert g.edges["nusra", "un", "d-un"]["label"] == "terrorist organization"
    assert (g.edges["nusra", "us", "d-us"]["start"], g.edges["nusra", "us", "d-us"]["end"]) == (
        "",
        "",
    )
    assert g.edges["nusra", "coh", "coh"]["kind"] == "excluded_from"
    assert g.edges["nusra", "coh", "coh"]["reason"] == "designated terrorist"
    assert g.edges["isis", "coh", "coh"]["reason"] == ""
    assert g.edges["gov", "coh", "coh"]["kind"] == "party_to"
    assert g.edges["ru", "gov", "rel-ru"]["kind"] == "supports"
    kinds = {d["kind"] for *_, d in g.edges(data=True)}
    assert kinds == {
        "member_of", "mediates", "designated_by", "party_to", "excluded_from",
        "supports", "allied_with", "part_of", "fights",
    }  # fmt: skip


def test_process_without_mediator_gives_no_mediation(t: Timeline) -> None:
    g = pg.parties(t)
    assert not [e for e in edges(g, kind="mediates") if e[2]["round"] == "s1"]


def test_alloush_in_hnc_until_he_resigns(t: Timeline) -> None:
    assert edges(pg.parties(t, at="2016-05-01"), kind="member_of") != []
    assert edges(pg.parties(t, at="2016-05-29"), kind="member_of") != []
    assert edges(pg.parties(t, at="2016-06-01"), kind="member_of") == []


def test_partial_start_is_certain_only_once_it_has_surely_begun(t: Timeline) -> None:
    assert edges(pg.parties(t, at="2016-01-15"), kind="member_of") == []
    assert edges(pg.parties(t, at="2016-01-15", possibly=True), kind="member_of") != []
    assert edges(pg.parties(t, at="2016-01"), kind="member_of") != []


def test_designations_count_from_their_date(t: Timeline) -> None:
    def designators(**kw: Any) -> set[str]:
        return {v for _, v, _ in edges(pg.parties(t, **kw), kind="designated_by")}

    assert designators() == {"un", "us"}
    assert designators(at="2016-05-01") == {"un"}  # the US one is undated
    assert designators(at="2016-05-01", possibly=True) == {"un", "us"}
    assert designators(at="2013-05-10") == set()  # May 2013: not certainly made yet
    assert designators(at="2013-05-10", possibly=True) == {"un", "us"}


def test_ceasefire_nodes_only_while_in_force(t: Timeline) -> None:
    g = pg.parties(t, at="2016-02-01")
    assert "coh" not in g
    assert "truce" not in g
    assert not edges(g, kind="excluded_from")
    g = pg.parties(t, at="2016-03-01")
    assert "coh" in g
    assert "truce" not in g
    assert g.graph == {"at": "2016-03-01", "possibly": False}


def test_bad_date_and_flag_are_refused(t: Timeline) -> None:
    with pytest.raises(InvalidDateError, match="2016-13"):
        pg.parties(t, at="2016-13")
    with pytest.raises(PeacetrackError, match="possibly"):
        pg.parties(t, at="2016-01", possibly="yes")  # type: ignore[arg-type]


@PROPERTY
@given(timelines(max_size=40), DATES, st.booleans())
def test_at_graph_is_the_full_graph_filtered(tl: Timeline, d: Any, possibly: bool) -> None:
    full = pg.parties(tl)
    at = pg.parties(tl, at=d, possibly=possibly)
    # Parties and people are named as they were called on the date asked.
    expected_nodes = {
        n: data if data["kind"] == "ceasefire" else {**data, "name": tl.name_of(n, at=d)}
        for n, data in full.nodes(data=True)
        if data["kind"] != "ceasefire" or in_force(data, d, possibly)
    }
    assert dict(at.nodes(data=True)) == expected_nodes
    expected = nx.MultiDiGraph()
    expected.add_edges_from(
        (u, v, k, data)
        for u, v, k, data in full.edges(keys=True, data=True)
        if in_force(data, d, possibly)
    )
    assert edge_set(at) == edge_set(expected)


@PROPERTY
@given(timelines(max_size=40), DATES, st.booleans())
def test_at_graph_agrees_with_the_snapshot(tl: Timeline, d: Any, possibly: bool) -> None:
    g = pg.parties(tl, at=d, possibly=possibly)
    snap = tl.at(d, possibly=possibly)
    members = {m.id for ms in snap.members.values() for m in ms}
    assert {d_["record"] for *_, d_ in edges(g, kind="member_of")} == members
    assert {k for *_, k in g.edges(keys=True) if k in {r.id for r in tl.relations}} == {
        r.id for r in snap.relations
    }
    assert {d_["record"] for *_, d_ in edges(g, kind="designated_by")} == {
        x.id for x in snap.designations
    }
    shown = {n for n, kind in g.nodes(data="kind") if kind == "ceasefire"}
    assert shown == {c.id for c in snap.ceasefires_in_force}
    assert {u for u, *_ in edges(g, kind="excluded_from")} == snap.excluded


@PROPERTY
@given(timelines(max_size=40))
def test_every_edge_record_resolves_and_attributes_are_scalars(tl: Timeline) -> None:
    g = pg.parties(tl)
    expected_type = {
        "member_of": "membership",
        "mediates": "round",
        "designated_by": "designation",
        "party_to": "ceasefire",
        "excluded_from": "ceasefire",
        "signed": "agreement",
        "witnessed": "agreement",
        "guaranteed": "agreement",
    }
    for u, v, key, data in g.edges(keys=True, data=True):
        record = tl[data["record"]]
        # A delegation signing for its party is keyed apart from the party's own name.
        assert key == record.id or key.startswith(f"{record.id}/")
        if "status" in data:  # a participation edge: mediates, guarantees, boycotts, ...
            assert record.record_type == "participation"
        else:
            assert record.record_type == expected_type.get(data["kind"], "relation")
        assert {"kind", "record", "start", "end"} <= data.keys()
        assert all(isinstance(x, SCALARS) for x in data.values())
        assert u in g
        assert v in g
    for _, data in g.nodes(data=True):
        assert {"kind", "name", "type"} <= data.keys()
        assert all(isinstance(x, SCALARS) for x in data.values())
    # One node per party and person, one edge per relation, membership, designation.
    assert sum(k in ("party", "person") for _, k in g.nodes(data="kind")) == len(tl.parties) + len(
        tl.people
    )
    assert len(edges(g, kind="member_of")) == len(tl.memberships)
    assert len(edges(g, kind="designated_by")) == len(tl.designations)


# -- text formats ------------------------------------------------------------------------


def xml_text(value: str) -> str:
    """What an XML round-trip can give back: illegal characters replaced, line ends
    normalised by the parser."""
    text = re.sub("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]", "\ufffd", value)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def summary(g: nx.Graph) -> tuple[dict[str, tuple[Any, ...]], Counter[tuple[Any, ...]]]:
    nodes = {n: (d["kind"], xml_text(d["name"])) for n, d in g.nodes(data=True)}
    links = Counter((u, v, d["kind"], d["record"]) for u, v, d in g.edges(data=True))
    return nodes, links


def by_record(g: nx.Graph) -> dict[tuple[str, str, str], dict[str, Any]]:
    """Edges by (source, target, record): unique in every graph here, and what a
    reader gives back whether or not it rebuilds a multigraph."""
    return {(u, v, d["record"]): d for u, v, d in g.edges(data=True)}


@PROPERTY
@given(timelines(max_size=30), st.one_of(st.none(), DATES))
def test_graphml_round_trip(tl: Timeline, d: Any) -> None:
    g = pg.parties(tl, at=d)
    back = pg.from_text(pg.to_text(g, "graphml"), "graphml")
    assert isinstance(back, nx.MultiDiGraph)
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert by_record(back) == by_record(g)
    # Edge ids are the record ids ("agreement/party" where a delegation signs for its
    # party), "record:2", ... where a record is behind several edges.
    for u, _, key, data in back.edges(keys=True, data=True):
        own = rf"{re.escape(data['record'])}(/{re.escape(u)})?"
        assert re.fullmatch(own + r"(:\d+)?", key), (key, data["record"])


@PROPERTY
@given(timelines(max_size=30), st.one_of(st.none(), DATES))
def test_gexf_round_trip(tl: Timeline, d: Any) -> None:
    g = pg.parties(tl, at=d)
    text = pg.to_text(g, "gexf")
    back = pg.from_text(text, "gexf")
    assert dict(back.nodes(data=True)) == dict(g.nodes(data=True))
    assert by_record(back) == by_record(g)
    raw = nx.read_gexf(io.BytesIO(text.encode()))  # what other GEXF readers see
    got = {pg.unescape(data["record"]): data for *_, data in raw.edges(data=True)}
    for (_, _, record), data in by_record(g).items():
        assert (got[record]["edtf_start"], got[record]["edtf_end"]) == tuple(
            escape_value(data[k]) for k in ("start", "end")
        )
        if data["start"]:  # day bounds for GEXF readers: the widest reading
            assert got[record]["start"] == Period(data["start"]).start.earliest.isoformat()
        else:
            assert "start" not in got[record]
        if data["end"]:
            assert got[record]["end"] == Period(data["start"], data["end"]).end.latest.isoformat()


def test_networkx_writers_work_unchanged(t: Timeline, tmp_path: Any) -> None:
    g = pg.parties(t)
    nx.write_graphml(g, tmp_path / "g.graphml")
    nx.write_gexf(g, tmp_path / "g.gexf")
    for back in (nx.read_graphml(tmp_path / "g.graphml"), nx.read_gexf(tmp_path / "g.gexf")):
        assert summary(back) == summary(g)
    bip = pg.ceasefire_exclusions(t)
    nx.write_graphml(bip, tmp_path / "b.graphml")
    back = nx.read_graphml(tmp_path / "b.graphml")
    assert dict(back.nodes(data="bipartite")) == dict(bip.nodes(data="bipartite"))


def test_xml_formats_survive_control_characters() -> None:
    tl = Timeline([Party("p", "bad\x00name\x1b", "other"), Party("q", "fine", "other")])
    g = pg.parties(tl)
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        text = pg.to_text(g, fmt)
        raw = read(io.BytesIO(text.encode()))  # other readers see the escape
        assert raw.nodes["p"]["name"] == "bad_x0000_name_x001B_"
        assert pg.from_text(text, fmt).nodes["p"]["name"] == "bad\x00name\x1b"
    assert g.nodes["p"]["name"] == "bad\x00name\x1b"  # the graph itself is untouched


@PROPERTY
@given(timelines(max_size=30))
def test_json_is_node_link_data(tl: Timeline) -> None:
    g = pg.parties(tl)
    data = json.loads(pg.to_text(g, "json"))
    back = nx.node_link_graph(data, edges="edges")
    assert nx.utils.graphs_equal(back, g)
    assert edge_set(back) == edge_set(g)


# A DOT quoted string as Graphviz reads it: ``\\"`` is a quote, a backslash before a
# newline continues the line, every other character stands for itself.
_QUOTED = re.compile(r'"((?:[^"\\]|\\"|\\\n|\\)*?)"(?=[\s=;,\]]|->|--)', re.S)


def unquote(text: str) -> str:
    return pg.unescape(re.sub(r'\\"|\\\n', lambda m: '"' if m.group() == '\\"' else "", text))


@PROPERTY
@given(timelines(max_size=30))
def test_dot_quotes_everything_safely(tl: Timeline) -> None:
    g = pg.parties(tl)
    text = pg.to_text(g, "dot")
    strings = [unquote(m) for m in _QUOTED.findall(text)]
    # Outside quoted strings only DOT syntax remains: no name can break out.
    lines = _QUOTED.sub("S", text).rstrip("\n").split("\n")
    assert lines[0] == "digraph peacetrack {"
    assert lines[-1] == "}"
    body = lines[1:-1]
    assert len(body) == len(g.graph) + g.number_of_nodes() + g.number_of_edges()
    node_lines = body[len(g.graph) : len(g.graph) + g.number_of_nodes()]
    for (_, data), line in zip(g.nodes(data=True), node_lines, strict=True):
        assert line == "  S [" + ", ".join(["S=S"] * (len(data) + 1)) + "];"
    for line in body[len(g.graph) + g.number_of_nodes() :]:
        assert re.fullmatch(r"  S -> S \[S=S(, S=S)*\];", line)
    # Every id and name reads back as it was.
    at = 2 * len(g.graph)
    for node, data in g.nodes(data=True):
        assert strings[at : at + 3] == [node, "label", data["name"]]
        at += 2 + 2 * (len(data) + 1) - 1


def test_dot_for_undirected_graphs_and_edge_labels(t: Timeline) -> None:
    text = pg.to_text(pg.round_topology(t, "s1"), "dot")
    assert text.startswith("graph peacetrack {\n")
    assert '"gov-s" -- "hnc-s"' in text
    text = pg.to_text(pg.parties(t), "dot")
    assert '"nusra" -> "un" ["label"="designated_by: terrorist organization"' in text


def test_unknown_format_is_refused(t: Timeline) -> None:
    with pytest.raises(PeacetrackError, match="unknown graph format 'svg'"):
        pg.to_text(pg.parties(t), "svg")


# -- ceasefire_exclusions and excluded_from_all ------------------------------------------


def test_ceasefire_exclusions_is_bipartite(t: Timeline) -> None:
    g = pg.ceasefire_exclusions(t)
    ceasefires = {n for n, b in g.nodes(data="bipartite") if b == 0}
    assert ceasefires == {"coh", "truce"}
    assert {n for n, b in g.nodes(data="bipartite") if b == 1} == {p.id for p in t.parties}
    assert nx.bipartite.is_bipartite_node_set(g.to_undirected(), ceasefires)
    assert g.edges["nusra", "truce"] == {
        "kind": "excluded_from",
        "record": "truce",
        "reason": "",
        "start": "2016-09-12",
        "end": "2016-09-19",
    }
    assert g.edges["hnc", "coh"]["kind"] == "party_to"
    assert sorted(pg.ceasefire_exclusions(t, at="2016-03-01").edges) == [
        ("gov", "coh"), ("hnc", "coh"), ("isis", "coh"), ("nusra", "coh"),
    ]  # fmt: skip


@PROPERTY
@given(timelines(max_size=40), st.one_of(st.none(), DATES))
def test_exclusion_graph_matches_the_records(tl: Timeline, d: Any) -> None:
    g = pg.ceasefire_exclusions(tl, at=d)
    live = [c for c in tl.ceasefires if d is None or c.period.in_force(d)]
    expected = {(e.party, c.id, "excluded_from") for c in live for e in c.exclusions}
    expected |= {(p, c.id, "party_to") for c in live for p in c.parties}
    assert {(u, v, k) for u, v, k in g.edges(data="kind")} == expected
    assert all(g.nodes[v]["bipartite"] == 0 and g.nodes[u]["bipartite"] == 1 for u, v in g.edges)
    # excluded_from_all: excluded from each ceasefire considered, and only those.
    result = pg.excluded_from_all(tl, at=d)
    if not live:
        assert result == set()
    else:
        for party in {p.id for p in tl.parties}:
            assert (party in result) == all(
                g.edges.get((party, c.id), {}).get("kind") == "excluded_from" for c in live
            )


def test_excluded_from_all(t: Timeline) -> None:
    assert pg.excluded_from_all(t) == {"nusra"}
    assert pg.excluded_from_all(t, at="2016-03-01") == {"nusra", "isis"}
    assert pg.excluded_from_all(t, at="2016-09-15") == {"nusra"}
    assert pg.excluded_from_all(t, at="2016-01-01") == set()


# -- round_topology ----------------------------------------------------------------------


def test_proximity_round_is_a_star_around_the_mediator(t: Timeline) -> None:
    g = pg.round_topology(t, "r3")
    assert sorted(g.edges) == [("envoy", "gov-d"), ("envoy", "hnc-d")]
    assert g.nodes["envoy"] == {"kind": "mediator", "name": "Staffan de Mistura"}
    assert g.nodes["gov-d"]["name"] == "Government delegation"
    assert g.nodes["hnc-d"] == {
        "kind": "delegation",
        "name": "High Negotiations Committee",
        "party": "hnc",
    }
    assert g.graph == {"round": "r3", "process": "geneva", "format": "proximity"}
    assert g.edges["envoy", "gov-d"]["start"] == "2016-04-13"


def test_direct_round_links_delegations_pairwise(t: Timeline) -> None:
    g = pg.round_topology(t, "s1")
    assert sorted(map(sorted, g.edges)) == [
        ["gov-s", "hnc-s"],
        ["gov-s", "ru-s"],
        ["hnc-s", "ru-s"],
    ]
    assert {k for *_, k in g.edges(data="kind")} == {"meets"}


def test_round_topology_needs_a_round(t: Timeline) -> None:
    with pytest.raises(UnknownIdError, match="no round with id 'gov'"):
        pg.round_topology(t, "gov")


@PROPERTY
@given(timelines(max_size=40))
def test_round_shapes(tl: Timeline) -> None:
    for round_ in tl.rounds:
        g = pg.round_topology(tl, round_.id)
        hubs = {n for n, kind in g.nodes(data="kind") if kind == "mediator"}
        assert hubs == set(brute_force_mediators(tl, round_))
        delegations = set(round_.delegations)
        between = [(u, v) for u, v in g.edges if u in delegations and v in delegations]
        n = len(delegations)
        if round_.format not in (RoundFormat.DIRECT, RoundFormat.MIXED):
            # Proximity, shuttle and unknown formats: a star around the mediator.
            assert between == []
            if len(hubs) == 1 and n >= 1:
                assert nx.is_tree(g)  # a star: a tree with every delegation on the hub
        else:
            assert len(between) == n * (n - 1) // 2
        for mediator in hubs:
            assert g.degree(mediator) == n
            assert {v if u == mediator else u for u, v in g.edges(mediator)} == delegations


def brute_force_mediators(tl: Timeline, round_: Round) -> list[str]:
    """The process's mediator, and every mediating participation that took part, in
    that round or none, whose effective period may overlap the round's."""
    process = tl[round_.process]
    found = [process.mediator] if process.mediator is not None else []  # type: ignore[attr-defined]
    for p in tl.participations:
        if (
            p.process != round_.process
            or p.role.value not in ("mediator", "co_mediator")
            or p.status.value != "took_part"
            or p.round not in (None, round_.id)
        ):
            continue
        period = p.period or (tl[p.round].period if p.round else None)  # type: ignore[attr-defined]
        if period is None or period.overlaps(round_.period):
            found.append(p.actor)
    return found


# -- questions ---------------------------------------------------------------------------


def test_link_between(t: Timeline) -> None:
    path = pg.link_between(t, "nusra", "ahrar")
    assert path == [
        pg.Hop("nusra", "part_of", "aoc", "rel-n"),
        pg.Hop("ahrar", "part_of", "aoc", "rel-a"),
    ]
    assert pg.link_between(t, "ru", "ru") == []
    only = pg.link_between(t, "ru", "ir", kinds={"supports", "allied_with"})
    assert [h.kind for h in only or []] == ["supports", "allied_with"]
    assert pg.link_between(t, "ru", "un", kinds={"supports"}) is None
    g = pg.parties(t, at="2016-06-01")
    assert pg.link_between(g, "alloush", "hnc") is None  # he had resigned
    with pytest.raises(UnknownIdError, match="'nobody'"):
        pg.link_between(t, "nobody", "ru")
    with pytest.raises(PeacetrackError, match="at= only applies"):
        pg.link_between(g, "ru", "gov", at="2016-01-01")


@PROPERTY
@given(timelines(max_size=30), st.data())
def test_link_between_walks_real_edges(tl: Timeline, data: st.DataObject) -> None:
    g = pg.parties(tl)
    nodes = list(g)
    if not nodes:
        return
    a, b = data.draw(st.sampled_from(nodes)), data.draw(st.sampled_from(nodes))
    path = pg.link_between(g, a, b)
    connected = nx.has_path(g.to_undirected(), a, b)
    assert (path is not None) == connected
    if path:
        assert len(path) == nx.shortest_path_length(g.to_undirected(), a, b)
        here = a
        for hop in path:
            # Keyed by its record, or "agreement/party" where a delegation signs for
            # its party (the party's own signature keeps the plain agreement key).
            edges = g.get_edge_data(hop.source, hop.target) or {}
            walked = [
                key
                for key, e in edges.items()
                if e["record"] == hop.record and e["kind"] == hop.kind
            ]
            assert walked, hop
            assert {hop.record, f"{hop.record}/{hop.source}"} & set(walked), hop
            here = hop.target if hop.source == here else hop.source
        assert here == b


def test_backers(t: Timeline) -> None:
    assert pg.backers(t, "gov-d") == {"ru", "ir"}  # supports in; allied either way
    assert pg.backers(t, "hnc-d") == {"us"}
    assert pg.backers(t, "hnc-d", at="2017-01-01") == set()
    assert pg.backers(t, "gov-d", at="2015-01-01") == {"ir"}
    with pytest.raises(UnknownIdError, match="no delegation with id 'gov'"):
        pg.backers(t, "gov")


def test_designated_in_coalitions(t: Timeline) -> None:
    assert pg.designated_in_coalitions(t) == {"nusra": ("aoc",)}
    assert pg.designated_in_coalitions(t, at="2016-05-01") == {"nusra": ("aoc",)}
    assert pg.designated_in_coalitions(t, at="2013-01-01") == {}  # not yet designated
    assert pg.designated_in_coalitions(t, engaged=True) == {}  # nobody in aoc is at the table
    engaged = t.with_records(
        Ceasefire("local", "Idlib truce", "2016-03/2016-04", parties=("ahrar",))
    )
    assert pg.designated_in_coalitions(engaged, engaged=True) == {"nusra": ("aoc",)}
    assert pg.designated_in_coalitions(engaged, at="2016-06-01", engaged=True) == {}


# -- the bundled Geneva 2016 case --------------------------------------------------------


@pytest.fixture(scope="module")
def geneva() -> Timeline:
    from peacetrack.datasets import geneva_2016

    return geneva_2016()


def hnc_members(g: nx.MultiDiGraph) -> set[str]:
    return {u for u, _, kind in g.in_edges("hnc", data="kind") if kind == "member_of"}


def test_geneva_alloush_in_the_hnc_delegation_until_he_resigns(geneva: Timeline) -> None:
    on_may_1 = pg.parties(geneva, at="2016-05-01")
    assert "alloush" in hnc_members(on_may_1)
    [edge] = [d for u, _, d in on_may_1.in_edges("hnc", data=True) if u == "alloush"]
    assert edge["role"] == "chief negotiator"
    assert edge["delegation"] == "hnc-delegation"
    assert "alloush" not in hnc_members(pg.parties(geneva, at="2016-06-01"))


def test_geneva_nusra_excluded_from_its_ceasefires(geneva: Timeline) -> None:
    excluding = {c.id for c in geneva.ceasefires if "nusra" in {e.party for e in c.exclusions}}
    assert excluding  # the case records at least one such ceasefire
    g = pg.ceasefire_exclusions(geneva)
    assert {v for _, v, k in g.out_edges("nusra", data="kind") if k == "excluded_from"} == excluding
    assert "nusra" in pg.excluded_from_all(geneva)
    assert "nusra" in pg.excluded_from_all(geneva, at="2016-05-01")
    full = pg.parties(geneva)
    assert {v for _, v, k in full.out_edges("nusra", data="kind") if k == "excluded_from"} == (
        excluding
    )


def test_geneva_proximity_rounds_are_stars(geneva: Timeline) -> None:
    assert geneva.rounds
    for round_ in geneva.rounds:
        g = pg.round_topology(geneva, round_.id)
        assert g.graph["format"] == "proximity"
        hub = "de-mistura"
        assert g.degree(hub) == len(round_.delegations) == g.number_of_edges()
        assert all(hub in edge for edge in g.edges)


def test_geneva_questions(geneva: Timeline) -> None:
    assert pg.designated_in_coalitions(geneva, at="2016-05-01")["nusra"] == ("army-of-conquest",)
    assert "russia" in pg.backers(geneva, "gov-delegation", at="2016-05-01")
    path = pg.link_between(geneva, "alloush", "russia", at="2016-05-01")
    assert path is not None
    assert path[0] == pg.Hop("alloush", "member_of", "hnc", "alloush-chief-negotiator")


# -- the picture script ------------------------------------------------------------------


def test_render_script_writes_a_png_and_can_run_again(tmp_path: Any) -> None:
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "render_graph.py"
    out = tmp_path / "sub" / "graph.png"
    for _ in range(2):  # rerunnable: the second run overwrites the first
        done = subprocess.run(
            [sys.executable, str(script), str(out), "--at", "2016-05-01"],
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
        assert out.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert out.stat().st_size > 10_000
    assert [p.name for p in out.parent.iterdir()] == ["graph.png"]  # no temp file left
    bad = subprocess.run(
        [sys.executable, str(script), str(out), "--at", "2016-13"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert bad.returncode == 1
    assert "2016-13" in bad.stderr
