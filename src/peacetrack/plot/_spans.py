"""Where the timeline's things go, in day ordinals: the window, stacking levels, the
certain and uncertain parts of a period, the gaps between rounds. No matplotlib here."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from peacetrack.dates import FAR_FUTURE, DateLike, PartialDate, Period
from peacetrack.errors import InvalidDateError
from peacetrack.records import Round

if TYPE_CHECKING:
    from peacetrack.timeline import Timeline


def window(
    t: Timeline, rounds: tuple[Round, ...], start: DateLike | None, end: DateLike | None
) -> tuple[int, int] | None:
    """The day ordinals shown: the given bounds, else the talks and what surrounds them.

    The window never leaves the calendar matplotlib can draw (1 January of year 1 to
    31 December 9999), so a date at either end of the range, such as the common
    "no end" placeholder 9999-12-31, is drawn rather than crashing the figure.
    """
    window = _window(t, rounds, start, end)
    if window is None:
        return None
    lo, hi = max(window[0], FIRST_DAY), min(window[1], LAST_DAY)
    if hi <= lo:  # only the last day of 9999: show the few days before it
        lo = max(FIRST_DAY, hi - 30)
    return lo, hi


FIRST_DAY = 1
"""The first day ordinal a figure can show: 0001-01-01."""
LAST_DAY = FAR_FUTURE
"""The last day ordinal a figure's edge can be at: 9999-12-31 (shown up to its start)."""


def _window(
    t: Timeline, rounds: tuple[Round, ...], start: DateLike | None, end: DateLike | None
) -> tuple[int, int] | None:
    lo = None if start is None else PartialDate.coerce(start).earliest_ordinal
    hi = None if end is None else PartialDate.coerce(end).latest_ordinal + 1
    if lo is not None and hi is not None and hi <= lo:
        raise InvalidDateError(f"end {end} is before start {start}")
    if lo is None or hi is None:
        # The talks set the window: it opens with the first round (earlier things are
        # pinned to the left edge) and closes after the last dated thing.
        firsts: list[int] = [known_ends(r.period)[0].earliest_ordinal for r in rounds]
        lasts: list[int] = [known_ends(r.period)[1].latest_ordinal + 1 for r in rounds]
        others = [
            *(known_ends(c.period)[0] for c in t.ceasefires),
            *(r.date for r in t.resignations),
            *(known_ends(i.span)[0] for i in t.incidents),
            *(i.period.end for i in t.incidents if i.period is not None and i.period.end),
        ]
        lasts += [d.latest_ordinal + 1 for d in others]
        if not rounds:
            firsts += [d.earliest_ordinal for d in others]
        if not firsts:
            starts = [known_ends(g.period)[0] for g in t.designations if g.period is not None]
            firsts = [d.earliest_ordinal for d in starts]
            lasts = [d.latest_ordinal + 1 for d in starts]
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


def levels(spans: Iterable[tuple[int, float, float]]) -> dict[int, int]:
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


def _qualified(date: PartialDate) -> bool:
    return date.approximate or date.uncertain


def period_parts(
    period: Period, lo: int, hi: int, fuzz: int = 0
) -> Iterator[tuple[int, int, bool]]:
    """``(first, past_last, certain)`` pieces of a period, clipped to the window.

    The certain part is the period's certain reading and the rest of its possible
    reading (:meth:`Period.bounds`) the uncertainty of partial, qualified or unknown
    ends. An end that is approximate or uncertain (``~``, ``?``, ``%``) is drawn
    uncertain however precise it is: its piece also covers ``fuzz`` days inside the
    period, so that a day-precise "2016-04-27~" shows as a faded end, not a sharp
    one. An open period runs to the window's edge.
    """
    s_lo, e_hi = period.bounds(possibly=True)
    solid_from, solid_to = period.bounds(possibly=False)
    if period.start is not None and _qualified(period.start):
        solid_from += fuzz
    if period.end is not None and _qualified(period.end):
        solid_to -= fuzz
    e_hi, solid_to = min(e_hi, hi - 1) + 1, min(solid_to, hi - 1) + 1
    pieces = [(s_lo, solid_from, False), (solid_from, solid_to, True), (solid_to, e_hi, False)]
    if solid_to <= solid_from:  # the ends' uncertainties overlap: nothing is certain
        pieces = [(s_lo, e_hi, False)]
    for first, last, certain in pieces:
        first, last = max(first, lo), min(last, hi)
        if first < last:
            yield first, last, certain


def gaps(rounds: tuple[Round, ...]) -> Iterator[tuple[int, PartialDate, PartialDate]]:
    """``(index of the round before, its end, the next one's start)`` for each gap
    between consecutive rounds of a process, by the rule of :meth:`Timeline.gaps`."""
    for process in sorted({r.process for r in rounds}):
        ordered = sorted(
            (i for i, r in enumerate(rounds) if r.process == process),
            key=lambda i: rounds[i].number,
        )
        for before, after in itertools.pairwise(ordered):
            end, start = rounds[before].period.end, rounds[after].period.start
            if end is None or start is None:
                continue
            if end.earliest_ordinal <= start.latest_ordinal:
                yield before, end, start


def known_ends(period: Period) -> tuple[PartialDate, PartialDate]:
    """The first and the last known date of a period: its start and end, or the one
    it has when the other is open or unknown (the end of an open period is its
    start)."""
    first = period.start if period.start is not None else period.end
    last = period.end if period.end is not None else period.start
    assert first is not None  # a period has at least one date
    assert last is not None
    return first, last


def days_label(gap: Period) -> str:
    low, high = gap.days()
    return f"{low} days" if low == high else f"{low}–{high} days"
