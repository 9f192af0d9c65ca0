"""Checking and bounding the parts of a :class:`~peacetrack.dates.PartialDate`.

The constructor's work for every form: the calendar (month lengths, leap years),
the level 1 parts that must go together (a season has no month, X digits no other
parts, a time needs a day), and the error for a string that is no date peacetrack
holds. Bounds are day ordinals (``date.toordinal()``).
"""

from __future__ import annotations

import datetime
import functools
from typing import Any

import pendulum

from peacetrack._edtf import (
    SEASON_MONTHS,
    level2_feature,
    out_of_range_year,
    time_instant,
    year_range_message,
)
from peacetrack.errors import InvalidDateError

# Longer than any EDTF date of levels 0 to 2 a person writes (a 'Y' year of a few
# dozen digits, a set of a few dates): the level and year checks stop here.
_LONGEST = 200


@functools.lru_cache(maxsize=4096)
def days_in_month(year: int, month: int) -> int:
    return pendulum.Date(year, month, 1).days_in_month


def check_int(name: str, value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidDateError(f"{name} must be an integer, got {value!r}")
    return value


def month_span(year: int, first: int, last: int) -> tuple[int, int]:
    lo = datetime.date(year, first, 1).toordinal()
    return lo, datetime.date(year, last, 1).toordinal() + days_in_month(year, last) - 1


def day_or_month(year: int, month_value: object, day_value: object) -> tuple[int, int]:
    """The bounds of a month, or of a day when ``day_value`` is not None, checked."""
    month = check_int("month", month_value)
    if not 1 <= month <= 12:
        raise InvalidDateError(f"month {month} is not in 1..12")
    length = days_in_month(year, month)
    first = datetime.date(year, month, 1).toordinal()
    if day_value is None:
        return first, first + length - 1
    day = check_int("day", day_value)
    if not 1 <= day <= length:
        raise InvalidDateError(f"day {day} is not in 1..{length} for {year:04d}-{month:02d}")
    return first + day - 1, first + day - 1


def extended_bounds(d: Any, year: int) -> tuple[int, int, int]:
    """Bounds and instant of a PartialDate in a level 1 form beyond YYYY[-MM[-DD]]
    (a season, X digits, XX parts or a time), its parts checked together."""
    digits = check_int("unspecified_digits", d.unspecified_digits)
    parts = check_int("unspecified_parts", d.unspecified_parts)
    if digits:
        if not 1 <= digits <= 3 or year % 10**digits:
            raise InvalidDateError(
                f"unspecified_digits={digits} needs 1..3 and a year ending in as many "
                f"zeros, got year {year}"
            )
        if (d.month, d.day, d.season, d.time) != (None,) * 4 or parts:
            raise InvalidDateError("a year with unspecified digits has no other parts")
        last = min(year + 10**digits - 1, 9999)
        return (
            datetime.date(year, 1, 1).toordinal(),
            datetime.date(last, 12, 31).toordinal(),
            0,
        )
    if d.season is not None:
        season = check_int("season", d.season)
        if season not in SEASON_MONTHS:
            raise InvalidDateError(f"season {season} is not in 21..24")
        if (d.month, d.day, d.time) != (None,) * 3 or parts:
            raise InvalidDateError("a season has no month, day, time or XX parts")
        return (*month_span(year, *SEASON_MONTHS[season]), 0)
    known = 1 if d.month is None else 2 if d.day is None else 3
    if not 0 <= parts <= 3 - known or (parts and d.time is not None):
        raise InvalidDateError(
            f"unspecified_parts={parts} does not fit a date known to {known} part(s)"
        )
    if d.month is None:
        if d.day is not None:
            raise InvalidDateError(f"a day ({d.day}) needs a month")
        lo, hi = month_span(year, 1, 12)
    else:
        lo, hi = day_or_month(year, d.month, d.day)
    instant = 0
    if d.time is not None:
        if not isinstance(d.time, str) or d.day is None:
            raise InvalidDateError(f"a time of day ({d.time!r}) needs a full date")
        if d.approximate or d.uncertain:
            raise InvalidDateError("EDTF qualifies dates, not dates with a time of day")
        instant = time_instant(d.time)
    return lo, hi, instant


def refusal(text: str) -> InvalidDateError:
    """The error for a string that is not a level 0/1 date peacetrack holds."""
    if len(text) <= _LONGEST:  # longer strings are no EDTF date: no need to look closer
        year = out_of_range_year(text)
        if year is not None:
            return InvalidDateError(year_range_message(text, year))
        feature = level2_feature(text)
        if feature is not None:
            return InvalidDateError(f"{text!r}: EDTF level 2 ({feature}) is not supported")
    return InvalidDateError(
        f"{text!r} is not a valid EDTF date: expected YYYY, YYYY-MM or YYYY-MM-DD "
        "(optionally with Thh:mm:ss, X digits or a season 21-24), optionally followed "
        "by ?, ~ or %"
    )
