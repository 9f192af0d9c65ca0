"""Export a timeline as a `TimelineJS3 <https://timeline.knightlab.com/>`_ JSON document.

Every dated record becomes one slide (an *event* in TimelineJS's terms): rounds,
ceasefires, memberships, positions, relations, lifted designations and lasting
incidents as spans with a ``start_date`` and, when they have ended, an ``end_date``;
resignations, standing designations, incidents of one date and claims as points.
Parties and people are named as they were called when the slide starts. Slides are
grouped by record type (``group``: "Rounds", "Memberships", ...) and every round is
also an *era*, the band TimelineJS draws under the time navigation. A title slide names the process.

Dates carry only the parts that are known: ``2016-04`` becomes ``{"year": 2016,
"month": 4}``, never 1 April. An approximate or uncertain date gets a
``display_date`` saying so.

TimelineJS puts ``headline`` and ``text`` into the page as HTML, so every string that
comes from the data is HTML-escaped: a party called ``<img src=x onerror=alert(1)>``
shows as that text and runs nothing. The only markup in the output is peacetrack's
own (paragraphs and source links), and a source URL becomes a link only when it is
a well-formed ``http`` or ``https`` URL with a host, printable and without spaces
(``http://[::1`` or ``javascript:...`` leave the source as plain text).

Examples
--------
>>> from peacetrack import Timeline, Party, Process, Round
>>> t = Timeline([
...     Party("un", "United Nations", "mediator"),
...     Process("geneva", "Geneva <talks>", "un"),
...     Round("r3", "geneva", 3, "2016-04/2016-04-27", "Geneva", "proximity", "adjourned"),
... ])
>>> doc = to_timelinejs(t)
>>> doc["title"]["text"]["headline"]
'Geneva &lt;talks&gt;'
>>> slide = doc["events"][0]
>>> slide["start_date"], slide["end_date"], slide["group"]
({'year': 2016, 'month': 4}, {'year': 2016, 'month': 4, 'day': 27}, 'Rounds')
>>> slide["text"]["headline"]
'Round 3 of Geneva &lt;talks&gt;'
>>> [era["text"]["headline"] for era in doc["eras"]]
['Round 3 of Geneva &lt;talks&gt;']
"""

from __future__ import annotations

import html
from typing import Any
from urllib.parse import urlsplit

from peacetrack._display import display_name
from peacetrack.dates import PartialDate
from peacetrack.interop._items import Item, items, title
from peacetrack.records import Round, Source
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["to_timelinejs"]


def _esc(text: str) -> str:
    return html.escape(text, quote=True)


def _date(d: PartialDate) -> dict[str, Any]:
    out: dict[str, Any] = {"year": d.year}
    if d.month is not None:
        out["month"] = d.month
        if d.day is not None:
            out["day"] = d.day
    if d.is_qualified or d.season is not None or d.unspecified_digits or d.time:
        # TimelineJS cannot hold the EDTF qualifier, season or X digits: say them.
        out["display_date"] = _esc(d.in_words())
    return out


def _source_html(source: Source) -> str:
    label = _esc(f"{source.title}, {source.publisher}")
    if source.published is not None:
        label += _esc(f", {source.published}")
    url = source.url
    if url is not None and _is_web_link(url):
        return f'<a href="{_esc(url)}" rel="noopener noreferrer">{label}</a>'
    return label


def _is_web_link(url: str) -> bool:
    """Whether ``url`` is a well-formed http(s) link that is safe to put in an href;
    anything else (``http://[::1``, ``javascript:``, control characters) is not."""
    if not url.isprintable() or any(c.isspace() for c in url):
        return False
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises for a port that is not a number
    except ValueError:
        return False
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def _text(item: Item) -> str:
    parts = [f"<p>{_esc(line)}</p>" for line in item.details]
    if item.sources:
        cited = "; ".join(_source_html(s) for s in item.sources)
        parts.append(f"<p>Sources: {cited}</p>")
    return "".join(parts)


def _slide(item: Item) -> dict[str, Any]:
    slide: dict[str, Any] = {"start_date": _date(item.start)}
    if item.end is not None:
        slide["end_date"] = _date(item.end)
    slide["text"] = {"headline": _esc(item.headline), "text": _text(item)}
    slide["group"] = item.group
    slide["unique_id"] = _esc(item.record.id)
    return slide


def to_timelinejs(t: Timeline) -> dict[str, Any]:
    """The timeline as a TimelineJS3 JSON document (a dict ready for ``json.dumps``).

    Parameters
    ----------
    t
        Any timeline. Records without a date (sources, parties, undated claims) are
        not slides, but their names appear in the slides that refer to them.

    Returns
    -------
    dict
        ``{"title": ..., "events": [...], "eras": [...]}``: one event per dated
        record in chronological order, one era per round that has ended (TimelineJS
        needs an era's end; an open round is a slide only).

    Examples
    --------
    >>> from peacetrack import Timeline, Person
    >>> to_timelinejs(Timeline([Person("p", "A <b>")]))["title"]["text"]["headline"]
    'peacetrack timeline'
    """
    require_timeline(t)
    events = []
    eras = []
    for item in items(t):
        events.append(_slide(item))
        record = item.record
        if isinstance(record, Round) and item.end is not None:
            process = display_name(t, record.process)
            eras.append(
                {
                    "start_date": _date(item.start),
                    "end_date": _date(item.end),
                    "text": {"headline": _esc(f"Round {record.number} of {process}")},
                }
            )
    count = len(events)
    summary = f"{count} dated record{'s' if count != 1 else ''}, exported by peacetrack"
    return {
        "title": {"text": {"headline": _esc(title(t)), "text": f"<p>{_esc(summary)}</p>"}},
        "events": events,
        "eras": eras,
    }
