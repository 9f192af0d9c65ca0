"""networkx views over a Timeline: who links to whom, and who is left out.

Every view is a plain function that takes a :class:`~peacetrack.timeline.Timeline`
and returns a fresh networkx graph; nothing here subclasses networkx. Node ids are
record ids (ids are unique across a timeline, so a party, a person and a ceasefire
never collide).

Attributes are GraphML scalars only (``str``, ``int``, ``bool``), so
:func:`networkx.write_graphml`, :func:`networkx.write_gexf` and node-link JSON work
on every graph here with no conversion. A missing date is ``""`` (GraphML has no
null); dates are EDTF strings and keep their precision ("2016-04" stays a month).

Dates and ``at=``
-----------------
With ``at=`` a view keeps only what was in force that day, by the same rule as
:meth:`Timeline.at <peacetrack.timeline.Timeline.at>`: a period counts when it was
*certainly* in force at some time during ``at`` (:meth:`peacetrack.Period.in_force`),
or *possibly* in force with ``possibly=True``. A designation counts from its date on;
an undated one only when ``possibly=True``. Put as a law over edge attributes: an
edge with ``start`` S and ``end`` E is in the view at D exactly when
``Period(S, E or None).in_force(D, possibly=...)``, and an edge with ``start == ""``
(an undated designation) only when ``possibly`` is true.

Examples
--------
>>> from peacetrack import Timeline, Party, Person, Process, Delegation, Membership
>>> t = Timeline([
...     Party("hnc", "High Negotiations Committee", "opposition"),
...     Person("alloush", "Mohammed Alloush"),
...     Process("geneva", "Geneva talks"),
...     Delegation("hnc-d", "hnc", "geneva"),
...     Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29"),
... ])
>>> [(u, v, d["kind"], d["role"]) for u, v, d in parties(t, at="2016-05-01").edges(data=True)]
[('alloush', 'hnc', 'member_of', 'chief negotiator')]
>>> parties(t, at="2016-06-01").number_of_edges()
0
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Collection, Iterable
from typing import Any, NamedTuple

import networkx as nx

from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import PeacetrackError, UnknownIdError
from peacetrack.records import (
    Ceasefire,
    Delegation,
    Designation,
    Process,
    RelationKind,
    Round,
    RoundFormat,
)
from peacetrack.timeline import Timeline

__all__ = [
    "FORMATS",
    "Hop",
    "backers",
    "ceasefire_exclusions",
    "designated_in_coalitions",
    "excluded_from_all",
    "link_between",
    "parties",
    "round_topology",
    "to_text",
]

FORMATS: tuple[str, ...] = ("graphml", "gexf", "json", "dot")
"""The formats :func:`to_text` writes."""


class Hop(NamedTuple):
    """One edge on a path found by :func:`link_between`, as the edge points.

    ``source`` and ``target`` are the edge's own ends (not necessarily the order the
    path walks it), ``kind`` is the edge kind and ``record`` the id it came from.
    """

    source: str
    kind: str
    target: str
    record: str


# -- helpers -----------------------------------------------------------------------------


def _when(at: DateLike | None) -> PartialDate | None:
    return None if at is None else PartialDate.coerce(at)


def _live(period: Period, d: PartialDate | None, possibly: bool) -> bool:
    return d is None or period.in_force(d, possibly=possibly)


def _designated(designation: Designation, d: PartialDate | None, possibly: bool) -> bool:
    if d is None:
        return True
    if designation.date is None:
        return possibly
    # "From its date on" is an open period starting on that date: the same rule as
    # Timeline.at, without reaching into its private helper.
    return Period(designation.date).in_force(d, possibly=possibly)


def _bounds(period: Period) -> dict[str, str]:
    return {"start": str(period.start), "end": "" if period.end is None else str(period.end)}


def _name(t: Timeline, record_id: str) -> str:
    return str(getattr(t[record_id], "name", record_id))


def _check_at(at: DateLike | None, possibly: bool) -> PartialDate | None:
    if not isinstance(possibly, bool):
        raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")
    return _when(at)


# -- views -------------------------------------------------------------------------------


def parties(t: Timeline, at: DateLike | None = None, *, possibly: bool = False) -> nx.MultiDiGraph:
    """Parties, people and ceasefires, and every tie between them, as one graph.

    Nodes are parties (``kind="party"``, ``type`` the :class:`~peacetrack.PartyKind`
    value), people (``kind="person"``, ``type=""``) and ceasefires
    (``kind="ceasefire"``, ``type=""``, with the ceasefire's ``start`` and ``end``);
    each has a ``name``. Delegations are not nodes: a member's edge goes to the
    party the delegation speaks for and names the delegation.

    Edges (key = the id of the record they come from):

    ============== =================================== ==============================
    ``kind``       from -> to                          extra attributes
    ============== =================================== ==============================
    relation kinds source party -> target party        (supports, allied_with, ...)
    member_of      person -> delegation's party        ``role``, ``delegation``
    mediates       process mediator -> each party of a ``round``, ``process``
                   delegation at a round
    designated_by  designated party -> designator      ``label``
    party_to       party -> ceasefire                  ``reason`` (``""``)
    excluded_from  party -> ceasefire                  ``reason`` (``""`` if none given)
    ============== =================================== ==============================

    Every edge has ``kind``, ``record`` and ``start``/``end`` (EDTF, ``""`` when
    open or unknown): the period of the relation, membership, round or ceasefire;
    a designation runs from its date (``""`` if undated) with no end.

    Parameters
    ----------
    t
        The timeline.
    at
        Keep only what was in force on this date (module docs); parties and people
        are always present, ceasefires only while in force.
    possibly
        With ``at``: keep what may have been in force, not only what certainly was.

    Returns
    -------
    networkx.MultiDiGraph
        ``graph["at"]`` is the date asked about (``""`` for none) and
        ``graph["possibly"]`` the flag.

    Raises
    ------
    InvalidDateError
        If ``at`` cannot be read as a date.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Relation
    >>> t = Timeline([Party("ru", "Russia", "state"), Party("gov", "Government", "government"),
    ...               Relation("r1", "ru", "gov", "supports", "2015-09/..")])
    >>> g = parties(t)
    >>> g.nodes["ru"]["type"], g.edges["ru", "gov", "r1"]["kind"], g.edges["ru", "gov", "r1"]["end"]
    ('state', 'supports', '')
    >>> parties(t, at="2015-08-01").number_of_edges()
    0
    """
    d = _check_at(at, possibly)
    g = nx.MultiDiGraph(at="" if d is None else str(d), possibly=possibly)
    for party in t.parties:
        g.add_node(party.id, kind="party", name=party.name, type=party.kind.value)
    for person in t.people:
        g.add_node(person.id, kind="person", name=person.name, type="")

    for relation in t.relations:
        if _live(relation.period, d, possibly):
            g.add_edge(
                relation.source,
                relation.target,
                key=relation.id,
                kind=relation.kind.value,
                record=relation.id,
                **_bounds(relation.period),
            )

    delegations = {x.id: x for x in t.delegations}
    for membership in t.memberships:
        if _live(membership.period, d, possibly):
            g.add_edge(
                membership.person,
                delegations[membership.delegation].party,
                key=membership.id,
                kind="member_of",
                record=membership.id,
                role=membership.role,
                delegation=membership.delegation,
                **_bounds(membership.period),
            )

    mediators = {p.id: p.mediator for p in t.processes}
    for round_ in t.rounds:
        mediator = mediators[round_.process]
        if mediator is None or not _live(round_.period, d, possibly):
            continue
        for party_id in dict.fromkeys(delegations[x].party for x in round_.delegations):
            g.add_edge(
                mediator,
                party_id,
                key=round_.id,
                kind="mediates",
                record=round_.id,
                round=round_.id,
                process=round_.process,
                **_bounds(round_.period),
            )

    for designation in t.designations:
        if _designated(designation, d, possibly):
            g.add_edge(
                designation.party,
                designation.by,
                key=designation.id,
                kind="designated_by",
                record=designation.id,
                label=designation.label,
                start="" if designation.date is None else str(designation.date),
                end="",
            )

    for ceasefire in t.ceasefires:
        if _live(ceasefire.period, d, possibly):
            _add_ceasefire(g, ceasefire, bipartite=False)
    return g


def _add_ceasefire(g: nx.Graph, ceasefire: Ceasefire, *, bipartite: bool) -> None:
    """Add a ceasefire node and its party_to / excluded_from edges (keyed by the
    ceasefire id on a multigraph)."""
    bounds = _bounds(ceasefire.period)
    extra: dict[str, Any] = {"bipartite": 0} if bipartite else {}
    g.add_node(ceasefire.id, kind="ceasefire", name=ceasefire.name, type="", **bounds, **extra)
    key: dict[str, Any] = {"key": ceasefire.id} if g.is_multigraph() else {}
    for party in ceasefire.parties:
        g.add_edge(
            party, ceasefire.id, kind="party_to", record=ceasefire.id, reason="", **key, **bounds
        )
    for exclusion in ceasefire.exclusions:
        g.add_edge(
            exclusion.party,
            ceasefire.id,
            kind="excluded_from",
            record=ceasefire.id,
            reason=exclusion.reason or "",
            **key,
            **bounds,
        )


def ceasefire_exclusions(
    t: Timeline, at: DateLike | None = None, *, possibly: bool = False
) -> nx.DiGraph:
    """Ceasefires and parties as a bipartite graph: who is party to which ceasefire,
    and who is excluded from it.

    Ceasefire nodes have ``bipartite=0``, ``kind="ceasefire"``, ``name``, ``start``
    and ``end``; every party of the timeline is a node with ``bipartite=1``,
    ``kind="party"``, ``name`` and ``type`` (a party with no edge is neither party to
    nor excluded from any ceasefire shown). Edges go party -> ceasefire with ``kind``
    ``party_to`` or ``excluded_from``, ``reason`` (``""`` when none is given),
    ``record`` (the ceasefire id) and the ceasefire's ``start``/``end``.

    Parameters
    ----------
    t
        The timeline.
    at, possibly
        Keep only ceasefires in force on ``at`` (module docs).

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Ceasefire, Exclusion
    >>> t = Timeline([Party("gov", "Government", "government"),
    ...               Party("nusra", "Nusra Front", "armed_group"),
    ...               Ceasefire("coh", "Cessation of hostilities", "2016-02-27/..",
    ...                         parties=("gov",), exclusions=(Exclusion("nusra", "designated"),))])
    >>> g = ceasefire_exclusions(t)
    >>> g.edges["nusra", "coh"]["kind"], g.edges["nusra", "coh"]["reason"]
    ('excluded_from', 'designated')
    >>> g.nodes["coh"]["bipartite"], g.nodes["gov"]["bipartite"]
    (0, 1)
    >>> list(ceasefire_exclusions(t, at="2016-02-01").edges)
    []
    """
    d = _check_at(at, possibly)
    g = nx.DiGraph(at="" if d is None else str(d), possibly=possibly)
    for party in t.parties:
        g.add_node(party.id, bipartite=1, kind="party", name=party.name, type=party.kind.value)
    for ceasefire in t.ceasefires:
        if _live(ceasefire.period, d, possibly):
            _add_ceasefire(g, ceasefire, bipartite=True)
    return g


def excluded_from_all(
    t: Timeline, at: DateLike | None = None, *, possibly: bool = False
) -> set[str]:
    """The parties excluded from every ceasefire considered.

    The ceasefires considered are all of the timeline's (``at=None``) or those in
    force on ``at``. A party is returned when each of them lists it as excluded.
    With no ceasefire to consider the answer is the empty set: nobody is excluded
    from nothing.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Ceasefire, Exclusion
    >>> t = Timeline([Party("nusra", "Nusra Front", "armed_group"),
    ...               Party("isis", "Islamic State", "armed_group"),
    ...               Ceasefire("c1", "First", "2016-02-27/2016-04",
    ...                         exclusions=(Exclusion("nusra"), Exclusion("isis"))),
    ...               Ceasefire("c2", "Second", "2016-09-12/2016-09-19",
    ...                         exclusions=(Exclusion("nusra"),))])
    >>> sorted(excluded_from_all(t)), sorted(excluded_from_all(t, at="2016-03-01"))
    (['nusra'], ['isis', 'nusra'])
    >>> excluded_from_all(t, at="2015-01-01")
    set()
    """
    d = _check_at(at, possibly)
    considered = [c for c in t.ceasefires if _live(c.period, d, possibly)]
    if not considered:
        return set()
    excluded = {e.party for e in considered[0].exclusions}
    for ceasefire in considered[1:]:
        excluded &= {e.party for e in ceasefire.exclusions}
    return excluded


def round_topology(t: Timeline, round_id: str) -> nx.Graph:
    """Who talks to whom in one round.

    Nodes are the round's delegations (``kind="delegation"``, ``name`` the
    delegation's name or else its party's, ``party``) and the process mediator if
    there is one (``kind="mediator"``, ``name``). In a proximity round the mediator
    shuttles: every edge is mediator -- delegation (``kind="mediates"``), a star,
    and delegations are never linked to each other (with no mediator there are no
    edges). In a direct round every pair of delegations is linked
    (``kind="meets"``), and the mediator, if any, to each delegation. Every edge has
    ``record`` (the round id) and the round's ``start``/``end``.

    Parameters
    ----------
    t
        The timeline.
    round_id
        The id of a :class:`~peacetrack.Round`.

    Returns
    -------
    networkx.Graph
        ``graph`` holds ``round``, ``process`` and ``format``.

    Raises
    ------
    UnknownIdError
        If ``round_id`` is not a round of ``t``.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Person, Process, Delegation, Round
    >>> t = Timeline([Party("gov", "Government", "government"),
    ...               Party("hnc", "HNC", "opposition"), Person("envoy", "The envoy"),
    ...               Process("geneva", "Geneva talks", "envoy"),
    ...               Delegation("gov-d", "gov", "geneva"), Delegation("hnc-d", "hnc", "geneva"),
    ...               Round("r1", "geneva", 1, "2016-01-29/2016-02-03", "Geneva", "proximity",
    ...                     "suspended", delegations=("gov-d", "hnc-d"))])
    >>> sorted(round_topology(t, "r1").edges)
    [('envoy', 'gov-d'), ('envoy', 'hnc-d')]
    """
    round_ = t.get(round_id)
    if not isinstance(round_, Round):
        raise UnknownIdError(f"no round with id {round_id!r}")
    process = t[round_.process]
    assert isinstance(process, Process)
    g = nx.Graph(round=round_.id, process=process.id, format=round_.format.value)
    bounds = _bounds(round_.period)
    if process.mediator is not None:
        g.add_node(process.mediator, kind="mediator", name=_name(t, process.mediator))
    delegations = []
    for delegation_id in round_.delegations:
        delegation = t[delegation_id]
        assert isinstance(delegation, Delegation)
        name = delegation.name or _name(t, delegation.party)
        g.add_node(delegation.id, kind="delegation", name=name, party=delegation.party)
        delegations.append(delegation.id)
    if process.mediator is not None:
        for delegation_id in delegations:
            g.add_edge(process.mediator, delegation_id, kind="mediates", record=round_.id, **bounds)
    if round_.format is RoundFormat.DIRECT:
        for i, a in enumerate(delegations):
            for b in delegations[i + 1 :]:
                g.add_edge(a, b, kind="meets", record=round_.id, **bounds)
    return g


# -- questions ---------------------------------------------------------------------------


def link_between(
    g_or_t: nx.Graph | Timeline,
    a: str,
    b: str,
    *,
    at: DateLike | None = None,
    kinds: Collection[str] | None = None,
) -> list[Hop] | None:
    """How ``a`` and ``b`` are linked: a shortest path, ignoring edge direction.

    Parameters
    ----------
    g_or_t
        A graph (typically from :func:`parties`) or a timeline, which is turned into
        ``parties(t, at=at)``.
    a, b
        Node ids.
    at
        Only with a timeline: the date of the graph.
    kinds
        Only walk edges of these kinds (e.g. ``{"supports", "part_of"}``); all by
        default.

    Returns
    -------
    list of Hop or None
        The edges along the path, in walking order, each as it points; ``[]`` when
        ``a == b``; ``None`` when no path links them. Between two nodes joined by
        several edges, the first by ``(kind, record)`` is shown.

    Raises
    ------
    UnknownIdError
        If ``a`` or ``b`` is not a node of the graph.
    PeacetrackError
        If ``at`` is given with a graph.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Relation
    >>> t = Timeline([Party("nusra", "Nusra", "armed_group"),
    ...               Party("aoc", "Army of Conquest", "armed_group"),
    ...               Party("ahrar", "Ahrar al-Sham", "armed_group"),
    ...               Relation("p1", "nusra", "aoc", "part_of", "2015-03/.."),
    ...               Relation("p2", "ahrar", "aoc", "part_of", "2015-03/..")])
    >>> [(h.source, h.kind, h.target) for h in link_between(t, "nusra", "ahrar")]
    [('nusra', 'part_of', 'aoc'), ('ahrar', 'part_of', 'aoc')]
    """
    if isinstance(g_or_t, Timeline):
        g = parties(g_or_t, at=at)
    elif at is not None:
        raise PeacetrackError("at= only applies when a Timeline is given; filter the graph")
    else:
        g = g_or_t
    for node in (a, b):
        if node not in g:
            raise UnknownIdError(f"no node with id {node!r} in the graph")
    wanted = None if kinds is None else set(kinds)
    best: dict[frozenset[str], Hop] = {}
    simple = nx.Graph()
    simple.add_nodes_from(g)
    for u, v, data in g.edges(data=True):
        kind = str(data.get("kind", ""))
        if wanted is not None and kind not in wanted:
            continue
        hop = Hop(u, kind, v, str(data.get("record", "")))
        pair = frozenset((u, v))
        if pair not in best or (hop.kind, hop.record) < (best[pair].kind, best[pair].record):
            best[pair] = hop
        simple.add_edge(u, v)
    try:
        path = nx.shortest_path(simple, a, b)
    except nx.NetworkXNoPath:
        return None
    return [best[frozenset((u, v))] for u, v in itertools.pairwise(path)]


def backers(
    t: Timeline, delegation_id: str, at: DateLike | None = None, *, possibly: bool = False
) -> set[str]:
    """The parties that back a delegation: those that support its party, or are
    allied with it.

    ``supports`` counts only into the delegation's party; ``allied_with`` counts in
    either direction (an alliance is mutual, whichever way it was recorded).

    Raises
    ------
    UnknownIdError
        If ``delegation_id`` is not a delegation of ``t``.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Process, Delegation, Relation
    >>> t = Timeline([Party("ru", "Russia", "state"), Party("ir", "Iran", "state"),
    ...               Party("gov", "Government", "government"), Process("geneva", "Geneva"),
    ...               Delegation("gov-d", "gov", "geneva"),
    ...               Relation("r1", "ru", "gov", "supports", "2015-09/.."),
    ...               Relation("r2", "gov", "ir", "allied_with", "2011/..")])
    >>> sorted(backers(t, "gov-d")), sorted(backers(t, "gov-d", at="2015-01-01"))
    (['ir', 'ru'], ['ir'])
    """
    delegation = t.get(delegation_id)
    if not isinstance(delegation, Delegation):
        raise UnknownIdError(f"no delegation with id {delegation_id!r}")
    g = parties(t, at=at, possibly=possibly)
    party = delegation.party
    found = {u for u, _, k in g.in_edges(party, data="kind") if k in ("supports", "allied_with")}
    found |= {v for _, v, k in g.out_edges(party, data="kind") if k == "allied_with"}
    found.discard(party)
    return found


def designated_in_coalitions(
    t: Timeline,
    at: DateLike | None = None,
    *,
    possibly: bool = False,
    engaged: bool = False,
) -> dict[str, tuple[str, ...]]:
    """Designated parties that sit inside a coalition: designated party ->
    the coalitions it is part of.

    A party counts when a designation of it holds (module docs) and it has a
    ``part_of`` relation in force to another party, the coalition. With
    ``engaged=True`` a coalition counts only when it, or another of its members in
    force, has a delegation at a process or is party to a ceasefire in force (any
    ceasefire when ``at=None``) — that is, when the designated group is one
    membership away from the table.

    Returns
    -------
    dict
        Designated party id -> sorted tuple of coalition ids; parties with none are
        left out.

    Examples
    --------
    >>> from peacetrack import Timeline, Party, Relation, Designation
    >>> t = Timeline([Party("nusra", "Nusra Front", "armed_group"),
    ...               Party("aoc", "Army of Conquest", "armed_group"),
    ...               Party("un", "United Nations", "intergovernmental"),
    ...               Relation("p1", "nusra", "aoc", "part_of", "2015-03/.."),
    ...               Designation("d1", "nusra", "un", "terrorist organization", "2013-05")])
    >>> designated_in_coalitions(t)
    {'nusra': ('aoc',)}
    >>> designated_in_coalitions(t, engaged=True)
    {}
    """
    d = _check_at(at, possibly)
    designated = {g.party for g in t.designations if _designated(g, d, possibly)}
    part_of = [
        r for r in t.relations if r.kind is RelationKind.PART_OF and _live(r.period, d, possibly)
    ]
    at_table = {x.party for x in t.delegations}
    for ceasefire in t.ceasefires:
        if _live(ceasefire.period, d, possibly):
            at_table.update(ceasefire.parties)
    members: dict[str, set[str]] = {}
    for relation in part_of:
        members.setdefault(relation.target, set()).add(relation.source)
    found: dict[str, set[str]] = {}
    for relation in part_of:
        party, coalition = relation.source, relation.target
        if party not in designated:
            continue
        if engaged and not (coalition in at_table or (members[coalition] - {party}) & at_table):
            continue
        found.setdefault(party, set()).add(coalition)
    return {party: tuple(sorted(c)) for party, c in sorted(found.items())}


# -- text formats ------------------------------------------------------------------------

# Characters XML 1.0 cannot carry at all, not even escaped.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: Any) -> Any:
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_safe(g: nx.Graph) -> nx.Graph:
    """A copy whose ids and string attributes XML can hold (others become U+FFFD)."""
    h = g.__class__()
    h.graph.update({k: _xml_text(v) for k, v in g.graph.items()})
    for node, data in g.nodes(data=True):
        h.add_node(_xml_text(node), **{k: _xml_text(v) for k, v in data.items()})
    if g.is_multigraph():
        for u, v, key, data in g.edges(keys=True, data=True):
            attrs = {k: _xml_text(v) for k, v in data.items()}
            h.add_edge(_xml_text(u), _xml_text(v), key=_xml_text(key), **attrs)
    else:
        for u, v, data in g.edges(data=True):
            h.add_edge(_xml_text(u), _xml_text(v), **{k: _xml_text(x) for k, x in data.items()})
    return h


def _gexf_dates(g: nx.Graph) -> nx.Graph:
    """GEXF reads ``start``/``end`` as the element's time bounds, in xsd:date form.
    Write the widest day bounds there (omitted when open) and keep the EDTF text in
    ``edtf_start``/``edtf_end``."""
    h = g.copy()
    items: Iterable[dict[str, Any]] = [data for _, data in h.nodes(data=True)]
    items = [*items, *(data for *_, data in h.edges(data=True))]
    for data in items:
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
    if format == "graphml":
        return "\n".join(nx.generate_graphml(_xml_safe(graph))) + "\n"
    if format == "gexf":
        return "\n".join(nx.generate_gexf(_gexf_dates(_xml_safe(graph)))) + "\n"
    if format == "json":
        data = nx.node_link_data(graph, edges="edges")
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    if format == "dot":
        return _to_dot(graph)
    raise PeacetrackError(f"unknown graph format {format!r}; expected one of {', '.join(FORMATS)}")
