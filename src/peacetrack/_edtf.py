"""EDTF text and arithmetic behind :mod:`peacetrack.dates`.

The slow path of the parser (every level 0 and level 1 form beyond
``YYYY[-MM[-DD]][?~%]``, which :mod:`peacetrack.dates` reads with one regular
expression), the messages for what peacetrack cannot hold or does not support
(years outside 1..9999, EDTF level 2 features), times of day and their instants,
and the calendar arithmetic of the fuzzy margins and of unknown interval ends.
Everything works on day ordinals (``date.toordinal()``).
"""

from __future__ import annotations

import datetime
import re
from typing import Any, Final

from peacetrack.errors import InvalidDateError

FAR_PAST: Final = 1
"""The day ordinal an open start (``..``) reads as: 1 January of year 1."""

FAR_FUTURE: Final = datetime.date.max.toordinal()
"""The day ordinal an open end reads as (31 December 9999): later than any date
peacetrack can hold."""

UNKNOWN_SPAN_YEARS: Final = 10
"""How far an unknown interval end (``2016-05/``, ``/2016-05-29``) may lie from the
known end, in years: python-edtf's ``DELTA_IF_UNKNOWN``."""

SEASON_MONTHS: Final = {21: (3, 5), 22: (6, 8), 23: (9, 11), 24: (12, 12)}
"""The months of the EDTF level 1 seasons 21-24 (spring, summer, autumn, winter), as
python-edtf reads them: winter is December of its year."""

SEASON_NAMES: Final = {21: "spring", 22: "summer", 23: "autumn", 24: "winter"}

SEASON_PADDING_DAYS: Final = 84
"""The fuzzy margin of one season: twelve weeks, python-edtf's
``PADDING_SEASON_PRECISION``."""

# The seconds added to an instant so that every instant of a day (its local time
# minus an offset of up to 14 hours) is a positive int; 0 means "no time".
_INSTANT_SHIFT: Final = 14 * 3600 + 1

_SLOW_RE = re.compile(
    r"(?P<year>\d{4}|\d{3}X|\d{2}XX|\dXXX)"
    r"(?:-(?P<month>\d{2}|XX)(?:-(?P<day>\d{2}|XX))?)?"
    r"(?:T(?P<time>\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}(?::\d{2})?)?))?"
    r"(?P<qualifier>[?~%])?",
    re.ASCII,
)
_TIME_RE = re.compile(r"(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2})(?::(\d{2}))?)?", re.ASCII)
_OUT_OF_RANGE_RE = re.compile(r"(?:Y(-?\d{5,})|(-[\dX]{4})(?:-[\dX]{2}){0,2})[?~%]?", re.ASCII)
_QUALIFIER_INSIDE_RE = re.compile(r"[?~%](?=.)|^[?~%]|-[?~%]")
_L2_SUB_YEAR_RE = re.compile(r"\d{4}-(2[5-9]|3\d|4[01])(?:[?~%])?", re.ASCII)


def year_range_message(text: str, year: int | str) -> str:
    """The message for a year peacetrack cannot hold."""
    return (
        f"{text!r}: year {year} is outside the years peacetrack can hold (1 to 9999); "
        "EDTF's year 0, negative years and 'Y' years are valid but not supported"
    )


def level2_feature(text: str) -> str | None:
    """The EDTF level 2 feature ``text`` uses, or ``None`` if it uses none."""
    if "[" in text or "{" in text:
        return "sets of dates, [..] one of a set or {..} all of a set"
    if re.search(r"\dE\d", text):
        return "exponential years"
    if re.search(r"\dS\d", text):
        return "significant digits"
    if _QUALIFIER_INSIDE_RE.search(text):
        return "qualification of a part of a date"
    if _L2_SUB_YEAR_RE.fullmatch(text):
        return "sub-year groupings 25 to 41"
    if "X" in text and re.fullmatch(r"[\dX]{4}(?:-[\dX]{2}){0,2}[?~%]?", text):
        return "unspecified digits other than the rightmost digits of one part"
    return None


def out_of_range_year(text: str) -> str | None:
    """The year written in ``text`` when it is an EDTF year peacetrack cannot hold
    (negative, five or more digits, ``Y`` years), else ``None``."""
    match = _OUT_OF_RANGE_RE.fullmatch(text)
    if match is None:
        return None
    return next(group for group in match.groups() if group is not None)


def parse_slow(text: str) -> dict[str, Any] | None:
    """The constructor arguments of a level 0/1 date the fast path did not read, or
    ``None`` when ``text`` is not one.

    Raises
    ------
    InvalidDateError
        For a level 1 shape that combines parts EDTF does not allow together.
    """
    match = _SLOW_RE.fullmatch(text)
    if match is None:
        return None
    year_text, month_text, day_text, time, qualifier = match.groups()
    args: dict[str, Any] = {
        "approximate": qualifier in ("~", "%"),
        "uncertain": qualifier in ("?", "%"),
    }
    digits = year_text.count("X")
    if digits:
        if month_text is not None or time is not None:
            return None  # "201X-05": level 2, named by level2_feature
        args["year"] = int(year_text.replace("X", "0"))
        args["unspecified_digits"] = digits
        return args
    args["year"] = int(year_text)
    if month_text == "XX":
        if day_text not in (None, "XX"):
            return None  # "2016-XX-05": level 2
        args["unspecified_parts"] = 1 if day_text is None else 2
    elif month_text is not None:
        month = int(month_text)
        if 21 <= month <= 24 and day_text is None and time is None:
            args["season"] = month
        else:
            args["month"] = month
        if day_text == "XX":
            args["unspecified_parts"] = 1
        elif day_text is not None:
            args["day"] = int(day_text)
    if time is not None:
        if "day" not in args:
            raise InvalidDateError("a time of day needs a full date (YYYY-MM-DDThh:mm:ss)")
        if qualifier:
            raise InvalidDateError("EDTF qualifies dates, not times; qualify the date alone")
        args["time"] = time
    return args


def time_instant(time: str) -> int:
    """The instant of a time of day, for ordering within a day: its local seconds
    minus its offset (no offset reads as UTC), shifted to be positive.

    Raises
    ------
    InvalidDateError
        For an hour, minute, second or offset out of range.
    """
    match = _TIME_RE.fullmatch(time)
    if match is None:
        raise InvalidDateError(f"time {time!r} is not hh:mm:ss with an optional Z or offset")
    hour, minute, second = int(match[1]), int(match[2]), int(match[3])
    if not (hour < 24 and minute < 60 and second < 60) and (hour, minute, second) != (24, 0, 0):
        raise InvalidDateError(f"time {time!r} is not a time of day (00:00:00 to 24:00:00)")
    offset = 0
    if match[5] is not None:
        off_hour, off_minute = int(match[6]), int(match[7] or 0)
        if off_hour > 14 or off_minute > 59 or (off_hour == 14 and off_minute):
            raise InvalidDateError(f"time {time!r} has an offset outside -14:00..+14:00")
        offset = (off_hour * 60 + off_minute) * 60 * (1 if match[5] == "+" else -1)
    return hour * 3600 + minute * 60 + second - offset + _INSTANT_SHIFT


def _month_index(ordinal: int) -> int:
    day = datetime.date.fromordinal(ordinal)
    return day.year * 12 + day.month - 1


def _month_first(index: int) -> int:
    year, month = divmod(index, 12)
    if year < 1:
        return FAR_PAST
    if year > 9999:
        return FAR_FUTURE
    return datetime.date(year, month + 1, 1).toordinal()


def widen(lo: int, hi: int, unit_months: int, unit_days: int, units: int) -> tuple[int, int]:
    """``(lo, hi)`` widened by ``units`` calendar units on each side: whole months
    (``lo`` to the first of a month, ``hi`` to the last of one) or days, clamped to
    the days peacetrack can hold."""
    if unit_months:
        shift = unit_months * units
        first = _month_first(_month_index(lo) - shift)
        after = _month_first(_month_index(hi) + shift + 1)
        return first, FAR_FUTURE if after == FAR_FUTURE else after - 1
    shift = unit_days * units
    return max(lo - shift, FAR_PAST), min(hi + shift, FAR_FUTURE)


def add_years(ordinal: int, years: int) -> int:
    """The same calendar day ``years`` later (earlier when negative); 29 February
    becomes the 28th in a common year; clamped to the days peacetrack can hold."""
    day = datetime.date.fromordinal(ordinal)
    year = day.year + years
    if year < 1:
        return FAR_PAST
    if year > 9999:
        return FAR_FUTURE
    if day.month == 2 and day.day == 29 and not _is_leap(year):
        return datetime.date(year, 2, 28).toordinal()
    return day.replace(year=year).toordinal()


def _is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _spans() -> tuple[int, ...]:
    """Every ``hi - lo`` a date can have, in increasing order."""
    found = {0, 27, 28, 29, 30, 364, 365}
    for first, last in SEASON_MONTHS.values():
        for year in (2015, 2016):
            lo = datetime.date(year, first, 1).toordinal()
            hi = _month_first((year * 12 + last - 1) + 1) - 1
            found.add(hi - lo)
    for size in (10, 100, 1000):
        for start in range(size, 10000, size):
            end = min(start + size - 1, 9999)
            last = datetime.date(end, 12, 31).toordinal()
            found.add(last - datetime.date(start, 1, 1).toordinal())
    return tuple(sorted(found))


SPANS: Final = _spans()
"""Every number of days from a date's earliest to its latest day: day, months,
seasons, years, decades, centuries and millennia."""
