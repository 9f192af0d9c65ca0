"""Dates that keep their precision: ``PartialDate``, ``Period`` and ``days_between``.

News reports say "in April" or "last September" as often as they give a day. A
:class:`PartialDate` keeps exactly what was said: "2016-04" stays a month and is never
turned into 1 April. Its :attr:`~PartialDate.earliest` and :attr:`~PartialDate.latest`
bounds are computed from the calendar, and comparisons respect what is not known.

Strings are EDTF (Extended Date/Time Format, ISO 8601-2), every level 0 and level 1
form: dates (``2016``, ``2016-04``, ``2016-04-27``), dates and times
(``2016-04-27T10:00:00Z``), the qualifiers ``?`` (uncertain), ``~`` (approximate)
and ``%`` (both), unspecified digits (``201X``, ``2016-XX``), seasons
(``2016-21``, spring) and intervals ``start/end`` whose ends may be open (``..``)
or unknown (empty). Strict bounds equal python-edtf's ``lower_strict`` and
``upper_strict``; a qualified date is *possibly* one unit of its precision earlier
or later (two for ``%``), see :meth:`PartialDate.bounds`.

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
import re
from typing import Any

import attrs
import pendulum

from peacetrack import _dateparts as _parts
from peacetrack import _edtf
from peacetrack._edtf import FAR_FUTURE, FAR_PAST, UNKNOWN_SPAN_YEARS
from peacetrack.errors import InvalidDateError

__all__ = [
    "FAR_FUTURE",
    "FAR_PAST",
    "UNKNOWN_SPAN_YEARS",
    "DateLike",
    "PartialDate",
    "Period",
    "Precision",
    "days_between",
]

# ASCII digits only: "\d" alone would also accept other scripts' digits ("٢٠١٦").
_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?([?~%])?", re.ASCII)


class Precision(enum.Enum):
    """How much of a date is known, from a day to a millennium."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    SEASON = "season"
    DECADE = "decade"
    CENTURY = "century"
    MILLENNIUM = "millennium"


# One unit of each precision, as (months, days): the fuzzy margin of a qualified date.
_UNIT = {
    Precision.DAY: (0, 1),
    Precision.MONTH: (1, 0),
    Precision.SEASON: (0, _edtf.SEASON_PADDING_DAYS),
    Precision.YEAR: (12, 0),
    Precision.DECADE: (120, 0),
    Precision.CENTURY: (1200, 0),
    Precision.MILLENNIUM: (12000, 0),
}
_X_PRECISION = {1: Precision.DECADE, 2: Precision.CENTURY, 3: Precision.MILLENNIUM}


@attrs.frozen(eq=False, order=False, repr=False)
class PartialDate:
    """A calendar date known to the day, month, season, year, decade, century or
    millennium, with an optional time of day.

    Parameters
    ----------
    year, month, day
        The known parts; ``day`` needs ``month``. Years run from 1 to 9999.
    approximate, uncertain
        The EDTF level 1 qualifiers ``~`` and ``?`` (both together print as ``%``).
    season
        An EDTF season, 21 to 24 (spring, summer, autumn, winter), instead of a month.
    unspecified_digits
        How many of the year's rightmost digits are unspecified (``201X`` is
        ``PartialDate(2010, unspecified_digits=1)``, the 2010s).
    unspecified_parts
        How many parts after the known ones are written ``XX``: ``2016-XX`` is
        ``PartialDate(2016, unspecified_parts=1)``, ``2016-XX-XX`` has 2.
    time
        A time of day, ``hh:mm:ss`` with an optional ``Z`` or ``+hh:mm`` offset, on
        a day-precise date. Bounds stay whole days; the time orders the day.

    Raises
    ------
    InvalidDateError
        For a month outside 1..12, a day the month does not have, a day without a
        month, a year outside 1..9999, or parts EDTF does not combine.

    Examples
    --------
    >>> d = PartialDate(2016, 2, 29)
    >>> str(d), d.precision.value
    ('2016-02-29', 'day')
    >>> PartialDate.parse("2015-09~").approximate
    True
    >>> sorted(PartialDate.parse(s) for s in ["2016-05-29", "2016", "2016-04"])
    [PartialDate('2016'), PartialDate('2016-04'), PartialDate('2016-05-29')]
    >>> str(PartialDate(2010, unspecified_digits=1).latest)
    '2019-12-31'
    """

    year: int
    month: int | None = None
    day: int | None = None
    approximate: bool = attrs.field(default=False, kw_only=True)
    uncertain: bool = attrs.field(default=False, kw_only=True)
    season: int | None = attrs.field(default=None, kw_only=True)
    unspecified_digits: int = attrs.field(default=0, kw_only=True)
    unspecified_parts: int = attrs.field(default=0, kw_only=True)
    time: str | None = attrs.field(default=None, kw_only=True)
    # Day ordinals of the bounds, kept as plain ints for fast comparisons and indexes,
    # and the instant of the time of day (0 without one), which orders a day.
    _lo: int = attrs.field(init=False, repr=False)
    _hi: int = attrs.field(init=False, repr=False)
    _instant: int = attrs.field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        year = _parts.check_int("year", self.year)
        if not 1 <= year <= 9999:
            raise InvalidDateError(
                f"year {year} is outside the years peacetrack can hold (1 to 9999)"
            )
        instant = 0
        if (
            self.season is not None
            or self.unspecified_digits
            or self.unspecified_parts
            or self.time is not None
        ):
            lo, hi, instant = _parts.extended_bounds(self, year)
        elif self.month is None:
            if self.day is not None:
                raise InvalidDateError(f"a day ({self.day}) needs a month")
            lo = datetime.date(year, 1, 1).toordinal()
            hi = datetime.date(year, 12, 31).toordinal()
        else:
            lo, hi = _parts.day_or_month(year, self.month, self.day)
        for flag in ("approximate", "uncertain"):
            if not isinstance(getattr(self, flag), bool):
                raise InvalidDateError(f"{flag} must be True or False")
        object.__setattr__(self, "_lo", lo)
        object.__setattr__(self, "_hi", hi)
        object.__setattr__(self, "_instant", instant)

    # -- construction ---------------------------------------------------------------

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read an EDTF level 0 or level 1 date.

        ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``YYYY-MM-DDThh:mm:ss`` (with ``Z`` or
        an offset), seasons ``YYYY-21`` to ``YYYY-24``, unspecified digits (``201X``,
        ``20XX``, ``2XXX``, ``2016-XX``, ``2016-04-XX``, ``2016-XX-XX``), each date
        optionally followed by ``?``, ``~`` or ``%``.

        Raises
        ------
        InvalidDateError
            With the input quoted: for anything else ("2016-4", "16-04", "",
            "2016-13", "2016-02-30"); for a year outside 1..9999 ("0000", "-0050",
            "Y170000"), saying so; for EDTF level 2, naming the feature.

        Examples
        --------
        >>> [str(PartialDate.parse(s).earliest) for s in ["2016-21", "201X", "2016-XX"]]
        ['2016-03-01', '2010-01-01', '2016-01-01']
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"expected an EDTF date string, got {text!r}")
        match = _DATE_RE.fullmatch(text)
        try:
            if match is not None and not 21 <= int(match[2] or 0) <= 24:
                year, month, day, qualifier = match.groups()
                return cls(
                    int(year),
                    int(month) if month else None,
                    int(day) if day else None,
                    approximate=qualifier in ("~", "%"),
                    uncertain=qualifier in ("?", "%"),
                )
            args = _edtf.parse_slow(text)
            if args is not None:
                return cls(**args)
        except InvalidDateError as exc:
            if "outside the years" in str(exc):
                raise InvalidDateError(_edtf.year_range_message(text, text[:4])) from None
            feature = _edtf.level2_feature(text)
            if feature is not None:
                raise InvalidDateError(
                    f"{text!r}: EDTF level 2 ({feature}) is not supported"
                ) from None
            raise InvalidDateError(f"{text!r} is not a valid EDTF date: {exc}") from None
        raise _parts.refusal(text)

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
            raise InvalidDateError(
                f"expected a date, not a datetime: {value!r}; write an EDTF date and time "
                "string such as '2016-04-27T10:00:00Z'"
            )
        if isinstance(value, datetime.date):
            return cls.from_date(value)
        raise InvalidDateError(
            f"expected a PartialDate, an EDTF string or a date, got {type(value).__name__} "
            f"{value!r}"
        )

    # -- what is known ----------------------------------------------------------------

    @property
    def precision(self) -> Precision:
        """The finest part that is known (a date with a time is day-precise)."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        if self.season is not None:
            return Precision.SEASON
        return _X_PRECISION.get(self.unspecified_digits, Precision.YEAR)

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

    @property
    def is_qualified(self) -> bool:
        """Written with ``?``, ``~`` or ``%``."""
        return self.approximate or self.uncertain

    def bounds(self, possibly: bool = False) -> tuple[int, int]:
        """The first and last day the date can be, as day ordinals.

        ``possibly=False`` gives the *strict* bounds, the days the date as written
        covers (python-edtf's ``lower_strict``/``upper_strict``). ``possibly=True``
        gives the *fuzzy* bounds: a qualified date may be one unit of its precision
        earlier or later (a day, a month, twelve weeks for a season, a year, ten,
        a hundred or a thousand years), two units for ``%``. An unqualified date's
        fuzzy bounds are its strict ones.

        >>> d = PartialDate.parse("2017-05?")
        >>> [str(datetime.date.fromordinal(x)) for x in d.bounds(possibly=True)]
        ['2017-04-01', '2017-06-30']
        >>> PartialDate.parse("2017-05").bounds(True) == PartialDate.parse("2017-05").bounds()
        True
        """
        if not possibly or not (self.approximate or self.uncertain):
            return self._lo, self._hi
        months, days = _UNIT[self.precision]
        units = 2 if self.approximate and self.uncertain else 1
        return _edtf.widen(self._lo, self._hi, months, days, units)

    def in_words(self) -> str:
        """The date for formats that cannot hold EDTF: qualifiers as "about"
        (``~``), "probably" (``?``) or "probably about" (``%``), seasons by name,
        unspecified digits as a range of years, a time after a space.

        >>> [P.in_words() for P in map(PartialDate.parse, ["2016-05~", "2016-21?", "201X"])]
        ['about 2016-05', 'probably spring 2016', '2010-2019']
        """
        if self.season is not None:
            text = f"{_edtf.SEASON_NAMES[self.season]} {self.year:04d}"
        elif self.unspecified_digits:
            text = f"{self.year:04d}-{self.latest.year:04d}"
        else:
            text = str(PartialDate(self.year, self.month, self.day))
            if self.time is not None:
                text += f" {self.time}"
        prefix = "probably " if self.uncertain else ""
        return prefix + ("about " if self.approximate else "") + text

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

    def sort_key(self) -> tuple[int, int, int, bool, bool]:
        """The total order used for sorting: ``(earliest, latest)`` first, then the
        instant of the time of day (a date without one first), then the qualifiers,
        so that two dates tie only when they print the same.

        >>> a = PartialDate.parse("2016-04-27T10:00:00+02:00")
        >>> b = PartialDate.parse("2016-04-27T09:00:00Z")
        >>> sorted([b, a]) == [a, b]  # 08:00 UTC before 09:00 UTC
        True
        """
        return self._order()

    # -- dunder ---------------------------------------------------------------------

    def __str__(self) -> str:
        text = f"{self.year:04d}"
        if self.unspecified_digits:
            text = text[: 4 - self.unspecified_digits] + "X" * self.unspecified_digits
        if self.season is not None:
            text += f"-{self.season}"
        elif self.month is not None:
            text += f"-{self.month:02d}"
            if self.day is not None:
                text += f"-{self.day:02d}"
        if self.unspecified_parts:
            text += "-XX" * self.unspecified_parts
        if self.time is not None:
            text += f"T{self.time}"
        if self.approximate and self.uncertain:
            return text + "%"
        if self.approximate:
            return text + "~"
        if self.uncertain:
            return text + "?"
        return text

    def __repr__(self) -> str:
        return f"PartialDate({str(self)!r})"

    def _key(self) -> tuple[Any, ...]:
        return (
            self.year,
            self.month,
            self.day,
            self.approximate,
            self.uncertain,
            self.season,
            self.unspecified_digits,
            self.unspecified_parts,
            self.time,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._total() < other._total()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._total() <= other._total()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._total() > other._total()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._total() >= other._total()

    def _order(self) -> tuple[int, int, int, bool, bool]:
        # (earliest, latest, instant) decides; the qualifiers break ties.
        return (self._lo, self._hi, self._instant, self.uncertain, self.approximate)

    def _total(self) -> tuple[Any, ...]:
        # The sort key, then the written form: a == b exactly when neither a < b
        # nor b < a, even for "2016" and "2016-XX" (same days, different text).
        return (*self._order(), str(self)) if self._unusual() else self._order()

    def _unusual(self) -> bool:
        return bool(self.unspecified_parts or self.time)


DateLike = PartialDate | str | datetime.date
"""Anything a query accepts as a date: a PartialDate, an EDTF string, a date."""


from peacetrack._period import Period, days_between  # noqa: E402  (they read PartialDate)
