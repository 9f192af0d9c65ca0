"""How the command line shows a timeline: names, labels, aligned tables, JSON.

The renderings read records by name, not by id ("Mohammed Alloush resigns", not
"alloush resigned"), keep every date at its precision, and wrap to the terminal.
They are private: the command line is the public face.
"""

from __future__ import annotations

import shutil
import textwrap
from collections.abc import Sequence
from typing import Any

from peacetrack._display import (
    RELATION_VERBS,
    STATUS_VERBS,
    Words,
    claim_sentence,
    sentence,
    unknown,
)
from peacetrack._display import claim_value as _value
from peacetrack._display import display_name as _name
from peacetrack.dates import PartialDate
from peacetrack.events import Event, EventKind
from peacetrack.records import (
    Claim,
)
from peacetrack.timeline import Snapshot, Timeline

# -- names and labels -----------------------------------------------------------------------


_KIND_LABELS = {
    EventKind.ROUND_OPENED: "round opens",
    EventKind.ROUND_CLOSED: "round ends",
    EventKind.MEMBER_JOINED: "in post",
    EventKind.MEMBER_RESIGNED: "RESIGNS",
    EventKind.MEMBER_LEFT: "leaves",
    EventKind.POSITION_STATED: "position",
    EventKind.POSITION_ENDED: "position ends",
    EventKind.RELATION_BEGAN: "relation",
    EventKind.RELATION_ENDED: "relation ends",
    EventKind.CEASEFIRE_BEGAN: "ceasefire",
    EventKind.CEASEFIRE_ENDED: "ceasefire ends",
    EventKind.DESIGNATION: "designation",
    EventKind.DESIGNATION_LIFTED: "delisted",
    EventKind.INCIDENT: "incident",
    EventKind.INCIDENT_ENDED: "incident ends",
    EventKind.CLAIM: "claim",
    EventKind.PARTICIPATION_BEGAN: "talks",
    EventKind.PARTICIPATION_ENDED: "talks ends",
    EventKind.AGREEMENT: "agreement",
}
DISPUTED = "disputed"
"""The kind shown for a claim that other claims contradict."""


def _claim_line(t: Timeline, claim: Claim) -> str:
    return claim_sentence(claim, Words(t))


# -- participations and agreements (one block, for the registry-driven port) -------------


def _contested_ids(t: Timeline) -> set[str]:
    return {c.id for claims in t.contested().values() for c in claims}


# -- tables -----------------------------------------------------------------------------------


def terminal_width() -> int:
    """The terminal width, kept between 72 and 100 columns."""
    return max(72, min(shutil.get_terminal_size((100, 24)).columns, 100))


def _table(rows: Sequence[tuple[str, ...]], width: int) -> list[str]:
    """Align columns; the last column wraps under itself."""
    if not rows:
        return []
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    indent = sum(widths) + 2 * len(widths)
    room = max(width - indent, 30)
    lines = []
    for row in rows:
        head = "".join(cell.ljust(w + 2) for cell, w in zip(row, widths, strict=False))
        wrapped = textwrap.wrap(row[-1], room) or [""]
        lines.append((head + wrapped[0]).rstrip())
        lines.extend(" " * indent + more for more in wrapped[1:])
    return lines


def _rule(title: str, width: int) -> str:
    return f"-- {title} " + "-" * max(width - len(title) - 4, 3)


def _header(t: Timeline, width: int) -> list[str]:
    lines: list[str] = []
    for process in t.processes:
        lines.append(process.name)
        lines.append("=" * min(len(process.name), width))
        for mediator in t.mediators(process.id):
            roles = sorted({m.role for m in t.memberships if m.person == mediator})
            role = f" ({', '.join(roles)})" if roles else ""
            lines.append(f"Mediator: {_name(t, mediator)}{role}")
        rounds = sorted((r for r in t.rounds if r.process == process.id), key=lambda r: r.number)
        rows = []
        for r in rounds:
            rows.append(
                (
                    f"Round {r.number}",
                    f"{_end(r.period.start, r.period.unknown_start)} to "
                    f"{_end(r.period.end, r.period.unknown_end)}",
                    f"{unknown(r.venue)}, {unknown(r.format)}, {unknown(r.outcome)}",
                )
            )
        lines.extend("  " + line for line in _table(rows, width - 2))
        lines.append("")
    n_sources = len(t.sources)
    counts = f"{len(t)} records, {n_sources} sources, {len(t.claims)} claims"
    lines.append(f"{counts}; {len(t.contested())} questions on which the claims disagree.")
    return lines


# -- timeline ---------------------------------------------------------------------------------


def _summary(t: Timeline, event: Event, words: Words) -> str:
    """An event's summary; with several processes, a round's names its process."""
    if words.several_processes and event.kind in _ROUND_KINDS:
        return str(sentence(t[event.record_id], event.kind is EventKind.ROUND_OPENED, words))
    return event.summary


_ROUND_KINDS = frozenset({EventKind.ROUND_OPENED, EventKind.ROUND_CLOSED})


def timeline_text(t: Timeline, width: int) -> str:
    disputed = _contested_ids(t)
    words = Words(t, several_processes=len(t.processes) > 1)
    rows = [("DATE", "WHAT", "")]
    for event in t.events():
        label = _KIND_LABELS.get(event.kind, event.kind.value)
        if event.kind is EventKind.CLAIM and event.record_id in disputed:
            label = DISPUTED
        rows.append((str(event.date), label, _summary(t, event, words)))
    lines = [*_header(t, width), "", *_table(rows, width)]
    undated = [c for c in t.claims if c.date is None]
    if undated:
        lines += ["", _rule("Standing claims (no date)", width)]
        lines += [
            line
            for c in undated
            for line in textwrap.wrap(_claim_line(t, c), width, subsequent_indent="  ")
        ]
    standing = [g for g in t.designations if g.period is None]
    if standing:
        lines += ["", _rule("Standing designations (no date)", width)]
        lines += [
            line
            for g in standing
            for line in textwrap.wrap(
                sentence(g, True, words), width, initial_indent="", subsequent_indent="  "
            )
        ]
    contested = t.contested()
    if contested:
        lines += ["", _rule("Contested: the sources disagree", width)]
        for (about, predicate), claims in contested.items():
            lines.append(f"{_name(t, about)} -- {predicate}")
            rows = [
                (f"  {_name(t, c.claimant)}", str(c.date or "undated"), _value(t, c))
                for c in claims
            ]
            lines.extend(_table(rows, width))
    lines += ["", "Dates keep their precision: 2016-04 is a month, 2016-05-30~ about that day."]
    return "\n".join(lines)


def _claim_json(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "claimant": c.claimant,
        "value": c.value,
        "qualifier": None if c.qualifier is None else c.qualifier.value,
        "date": None if c.date is None else str(c.date),
        "quote": c.quote,
    }


def timeline_json(t: Timeline) -> dict[str, Any]:
    disputed = _contested_ids(t)
    words = Words(t, several_processes=len(t.processes) > 1)
    return {
        "processes": [
            {
                "id": p.id,
                "name": p.name,
                "mediator": p.mediator,
                "mediators": list(t.mediators(p.id)),
                "rounds": [
                    {
                        "id": r.id,
                        "number": r.number,
                        "period": str(r.period),
                        "venue": r.venue,
                        "format": None if r.format is None else r.format.value,
                        "outcome": None if r.outcome is None else r.outcome.value,
                    }
                    for r in sorted(t.rounds, key=lambda r: r.number)
                    if r.process == p.id
                ],
            }
            for p in t.processes
        ],
        "events": [
            {
                "date": str(e.date),
                "precision": e.date.precision.value,
                "kind": e.kind.value,
                "record_id": e.record_id,
                "summary": _summary(t, e, words),
                "disputed": e.record_id in disputed,
            }
            for e in t.events()
        ],
        "contested": [
            {"about": about, "predicate": predicate, "claims": [_claim_json(c) for c in claims]}
            for (about, predicate), claims in t.contested().items()
        ],
        "undated_claims": [_claim_json(c) for c in t.claims if c.date is None],
    }


# -- snapshot ---------------------------------------------------------------------------------


def _end(d: Any, unknown: bool) -> str:
    return str(d) if d is not None else "unknown" if unknown else "open"


def _since(period: Any) -> str:
    start = period.start if period.start is not None else _end(None, period.unknown_start)
    until = "" if period.is_open else f", until {_end(period.end, period.unknown_end)}"
    return f"since {start}{until}"


def snapshot_text(t: Timeline, s: Snapshot, width: int) -> str:
    reading = "may have been in force" if s.possibly else "was certainly in force"
    lines = [f"What {reading} at {s.date}", ""]

    day = s.date if isinstance(s.date, PartialDate) else None  # a window: canonical names

    def name(record_id: str) -> str:
        return _name(t, record_id, day)

    def section(title: str, rows: list[tuple[str, ...]]) -> None:
        lines.append(_rule(title, width))
        lines.extend(_table(rows, width) if rows else ["  (none)"])
        lines.append("")

    section(
        "Rounds in progress",
        [
            (f"  Round {r.number}", str(r.period), f"{name(r.process)}, {unknown(r.venue)}")
            for r in s.rounds_in_progress
        ],
    )
    section(
        "Members by delegation",
        [
            (f"  {name(d)}", f"{name(m.person)}, {m.role}, {_since(m.period)}")
            for d, members in s.members.items()
            for m in members
        ],
    )
    section(
        "Positions",
        [
            (f"  {name(holder)}", f"on {name(issue)}: {p.stance}")
            for (holder, issue), p in s.positions.items()
        ],
    )
    section(
        "Ceasefires in force",
        [(f"  {c.name}", _since(c.period)) for c in s.ceasefires_in_force],
    )
    reasons = {e.party: e.reason for c in s.ceasefires_in_force for e in c.exclusions}
    section(
        "Excluded from a ceasefire in force",
        [(f"  {name(p)}", reasons.get(p) or "") for p in sorted(s.excluded)],
    )
    section(
        "Designations in force",
        [
            (
                f"  {_since(g.period) if g.period else 'undated'}",
                f"{name(g.by)} designates {name(g.party)}",
                g.label,
            )
            for g in s.designations
        ],
    )
    section(
        "Relations in force",
        [
            (f"  {name(r.source)}", RELATION_VERBS[r.kind.value], name(r.target))
            for r in s.relations
        ],
    )
    section(
        "Who takes part in the talks",
        [
            (f"  {_name(t, process)}", role.value.replace("_", "-"), _names(t, actors))
            for process, by_role in s.participants.items()
            for role, actors in by_role.items()
        ],
    )
    section(
        "Excluded from or staying away from the talks",
        list(
            dict.fromkeys(  # one row per actor and status, whatever the roles
                (f"  {_name(t, p.process)}", _name(t, p.actor), STATUS_VERBS[p.status])
                for p in s.participations
                if p.actor in s.excluded_from_talks.get(p.process, ())
                or p.actor in s.boycotting.get(p.process, ())
            )
        ),
    )
    section(
        "Agreements in force",
        [(f"  {a.date}", a.name, a.kind.value.replace("_", " ")) for a in s.agreements_in_force],
    )
    section(
        "Incidents",
        [
            (f"  {i.date or i.period}", f"{i.kind.capitalize()} in {i.place}", i.description or "")
            for i in s.incidents
        ],
    )
    return "\n".join(lines).rstrip()


def _names(t: Timeline, ids: Sequence[str]) -> str:
    return ", ".join(_name(t, i) for i in ids)


def snapshot_json(s: Snapshot) -> dict[str, Any]:
    return {
        "date": str(s.date),
        "possibly": s.possibly,
        "rounds_in_progress": [r.id for r in s.rounds_in_progress],
        "members": {d: [m.id for m in ms] for d, ms in s.members.items()},
        "positions": [
            {"holder": holder, "issue": issue, "stance": p.stance, "position": p.id}
            for (holder, issue), p in s.positions.items()
        ],
        "ceasefires_in_force": [c.id for c in s.ceasefires_in_force],
        "excluded": sorted(s.excluded),
        "designations": [g.id for g in s.designations],
        "relations": [r.id for r in s.relations],
        "participations": [p.id for p in s.participations],
        "participants": {
            process: {role.value: list(actors) for role, actors in by_role.items()}
            for process, by_role in s.participants.items()
        },
        "mediators": {k: list(v) for k, v in s.mediators.items()},
        "excluded_from_talks": {k: sorted(v) for k, v in s.excluded_from_talks.items()},
        "boycotting": {k: sorted(v) for k, v in s.boycotting.items()},
        "agreements_in_force": [a.id for a in s.agreements_in_force],
        "incidents": [i.id for i in s.incidents],
    }
