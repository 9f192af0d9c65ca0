"""Timeline rules for participations and agreements, and the one reading of when a
participation holds.

A participation's *effective period* is its own period, or, when it has none, the
period of the round it names, or, when it names none, the whole process (from the
first day peacetrack can hold to :data:`~peacetrack.dates.FAR_FUTURE`): an undated
participation says "throughout", which is what a version 1 file's
``Process.mediator`` meant. :func:`participation_bounds` gives it as day ordinals
under one reading; the rules here, the timeline's queries and the graphs all use it.

The rules (each O(n log n), called from
:func:`peacetrack._timeline_rules.rule_problems`):

- a participation or an agreement that names a round names a round of its process,
  and a dated participation in a round can overlap that round -- a process has no
  dates of its own, so its rounds are where its life is known;
- an actor does not both take part and stay excluded in the same role of the same
  process over periods that certainly overlap;
- no agreement supersedes itself through a chain of others.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping

from peacetrack._participation import Agreement, Participation, ParticipationStatus
from peacetrack.dates import FAR_FUTURE, Period
from peacetrack.errors import Problem
from peacetrack.records import Process, Record, Round

__all__ = ["implied_participations", "participation_bounds", "participation_problems"]

NAMED = 3
"""How many other records a message names before it counts the rest."""

WHOLE = (1, FAR_FUTURE)
"""The bounds of an undated participation outside any round: the whole process."""


def participation_bounds(
    participation: Participation, by_id: Mapping[str, Record], possibly: bool
) -> tuple[int, int]:
    """``(first, last)`` day ordinals of the participation's effective period under one
    reading (see the module docs)."""
    if participation.period is not None:
        return participation.period.bounds(possibly)
    if participation.round is not None:
        found = by_id.get(participation.round)
        if isinstance(found, Round):
            return found.period.bounds(possibly)
    return WHOLE


def implied_participations(processes: Iterable[Record]) -> list[Participation]:
    """The undated mediator participation each ``Process.mediator`` stands for.

    Its id is ``"<process id>/mediator"`` and its sources the process's; it is not a
    record of the timeline (``t[id]`` does not find it), but every participation
    query answers with it.
    """
    found = []
    for process in processes:
        if isinstance(process, Process) and process.mediator is not None:
            found.append(
                Participation(
                    f"{process.id}/mediator",
                    process.id,
                    process.mediator,
                    "mediator",
                    "took_part",
                    sources=process.sources,
                )
            )
    return found


def participation_problems(
    by_id: Mapping[str, Record], by_type: Mapping[str, Iterable[Record]]
) -> Iterator[Problem]:
    """Every problem of the participations and agreements of a timeline."""
    participations = [p for p in by_type.get("participation", ()) if isinstance(p, Participation)]
    agreements = [a for a in by_type.get("agreement", ()) if isinstance(a, Agreement)]
    yield from _round_problems(by_id, participations)
    yield from _round_problems(by_id, agreements)
    yield from _conflict_problems(by_id, participations)
    yield from _cycle_problems(agreements)


def _round_problems(
    by_id: Mapping[str, Record], records: Iterable[Participation | Agreement]
) -> Iterator[Problem]:
    for record in records:
        found = by_id.get(record.round) if record.round is not None else None
        if not isinstance(found, Round):
            continue  # no round, or a reference problem reported already
        if record.process is not None and found.process != record.process:
            yield Problem(
                record.id,
                "round",
                f"round {found.id!r} belongs to process {found.process!r}, not {record.process!r}",
            )
        period = getattr(record, "period", None)
        if isinstance(record, Participation) and period is not None:
            assert isinstance(period, Period)
            if not period.overlaps(found.period):
                yield Problem(
                    record.id,
                    "period",
                    f"{period} lies outside round {found.id!r} ({found.period})",
                )


_TOOK_PART = ParticipationStatus.TOOK_PART
_EXCLUDED = ParticipationStatus.EXCLUDED


def _conflict_problems(
    by_id: Mapping[str, Record], participations: Iterable[Participation]
) -> Iterator[Problem]:
    """Took part and excluded, same process, actor and role, certainly overlapping.

    Per group, a sweep over the intervals by start: an interval certainly overlaps an
    earlier-starting one of the other status when that one's end reaches its start.
    """
    groups: dict[tuple[str, str, str], list[tuple[int, int, Participation]]] = defaultdict(list)
    for p in participations:
        if p.status is _TOOK_PART or p.status is _EXCLUDED:
            first, last = participation_bounds(p, by_id, possibly=False)
            if first <= last:  # a certain reading that is empty overlaps nothing
                groups[(p.process, p.actor, p.role.value)].append((first, last, p))
    for items in groups.values():
        if len(items) < 2:
            continue
        items.sort(key=lambda item: (item[0], item[2].id))
        reach: dict[ParticipationStatus, tuple[int, Participation]] = {}
        for first, last, p in items:
            other = _EXCLUDED if p.status is _TOOK_PART else _TOOK_PART
            seen = reach.get(other)
            if seen is not None and seen[0] >= first:
                yield Problem(
                    p.id,
                    "status",
                    f"{p.actor!r} is {p.status.value} as {p.role.value} of {p.process!r}, "
                    f"but {seen[1].id!r} has it {other.value} in the same role over an "
                    "overlapping period",
                )
            mine = reach.get(p.status)
            if mine is None or last > mine[0]:
                reach[p.status] = (last, p)


def _cycle_problems(agreements: list[Agreement]) -> Iterator[Problem]:
    """One problem per agreement on a ``supersedes`` cycle: the strongly connected
    components of more than one agreement (Tarjan's algorithm, iterative, O(n + e))."""
    by_id = {a.id: a for a in agreements}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    for root in by_id:
        if root in index:
            continue
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        work: list[tuple[str, Iterator[str]]] = [(root, iter(by_id[root].supersedes))]
        while work:
            node, targets = work[-1]
            following = next(targets, None)
            if following is not None:
                if following not in by_id:
                    continue  # a reference problem
                if following not in index:
                    index[following] = low[following] = len(index)
                    stack.append(following)
                    on_stack.add(following)
                    work.append((following, iter(by_id[following].supersedes)))
                elif following in on_stack:
                    low[node] = min(low[node], index[following])
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    yield from _cycle_messages(component[::-1])


def _cycle_messages(cycle: list[str]) -> Iterator[Problem]:
    for position, record_id in enumerate(cycle):
        others = [*cycle[position + 1 :][:NAMED], *cycle[:position][:NAMED]][:NAMED]
        rest = len(cycle) - 1 - len(others)
        shown = ", ".join(repr(i) for i in others)
        more = f" and {rest:,} other{'s' * (rest != 1)}" if rest > 0 else ""
        yield Problem(record_id, "supersedes", f"supersedes itself through {shown}{more}")
