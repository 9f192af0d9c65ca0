"""What the page shows for each snapshot date: ``Timeline.at`` turned into rows of names.

The snapshot dates are the dates on which something happens (every distinct event
date), thinned evenly to at most ``limit`` so a timeline of any size gives a slider of
a usable length; the page says how many dates there were in all.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from peacetrack._display import display_name
from peacetrack.dates import PartialDate, Period
from peacetrack.events import Event
from peacetrack.report._words import date_in_words, period_in_words
from peacetrack.timeline import Snapshot, Timeline


def _listed(period: Period | None) -> str:
    return "" if period is None else period_in_words(period)


__all__ = ["snapshot_dates", "snapshot_rows"]


def snapshot_dates(
    events: Sequence[Event], limit: int, at: PartialDate | None = None
) -> tuple[list[PartialDate], int]:
    """Up to ``limit`` event dates, evenly spread from the first to the last, plus ``at``;
    and how many distinct event dates there were.

    Parameters
    ----------
    events
        The timeline's events, in order (``Timeline.events()``).
    limit
        At most this many dates (at least 2), not counting ``at``.
    at
        A date to include whatever happens on it.
    """
    distinct: list[PartialDate] = []
    for event in events:  # sorted, so equal dates are neighbours
        if not distinct or distinct[-1] != event.date:
            distinct.append(event.date)
    total = len(distinct)
    if total > limit:
        step = (total - 1) / (limit - 1)
        distinct = [distinct[round(i * step)] for i in range(limit)]
    if at is not None and at not in distinct:
        distinct.append(at)
        distinct.sort()
    return distinct, total


def snapshot_rows(t: Timeline, s: Snapshot) -> dict[str, Any]:
    """The rows of one snapshot, every record by name, ready for JSON."""

    def name(record_id: str) -> str:
        return display_name(t, record_id)

    delegations = sorted(
        (
            {
                "name": name(delegation),
                "members": [
                    [name(m.person), m.role, period_in_words(m.period)] for m in memberships
                ],
            }
            for delegation, memberships in s.members.items()
            if memberships
        ),
        key=lambda row: str(row["name"]).casefold(),
    )
    ceasefires = [
        {
            "name": c.name,
            "period": period_in_words(c.period),
            "parties": [name(p) for p in c.parties],
            "exclusions": [[name(e.party), e.reason or ""] for e in c.exclusions],
        }
        for c in s.ceasefires_in_force
    ]
    assert isinstance(s.date, PartialDate)  # the report's snapshots are of dates
    return {
        "date": str(s.date),
        "words": date_in_words(s.date),
        "day": s.date.earliest_ordinal,
        "rounds": [
            f"{name(r.process)}, round {r.number}, in {r.venue or 'an unknown place'} "
            f"({period_in_words(r.period)})"
            for r in s.rounds_in_progress
        ],
        "delegations": delegations,
        "ceasefires": ceasefires,
        "excluded": sorted((name(p) for p in s.excluded), key=str.casefold),
        "designations": [
            [
                name(d.by),
                name(d.party),
                d.label,
                "" if d.period is None else period_in_words(d.period),
            ]
            for d in s.designations
        ],
        "positions": [[name(p.holder), name(p.issue), p.stance] for p in s.positions.values()],
    }
