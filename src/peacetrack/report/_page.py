"""The data model of the page: one JSON-able dict holding everything the page shows.

The HTML is an empty frame; ``report.js`` fills it from this dict, which is embedded
in the page as JSON. Every string in it is plain text (the script puts it in the page
with ``textContent``, never as HTML); every link is an ``http(s)`` URL.

Events are compact rows, ``[first_day, last_day, date_in_words, kind, sentence,
record_id, [source indexes]]`` (days as ordinals), so 20,000 of them stay small.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import attrs

from peacetrack._display import claim_value, display_name
from peacetrack._version import __version__
from peacetrack.dates import PartialDate
from peacetrack.events import Event
from peacetrack.records import Ceasefire, Round
from peacetrack.report._graph import graph_layout, snapshot_edges
from peacetrack.report._sentences import KIND_LABELS, event_sentence
from peacetrack.report._snapshots import snapshot_dates, snapshot_rows
from peacetrack.report._words import date_in_words, period_in_words
from peacetrack.timeline import Timeline

__all__ = ["page_data", "safe_url"]


def safe_url(url: str | None) -> str | None:
    """``url`` if it is an absolute http or https URL, else None (a ``javascript:``
    link must never reach an ``href``).

    >>> safe_url("https://example.org/a"), safe_url("javascript:alert(1)")
    ('https://example.org/a', None)
    """
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() in ("http", "https") and parts.netloc:
        return url.strip()
    return None


def _sources(t: Timeline) -> tuple[list[dict[str, Any]], dict[str, int]]:
    rows = [
        {
            "id": s.id,
            "title": s.title,
            "publisher": s.publisher,
            "url": safe_url(s.url),
            "published": "" if s.published is None else date_in_words(s.published),
        }
        for s in t.sources
    ]
    return rows, {s.id: i for i, s in enumerate(t.sources)}


def _refs(ids: tuple[str, ...], index: dict[str, int]) -> list[int]:
    return [index[i] for i in ids if i in index]


def _events(t: Timeline, events: tuple[Event, ...], sources: dict[str, int]) -> list[list[Any]]:
    rows: list[list[Any]] = []
    for e in events:
        record = t.get(e.record_id)
        refs = _refs(record.sources, sources) if record is not None else []
        rows.append(
            [
                e.date.earliest_ordinal,
                e.date.latest_ordinal,
                date_in_words(e.date),
                KIND_LABELS[e.kind],
                event_sentence(t, e),
                e.record_id,
                refs,
            ]
        )
    return rows


def _bands(t: Timeline, last_day: int) -> list[list[Any]]:
    """Rounds and ceasefires as spans for the overview: ``[first_day, last_day, kind,
    label, period in words]``, an open end drawn to the last event."""
    rows: list[list[Any]] = []
    spans: list[Round | Ceasefire] = [*t.rounds, *t.ceasefires]
    for r in spans:
        lo, widest = r.period.bounds(possibly=True)  # an unknown start reads at its widest
        hi = last_day if r.period.is_open else widest
        if isinstance(r, Round):
            label = f"{display_name(t, r.process)}, round {r.number}"
            rows.append([lo, max(lo, hi), "round", label, period_in_words(r.period)])
        else:
            rows.append([lo, max(lo, hi), "ceasefire", r.name, period_in_words(r.period)])
    return rows


def _contested(t: Timeline, sources: dict[str, int]) -> list[dict[str, Any]]:
    return [
        {
            "about": display_name(t, about),
            "predicate": predicate,
            "claims": [
                {
                    "claimant": display_name(t, c.claimant),
                    "value": claim_value(t, attrs.evolve(c, qualifier=None)),
                    "qualifier": "" if c.qualifier is None else c.qualifier.value,
                    "date": "" if c.date is None else date_in_words(c.date),
                    "quote": c.quote or "",
                    "sources": _refs(c.sources, sources),
                }
                for c in claims
            ],
        }
        for (about, predicate), claims in t.contested().items()
    ]


def _title(t: Timeline) -> str:
    processes = t.processes
    if len(processes) == 1:
        return processes[0].name
    return "A peacetrack timeline" if not processes else f"{len(processes)} peace processes"


def page_data(
    t: Timeline,
    *,
    at: PartialDate | None = None,
    title: str | None = None,
    max_snapshots: int = 60,
    max_graph_nodes: int = 60,
) -> dict[str, Any]:
    """Everything the page shows, as plain JSON-able data (see the module docs)."""
    source_rows, source_index = _sources(t)
    chronological = t.events()
    events = _events(t, chronological, source_index)
    first = min((e[0] for e in events), default=0)
    last = max((e[1] for e in events), default=0)
    layout = graph_layout(t, max_graph_nodes)
    node_ids = [node["id"] for node in layout["nodes"]]
    kinds = [row["kind"] for row in layout["legend"]]
    dates, distinct = snapshot_dates(chronological, max_snapshots, at)
    snapshots = []
    for d in dates:
        rows = snapshot_rows(t, t.at(d))
        rows["edges"], rows["hidden_edges"] = snapshot_edges(t, d, node_ids, kinds)
        snapshots.append(rows)

    def weight(i: int) -> tuple[int, int]:
        s = snapshots[i]
        members = sum(len(x["members"]) for x in s["delegations"])
        return (members + len(s["ceasefires"]) + len(s["rounds"]), -i)

    if at is not None:
        initial = [str(d) for d in dates].index(str(at))
    else:
        initial = max(range(len(snapshots)), key=weight, default=0)
    return {
        "title": title if title is not None else _title(t),
        "version": __version__,
        "counts": {
            "records": len(t),
            "events": len(events),
            "sources": len(source_rows),
            "dates": distinct,
        },
        "span": [first, max(first, last)],
        "events": events,
        "bands": _bands(t, last),
        "graph": layout,
        "snapshots": snapshots,
        "initial": initial,
        "contested": _contested(t, source_index),
        "sources": source_rows,
    }
