"""Events: the dated moments a timeline's records imply, in one chronological stream.

A record becomes zero, one or two events: a round opens and closes, a member joins
and resigns, a ceasefire begins and ends, a designation is made and lifted, an
incident happens (and ends, when it lasts), a claim is made. A record without a date
(an undated claim or designation, say) has no event; it is still in the timeline
and answers every other query.

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
from typing import Any

import attrs

from peacetrack.dates import PartialDate
from peacetrack.records import (
    Ceasefire,
    Claim,
    Designation,
    Incident,
    Membership,
    Position,
    Record,
    Relation,
    Resignation,
    Round,
)

__all__ = ["Event", "EventKind"]


class EventKind(enum.Enum):
    """What happened. Listed in the order events on the same date are sorted."""

    ROUND_OPENED = "round_opened"
    MEMBER_JOINED = "member_joined"
    POSITION_STATED = "position_stated"
    RELATION_BEGAN = "relation_began"
    CEASEFIRE_BEGAN = "ceasefire_began"
    DESIGNATION = "designation"
    INCIDENT = "incident"
    CLAIM = "claim"
    MEMBER_RESIGNED = "member_resigned"
    MEMBER_LEFT = "member_left"
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

    ``summary`` is a short human-readable line; ``record_id`` leads back to the
    record for everything else.
    """

    date: PartialDate
    kind: EventKind
    record_id: str
    summary: str

    def sort_key(self) -> tuple[int, int, bool, bool, int, str]:
        """Date order, then kind order, then record id."""
        lo, hi, uncertain, approximate = self.date.sort_key()
        return (lo, hi, uncertain, approximate, _RANK[self.kind], self.record_id)

    def __lt__(self, other: Event) -> bool:
        if not isinstance(other, Event):
            return NotImplemented
        return self.sort_key() < other.sort_key()


def _phrase(text: str | None) -> str:
    return f" ({text})" if text else ""


_STARTS = frozenset(
    {
        EventKind.ROUND_OPENED,
        EventKind.MEMBER_JOINED,
        EventKind.POSITION_STATED,
        EventKind.RELATION_BEGAN,
        EventKind.CEASEFIRE_BEGAN,
        EventKind.DESIGNATION,
    }
)
_ENDS = frozenset(
    {
        EventKind.ROUND_CLOSED,
        EventKind.MEMBER_LEFT,
        EventKind.POSITION_ENDED,
        EventKind.RELATION_ENDED,
        EventKind.CEASEFIRE_ENDED,
        EventKind.DESIGNATION_LIFTED,
        EventKind.INCIDENT_ENDED,
    }
)


def event_date(record: Record, kind: EventKind) -> PartialDate:
    """The date of the ``kind`` event of ``record`` (a period's start or end, or the
    record's own date; an incident's date or the start of its period)."""
    if kind in _STARTS:
        return record.period.start  # type: ignore[attr-defined, no-any-return]
    if kind in _ENDS:
        return record.period.end  # type: ignore[attr-defined, no-any-return]
    if isinstance(record, Incident) and record.date is None:
        return record.span.start
    return record.date  # type: ignore[attr-defined, no-any-return]


def event_kinds(record: Record, resigned: Container[str] = frozenset()) -> tuple[EventKind, ...]:
    """The kinds of event one record implies, without building the events.

    ``resigned`` holds the ids of memberships ended by a resignation, whose end is
    told by the resignation's own event rather than a second "left" event.
    """
    if isinstance(record, Incident):
        if record.period is None:
            return _INCIDENT
        return _INCIDENT if record.period.end is None else _INCIDENT_SPAN
    if isinstance(record, Claim):
        return () if record.date is None else _CLAIM
    if isinstance(record, Designation):
        if record.period is None:
            return ()
        return _DESIGNATED if record.period.end is None else _DESIGNATED_LIFTED
    if isinstance(record, Resignation):
        return _RESIGNED
    pair = _PAIRS.get(record.record_type)
    if pair is None or not isinstance(record, _PERIODIC):
        return ()
    if record.period.end is None or (isinstance(record, Membership) and record.id in resigned):
        return pair[:1]
    return pair


_INCIDENT = (EventKind.INCIDENT,)
_INCIDENT_SPAN = (EventKind.INCIDENT, EventKind.INCIDENT_ENDED)
_RESIGNED = (EventKind.MEMBER_RESIGNED,)
_CLAIM = (EventKind.CLAIM,)
_DESIGNATED = (EventKind.DESIGNATION,)
_DESIGNATED_LIFTED = (EventKind.DESIGNATION, EventKind.DESIGNATION_LIFTED)
_PERIODIC = (Round, Membership, Position, Relation, Ceasefire)
_PAIRS = {
    "round": (EventKind.ROUND_OPENED, EventKind.ROUND_CLOSED),
    "membership": (EventKind.MEMBER_JOINED, EventKind.MEMBER_LEFT),
    "position": (EventKind.POSITION_STATED, EventKind.POSITION_ENDED),
    "relation": (EventKind.RELATION_BEGAN, EventKind.RELATION_ENDED),
    "ceasefire": (EventKind.CEASEFIRE_BEGAN, EventKind.CEASEFIRE_ENDED),
}


def make_event(record: Record, kind: EventKind) -> Event:
    """The ``kind`` event of ``record``, with its summary line.

    Incidents and claims, most of any large corpus, take a short path that builds
    the same (equal) event without attrs' frozen ``__init__``: queries that return
    thousands of events spend their time here.
    """
    cls = type(record)
    if cls is Incident and record.period is None:  # type: ignore[attr-defined]
        return _fast_event(
            record.date,  # type: ignore[attr-defined]
            kind,
            record.id,
            f"{record.kind} in {record.place}{_phrase(record.description)}",  # type: ignore[attr-defined]
        )
    if cls is Claim:
        return _fast_event(record.date, kind, record.id, claim_summary(record))  # type: ignore[attr-defined, arg-type]
    return Event(event_date(record, kind), kind, record.id, _summary(record, kind))


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


def _summary(record: Any, kind: EventKind) -> str:
    if isinstance(record, Round):
        at = f" at {record.venue}" if record.venue is not None else ""
        label = f"round {record.number} of {record.process}{at}"
        if kind is EventKind.ROUND_OPENED:
            return f"{label} opened"
        outcome = "outcome unknown" if record.outcome is None else record.outcome.value
        return f"{label} closed: {outcome}"
    if isinstance(record, Membership):
        who = f"{record.person} ({record.role}) in {record.delegation}"
        return f"{who} joined" if kind is EventKind.MEMBER_JOINED else f"{who} left"
    if isinstance(record, Resignation):
        return f"{record.person} resigned{_phrase(record.reason)}"
    if isinstance(record, Position):
        what = f"{record.holder} on {record.issue}: {record.stance}"
        return what if kind is EventKind.POSITION_STATED else f"{what} (ended)"
    if isinstance(record, Relation):
        what = f"{record.source} {record.kind.value} {record.target}"
        return what if kind is EventKind.RELATION_BEGAN else f"{what} (ended)"
    if isinstance(record, Ceasefire):
        if kind is EventKind.CEASEFIRE_ENDED:
            return f"ceasefire {record.name} ended"
        excluded = ", ".join(e.party for e in record.exclusions)
        return f"ceasefire {record.name} began" + (f"; excludes {excluded}" if excluded else "")
    if isinstance(record, Designation):
        if kind is EventKind.DESIGNATION_LIFTED:
            return f"{record.by} lifted its designation of {record.party}: {record.label}"
        return f"{record.by} designated {record.party}: {record.label}"
    if isinstance(record, Incident):
        what = f"{record.kind} in {record.place}{_phrase(record.description)}"
        if record.period is None:
            return what
        return f"{what} (ended)" if kind is EventKind.INCIDENT_ENDED else f"{what} (began)"
    return claim_summary(record)


def record_events(record: Record, resigned: Container[str] = frozenset()) -> Iterator[Event]:
    """The events one record implies, in the order :class:`EventKind` lists them.

    ``resigned`` holds the ids of memberships ended by a resignation, whose end is
    told by the resignation's own event rather than a second "left" event.

    Examples
    --------
    >>> from peacetrack import Membership
    >>> m = Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01/2016-05-29")
    >>> [(str(e.date), e.kind.value) for e in record_events(m)]
    [('2016-01', 'member_joined'), ('2016-05-29', 'member_left')]
    >>> [e.kind.value for e in record_events(m, resigned={"m1"})]
    ['member_joined']
    """
    for kind in event_kinds(record, resigned):
        yield make_event(record, kind)


def claim_summary(claim: Claim) -> str:
    """``"sohr: killed = 23"``, ``"turkey: killed = more than 60"``."""
    qualifier = f"{claim.qualifier.value} " if claim.qualifier is not None else ""
    value = claim.value
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return f"{claim.claimant} on {claim.about}: {claim.predicate} = {qualifier}{shown}"
