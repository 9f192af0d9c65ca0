"""Records in words: how a record is named, and what each of its events says.

One place turns records into text for every renderer, so the command line, event
summaries, exports, graph labels and plots say the same thing: a party, person,
process or issue by its name, a delegation by its name or its party's, an incident by
what and where, a claim by who said what. Two tables, each with one entry per record
type (a test walks the record registry and checks both):

- :data:`NAMES` — a record's name (:func:`display_name`);
- :data:`SENTENCES` — the line an event of the record reads as (:func:`sentence`).

Names come from a :class:`Words`, which looks ids up in a timeline (or anything with a
``get``); without one, records are named by their ids.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

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

__all__ = [
    "NAMES",
    "RELATION_VERBS",
    "SENTENCES",
    "Lookup",
    "Words",
    "claim_sentence",
    "claim_value",
    "display_name",
    "incident_sentence",
    "sentence",
]


class Lookup(Protocol):
    """Where names are looked up: a :class:`~peacetrack.Timeline`, or any mapping-like
    object with ``get``."""

    def get(self, record_id: str, default: Any = None, /) -> Any: ...


RELATION_VERBS = {
    "supports": "supporting",
    "allied_with": "allied with",
    "part_of": "part of",
    "fights": "fighting",
    "opposes": "opposing",
}


class Words:
    """How a renderer names records: by name when it has a timeline to look them up
    in, by id otherwise. Names are cached, so a long list of events pays for each
    name once.

    ``several_processes`` says whether rounds should name their process.
    """

    __slots__ = ("_cache", "lookup", "several_processes")

    def __init__(self, lookup: Lookup | None = None, *, several_processes: bool = False) -> None:
        self.lookup = lookup
        self.several_processes = several_processes
        self._cache: dict[str, str] = {}

    def name(self, record_id: str) -> str:
        """The display name of the record with this id (the id itself when unknown)."""
        if self.lookup is None:
            return record_id
        try:
            return self._cache[record_id]
        except KeyError:
            found = self._cache[record_id] = display_name(self.lookup, record_id)
            return found

    def names(self, ids: tuple[str, ...]) -> str:
        """Several ids named, comma-separated."""
        return ", ".join(map(self.name, ids))

    def value(self, claim: Claim) -> str:
        """A claim's value as read aloud (see :func:`claim_value`)."""
        if self.lookup is None:
            return _shown(claim.value, claim)
        return claim_value(self.lookup, claim)


_IDS = Words()


# -- names ---------------------------------------------------------------------------------


def _by_name(t: Lookup, r: Any) -> str:
    return str(r.name)


NAMES: dict[type[Record], Callable[[Lookup, Any], str]] = {
    Party: _by_name,
    Person: _by_name,
    Process: _by_name,
    Issue: _by_name,
    Ceasefire: _by_name,
    Source: lambda t, r: r.title,
    Delegation: lambda t, r: r.name or f"{display_name(t, r.party)} delegation",
    Round: lambda t, r: f"round {r.number}",
    Membership: lambda t, r: (
        f"{display_name(t, r.person)} in {display_name(t, r.delegation)} ({r.role})"
    ),
    Resignation: lambda t, r: f"{display_name(t, r.person)}'s resignation",
    Position: lambda t, r: f"{display_name(t, r.party)} on {display_name(t, r.issue)}: {r.stance}",
    Designation: lambda t, r: (
        f"{display_name(t, r.by)} designating {display_name(t, r.party)} {r.label}"
    ),
    Relation: lambda t, r: (
        f"{display_name(t, r.source)} {RELATION_VERBS[r.kind.value]} {display_name(t, r.target)}"
    ),
    Incident: lambda t, r: f"{r.kind} in {r.place}, {r.date}",
    Claim: lambda t, r: f"{display_name(t, r.claimant)}: {r.predicate} = {claim_value(t, r)}",
}
"""How each record type is named, by class."""


def display_name(t: Lookup, record_id: str) -> str:
    """A record's display name: people, parties, processes and issues by name, the
    others by what they are (:data:`NAMES`); an unknown id as itself."""
    record = t.get(record_id)
    rule = NAMES.get(type(record))
    return record_id if rule is None else rule(t, record)


def _shown(value: object, claim: Claim) -> str:
    shown = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return f"{claim.qualifier.value} {shown}" if claim.qualifier is not None else shown


def claim_value(t: Lookup, claim: Claim) -> str:
    """A claim's value as read aloud: yes/no, a bound, a record by name."""
    value = claim.value
    if isinstance(value, str) and not isinstance(t.get(value), Claim | None):
        # A record by its name; a claim (itself or another) by its id, since naming a
        # claim names its value, which may name a claim in turn.
        return _shown(display_name(t, value), claim)
    return _shown(value, claim)


# -- sentences -----------------------------------------------------------------------------


def _round(r: Round, opened: bool, w: Words) -> str:
    of = f" of {w.name(r.process)}" if w.several_processes else ""
    if opened:
        return f"Round {r.number}{of} opens in {r.venue} ({r.format.value} talks)"
    return f"Round {r.number}{of} ends: {r.outcome.value}"


def _resignation(r: Resignation, w: Words) -> str:
    to = f", to the {w.name(r.submitted_to)}" if r.submitted_to else ""
    because = f": {r.reason.rstrip('.')}" if r.reason else ""
    said = f' Quote: "{r.quote}"' if r.quote else ""
    return f"{w.name(r.person)} resigns{to}{because}.{said}"


def _ceasefire(r: Ceasefire, began: bool, w: Words) -> str:
    if not began:
        return f"{r.name} ends"
    excluded = ", ".join(w.name(e.party) for e in r.exclusions)
    return f"{r.name} takes effect" + (f"; excludes {excluded}" if excluded else "")


def incident_sentence(r: Incident) -> str:
    """What an incident's event says: ``"Air strike in Idlib: description"``."""
    text = f"{r.kind.capitalize()} in {r.place}"
    return f"{text}: {r.description}" if r.description else text


def claim_sentence(r: Claim, w: Words = _IDS) -> str:
    """What a claim's event says: who, about what, what."""
    quote = f'; "{r.quote}"' if r.quote else ""
    return f"{w.name(r.claimant)} (on {w.name(r.about)}): {r.predicate} = {w.value(r)}{quote}"


def _ended(first: bool) -> str:
    return "" if first else " (ended)"


SENTENCES: dict[type[Record], Callable[[Any, bool, Words], str]] = {
    Round: _round,
    # The same line for joining and leaving: the event's kind says which.
    Membership: lambda r, first, w: f"{w.name(r.person)}: {r.role} ({w.name(r.delegation)})",
    Resignation: lambda r, first, w: _resignation(r, w),
    Position: lambda r, first, w: (
        f"{w.name(r.party)}, on {w.name(r.issue)}: {r.stance}{_ended(first)}"
    ),
    Relation: lambda r, first, w: (
        f"{w.name(r.source)}: {RELATION_VERBS[r.kind.value]} {w.name(r.target)}{_ended(first)}"
    ),
    Ceasefire: _ceasefire,
    Designation: lambda r, first, w: f"{w.name(r.by)} designates {w.name(r.party)}: {r.label}",
    Incident: lambda r, first, w: incident_sentence(r),
    Claim: lambda r, first, w: claim_sentence(r, w),
}
"""What each dated record type's events say, by class: ``(record, first, words)``,
where ``first`` is true for the event that opens a period (or the only event)."""


def sentence(record: Record, first: bool, words: Words | None = None) -> str:
    """The line an event of ``record`` reads as; ``first`` is true for the event that
    opens a period, false for the one that closes it."""
    return SENTENCES[type(record)](record, first, words or _IDS)
