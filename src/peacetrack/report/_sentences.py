"""Each event as one sentence that names people and parties, not ids.

The timeline's own event summaries are terse and use record ids; a reader of the
report wants "Mohammed Alloush resigned from the HNC delegation". Names come from
:func:`peacetrack._names.display_name`, so the report says what the command line
and the exports say.
"""

from __future__ import annotations

from peacetrack._names import claim_value, display_name
from peacetrack.events import Event, EventKind
from peacetrack.records import (
    Ceasefire,
    Claim,
    Designation,
    Incident,
    Membership,
    Position,
    Relation,
    Resignation,
    Round,
)
from peacetrack.timeline import Timeline

__all__ = ["KIND_LABELS", "event_sentence"]

KIND_LABELS: dict[EventKind, str] = {
    EventKind.ROUND_OPENED: "round opened",
    EventKind.MEMBER_JOINED: "member joined",
    EventKind.POSITION_STATED: "position stated",
    EventKind.RELATION_BEGAN: "relation began",
    EventKind.CEASEFIRE_BEGAN: "ceasefire began",
    EventKind.DESIGNATION: "designation",
    EventKind.INCIDENT: "incident",
    EventKind.CLAIM: "claim",
    EventKind.MEMBER_RESIGNED: "member resigned",
    EventKind.MEMBER_LEFT: "member left",
    EventKind.POSITION_ENDED: "position ended",
    EventKind.RELATION_ENDED: "relation ended",
    EventKind.CEASEFIRE_ENDED: "ceasefire ended",
    EventKind.ROUND_CLOSED: "round closed",
}
"""How the page labels each kind of event (every kind has a label)."""


def _also(text: str | None) -> str:
    return f" ({text})" if text else ""


def event_sentence(t: Timeline, event: Event) -> str:
    """One plain-English sentence for ``event``, naming records by display name."""
    record = t.get(event.record_id)
    kind = event.kind

    def name(record_id: str) -> str:
        return display_name(t, record_id)

    if isinstance(record, Round):
        label = f"{name(record.process)}, round {record.number}, in {record.venue}"
        if kind is EventKind.ROUND_OPENED:
            return f"{label} opened ({record.format.value} talks)"
        return f"{label} closed: {record.outcome.value}"
    if isinstance(record, Membership):
        who = f"{name(record.person)} ({record.role})"
        verb = "joined" if kind is EventKind.MEMBER_JOINED else "left"
        return f"{who} {verb} the {name(record.delegation)}"
    if isinstance(record, Resignation):
        membership = t.get(record.membership)
        where = (
            f" from the {name(membership.delegation)}" if isinstance(membership, Membership) else ""
        )
        return f"{name(record.person)} resigned{where}{_also(record.reason)}"
    if isinstance(record, Position):
        what = f"{name(record.party)} on {name(record.issue)}: {record.stance}"
        return what if kind is EventKind.POSITION_STATED else f"{what} (no longer held)"
    if isinstance(record, Relation):
        verb = record.kind.value.replace("_", " ")
        what = f"{name(record.source)} {verb} {name(record.target)}"
        return what if kind is EventKind.RELATION_BEGAN else f"{what}: ended"
    if isinstance(record, Ceasefire):
        if kind is EventKind.CEASEFIRE_ENDED:
            return f"{record.name} ended"
        excluded = ", ".join(name(e.party) for e in record.exclusions)
        return f"{record.name} began" + (f"; it excludes {excluded}" if excluded else "")
    if isinstance(record, Designation):
        return f"{name(record.by)} designated {name(record.party)}: {record.label}"
    if isinstance(record, Incident):
        return f"{record.kind} in {record.place}{_also(record.description)}"
    if isinstance(record, Claim):
        return (
            f"{name(record.claimant)} on {name(record.about)}: "
            f"{record.predicate}: {claim_value(t, record)}"
        )
    return event.summary
