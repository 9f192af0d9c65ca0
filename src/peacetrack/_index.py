"""The indexes behind a Timeline's queries: events by date, periods in force, referrers.

Everything here works on day ordinals (plain ints, ``date.toordinal()``), never on
pendulum objects, and is built once per Timeline, the first time a query needs it.

Event index (``between``)
    Events sorted once by ``Event.sort_key``. The sort runs on one packed int per
    event (earliest day, span class, qualifiers, kind) and breaks the remaining ties
    by record id. A partial date spans exactly 0 (a day), 27..30 (a month) or
    364..365 (a year) days, so the events fall into at most seven groups of equal
    span ``s``; within a group "the date lies inside ``[L, H]``" is the 1-d range
    ``L <= earliest <= H - s`` on a sorted array. A window query is seven pairs of
    bisections plus the results: O(log n + k log k), the ``k log k`` only to merge
    the groups back into event order.

Interval index (``at``)
    For each periodic record type and each reading (certain, possibly), a period is
    an interval ``[a, b]`` of day ordinals and "in force during the date ``[Y, X]``"
    is ``a <= X and b >= Y``. For ``a <= b`` that splits into two disjoint parts:
    the intervals that contain ``Y`` (a stabbing query on a static centred interval
    tree, O(log n + k): the centre of each node is the median of its endpoints, so
    each child holds at most half the intervals and the depth is at most
    ``log2 n + 1``; each node answers with one bisection on its intervals sorted by
    start or by end) and the intervals that start in ``(Y, X]`` (one bisection on
    all starts). A certain reading can give ``b < a`` (a period from "2016-01" to
    "2016-01-15" may have ended before it certainly began); such intervals match
    only when ``Y < a <= X``, so they sit in their own array sorted by ``a`` and are
    filtered: empty for a day-precise date, at most those starting inside the
    date's month or year otherwise.

Referrer index (``involving``, ``claims_about``)
    Record id -> the records that refer to it (source citations aside).
"""

from __future__ import annotations

import bisect
import itertools
import operator
from array import array
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import repeat
from typing import Any, NamedTuple

from peacetrack._display import Words, claim_sentence, incident_sentence
from peacetrack._edtf import SPANS
from peacetrack._fast import FAST_PATHS
from peacetrack._registry import Shape, references_of
from peacetrack.dates import PartialDate
from peacetrack.events import (
    Event,
    EventKind,
    _fast_event,
    event_date,
    event_kinds,
    event_parts,
    make_event,
)
from peacetrack.records import Claim, Incident, Record

__all__ = ["DateIndex", "EventColumns", "EventIndex", "IntervalIndex", "build_referrers"]

_KINDS = tuple(EventKind)
_RANK = {kind: i for i, kind in enumerate(_KINDS)}
# hi - lo of a partial date -> its span class (4 bits), in the same order as hi.
_SPANS = SPANS
_SPAN_CODE = {span: code for code, span in enumerate(_SPANS)}
# A packed key: earliest day, span class (4 bits), instant of the time of day
# (18 bits, 0 without one), qualifiers (2 bits), event kind (enough bits for every
# EventKind). The date's parts are read through its public sort_key().
_RANK_BITS = max(4, (len(_KINDS) - 1).bit_length())
_RANK_MASK = (1 << _RANK_BITS) - 1
_SPAN_SHIFT = _RANK_BITS + 2 + 18
_LO_SHIFT = _SPAN_SHIFT + 4


def _pack(date: PartialDate, rank: int) -> int:
    lo, hi, instant, uncertain, approximate = date.sort_key()
    code = _SPAN_CODE[hi - lo]
    qual = (uncertain << 1) | approximate
    return (((((lo << 4) | code) << 18 | instant) << 2 | qual) << _RANK_BITS) | rank


class EventColumns(NamedTuple):
    """Every event of an :class:`EventIndex` as columns, in event order: what
    :meth:`EventIndex.events` holds, without an :class:`~peacetrack.events.Event`
    per event."""

    dates: list[PartialDate]
    earliest: list[int]  # each date's earliest day (a day ordinal)
    latest: list[int]  # and its latest
    kinds: list[EventKind]
    records: list[Record]
    summaries: list[str]


class EventIndex:
    """Every event of a timeline in ``Event.sort_key`` order, stored as packed ints
    and the records they come from; :class:`~peacetrack.events.Event` objects are
    made only for the events a query returns."""

    __slots__ = ("_groups", "keys", "records", "words")

    def __init__(
        self, groups: Iterable[Sequence[Record]], resigned: frozenset[str], words: Words
    ) -> None:
        self.words = words
        keys: list[int] = []
        owners: list[Record] = []
        for group in groups:
            group_keys, group_owners = _group_keys(group, resigned)
            keys += group_keys
            owners += group_owners
        order = sorted(range(len(keys)), key=keys.__getitem__)
        sorted_keys = list(map(keys.__getitem__, order))
        del keys
        _break_ties(order, sorted_keys, [o.id for o in owners])
        self.keys = array("q", sorted_keys)
        self.records = list(map(owners.__getitem__, order))
        del owners, order
        # Per span class: the earliest days (ascending) and the global positions.
        spans = [(key >> _SPAN_SHIFT) & 15 for key in sorted_keys]  # 4 bits of span class
        self._groups: list[tuple[int, array[int], array[int]]] = []
        for code in sorted(set(spans)):
            positions = array(
                "i", itertools.compress(range(len(spans)), map(operator.eq, spans, repeat(code)))
            )
            los = array("i", [sorted_keys[p] >> _LO_SHIFT for p in positions])
            self._groups.append((_SPANS[code], los, positions))

    def __len__(self) -> int:
        return len(self.keys)

    def event(self, position: int) -> Event:
        """The event at ``position`` in event order."""
        kind = _KINDS[self.keys[position] & _RANK_MASK]
        return make_event(self.records[position], kind, self.words)

    def events(self, positions: Iterable[int]) -> tuple[Event, ...]:
        """The events at these positions."""
        keys, records, kinds, words = self.keys, self.records, _KINDS, self.words
        if not FAST_PATHS:
            mask = _RANK_MASK
            return tuple(make_event(records[p], kinds[keys[p] & mask], words) for p in positions)
        found: list[Event] = []
        add = found.append
        incident, claim = EventKind.INCIDENT, EventKind.CLAIM
        # make_event, with the two record types most events come from taken first.
        for p in positions:
            record: Any = records[p]
            cls = type(record)
            if cls is Incident and record.period is None:
                add(_fast_event(record.date, incident, record.id, incident_sentence(record)))
            elif cls is Claim:
                add(_fast_event(record.date, claim, record.id, claim_sentence(record, words)))
            else:
                add(make_event(record, kinds[keys[p] & _RANK_MASK], words))
        return tuple(found)

    def columns(self) -> EventColumns:
        """Every event as columns (see :class:`EventColumns`): equal, field by field,
        to the events of :meth:`events`, for an export of all of them, where making
        the Event objects alone cost a fifth of the time. The days and kinds are read
        from the packed keys."""
        keys, records, words = self.keys, self.records, self.words
        dates: list[PartialDate] = []
        summaries: list[str] = []
        add_date, add_summary = dates.append, summaries.append
        kinds = [_KINDS[key & _RANK_MASK] for key in keys]
        incident = Incident
        # As events() does: the two record types most events come from first.
        for record, kind in zip(records, kinds, strict=True):
            cls = type(record)
            if cls is incident and record.period is None:  # type: ignore[attr-defined]
                add_date(record.date)  # type: ignore[attr-defined]
                add_summary(incident_sentence(record))  # type: ignore[arg-type]
            elif cls is Claim:
                add_date(record.date)  # type: ignore[attr-defined]
                add_summary(claim_sentence(record, words))  # type: ignore[arg-type]
            else:
                date, summary = event_parts(record, kind, words)
                add_date(date)
                add_summary(summary)
        earliest = [key >> _LO_SHIFT for key in keys]
        spans = _SPANS
        latest = [
            lo + spans[(key >> _SPAN_SHIFT) & 15] for lo, key in zip(earliest, keys, strict=True)
        ]
        return EventColumns(dates, earliest, latest, kinds, list(records), summaries)

    def within(self, lo: int, hi: int) -> list[int]:
        """Positions, in event order, of the events whose whole date lies in
        ``[lo, hi]`` (day ordinals)."""
        found: list[Sequence[int]] = []
        for span, los, positions in self._groups:
            first = bisect.bisect_left(los, lo)
            last = bisect.bisect_right(los, hi - span)
            if first < last:
                found.append(positions[first:last])
        if not found:
            return []
        if len(found) == 1:
            return list(found[0])
        return sorted(itertools.chain.from_iterable(found))


def _group_keys(
    group: Sequence[Record], resigned: frozenset[str]
) -> tuple[list[int], Sequence[Any]]:
    """Packed keys of the events of one class of records, and their records."""
    if not group:
        return [], []
    cls = type(group[0])
    # The two record types that make up most corpora take a short path.
    dated_incidents = cls is Incident and all(r.period is None for r in group)  # type: ignore[attr-defined]
    if FAST_PATHS and (dated_incidents or cls is Claim):
        rank = _RANK[EventKind.INCIDENT if cls is Incident else EventKind.CLAIM]
        owners: Sequence[Any] = (
            group if cls is Incident else [r for r in group if r.date is not None]  # type: ignore[attr-defined]
        )
        keys = [_pack(r.date, rank) for r in owners]
        return keys, owners
    keys, others = [], []
    for record in group:
        for kind in event_kinds(record, resigned):
            keys.append(_pack(event_date(record, kind), _RANK[kind]))
            others.append(record)
    return keys, others


def _break_ties(order: list[int], keys: list[int], ids: list[str]) -> None:
    """Within runs of equal packed keys, order by record id (in place)."""
    n = len(keys)
    # Where a new key starts, found at C speed; then sort the runs longer than one.
    starts = [0, *itertools.compress(range(1, n), map(operator.ne, keys[1:], keys)), n]
    by_id = ids.__getitem__
    for first, last in itertools.pairwise(starts):
        if last - first > 1:
            run = order[first:last]
            run.sort(key=by_id)
            order[first:last] = run


class _Node:
    __slots__ = ("by_end", "by_end_items", "by_start", "by_start_items", "centre", "left", "right")

    def __init__(self, centre: int) -> None:
        self.centre = centre
        self.by_start: list[int] = []  # starts, ascending
        self.by_start_items: list[int] = []
        self.by_end: list[int] = []  # negated ends, ascending (ends descending)
        self.by_end_items: list[int] = []
        self.left: _Node | None = None
        self.right: _Node | None = None


class IntervalIndex:
    """Closed intervals ``[a, b]`` of ints, each with an item (an int); answers
    ``overlapping(y, x)``: the items with ``a <= x and b >= y``.

    See the module docstring for the structure and its bounds.
    """

    __slots__ = ("_inverted", "_inverted_starts", "_items", "_root", "_starts")

    def __init__(self, starts: Sequence[int], ends: Sequence[int], items: Sequence[int]) -> None:
        proper = [i for i in range(len(starts)) if starts[i] <= ends[i]]
        inverted = sorted(
            (i for i in range(len(starts)) if starts[i] > ends[i]), key=starts.__getitem__
        )
        self._inverted_starts = [starts[i] for i in inverted]
        self._inverted = [(ends[i], items[i]) for i in inverted]
        by_start = sorted(proper, key=starts.__getitem__)
        self._starts = [starts[i] for i in by_start]
        self._items = [items[i] for i in by_start]
        self._root = _build(by_start, starts, ends, items)

    def overlapping(self, y: int, x: int) -> list[int]:
        """Items whose interval meets ``[y, x]``, i.e. ``a <= x`` and ``b >= y``."""
        found = self.stabbing(y)
        first = bisect.bisect_right(self._starts, y)
        last = bisect.bisect_right(self._starts, x)
        found.extend(self._items[first:last])
        first = bisect.bisect_right(self._inverted_starts, y)
        last = bisect.bisect_right(self._inverted_starts, x)
        found.extend(item for end, item in self._inverted[first:last] if end >= y)
        return found

    def stabbing(self, q: int) -> list[int]:
        """Items of the intervals with ``a <= q <= b`` (``a <= b`` ones only)."""
        found: list[int] = []
        node = self._root
        while node is not None:
            if q < node.centre:
                found.extend(node.by_start_items[: bisect.bisect_right(node.by_start, q)])
                node = node.left
            elif q > node.centre:
                found.extend(node.by_end_items[: bisect.bisect_right(node.by_end, -q)])
                node = node.right
            else:
                found.extend(node.by_start_items)
                break
        return found


def _build(
    members: list[int], starts: Sequence[int], ends: Sequence[int], items: Sequence[int]
) -> _Node | None:
    """A centred interval tree over ``members`` (indices sorted by start)."""
    if not members:
        return None
    endpoints = sorted(itertools.chain((starts[i] for i in members), (ends[i] for i in members)))
    centre = endpoints[len(members)]  # the median endpoint: each side gets <= half
    node = _Node(centre)
    left: list[int] = []
    right: list[int] = []
    here: list[int] = []
    for i in members:  # stays sorted by start
        if ends[i] < centre:
            left.append(i)
        elif starts[i] > centre:
            right.append(i)
        else:
            here.append(i)
    node.by_start = [starts[i] for i in here]
    node.by_start_items = [items[i] for i in here]
    by_end = sorted(here, key=lambda i: -ends[i])
    node.by_end = [-ends[i] for i in by_end]
    node.by_end_items = [items[i] for i in by_end]
    node.left = _build(left, starts, ends, items)
    node.right = _build(right, starts, ends, items)
    return node


class DateIndex:
    """Items (ints below 2**32) with a closed interval ``[a, b]`` of day ordinals whose
    length ``b - a`` takes few values
    (the days of a partial date under one reading: 0, 27..30 or 364..365, or their
    negatives for a certain reading's empty core); answers ``overlapping(y, x)``.

    For a fixed ``d = b - a``, "``a <= x`` and ``b >= y``" is the 1-d range
    ``y - d <= a <= x``, so each length keeps its starts sorted and a query is one
    pair of bisections per length: O(log n + k), as the event index does for
    ``between``.
    """

    __slots__ = ("_groups",)

    def __init__(self, starts: Sequence[int], ends: Sequence[int], items: Sequence[int]) -> None:
        # Each (start, item) packed in one int, so the sorts compare ints, not tuples.
        by_length: dict[int, list[int]] = defaultdict(list)
        for start, end, item in zip(starts, ends, items, strict=True):
            by_length[end - start].append(start << 32 | item)
        self._groups: list[tuple[int, list[int], list[int]]] = []
        mask = (1 << 32) - 1
        for length, packed in sorted(by_length.items()):
            packed.sort()
            self._groups.append((length, [p >> 32 for p in packed], [p & mask for p in packed]))

    def overlapping(self, y: int, x: int) -> list[int]:
        """Items whose interval meets ``[y, x]``, i.e. ``a <= x`` and ``b >= y``."""
        found: list[int] = []
        for length, firsts, items in self._groups:
            lo = bisect.bisect_left(firsts, y - length)
            hi = bisect.bisect_right(firsts, x)
            found.extend(items[lo:hi])
        return found


def build_referrers(groups: Iterable[Sequence[Record]]) -> dict[str, list[Record]]:
    """Record id -> the records that refer to it (not counting ``sources``).

    A record that refers to the same id through two fields is listed twice.
    """
    referrers: dict[str, list[Record]] = defaultdict(list)
    for group in groups:
        if not group:
            continue
        for reference in references_of(type(group[0])):
            if reference.field == "sources":
                continue
            get = operator.attrgetter(reference.field)
            if reference.shape is Shape.ONE:
                for record in group:
                    referrers[get(record)].append(record)
            elif reference.shape is Shape.OPTIONAL:
                for record in group:
                    target = get(record)
                    if target is not None:
                        referrers[target].append(record)
            else:
                for record in group:
                    for target in reference.ids(record):
                        referrers[target].append(record)
    return dict(referrers)
