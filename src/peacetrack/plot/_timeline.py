"""The timeline figure: rounds as bars on a date axis, with what surrounds them."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

import attrs

from peacetrack._names import display_name
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import UnknownIdError
from peacetrack.plot import _spans
from peacetrack.plot._mpl import new_figure
from peacetrack.records import Ceasefire, Party, Person, Process, Round
from peacetrack.timeline import require_timeline

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from peacetrack.timeline import Timeline

_ROUND_COLOUR = "#1f5fa8"
_CEASEFIRE_COLOUR = "#2e8b57"
_MARKERS = {  # lane key: (colour, marker, lane title)
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


def _name(t: Timeline, record_id: str, at: PartialDate | None = None) -> str:
    """The record's name (a party's or person's as of ``at``), else its id."""
    record = t.get(record_id)
    if isinstance(record, Party | Person):
        return display_name(t, record_id, at)
    name = getattr(record, "name", None)
    return name if isinstance(name, str) else record_id


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
    >>> from peacetrack.plot import figure_texts
    >>> t = Timeline([
    ...     Process("geneva", "Geneva talks", None),
    ...     Round("r3", "geneva", 3, "2016-04-13/2016-04-27", "Geneva", "proximity",
    ...           "adjourned"),
    ... ])
    >>> fig = timeline_figure(t, start="2016-04", end="2016-05")
    >>> "Round 3" in figure_texts(fig), fig.get_size_inches().tolist()
    (True, [12.0, 4.0])
    """
    require_timeline(t)
    if process is not None and not isinstance(t.get(process), Process):
        raise UnknownIdError(f"no process with id {process!r}")
    rounds = tuple(r for r in t.rounds if process is None or r.process == process)
    window = _spans.window(t, rounds, start, end)
    contested = {about for about, _ in t.contested()}

    marks: dict[str, list[_Mark]] = {
        "resignations": [
            _Mark(r.date, f"{_name(t, r.person, r.date)} resigned") for r in t.resignations
        ],
        # A lasting incident or a designation is marked where it starts.
        "incidents": [
            _Mark(i.span.start, f"{i.kind}, {i.place}", i.id in contested) for i in t.incidents
        ],
        "designations": [
            _Mark(
                g.period.start,
                f"{_name(t, g.by, g.period.start)}: {_name(t, g.party, g.period.start)}"
                f" — {g.label}",
            )
            for g in t.designations
            if g.period is not None
        ],
    }
    lanes = [("rounds", "Rounds")] if rounds else []
    lanes += [(key, _MARKERS[key][2]) for key, items in marks.items() if items]
    height = 2.2 + 0.6 * len(lanes) + 0.25 * sum(len(v) for v in marks.values())
    fig = new_figure(12.0, max(4.0, min(height, 14.0)))
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
            top = _draw_rounds(ax, rounds, lo, hi, y)
        else:
            top = _draw_marks(ax, marks[key], key, lo, hi, y, days_per_char)
        ticks.append(((y + top) / 2, title))
        y = top + _LANE_GAP
    for ceasefire in t.ceasefires:
        _draw_ceasefire(ax, t, ceasefire, lo, hi)

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlim(_x(lo), _x(hi))
    ax.set_ylim(-0.45, y + 0.35)
    ax.set_yticks([p for p, _ in ticks], [label for _, label in ticks])
    ax.tick_params(axis="y", length=0)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    names = [_name(t, p) for p in sorted({r.process for r in rounds})]
    ax.set_title(", ".join(names) if names else "Timeline", loc="left", fontsize=11)
    _legend(fig, lanes, bool(t.ceasefires))
    return fig


def _x(ordinal: int) -> float:
    """A day ordinal as a matplotlib date number (the day's midnight)."""
    from matplotlib.dates import date2num

    return float(date2num(datetime.date.fromordinal(ordinal)))  # type: ignore[no-untyped-call]


def _bar(
    ax: Axes, lo: int, hi: int, y: float, colour: str, *, certain: bool, height: float = 0.26
) -> None:
    """A horizontal bar over days ``lo`` (included) to ``hi`` (excluded)."""
    if hi <= lo:
        return
    style: dict[str, Any] = {} if certain else {"alpha": 0.3, "hatch": "////", "linewidth": 0}
    x0 = _x(lo)
    ax.barh(y, _x(hi) - x0, left=x0, height=height, color=colour, edgecolor=colour, **style)


def _draw_rounds(ax: Axes, rounds: tuple[Round, ...], lo: int, hi: int, y0: float) -> float:
    spans = [
        (i, r.period.start.earliest_ordinal, float(r.period.latest_ordinal))
        for i, r in enumerate(rounds)
    ]
    levels = _spans.levels(spans)
    top = y0
    for i, r in enumerate(rounds):
        y = y0 + 0.35 + levels[i] * 2 * _LEVEL
        top = max(top, y + 0.45)
        for first, last, certain in _spans.period_parts(r.period, lo, hi):
            _bar(ax, first, last, y, _ROUND_COLOUR, certain=certain)
        mid_lo = max(r.period.start.earliest_ordinal, lo)
        mid_hi = min(r.period.latest_ordinal + 1, hi)
        if mid_lo < mid_hi:
            mid = (_x(mid_lo) + _x(mid_hi)) / 2
            ax.text(
                mid,
                y + 0.2,
                f"Round {r.number}",
                ha="center",
                va="bottom",
                fontsize=9,
                fontweight="bold",
            )
            ax.text(
                mid,
                y - 0.2,
                "outcome unknown" if r.outcome is None else r.outcome.value,
                ha="center",
                va="top",
                fontsize=7,
                color="#555555",
            )
    for before, end, start in _spans.gaps(rounds):
        g_lo = max(end.latest_ordinal + 1, lo)
        g_hi = min(start.earliest_ordinal, hi)
        if g_lo >= g_hi:
            continue
        y = y0 + 0.35 + levels[before] * 2 * _LEVEL
        ax.annotate(
            "",
            xy=(_x(g_hi), y),
            xytext=(_x(g_lo), y),
            arrowprops={"arrowstyle": "<->", "color": "#888888", "linestyle": "--"},
        )
        ax.text(
            (_x(g_lo) + _x(g_hi)) / 2,
            y + 0.05,
            _spans.days_label(Period(end, start)),
            ha="center",
            va="bottom",
            fontsize=7,
            color="#555555",
        )
    return top


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
    leftwards in the right half, so labels near either edge stay inside. A mark
    dated outside the window is pinned to its edge and labelled with its date.
    """
    colour, marker, _ = _MARKERS[key]
    ordered = sorted(marks, key=lambda m: m.date.sort_key())
    spans: list[tuple[int, float, float]] = []
    # day position, shape, label, leftwards, the days a partial date may be
    placed: list[tuple[float, str, str, bool, tuple[int, int] | None]] = []
    middle = (lo + hi) / 2
    for i, mark in enumerate(ordered):
        label = mark.label + (" (contested)" if mark.contested else "")
        d_lo, d_hi = mark.date.earliest_ordinal, mark.date.latest_ordinal + 1
        may_be = None
        if d_hi <= lo:
            day, shape, label = float(lo), "<", f"{mark.date}: {label}"
        elif d_lo >= hi:
            day, shape, label = float(hi), ">", f"{mark.date}: {label}"
        else:
            day, shape = (max(d_lo, lo) + min(d_hi, hi)) / 2, marker
            if d_hi - d_lo > 1:
                may_be = (max(d_lo, lo), min(d_hi, hi))
        width = (len(label) + 3) * days_per_char
        leftwards = day > middle
        spans.append((i, day - width, day) if leftwards else (i, day, day + width))
        placed.append((day, shape, label, leftwards, may_be))
    levels = _spans.levels(spans)
    top = y0
    for i, (mark, (day, shape, label, leftwards, may_be)) in enumerate(
        zip(ordered, placed, strict=True)
    ):
        y = y0 + 0.2 + levels[i] * _LEVEL
        top = max(top, y + 0.25)
        if may_be is not None:
            _bar(ax, *may_be, y, colour, certain=False, height=0.2)
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


def _draw_ceasefire(ax: Axes, t: Timeline, ceasefire: Ceasefire, lo: int, hi: int) -> None:
    """A shaded band over the days in force, labelled with whom it excludes."""
    first_x = None
    for first, last, certain in _spans.period_parts(ceasefire.period, lo, hi):
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
    if first_x is None:  # nothing of it in the window
        return
    excluded = ", ".join(_name(t, e.party, ceasefire.period.start) for e in ceasefire.exclusions)
    label = ceasefire.name + (f"\nexcludes {excluded}" if excluded else "")
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


def _legend(fig: Figure, lanes: list[tuple[str, str]], ceasefires: bool) -> None:
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
