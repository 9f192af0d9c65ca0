"""Dates as a reader says them: "April 2016", "about 30 May 2016", "perhaps 2016".

A :class:`~peacetrack.PartialDate` keeps the precision it was given, and so does its
reading: a month stays a month ("April 2016", never "1 April 2016"), ``~`` reads
"about", ``?`` reads "perhaps", and ``%`` (both) reads "perhaps about".
"""

from __future__ import annotations

from peacetrack.dates import DateLike, PartialDate, Period

__all__ = ["date_in_words", "period_in_words"]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def date_in_words(value: DateLike) -> str:
    """A partial date in words, at the precision it was given.

    Parameters
    ----------
    value
        A :class:`~peacetrack.PartialDate` or an EDTF date string.

    Returns
    -------
    str
        The day, month or year in English, with "about" for an approximate date
        and "perhaps" for an uncertain one.

    Examples
    --------
    >>> date_in_words("2016-04")
    'April 2016'
    >>> date_in_words("2016-05-30~")
    'about 30 May 2016'
    >>> date_in_words("2016?")
    'perhaps 2016'
    >>> date_in_words("2016-01-29%")
    'perhaps about 29 January 2016'
    """
    d = PartialDate.coerce(value)
    if d.month is None:
        text = str(d.year)
    elif d.day is None:
        text = f"{_MONTHS[d.month - 1]} {d.year}"
    else:
        text = f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    if d.approximate:
        text = f"about {text}"
    if d.uncertain:
        text = f"perhaps {text}"
    return text


def period_in_words(value: Period | str) -> str:
    """A period in words: "29 January 2016 to 3 February 2016", or "since April 2016"
    when it is still running.

    Examples
    --------
    >>> period_in_words("2016-01/2016-05-29")
    'January 2016 to 29 May 2016'
    >>> period_in_words("2016-04~/..")
    'since about April 2016'
    """
    p = Period.coerce(value)
    start = "an unknown date" if p.start is None else date_in_words(p.start)
    if p.start is None and not p.unknown_start:
        start = "before any record"  # an open start: in force since before anything known
    if p.end is None:
        if p.unknown_end:
            return f"{start} to an unknown date"
        return f"since {start}"
    if p.end == p.start:
        return start
    return f"{start} to {date_in_words(p.end)}"
