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
force. A designation counts over its period, from listing to delisting (undated
designations are left out of a certain snapshot and kept in a possible one); an
incident over its date or its period.

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

Indexes
-------
Queries run on indexes built once per timeline, by the first query that needs
them (construction only validates): events sorted by date for
:meth:`~Timeline.between`, an interval tree per kind of period for
:meth:`~Timeline.at`, and who-refers-to-whom for :meth:`~Timeline.involving`.
Each of those costs O(log n + k) for k results. The indexes are private; see
``docs/performance.md`` for how they work and what they cost.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from peacetrack import _claims, _index, _other_names, _timeline_rules
from peacetrack._registry import is_registered
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import (
    InvalidDateError,
    PeacetrackError,
    Problem,
    UnknownIdError,
    ValidationError,
)
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
        ``(holder, issue)`` -> the position in force (the latest-starting one if
        several are); the holder is a party or a person.
    ceasefires_in_force, excluded
        Ceasefires in force, and the ids of parties excluded from any of them.
    designations
        Designations in force: listed by then and not yet lifted.
    relations
        Relations between parties in force.
    incidents
        Incidents under way: those on the date, and those whose period covers it.
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
    incidents: tuple[Incident, ...] = ()


def _chronological(record: Record) -> tuple[Any, ...]:
    period = getattr(record, "period", None)
    if isinstance(period, Period):
        return (0, period.sort_key(), record.id)
    date = getattr(record, "date", getattr(record, "published", None))  # a Source's date
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

    Notes
    -----
    Construction validates everything and does nothing else. The indexes behind
    the queries (events sorted by date, an interval tree per kind of period, who
    refers to whom) are built once, by the first query that needs them, so a chain
    of :meth:`with_records` calls pays for no index it never uses. With them
    ``between``, ``at`` and ``involving`` cost O(log n + k) for k results (see
    ``docs/performance.md``).
    """

    __slots__ = (
        "_by_class",
        "_by_id",
        "_by_type",
        "_cache",
        "_records",
    )

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._setup(tuple(records), None)

    def _setup(self, records: tuple[Record, ...], base: Timeline | None) -> None:
        """Validate and store ``records``; when ``base`` is given, the records start
        with ``base``'s, which are known to be valid among themselves."""
        self._records = records
        known = len(base._records) if base is not None else 0
        fresh = records[known:]
        if not all(map(is_registered, map(type, fresh))):
            raise ValidationError(_unregistered(fresh))
        if base is None:
            by_id = {r.id: r for r in records}
        else:
            by_id = base._by_id.copy()
            by_id.update((r.id, r) for r in fresh)
        self._by_id: dict[str, Record] = by_id
        by_class: dict[type[Record], list[Record]] = defaultdict(list)
        for record in fresh:
            by_class[type(record)].append(record)
        merged: dict[type[Record], list[Record]] = (
            by_class if base is None else {k: list(v) for k, v in base._by_class.items()}
        )
        if base is not None:
            for cls, items in by_class.items():
                merged.setdefault(cls, []).extend(items)
        by_type = {cls.record_type: items for cls, items in merged.items()}
        problems = _timeline_rules.timeline_problems(records, by_id, by_class, by_type)
        if problems:
            raise ValidationError(problems)
        self._by_class: dict[type[Record], list[Record]] = merged
        self._by_type: dict[str, list[Record]] = by_type
        self._cache: dict[Any, Any] = {}

    @classmethod
    def _extended(cls, base: Timeline, extra: Iterable[Record]) -> Timeline:
        """``Timeline([*base.records, *extra])``, re-checking only what can break."""
        new = cls.__new__(cls)
        new._setup((*base._records, *extra), base)
        return new

    def _cached(self, key: Any, build: Any) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

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
        counts = ", ".join(f"{len(v)} {k}" for k, v in sorted(self._by_type.items()) if v)
        if not counts:
            return "<Timeline (empty)>"
        return f"<Timeline of {len(self)} record{'s' * (len(self) != 1)}: {counts}>"

    # -- typed views ----------------------------------------------------------------

    def _view(self, kind: type[R]) -> tuple[R, ...]:
        name = kind.record_type
        return self._cached(  # type: ignore[no-any-return]
            ("view", name),
            lambda: tuple(sorted(self._by_type.get(name, ()), key=_chronological)),
        )

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

    def _resigned(self) -> frozenset[str]:
        return self._cached(  # type: ignore[no-any-return]
            "resigned", lambda: frozenset(r.membership for r in self._view(Resignation))
        )

    def _event_index(self) -> _index.EventIndex:
        return self._cached(  # type: ignore[no-any-return]
            "events", lambda: _index.EventIndex(self._by_class.values(), self._resigned())
        )

    def events(self) -> tuple[Event, ...]:
        """Every event, in chronological order (see :mod:`peacetrack.events`)."""
        index = self._event_index()
        return index.events(range(len(index)))

    def between(self, start: DateLike, end: DateLike) -> tuple[Event, ...]:
        """Events whose whole date lies from ``start`` to ``end``, both included.

        The window runs from ``start.earliest`` to ``end.latest``, so
        ``between("2016-05", "2016-05")`` is all of May. An event dated only
        "2016" is not between two days of 2016: it may lie outside them.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read, or an ``end`` certainly before ``start``.
        """
        first, last = PartialDate.coerce(start), PartialDate.coerce(end)
        lo, hi = first.earliest_ordinal, last.latest_ordinal
        if hi < lo:
            raise InvalidDateError(f"end {last} is before start {first}")
        index = self._event_index()
        return index.events(index.within(lo, hi))

    def _referrer_index(self) -> dict[str, list[Record]]:
        return self._cached(  # type: ignore[no-any-return]
            "referrers",
            lambda: _index.build_referrers(self._by_class.values()),
        )

    def _involved(self, record_id: str) -> set[str]:
        referrers = self._referrer_index()
        ids = {record_id}
        todo = list(referrers.get(record_id, ()))
        while todo:
            record = todo.pop()
            if record.id not in ids:
                ids.add(record.id)
                # A delegation stands for its members, a membership for its end.
                if isinstance(record, Delegation | Membership):
                    todo.extend(referrers.get(record.id, ()))
        return ids

    def involving(self, record_id: str) -> tuple[Event, ...]:
        """Events of the record itself and of every record that refers to it.

        A party also stands for its delegations, a delegation for its
        memberships, and a membership for its resignation, so
        ``involving("hnc")`` includes its members joining and resigning (and the
        rounds its delegation attended). Source citations do not count as
        involvement.

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]
        resigned = self._resigned()
        by_id = self._by_id
        events = [e for i in self._involved(record_id) for e in record_events(by_id[i], resigned)]
        events.sort(key=Event.sort_key)
        return tuple(events)

    # -- snapshots ------------------------------------------------------------------

    def _in_force(self, kind: type[R], d: PartialDate, possibly: bool) -> tuple[R, ...]:
        """The records of ``kind`` in force during ``d``, in chronological order.

        Records whose period is ``None`` (an undated designation) count only in a
        possible answer; an incident counts over its date or its period.

        The index is built over the chronological view, so an answer is a sort of
        positions. Incidents are the exception unless their view is made already:
        they are most of a large corpus, sorting them all would cost more than
        their index, and a date finds few of them, so only those are sorted.
        """
        tag = kind.record_type

        def build() -> tuple[Any, bool, _index.IntervalIndex, _index.DateIndex, list[int]]:
            view = self._cache.get(("view", tag)) if kind is Incident else self._view(kind)
            records = view if view is not None else self._by_type.get(tag, [])
            # Periods go in an interval tree; single dates (most incidents), whose
            # lengths take a few values, in a cheaper index of their own.
            spans: tuple[list[int], list[int], list[int]] = ([], [], [])
            days: tuple[list[int], list[int], list[int]] = ([], [], [])
            undated: list[int] = []
            for i, record in enumerate(records):
                bounds = _bounds_of(record, possibly)
                if bounds is None:
                    undated.append(i)
                    continue
                starts, ends, items = days if record.period is None else spans
                starts.append(bounds[0])
                ends.append(bounds[1])
                items.append(i)
            periods, dates = _index.IntervalIndex(*spans), _index.DateIndex(*days)
            return records, view is not None, periods, dates, undated

        records, ordered, periods, dates, undated = self._cached(("in force", tag, possibly), build)
        y, x = d.earliest_ordinal, d.latest_ordinal
        found = periods.overlapping(y, x)
        found += dates.overlapping(y, x)
        if possibly and undated:
            found += undated
        if ordered:
            return tuple(map(records.__getitem__, sorted(found)))
        return tuple(sorted(map(records.__getitem__, found), key=_chronological))

    def _designations_by(self, d: PartialDate, possibly: bool) -> tuple[Designation, ...]:
        """Designations in force during ``d`` (undated ones only when ``possibly``)."""
        return self._in_force(Designation, d, possibly)

    def at(self, date: DateLike, *, possibly: bool = False) -> Snapshot:
        """What was in force on ``date``.

        A period counts when it was *certainly* in force at some time during
        ``date`` (however its partial ends are read), or, with ``possibly=True``,
        when it *may* have been; see the module docs and
        :meth:`peacetrack.Period.in_force`. A designation counts over its period,
        from listing to delisting (undated ones only in a possible snapshot); an
        incident over its date or its period. Every tuple is in chronological
        order; for ``positions`` the latest-starting position per ``(holder, issue)``
        wins.

        Each kind of period is looked up in an interval tree built on first use,
        so the cost is O(log n + k) for k records in force.

        Raises
        ------
        InvalidDateError
            For a date that cannot be read.

        Examples
        --------
        >>> from peacetrack import Ceasefire, Exclusion, Party
        >>> t = Timeline([
        ...     Party("nusra", "Nusra Front", "armed_group"),
        ...     Ceasefire("coh", "Cessation of hostilities", "2016-02/..",
        ...               exclusions=[Exclusion("nusra", "designated")]),
        ... ])
        >>> sorted(t.at("2016-03-01").excluded)
        ['nusra']

        Begun "in February": on the 10th it may not have begun yet.

        >>> t.at("2016-02-10").ceasefires_in_force
        ()
        >>> [c.id for c in t.at("2016-02-10", possibly=True).ceasefires_in_force]
        ['coh']
        """
        if not isinstance(possibly, bool):
            raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")
        d = PartialDate.coerce(date)
        members: dict[str, list[Membership]] = defaultdict(list)
        for membership in self._in_force(Membership, d, possibly):
            members[membership.delegation].append(membership)
        # Chronological order: the later position wins.
        positions = {(p.holder, p.issue): p for p in self._in_force(Position, d, possibly)}
        ceasefires = self._in_force(Ceasefire, d, possibly)
        return Snapshot(
            date=d,
            possibly=possibly,
            rounds_in_progress=self._in_force(Round, d, possibly),
            members={k: tuple(v) for k, v in members.items()},
            positions=positions,
            ceasefires_in_force=ceasefires,
            excluded=frozenset(e.party for c in ceasefires for e in c.exclusions),
            designations=self._designations_by(d, possibly),
            relations=self._in_force(Relation, d, possibly),
            incidents=self._in_force(Incident, d, possibly),
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

    # -- names ----------------------------------------------------------------------

    def name_of(
        self, record_id: str, at: DateLike | None = None, *, lang: str | None = None
    ) -> str:
        """What a party or person was called on ``at`` (its canonical ``name`` when
        ``at`` is ``None``).

        The dated :class:`~peacetrack.Name` whose period certainly covers the whole
        of ``at`` wins (the latest-starting one if several do); with ``lang``, names
        in that language are read, and an undated one stands in. Any other record
        with a ``name`` gives that name.

        Raises
        ------
        UnknownIdError
            If no record has this id, or the record has no name.
        InvalidDateError
            For a date that cannot be read.

        Examples
        --------
        >>> from peacetrack import Name, Party
        >>> t = Timeline([Party("nusra", "Nusra Front", "armed_group", names=[
        ...     Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27")])])
        >>> t.name_of("nusra", at="2016-05-31"), t.name_of("nusra", at="2016-09")
        ('Nusra Front', 'Jabhat Fateh al-Sham')
        """
        record = self[record_id]
        d = None if at is None else PartialDate.coerce(at)
        if isinstance(record, Party | Person):
            return _other_names.name_at(record.name, record.names, d, lang)
        name = getattr(record, "name", None)
        if not isinstance(name, str):
            raise UnknownIdError(f"{record_id!r} is a {record.record_type}, which has no name")
        return name

    # -- claims ---------------------------------------------------------------------

    def claims_about(self, record_id: str) -> tuple[Claim, ...]:
        """Claims about a record, in chronological order (undated last).

        Raises
        ------
        UnknownIdError
            If no record has this id.
        """
        self[record_id]

        def build() -> dict[str, list[Claim]]:
            about: dict[str, list[Claim]] = defaultdict(list)
            for claim in self.claims:
                about[claim.about].append(claim)
            return about

        return tuple(self._cached("claims about", build).get(record_id, ()))

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
            if any(_claims.disagree(a, b) for i, a in enumerate(claims) for b in claims[i + 1 :])
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
        if not replacing.keys() & self._by_id.keys():
            return Timeline._extended(self, records)
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
        TypeError
            If ``other`` is not a Timeline.
        ValidationError
            One problem per conflicting id, plus whatever the union breaks.
        """
        require_timeline(other)
        conflicts = [
            Problem(r.id, None, "held by both timelines with different content")
            for r in other._records
            if r.id in self._by_id and self._by_id[r.id] != r
        ]
        if conflicts:
            raise ValidationError(conflicts)
        return Timeline._extended(self, (r for r in other._records if r.id not in self._by_id))


def _bounds_of(record: Any, possibly: bool) -> tuple[int, int] | None:
    """The days a record is in force under one reading (see :meth:`Period.bounds`):
    its period's, or a dated incident's as the one-date period ``date/date``;
    ``None`` for no period (an undated designation)."""
    period = record.period
    if period is not None:
        return period.bounds(possibly)  # type: ignore[no-any-return]
    date = getattr(record, "date", None)
    if date is None:
        return None
    # Period(date, date).bounds(possibly), without making the Period.
    return (date._lo, date._hi) if possibly else (date._hi, date._lo)


def _unregistered(records: Iterable[object]) -> Iterator[Problem]:
    """A problem for each item that is not a record of a registered type."""
    for r in records:
        if is_registered(type(r)):
            continue
        if not isinstance(r, Record):
            yield Problem(None, None, f"expected a Record, got {type(r).__name__} {r!r}")
            continue
        known = [c for c in type(r).__mro__[1:] if is_registered(c)]
        base = f"a subclass of {known[0].__name__}, " if known else ""
        yield Problem(
            r.id if isinstance(r.id, str) else None,
            None,
            f"{type(r).__name__} is {base}not a registered record type, so no file could hold "
            "it; register it with @peacetrack.records.register_record_type(TAG), or use "
            + (known[0].__name__ if known else "one of the record types in peacetrack.records"),
        )


def require_timeline(value: object) -> Timeline:
    """``value`` if it is a Timeline; otherwise a TypeError naming what it is.

    Every function that takes a timeline (writers, graph views, exports, figures)
    calls this first, so a list of records or ``None`` gets one clear message
    rather than an AttributeError from deep inside.
    """
    if not isinstance(value, Timeline):
        raise TypeError(f"expected a Timeline, got {type(value).__name__}")
    return value
