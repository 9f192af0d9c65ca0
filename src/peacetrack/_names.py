"""Records as people read them: by name, not by id.

One place decides how a record is named in text, so the command line, the exports
and the plots say the same thing: a party, person, process or issue by its name, a
delegation by its name or its party's, an incident by what and where, a claim by
who said what. Given a date (``at=``), a party or person is named as it was called
then (:meth:`~peacetrack.Timeline.name_of`), with its canonical name after it where
the two differ: "Jabhat Fateh al-Sham (Nusra Front)".
"""

from __future__ import annotations

from peacetrack.dates import PartialDate
from peacetrack.records import (
    Claim,
    Delegation,
    Incident,
    Issue,
    Party,
    Person,
    Process,
    Resignation,
    Round,
)
from peacetrack.timeline import Timeline

__all__ = ["claim_value", "display_name"]


def display_name(t: Timeline, record_id: str, at: PartialDate | None = None) -> str:
    """A record's display name: people, parties, processes and issues by name; with
    ``at``, a party or person by the name it had then (and its canonical name, in
    brackets, where that differs)."""
    record = t.get(record_id)
    if isinstance(record, Party | Person):
        if at is None:
            return record.name
        then = t.name_of(record_id, at=at)
        return then if then == record.name else f"{then} ({record.name})"
    if isinstance(record, Process | Issue):
        return record.name
    if isinstance(record, Delegation):
        return record.name or f"{display_name(t, record.party, at)} delegation"
    if isinstance(record, Incident):
        return f"{record.kind} in {record.place}, {record.date or record.period}"
    if isinstance(record, Resignation):
        return f"{display_name(t, record.person, at)}'s resignation"
    if isinstance(record, Claim):
        who = display_name(t, record.claimant, at)
        return f"{who}: {record.predicate} = {claim_value(t, record, at)}"
    if isinstance(record, Round):
        return f"round {record.number}"
    return record_id


def claim_value(t: Timeline, claim: Claim, at: PartialDate | None = None) -> str:
    """A claim's value as read aloud: yes/no, a bound, a record by name (as of ``at``)."""
    value = claim.value
    if isinstance(value, bool):
        shown = "yes" if value else "no"
    elif isinstance(value, str) and value in t:
        shown = display_name(t, value, at)
    else:
        shown = str(value)
    return f"{claim.qualifier.value} {shown}" if claim.qualifier is not None else shown
