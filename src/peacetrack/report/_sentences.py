"""Each event as one sentence that names people and parties, not ids, and a label
per kind of event.

The sentences are the events' own summaries, made in :mod:`peacetrack._display`, so
the report says what the command line and the exports say.
"""

from __future__ import annotations

from peacetrack.events import Event, EventKind
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


def event_sentence(t: Timeline, event: Event) -> str:
    """One plain-English sentence for ``event``: its summary, which names people and
    parties (from :mod:`peacetrack._display`, as the command line does)."""
    return event.summary
