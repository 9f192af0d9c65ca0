"""Where the timeline's things go, in day ordinals: the window, stacking levels, the
certain and uncertain parts of a period, the gaps between rounds. No matplotlib here."""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import InvalidDateError
from peacetrack.records import Round

if TYPE_CHECKING:
    from peacetrack.timeline import Timeline


def window(
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
            *(i.span.start for i in t.incidents),
            *(i.period.end for i in t.incidents if i.period is not None and i.period.end),
        ]
        lasts += [d.latest_ordinal + 1 for d in others]
        if not rounds:
            firsts += [d.earliest_ordinal for d in others]
        if not firsts:
            starts = [g.period.start for g in t.designations if g.period is not None]
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


def period_parts(period: Period, lo: int, hi: int) -> Iterator[tuple[int, int, bool]]:
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
            if end is not None and end.earliest_ordinal <= start.latest_ordinal:
                yield before, end, start


def days_label(gap: Period) -> str:
    low, high = gap.days()
    return f"{low} days" if low == high else f"{low}–{high} days"
