"""Plain-text descriptions of a timeline's dated records, shared by the exporters.

Each exporter renders the same :class:`Item`\\ s its own way (and escapes them its own
way): the headline and details are plain text built from the records, with people,
parties, processes and issues named rather than given by id.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from peacetrack._display import display_name as name
from peacetrack.dates import PartialDate, Period
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
    Source,
)
from peacetrack.timeline import Timeline

# Groups in the order they are listed; TimelineJS shows them as rows in this order.
GROUPS = (
    "Rounds",
    "Ceasefires",
    "Memberships",
    "Resignations",
    "Positions",
    "Relations",
    "Designations",
    "Incidents",
    "Claims",
)
_GROUP_RANK = {g: i for i, g in enumerate(GROUPS)}


@attrs.frozen
class Item:
    """One dated record, described: a span when ``end`` is set or the record is open."""

    record: Record
    group: str
    start: PartialDate
    end: PartialDate | None
    is_span: bool
    headline: str
    details: tuple[str, ...]
    sources: tuple[Source, ...]

    def sort_key(self) -> tuple[int, int, int, bool, bool, int, str]:
        return (*self.start.sort_key(), _GROUP_RANK[self.group], self.record.id)


def title(t: Timeline) -> str:
    """A title for the whole timeline: the name of its process, or of its processes.

    >>> from peacetrack import Process, Timeline
    >>> title(Timeline([Process("g", "Geneva talks"), Process("a", "Astana talks")]))
    'Astana talks and Geneva talks'
    >>> title(Timeline())
    'peacetrack timeline'
    """
    names = sorted(p.name for p in t.processes)
    if not names:
        return "peacetrack timeline"
    if len(names) > 3:
        return f"{', '.join(names[:3])} and {len(names) - 3} more processes"
    return " and ".join([", ".join(names[:-1]), names[-1]] if len(names) > 1 else names)


def _names(t: Timeline, ids: tuple[str, ...]) -> str:
    return ", ".join(name(t, i) for i in ids)


def _span(record: Record, group: str, period: Period, headline: str, details: list[str]) -> Item:
    if period.start is None:  # an open or unknown start: shown at its end, as a point
        assert period.end is not None  # a period has at least one date
        return Item(record, group, period.end, None, False, headline, tuple(details), ())
    return Item(record, group, period.start, period.end, True, headline, tuple(details), ())


def _point(
    record: Record, group: str, date: PartialDate, headline: str, details: list[str]
) -> Item:
    return Item(record, group, date, None, False, headline, tuple(details), ())


def _describe(t: Timeline, r: Record) -> Item | None:
    if isinstance(r, Round):
        details = [
            f"Venue: {r.venue}",
            f"Format: {r.format.value}",
            f"Outcome: {r.outcome.value}",
        ]
        if r.delegations:
            details.append(f"Delegations: {_names(t, r.delegations)}")
        return _span(r, "Rounds", r.period, f"Round {r.number} of {name(t, r.process)}", details)
    if isinstance(r, Ceasefire):
        details = []
        if r.parties:
            details.append(f"Parties: {_names(t, r.parties)}")
        for e in r.exclusions:
            why = f" ({e.reason})" if e.reason else ""
            details.append(f"Excluded: {name(t, e.party)}{why}")
        return _span(r, "Ceasefires", r.period, f"Ceasefire: {r.name}", details)
    if isinstance(r, Membership):
        headline = f"{name(t, r.person)}, {r.role}, {name(t, r.delegation)}"
        return _span(r, "Memberships", r.period, headline, [])
    if isinstance(r, Resignation):
        details = []
        if r.reason:
            details.append(f"Reason: {r.reason}")
        if r.quote:
            details.append(f"“{r.quote}”")
        if r.submitted_to:
            details.append(f"Submitted to: {name(t, r.submitted_to)}")
        return _point(r, "Resignations", r.date, f"{name(t, r.person)} resigns", details)
    if isinstance(r, Position):
        headline = f"{name(t, r.party)} on {name(t, r.issue)}: {r.stance}"
        return _span(r, "Positions", r.period, headline, [])
    if isinstance(r, Relation):
        verb = r.kind.value.replace("_", " ")
        headline = f"{name(t, r.source)} {verb} {name(t, r.target)}"
        return _span(r, "Relations", r.period, headline, [])
    if isinstance(r, Designation) and r.date is not None:
        headline = f"{name(t, r.by)} designates {name(t, r.party)}: {r.label}"
        return _point(r, "Designations", r.date, headline, [])
    if isinstance(r, Incident):
        details = [r.description] if r.description else []
        if r.parties:
            details.append(f"Parties: {_names(t, r.parties)}")
        return _point(r, "Incidents", r.date, f"{r.kind.capitalize()} in {r.place}", details)
    if isinstance(r, Claim) and r.date is not None:
        value = str(r.value).lower() if isinstance(r.value, bool) else str(r.value)
        qualifier = f"{r.qualifier.value} " if r.qualifier is not None else ""
        headline = f"{name(t, r.claimant)}: {r.predicate} = {qualifier}{value}"
        details = [f"About: {name(t, r.about)}"]
        if r.quote:
            details.append(f"“{r.quote}”")
        return _point(r, "Claims", r.date, headline, details)
    return None


def items(t: Timeline) -> Iterator[Item]:
    """Every dated record of ``t`` described, in chronological order."""
    found = []
    for record in t.records:
        item = _describe(t, record)
        if item is not None:
            cited = tuple(s for s in (t.get(i) for i in record.sources) if isinstance(s, Source))
            found.append(attrs.evolve(item, sources=cited))
    yield from sorted(found, key=Item.sort_key)


def last_date(t: Timeline) -> PartialDate | None:
    """The latest date any dated record mentions (the end an open span is drawn to)."""
    dates = [d for it in items(t) for d in (it.start, it.end) if d is not None]
    return max(dates, key=lambda d: d.latest_ordinal, default=None)
