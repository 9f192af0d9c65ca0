"""Events: the dated moments a timeline's records imply, in one chronological stream.

A record becomes zero, one or two events: a round opens and closes, a member joins
and resigns, a ceasefire begins and ends, a designation is made and lifted, a
participation (dated) begins and ends, an agreement is adopted, an incident happens
(and ends, when it lasts), a claim is made. A record without a date (an undated claim
or designation, say) has no event; it is still in the timeline and answers every
other query.

Order
-----
Events are sorted by date (``PartialDate`` order: earliest day, then latest day, so
"2016-05" comes before "2016-05-29" comes before "2016-05-30"). Events on the same
date keep a fixed, documented order: by kind, in the order :class:`EventKind` lists
them (things that open before things that happen, before things that close), then by
record id. The order never depends on the order records were given in, so merged
timelines list their events the same way.
"""

from __future__ import annotations

import enum
from collections.abc import Container, Iterator

import attrs

from peacetrack import records
from peacetrack._display import Words, sentence
from peacetrack._fast import FAST_PATHS
from peacetrack.dates import PartialDate
from peacetrack.records import Record

__all__ = ["Event", "EventKind"]


class EventKind(enum.Enum):
    """What happened. Listed in the order events on the same date are sorted."""

    ROUND_OPENED = "round_opened"
    MEMBER_JOINED = "member_joined"
    PARTICIPATION_BEGAN = "participation_began"
    POSITION_STATED = "position_stated"
    RELATION_BEGAN = "relation_began"
    CEASEFIRE_BEGAN = "ceasefire_began"
    DESIGNATION = "designation"
    AGREEMENT = "agreement"
    INCIDENT = "incident"
    CLAIM = "claim"
    MEMBER_RESIGNED = "member_resigned"
    MEMBER_LEFT = "member_left"
    PARTICIPATION_ENDED = "participation_ended"
    POSITION_ENDED = "position_ended"
    RELATION_ENDED = "relation_ended"
    CEASEFIRE_ENDED = "ceasefire_ended"
    DESIGNATION_LIFTED = "designation_lifted"
    INCIDENT_ENDED = "incident_ended"
    ROUND_CLOSED = "round_closed"

    @property
    def rank(self) -> int:
        """Position in the same-date order."""
        return _RANK[self]


_RANK = {kind: i for i, kind in enumerate(EventKind)}


@attrs.frozen(order=False)
class Event:
    """A dated moment in a timeline, derived from one record.

    ``summary`` is a short human-readable line naming people and parties by name (as
    the command line shows it); ``record_id`` leads back to the record for
    everything else.
    """

    date: PartialDate
    kind: EventKind
    record_id: str
    summary: str

    def sort_key(self) -> tuple[int, int, int, bool, bool, int, str]:
        """Date order, then kind order, then record id."""
        return (*self.date.sort_key(), _RANK[self.kind], self.record_id)

    def __lt__(self, other: Event) -> bool:
        if not isinstance(other, Event):
            return NotImplemented
        return self.sort_key() < other.sort_key()


# Each dated record type makes its events by one of two rules (a test walks the record
# registry and checks that every type with a date or a period is in one of them):
_POINT: dict[type[Record], EventKind] = {
    records.Incident: EventKind.INCIDENT,
    records.Claim: EventKind.CLAIM,
    records.Resignation: EventKind.MEMBER_RESIGNED,
    records.Agreement: EventKind.AGREEMENT,
}
"""Records with a ``date``: one event on it (none when the date is unknown)."""

_SPAN: dict[type[Record], tuple[EventKind, EventKind]] = {
    records.Round: (EventKind.ROUND_OPENED, EventKind.ROUND_CLOSED),
    records.Membership: (EventKind.MEMBER_JOINED, EventKind.MEMBER_LEFT),
    records.Position: (EventKind.POSITION_STATED, EventKind.POSITION_ENDED),
    records.Relation: (EventKind.RELATION_BEGAN, EventKind.RELATION_ENDED),
    records.Ceasefire: (EventKind.CEASEFIRE_BEGAN, EventKind.CEASEFIRE_ENDED),
    records.Participation: (EventKind.PARTICIPATION_BEGAN, EventKind.PARTICIPATION_ENDED),
    records.Designation: (EventKind.DESIGNATION, EventKind.DESIGNATION_LIFTED),
    records.Incident: (EventKind.INCIDENT, EventKind.INCIDENT_ENDED),  # one that lasts
}
"""Records with a ``period``: an event where it starts, and one where it ends (none
while it is open, none at all when the period is unknown)."""

_STARTS = frozenset(pair[0] for pair in _SPAN.values())
_ENDS = frozenset(pair[1] for pair in _SPAN.values())


def event_date(record: Record, kind: EventKind) -> PartialDate:
    """The date of the ``kind`` event of ``record``: its period's end for an ending
    event; otherwise the record's own date if it has one (an incident, an agreement),
    else its period's start."""
    if kind in _ENDS:
        return record.period.end  # type: ignore[attr-defined, no-any-return]
    date = getattr(record, "date", None)
    if date is not None:
        return date  # type: ignore[no-any-return]
    return record.period.start  # type: ignore[attr-defined, no-any-return]


def event_kinds(record: Record, resigned: Container[str] = frozenset()) -> tuple[EventKind, ...]:
    """The kinds of event one record implies, without building the events.

    ``resigned`` holds the ids of memberships ended by a resignation, whose end is
    told by the resignation's own event rather than a second "left" event.
    """
    cls = type(record)
    point = _POINT.get(cls)
    if point is not None and getattr(record, "date", None) is not None:
        return (point,)
    pair = _SPAN.get(cls)
    if pair is None or getattr(record, "period", None) is None:
        return ()  # undated (a claim, a participation, a designation): no moment to tell
    kinds: tuple[EventKind, ...] = pair
    if record.period.end is None or (cls is records.Membership and record.id in resigned):  # type: ignore[attr-defined]
        kinds = pair[:1]
    # An unknown or open start is no event: nothing happened on a known date.
    return kinds[1:] if record.period.start is None else kinds  # type: ignore[attr-defined]


_SET_DATE = Event.__dict__["date"].__set__
_SET_KIND = Event.__dict__["kind"].__set__
_SET_RECORD_ID = Event.__dict__["record_id"].__set__
_SET_SUMMARY = Event.__dict__["summary"].__set__
_new_event = object.__new__


def _fast_event(date: PartialDate, kind: EventKind, record_id: str, summary: str) -> Event:
    # The fields are already checked (they come from a validated record), so fill
    # the slots directly; the result is equal to Event(date, kind, record_id, summary).
    event: Event = _new_event(Event)
    _SET_DATE(event, date)
    _SET_KIND(event, kind)
    _SET_RECORD_ID(event, record_id)
    _SET_SUMMARY(event, summary)
    return event


def event_parts(
    record: Record, kind: EventKind, words: Words | None = None
) -> tuple[PartialDate, str]:
    """The date and the summary line of the ``kind`` event of ``record``: what
    :func:`make_event` puts in the event, for callers that want only these (an export
    of every event, which need not make a million events)."""
    date = event_date(record, kind)
    return date, sentence(record, kind not in _ENDS, words, date)


def make_event(record: Record, kind: EventKind, words: Words | None = None) -> Event:
    """The ``kind`` event of ``record``, with its summary line (names from ``words``;
    ids without). The one constructor of events: queries that return thousands of
    events spend their time here, so the slots are filled directly (equal to
    ``Event(...)``); with the slow paths switched on, ``Event(...)`` checks them."""
    date, summary = event_parts(record, kind, words)
    if FAST_PATHS:
        return _fast_event(date, kind, record.id, summary)
    return Event(date, kind, record.id, summary)


def record_events(
    record: Record, resigned: Container[str] = frozenset(), words: Words | None = None
) -> Iterator[Event]:
    """The events one record implies, in the order :class:`EventKind` lists them.

    ``resigned`` holds the ids of memberships ended by a resignation, whose end is
    told by the resignation's own event rather than a second "left" event. Records
    are named by ``words`` (by id without one; a Timeline's events name them).

    Examples
    --------
    >>> from peacetrack import Membership
    >>> m = Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29")
    >>> [(str(e.date), e.kind.value) for e in record_events(m)]
    [('2016-01', 'member_joined'), ('2016-05-29', 'member_left')]
    >>> [e.kind.value for e in record_events(m, resigned={"m1"})]
    ['member_joined']
    >>> next(record_events(m)).summary
    'alloush: chief negotiator (hnc-d)'
    """
    for kind in event_kinds(record, resigned):
        yield make_event(record, kind, words)
