"""Who takes part and who signs, as graph edges: participations and agreements.

:func:`add_talks` puts them into :func:`~peacetrack.graph.parties`; :func:`round_mediators`
gives :func:`~peacetrack.graph.round_topology` its hubs; :func:`agreement_network` is
the parties × agreements view.

A participation is an edge from its actor (a delegation's party for a delegation) to
its process, keyed by the participation id; its ``start``/``end`` are its effective
period: its own, its round's, or -- undated, outside any round, as a process's
``mediator`` is -- ``""`` and ``""`` with ``throughout=True``, which holds at every
date. An agreement is a node; each signatory an edge to it, from the agreement's
date on (``start`` the date, ``end`` ``""``).
"""

from __future__ import annotations

from typing import Any

import networkx as nx

from peacetrack import _index
from peacetrack import _participation_queries as queries
from peacetrack._participation import (
    MEDIATING,
    Agreement,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    SignatoryRole,
)
from peacetrack._participation_rules import participation_bounds
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.graph._in_force import check_at, edtf
from peacetrack.records import Delegation, Round
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["actor_node", "add_talks", "agreement_network", "edge_kind", "round_mediators"]

_TAKING_PART = {
    ParticipationRole.MEDIATOR: "mediates",
    ParticipationRole.CO_MEDIATOR: "mediates",
    ParticipationRole.GUARANTOR: "guarantees",
    ParticipationRole.CO_CHAIR: "co_chairs",
    ParticipationRole.FACILITATOR: "facilitates",
    ParticipationRole.HOST: "hosts",
    ParticipationRole.OBSERVER: "observes",
    ParticipationRole.PARTICIPANT: "takes_part_in",
}
_NOT_TAKING_PART = {
    ParticipationStatus.INVITED: "invited_to",
    ParticipationStatus.BOYCOTTED: "boycotts",
    ParticipationStatus.SUSPENDED: "boycotts",
    ParticipationStatus.WALKED_OUT: "boycotts",
    ParticipationStatus.EXCLUDED: "excluded_from_talks",
}
SIGNED = {
    SignatoryRole.SIGNATORY: "signed",
    SignatoryRole.WITNESS: "witnessed",
    SignatoryRole.GUARANTOR: "guaranteed",
}
"""The edge kind of each signatory role."""


def edge_kind(p: Participation) -> str:
    """The edge kind of a participation: by role when the actor took part
    (``mediates``, ``guarantees``, ``observes``, ...), else by status
    (``invited_to``, ``boycotts`` -- boycotted, suspended or walked out --,
    ``excluded_from_talks``)."""
    if p.status is ParticipationStatus.TOOK_PART:
        return _TAKING_PART[p.role]
    return _NOT_TAKING_PART[p.status]


def _effective(t: Timeline, p: Participation) -> dict[str, Any]:
    period = p.period
    if period is None and p.round is not None:
        found = t.get(p.round)
        period = found.period if isinstance(found, Round) else None
    if period is None:
        return {"start": "", "end": "", "throughout": True}
    return {"start": str(period.start), "end": edtf(period.end), "throughout": False}


def actor_node(t: Timeline, actor: str) -> str:
    """The node an actor stands as in :func:`~peacetrack.graph.parties`: a delegation
    by its party (delegations are not nodes there)."""
    record = t.get(actor)
    return record.party if isinstance(record, Delegation) else actor


def add_talks(g: nx.MultiDiGraph, t: Timeline, d: PartialDate | None, possibly: bool) -> None:
    """Add process nodes, participation edges, agreement nodes and signatory edges to
    :func:`~peacetrack.graph.parties`' graph (module docs). A ``Process.mediator``
    keeps its per-round ``mediates`` edges there and is not repeated here."""
    for process in t.processes:
        g.add_node(process.id, kind="process", name=process.name, type="")
    found = (
        queries.all_participations(t)
        if d is None
        else t.in_force(Participation, d, possibly=possibly)
    )
    for p in found:
        if p.id not in t:  # a Process.mediator, drawn per round already
            continue
        g.add_edge(
            actor_node(t, p.actor),
            p.process,
            key=p.id,
            kind=edge_kind(p),
            record=p.id,
            role=p.role.value,
            status=p.status.value,
            actor=p.actor,
            round=edtf(p.round),
            reason=edtf(p.reason),
            **_effective(t, p),
        )
    for agreement in t.agreements():
        g.add_node(agreement.id, **_agreement_node(agreement))
        if d is not None and not Period(agreement.date).in_force(d, possibly=possibly):
            continue
        for signatory in agreement.signatories:
            node = actor_node(t, signatory.actor)
            g.add_edge(
                node,
                agreement.id,
                # A delegation signs for its party: keyed apart from the party's own name.
                key=agreement.id if node == signatory.actor else f"{agreement.id}/{node}",
                kind=SIGNED[signatory.role],
                record=agreement.id,
                actor=signatory.actor,
                start=str(agreement.date),
                end="",
            )


def _agreement_node(agreement: Agreement) -> dict[str, Any]:
    return {
        "kind": "agreement",
        "name": agreement.name,
        "type": agreement.kind.value,
        "date": str(agreement.date),
    }


def round_mediators(t: Timeline, round_: Round) -> tuple[str, ...]:
    """The mediators and co-mediators who took part and may have been in force
    during ``round_`` (participations of its process, in that round or in none,
    whose effective period may overlap the round's; a ``Process.mediator`` always),
    in :meth:`~peacetrack.Timeline.participants` order.

    One interval index over every mediating participation, built once per timeline,
    answers each round in O(log n + k).
    """
    view, index = t._cached("mediating participations", lambda: _mediating_index(t))
    first, last = round_.period.bounds(True)
    found = (view[i] for i in sorted(index.overlapping(first, last)))
    return tuple(
        dict.fromkeys(
            p.actor
            for p in found
            if p.process == round_.process and (p.round is None or p.round == round_.id)
        )
    )


def _mediating_index(t: Timeline) -> tuple[list[Participation], _index.IntervalIndex]:
    view = [
        p
        for p in queries.all_participations(t)
        if p.role in MEDIATING and p.status is ParticipationStatus.TOOK_PART
    ]
    bounds = [participation_bounds(p, t._by_id, True) for p in view]
    index = _index.IntervalIndex([b[0] for b in bounds], [b[1] for b in bounds], range(len(view)))
    return view, index


def agreement_network(
    t: Timeline, at: DateLike | None = None, *, possibly: bool = False
) -> nx.DiGraph:
    """Parties and people × agreements: who signed, witnessed or guaranteed what.

    Agreement nodes have ``bipartite=0``, ``kind="agreement"``, ``name``, ``type``
    (the :class:`~peacetrack.AgreementKind` value) and ``date``; every party, person
    and delegation is a node with ``bipartite=1``, ``kind`` (``"party"``,
    ``"person"`` or ``"delegation"``), ``name`` and ``type`` (the party kind, else
    ``""``). Edges go actor -> agreement with ``kind`` ``signed``,
    ``witnessed`` or ``guaranteed``, ``record`` (the agreement id) and ``actor``.
    Agreements that amend, endorse or supersede another are linked to it with
    ``kind`` ``amends``, ``endorses`` or ``supersedes``.

    Parameters
    ----------
    t
        The timeline.
    at, possibly
        Keep only agreements in force on ``at`` (see
        :meth:`~peacetrack.Timeline.agreements`).

    Returns
    -------
    networkx.DiGraph

    Examples
    --------
    >>> from peacetrack import Agreement, Party, Signatory, Timeline
    >>> t = Timeline([
    ...     Party("ru", "Russia", "state"), Party("tr", "Turkey", "state"),
    ...     Agreement("mou", "Memorandum on de-escalation areas", "memorandum",
    ...               "2017-05-04", signatories=[Signatory("ru", "guarantor"),
    ...                                          Signatory("tr", "guarantor")]),
    ... ])
    >>> g = agreement_network(t)
    >>> sorted((u, v, d["kind"]) for u, v, d in g.edges(data=True))
    [('ru', 'mou', 'guaranteed'), ('tr', 'mou', 'guaranteed')]
    >>> agreement_network(t, at="2017-01-01").number_of_edges()
    0
    """
    require_timeline(t)
    d = check_at(at, possibly)
    g = nx.DiGraph(at=edtf(d), possibly=possibly)
    for party in t.parties:
        g.add_node(party.id, bipartite=1, kind="party", name=party.name, type=party.kind.value)
    for person in t.people:
        g.add_node(person.id, bipartite=1, kind="person", name=person.name, type="")
    for delegation in t.delegations:
        name = delegation.name or str(getattr(t.get(delegation.party), "name", delegation.party))
        g.add_node(delegation.id, bipartite=1, kind="delegation", name=name, type="")
    shown = t.agreements() if d is None else t.agreements(at=d, possibly=possibly)
    ids = {a.id for a in shown}
    for agreement in shown:
        g.add_node(agreement.id, bipartite=0, **_agreement_node(agreement))
    for agreement in shown:
        for signatory in agreement.signatories:
            g.add_edge(
                signatory.actor,
                agreement.id,
                kind=SIGNED[signatory.role],
                record=agreement.id,
                actor=signatory.actor,
            )
        for kind in ("amends", "endorses", "supersedes"):
            for other in getattr(agreement, kind):
                if other in ids:
                    g.add_edge(agreement.id, other, kind=kind, record=agreement.id, actor="")
    return g
