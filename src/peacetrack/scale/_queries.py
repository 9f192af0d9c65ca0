"""What the engines share: the questions as day ordinals, which tables answer ``at``.

Both the DuckDB store and the Dask functions ask the same questions of the same
Parquet dataset (see :mod:`peacetrack.tables`), with the same readings as
:class:`~peacetrack.Timeline`:

``between(start, end)``
    Events whose whole date lies in ``[start.earliest, end.latest]``; with
    ``possibly=True``, events whose date may fall in it (it meets the window).
``at(date)``
    Records of a kind with a ``period`` in force during the date: ``first <= date.latest
    and last >= date.earliest`` on the certain (or, ``possibly=True``, the possible)
    bound columns; designations from their date on (certain once its latest day has
    come, possibly once its earliest has; undated ones possibly always).
``involving(id)``
    Events of the record and of every record that refers to it (not as a source);
    a delegation also stands for its referrers, and so does a membership.
"""

from __future__ import annotations

import datetime
from typing import Final

import attrs

from peacetrack.dates import DateLike, PartialDate
from peacetrack.errors import InvalidDateError, PeacetrackError
from peacetrack.io import RECORD_TYPES
from peacetrack.tables._layout import columns_of

__all__ = ["EXPANDING", "FROM_DATE_ON", "Window", "at_day", "in_force_tables", "window"]

FROM_DATE_ON: Final = {"designation": "date"}
"""Record types in force from a date on, and the field holding it (as ``Timeline.at``)."""
EXPANDING: Final = ("delegation", "membership")
"""Record types that stand for the records referring to them (as ``Timeline.involving``)."""


@attrs.frozen
class Window:
    """A closed window of days, as dates and as the years a partition can hold."""

    first: datetime.date
    last: datetime.date

    @property
    def years(self) -> tuple[int, int]:
        return self.first.year, self.last.year


def _day(ordinal: int) -> datetime.date:
    return datetime.date.fromordinal(ordinal)


def window(start: DateLike, end: DateLike) -> Window:
    """The window ``between(start, end)`` asks about.

    Raises
    ------
    InvalidDateError
        For a date that cannot be read, or an ``end`` certainly before ``start``.
    """
    first, last = PartialDate.coerce(start), PartialDate.coerce(end)
    lo, hi = first.earliest_ordinal, last.latest_ordinal
    if hi < lo:
        raise InvalidDateError(f"end {last} is before start {first}")
    return Window(_day(lo), _day(hi))


def at_day(date: DateLike, possibly: object) -> Window:
    """The days ``at(date)`` asks about (checks ``possibly`` as ``Timeline.at`` does)."""
    if not isinstance(possibly, bool):
        raise PeacetrackError(f"possibly must be True or False, got {possibly!r}")
    d = PartialDate.coerce(date)
    return Window(_day(d.earliest_ordinal), _day(d.latest_ordinal))


def in_force_tables() -> dict[str, str]:
    """Record type -> how ``at`` reads it: ``"period"`` or the from-date-on field."""
    found = {}
    for name, cls in RECORD_TYPES.items():
        periods = [c for c in columns_of(cls) if c.kind == "period" and c.name == "period"]
        if periods and not periods[0].optional:
            found[name] = "period"
        elif name in FROM_DATE_ON:
            found[name] = FROM_DATE_ON[name]
    return found
