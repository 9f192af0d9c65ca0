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

from peacetrack import records
from peacetrack._other_names import name_at
from peacetrack.dates import PartialDate
from peacetrack.records import Record

__all__ = [
    "NAMES",
    "RELATION_VERBS",
    "SENTENCES",
    "STATUS_VERBS",
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
    in, by id otherwise; as of a date with :meth:`on` (a renamed party by the name it
    had then). Names are cached, so a long list of events pays for each name once.

    ``several_processes`` says whether rounds should name their process.
    """

    __slots__ = ("_cache", "_dated", "at", "lookup", "several_processes")

    def __init__(self, lookup: Lookup | None = None, *, several_processes: bool = False) -> None:
        self.lookup = lookup
        self.several_processes = several_processes
        self.at: PartialDate | None = None
        self._cache: dict[tuple[str, PartialDate | None], str] = {}
        self._dated: list[bool] = []  # worked out once, shared with the dated views

    def _has_dated_names(self) -> bool:
        if not self._dated:
            holders = (*getattr(self.lookup, "parties", ()), *getattr(self.lookup, "people", ()))
            self._dated.append(
                any(n.period is not None for r in holders for n in getattr(r, "names", ()))
            )
        return self._dated[0]

    def on(self, at: PartialDate | None) -> Words:
        """These words as of ``at``: parties and people by the names they had then (the
        same words when no name is dated, as in most timelines)."""
        if at is None or self.lookup is None or not self._has_dated_names():
            return self
        dated = Words(self.lookup, several_processes=self.several_processes)
        dated.at, dated._cache, dated._dated = at, self._cache, self._dated
        return dated

    def name(self, record_id: str) -> str:
        """The display name of the record with this id (the id itself when unknown)."""
        if self.lookup is None:
            return record_id
        key = (record_id, self.at)
        try:
            return self._cache[key]
        except KeyError:
            found = self._cache[key] = display_name(self.lookup, record_id, self.at)
            return found

    def names(self, ids: tuple[str, ...]) -> str:
        """Several ids named, comma-separated."""
        return ", ".join(map(self.name, ids))

    def value(self, claim: records.Claim) -> str:
        """A claim's value as read aloud (see :func:`claim_value`)."""
        if self.lookup is None:
            return _shown(claim.value, claim)
        return claim_value(self.lookup, claim, self.at)


_IDS = Words()


# -- names ---------------------------------------------------------------------------------


def _by_name(t: Lookup, r: Any, at: PartialDate | None) -> str:
    return str(r.name)


def _as_called(t: Lookup, r: Any, at: PartialDate | None) -> str:
    """A party or person by the name it had on ``at``, its canonical name in brackets
    where the two differ: "Jabhat Fateh al-Sham (Nusra Front)"."""
    if at is None or not r.names:
        return str(r.name)
    then = name_at(r.name, r.names, at, None)
    return then if then == r.name else f"{then} ({r.name})"


NAMES: dict[type[Record], Callable[[Lookup, Any, PartialDate | None], str]] = {
    records.Party: _as_called,
    records.Person: _as_called,
    records.Process: _by_name,
    records.Issue: _by_name,
    records.Ceasefire: _by_name,
    records.Source: lambda t, r, at: r.title,
    records.Delegation: lambda t, r, at: r.name or f"{display_name(t, r.party, at)} delegation",
    records.Round: lambda t, r, at: f"round {r.number}",
    records.Membership: lambda t, r, at: (
        f"{display_name(t, r.person, at)} in {display_name(t, r.delegation, at)} ({r.role})"
    ),
    records.Resignation: lambda t, r, at: f"{display_name(t, r.person, at)}'s resignation",
    records.Position: lambda t, r, at: (
        f"{display_name(t, r.holder, at)} on {display_name(t, r.issue, at)}: {r.stance}"
    ),
    records.Designation: lambda t, r, at: (
        f"{display_name(t, r.by, at)} designating {display_name(t, r.party, at)} {r.label}"
    ),
    records.Relation: lambda t, r, at: (
        f"{display_name(t, r.source, at)} {RELATION_VERBS[r.kind.value]} "
        f"{display_name(t, r.target, at)}"
    ),
    records.Incident: lambda t, r, at: f"{r.kind} in {r.place}, {r.date or r.period}",
    records.Claim: lambda t, r, at: (
        f"{display_name(t, r.claimant, at)}: {r.predicate} = {claim_value(t, r, at)}"
    ),
    records.Agreement: _by_name,
    records.Participation: lambda t, r, at: f"{display_name(t, r.actor, at)} ({_role(r.role)})",
}
"""How each record type is named, by class."""


def display_name(t: Lookup, record_id: str, at: PartialDate | None = None) -> str:
    """A record's display name: people, parties, processes and issues by name, the
    others by what they are (:data:`NAMES`); an unknown id as itself. With ``at``, a
    party or person by the name it had then (and its canonical name, in brackets,
    where that differs)."""
    record = t.get(record_id)
    rule = NAMES.get(type(record))
    return record_id if rule is None else rule(t, record, at)


def _shown(value: object, claim: records.Claim) -> str:
    shown = ("yes" if value else "no") if isinstance(value, bool) else str(value)
    return f"{claim.qualifier.value} {shown}" if claim.qualifier is not None else shown


def claim_value(t: Lookup, claim: records.Claim, at: PartialDate | None = None) -> str:
    """A claim's value as read aloud: yes/no, a bound, a record by name (as of ``at``)."""
    value = claim.value
    if isinstance(value, str) and not isinstance(t.get(value), records.Claim | None):
        # A record by its name; a claim (itself or another) by its id, since naming a
        # claim names its value, which may name a claim in turn.
        return _shown(display_name(t, value, at), claim)
    return _shown(value, claim)


# -- sentences -----------------------------------------------------------------------------


def unknown(value: Any) -> str:
    """An optional enum or text as shown: its value, or "unknown"."""
    if value is None:
        return "unknown"
    return str(getattr(value, "value", value))


def _round(r: records.Round, opened: bool, w: Words) -> str:
    of = f" of {w.name(r.process)}" if w.several_processes else ""
    if opened:
        where = f" in {r.venue}" if r.venue is not None else ""
        how = f" ({r.format.value} talks)" if r.format is not None else ""
        return f"Round {r.number}{of} opens{where}{how}"
    return f"Round {r.number}{of} ends: {unknown(r.outcome)}"


def _resignation(r: records.Resignation, w: Words) -> str:
    to = f", to the {w.name(r.submitted_to)}" if r.submitted_to else ""
    because = f": {r.reason.rstrip('.')}" if r.reason else ""
    said = f' Quote: "{r.quote}"' if r.quote else ""
    return f"{w.name(r.person)} resigns{to}{because}.{said}"


def _ceasefire(r: records.Ceasefire, began: bool, w: Words) -> str:
    if not began:
        return f"{r.name} ends"
    excluded = ", ".join(w.name(e.party) for e in r.exclusions)
    return f"{r.name} takes effect" + (f"; excludes {excluded}" if excluded else "")


def incident_sentence(r: records.Incident, first: bool = True) -> str:
    """What an incident's event says: ``"Air strike in Idlib: description"``; a lasting
    incident's start says until when, its end that it ends."""
    text = f"{r.kind.capitalize()} in {r.place}"
    if not first:
        return f"{text} ends"
    if r.period is not None:
        text += f" (until {r.period.end or 'no end known'})"
    return f"{text}: {r.description}" if r.description else text


def claim_sentence(r: records.Claim, w: Words = _IDS) -> str:
    """What a claim's event says: who, about what, what (names as of the claim's date)."""
    w = w.on(r.date)
    quote = f'; "{r.quote}"' if r.quote else ""
    return f"{w.name(r.claimant)} (on {w.name(r.about)}): {r.predicate} = {w.value(r)}{quote}"


def _role(role: Any) -> str:
    return str(role.value).replace("_", "-")


STATUS_VERBS = {
    records.ParticipationStatus.INVITED: "invited",
    records.ParticipationStatus.TOOK_PART: "takes part",
    records.ParticipationStatus.BOYCOTTED: "boycotts the talks",
    records.ParticipationStatus.SUSPENDED: "suspends its participation",
    records.ParticipationStatus.WALKED_OUT: "walks out",
    records.ParticipationStatus.EXCLUDED: "excluded from the talks",
}
"""What a participation's status says of its actor."""


def _participation(r: records.Participation, first: bool, w: Words) -> str:
    where = w.name(r.round) if r.round else w.name(r.process)
    if w.several_processes and r.round:
        where += f" of {w.name(r.process)}"
    role = "" if r.role.value == "participant" else f" as {_role(r.role)}"
    ended = "" if first else " (ended)"
    because = f": {r.reason}" if r.reason and first else ""
    return f"{w.name(r.actor)} {STATUS_VERBS[r.status]}{role}, {where}{ended}{because}"


def _agreement(r: records.Agreement, w: Words) -> str:
    signed = ", ".join(w.name(s.actor) for s in r.signatories)
    by = f"; signed by {signed}" if signed else ""
    return f"{r.name} ({r.kind.value.replace('_', ' ')}){by}"


def _quoted(text: str | None) -> str:
    return f'; "{text}"' if text else ""


def _position(r: records.Position, first: bool, w: Words) -> str:
    line = f"{w.name(r.holder)}, on {w.name(r.issue)}: {r.stance}"
    if not first:
        return f"{line} (ended)"
    stated = f", stated {r.stated}" if r.stated is not None else ""
    because = f"; because {r.reason.rstrip('.')}" if r.reason else ""
    return f"{line}{stated}{because}{_quoted(r.quote)}"


def _ended(first: bool) -> str:
    return "" if first else " (ended)"


SENTENCES: dict[type[Record], Callable[[Any, bool, Words], str]] = {
    records.Round: _round,
    # The same line for joining and leaving: the event's kind says which.
    records.Membership: lambda r, first, w: (
        f"{w.name(r.person)}: {r.role} ({w.name(r.delegation)})"
    ),
    records.Resignation: lambda r, first, w: _resignation(r, w),
    records.Position: lambda r, first, w: _position(r, first, w),
    records.Relation: lambda r, first, w: (
        f"{w.name(r.source)}: {RELATION_VERBS[r.kind.value]} {w.name(r.target)}{_ended(first)}"
    ),
    records.Ceasefire: _ceasefire,
    records.Designation: lambda r, first, w: (
        f"{w.name(r.by)} designates {w.name(r.party)}: {r.label}"
        if first
        else f"{w.name(r.by)} lifts its designation of {w.name(r.party)}: {r.label}"
    ),
    records.Incident: lambda r, first, w: incident_sentence(r, first),
    records.Claim: lambda r, first, w: claim_sentence(r, w),
    records.Participation: _participation,
    records.Agreement: lambda r, first, w: _agreement(r, w),
}
"""What each dated record type's events say, by class: ``(record, first, words)``,
where ``first`` is true for the event that opens a period (or the only event)."""


def sentence(
    record: Record, first: bool, words: Words | None = None, at: PartialDate | None = None
) -> str:
    """The line an event of ``record`` reads as; ``first`` is true for the event that
    opens a period, false for the one that closes it. Names are as of ``at`` (the
    event's date), when given."""
    return SENTENCES[type(record)](record, first, (words or _IDS).on(at))
