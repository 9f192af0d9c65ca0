"""The views: a Timeline turned into networkx graphs (parties, ceasefires, a round)."""

from __future__ import annotations

import itertools
from typing import Any

import networkx as nx

from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import UnknownIdError
from peacetrack.graph._in_force import check_at, designations, edtf, in_force
from peacetrack.graph._talks import actor_node, add_talks, round_mediators
from peacetrack.records import (
    Ceasefire,
    Delegation,
    Membership,
    Party,
    Person,
    Process,
    Relation,
    Round,
    RoundFormat,
)
from peacetrack.timeline import Timeline, require_timeline


def _bounds(period: Period) -> dict[str, str]:
    return {"start": edtf(period.start), "end": edtf(period.end)}  # "" when missing


def _asked(d: PartialDate | None, possibly: bool) -> dict[str, Any]:
    """A view's graph attributes: the date asked about (``""`` for none) and the flag."""
    return {"at": edtf(d), "possibly": possibly}


def _party(t: Timeline, party: Party, d: PartialDate | None) -> dict[str, str]:
    return {"kind": "party", "type": party.kind.value, **_names(t, party.id, d)}


def _names(t: Timeline, record_id: str, d: PartialDate | None) -> dict[str, str]:
    """A party's or person's ``name`` as of ``d`` and its ``canonical_name``."""
    return {"name": t.name_of(record_id, at=d), "canonical_name": t.name_of(record_id)}


def _name(t: Timeline, record_id: str, d: PartialDate | None = None) -> str:
    if isinstance(t[record_id], Party | Person):
        return t.name_of(record_id, at=d)
    return str(getattr(t[record_id], "name", record_id))


def parties(t: Timeline, at: DateLike | None = None, *, possibly: bool = False) -> nx.MultiDiGraph:
    """Parties, people and ceasefires, and every tie between them, as one graph.

    Nodes are parties (``kind="party"``, ``type`` the :class:`~peacetrack.PartyKind`
    value), people (``kind="person"``, ``type=""``) and ceasefires
    (``kind="ceasefire"``, ``type=""``, with the ceasefire's ``start`` and ``end``);
    each has a ``name``. A party's or person's ``name`` is the one it had on ``at``
    (see :meth:`~peacetrack.Timeline.name_of`) and ``canonical_name`` its record's
    name. Delegations are not nodes: a member's edge goes to the
    party the delegation speaks for and names the delegation.

    Edges (key = the id of the record they come from):

    ============== =================================== ==============================
    ``kind``       from -> to                          extra attributes
    ============== =================================== ==============================
    relation kinds source party -> target party        (supports, allied_with, ...)
    member_of      person -> delegation's party        ``role``, ``delegation``
    mediates       each mediator of a round (see       ``round``, ``process``
                   :func:`round_topology`) -> each
                   party of a delegation at it
    designated_by  designated party -> designator      ``label``
    party_to       party -> ceasefire                  ``reason`` (``""``)
    excluded_from  party -> ceasefire                  ``reason`` (``""`` if none given)
    participation  actor -> process (a delegation's    ``role``, ``status``, ``actor``,
    kinds          party for a delegation)             ``round``, ``reason``,
                                                       ``throughout``
    signed,        signatory -> agreement              ``actor``
    witnessed,
    guaranteed
    ============== =================================== ==============================

    Participation kinds: ``mediates``, ``guarantees``, ``co_chairs``,
    ``facilitates``, ``hosts``, ``observes``, ``takes_part_in`` for an actor who took
    part in that role; else ``invited_to``, ``boycotts`` (boycotted, suspended or
    walked out) or ``excluded_from_talks``. Processes (``kind="process"``) and
    agreements (``kind="agreement"``, ``type`` the agreement kind, ``date``) are
    nodes too. A participation's ``start``/``end`` are its effective period; an
    undated one outside any round holds throughout its process: ``""``, ``""`` and
    ``throughout=True``, and is in every ``at=`` view. A signatory's edge runs from
    the agreement's date on.

    Every edge has ``kind``, ``record`` and ``start``/``end`` (EDTF, ``""`` when
    open or unknown): the period of the relation, membership, round, ceasefire or
    designation (from listing to delisting; both ``""`` if undated).

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
    require_timeline(t)
    d = check_at(at, possibly)
    g = nx.MultiDiGraph(**_asked(d, possibly))
    for party in t.parties:
        g.add_node(party.id, **_party(t, party, d))
    for person in t.people:
        g.add_node(person.id, kind="person", type="", **_names(t, person.id, d))

    # Each kind of record in force comes from the timeline's interval index, in
    # chronological order: O(log n + k), not a scan of every record.
    for relation in in_force(t, Relation, d, possibly):
        g.add_edge(
            relation.source,
            relation.target,
            key=relation.id,
            kind=relation.kind.value,
            record=relation.id,
            **_bounds(relation.period),
        )

    delegations = {x.id: x for x in t.delegations}
    for membership in in_force(t, Membership, d, possibly):
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

    for round_ in in_force(t, Round, d, possibly):
        # A delegation that mediates stands as its party, as everywhere in this graph.
        for mediator in dict.fromkeys(actor_node(t, m) for m in round_mediators(t, round_)):
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

    for designation in designations(t, d, possibly):
        g.add_edge(
            designation.party,
            designation.by,
            key=designation.id,
            kind="designated_by",
            record=designation.id,
            label=designation.label,
            start=edtf(designation.period and designation.period.start),
            end=edtf(designation.period and designation.period.end),
        )

    for ceasefire in in_force(t, Ceasefire, d, possibly):
        _add_ceasefire(g, ceasefire, bipartite=False)
    add_talks(g, t, d, possibly)
    return g


def _add_ceasefire(g: nx.Graph, ceasefire: Ceasefire, *, bipartite: bool) -> None:
    """Add a ceasefire node and its party_to / excluded_from edges (keyed by the
    ceasefire id on a multigraph)."""
    bounds = _bounds(ceasefire.period)
    extra: dict[str, Any] = {"bipartite": 0} if bipartite else {}
    g.add_node(ceasefire.id, kind="ceasefire", name=ceasefire.name, type="", **bounds, **extra)
    key: dict[str, Any] = {"key": ceasefire.id} if g.is_multigraph() else {}
    ties = [(party, "party_to", "") for party in ceasefire.parties]
    ties += [(x.party, "excluded_from", x.reason or "") for x in ceasefire.exclusions]
    for party, kind, reason in ties:
        g.add_edge(
            party, ceasefire.id, kind=kind, record=ceasefire.id, reason=reason, **key, **bounds
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
    require_timeline(t)
    d = check_at(at, possibly)
    g = nx.DiGraph(**_asked(d, possibly))
    for party in t.parties:
        g.add_node(party.id, bipartite=1, **_party(t, party, d))
    for ceasefire in in_force(t, Ceasefire, d, possibly):
        _add_ceasefire(g, ceasefire, bipartite=True)
    return g


def round_topology(t: Timeline, round_id: str) -> nx.Graph:
    """Who talks to whom in one round.

    Nodes are the round's delegations (``kind="delegation"``, ``name`` the
    delegation's name or else its party's, ``party``) and the mediators in force
    during the round (``kind="mediator"``, ``name``): the process's ``mediator`` and
    the mediators and co-mediators who took part, in that round or over a period
    that may overlap it. In a proximity round the mediators shuttle: every edge is
    mediator -- delegation (``kind="mediates"``), a star around each mediator (a
    co-mediated round has several hubs), and delegations are never linked to each
    other (with no mediator there are no edges); a shuttle round, and one whose
    format is unknown, draws the same star. In a direct or mixed round every pair of
    delegations is linked (``kind="meets"``), and each mediator to each delegation.
    ``format`` is ``""`` when unknown; names are as of the round's start. Every edge has
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
    require_timeline(t)
    round_ = t.get(round_id)
    if not isinstance(round_, Round):
        raise UnknownIdError(f"no round with id {round_id!r}")
    process = t[round_.process]
    assert isinstance(process, Process)
    fmt = "" if round_.format is None else round_.format.value
    g = nx.Graph(round=round_.id, process=process.id, format=fmt)
    start = round_.period.start
    hubs = round_mediators(t, round_)
    for mediator in hubs:
        g.add_node(mediator, kind="mediator", name=_name(t, mediator, start))
    for delegation_id in round_.delegations:
        delegation = t[delegation_id]
        assert isinstance(delegation, Delegation)
        name = delegation.name or _name(t, delegation.party, start)
        g.add_node(delegation_id, kind="delegation", name=name, party=delegation.party)
    edge = {"record": round_.id, **_bounds(round_.period)}
    for mediator in hubs:
        g.add_edges_from(((mediator, x) for x in round_.delegations), kind="mediates", **edge)
    if round_.format in (RoundFormat.DIRECT, RoundFormat.MIXED):
        g.add_edges_from(itertools.combinations(round_.delegations, 2), kind="meets", **edge)
    return g
