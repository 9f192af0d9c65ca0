"""Strategies for partial dates and periods, the dates every dated record is drawn from."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence

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


def _make_partial_date(
    draw: st.DrawFn,
    years: st.SearchStrategy[int],
    precisions: st.SearchStrategy[Precision],
    qualifiers: bool,
) -> PartialDate:
    year = draw(years)
    precision = draw(precisions)
    month = day = None
    if precision is not Precision.YEAR:
        month = draw(_MONTHS)
        if precision is Precision.DAY:
            day = draw(_DAYS[calendar.monthrange(year, month)[1]])
    qualifier = draw(_QUALIFIER_TEXT) if qualifiers else ""
    return PartialDate(
        year,
        month,
        day,
        approximate=qualifier in ("~", "%"),
        uncertain=qualifier in ("?", "%"),
    )


def partial_dates(
    min_year: int = 1900,
    max_year: int = 2100,
    qualifiers: bool = True,
    *,
    precisions: Sequence[Precision] | None = None,
) -> st.SearchStrategy[PartialDate]:
    """Partial dates of mixed precision between ``min_year`` and ``max_year``.

    Parameters
    ----------
    min_year, max_year
        The range of years, inclusive, within 1..9999.
    qualifiers
        Whether the EDTF qualifiers ``~``, ``?`` and ``%`` may appear.
    precisions
        The precisions to draw from (default: year, month and day).

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
    """
    if not 1 <= min_year <= max_year <= 9999:
        raise InvalidArgument(
            f"need 1 <= min_year <= max_year <= 9999, got min_year={min_year}, max_year={max_year}"
        )
    chosen = _PRECISIONS if precisions is None else tuple(precisions)
    if not chosen or not all(isinstance(p, Precision) for p in chosen):
        raise InvalidArgument(f"precisions must be a non-empty list of Precision, got {chosen!r}")
    return st.composite(_make_partial_date)(
        st.integers(min_year, max_year), st.sampled_from(chosen), qualifiers
    )


def _make_period(draw: st.DrawFn, open_end: bool, dates: st.SearchStrategy[PartialDate]) -> Period:
    start = draw(dates)
    if open_end and draw(_BOOLS):
        return Period(start)
    end = draw(dates)
    if end.latest_ordinal < start.earliest_ordinal:
        # Swapped, the period is valid: start.latest >= start.earliest > end.latest.
        start, end = end, start
    return Period(start, end)


def periods(
    open_end: bool = True, *, dates: st.SearchStrategy[PartialDate] | None = None
) -> st.SearchStrategy[Period]:
    """Valid periods: the end, when there is one, is never certainly before the start.

    Parameters
    ----------
    open_end
        Whether periods may be open (``end=None``, still running).
    dates
        The strategy both ends are drawn from (default :func:`partial_dates`), so the
        ends mix precisions: ``2016/2016-04`` is a valid period.

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
    return st.composite(_make_period)(open_end, _dates_or_default(dates))


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
