"""Plain-text descriptions of a timeline's dated records, shared by the exporters.

Each exporter renders the same :class:`Item`\\ s its own way (and escapes them its own
way): the headline and details are plain text built from the records, with people,
parties, processes and issues named rather than given by id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import attrs

from peacetrack import records
from peacetrack._display import display_name
from peacetrack.dates import PartialDate, Period
from peacetrack.records import Record
from peacetrack.timeline import Timeline

# Groups in the order they are listed; TimelineJS shows them as rows in this order.
GROUPS = (
    "Rounds",
    "Ceasefires",
    "Agreements",
    "Participation",
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
    sources: tuple[records.Source, ...]

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


def _unknown(value: object) -> str:
    if value is None:
        return "unknown"
    return str(getattr(value, "value", value))


def _when(r: Record) -> PartialDate | None:
    """The date a record's item is named at: its date, or its period's start."""
    period = getattr(r, "period", None)
    if isinstance(period, Period):
        return period.start
    date = getattr(r, "date", None)
    return date if isinstance(date, PartialDate) else None


def _first(period: Period) -> PartialDate:
    """A period's first known date: its start, or its end when the start is unknown."""
    first = period.start if period.start is not None else period.end
    assert first is not None  # a period has at least one date
    return first


def _describe(t: Timeline, r: Record) -> Item | None:
    at = _when(r)

    def name(record_id: str) -> str:
        # Parties and people by the name they had when the item starts.
        return display_name(t, record_id, at)

    def names(ids: tuple[str, ...]) -> str:
        return ", ".join(name(i) for i in ids)

    return _item(t, r, name, names)


def _span(record: Record, group: str, period: Period, headline: str, details: list[str]) -> Item:
    if period.start is None:  # an open or unknown start: shown at its end, as a point
        assert period.end is not None  # a period has at least one date
        return Item(record, group, period.end, None, False, headline, tuple(details), ())
    return Item(record, group, period.start, period.end, True, headline, tuple(details), ())


def _point(
    record: Record, group: str, date: PartialDate, headline: str, details: list[str]
) -> Item:
    return Item(record, group, date, None, False, headline, tuple(details), ())


def _item(
    t: Timeline, r: Record, name: Callable[[str], str], _names: Callable[[tuple[str, ...]], str]
) -> Item | None:
    if isinstance(r, records.Round):
        details = [
            f"Venue: {_unknown(r.venue)}",
            f"Format: {_unknown(r.format)}",
            f"Outcome: {_unknown(r.outcome)}",
        ]
        if r.delegations:
            details.append(f"Delegations: {_names(r.delegations)}")
        return _span(r, "Rounds", r.period, f"Round {r.number} of {name(r.process)}", details)
    if isinstance(r, records.Ceasefire):
        details = []
        if r.parties:
            details.append(f"Parties: {_names(r.parties)}")
        for e in r.exclusions:
            why = f" ({e.reason})" if e.reason else ""
            details.append(f"Excluded: {name(e.party)}{why}")
        if r.area:
            details.append(f"Area: {r.area}")
        if r.brokers:
            details.append(f"Brokered by: {_names(r.brokers)}")
        if r.agreement:
            details.append(f"Agreement: {name(r.agreement)}")
        return _span(r, "Ceasefires", r.period, f"Ceasefire: {r.name}", details)
    if isinstance(r, records.Participation | records.Agreement):
        return _describe_talks(t, r, name)
    if isinstance(r, records.Membership):
        headline = f"{name(r.person)}, {r.role}, {name(r.delegation)}"
        return _span(r, "Memberships", r.period, headline, [])
    if isinstance(r, records.Resignation):
        details = []
        if r.reason:
            details.append(f"Reason: {r.reason}")
        if r.quote:
            details.append(f"“{r.quote}”")
        if r.submitted_to:
            details.append(f"Submitted to: {name(r.submitted_to)}")
        return _point(r, "Resignations", r.date, f"{name(r.person)} resigns", details)
    if isinstance(r, records.Position):
        headline = f"{name(r.holder)} on {name(r.issue)}: {r.stance}"
        details = [f"Stated: {r.stated}"] if r.stated is not None else []
        if r.reason:
            details.append(f"Reason: {r.reason}")
        if r.quote:
            details.append(f"“{r.quote}”")
        return _span(r, "Positions", r.period, headline, details)
    if isinstance(r, records.Relation):
        verb = r.kind.value.replace("_", " ")
        headline = f"{name(r.source)} {verb} {name(r.target)}"
        return _span(r, "Relations", r.period, headline, [])
    if isinstance(r, records.Designation) and r.period is not None:
        headline = f"{name(r.by)} designates {name(r.party)}: {r.label}"
        if r.period.end is None:  # listed and never lifted: the moment of listing
            return _point(r, "Designations", _first(r.period), headline, [])
        return _span(r, "Designations", r.period, headline, [f"Lifted: {r.period.end}"])
    if isinstance(r, records.Incident):
        details = [r.description] if r.description else []
        if r.parties:
            details.append(f"Parties: {_names(r.parties)}")
        headline = f"{r.kind.capitalize()} in {r.place}"
        if r.period is not None:
            return _span(r, "Incidents", r.period, headline, details)
        return _point(r, "Incidents", _first(r.span), headline, details)
    if isinstance(r, records.Claim) and r.date is not None:
        value = str(r.value).lower() if isinstance(r.value, bool) else str(r.value)
        qualifier = f"{r.qualifier.value} " if r.qualifier is not None else ""
        headline = f"{name(r.claimant)}: {r.predicate} = {qualifier}{value}"
        details = [f"About: {name(r.about)}"]
        if r.quote:
            details.append(f"“{r.quote}”")
        return _point(r, "Claims", r.date, headline, details)
    return None


# -- participations and agreements (one block, for the registry-driven port) -------------

_STATUS_WORDS = {
    "invited": "invited",
    "took_part": "takes part",
    "boycotted": "boycotts the talks",
    "suspended": "suspends its participation",
    "walked_out": "walks out",
    "excluded": "excluded from the talks",
}


def _describe_talks(
    t: Timeline, r: records.Participation | records.Agreement, name: Callable[[str], str]
) -> Item | None:
    if isinstance(r, records.Agreement):
        details = [f"Kind: {r.kind.value.replace('_', ' ')}"]
        for s in r.signatories:
            details.append(f"{s.role.value.capitalize()}: {name(s.actor)}")
        if r.url:
            details.append(f"Text: {r.url}")
        return _point(r, "Agreements", r.date, r.name, details)
    if r.period is None:
        return None  # undated: nothing to place on a timeline
    role = r.role.value.replace("_", "-")
    headline = f"{name(r.actor)} {_STATUS_WORDS[r.status.value]} ({role}), {name(r.process)}"
    details = [f"Reason: {r.reason}"] if r.reason else []
    if r.round:
        details.append(f"Round: {name(r.round)}")
    return _span(r, "Participation", r.period, headline, details)


def items(t: Timeline) -> Iterator[Item]:
    """Every dated record of ``t`` described, in chronological order."""
    found = []
    for record in t.records:
        item = _describe(t, record)
        if item is not None:
            cited = tuple(
                s for s in (t.get(i) for i in record.sources) if isinstance(s, records.Source)
            )
            found.append(attrs.evolve(item, sources=cited))
    yield from sorted(found, key=Item.sort_key)


def last_date(t: Timeline) -> PartialDate | None:
    """The latest date any dated record mentions (the end an open span is drawn to)."""
    dates = [d for it in items(t) for d in (it.start, it.end) if d is not None]
    return max(dates, key=lambda d: d.latest_ordinal, default=None)
