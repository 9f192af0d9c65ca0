"""How a Timeline and a Snapshot show themselves in a notebook.

Jupyter (and VS Code, Colab, marimo...) calls ``_repr_html_`` to show an object;
``Timeline._repr_html_`` and ``Snapshot._repr_html_`` call into this module, and
``Snapshot.__repr__`` uses :func:`snapshot_repr`. Tables are compact: counts, the date
range and the rounds for a timeline; the rounds, delegations, ceasefires and
exclusions for a snapshot. Every piece of text from the records is escaped, so a
hostile name stays text. Long tables stop at :data:`MAX_ROWS` rows and say how many
rows they left out; nothing is left out without a word.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from peacetrack.records import Round
    from peacetrack.timeline import Snapshot, Timeline

MAX_ROWS = 20
"""The most rows a table shows before it says how many more there are."""

_STYLE = (
    "<style>.peacetrack-repr table{border-collapse:collapse;margin:0.3em 0;font-size:0.9em}"
    ".peacetrack-repr caption{text-align:left;font-weight:bold}"
    ".peacetrack-repr td,.peacetrack-repr th{padding:0.15em 0.6em;text-align:left;"
    "vertical-align:top}</style>"
)


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _plural(count: int, noun: str) -> str:
    plural = noun[:-1] + "ies" if noun.endswith("y") else noun + "s"
    return f"{count} {noun if count == 1 else plural}"


def _table(caption: str, head: Sequence[str], rows: Iterable[Sequence[object]], total: int) -> str:
    """An HTML table of at most MAX_ROWS rows; ``total`` is how many rows there are."""
    out = [f"<table><caption>{_e(caption)}</caption><thead><tr>"]
    out += [f"<th>{_e(h)}</th>" for h in head]
    out.append("</tr></thead><tbody>")
    shown = 0
    for row in rows:
        if shown == MAX_ROWS:
            break
        out.append("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>")
        shown += 1
    if total > shown:
        more = f"… and {total - shown} more (of {total})"
        out.append(f'<tr><td colspan="{len(head)}"><i>{_e(more)}</i></td></tr>')
    out.append("</tbody></table>")
    return "".join(out)


def _round_rows(rounds: Sequence[Round], names: dict[str, str]) -> Iterable[list[object]]:
    for r in rounds:
        outcome = "unknown" if r.outcome is None else r.outcome.value
        venue = "unknown" if r.venue is None else r.venue
        yield [names.get(r.process, r.process), r.number, r.period, venue, outcome]


def timeline_html(t: Timeline) -> str:
    """A timeline as HTML: how many records of each kind, the dates covered, the rounds.

    Examples
    --------
    >>> from peacetrack import Process, Round, Timeline
    >>> t = Timeline([
    ...     Process("p", "<script>alert(1)</script> talks", None),
    ...     Round("r1", "p", 1, "2017-01-23/2017-01-24", "Astana", "proximity", "concluded"),
    ... ])
    >>> html = t._repr_html_()
    >>> "&lt;script&gt;alert(1)&lt;/script&gt; talks" in html, "<script>" in html
    (True, False)
    """
    counts: dict[str, int] = {}
    for record in t:
        counts[record.record_type] = counts.get(record.record_type, 0) + 1
    title = f"Timeline of {_plural(len(t), 'record')}"
    events = t.events()
    if events:
        first, last = events[0].date, events[-1].date
        title += f", {first} to {last}" if str(first) != str(last) else f", {first}"
    parts = [f'<div class="peacetrack-repr peacetrack-timeline">{_STYLE}<p><b>{_e(title)}</b></p>']
    count_rows = sorted(counts.items())
    parts.append(_table("Records", ["kind", "count"], count_rows, len(count_rows)))
    names = {p.id: p.name for p in t.processes}
    if t.rounds:
        head = ["process", "round", "period", "venue", "outcome"]
        parts.append(_table("Rounds", head, _round_rows(t.rounds, names), len(t.rounds)))
    parts.append("</div>")
    return "".join(parts)


def snapshot_html(s: Snapshot) -> str:
    """A snapshot as HTML: rounds in progress, delegations, ceasefires and exclusions.

    Examples
    --------
    >>> from peacetrack.datasets import geneva_2016
    >>> html = geneva_2016().at("2016-04-20")._repr_html_()
    >>> "Rounds in progress" in html and "Ceasefires in force" in html
    True
    """
    reading = "possibly" if s.possibly else "certainly"
    parts = [f'<div class="peacetrack-repr peacetrack-snapshot">{_STYLE}']
    parts.append(f"<p><b>{_e(f'Snapshot at {s.date}')}</b>")
    parts.append(f" ({_e(reading)} in force)</p>")
    summary = [
        ["rounds in progress", len(s.rounds_in_progress)],
        ["delegations with members", len(s.members)],
        ["memberships", sum(len(m) for m in s.members.values())],
        ["positions", len(s.positions)],
        ["ceasefires in force", len(s.ceasefires_in_force)],
        ["parties excluded", len(s.excluded)],
        ["designations", len(s.designations)],
        ["relations", len(s.relations)],
    ]
    parts.append(_table("In force", ["what", "count"], summary, len(summary)))
    if s.rounds_in_progress:
        rows = (
            [r.id, r.process, r.number, r.period, r.venue or "unknown"]
            for r in s.rounds_in_progress
        )
        head = ["round", "process", "number", "period", "venue"]
        parts.append(_table("Rounds in progress", head, rows, len(s.rounds_in_progress)))
    if s.members:
        members = [(d, m) for d, ms in sorted(s.members.items()) for m in ms]
        rows = ([d, m.person, m.role, m.period] for d, m in members)
        head = ["delegation", "person", "role", "period"]
        parts.append(_table("Delegations", head, rows, len(members)))
    if s.ceasefires_in_force:
        exclusions = [
            (c, e.party, e.reason or "") for c in s.ceasefires_in_force for e in c.exclusions
        ]
        rows_c = ([c.id, c.name, c.period, len(c.exclusions)] for c in s.ceasefires_in_force)
        head = ["ceasefire", "name", "period", "exclusions"]
        parts.append(_table("Ceasefires in force", head, rows_c, len(s.ceasefires_in_force)))
        if exclusions:
            rows_x = ([c.id, party, reason] for c, party, reason in exclusions)
            head = ["ceasefire", "excluded party", "reason"]
            parts.append(_table("Exclusions", head, rows_x, len(exclusions)))
    parts.append("</div>")
    return "".join(parts)


def snapshot_repr(s: Snapshot) -> str:
    """A one-line summary of a snapshot: its date and what it holds, by count.

    Examples
    --------
    >>> from peacetrack import Timeline
    >>> Timeline().at("2016-04")
    <Snapshot at 2016-04 (certain): nothing in force>
    """
    counts = [
        (len(s.rounds_in_progress), "round in progress", "rounds in progress"),
        (len(s.members), "delegation", "delegations"),
        (sum(len(m) for m in s.members.values()), "membership", "memberships"),
        (len(s.positions), "position", "positions"),
        (len(s.ceasefires_in_force), "ceasefire", "ceasefires"),
        (len(s.excluded), "party excluded", "parties excluded"),
        (len(s.designations), "designation", "designations"),
        (len(s.relations), "relation", "relations"),
    ]
    held = ", ".join(f"{n} {one if n == 1 else many}" for n, one, many in counts if n)
    reading = "possible" if s.possibly else "certain"
    return f"<Snapshot at {s.date} ({reading}): {held or 'nothing in force'}>"
