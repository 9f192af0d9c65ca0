"""What the engines share: the questions as day ordinals, which tables answer ``at``.

Both the DuckDB store and the Dask functions ask the same questions of the same
Parquet dataset (see :mod:`peacetrack.tables`), with the same readings as
:class:`~peacetrack.Timeline`:

``between(start, end)``
    Events whose whole date lies in ``[start.earliest, end.latest]``; with
    ``possibly=True``, events whose date may fall in it (it meets the window).
``at(date)``
    Records of a kind with a ``period`` in force during the date, as
    ``Timeline.in_force`` reads them: ``first <= date.latest and last >= date.earliest``
    on the certain (or, ``possibly=True``, the possible) bound columns; a record
    without a period falls back on its ``date`` as the one-date period ``date/date``
    (a dated incident), or, with no date either (an undated designation), counts
    only in a possible answer. Participations and agreements, whose effective
    periods come from other records (a round, a process, a superseding agreement),
    are not answered here: ask ``Timeline.participants`` and ``Timeline.agreements``.
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
from peacetrack.tables import first_day_columns

__all__ = [
    "EXPANDING",
    "NOT_ANSWERED",
    "Window",
    "at_day",
    "in_force_bounds",
    "in_force_tables",
    "window",
]

NOT_ANSWERED: Final = ("participation", "agreement")
"""Record types with a period that ``at`` does not answer (see the module docs)."""
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


def in_force_tables() -> dict[str, str | None]:
    """Record type -> the date field ``at`` falls back on when a record has no period
    (``None``: none, so an undated record counts only when possibly), for every
    registered type with a ``period`` but those of :data:`NOT_ANSWERED`."""
    found: dict[str, str | None] = {}
    for name in RECORD_TYPES:
        bounds = first_day_columns(name)  # a date's earliest, a period's possible first
        if "period_possible_first" not in bounds or name in NOT_ANSWERED:
            continue
        found[name] = "date" if "date_fuzzy_earliest" in bounds else None
    return found


def in_force_bounds(date_field: str | None, reading: str) -> tuple[str, str]:
    """SQL expressions of a record's first and last day in force under ``reading``
    (``"certain"`` or ``"possible"``): its period's bound columns, else its date's
    as the one-date period ``date/date`` (certain: from its latest day to its
    earliest, both fuzzy, as ``Period.bounds`` reads a qualified date), else NULL."""
    first, last = f"period_{reading}_first", f"period_{reading}_last"
    if date_field is None:
        return first, last
    # Period(date, date).bounds(possibly): a qualified date read at its widest.
    early, late = f"{date_field}_fuzzy_earliest", f"{date_field}_fuzzy_latest"
    if reading == "certain":
        early, late = late, early
    return f"coalesce({first}, {early})", f"coalesce({last}, {late})"
