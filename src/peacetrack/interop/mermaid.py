"""Export a timeline as a `Mermaid <https://mermaid.js.org/>`_ diagram.

Two styles:

``"timeline"``
    A Mermaid ``timeline``: one section per year, one line per date or span, with
    every dated record described (rounds, ceasefires, memberships, resignations,
    positions, relations, designations, incidents, claims).
``"gantt"``
    A Mermaid ``gantt`` chart with real dates: rounds as tasks (one section per
    process), each ceasefire a section of its own (a task for the time it is in force
    and one per excluded party), and resignations as milestones.

Mermaid needs a day for every gantt bar, so partial dates are read at their widest:
a span starts on ``start.earliest`` and runs to ``end.latest`` (written as the day
after, since a gantt end is exclusive, or as a length in days for a span that ends on
31 December 9999); a milestone sits on its ``earliest`` day. An open span runs to the
latest date the timeline mentions. Every date in 1..9999 can be drawn.

Text from the data can never break the diagram: whitespace is folded to one space,
and every character that is not printable or that Mermaid gives a meaning to
(``: ; # % < > & " ' ` { } [ ] ( ) | = \\``) is written as a Mermaid entity code
such as ``#58;``, which Mermaid turns back into the character when it draws.
Every line starts with peacetrack's own words ("Round", "In force", "Exclusion of",
"Resignation of"), so a name can never be read as one of Mermaid's keywords (a gantt
line that starts with "excludes" is a setting, not a task).

Examples
--------
>>> from peacetrack import Timeline, Party, Process, Round
>>> t = Timeline([
...     Party("un", "United Nations", "mediator"),
...     Process("geneva", "Geneva: talks", "un"),
...     Round("r3", "geneva", 3, "2016-04-13/2016-04-27", "Geneva", "proximity", "adjourned"),
... ])
>>> print(to_mermaid(t))
timeline
    title Geneva#58; talks
    section 2016
        2016-04-13 to 2016-04-27 : Round 3 of Geneva#58; talks
>>> print(to_mermaid(t, style="gantt"))
gantt
    title Geneva#58; talks
    dateFormat YYYY-MM-DD
    axisFormat %Y-%m-%d
    section Rounds of Geneva#58; talks
    Round 3 #40;Geneva#41; :2016-04-13, 2016-04-28
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from typing import Literal

from peacetrack._display import display_name as name
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError
from peacetrack.interop._items import Item, items, last_date, title
from peacetrack.records import Ceasefire, Resignation, Round
from peacetrack.timeline import Timeline, require_timeline

__all__ = ["MermaidStyle", "to_mermaid"]

MermaidStyle = Literal["timeline", "gantt"]

# Characters Mermaid's grammars give a meaning to, and the two that its entity
# placeholders are made of (U+FB02 and the pilcrow), so no text can forge one.
_SPECIAL = frozenset(":;#%<>&\"'`{}[]()|=\\\ufb02\u00b6")
_SPACE = re.compile(r"\s+")


def sanitize(text: str) -> str:
    """Make ``text`` safe inside a Mermaid line: fold whitespace into single spaces
    and write Mermaid's special characters, and any character that is not printable,
    as entity codes. Mermaid draws the original characters back.

    >>> sanitize("Nusra: excluded\\n(#1)")
    'Nusra#58; excluded #40;#35;1#41;'
    """
    folded = _SPACE.sub(" ", text).strip()
    out = "".join(f"#{ord(ch)};" if ch in _SPECIAL or not ch.isprintable() else ch for ch in folded)
    # A line needs some text after its keyword or separator; never leave it empty.
    return out or "#160;"


def _label(item: Item) -> str:
    # Mermaid text has no EDTF: qualifiers read "about" and "probably".
    start = item.start.in_words()
    if not item.is_span:
        return start
    if item.end is None:
        period = getattr(item.record, "period", None)
        if isinstance(period, Period) and period.unknown_end:
            return f"{start} to an unknown date"
        return f"{start} onwards"
    return f"{start} to {item.end.in_words()}"


def _timeline_lines(t: Timeline) -> Iterator[str]:
    yield "timeline"
    yield f"    title {sanitize(title(t))}"
    year: int | None = None
    previous_label: str | None = None
    for item in items(t):
        if item.start.year != year:
            year = item.start.year
            previous_label = None
            yield f"    section {year:04d}"  # as the dates under it write it
        label = sanitize(_label(item))
        text = sanitize(item.headline)
        if label == previous_label:
            yield f"            : {text}"
        else:
            yield f"        {label} : {text}"
        previous_label = label


def _day(ordinal: int) -> str:
    return datetime.date.fromordinal(ordinal).isoformat()


_LAST_DAY = datetime.date.max.toordinal()


def _bar(item: Item, fallback_end: PartialDate) -> str:
    """``start, end`` of a gantt task, the end exclusive (the day after the last).

    A span that runs to 31 December 9999 has no next day a date can name; its end is
    written as a length in days instead (``start, 3d``), which Mermaid reads the same.
    """
    end = item.end if item.end is not None else fallback_end
    first = item.start.earliest_ordinal
    last = max(end.latest_ordinal, first)
    if last >= _LAST_DAY:
        return f"{_day(first)}, {last + 1 - first}d"
    return f"{_day(first)}, {_day(last + 1)}"


def _gantt_lines(t: Timeline) -> Iterator[str]:
    yield "gantt"
    yield f"    title {sanitize(title(t))}"
    yield "    dateFormat YYYY-MM-DD"
    yield "    axisFormat %Y-%m-%d"
    described = list(items(t))
    end_of_all = last_date(t)
    rounds: dict[str, list[Item]] = {}
    ceasefires: list[Item] = []
    resignations: list[Item] = []
    for item in described:
        if isinstance(item.record, Round):
            rounds.setdefault(item.record.process, []).append(item)
        elif isinstance(item.record, Ceasefire):
            ceasefires.append(item)
        elif isinstance(item.record, Resignation):
            resignations.append(item)
    if end_of_all is None:
        return
    for process, process_rounds in rounds.items():
        yield f"    section Rounds of {sanitize(name(t, process))}"
        for item in process_rounds:
            r = item.record
            assert isinstance(r, Round)
            venue = f" {sanitize(f'({r.venue})')}" if r.venue is not None else ""
            yield f"    Round {r.number}{venue} :{_bar(item, end_of_all)}"
    for item in ceasefires:
        c = item.record
        assert isinstance(c, Ceasefire)
        yield f"    section Ceasefire {sanitize(c.name)}"
        yield f"    In force :{_bar(item, end_of_all)}"
        for exclusion in c.exclusions:
            who = sanitize(name(t, exclusion.party, item.start))
            yield f"    Exclusion of {who} :crit, {_bar(item, end_of_all)}"
    if resignations:
        yield "    section Resignations"
        for item in resignations:
            r = item.record
            assert isinstance(r, Resignation)
            day = _day(item.start.earliest_ordinal)
            who = sanitize(name(t, r.person, item.start))
            yield f"    Resignation of {who} :milestone, {day}, 0d"


def to_mermaid(t: Timeline, style: MermaidStyle = "timeline") -> str:
    """The timeline as Mermaid diagram source.

    Parameters
    ----------
    t
        Any timeline.
    style
        ``"timeline"`` (every dated record, by year) or ``"gantt"`` (rounds,
        ceasefires and resignations on a real date axis).

    Returns
    -------
    str
        Mermaid source, one statement per line, ending with a newline.

    Raises
    ------
    PeacetrackError
        For an unknown ``style``.

    Examples
    --------
    >>> from peacetrack import Timeline
    >>> to_mermaid(Timeline(), style="gantt").splitlines()[0]
    'gantt'
    >>> to_mermaid(Timeline(), style="pie")
    Traceback (most recent call last):
    ...
    peacetrack.errors.PeacetrackError: unknown Mermaid style 'pie': expected 'timeline' or 'gantt'
    """
    require_timeline(t)
    if style == "timeline":
        lines = _timeline_lines(t)
    elif style == "gantt":
        lines = _gantt_lines(t)
    else:
        raise PeacetrackError(f"unknown Mermaid style {style!r}: expected 'timeline' or 'gantt'")
    return "\n".join(lines) + "\n"
