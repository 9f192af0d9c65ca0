"""Figures of a timeline and of its party graph, drawn with matplotlib.

This module needs the ``plot`` extra (``pip install "peacetrack[plot]"``).
matplotlib is imported only when a figure is drawn, so ``import peacetrack.plot``
always works; without matplotlib the drawing functions raise
:class:`MissingExtraError`, which says what to install.

Figures are built with matplotlib's object-oriented API on the Agg canvas: no
pyplot, no global state, no window. Each function returns a
:class:`matplotlib.figure.Figure`; save it with ``fig.savefig("out.png")`` (or
``.svg``, ``.pdf``).

How partial dates are drawn
---------------------------
A date known only to the month covers the whole month. What is certain is drawn
solid; the span a partial end *might* cover is drawn hatched and faded, so "a round
that began in January 2016" shows a hatched January before its solid part, and a
resignation dated "2016-05" is a marker over a hatched May.

Examples
--------
>>> from peacetrack import Process, Round, Timeline
>>> t = Timeline([
...     Process("geneva", "Geneva talks", None),
...     Round("r1", "geneva", 1, "2016-01/2016-02-03", "Geneva", "proximity", "suspended"),
...     Round("r2", "geneva", 2, "2016-03-14/2016-03-24", "Geneva", "proximity", "concluded"),
... ])
>>> fig = timeline_figure(t)
>>> sorted(s for s in figure_texts(fig) if s.startswith("Round "))
['Round 1', 'Round 2']
>>> "40 days" in figure_texts(fig)
True
"""

from __future__ import annotations

import datetime
import importlib
import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

import attrs

from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import InvalidDateError, PeacetrackError, UnknownIdError
from peacetrack.records import Process, Round

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from peacetrack.timeline import Timeline

__all__ = ["MissingExtraError", "figure_texts", "graph_figure", "timeline_figure"]

INSTALL_HINT = 'pip install "peacetrack[plot]"'


class MissingExtraError(PeacetrackError, ImportError):
    """An optional dependency is not installed; the message names the extra.

    It is also an :class:`ImportError`, so code that already guards optional
    imports keeps working.
    """


def _matplotlib() -> Any:
    """Import matplotlib (Agg canvas, no pyplot) or say which extra to install."""
    try:
        matplotlib = importlib.import_module("matplotlib")
        importlib.import_module("matplotlib.figure")
        importlib.import_module("matplotlib.backends.backend_agg")
    except ImportError as exc:
        raise MissingExtraError(
            f"peacetrack.plot draws with matplotlib, which is not installed; "
            f"install the plot extra: {INSTALL_HINT}"
        ) from exc
    return matplotlib


def _new_figure(width: float, height: float) -> Figure:
    _matplotlib()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=(width, height), dpi=100, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def figure_texts(fig: Figure) -> list[str]:
    """Every non-empty string drawn in a figure: labels, titles, ticks, legend.

    Useful in tests: ``"Round 3" in figure_texts(fig)``.

    Examples
    --------
    >>> from peacetrack import Timeline
    >>> figure_texts(timeline_figure(Timeline()))
    ['Nothing to draw']
    """
    fig.canvas.draw()  # tick labels are made when the figure is drawn
    titles: list[str] = []
    texts: list[Any] = []
    for ax in fig.axes:
        titles += [ax.get_title(loc) for loc in ("left", "center", "right")]
        texts += list(ax.texts)
        if ax.axison:
            for axis in (ax.xaxis, ax.yaxis):
                texts += [axis.label, axis.get_offset_text(), *axis.get_ticklabels()]
        legend = ax.get_legend()
        if legend is not None:
            texts += [legend.get_title(), *legend.get_texts()]
    for legend in fig.legends:
        texts += [legend.get_title(), *legend.get_texts()]
    drawn = [t.get_text() for t in texts if t.get_visible()]
    return [text for text in titles + drawn if text]


# -- timeline ------------------------------------------------------------------------

_ROUND_COLOUR = "#1f5fa8"
_CEASEFIRE_COLOUR = "#2e8b57"
_MARKERS = {
    "resignations": ("#c0392b", "v", "Resignations"),
    "incidents": ("#d35400", "X", "Incidents"),
    "designations": ("#6c3483", "D", "Designations"),
}
_LEVEL = 0.42  # vertical distance between stacked items in a lane
_LANE_GAP = 0.55  # extra space between lanes
_CHARS_PER_INCH = 15.0  # labels are 8 pt: about 15 characters an inch


@attrs.frozen
class _Mark:
    date: PartialDate
    label: str
    contested: bool = False


def _x(ordinal: int) -> float:
    """A day ordinal as a matplotlib date number (the day's midnight)."""
    from matplotlib.dates import date2num

    return float(date2num(datetime.date.fromordinal(ordinal)))  # type: ignore[no-untyped-call]


def _name(t: Timeline, record_id: str) -> str:
    record = t.get(record_id)
    name = getattr(record, "name", None)
    return name if isinstance(name, str) else record_id


def _window(
    t: Timeline, rounds: tuple[Round, ...], start: DateLike | None, end: DateLike | None
) -> tuple[int, int] | None:
    """The day ordinals shown: the given bounds, else the talks and what surrounds them."""
    lo = None if start is None else PartialDate.coerce(start).earliest_ordinal
    hi = None if end is None else PartialDate.coerce(end).latest_ordinal + 1
    if lo is not None and hi is not None and hi <= lo:
        raise InvalidDateError(f"end {end} is before start {start}")
    if lo is None or hi is None:
        # The talks set the window: it opens with the first round (earlier things are
        # pinned to the left edge) and closes after the last dated thing.
        firsts: list[int] = [r.period.start.earliest_ordinal for r in rounds]
        lasts: list[int] = [(r.period.end or r.period.start).latest_ordinal + 1 for r in rounds]
        others = [
            *(c.period.start for c in t.ceasefires),
            *(r.date for r in t.resignations),
            *(i.date for i in t.incidents),
        ]
        lasts += [d.latest_ordinal + 1 for d in others]
        if not rounds:
            firsts += [d.earliest_ordinal for d in others]
        if not firsts:
            firsts = [g.date.earliest_ordinal for g in t.designations if g.date is not None]
            lasts = [g.date.latest_ordinal + 1 for g in t.designations if g.date is not None]
        if not firsts:
            return None
        low, high = min(firsts), max(lasts)
        margin = max(3, (high - low) // 25)
        if lo is None and hi is None:
            lo, hi = low - margin, high + margin
        elif lo is None:
            assert hi is not None
            lo = min(low - margin, hi - 30)
        else:
            hi = max(high + margin, lo + 30)
    return lo, hi


def _levels(spans: Iterable[tuple[int, float, float]]) -> dict[int, int]:
    """Greedy stacking: item index -> level, so that spans on one level never overlap."""
    ends: list[float] = []
    placed: dict[int, int] = {}
    for index, left, right in sorted(spans, key=lambda s: (s[1], s[0])):
        for level, last in enumerate(ends):
            if left > last:
                ends[level] = right
                placed[index] = level
                break
        else:
            placed[index] = len(ends)
            ends.append(right)
    return placed


def _bar(
    ax: Axes, lo: int, hi: int, y: float, colour: str, *, certain: bool, height: float = 0.26
) -> None:
    """A horizontal bar over days ``lo`` (included) to ``hi`` (excluded)."""
    if hi <= lo:
        return
    x0, x1 = _x(lo), _x(hi)
    if certain:
        ax.barh(y, x1 - x0, left=x0, height=height, color=colour, edgecolor=colour)
    else:
        ax.barh(
            y,
            x1 - x0,
            left=x0,
            height=height,
            color=colour,
            alpha=0.3,
            hatch="////",
            edgecolor=colour,
            linewidth=0,
        )


def _period_parts(period: Period, lo: int, hi: int) -> Iterator[tuple[int, int, bool]]:
    """``(first, past_last, certain)`` pieces of a period, clipped to the window.

    The certain part runs from the latest possible start to the earliest possible
    end; the pieces before and after it are the uncertainty of partial ends. An
    open period runs to the window's edge.
    """
    solid_from = period.start.latest_ordinal
    if period.end is None:
        solid_to = e_hi = hi
    else:
        solid_to, e_hi = period.end.earliest_ordinal + 1, period.end.latest_ordinal + 1
    pieces = [
        (period.start.earliest_ordinal, solid_from, False),
        (solid_from, solid_to, True),
        (solid_to, e_hi, False),
    ]
    if solid_to <= solid_from:  # the ends' uncertainties overlap: nothing is certain
        pieces = [(period.start.earliest_ordinal, e_hi, False)]
    for first, last, certain in pieces:
        first, last = max(first, lo), min(last, hi)
        if first < last:
            yield first, last, certain


def _days_label(gap: Period) -> str:
    low, high = gap.days()
    return f"{low} days" if low == high else f"{low}–{high} days"


def timeline_figure(
    t: Timeline,
    process: str | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> Figure:
    """Draw a timeline: rounds as bars on a date axis, with what surrounds them.

    Rounds are bars labelled "Round N", and the gap between consecutive rounds is
    marked with its length in days. Ceasefires are shaded bands across the whole
    figure, labelled with the parties they exclude. Resignations, incidents and
    designations are labelled markers in lanes of their own; an incident with
    contested claims says so. Partial dates are drawn as hatched, faded spans over
    every day they may be. A marker dated outside the window is pinned to its edge
    and labelled with its date.

    Parameters
    ----------
    t
        The timeline to draw.
    process
        Draw only this process's rounds (and its gaps). Default: every process.
    start, end
        The window to show (anything a query accepts as a date). Default: the
        rounds, ceasefire starts, resignations and incidents, with a small margin.

    Returns
    -------
    matplotlib.figure.Figure
        On the Agg canvas; nothing is shown or saved.

    Raises
    ------
    MissingExtraError
        Without matplotlib (install ``peacetrack[plot]``).
    UnknownIdError
        If ``process`` is not a process in ``t``.
    InvalidDateError
        For an unreadable date, or an ``end`` before ``start``.

    Examples
    --------
    >>> from peacetrack import Person, Process, Round, Timeline
    >>> t = Timeline([
    ...     Process("geneva", "Geneva talks", None),
    ...     Round("r3", "geneva", 3, "2016-04-13/2016-04-27", "Geneva", "proximity",
    ...           "adjourned"),
    ... ])
    >>> fig = timeline_figure(t, start="2016-04", end="2016-05")
    >>> "Round 3" in figure_texts(fig), fig.get_size_inches().tolist()
    (True, [12.0, 4.0])
    """
    if process is not None and not isinstance(t.get(process), Process):
        raise UnknownIdError(f"no process with id {process!r}")
    rounds = tuple(r for r in t.rounds if process is None or r.process == process)
    window = _window(t, rounds, start, end)
    contested = {about for about, _ in t.contested()}

    marks: dict[str, list[_Mark]] = {
        "resignations": [_Mark(r.date, f"{_name(t, r.person)} resigned") for r in t.resignations],
        "incidents": [
            _Mark(i.date, f"{i.kind}, {i.place}", i.id in contested) for i in t.incidents
        ],
        "designations": [
            _Mark(g.date, f"{_name(t, g.by)}: {_name(t, g.party)} — {g.label}")
            for g in t.designations
            if g.date is not None
        ],
    }
    lanes = [("rounds", "Rounds")] if rounds else []
    lanes += [(key, _MARKERS[key][2]) for key, items in marks.items() if items]
    height = 2.2 + 0.6 * len(lanes) + 0.25 * sum(len(v) for v in marks.values())
    fig = _new_figure(12.0, max(4.0, min(height, 14.0)))
    ax = fig.add_subplot()
    if window is None or (not lanes and not t.ceasefires):
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Nothing to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    lo, hi = window
    days_per_char = (hi - lo) / (10.5 * _CHARS_PER_INCH)
    y = 0.0
    ticks: list[tuple[float, str]] = []
    for key, title in reversed(lanes):  # bottom lane first
        if key == "rounds":
            top = _draw_rounds(ax, t, rounds, lo, hi, y)
        else:
            top = _draw_marks(ax, marks[key], key, lo, hi, y, days_per_char)
        ticks.append(((y + top) / 2, title))
        y = top + _LANE_GAP
    y_top = y
    for ceasefire in t.ceasefires:
        _draw_ceasefire(ax, t, ceasefire.name, ceasefire.period, ceasefire.exclusions, lo, hi)

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlim(_x(lo), _x(hi))
    ax.set_ylim(-0.45, y_top + 0.35)
    ax.set_yticks([p for p, _ in ticks], [label for _, label in ticks])
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    names = [_name(t, p) for p in sorted({r.process for r in rounds})]
    ax.set_title(", ".join(names) if names else "Timeline", loc="left", fontsize=11)
    _timeline_legend(fig, lanes, bool(t.ceasefires))
    return fig


def _draw_rounds(
    ax: Axes, t: Timeline, rounds: tuple[Round, ...], lo: int, hi: int, y0: float
) -> float:
    spans = [
        (i, r.period.start.earliest_ordinal, float(r.period.latest_ordinal))
        for i, r in enumerate(rounds)
    ]
    levels = _levels(spans)
    top = y0
    for i, r in enumerate(rounds):
        y = y0 + 0.35 + levels[i] * 2 * _LEVEL
        top = max(top, y + 0.45)
        for first, last, certain in _period_parts(r.period, lo, hi):
            _bar(ax, first, last, y, _ROUND_COLOUR, certain=certain)
        mid_lo = max(r.period.start.earliest_ordinal, lo)
        mid_hi = min(r.period.latest_ordinal + 1, hi)
        if mid_lo < mid_hi:
            ax.text(
                (_x(mid_lo) + _x(mid_hi)) / 2,
                y + 0.2,
                f"Round {r.number}",
                ha="center",
                va="bottom",
                fontsize=9,
                fontweight="bold",
            )
            ax.text(
                (_x(mid_lo) + _x(mid_hi)) / 2,
                y - 0.2,
                r.outcome.value,
                ha="center",
                va="top",
                fontsize=7,
                color="#555555",
            )
    for process in sorted({r.process for r in rounds}):
        by_number = {r.number: r for r in rounds if r.process == process}
        ordered = [by_number[n] for n in sorted(by_number)]
        for before, after in _consecutive_with_gap(ordered):
            gap = Period(before.period.end or before.period.start, after.period.start)
            g_lo = max(gap.start.latest_ordinal + 1, lo)
            g_hi = min(gap.end.earliest_ordinal if gap.end else hi, hi)
            if g_lo >= g_hi:
                continue
            y = y0 + 0.35 + levels[rounds.index(before)] * 2 * _LEVEL
            ax.annotate(
                "",
                xy=(_x(g_hi), y),
                xytext=(_x(g_lo), y),
                arrowprops={"arrowstyle": "<->", "color": "#888888", "linestyle": "--"},
            )
            ax.text(
                (_x(g_lo) + _x(g_hi)) / 2,
                y + 0.05,
                _days_label(gap),
                ha="center",
                va="bottom",
                fontsize=7,
                color="#555555",
            )
    return top


def _consecutive_with_gap(ordered: list[Round]) -> Iterator[tuple[Round, Round]]:
    """Pairs of consecutive rounds with a gap between them, as :meth:`Timeline.gaps`
    reports it."""
    for before, after in itertools.pairwise(ordered):
        end = before.period.end
        if end is not None and end.earliest_ordinal <= after.period.start.latest_ordinal:
            yield before, after


def _draw_marks(
    ax: Axes,
    marks: list[_Mark],
    key: str,
    lo: int,
    hi: int,
    y0: float,
    days_per_char: float,
) -> float:
    """Markers with labels, stacked so that no two labels overlap.

    A label reads rightwards from its marker in the left half of the window and
    leftwards in the right half, so labels near either edge stay inside.
    """
    colour, marker, _ = _MARKERS[key]
    ordered = sorted(marks, key=lambda m: m.date.sort_key())
    placed: list[tuple[int, float, float]] = []
    drawn: list[tuple[float, str, str, bool]] = []  # day position, shape, label, leftwards
    middle = (lo + hi) / 2
    for i, mark in enumerate(ordered):
        label = mark.label + (" (contested)" if mark.contested else "")
        d_lo, d_hi = mark.date.earliest_ordinal, mark.date.latest_ordinal + 1
        if d_hi <= lo:
            day, shape, label = float(lo), "<", f"{mark.date}: {label}"
        elif d_lo >= hi:
            day, shape, label = float(hi), ">", f"{mark.date}: {label}"
        else:
            day, shape = (max(d_lo, lo) + min(d_hi, hi)) / 2, marker
        width = (len(label) + 3) * days_per_char
        leftwards = day > middle
        placed.append((i, day - width, day) if leftwards else (i, day, day + width))
        drawn.append((day, shape, label, leftwards))
    levels = _levels(placed)
    top = y0
    for i, mark in enumerate(ordered):
        day, shape, label, leftwards = drawn[i]
        y = y0 + 0.2 + levels[i] * _LEVEL
        top = max(top, y + 0.25)
        d_lo, d_hi = mark.date.earliest_ordinal, mark.date.latest_ordinal + 1
        if shape == marker and d_hi - d_lo > 1:  # a partial date: every day it may be
            _bar(ax, max(d_lo, lo), min(d_hi, hi), y, colour, certain=False, height=0.2)
        x = _x(int(day)) + (day - int(day))
        ax.plot(
            [x],
            [y],
            marker=shape,
            color=colour,
            markersize=7,
            markeredgecolor="black" if mark.contested else colour,
            clip_on=False,
        )
        ax.annotate(
            label,
            xy=(x, y),
            xytext=(-7 if leftwards else 7, 0),
            textcoords="offset points",
            ha="right" if leftwards else "left",
            va="center",
            fontsize=8,
            color="#222222",
            bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1},
        )
    return top


def _draw_ceasefire(
    ax: Axes,
    t: Timeline,
    name: str,
    period: Period,
    exclusions: Iterable[Any],
    lo: int,
    hi: int,
) -> None:
    drawn = False
    first_x = None
    for first, last, certain in _period_parts(period, lo, hi):
        ax.axvspan(
            _x(first),
            _x(last),
            color=_CEASEFIRE_COLOUR,
            alpha=0.12 if certain else 0.06,
            hatch=None if certain else "\\\\",
            linewidth=0,
            zorder=0,
        )
        first_x = _x(first) if first_x is None else first_x
        drawn = True
    if not drawn or first_x is None:
        return
    excluded = ", ".join(_name(t, e.party) for e in exclusions)
    label = name + (f"\nexcludes {excluded}" if excluded else "")
    ax.text(
        first_x,
        0.99,
        " " + label.replace("\n", "\n "),
        transform=ax.get_xaxis_transform(),
        va="top",
        ha="left",
        fontsize=7,
        color="#1e5e3a",
    )


def _timeline_legend(fig: Figure, lanes: list[tuple[str, str]], ceasefires: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = []
    if any(key == "rounds" for key, _ in lanes):
        handles.append(Patch(color=_ROUND_COLOUR, label="round (certain days)"))
    handles.append(
        Patch(
            facecolor=_ROUND_COLOUR,
            alpha=0.3,
            hatch="////",
            edgecolor=_ROUND_COLOUR,
            label="may be (partial date)",
        )
    )
    if ceasefires:
        handles.append(Patch(color=_CEASEFIRE_COLOUR, alpha=0.2, label="ceasefire in force"))
    for key, _ in lanes:
        if key in _MARKERS:
            colour, marker, title = _MARKERS[key]
            handles.append(
                Line2D([], [], marker=marker, color=colour, linestyle="", label=title.lower()[:-1])
            )
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8)


# -- graph ---------------------------------------------------------------------------

_EDGE_COLOURS = {
    "supports": "#1f77b4",
    "allied_with": "#17becf",
    "part_of": "#9467bd",
    "fights": "#d62728",
    "opposes": "#ff7f0e",
    "member_of": "#34495e",
    "mediates": "#bcbd22",
    "party_to": "#2ca02c",
    "excluded_from": "#8c564b",
    "designated_by": "#e377c2",
}
_DASHED = frozenset({"excluded_from", "designated_by"})
_SPARE_COLOURS = ("#5d6d7e", "#a04000", "#1abc9c", "#884ea0", "#d4ac0d", "#7f8c8d")
_NODE_COLOURS = {
    "person": "#f5cba7",
    "state": "#aed6f1",
    "government": "#a9cce3",
    "opposition": "#f9e79f",
    "armed_group": "#f5b7b1",
    "intergovernmental": "#abebc6",
    "mediator": "#d2b4de",
    "monitor": "#d5dbdb",
    "ceasefire": "#d5f5e3",
}


def _edge_colour(kind: str, extra: dict[str, str]) -> str:
    if kind in _EDGE_COLOURS:
        return _EDGE_COLOURS[kind]
    if kind not in extra:
        extra[kind] = _SPARE_COLOURS[len(extra) % len(_SPARE_COLOURS)]
    return extra[kind]


def _circle_layout(nx: Any, g: Any) -> dict[Any, tuple[float, float]]:
    """Linked nodes on an ellipse, each connected group together and walked
    breadth-first from its best-connected node, so most edges are short chords;
    nodes with no edge in a row underneath. Deterministic."""
    import math

    order: list[Any] = []
    alone = sorted((v for v in g if g.degree(v) == 0), key=str)
    linked = g.subgraph(v for v in g if g.degree(v) > 0)
    groups = sorted(nx.connected_components(linked), key=lambda c: (-len(c), sorted(map(str, c))))
    for group in groups:
        root = max(sorted(group, key=str), key=linked.degree)
        order += [root, *(v for _, v in nx.bfs_edges(linked, root, sort_neighbors=sorted))]
    n = len(order)
    pos = {
        node: (1.35 * math.sin(2 * math.pi * i / n), math.cos(2 * math.pi * i / n))
        for i, node in enumerate(order)
    }
    per_row = 5
    for i, node in enumerate(alone):
        row, col = divmod(i, per_row)
        in_row = min(per_row, len(alone) - row * per_row)
        x = 0.0 if in_row == 1 else -1.2 + 2.4 * col / (in_row - 1)
        pos[node] = (x, -1.3 - 0.18 * row)
    return pos


def graph_figure(t: Timeline, at: DateLike | None = None) -> Figure:
    """Draw the party graph (:func:`peacetrack.graph.parties`) with a legend.

    Nodes are parties and people, coloured by kind and labelled by name; edges are
    arrows coloured by their kind (supports, part_of, member_of, excluded_from, ...).
    Several edges between the same two nodes are drawn as separate arcs. The layout
    is seeded, so the same timeline always gives the same picture.

    Parameters
    ----------
    t
        The timeline.
    at
        Draw the graph as it stood on this date (see ``peacetrack.graph``).

    Returns
    -------
    matplotlib.figure.Figure
        On the Agg canvas.

    Raises
    ------
    MissingExtraError
        Without matplotlib (install ``peacetrack[plot]``).
    InvalidDateError
        For an unreadable ``at``.

    Examples
    --------
    >>> from peacetrack import Party, Relation, Timeline
    >>> t = Timeline([
    ...     Party("russia", "Russia", "state"),
    ...     Party("gov", "Syrian government", "government"),
    ...     Relation("rel1", "russia", "gov", "supports", "2015-09/.."),
    ... ])
    >>> texts = figure_texts(graph_figure(t, at="2016-05-01"))
    >>> "Russia" in texts and "supports" in texts
    True
    """
    _matplotlib()
    if at is not None:
        at = PartialDate.coerce(at)
    import networkx as nx

    graph = importlib.import_module("peacetrack.graph")
    g = graph.parties(t, at=at)
    fig = _new_figure(11.0, 8.0)
    ax = fig.add_subplot()
    ax.set_axis_off()
    title = "Parties and people" + (f" on {at}" if at is not None else "")
    ax.set_title(title, loc="left", fontsize=11)
    if g.number_of_nodes() == 0:
        ax.text(0.5, 0.5, "Nothing to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    nodes = sorted(g.nodes)
    simple = nx.Graph()
    simple.add_nodes_from(nodes)
    simple.add_edges_from((u, v) for u, v in g.edges() if u != v)
    pos = _circle_layout(nx, simple)

    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    ax.set_xlim(min(xs) - 0.35, max(xs) + 0.35)
    ax.set_ylim(min(ys) - 0.15, max(ys) + 0.15)
    node_kinds: dict[str, str] = {}
    boxes: dict[Any, Any] = {}
    for node in nodes:
        data = g.nodes[node]
        # parties carry their PartyKind in "type"; people and ceasefires have "kind".
        kind = str(data.get("type") or data.get("kind") or "other")
        colour = _NODE_COLOURS.get(kind, "#e5e8e8")
        node_kinds[kind] = colour
        x, y = pos[node]
        text = ax.text(
            x,
            y,
            str(data.get("name") or node),
            ha="center",
            va="center",
            fontsize=8,
            bbox={"boxstyle": "round,pad=0.3", "facecolor": colour, "edgecolor": "#555555"},
            zorder=3,
        )
        boxes[node] = text
    fig.canvas.draw()  # size the label boxes, so arrows can stop at their edges
    extra: dict[str, str] = {}
    seen: dict[tuple[str, str], int] = {}
    kinds: dict[str, str] = {}
    for u, v, data in sorted(g.edges(data=True), key=lambda e: (str(e[0]), str(e[1]))):
        kind = str(data.get("kind", "related"))
        colour = _edge_colour(kind, extra)
        kinds[kind] = colour
        pair = (min(u, v), max(u, v))
        n = seen.get(pair, 0)
        seen[pair] = n + 1
        ax.annotate(
            "",
            xy=pos[v],
            xytext=pos[u],
            arrowprops={
                "arrowstyle": "-|>",
                "color": colour,
                "linewidth": 1.4,
                "patchA": boxes[u].get_bbox_patch(),
                "patchB": boxes[v].get_bbox_patch(),
                "shrinkA": 2,
                "shrinkB": 2,
                "connectionstyle": f"arc3,rad={0.08 + 0.14 * n}",
                "linestyle": "--" if kind in _DASHED else "-",
            },
            zorder=2,
        )
    edge_handles = [
        Line2D(
            [],
            [],
            color=c,
            linewidth=2,
            linestyle="--" if k in _DASHED else "-",
            label=k.replace("_", " "),
        )
        for k, c in sorted(kinds.items())
    ]
    node_handles = [
        Patch(facecolor=c, edgecolor="#555555", label=k.replace("_", " "))
        for k, c in sorted(node_kinds.items())
    ]
    fig.legend(
        handles=edge_handles + node_handles,
        loc="outside right upper",
        fontsize=8,
        title="edges, then nodes",
        title_fontsize=8,
    )
    return fig
