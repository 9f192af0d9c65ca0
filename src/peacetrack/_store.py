"""The store under a Timeline: its records, checked once, by id and by type, and the
ways to make a new timeline from one.

:class:`~peacetrack.Timeline` adds the questions (events, snapshots, claims); this base
holds what every question reads: construction and validation (through
:mod:`peacetrack._timeline_rules`), the container protocol, the typed views in
chronological order, and :meth:`with_records`, :meth:`without` and :meth:`merge`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any, Self, TypeVar

from peacetrack import _timeline_rules
from peacetrack._registry import is_registered
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError, Problem, UnknownIdError, ValidationError
from peacetrack.records import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Incident,
    Issue,
    Membership,
    Participation,
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

__all__ = ["Store", "chronological"]

R = TypeVar("R", bound=Record)


def chronological(record: Record) -> tuple[Any, ...]:
    period = getattr(record, "period", None)
    if isinstance(period, Period):
        return (0, period.sort_key(), record.id)
    date = getattr(record, "date", getattr(record, "published", None))  # a Source's date
    if isinstance(date, PartialDate):
        return (0, (*date.sort_key(),), record.id)
    return (1, (), record.id)  # undated records last, by id


class Store:
    """A checked, immutable collection of records: the base of
    :class:`~peacetrack.Timeline`, which documents it."""

    __slots__ = (
        "_by_class",
        "_by_id",
        "_by_type",
        "_cache",
        "_records",
    )

    def __init__(self, records: Iterable[Record] = ()) -> None:
        self._setup(tuple(records), None)

    def _setup(self, records: tuple[Record, ...], base: Store | None) -> None:
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
    def _extended(cls, base: Store, extra: Iterable[Record]) -> Self:
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
        if not isinstance(other, Store):
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
            lambda: tuple(sorted(self._by_type.get(name, ()), key=chronological)),
        )

    def view(self, kind: type[R]) -> tuple[R, ...]:
        """Every record of one type, in chronological order (undated last, by id):
        ``t.view(Round)`` is ``t.rounds``, and works for any registered record type.

        Raises
        ------
        PeacetrackError
            For a class that is not a registered record type.
        """
        if not (isinstance(kind, type) and is_registered(kind)):
            raise PeacetrackError(f"{kind!r} is not a registered record type")
        return self._view(kind)

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

    @property
    def participations(self) -> tuple[Participation, ...]:
        """Participation records, in chronological order (undated last). See
        :meth:`participants` for who takes part, ``Process.mediator`` included."""
        return self._view(Participation)

    # -- new timelines --------------------------------------------------------------

    def with_records(self, *records: Record) -> Self:
        """A new timeline with ``records`` added; a record whose id is already here
        replaces the old one (that is how a record is changed).

        Raises
        ------
        ValidationError
            As :class:`Timeline` does, and when two of ``records`` share an id (which
            of them should win is not for peacetrack to guess).

        >>> from peacetrack import Timeline
        >>> t = Timeline([Person("p", "Someone")])
        >>> t.with_records(Person("p", "Someone Else"))["p"].name
        'Someone Else'
        """
        replacing = {r.id: r for r in records if isinstance(r, Record)}
        if len(replacing) != sum(isinstance(r, Record) for r in records):
            given = [r for r in records if isinstance(r, Record)]
            raise ValidationError(_timeline_rules.duplicate_problems(given))
        if not replacing.keys() & self._by_id.keys():
            return type(self)._extended(self, records)
        kept = [replacing.pop(r.id, r) for r in self._records]
        return type(self)(
            [*kept, *(r for r in records if not isinstance(r, Record) or r.id in replacing)]
        )

    def without(self, *record_ids: str) -> Self:
        """A new timeline without these records (references to them must go too).

        Raises
        ------
        UnknownIdError
            For an id this timeline does not hold.
        """
        for record_id in record_ids:
            self[record_id]
        dropped = set(record_ids)
        return type(self)(r for r in self._records if r.id not in dropped)

    def merge(self, other: Store) -> Self:
        """Both timelines' records in one. A record present in both must be equal in
        both; an id holding different records raises.

        Raises
        ------
        TypeError
            If ``other`` is not a Timeline.
        ValidationError
            One problem per conflicting id, plus whatever the union breaks.
        """
        if not isinstance(other, Store):
            raise TypeError(f"expected a Timeline, got {type(other).__name__}")
        conflicts = [
            Problem(r.id, None, "held by both timelines with different content")
            for r in other._records
            if r.id in self._by_id and self._by_id[r.id] != r
        ]
        if conflicts:
            raise ValidationError(conflicts)
        return type(self)._extended(self, (r for r in other._records if r.id not in self._by_id))


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
