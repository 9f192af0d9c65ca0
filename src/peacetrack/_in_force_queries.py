"""What was in force when: :meth:`~peacetrack.Timeline.in_force`, from an interval
index per record type and reading of a period, built by the first question that needs it.

:class:`InForceQueries` is a base of :class:`~peacetrack.Timeline`, which documents its
methods; :meth:`~peacetrack.Timeline.at` and every snapshot ask it. A period becomes
days only through :meth:`peacetrack.Period.bounds`.
"""

from __future__ import annotations

from typing import Any, TypeVar

import attrs

from peacetrack import _index, _participation_queries
from peacetrack._registry import is_registered
from peacetrack._store import Store, chronological
from peacetrack.dates import DateLike, PartialDate, Period
from peacetrack.errors import PeacetrackError
from peacetrack.records import Agreement, Incident, Participation, Record

__all__ = ["InForceQueries"]

R = TypeVar("R", bound=Record)


class InForceQueries(Store):
    """The in-force queries of a :class:`~peacetrack.Timeline` (a base it documents)."""

    __slots__ = ()

    def in_force(
        self,
        kind: type[R],
        at: DateLike | Period,
        *,
        possibly: bool = False,
        throughout: bool = False,
    ) -> tuple[R, ...]:
        """The records of one type in force at ``at``, in chronological order.

        The rule of :meth:`at <peacetrack.Timeline.at>`: a record with a ``period``
        counts when the period was certainly in force at some time during ``at``
        (:meth:`Period.in_force <peacetrack.Period.in_force>`), or may have been with
        ``possibly=True``; an incident over its date or its period; a record without
        a period (an undated designation) only when ``possibly``. ``at`` may be a date
        or a window (a :class:`~peacetrack.Period` or an EDTF interval such as
        ``"2017-01/2017-03"``, read at its widest); with ``throughout=True`` a record
        counts only when it was in force on every day of ``at``, not just on some day.
        Graph views and snapshots ask this, which answers from an interval index in
        O(log n + k) for k records.

        Raises
        ------
        PeacetrackError
            For a record type with neither a period nor a designation's date, or a
            ``possibly`` or ``throughout`` that is not a bool.
        InvalidDateError
            For a date or window that cannot be read.

        Examples
        --------
        >>> from peacetrack import Ceasefire, Timeline
        >>> t = Timeline([Ceasefire("coh", "Cessation of hostilities", "2016-02-27/2016-09")])
        >>> [c.id for c in t.in_force(Ceasefire, "2016-05-01")]
        ['coh']
        >>> t.in_force(Ceasefire, "2016-10-01")
        ()

        In force at some time in the window, but not throughout it:

        >>> [c.id for c in t.in_force(Ceasefire, "2016-01/2016-03")]
        ['coh']
        >>> t.in_force(Ceasefire, "2016-01/2016-03", throughout=True)
        ()
        """
        for flag, value in (("possibly", possibly), ("throughout", throughout)):
            if not isinstance(value, bool):
                raise PeacetrackError(f"{flag} must be True or False, got {value!r}")
        lo, hi = _window(at)
        if kind is Participation:
            return tuple(_participation_queries.in_force(self, lo, hi, possibly, throughout))  # type: ignore[arg-type]
        if kind is Agreement:
            return _participation_queries.agreements(self, None, at, possibly, throughout)  # type: ignore[return-value]
        if not (isinstance(kind, type) and is_registered(kind)) or not any(
            f.name == "period" for f in attrs.fields(kind)
        ):
            raise PeacetrackError(f"{getattr(kind, '__name__', kind)!r} records have no period")
        records = self._in_force(kind, lo, hi, possibly)
        if throughout:
            # An undated record (only in a possible answer) may have held all along.
            return tuple(r for r in records if _covers(_bounds_of(r, possibly), lo, hi))
        return records

    def _in_force(self, kind: type[R], y: int, x: int, possibly: bool) -> tuple[R, ...]:
        """The records of ``kind`` in force during the days ``[y, x]``, in
        chronological order.

        Records whose period is ``None`` (an undated designation) count only in a
        possible answer; an incident counts over its date or its period.

        The index is built over the chronological view, so an answer is a sort of
        positions. Incidents are the exception unless their view is made already:
        they are most of a large corpus, sorting them all would cost more than
        their index, and a date finds few of them, so only those are sorted.
        """
        tag = kind.record_type

        def build() -> tuple[Any, bool, _index.IntervalIndex, _index.DateIndex, list[int]]:
            view = self._cache.get(("view", tag)) if kind is Incident else self._view(kind)
            records = view if view is not None else self._by_type.get(tag, [])
            # Periods go in an interval tree; single dates (most incidents), whose
            # lengths take a few values, in a cheaper index of their own.
            spans: tuple[list[int], list[int], list[int]] = ([], [], [])
            days: tuple[list[int], list[int], list[int]] = ([], [], [])
            undated: list[int] = []
            for i, record in enumerate(records):
                bounds = _bounds_of(record, possibly)
                if bounds is None:
                    undated.append(i)
                    continue
                starts, ends, items = days if record.period is None else spans
                starts.append(bounds[0])
                ends.append(bounds[1])
                items.append(i)
            periods, dates = _index.IntervalIndex(*spans), _index.DateIndex(*days)
            return records, view is not None, periods, dates, undated

        records, ordered, periods, dates, undated = self._cached(("in force", tag, possibly), build)
        found = periods.overlapping(y, x)
        found += dates.overlapping(y, x)
        if possibly and undated:
            found += undated
        if ordered:
            return tuple(map(records.__getitem__, sorted(found)))
        return tuple(sorted(map(records.__getitem__, found), key=chronological))


def _window(at: DateLike | Period) -> tuple[int, int]:
    """The days ``at`` spans, as ordinals: a date's, or a window's widest reading."""
    if isinstance(at, Period) or (isinstance(at, str) and "/" in at):
        return Period.coerce(at).bounds(possibly=True)
    d = PartialDate.coerce(at)
    return d.earliest_ordinal, d.latest_ordinal


def _covers(bounds: tuple[int, int] | None, lo: int, hi: int) -> bool:
    return bounds is None or (bounds[0] <= lo and hi <= bounds[1])


def _bounds_of(record: Any, possibly: bool) -> tuple[int, int] | None:
    """The days a record is in force under one reading (see :meth:`Period.bounds`):
    its period's, or a dated incident's as the one-date period ``date/date``;
    ``None`` for no period (an undated designation)."""
    period = record.period
    if period is not None:
        return period.bounds(possibly)  # type: ignore[no-any-return]
    date = getattr(record, "date", None)
    if date is None:
        return None
    # Period(date, date).bounds(possibly), without making the Period.
    lo, hi = date.bounds(True)
    return (lo, hi) if possibly else (hi, lo)
