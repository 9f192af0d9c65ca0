"""The questions: answers read off the views and the records (links, backers, exclusions)."""

from __future__ import annotations

import itertools
from collections.abc import Collection
from typing import NamedTuple

import networkx as nx

from peacetrack.dates import DateLike
from peacetrack.errors import PeacetrackError, UnknownIdError
from peacetrack.graph._in_force import check_at, designated, live
from peacetrack.graph._views import parties
from peacetrack.records import Delegation, RelationKind
from peacetrack.timeline import Timeline, require_timeline


class Hop(NamedTuple):
    """One edge on a path found by :func:`link_between`, as the edge points.

    ``source`` and ``target`` are the edge's own ends (not necessarily the order the
    path walks it), ``kind`` is the edge kind and ``record`` the id it came from.
    """

    source: str
    kind: str
    target: str
    record: str


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
    require_timeline(t)
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
    ...               Designation("d1", "nusra", "un", "terrorist organization", "2013-05/..")])
    >>> designated_in_coalitions(t)
    {'nusra': ('aoc',)}
    >>> designated_in_coalitions(t, engaged=True)
    {}
    """
    require_timeline(t)
    d = check_at(at, possibly)
    listed = {x.party for x in t.designations if designated(x, d, possibly)}
    part_of = [
        r for r in t.relations if r.kind is RelationKind.PART_OF and live(r.period, d, possibly)
    ]
    at_table = {x.party for x in t.delegations}
    for ceasefire in t.ceasefires:
        if live(ceasefire.period, d, possibly):
            at_table.update(ceasefire.parties)
    members: dict[str, set[str]] = {}
    for relation in part_of:
        members.setdefault(relation.target, set()).add(relation.source)
    found: dict[str, set[str]] = {}
    for relation in part_of:
        party, coalition = relation.source, relation.target
        if party not in listed:
            continue
        if engaged and not (coalition in at_table or (members[coalition] - {party}) & at_table):
            continue
        found.setdefault(party, set()).add(coalition)
    return {party: tuple(sorted(c)) for party, c in sorted(found.items())}


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
    require_timeline(t)
    d = check_at(at, possibly)
    excluded = [
        {e.party for e in c.exclusions} for c in t.ceasefires if live(c.period, d, possibly)
    ]
    return set.intersection(*excluded) if excluded else set()
