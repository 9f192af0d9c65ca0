"""Who takes part, and which agreements hold: the queries behind
:meth:`Timeline.participants`, :meth:`Timeline.mediators`, :meth:`Timeline.agreements`
and the participation fields of :class:`~peacetrack.timeline.Snapshot`.

Every participation answers with its *effective period* (see
:mod:`peacetrack._participation_rules`): its own, its round's, or the whole process.
A ``Process.mediator`` answers as the undated mediator participation it stands for.

An agreement holds over its ``period`` when it has one, and otherwise from its date on,
until an agreement that supersedes it is adopted. Under the certain reading it holds
from the latest day its start can be to the day before the earliest its end (or its
successor's date) can be; under the possible reading, from the earliest to the latest.

Both are looked up in interval indexes built once per timeline and reading, so ``at=``
costs O(log n + k) for k answers; the other filters scan one process's participations.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from peacetrack import _index
from peacetrack._participation import (
    ABSENT,
    MEDIATING,
    Agreement,
    Participation,
    ParticipationRole,
    ParticipationStatus,
)
from peacetrack._participation_rules import implied_participations, participation_bounds
from peacetrack.dates import FAR_FUTURE, DateLike, PartialDate, Period
from peacetrack.errors import PeacetrackError, UnknownIdError
from peacetrack.records import Process, Round

if TYPE_CHECKING:
    # The queries read only what the store under a Timeline holds.
    from peacetrack._store import Store

__all__ = [
    "agreement_bounds",
    "agreements",
    "all_participations",
    "in_force",
    "mediated_rounds",
    "mediators",
    "participants",
    "snapshot_fields",
]


def all_participations(t: Store) -> tuple[Participation, ...]:
    """Every participation of ``t`` and those its processes' mediators stand for, by
    the start of their effective period (possible reading), then id."""

    def build() -> tuple[Participation, ...]:
        found = [*t._by_type.get("participation", ()), *implied_participations(t.processes)]
        by_id = t._by_id
        keyed = [(participation_bounds(p, by_id, True)[0], p.id, p) for p in found]
        keyed.sort(key=lambda item: (item[0], item[1]))
        return tuple(p for _, _, p in keyed)

    return t._cached("participations", build)  # type: ignore[no-any-return]


def _by_process(t: Store) -> dict[str, list[Participation]]:
    def build() -> dict[str, list[Participation]]:
        found: dict[str, list[Participation]] = defaultdict(list)
        for p in all_participations(t):
            found[p.process].append(p)
        return dict(found)

    return t._cached("participations by process", build)  # type: ignore[no-any-return]


def span(at: DateLike | Period) -> tuple[int, int]:
    """The days a date or a window (a Period, an EDTF interval) spans, as ordinals."""
    if isinstance(at, Period) or (isinstance(at, str) and "/" in at):
        return Period.coerce(at).bounds(possibly=True)
    d = PartialDate.coerce(at)
    return d.earliest_ordinal, d.latest_ordinal


def in_force(
    t: Store, lo: int, hi: int, possibly: bool, throughout: bool = False
) -> list[Participation]:
    """Participations in force at some day in ``[lo, hi]`` (every day, with
    ``throughout``), in :func:`all_participations` order."""
    view = all_participations(t)

    def build() -> _index.IntervalIndex:
        bounds = [participation_bounds(p, t._by_id, possibly) for p in view]
        return _index.IntervalIndex(
            [b[0] for b in bounds], [b[1] for b in bounds], range(len(view))
        )

    index = t._cached(("participations in force", possibly), build)
    found = [view[i] for i in sorted(index.overlapping(lo, hi))]
    if throughout:
        by_id = t._by_id
        found = [p for p in found if _covers(participation_bounds(p, by_id, possibly), lo, hi)]
    return found


def _covers(bounds: tuple[int, int], lo: int, hi: int) -> bool:
    return bounds[0] <= lo and hi <= bounds[1]


def _enum(kind: type[Any], value: Any, name: str) -> Any:
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(repr(m.value) for m in kind)
        raise PeacetrackError(f"{name} must be one of {choices}, got {value!r}") from None


def _process(t: Store, process: str) -> None:
    if not isinstance(t.get(process), Process):
        raise UnknownIdError(f"no process with id {process!r}")


def _check_possibly(possibly: object) -> None:
    if not isinstance(possibly, bool):
        raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")


def participants(
    t: Store,
    process: str,
    at: DateLike | None,
    role: ParticipationRole | str | None,
    status: ParticipationStatus | str | None,
    possibly: bool,
) -> tuple[Participation, ...]:
    """See :meth:`peacetrack.Timeline.participants`."""
    _process(t, process)
    _check_possibly(possibly)
    wanted_role = _enum(ParticipationRole, role, "role")
    wanted_status = _enum(ParticipationStatus, status, "status")
    if at is None:
        found: Iterable[Participation] = _by_process(t).get(process, ())
    else:
        lo, hi = span(at)
        found = (p for p in in_force(t, lo, hi, possibly) if p.process == process)
    return tuple(
        p
        for p in found
        if (wanted_role is None or p.role is wanted_role)
        and (wanted_status is None or p.status is wanted_status)
    )


def mediators(t: Store, process: str, at: DateLike | None, possibly: bool) -> tuple[str, ...]:
    """See :meth:`peacetrack.Timeline.mediators`."""
    took_part = participants(t, process, at, None, ParticipationStatus.TOOK_PART, possibly)
    return tuple(dict.fromkeys(p.actor for p in took_part if p.role in MEDIATING))


def mediated_rounds(t: Store, record: Participation | Process, actor: str) -> list[str]:
    """The ids of the rounds ``actor`` mediated, by this participation or process: for
    a process whose mediator is ``actor``, all its rounds; for a mediating
    participation of ``actor`` that took part, its round, or the rounds of its
    process that may overlap its effective period."""
    if isinstance(record, Process):
        return [r.id for r in _rounds_of(t, record.id)] if record.mediator == actor else []
    if (
        record.actor != actor
        or record.role not in MEDIATING
        or record.status is not ParticipationStatus.TOOK_PART
    ):
        return []
    if record.round is not None:
        return [record.round]
    first, last = participation_bounds(record, t._by_id, True)
    found = []
    for r in _rounds_of(t, record.process):
        start, end = r.period.bounds(True)
        if start <= last and end >= first:
            found.append(r.id)
    return found


def _rounds_of(t: Store, process: str) -> list[Round]:
    def build() -> dict[str, list[Round]]:
        found: dict[str, list[Round]] = defaultdict(list)
        for r in t.rounds:
            found[r.process].append(r)
        return dict(found)

    return t._cached("rounds by process", build).get(process, [])  # type: ignore[no-any-return]


# -- agreements ---------------------------------------------------------------------------


def agreement_bounds(t: Store, possibly: bool) -> list[tuple[int, int]]:
    """``(first, last)`` day ordinals each agreement of ``t.agreements()`` holds over,
    under one reading (see the module docs)."""

    def build() -> list[tuple[int, int]]:
        view: tuple[Agreement, ...] = t._view(Agreement)
        cut: dict[str, int] = {}
        for successor in view:
            date = successor.date
            last = (date.latest_ordinal if possibly else date.earliest_ordinal) - 1
            for old in successor.supersedes:
                cut[old] = min(cut.get(old, FAR_FUTURE), last)
        bounds = []
        for a in view:
            first, last = (a.period or Period(a.date)).bounds(possibly)
            if a.period is None:
                last = FAR_FUTURE
            bounds.append((first, min(last, cut.get(a.id, FAR_FUTURE))))
        return bounds

    return t._cached(("agreement bounds", possibly), build)  # type: ignore[no-any-return]


def agreements(
    t: Store,
    process: str | None,
    at: DateLike | Period | None,
    possibly: bool,
    throughout: bool = False,
) -> tuple[Agreement, ...]:
    """See :meth:`peacetrack.Timeline.agreements`."""
    if process is not None:
        _process(t, process)
    _check_possibly(possibly)
    view: tuple[Agreement, ...] = t._view(Agreement)
    if at is None:
        found: Iterable[Agreement] = view
    else:
        lo, hi = span(at)

        def build() -> _index.IntervalIndex:
            bounds = agreement_bounds(t, possibly)
            return _index.IntervalIndex(
                [b[0] for b in bounds], [b[1] for b in bounds], range(len(view))
            )

        index = t._cached(("agreements in force", possibly), build)
        hits = sorted(index.overlapping(lo, hi))
        if throughout:
            bounds = agreement_bounds(t, possibly)
            hits = [i for i in hits if _covers(bounds[i], lo, hi)]
        found = [view[i] for i in hits]
    return tuple(a for a in found if process is None or a.process == process)


# -- the snapshot -------------------------------------------------------------------------


def snapshot_fields(
    t: Store, at: DateLike | Period, possibly: bool, throughout: bool = False
) -> dict[str, Any]:
    """The participation and agreement parts of ``t.at(at, possibly=, throughout=)``."""
    lo, hi = span(at)
    now = in_force(t, lo, hi, possibly, throughout)
    roles: dict[str, dict[ParticipationRole, list[str]]] = defaultdict(lambda: defaultdict(list))
    mediating: dict[str, list[str]] = defaultdict(list)
    excluded: dict[str, set[str]] = defaultdict(set)
    absent: dict[str, set[str]] = defaultdict(set)
    for p in now:
        if p.status is ParticipationStatus.TOOK_PART:
            roles[p.process][p.role].append(p.actor)
            if p.role in MEDIATING:
                mediating[p.process].append(p.actor)
        elif p.status is ParticipationStatus.EXCLUDED:
            excluded[p.process].add(p.actor)
        elif p.status in ABSENT:
            absent[p.process].add(p.actor)
    return {
        "participations": tuple(now),
        "participants": {
            process: {role: tuple(dict.fromkeys(actors)) for role, actors in by_role.items()}
            for process, by_role in roles.items()
        },
        "mediators": {k: tuple(dict.fromkeys(v)) for k, v in mediating.items()},
        "excluded_from_talks": {k: frozenset(v) for k, v in excluded.items()},
        "boycotting": {k: frozenset(v) for k, v in absent.items()},
        "agreements_in_force": agreements(t, None, at, possibly, throughout),
    }
