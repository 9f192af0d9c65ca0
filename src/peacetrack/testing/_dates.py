"""Strategies for partial dates and periods, the dates every dated record is drawn from.

Every EDTF level 0 and level 1 form peacetrack holds can be drawn: the options
``times``, ``unspecified`` and ``seasons`` of :func:`partial_dates` add dates with a
time of day, with ``X`` digits and seasons; ``unknown_ends`` and ``open_start`` of
:func:`periods` add unknown (empty) and open (``..``) ends on either side.
"""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack.dates import PartialDate, Period, Precision
from peacetrack.testing._draw import _BOOLS

_PRECISIONS = (Precision.YEAR, Precision.MONTH, Precision.DAY)
_QUALIFIERS = ("", "~", "?", "%")
_MONTHS = st.integers(1, 12)
_DAYS = {n: st.integers(1, n) for n in (28, 29, 30, 31)}
_OFFSETS = st.integers(0, 400)
_QUALIFIER_TEXT = st.sampled_from(_QUALIFIERS)
_X_DIGITS = {Precision.DECADE: 1, Precision.CENTURY: 2, Precision.MILLENNIUM: 3}
_SEASONS = st.integers(21, 24)
_ZONES = st.sampled_from(["", "Z", "+05:00", "-03:30", "+14:00", "-12", "+01"])
_CLOCK = st.tuples(st.integers(0, 23), st.integers(0, 59), st.integers(0, 59))


@attrs.frozen
class _Forms:
    """Which level 1 forms beyond YYYY[-MM[-DD]][?~%] a date may take."""

    qualifiers: bool
    times: bool
    unspecified: bool
    min_year: int


def _make_partial_date(
    draw: st.DrawFn,
    years: st.SearchStrategy[int],
    precisions: st.SearchStrategy[Precision],
    forms: _Forms,
) -> PartialDate:
    year = draw(years)
    precision = draw(precisions)
    qualifier = draw(_QUALIFIER_TEXT) if forms.qualifiers else ""
    approximate, uncertain = qualifier in ("~", "%"), qualifier in ("?", "%")
    if precision is Precision.SEASON:
        return PartialDate(
            year, season=draw(_SEASONS), approximate=approximate, uncertain=uncertain
        )
    if precision in _X_DIGITS:
        digits = _X_DIGITS[precision]
        rounded = year - year % 10**digits
        if rounded >= max(1, forms.min_year):
            return PartialDate(
                rounded, unspecified_digits=digits, approximate=approximate, uncertain=uncertain
            )
        precision = Precision.YEAR  # 0XXX is year 0: not a date peacetrack holds
    month = day = None
    if precision in (Precision.MONTH, Precision.DAY):
        month = draw(_MONTHS)
        if precision is Precision.DAY:
            day = draw(_DAYS[calendar.monthrange(year, month)[1]])
    if forms.unspecified and day is None and draw(_BOOLS):
        # 2016-XX, 2016-XX-XX or 2016-04-XX: the same days, written with X parts.
        parts = 1 if month is not None else draw(st.integers(1, 2))
        return PartialDate(
            year, month, unspecified_parts=parts, approximate=approximate, uncertain=uncertain
        )
    if forms.times and day is not None and not qualifier and draw(_BOOLS):
        hour, minute, second = draw(_CLOCK)
        time = f"{hour:02d}:{minute:02d}:{second:02d}{draw(_ZONES)}"
        return PartialDate(year, month, day, time=time)
    return PartialDate(year, month, day, approximate=approximate, uncertain=uncertain)


def partial_dates(
    min_year: int = 1900,
    max_year: int = 2100,
    qualifiers: bool = True,
    *,
    precisions: Sequence[Precision] | None = None,
    times: bool = False,
    unspecified: bool = False,
    seasons: bool = False,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of mixed precision between ``min_year`` and ``max_year``.

    Parameters
    ----------
    min_year, max_year
        The range of years, inclusive, within 1..9999 (a decade, century or
        millennium starts in the range).
    qualifiers
        Whether the EDTF qualifiers ``~``, ``?`` and ``%`` may appear.
    precisions
        The precisions to draw from (default: year, month and day, plus season
        with ``seasons`` and decade, century and millennium with ``unspecified``).
    times
        Whether day-precise dates may carry a time of day (``T10:00:00Z``).
    unspecified
        Whether ``X`` digits may appear: ``201X``, ``2016-XX``, ``2016-04-XX``...
    seasons
        Whether seasons (``2016-21`` to ``2016-24``) may appear.

    Returns
    -------
    SearchStrategy[PartialDate]

    Raises
    ------
    hypothesis.errors.InvalidArgument
        For years outside 1..9999, ``min_year > max_year`` or no precisions.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(partial_dates(2016, 2016, qualifiers=False, precisions=[Precision.DAY]))
    ... def test_days(d):
    ...     assert d.is_exact and d.year == 2016
    >>> test_days()
    >>> @settings(max_examples=25)
    ... @given(partial_dates(times=True, unspecified=True, seasons=True))
    ... def test_every_form_prints_back(d):
    ...     assert PartialDate.parse(str(d)) == d
    >>> test_every_form_prints_back()
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(
            f"need 1 <= min_year <= max_year <= 9999, got min_year={min_year}, max_year={max_year}"
        )
    chosen = _PRECISIONS if precisions is None else tuple(precisions)
    if precisions is None:
        chosen += (Precision.SEASON,) if seasons else ()
        chosen += tuple(_X_DIGITS) if unspecified else ()
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions must be a non-empty list of Precision, got {chosen!r}")
    years = st.integers(min_year, max_year)
    return st.composite(_make_partial_date)(
        years, st.sampled_from(chosen), _Forms(qualifiers, times, unspecified, min_year)
    )


def _make_period(
    draw: st.DrawFn,
    open_end: bool,
    dates: st.SearchStrategy[PartialDate],
    unknown_ends: bool = False,
    open_start: bool = False,
) -> Period:
    start = draw(dates)
    if (unknown_ends or open_start) and draw(st.integers(0, 3)) == 0:
        # One end missing: unknown (empty) or open (..) on either side.
        missing = draw(
            st.sampled_from(
                [*(["unknown start", "unknown end"] if unknown_ends else []), "open start"]
                if open_start
                else ["unknown start", "unknown end"]
            )
        )
        if missing == "unknown end":
            return Period(start, unknown_end=True)
        return Period(None, start, unknown_start=missing == "unknown start")
    if open_end and draw(_BOOLS):
        return Period(start)
    end = draw(dates)
    if end.latest_ordinal < start.earliest_ordinal:
        # Swapped, the period is valid: start.latest >= start.earliest > end.latest.
        start, end = end, start
    return Period(start, end)


def periods(
    open_end: bool = True,
    *,
    dates: st.SearchStrategy[PartialDate] | None = None,
    unknown_ends: bool = False,
    open_start: bool = False,
) -> st.SearchStrategy[Period]:
    """Valid periods: the end, when there is one, is never certainly before the start.

    Parameters
    ----------
    open_end
        Whether periods may be open (``end=None``, still running).
    dates
        The strategy both ends are drawn from (default :func:`partial_dates`), so the
        ends mix precisions: ``2016/2016-04`` is a valid period.
    unknown_ends
        Whether one end may be unknown (``2016-05/``, ``/2016-05-29``).
    open_start
        Whether the start may be open (``../2016``).

    Returns
    -------
    SearchStrategy[Period]

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=25)
    ... @given(periods(open_end=False))
    ... def test_measurable(p):
    ...     low, high = p.days()
    ...     assert 0 <= low <= high
    >>> test_measurable()
    """
    return st.composite(_make_period)(open_end, _dates_or_default(dates), unknown_ends, open_start)


def _dates_or_default(
    dates: st.SearchStrategy[PartialDate] | None,
) -> st.SearchStrategy[PartialDate]:
    return partial_dates() if dates is None else dates


def _on_or_after(
    draw: st.DrawFn, start: PartialDate, dates: st.SearchStrategy[PartialDate]
) -> PartialDate:
    """A date certainly not before ``start`` (its earliest day is on or after
    ``start.latest``): from ``dates`` when it gives one, else a day soon after."""
    candidate = draw(dates)
    if candidate.earliest_ordinal >= start.latest_ordinal:
        return candidate
    ordinal = min(start.latest_ordinal + draw(_OFFSETS), datetime.date.max.toordinal())
    return PartialDate.from_date(datetime.date.fromordinal(ordinal))
