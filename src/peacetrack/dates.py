"""Dates that keep their precision: ``PartialDate``, ``Period`` and ``days_between``.

News reports say "in April" or "last September" as often as they give a day. A
:class:`PartialDate` keeps exactly what was said: "2016-04" stays a month and is never
turned into 1 April. Its :attr:`~PartialDate.earliest` and :attr:`~PartialDate.latest`
bounds are computed from the calendar (pendulum knows the month lengths and leap
years), and comparisons respect what is not known.

Strings are EDTF (Extended Date/Time Format, ISO 8601-2): level 0 dates (``YYYY``,
``YYYY-MM``, ``YYYY-MM-DD``), the level 1 qualifiers ``?`` (uncertain), ``~``
(approximate) and ``%`` (both) on the whole date, and intervals ``start/end`` with
``..`` for an open end. Qualifiers are kept and written back, but they do not widen
the bounds: ``2016-04~`` has the same earliest and latest day as ``2016-04``, as in
the reference implementation's *strict* bounds.

Examples
--------
>>> april = PartialDate.parse("2016-04")
>>> april.precision
<Precision.MONTH: 'month'>
>>> april.contains(PartialDate.parse("2016-04-27"))
True
>>> april.definitely_before(PartialDate.parse("2016-04-27"))
False
>>> april.possibly_before(PartialDate.parse("2016-04-27"))
True
>>> days_between("2016-04", "2016-05-29")
(29, 58)
"""

from __future__ import annotations

import datetime
import enum
import functools
import re
from typing import Any, Final

import attrs
import pendulum

from peacetrack.errors import InvalidDateError

__all__ = ["FAR_FUTURE", "DateLike", "PartialDate", "Period", "Precision", "days_between"]

# ASCII digits only: "\d" alone would also accept other scripts' digits ("٢٠١٦").
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?", re.ASCII)
_ANY_QUALIFIER = frozenset("?~%")


class Precision(enum.Enum):
    """How much of a date is known: the year, the month, or the day."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@functools.lru_cache(maxsize=4096)
def _days_in_month(year: int, month: int) -> int:
    return pendulum.Date(year, month, 1).days_in_month


def _check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDateError(f"{name} must be an integer, got {value!r}")
    return value


@attrs.frozen(eq=False, order=False, repr=False)
class PartialDate:
    """A calendar date known to the year, the month or the day.

    Parameters
    ----------
    year, month, day
        The known parts; ``day`` needs ``month``. Years run from 1 to 9999.
    approximate, uncertain
        The EDTF level 1 qualifiers ``~`` and ``?`` (both together print as ``%``).

    Raises
    ------
    InvalidDateError
        For a month outside 1..12, a day the month does not have, a day without a
        month, or a year outside 1..9999.

    Examples
    --------
    >>> d = PartialDate(2016, 2, 29)
    >>> str(d), d.precision.value
    ('2016-02-29', 'day')
    >>> PartialDate.parse("2015-09~").approximate
    True
    >>> sorted(PartialDate.parse(s) for s in ["2016-05-29", "2016", "2016-04"])
    [PartialDate('2016'), PartialDate('2016-04'), PartialDate('2016-05-29')]
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = attrs.field(default=False, kw_only=True)
    uncertain: bool = attrs.field(default=False, kw_only=True)
    # Day ordinals of the bounds, kept as plain ints for fast comparisons and indexes.
    _lo: int = attrs.field(init=False, repr=False)
    _hi: int = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        year = _check_int("year", self.year)
        if not 1 <= year <= 9999:
            raise InvalidDateError(f"year {year} is not in 1..9999")
        if self.month is None:
            if self.day is not None:
                raise InvalidDateError(f"a day ({self.day}) needs a month")
            lo = datetime.date(year, 1, 1).toordinal()
            hi = datetime.date(year, 12, 31).toordinal()
        else:
            month = _check_int("month", self.month)
            if not 1 <= month <= 12:
                raise InvalidDateError(f"month {month} is not in 1..12")
            length = _days_in_month(year, month)
            first = datetime.date(year, month, 1).toordinal()
            if self.day is None:
                lo, hi = first, first + length - 1
            else:
                day = _check_int("day", self.day)
                if not 1 <= day <= length:
                    raise InvalidDateError(
                        f"day {day} is not in 1..{length} for {year:04d}-{month:02d}"
                    )
                lo = hi = first + day - 1
        for flag in ("approximate", "uncertain"):
            if not isinstance(getattr(self, flag), bool):
                raise InvalidDateError(f"{flag} must be True or False")
        object.__setattr__(self, "_lo", lo)
        object.__setattr__(self, "_hi", hi)

    # -- construction ---------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an EDTF date: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``, optionally
        followed by ``?``, ``~`` or ``%``.

        Raises
        ------
        InvalidDateError
            With the input quoted, for anything else ("2016-4", "16-04", "",
            "2016-13", "2016-02-30").
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"expected an EDTF date string, got {text!r}")
        match = _DATE_RE.fullmatch(text)
        if match is None:
            raise InvalidDateError(
                f"{text!r} is not a valid EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD, "
                "optionally followed by ?, ~ or %"
            )
        year, month, day, qualifier = match.groups()
        try:
            return cls(
                int(year),
                int(month) if month else None,
                int(day) if day else None,
                approximate=qualifier in ("~", "%"),
                uncertain=qualifier in ("?", "%"),
            )
        except InvalidDateError as exc:
            raise InvalidDateError(f"{text!r} is not a valid EDTF date: {exc}") from None

    @classmethod
    def from_date(cls, value: datetime.date) -> PartialDate:
        """A day-precise date from a :class:`datetime.date` (or ``pendulum.Date``)."""
        return cls(value.year, value.month, value.day)

    @classmethod
    def coerce(cls, value: DateLike) -> PartialDate:
        """Accept a ``PartialDate``, an EDTF string or a ``datetime.date``.

        Every query that takes a date goes through here, so users may write
        ``t.at("2016-05-01")``.
        """
        if isinstance(value, PartialDate):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        if isinstance(value, datetime.datetime):
            raise InvalidDateError(f"expected a date, not a datetime: {value!r}")
        if isinstance(value, datetime.date):
            return cls.from_date(value)
        raise InvalidDateError(
            f"expected a PartialDate, an EDTF string or a date, got {type(value).__name__} "
            f"{value!r}"
        )

    # -- what is known ----------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """The finest part that is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> pendulum.Date:
        """The first day the date can be."""
        return pendulum.Date.fromordinal(self._lo)

    @property
    def latest(self) -> pendulum.Date:
        """The last day the date can be."""
        return pendulum.Date.fromordinal(self._hi)

    @property
    def earliest_ordinal(self) -> int:
        """``earliest.toordinal()``, without building a date object."""
        return self._lo

    @property
    def latest_ordinal(self) -> int:
        """``latest.toordinal()``, without building a date object."""
        return self._hi

    @property
    def is_exact(self) -> bool:
        """Day-precise and without qualifiers."""
        return self.day is not None and not (self.approximate or self.uncertain)

    # -- reasoning ------------------------------------------------------------------

    def contains(self, other: DateLike) -> bool:
        """Every day ``other`` can be is a day this date can be.

        >>> PartialDate.parse("2016").contains("2016-04")
        True
        """
        o = PartialDate.coerce(other)
        return self._lo <= o._lo and o._hi <= self._hi

    def definitely_before(self, other: DateLike) -> bool:
        """Every day this date can be comes before every day ``other`` can be."""
        return self._hi < PartialDate.coerce(other)._lo

    def possibly_before(self, other: DateLike) -> bool:
        """Some day this date can be comes before some day ``other`` can be."""
        return self._lo < PartialDate.coerce(other)._hi

    def sort_key(self) -> tuple[int, int, bool, bool]:
        """The total order used for sorting: ``(earliest, latest)`` first, then the
        qualifiers, so that two dates tie only when they are equal."""
        return self._order()

    # -- dunder ---------------------------------------------------------------------

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        if self.uncertain:
            return text + "?"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def _key(self) -> tuple[int, int | None, int | None, bool, bool]:
        return (self.year, self.month, self.day, self.approximate, self.uncertain)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() < other._order()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() <= other._order()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() > other._order()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._order() >= other._order()

    def _order(self) -> tuple[int, int, bool, bool]:
        # (earliest, latest) decides; the qualifiers only break ties, so that the
        # order is total and a == b exactly when neither a < b nor b < a.
        return (self._lo, self._hi, self.uncertain, self.approximate)


DateLike = PartialDate | str | datetime.date
"""Anything a query accepts as a date: a PartialDate, an EDTF string, a date."""

FAR_FUTURE: Final = datetime.date.max.toordinal()
"""The day ordinal an open period's end reads as (31 December 9999): later than any
date peacetrack can hold."""


def _to_partial_date(value: Any) -> PartialDate:
    return PartialDate.coerce(value)


def _to_optional_partial_date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.coerce(value)


@attrs.frozen(repr=False)
class Period:
    """A span from ``start`` to ``end``; ``end=None`` means it is still running.

    Both ends are :class:`PartialDate`s (strings are parsed), so "from January 2016 to
    29 May 2016" is ``Period("2016-01", "2016-05-29")``. An end that is certainly
    before the start is refused.

    Examples
    --------
    >>> p = Period.parse("2016-04-13/2016-04-27")
    >>> p.days()
    (14, 14)
    >>> p.contains("2016-04-20"), p.contains("2016-04")
    (True, False)
    >>> str(Period("2016-01"))
    '2016-01/..'
    """

    start: PartialDate = attrs.field(converter=_to_partial_date)
    end: PartialDate | None = attrs.field(default=None, converter=_to_optional_partial_date)

    def __attrs_post_init__(self) -> None:
        if self.end is not None and self.end.latest_ordinal < self.start.earliest_ordinal:
            raise InvalidDateError(f"end {self.end} is before start {self.start}")

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read an EDTF interval ``start/end``; ``..`` as the end means open.

        Raises
        ------
        InvalidDateError
            Naming the input, for a missing ``/``, a bad date on either side, an open
            start, or an end before the start.
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"expected an EDTF interval string, got {text!r}")
        start, sep, end = text.partition("/")
        if not sep:
            raise InvalidDateError(f"{text!r} is not an EDTF interval: expected start/end")
        if start in ("", ".."):
            raise InvalidDateError(
                f"{text!r}: an open or unknown start is not supported; give the earliest "
                "date known, at the precision known (e.g. '2016/2016-05-29')"
            )
        try:
            return cls(PartialDate.parse(start), None if end == ".." else PartialDate.parse(end))
        except InvalidDateError as exc:
            raise InvalidDateError(f"{text!r} is not a valid EDTF interval: {exc}") from None

    @classmethod
    def coerce(cls, value: Period | str) -> Period:
        """Accept a ``Period`` or an EDTF interval string."""
        if isinstance(value, Period):
            return value
        if isinstance(value, str):
            return cls.parse(value)
        raise InvalidDateError(
            f"expected a Period or an EDTF interval string, got {type(value).__name__} {value!r}"
        )

    @property
    def is_open(self) -> bool:
        """The period has no end yet."""
        return self.end is None

    @property
    def earliest_ordinal(self) -> int:
        """The first day the period can have begun."""
        return self.start.earliest_ordinal

    @property
    def latest_ordinal(self) -> int:
        """The last day the period can run to (a far-future day when open)."""
        return FAR_FUTURE if self.end is None else self.end.latest_ordinal

    def bounds(self, possibly: bool) -> tuple[int, int]:
        """The days the period occupies under one reading, as ``(first, last)`` day
        ordinals: the one reading of a period from which :meth:`in_force`,
        :meth:`overlaps`, the timeline's interval index and every ``at=`` question
        derive.

        ``possibly=True`` is the widest reading: from the earliest day the start can
        be to the latest day the end can be. ``possibly=False`` is the certain core:
        from the latest day the start can be to the earliest day the end can be.
        No reading ends before it starts, so a certain end is never earlier than
        the start's earliest day ("2016-04-13/2016" certainly runs to 13 April, not
        to 1 January). The core can be empty (``first > last``): a period from
        "2016-01" to "2016-01-15" may have ended before it certainly began. An open
        end reads as :data:`FAR_FUTURE`.

        >>> p = Period.parse("2016-01/2016-05-29")
        >>> [str(pendulum.Date.fromordinal(day)) for day in p.bounds(possibly=False)]
        ['2016-01-31', '2016-05-29']
        >>> [str(pendulum.Date.fromordinal(day)) for day in p.bounds(possibly=True)]
        ['2016-01-01', '2016-05-29']
        """
        start, end = self.start, self.end
        if possibly:
            return start._lo, FAR_FUTURE if end is None else end._hi
        return start._hi, FAR_FUTURE if end is None else max(end._lo, start._lo)

    def contains(self, value: DateLike) -> bool:
        """Every day ``value`` can be lies within the widest reading of the period,
        from ``start.earliest`` to ``end.latest``."""
        d = PartialDate.coerce(value)
        return (
            self.start.earliest_ordinal <= d.earliest_ordinal
            and d.latest_ordinal <= self.latest_ordinal
        )

    def in_force(self, value: DateLike, *, possibly: bool = False) -> bool:
        """Whether the period was in force at some time during ``value``.

        By default the answer is *certain*: true only when, however the partial
        ends are read, the period and the date share a day (``start.latest <=
        date.latest`` and ``end.earliest >= date.earliest``). For a day-precise
        date that means "certainly in force that day". With ``possibly=True`` it is
        true when some reading shares a day.

        >>> alloush = Period("2016-01", "2016-05-29")
        >>> alloush.in_force("2016-01-15"), alloush.in_force("2016-01-15", possibly=True)
        (False, True)
        >>> alloush.in_force("2016-05-29"), alloush.in_force("2016-05-30")
        (True, False)
        """
        d = PartialDate.coerce(value)
        first, last = self.bounds(possibly)
        return first <= d.latest_ordinal and d.earliest_ordinal <= last

    def overlaps(self, other: Period | str) -> bool:
        """The two periods may share a day (on the widest reading of both).

        ``other`` may be an EDTF interval string.

        >>> Period.parse("2016-04/..").overlaps("2016-03/2016-05")
        True
        """
        first, last = self.bounds(possibly=True)
        other_first, other_last = Period.coerce(other).bounds(possibly=True)
        return first <= other_last and other_first <= last

    def days(self, until: DateLike | None = None) -> tuple[int, int]:
        """``(min_days, max_days)`` from start to end; an open period is measured to
        ``until``.

        Raises
        ------
        InvalidDateError
            When the period is open and no ``until`` is given.
        """
        end = self.end
        if end is None:
            if until is None:
                raise InvalidDateError(f"period {self} is open; pass until= to measure it")
            end = PartialDate.coerce(until)
        low, high = days_between(self.start, end)
        return max(low, 0), high

    def sort_key(self) -> tuple[int, int, int, int]:
        """Order periods by start, then end (open ends last)."""
        end_lo = FAR_FUTURE if self.end is None else self.end.earliest_ordinal
        return (
            self.start.earliest_ordinal,
            self.start.latest_ordinal,
            end_lo,
            self.latest_ordinal,
        )

    def __str__(self) -> str:
        return f"{self.start}/{'..' if self.end is None else self.end}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"


def days_between(a: DateLike, b: DateLike) -> tuple[int, int]:
    """The fewest and the most days from ``a`` to ``b`` (negative if ``b`` can be
    earlier). Equal when both dates are day-precise.

    >>> days_between("2016-04-27", "2016-05-29")
    (32, 32)
    >>> days_between("2016-04", "2016-05-29")
    (29, 58)
    """
    first, second = PartialDate.coerce(a), PartialDate.coerce(b)
    return (
        second.earliest_ordinal - first.latest_ordinal,
        second.latest_ordinal - first.earliest_ordinal,
    )
