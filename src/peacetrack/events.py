"""Events: the dated moments a timeline's records imply, in one chronological stream.

A record becomes zero, one or two events: a round opens and closes, a member joins
and resigns, a ceasefire begins and ends, an incident happens, a claim is made. A
record without a date (an undated claim, say) has no event; it is still in the
timeline and answers every other query.

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
from collections.abc import Iterator

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


def record_events(record: Record, resigned: frozenset[str] = frozenset()) -> Iterator[Event]:
    """The events one record implies.

    ``resigned`` holds the ids of memberships ended by a resignation, whose end is
    told by the resignation's own event rather than a second "left" event.
    """
    rid = record.id
    if isinstance(record, Round):
        label = f"round {record.number} of {record.process} at {record.venue}"
        yield Event(record.period.start, EventKind.ROUND_OPENED, rid, f"{label} opened")
        if record.period.end is not None:
            yield Event(
                record.period.end,
                EventKind.ROUND_CLOSED,
                rid,
                f"{label} closed: {record.outcome.value}",
            )
    elif isinstance(record, Membership):
        who = f"{record.person} ({record.role}) in {record.delegation}"
        yield Event(record.period.start, EventKind.MEMBER_JOINED, rid, f"{who} joined")
        if record.period.end is not None and rid not in resigned:
            yield Event(record.period.end, EventKind.MEMBER_LEFT, rid, f"{who} left")
    elif isinstance(record, Resignation):
        yield Event(
            record.date,
            EventKind.MEMBER_RESIGNED,
            rid,
            f"{record.person} resigned{_phrase(record.reason)}",
        )
    elif isinstance(record, Position):
        what = f"{record.party} on {record.issue}: {record.stance}"
        yield Event(record.period.start, EventKind.POSITION_STATED, rid, what)
        if record.period.end is not None:
            yield Event(record.period.end, EventKind.POSITION_ENDED, rid, f"{what} (ended)")
    elif isinstance(record, Relation):
        what = f"{record.source} {record.kind.value} {record.target}"
        yield Event(record.period.start, EventKind.RELATION_BEGAN, rid, what)
        if record.period.end is not None:
            yield Event(record.period.end, EventKind.RELATION_ENDED, rid, f"{what} (ended)")
    elif isinstance(record, Ceasefire):
        excluded = ", ".join(e.party for e in record.exclusions)
        began = f"ceasefire {record.name} began" + (f"; excludes {excluded}" if excluded else "")
        yield Event(record.period.start, EventKind.CEASEFIRE_BEGAN, rid, began)
        if record.period.end is not None:
            yield Event(
                record.period.end, EventKind.CEASEFIRE_ENDED, rid, f"ceasefire {record.name} ended"
            )
    elif isinstance(record, Designation):
        if record.date is not None:
            yield Event(
                record.date,
                EventKind.DESIGNATION,
                rid,
                f"{record.by} designated {record.party}: {record.label}",
            )
    elif isinstance(record, Incident):
        yield Event(
            record.date,
            EventKind.INCIDENT,
            rid,
            f"{record.kind} in {record.place}{_phrase(record.description)}",
        )
    elif isinstance(record, Claim) and record.date is not None:
        yield Event(record.date, EventKind.CLAIM, rid, claim_summary(record))


def claim_summary(claim: Claim) -> str:
    """``"sohr: killed = 23"``, ``"turkey: killed = more than 60"``."""
    qualifier = f"{claim.qualifier.value} " if claim.qualifier is not None else ""
    value = claim.value
    shown = str(value).lower() if isinstance(value, bool) else str(value)
    return f"{claim.claimant} on {claim.about}: {claim.predicate} = {qualifier}{shown}"
