"""The timeline figure: rounds as bars on a date axis, with what surrounds them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from peacetrack._display import display_name
from peacetrack.dates import DateLike, PartialDate
from peacetrack.errors import UnknownIdError
from peacetrack.plot import _draw, _spans
from peacetrack.plot._draw import Band, Mark, Scale
from peacetrack.plot._mpl import new_figure
from peacetrack.records import Party, Person, Process, Round
from peacetrack.timeline import require_timeline

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from peacetrack.timeline import Timeline

_LANE_GAP = 0.55  # extra space between lanes
_CHARS_PER_INCH = 15.0  # labels are 8 pt: about 15 characters an inch


def _name(t: Timeline, record_id: str, at: PartialDate | None = None) -> str:
    """The record's name (a party's or person's as of ``at``), else its id."""
    record = t.get(record_id)
    if isinstance(record, Party | Person):
        return display_name(t, record_id, at)
    name = getattr(record, "name", None)
    return name if isinstance(name, str) else record_id


def _processes(t: Timeline, process: str | Iterable[str] | None) -> list[str] | None:
    """The process ids asked for (None: every process), each checked."""
    if process is None:
        return None
    wanted = [process] if isinstance(process, str) else list(process)
    for pid in wanted:
        if not isinstance(pid, str) or not isinstance(t.get(pid), Process):
            raise UnknownIdError(f"no process with id {pid!r}")
    return list(dict.fromkeys(wanted))


def timeline_figure(
    t: Timeline,
    process: str | Iterable[str] | None = None,
    start: DateLike | None = None,
    end: DateLike | None = None,
) -> Figure:
    """Draw a timeline: rounds as bars on a date axis, with what surrounds them.

    Rounds are bars labelled "Round N", and the gap between consecutive rounds is
    marked with its length in days. With rounds of several processes, each process
    has its own lane, titled with its name, so "Round 2" of two processes never
    share a lane. Ceasefires are shaded bands across the whole figure, labelled in a
    lane of their own with the parties they exclude; labels are stacked so that none
    overlaps another. Resignations, incidents and designations are labelled markers
    in lanes of their own; an incident with contested claims says so.

    Partial dates are drawn as hatched, faded spans over every day they may be, and
    an approximate or uncertain end (``2016-04-27~``, ``2016-04?``) is faded too,
    however precise. A marker dated outside the window is pinned to its edge and
    labelled with its date. Any date from year 1 to 9999-12-31 can be drawn; text
    is drawn as written (a ``$`` in a name is not read as mathtext).

    Parameters
    ----------
    t
        The timeline to draw.
    process
        Draw only the rounds (and gaps) of this process, or of these processes (an
        iterable of ids). Default: every process.
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
        If ``process`` (or one of them) is not a process in ``t``.
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

    Two processes, each in its own lane:

    >>> t = t.with_records(
    ...     Process("astana", "Astana talks", None),
    ...     Round("a1", "astana", 1, "2017-01-23/2017-01-24", "Astana", "proximity",
    ...           "concluded"),
    ...     Round("g4", "geneva", 4, "2017-02-23/2017-03-03", "Geneva", "proximity",
    ...           "concluded"),
    ... )
    >>> texts = figure_texts(timeline_figure(t, process=["geneva", "astana"]))
    >>> "Geneva talks" in texts, "Astana talks" in texts
    (True, True)
    """
    require_timeline(t)
    wanted = _processes(t, process)
    rounds = tuple(r for r in t.rounds if wanted is None or r.process in wanted)
    window = _spans.window(t, rounds, start, end)
    contested = {about for about, _ in t.contested()}

    marks: dict[str, list[Mark]] = {
        "resignations": [
            Mark(r.date, f"{_name(t, r.person, r.date)} resigned") for r in t.resignations
        ],
        # A lasting incident or a designation is marked where it starts.
        "incidents": [
            Mark(_spans.known_ends(i.span)[0], f"{i.kind}, {i.place}", i.id in contested)
            for i in t.incidents
        ],
        "designations": [
            Mark(
                _spans.known_ends(g.period)[0],
                f"{_name(t, g.by, g.period.start)}: {_name(t, g.party, g.period.start)}"
                f" — {g.label}",
            )
            for g in t.designations
            if g.period is not None
        ],
    }
    bands = [
        Band(c.period, _band_label(t, c.name, c.exclusions, c.period.start)) for c in t.ceasefires
    ]
    # One lane of rounds per process, in the order their first rounds start.
    by_process: dict[str, list[Round]] = {}
    for r in rounds:
        by_process.setdefault(r.process, []).append(r)
    several = len(by_process) > 1
    lanes: list[tuple[str, str]] = [("ceasefires", "Ceasefires")] if bands else []  # top first
    lanes += [(f"rounds:{pid}", _name(t, pid) if several else "Rounds") for pid in by_process]
    lanes += [(key, _draw.MARKERS[key][2]) for key, items in marks.items() if items]
    items = sum(len(v) for v in marks.values()) + len(bands)
    height = 2.2 + 0.6 * len(lanes) + 0.25 * items
    fig = new_figure(12.0, max(4.0, min(height, 14.0)))
    ax = fig.add_subplot()
    if window is None or not lanes:
        ax.set_axis_off()
        ax.text(0.5, 0.5, "Nothing to draw", ha="center", va="center", transform=ax.transAxes)
        return fig
    lo, hi = window
    scale = Scale(lo, hi, (hi - lo) / (10.5 * _CHARS_PER_INCH), max(1, (hi - lo) // 80))
    y = 0.0
    for key, title in reversed(lanes):  # bottom lane first
        if key.startswith("rounds:"):
            top = _draw.rounds_lane(ax, by_process[key.split(":", 1)[1]], scale, y)
        elif key == "ceasefires":
            top = _draw.ceasefire_bands(ax, bands, scale, y)
        else:
            top = _draw.marks_lane(ax, marks[key], key, scale, y)
        _draw.lane_title(ax, (y + top) / 2, title)
        y = top + _LANE_GAP

    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    locator = AutoDateLocator(minticks=4, maxticks=10)  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    ax.set_xlim(_draw.x(lo), _draw.x(hi))
    ax.set_ylim(-0.45, y + 0.35)
    ax.set_yticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.grid(axis="x", color="#dddddd", linewidth=0.6)
    ax.set_axisbelow(True)
    names = [_name(t, pid) for pid in by_process]
    ax.set_title(", ".join(names) if names else "Timeline", loc="left", fontsize=11, **_draw.TEXT)
    _legend(fig, lanes, bool(bands))
    return fig


def _band_label(t: Timeline, name: str, exclusions: Iterable[Any], at: PartialDate | None) -> str:
    """A ceasefire's label: its name and the parties it excludes, as called on ``at``."""
    excluded = ", ".join(_name(t, e.party, at) for e in exclusions)
    return name + (f" — excludes {excluded}" if excluded else "")


def _legend(fig: Figure, lanes: list[tuple[str, str]], ceasefires: bool) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    colour = _draw.ROUND_COLOUR
    handles: list[Any] = []
    if any(key.startswith("rounds:") for key, _ in lanes):
        handles.append(Patch(color=colour, label="round (certain days)"))
    handles.append(
        Patch(
            facecolor=colour,
            alpha=0.3,
            hatch="////",
            edgecolor=colour,
            label="may be (partial, approximate or uncertain date)",
        )
    )
    if ceasefires:
        handles.append(Patch(color=_draw.CEASEFIRE_COLOUR, alpha=0.2, label="ceasefire in force"))
    for key, _ in lanes:
        if key in _draw.MARKERS:
            colour, marker, title = _draw.MARKERS[key]
            handles.append(
                Line2D([], [], marker=marker, color=colour, linestyle="", label=title.lower()[:-1])
            )
    fig.legend(handles=handles, loc="outside lower center", ncols=len(handles), fontsize=8)
