"""The Timeline: a validated set of records and the questions asked of it.

A :class:`Timeline` is built once from records, checked as a whole (every problem
reported at once), and then answers queries: typed views, the chronological
:meth:`~Timeline.events` stream, :meth:`~Timeline.between`,
:meth:`~Timeline.involving`, :meth:`~Timeline.at` (a :class:`Snapshot`),
:meth:`~Timeline.gaps`, :meth:`~Timeline.claims_about` and
:meth:`~Timeline.contested`. It is immutable: :meth:`~Timeline.with_records` and
:meth:`~Timeline.merge` return new timelines.

Partial dates and ``at``
------------------------
``t.at(d)`` answers *with certainty*: a membership, round, ceasefire, position or
relation is in the snapshot only if, however its partial ends are read, it was in
force at some time during ``d`` (see :meth:`peacetrack.Period.in_force`). For a day
that means "certainly in force that day"; for a month, "certainly in force at some
time that month". Pass ``possibly=True`` for everything that *may* have been in
force. A designation counts from its date on (undated designations are left out of
a certain snapshot and kept in a possible one).

>>> from peacetrack import Party, Person, Process, Delegation, Membership
>>> t = Timeline([
...     Party("hnc", "High Negotiations Committee", "opposition"),
...     Person("alloush", "Mohammed Alloush"),
...     Process("geneva", "Geneva talks", None),
...     Delegation("hnc-d", "hnc", "geneva"),
...     Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01-20/2016-05-29"),
... ])
>>> [m.person for m in t.at("2016-05-01").members["hnc-d"]]
['alloush']
>>> t.at("2016-06-01").members
{}
>>> [e.kind.value for e in t.involving("alloush")]
['member_joined', 'member_left']
"""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from peacetrack import _validate
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import Problem, UnknownIdError, ValidationError
from peacetrack.events import Event, record_events
from peacetrack.records import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Incident,
    Issue,
    Membership,
    Party,
    Person,
    Position,
    Process,
    Qualifier,
    Record,
    Relation,
    Resignation,
    Round,
    Source,
)

__all__ = ["Snapshot", "Timeline"]

R = TypeVar("R", bound=Record)


@attrs.frozen
class Snapshot:
    """What was in force on a date, as answered by :meth:`Timeline.at`.

    Attributes
    ----------
    date
        The date asked about.
    possibly
        ``False`` for a certain answer, ``True`` for everything that may hold.
    rounds_in_progress
        Rounds whose period covers the date.
    members
        Delegation id -> memberships in force (only delegations with members).
    positions
        ``(party, issue)`` -> the position in force (the latest-starting one if
        several are).
    ceasefires_in_force, excluded
        Ceasefires in force, and the ids of parties excluded from any of them.
    designations
        Designations made by then.
    relations
        Relations between parties in force.
    """

    date: PartialDate
    possibly: bool
    rounds_in_progress: tuple[Round, ...]
    members: Mapping[str, tuple[Membership, ...]]
    positions: Mapping[tuple[str, str], Position]
    ceasefires_in_force: tuple[Ceasefire, ...]
    excluded: frozenset[str]
    designations: tuple[Designation, ...]
    relations: tuple[Relation, ...]


def _chronological(record: Record) -> tuple[Any, ...]:
    period = getattr(record, "period", None)
    if isinstance(period, Period):
        return (0, period.sort_key(), record.id)
    date = getattr(record, "date", None)
    if isinstance(date, PartialDate):
        return (0, (*date.sort_key(),), record.id)
    return (1, (), record.id)  # undated records last, by id


class Timeline:
    """A checked, immutable collection of records, and the queries over them.

    Parameters
    ----------
    records
        Any iterable of :class:`~peacetrack.Record`. Their order is kept in
        :attr:`records`.

    Raises
    ------
    ValidationError
        Listing every problem: duplicate ids, references to unknown ids or to a
        record of the wrong type (with the field that holds them), a resignation
        outside its membership or on another date than the membership's end, round
        numbers repeated within a process, a round whose delegations belong to
        another process.
    """

    __slots__ = ("_by_id", "_by_type", "_event_los", "_events", "_records", "_referrers")

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._records: tuple[Record, ...] = tuple(records)
        problems: list[Problem] = [
            Problem(None, None, f"expected a Record, got {type(r).__name__} {r!r}")
            for r in self._records
            if not isinstance(r, Record)
        ]
        if problems:
            raise ValidationError(problems)
        self._by_id: dict[str, Record] = {r.id: r for r in self._records}
        if len(self._by_id) != len(self._records):
            problems.extend(_validate.duplicate_problems(self._records))
        by_type: dict[str, list[Record]] = defaultdict(list)
        for record in self._records:
            by_type[record.record_type].append(record)
        problems.extend(_validate.reference_problems(self._by_id))
        problems.extend(_validate.rule_problems(self._by_id, by_type))
        if problems:
            raise ValidationError(problems)
        self._by_type: dict[str, tuple[Record, ...]] = {
            kind: tuple(sorted(items, key=_chronological)) for kind, items in by_type.items()
        }
        self._events: list[Event] | None = None
        self._event_los: list[int] = []
        self._referrers: dict[str, set[str]] | None = None

    # -- container protocol ---------------------------------------------------------

    @property
    def records(self) -> tuple[Record, ...]:
        """Every record, in the order given."""
        return self._records

    def __getitem__(self, record_id: str) -> Record:
        try:
            return self._by_id[record_id]
        except KeyError:
            raise UnknownIdError(f"no record with id {record_id!r}") from None

    def get(self, record_id: str, default: Record | None = None) -> Record | None:
        """The record with this id, or ``default``."""
        return self._by_id.get(record_id, default)

    def __contains__(self, record_id: object) -> bool:
        return record_id in self._by_id

    def __len__(self) -> int:
        return len(self._records)

    def __iter__(self) -> Iterator[Record]:
        return iter(self._records)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Timeline):
            return NotImplemented
        return self._by_id == other._by_id

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(self._by_type.items()))
        return f"<Timeline of {len(self)} records: {counts}>" if counts else "<Timeline (empty)>"

    # -- typed views ----------------------------------------------------------------

    def _view(self, kind: type[R]) -> tuple[R, ...]:
        return self._by_type.get(kind.record_type, ())  # type: ignore[return-value]

    @property
    def sources(self) -> tuple[Source, ...]:
        """Sources, by publication date (undated last)."""
        return self._view(Source)

    @property
    def parties(self) -> tuple[Party, ...]:
        """Parties, by id."""
        return self._view(Party)

    @property
    def people(self) -> tuple[Person, ...]:
        """People, by id."""
        return self._view(Person)

    @property
    def processes(self) -> tuple[Process, ...]:
        """Processes, by id."""
        return self._view(Process)

    @property
    def rounds(self) -> tuple[Round, ...]:
        """Rounds, in chronological order."""
        return self._view(Round)

    @property
    def delegations(self) -> tuple[Delegation, ...]:
        """Delegations, by id."""
        return self._view(Delegation)

    @property
    def memberships(self) -> tuple[Membership, ...]:
        """Memberships, in chronological order."""
        return self._view(Membership)

    @property
    def resignations(self) -> tuple[Resignation, ...]:
        """Resignations, in chronological order."""
        return self._view(Resignation)

    @property
    def issues(self) -> tuple[Issue, ...]:
        """Agenda issues, by id."""
        return self._view(Issue)

    @property
    def positions(self) -> tuple[Position, ...]:
        """Positions, in chronological order."""
        return self._view(Position)

    @property
    def ceasefires(self) -> tuple[Ceasefire, ...]:
        """Ceasefires, in chronological order."""
        return self._view(Ceasefire)

    @property
    def designations(self) -> tuple[Designation, ...]:
        """Designations, in chronological order (undated last)."""
        return self._view(Designation)

    @property
    def relations(self) -> tuple[Relation, ...]:
        """Relations, in chronological order."""
        return self._view(Relation)

    @property
    def incidents(self) -> tuple[Incident, ...]:
        """Incidents, in chronological order."""
        return self._view(Incident)

    @property
    def claims(self) -> tuple[Claim, ...]:
        """Claims, in chronological order (undated last)."""
        return self._view(Claim)

    # -- events ---------------------------------------------------------------------

    def _event_index(self) -> list[Event]:
        if self._events is None:
            resigned = frozenset(r.membership for r in self.resignations)
            events = sorted(e for r in self._records for e in record_events(r, resigned))
            self._events = events
            self._event_los = [e.date.earliest_ordinal for e in events]
        return self._events

    def events(self) -> tuple[Event, ...]:
        """Every event, in chronological order (see :mod:`peacetrack.events`)."""
        return tuple(self._event_index())

    def between(self, start: DateLike, end: DateLike) -> tuple[Event, ...]:
        """Events whose whole date lies from ``start`` to ``end``, both included.

        The window runs from ``start.earliest`` to ``end.latest``, so
        ``between("2016-05", "2016-05")`` is all of May. An event dated only
        "2016" is not between two days of 2016: it may lie outside them.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read.
        """
        lo = PartialDate.coerce(start).earliest_ordinal
        hi = PartialDate.coerce(end).latest_ordinal
        events = self._event_index()
        first = bisect.bisect_left(self._event_los, lo)
        last = bisect.bisect_right(self._event_los, hi)
        return tuple(e for e in events[first:last] if e.date.latest_ordinal <= hi)

    def _referrer_index(self) -> dict[str, set[str]]:
        if self._referrers is None:
            referrers: dict[str, set[str]] = defaultdict(set)
            for record in self._records:
                for field, target in record.references():
                    if field != "sources":
                        referrers[target].add(record.id)
            self._referrers = dict(referrers)
        return self._referrers

    def involving(self, record_id: str) -> tuple[Event, ...]:
        """Events of the record itself and of every record that refers to it.

        A party also stands for its delegations, and a person for their
        memberships, so ``involving("hnc")`` includes its members joining and
        resigning. Source citations do not count as involvement.

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]
        referrers = self._referrer_index()
        ids = {record_id} | referrers.get(record_id, set())
        for rid in list(ids):
            if isinstance(self._by_id[rid], Delegation | Membership):
                ids |= referrers.get(rid, set())
        return tuple(e for e in self._event_index() if e.record_id in ids)

    # -- snapshots ------------------------------------------------------------------

    def at(self, date: DateLike, *, possibly: bool = False) -> Snapshot:
        """What was in force on ``date`` (see the module docs for partial dates)."""
        d = PartialDate.coerce(date)

        def live(records: Iterable[R]) -> tuple[R, ...]:
            return tuple(r for r in records if r.period.in_force(d, possibly=possibly))  # type: ignore[attr-defined]

        members: dict[str, list[Membership]] = defaultdict(list)
        for membership in live(self.memberships):
            members[membership.delegation].append(membership)
        positions: dict[tuple[str, str], Position] = {}
        for position in live(self.positions):  # chronological: later ones win
            positions[(position.party, position.issue)] = position
        ceasefires = live(self.ceasefires)
        # A designation holds from its date on: certainly once its latest day has
        # come, possibly once its earliest day has.
        designations = tuple(
            g
            for g in self.designations
            if (g.date is None and possibly)
            or (g.date is not None and _made_by(g.date, d, possibly=possibly))
        )
        return Snapshot(
            date=d,
            possibly=possibly,
            rounds_in_progress=live(self.rounds),
            members={k: tuple(v) for k, v in members.items()},
            positions=positions,
            ceasefires_in_force=ceasefires,
            excluded=frozenset(e.party for c in ceasefires for e in c.exclusions),
            designations=designations,
            relations=live(self.relations),
        )

    def gaps(self, process: str) -> tuple[Period, ...]:
        """The periods between consecutive rounds of a process, from one round's end
        to the next one's start, in round-number order.

        A round that has not ended, or a next round that may begin before the
        previous one ends, leaves no gap.

        Raises
        ------
        UnknownIdError
            If ``process`` is not a process in this timeline.
        """
        if not isinstance(self.get(process), Process):
            raise UnknownIdError(f"no process with id {process!r}")
        rounds = sorted((r for r in self.rounds if r.process == process), key=lambda r: r.number)
        gaps = []
        for previous, following in itertools.pairwise(rounds):
            end, start = previous.period.end, following.period.start
            if end is not None and end.earliest_ordinal <= start.latest_ordinal:
                gaps.append(Period(end, start))
        return tuple(gaps)

    # -- claims ---------------------------------------------------------------------

    def claims_about(self, record_id: str) -> tuple[Claim, ...]:
        """Claims about a record, in chronological order (undated last).

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]
        return tuple(c for c in self.claims if c.about == record_id)

    def contested(self) -> dict[tuple[str, str], tuple[Claim, ...]]:
        """Claims that cannot all be true, grouped by ``(about, predicate)``.

        Two claims disagree when one is a number and the other is not ("23" vs
        "denied"), when two texts differ, or when the ranges two numbers allow do
        not meet: "23" and "more than 60" disagree; "at least 20" and "23" agree.
        "about N" allows N ± 10%. A group is listed when any two of its claims
        disagree; it holds all the group's claims.
        """
        groups: dict[tuple[str, str], list[Claim]] = defaultdict(list)
        for claim in self.claims:
            groups[(claim.about, claim.predicate)].append(claim)
        return {
            key: tuple(claims)
            for key, claims in groups.items()
            if any(_disagree(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :])
        }

    # -- new timelines --------------------------------------------------------------

    def with_records(self, *records: Record) -> Timeline:
        """A new timeline with ``records`` added; a record whose id is already here
        replaces the old one (that is how a record is changed).

        >>> t = Timeline([Person("p", "Someone")])
        >>> t.with_records(Person("p", "Someone Else"))["p"].name
        'Someone Else'
        """
        replacing = {r.id: r for r in records if isinstance(r, Record)}
        kept = [replacing.pop(r.id, r) for r in self._records]
        return Timeline(
            [*kept, *(r for r in records if not isinstance(r, Record) or r.id in replacing)]
        )

    def without(self, *record_ids: str) -> Timeline:
        """A new timeline without these records (references to them must go too).

        Raises
        ------
        UnknownIdError
            For an id this timeline does not hold.
        """
        for record_id in record_ids:
            self[record_id]
        dropped = set(record_ids)
        return Timeline(r for r in self._records if r.id not in dropped)

    def merge(self, other: Timeline) -> Timeline:
        """Both timelines' records in one. A record present in both must be equal in
        both; an id holding different records raises.

        Raises
        ------
        ValidationError
            One problem per conflicting id, plus whatever the union breaks.
        """
        conflicts = [
            Problem(r.id, None, "held by both timelines with different content")
            for r in other._records
            if r.id in self._by_id and self._by_id[r.id] != r
        ]
        if conflicts:
            raise ValidationError(conflicts)
        return Timeline([*self._records, *(r for r in other._records if r.id not in self._by_id)])


def _made_by(made: PartialDate, d: PartialDate, *, possibly: bool) -> bool:
    bound = made.earliest_ordinal if possibly else made.latest_ordinal
    return bound <= d.latest_ordinal


_Bounds = tuple[float, bool, float, bool]  # low, low is open, high, high is open
_INF = float("inf")


def _bounds(claim: Claim) -> _Bounds:
    v = float(claim.value)
    q = claim.qualifier
    if q is Qualifier.ABOUT:
        return (min(v * 0.9, v * 1.1), False, max(v * 0.9, v * 1.1), False)
    if q is Qualifier.AT_LEAST:
        return (v, False, _INF, True)
    if q is Qualifier.MORE_THAN:
        return (v, True, _INF, True)
    if q is Qualifier.AT_MOST:
        return (-_INF, True, v, False)
    if q is Qualifier.FEWER_THAN:
        return (-_INF, True, v, True)
    return (v, False, v, False)


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _disagree(a: Claim, b: Claim) -> bool:
    """True when the two claims cannot both be true."""
    if _is_number(a.value) and _is_number(b.value):
        a_lo, a_lo_open, a_hi, a_hi_open = _bounds(a)
        b_lo, b_lo_open, b_hi, b_hi_open = _bounds(b)
        lo = max(a_lo, b_lo)
        lo_open = (a_lo == lo and a_lo_open) or (b_lo == lo and b_lo_open)
        hi = min(a_hi, b_hi)
        hi_open = (a_hi == hi and a_hi_open) or (b_hi == hi and b_hi_open)
        return lo > hi or (lo == hi and (lo_open or hi_open))
    if _is_number(a.value) or _is_number(b.value):
        return True
    return a.value != b.value
