"""Records as people read them: by name, not by id.

One place decides how a record is named in text, so the command line, the exports
and the plots say the same thing: a party, person, process or issue by its name, a
delegation by its name or its party's, an incident by what and where, a claim by
who said what.
"""

from __future__ import annotations

from peacetrack.records import (
    Agreement,
    Claim,
    Delegation,
    Incident,
    Issue,
    Participation,
    Party,
    Person,
    Process,
    Resignation,
    Round,
)
from peacetrack.timeline import Timeline

__all__ = ["claim_value", "display_name"]


def display_name(t: Timeline, record_id: str) -> str:
    """A record's display name: people, parties, processes and issues by name."""
    record = t.get(record_id)
    if isinstance(record, Party | Person | Process | Issue):
        return record.name
    if isinstance(record, Delegation):
        return record.name or f"{display_name(t, record.party)} delegation"
    if isinstance(record, Incident):
        return f"{record.kind} in {record.place}, {record.date}"
    if isinstance(record, Resignation):
        return f"{display_name(t, record.person)}'s resignation"
    if isinstance(record, Claim):
        return f"{display_name(t, record.claimant)}: {record.predicate} = {claim_value(t, record)}"
    if isinstance(record, Round):
        return f"round {record.number}"
    if isinstance(record, Agreement):
        return record.name
    if isinstance(record, Participation):
        return f"{display_name(t, record.actor)} ({record.role.value.replace('_', '-')})"
    return record_id


def claim_value(t: Timeline, claim: Claim) -> str:
    """A claim's value as read aloud: yes/no, a bound, a record by name."""
    value = claim.value
    if isinstance(value, bool):
        shown = "yes" if value else "no"
    elif isinstance(value, str) and value in t:
        shown = display_name(t, value)
    else:
        shown = str(value)
    return f"{claim.qualifier.value} {shown}" if claim.qualifier is not None else shown
