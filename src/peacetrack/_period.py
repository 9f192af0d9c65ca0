"""``Period``: an EDTF interval whose ends may be partial, qualified, open or unknown.

Re-exported by :mod:`peacetrack.dates`, where it is documented with ``PartialDate``.
"""

from __future__ import annotations

from typing import Any

import attrs

from peacetrack._edtf import FAR_FUTURE, FAR_PAST, UNKNOWN_SPAN_YEARS, add_years
from peacetrack.dates import DateLike, PartialDate
from peacetrack.errors import InvalidDateError

__all__ = ["Period", "days_between", "window_ordinals"]


def _to_optional_partial_date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.coerce(value)


def _check_flag(_: Any, attribute: attrs.Attribute[bool], value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidDateError(f"{attribute.name} must be True or False, got {value!r}")


@attrs.frozen(repr=False)
class Period:
    """A span from ``start`` to ``end``, each a :class:`PartialDate` or missing.

    A missing end is *open* (``..``: still running, or running since before any
    record) unless flagged *unknown* (an empty end in EDTF: it began or ended, but
    nobody recorded when). ``Period("2016-01")`` is still running;
    ``Period("2016-01", unknown_end=True)`` ended at some unknown day.
    Strings are parsed, so "from January 2016 to 29 May 2016" is
    ``Period("2016-01", "2016-05-29")``. An end that is certainly before the start
    is refused.

    Parameters
    ----------
    start, end
        The ends; ``None`` for an open or unknown end.
    unknown_start, unknown_end
        The missing end is unknown rather than open (``/2016-05-29``, ``2016-05/``).

    Examples
    --------
    >>> p = Period.parse("2016-04-13/2016-04-27")
    >>> p.days()
    (14, 14)
    >>> p.contains("2016-04-20"), p.contains("2016-04")
    (True, False)
    >>> str(Period("2016-01")), str(Period(None, "2016-05-29", unknown_start=True))
    ('2016-01/..', '/2016-05-29')
    """

    start: PartialDate | None = attrs.field(converter=_to_optional_partial_date)
    end: PartialDate | None = attrs.field(default=None, converter=_to_optional_partial_date)
    unknown_start: bool = attrs.field(default=False, kw_only=True, validator=_check_flag)
    unknown_end: bool = attrs.field(default=False, kw_only=True, validator=_check_flag)
    # The strict, possible and certain readings as day ordinals, computed once.
    _strict: tuple[int, int] = attrs.field(init=False, repr=False, eq=False)
    _possible: tuple[int, int] = attrs.field(init=False, repr=False, eq=False)
    _certain: tuple[int, int] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        start, end = self.start, self.end
        if start is not None and self.unknown_start:
            raise InvalidDateError(f"start {start} is given, so it is not unknown")
        if end is not None and self.unknown_end:
            raise InvalidDateError(f"end {end} is given, so it is not unknown")
        if start is None:
            if end is None:
                raise InvalidDateError("a period needs at least one of its ends as a date")
            strict_first = add_years(end._hi, -UNKNOWN_SPAN_YEARS)
            if not self.unknown_start:
                strict_first = FAR_PAST
            possible_first = strict_first
            certain_first = end.bounds(True)[1] if self.unknown_start else FAR_PAST
        else:
            strict_first = start._lo
            possible_first, certain_first = start.bounds(True)
        if end is None:
            if self.unknown_end:
                # start is not None here: both missing was refused above.
                strict_last = add_years(start._lo, UNKNOWN_SPAN_YEARS)  # type: ignore[union-attr]
                possible_last, certain_last = strict_last, possible_first
            else:
                strict_last = possible_last = certain_last = FAR_FUTURE
        else:
            if start is not None and end._hi < start._lo:
                raise InvalidDateError(f"end {end} is before start {start}")
            strict_last = end._hi
            end_lo, possible_last = end.bounds(True)
            certain_last = max(end_lo, possible_first)
        object.__setattr__(self, "_strict", (strict_first, strict_last))
        object.__setattr__(self, "_possible", (possible_first, possible_last))
        object.__setattr__(self, "_certain", (certain_first, certain_last))

    @classmethod
    def parse(cls, text: str) -> Period:
        """Read an EDTF interval ``start/end``: each end a date, ``..`` (open) or
        empty (unknown).

        Raises
        ------
        InvalidDateError
            Naming the input, for a missing ``/``, a bad date on either side, no
            date on either side, or an end before the start.

        >>> p = Period.parse("/2016-05-29")
        >>> p.unknown_start, p.start, str(p.end)
        (True, None, '2016-05-29')
        """
        if not isinstance(text, str):
            raise InvalidDateError(f"expected an EDTF interval string, got {text!r}")
        start, sep, end = text.partition("/")
        if not sep:
            raise InvalidDateError(f"{text!r} is not an EDTF interval: expected start/end")
        try:
            return cls(
                None if start in ("", "..") else PartialDate.parse(start),
                None if end in ("", "..") else PartialDate.parse(end),
                unknown_start=start == "",
                unknown_end=end == "",
            )
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
        """The end is open (``..``): the period is still running."""
        return self.end is None and not self.unknown_end

    @property
    def open_start(self) -> bool:
        """The start is open (``..``): in force since before any record."""
        return self.start is None and not self.unknown_start

    @property
    def earliest_ordinal(self) -> int:
        """The first day of the strict reading: the start's earliest day; for an
        unknown start, :data:`UNKNOWN_SPAN_YEARS` before the end's latest day; for
        an open start, :data:`FAR_PAST` (python-edtf's ``lower_strict``)."""
        return self._strict[0]

    @property
    def latest_ordinal(self) -> int:
        """The last day of the strict reading: the end's latest day; for an unknown
        end, :data:`UNKNOWN_SPAN_YEARS` after the start's earliest day; for an open
        end, :data:`FAR_FUTURE` (python-edtf's ``upper_strict``)."""
        return self._strict[1]

    def bounds(self, possibly: bool) -> tuple[int, int]:
        """The days the period occupies under one reading, as ``(first, last)`` day
        ordinals: the one reading of a period from which :meth:`in_force`,
        :meth:`overlaps`, the timeline's interval index and every ``at=`` question
        derive.

        ``possibly=True`` is the widest reading: from the first day the start can
        be to the last day the end can be, on the ends' *fuzzy* bounds
        (:meth:`PartialDate.bounds`), so "1984~/2004~" may have run from 1983 to
        2005. ``possibly=False`` is the certain core: from the last day the start
        can be to the first day the end can be, on the same fuzzy bounds, so a
        qualified end shrinks it: "2017-05?" as an end is certain only to
        1 April, the first day of the month it may have been instead.

        No reading ends before it starts, so a certain end is never earlier than
        the start's first possible day ("2016-04-13/2016" certainly runs to
        13 April, not to 1 January). The core can be empty (``first > last``): a
        period from "2016-01" to "2016-01-15" may have ended before it certainly
        began. An open end reads as :data:`FAR_FUTURE`, an open start as
        :data:`FAR_PAST`, on both readings. An unknown end may lie up to
        :data:`UNKNOWN_SPAN_YEARS` after the start (possible reading) and
        certainly lies no earlier than the start: the certain core of
        "2016-05-29/" is 29 May 2016 alone. An unknown start likewise.

        >>> import datetime
        >>> p = Period.parse("2016-01/2016-05-29")
        >>> [str(datetime.date.fromordinal(day)) for day in p.bounds(possibly=False)]
        ['2016-01-31', '2016-05-29']
        >>> [str(datetime.date.fromordinal(day)) for day in p.bounds(possibly=True)]
        ['2016-01-01', '2016-05-29']
        """
        return self._possible if possibly else self._certain

    def contains(self, value: DateLike) -> bool:
        """Every day ``value`` can be lies within the strict reading of the period,
        from :attr:`earliest_ordinal` to :attr:`latest_ordinal`."""
        d = PartialDate.coerce(value)
        first, last = self._strict
        return first <= d._lo and d._hi <= last

    def in_force(self, value: DateLike, *, possibly: bool = False) -> bool:
        """Whether the period was in force at some time during ``value``.

        By default the answer is *certain*: true only when, however the ends are
        read (partial, qualified, unknown), the period and the date share a day.
        With ``possibly=True`` it is true when some reading shares a day. Both
        read the period through :meth:`bounds`.

        >>> alloush = Period("2016-01", "2016-05-29")
        >>> alloush.in_force("2016-01-15"), alloush.in_force("2016-01-15", possibly=True)
        (False, True)
        >>> alloush.in_force("2016-05-29"), alloush.in_force("2016-05-30")
        (True, False)
        >>> Period.parse("1984~/2004~").in_force("1983-06", possibly=True)
        True
        """
        d = PartialDate.coerce(value)
        first, last = self._possible if possibly else self._certain
        return first <= d._hi and d._lo <= last

    def overlaps(self, other: Period | str) -> bool:
        """The two periods may share a day (on the widest reading of both).

        ``other`` may be an EDTF interval string.

        >>> Period.parse("2016-04/..").overlaps("2016-03/2016-05")
        True
        """
        first, last = self._possible
        other_first, other_last = Period.coerce(other)._possible
        return first <= other_last and other_first <= last

    def days(self, until: DateLike | None = None) -> tuple[int, int]:
        """``(min_days, max_days)`` from start to end on the strict bounds; an open
        end is measured to ``until``.

        An unknown end may be the start's day or up to :data:`UNKNOWN_SPAN_YEARS`
        later, so ``Period.parse("2016-05-29/").days()`` is ``(0, 3652)``; an
        unknown start likewise.

        Raises
        ------
        InvalidDateError
            When the end is open and no ``until`` is given, or the start is open.
        """
        if self.open_start:
            raise InvalidDateError(f"period {self} has an open start (..); it has no length")
        first, last = self._strict
        start_lo, start_hi = (first, last if self.end is None else self.end._hi)
        if self.start is not None:
            start_lo, start_hi = self.start._lo, self.start._hi
        if self.end is not None:
            end_lo, end_hi = self.end._lo, self.end._hi
        elif self.unknown_end:
            end_lo, end_hi = start_lo, last
        else:
            if until is None:
                raise InvalidDateError(f"period {self} is open; pass until= to measure it")
            limit = PartialDate.coerce(until)
            end_lo, end_hi = limit._lo, limit._hi
        return max(end_lo - start_hi, 0), end_hi - start_lo

    def sort_key(self) -> tuple[int, int, int, int]:
        """Order periods by start, then end (open ends last), on the strict
        bounds."""
        first, last = self._strict
        start, end = self.start, self.end
        start_hi = start._hi if start is not None else first if end is None else end._hi
        if self.open_start:
            start_hi = FAR_PAST
        end_lo = end._lo if end is not None else FAR_FUTURE if self.is_open else first
        return (first, start_hi, end_lo, last)

    def __str__(self) -> str:
        start = "" if self.unknown_start else ".." if self.start is None else str(self.start)
        end = "" if self.unknown_end else ".." if self.end is None else str(self.end)
        return f"{start}/{end}"

    def __repr__(self) -> str:
        return f"Period({str(self)!r})"


def window_ordinals(start: DateLike, end: DateLike) -> tuple[int, int]:
    """The first and last day (ordinals) of the window ``between(start, end)`` asks
    about: from ``start``'s earliest day to ``end``'s latest, so
    ``("2016-05", "2016-05")`` is all of May. Every engine reads the window here.

    >>> import datetime
    >>> [datetime.date.fromordinal(x).isoformat() for x in window_ordinals("2016-05", "2016-05")]
    ['2016-05-01', '2016-05-31']

    Raises
    ------
    InvalidDateError
        For a date that cannot be read, or an ``end`` certainly before ``start``.
    """
    first, last = PartialDate.coerce(start), PartialDate.coerce(end)
    lo, hi = first.earliest_ordinal, last.latest_ordinal
    if hi < lo:
        raise InvalidDateError(f"end {last} is before start {first}")
    return lo, hi


def days_between(a: DateLike, b: DateLike) -> tuple[int, int]:
    """The fewest and the most days from ``a`` to ``b`` (negative if ``b`` can be
    earlier), on the strict bounds. Equal when both dates are day-precise.

    An interval end that is open or unknown is not a date; measure such a period
    with :meth:`Period.days`.

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
