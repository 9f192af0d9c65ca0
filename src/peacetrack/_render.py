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

from peacetrack._names import claim_value as _value
from peacetrack._names import display_name as _name
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
from peacetrack.timeline import Snapshot, Timeline

# -- names and labels -----------------------------------------------------------------------


def _quoted(text: str | None) -> str:
    return f'; "{text}"' if text else ""


_RELATION_VERBS = {
    "supports": "supporting",
    "allied_with": "allied with",
    "part_of": "part of",
    "fights": "fighting",
    "opposes": "opposing",
}

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
}
DISPUTED = "disputed"
"""The kind shown for a claim that other claims contradict."""


def _claim_line(t: Timeline, claim: Claim) -> str:
    at = claim.date
    return (
        f"{_name(t, claim.claimant, at)} (on {_name(t, claim.about, at)}): "
        f"{claim.predicate} = {_value(t, claim, at)}{_quoted(claim.quote)}"
    )


def _unknown(value: Any) -> str:
    """An optional enum or text as shown: its value, or "unknown"."""
    if value is None:
        return "unknown"
    return str(getattr(value, "value", value))


def _round_opens(record: Round) -> str:
    where = f" in {record.venue}" if record.venue is not None else ""
    how = f" ({record.format.value} talks)" if record.format is not None else ""
    return f"opens{where}{how}"


def _summary(t: Timeline, event: Event) -> str:
    """A readable line for one event, naming people and parties rather than ids, each
    by the name it had on the event's date."""
    record = t[event.record_id]
    kind = event.kind

    def name(record_id: str) -> str:
        return _name(t, record_id, event.date)

    if isinstance(record, Round):
        of = f" of {name(record.process)}" if len(t.processes) > 1 else ""
        if kind is EventKind.ROUND_OPENED:
            return f"Round {record.number}{of} {_round_opens(record)}"
        return f"Round {record.number}{of} ends: {_unknown(record.outcome)}"
    if isinstance(record, Membership):
        return f"{name(record.person)}: {record.role} ({name(record.delegation)})"
    if isinstance(record, Resignation):
        to = f", to the {name(record.submitted_to)}" if record.submitted_to else ""
        because = f": {record.reason.rstrip('.')}" if record.reason else ""
        said = f' Quote: "{record.quote}"' if record.quote else ""
        return f"{name(record.person)} resigns{to}{because}.{said}"
    if isinstance(record, Position):
        if kind is EventKind.POSITION_ENDED:
            return f"{name(record.holder)}, on {name(record.issue)}: {record.stance} (ended)"
        stated = f", stated {record.stated}" if record.stated is not None else ""
        because = f"; because {record.reason.rstrip('.')}" if record.reason else ""
        line = f"{name(record.holder)}, on {name(record.issue)}: {record.stance}"
        return f"{line}{stated}{because}{_quoted(record.quote)}"
    if isinstance(record, Relation):
        verb = _RELATION_VERBS[record.kind.value]
        ended = " (ended)" if kind is EventKind.RELATION_ENDED else ""
        return f"{name(record.source)}: {verb} {name(record.target)}{ended}"
    if isinstance(record, Ceasefire):
        if kind is EventKind.CEASEFIRE_ENDED:
            return f"{record.name} ends"
        excluded = ", ".join(name(e.party) for e in record.exclusions)
        return f"{record.name} takes effect" + (f"; excludes {excluded}" if excluded else "")
    if isinstance(record, Designation):
        if kind is EventKind.DESIGNATION_LIFTED:
            return (
                f"{name(record.by)} lifts its designation of {name(record.party)}: {record.label}"
            )
        return f"{name(record.by)} designates {name(record.party)}: {record.label}"
    if isinstance(record, Incident):
        text = f"{record.kind.capitalize()} in {record.place}"
        if kind is EventKind.INCIDENT_ENDED:
            return f"{text} ends"
        text += f" (until {record.period.end or 'no end known'})" if record.period else ""
        return text + (f": {record.description}" if record.description else "")
    if isinstance(record, Claim):
        return _claim_line(t, record)
    return event.summary  # a record type added later: the library's own summary


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
        if process.mediator is not None:
            roles = sorted({m.role for m in t.memberships if m.person == process.mediator})
            role = f" ({', '.join(roles)})" if roles else ""
            lines.append(f"Mediator: {_name(t, process.mediator)}{role}")
        rounds = sorted((r for r in t.rounds if r.process == process.id), key=lambda r: r.number)
        rows = []
        for r in rounds:
            end = "open" if r.period.end is None else str(r.period.end)
            rows.append(
                (
                    f"Round {r.number}",
                    f"{r.period.start} to {end}",
                    f"{_unknown(r.venue)}, {_unknown(r.format)}, {_unknown(r.outcome)}",
                )
            )
        lines.extend("  " + line for line in _table(rows, width - 2))
        lines.append("")
    n_sources = len(t.sources)
    counts = f"{len(t)} records, {n_sources} sources, {len(t.claims)} claims"
    lines.append(f"{counts}; {len(t.contested())} questions on which the claims disagree.")
    return lines


# -- timeline ---------------------------------------------------------------------------------


def timeline_text(t: Timeline, width: int) -> str:
    disputed = _contested_ids(t)
    rows = [("DATE", "WHAT", "")]
    for event in t.events():
        label = _KIND_LABELS.get(event.kind, event.kind.value)
        if event.kind is EventKind.CLAIM and event.record_id in disputed:
            label = DISPUTED
        rows.append((str(event.date), label, _summary(t, event)))
    lines = [*_header(t, width), "", *_table(rows, width)]
    undated = [c for c in t.claims if c.date is None]
    if undated:
        lines += ["", _rule("Standing claims (no date)", width)]
        lines += [
            line
            for c in undated
            for line in textwrap.wrap(_claim_line(t, c), width, subsequent_indent="  ")
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
    return {
        "processes": [
            {
                "id": p.id,
                "name": p.name,
                "mediator": p.mediator,
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
                "summary": _summary(t, e),
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


def _since(period: Any) -> str:
    return f"since {period.start}" + ("" if period.end is None else f", until {period.end}")


def snapshot_text(t: Timeline, s: Snapshot, width: int) -> str:
    reading = "may have been in force" if s.possibly else "was certainly in force"
    lines = [f"What {reading} at {s.date}", ""]

    def name(record_id: str) -> str:
        return _name(t, record_id, s.date)

    def section(title: str, rows: list[tuple[str, ...]]) -> None:
        lines.append(_rule(title, width))
        lines.extend(_table(rows, width) if rows else ["  (none)"])
        lines.append("")

    section(
        "Rounds in progress",
        [
            (f"  Round {r.number}", str(r.period), f"{name(r.process)}, {_unknown(r.venue)}")
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
            (f"  {name(r.source)}", _RELATION_VERBS[r.kind.value], name(r.target))
            for r in s.relations
        ],
    )
    section(
        "Incidents",
        [
            (f"  {i.date or i.period}", f"{i.kind.capitalize()} in {i.place}", i.description or "")
            for i in s.incidents
        ],
    )
    return "\n".join(lines).rstrip()


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
        "incidents": [i.id for i in s.incidents],
    }
