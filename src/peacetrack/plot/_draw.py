"""Drawing the timeline figure's lanes: round bars, labelled markers, ceasefire labels.

Every text is drawn with ``parse_math=False``: a name holding ``$`` is text, never
mathtext (which would draw it as maths, or fail on an odd number of dollars).
"""

from __future__ import annotations

import datetime
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import attrs

from peacetrack.dates import PartialDate, Period
from peacetrack.plot import _spans
from peacetrack.records import Round

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ROUND_COLOUR = "#1f5fa8"
CEASEFIRE_COLOUR = "#2e8b57"
MARKERS = {  # lane key: (colour, marker, lane title)
    "resignations": ("#c0392b", "v", "Resignations"),
    "incidents": ("#d35400", "X", "Incidents"),
    "designations": ("#6c3483", "D", "Designations"),
}
LEVEL = 0.42  # vertical distance between stacked items in a lane
TEXT: dict[str, Any] = {"parse_math": False}


@attrs.frozen
class Mark:
    """A labelled point in a marker lane."""

    date: PartialDate
    label: str
    contested: bool = False


@attrs.frozen
class Band:
    """A ceasefire: its period and the label over it."""

    period: Period
    label: str


@attrs.frozen
class Scale:
    """The window in day ordinals, how many days a character of label covers, and how
    many days inside a period an approximate or uncertain end is faded over."""

    lo: int
    hi: int
    days_per_char: float
    fuzz: int


_X0: list[float] = []


def x(ordinal: float) -> float:
    """A day ordinal as a matplotlib date number (the day's midnight).

    Computed from day 1 by adding days, so that the day after 9999-12-31 (the end
    of a period that runs through that day) has a position too.
    """
    if not _X0:
        from matplotlib.dates import date2num

        _X0.append(float(date2num(datetime.date(1, 1, 1))))  # type: ignore[no-untyped-call]
    return _X0[0] + (ordinal - 1)


def bar(
    ax: Axes, lo: int, hi: int, y: float, colour: str, *, certain: bool, height: float = 0.26
) -> None:
    """A horizontal bar over days ``lo`` (included) to ``hi`` (excluded)."""
    if hi <= lo:
        return
    style: dict[str, Any] = {} if certain else {"alpha": 0.3, "hatch": "////", "linewidth": 0}
    ax.barh(y, x(hi) - x(lo), left=x(lo), height=height, color=colour, edgecolor=colour, **style)


def rounds_lane(ax: Axes, rounds: Sequence[Round], scale: Scale, y0: float) -> float:
    """One process's rounds as bars (stacked where they overlap), with the gaps
    between them; returns the lane's top."""
    lo, hi = scale.lo, scale.hi
    spans = [
        (i, _spans.known_ends(r.period)[0].earliest_ordinal, float(r.period.latest_ordinal))
        for i, r in enumerate(rounds)
    ]
    levels = _spans.levels(spans)
    top = y0
    for i, r in enumerate(rounds):
        y = y0 + 0.35 + levels[i] * 2 * LEVEL
        top = max(top, y + 0.45)
        for first, last, certain in _spans.period_parts(r.period, lo, hi, scale.fuzz):
            bar(ax, first, last, y, ROUND_COLOUR, certain=certain)
        mid_lo = max(_spans.known_ends(r.period)[0].earliest_ordinal, lo)
        mid_hi = min(r.period.latest_ordinal + 1, hi)
        if mid_lo < mid_hi:
            mid = (x(mid_lo) + x(mid_hi)) / 2
            label = f"Round {r.number}"
            ax.text(mid, y + 0.2, label, ha="center", va="bottom", fontsize=9, fontweight="bold")
            outcome = "outcome unknown" if r.outcome is None else r.outcome.value
            ax.text(mid, y - 0.2, outcome, ha="center", va="top", fontsize=7, color="#555555")
    for before, end, start in _spans.gaps(tuple(rounds)):
        g_lo = max(end.latest_ordinal + 1, lo)
        g_hi = min(start.earliest_ordinal, hi)
        if g_lo >= g_hi:
            continue
        y = y0 + 0.35 + levels[before] * 2 * LEVEL
        ax.annotate(
            "",
            xy=(x(g_hi), y),
            xytext=(x(g_lo), y),
            arrowprops={"arrowstyle": "<->", "color": "#888888", "linestyle": "--"},
        )
        days = _spans.days_label(Period(end, start))
        mid = (x(g_lo) + x(g_hi)) / 2
        ax.text(mid, y + 0.05, days, ha="center", va="bottom", fontsize=7, color="#555555")
    return top


def _label(
    ax: Axes, text: str, day: float, y: float, *, leftwards: bool, offset: float, **style: Any
) -> None:
    ax.annotate(
        text,
        xy=(x(day), y),
        xytext=(-offset if leftwards else offset, 0),
        textcoords="offset points",
        ha="right" if leftwards else "left",
        va="center",
        bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 1},
        annotation_clip=False,
        **TEXT,
        **style,
    )


def marks_lane(ax: Axes, marks: list[Mark], key: str, scale: Scale, y0: float) -> float:
    """Markers with labels, stacked so that no two labels overlap.

    A label reads rightwards from its marker in the left half of the window and
    leftwards in the right half, so labels near either edge stay inside. A mark
    dated outside the window is pinned to its edge and labelled with its date; a
    mark with an approximate or uncertain date is hollow.
    """
    colour, marker, _ = MARKERS[key]
    lo, hi = scale.lo, scale.hi
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
        width = (len(label) + 3) * scale.days_per_char
        leftwards = day > middle
        spans.append((i, day - width, day) if leftwards else (i, day, day + width))
        placed.append((day, shape, label, leftwards, may_be))
    levels = _spans.levels(spans)
    top = y0
    for i, (mark, (day, shape, label, leftwards, may_be)) in enumerate(
        zip(ordered, placed, strict=True)
    ):
        y = y0 + 0.2 + levels[i] * LEVEL
        top = max(top, y + 0.25)
        if may_be is not None:
            bar(ax, *may_be, y, colour, certain=False, height=0.2)
        edge = "black" if mark.contested else colour
        # An approximate or uncertain date is a hollow marker: drawn, but not sharp.
        face = "none" if mark.date.approximate or mark.date.uncertain else colour
        ax.plot(
            [x(day)],
            [y],
            marker=shape,
            color=colour,
            markersize=7,
            markeredgecolor=edge,
            markerfacecolor=face,
            clip_on=False,
        )
        _label(ax, label, day, y, leftwards=leftwards, offset=7, fontsize=8, color="#222222")
    return top


def ceasefire_bands(ax: Axes, bands: list[Band], scale: Scale, y0: float) -> float:
    """Shade each ceasefire's days across the whole figure and label it in a lane of
    its own, labels stacked so that no two overlap; returns the lane's top.

    A label starts at its band's first day in the left half of the window; in the
    right half it ends at the band's last day shown, so it stays over its band.
    """
    lo, hi = scale.lo, scale.hi
    spans: list[tuple[int, float, float]] = []
    placed: list[tuple[int, float, bool]] = []
    for i, band in enumerate(bands):
        parts = list(_spans.period_parts(band.period, lo, hi, scale.fuzz))
        for first, last, certain in parts:
            ax.axvspan(
                x(first),
                x(last),
                color=CEASEFIRE_COLOUR,
                alpha=0.12 if certain else 0.06,
                hatch=None if certain else "\\\\",
                linewidth=0,
                zorder=0,
            )
        if not parts:  # nothing of it in the window
            continue
        first, last = parts[0][0], parts[-1][1]
        width = (len(band.label) + 2) * scale.days_per_char
        leftwards = first > (lo + hi) / 2
        anchor = float(last) if leftwards else float(first)
        spans.append((i, anchor - width, anchor) if leftwards else (i, anchor, anchor + width))
        placed.append((i, anchor, leftwards))
    levels = _spans.levels(spans)
    top = y0
    for i, anchor, leftwards in placed:
        y = y0 + 0.2 + levels[i] * LEVEL
        top = max(top, y + 0.25)
        text = bands[i].label
        _label(ax, text, anchor, y, leftwards=leftwards, offset=2, fontsize=8, color="#1e5e3a")
    return top


def lane_title(ax: Axes, y: float, title: str) -> None:
    """A lane's title, left of the axes at height ``y``, wrapped to a narrow column."""
    title = textwrap.fill(title, 26, break_long_words=True) or title
    transform = ax.get_yaxis_transform()  # x in axes fraction, y in data
    ax.text(-0.01, y, title, transform=transform, ha="right", va="center", fontsize=9, **TEXT)
