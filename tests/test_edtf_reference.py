"""Our dates against the reference: the ``edtf`` package (python-edtf).

peacetrack's date strings are EDTF. For every date and period peacetrack can make,
``edtf`` must read ``str(x)`` and give the same first and last day (its *strict*
bounds, which ignore the ``~ ? %`` qualifiers, as ours do). The forms ``edtf``
accepts and peacetrack refuses are listed in docs/interop-edtf.md, which checks them.
"""

from __future__ import annotations

import datetime
import math
import time

import pytest
from edtf import parse_edtf
from edtf.parser.edtf_exceptions import EDTFParseException
from hypothesis import given

from peacetrack import InvalidDateError, PartialDate, Period
from peacetrack.testing import partial_dates, periods


def _day(value: time.struct_time) -> datetime.date:
    return datetime.date(value.tm_year, value.tm_mon, value.tm_mday)


@given(partial_dates(min_year=1, max_year=9999))
def test_edtf_reads_every_partial_date_with_the_same_bounds(d: PartialDate) -> None:
    parsed = parse_edtf(str(d))
    assert _day(parsed.lower_strict()) == d.earliest
    assert _day(parsed.upper_strict()) == d.latest


@given(periods(dates=partial_dates(min_year=1, max_year=9999)))
def test_edtf_reads_every_period_with_the_same_bounds(p: Period) -> None:
    parsed = parse_edtf(str(p))
    assert _day(parsed.lower_strict()) == p.start.earliest
    upper = parsed.upper_strict()
    if p.end is None:
        assert upper == math.inf  # ".." is an open end for edtf too
    else:
        assert _day(upper) == p.end.latest


@given(partial_dates(min_year=1, max_year=9999))
def test_edtf_agrees_on_the_qualifiers(d: PartialDate) -> None:
    parsed = parse_edtf(str(d))
    # edtf keeps three flags, one per qualifier; "%" is its own flag, not the other two.
    flags = (
        getattr(parsed, "is_uncertain", False),
        getattr(parsed, "is_approximate", False),
        getattr(parsed, "is_uncertain_and_approximate", False),
    )
    expected = (
        d.uncertain and not d.approximate,
        d.approximate and not d.uncertain,
        d.uncertain and d.approximate,
    )
    assert flags == expected


# Every form peacetrack documents (DESIGN.md, dates.py), with its level.
ACCEPTED = [
    ("2016", 0),
    ("2016-04", 0),
    ("2016-04-27", 0),
    ("2016-02-29", 0),
    ("0001", 0),
    ("9999-12-31", 0),
    ("2016-01-29/2016-02-03", 0),
    ("2016/2016-04", 0),
    ("2016-04/2016", 0),
    ("2016-04~", 1),
    ("2016-04?", 1),
    ("2016%", 1),
    ("2015-09~", 1),
    ("2016-05-29?", 1),
    ("2016-02-27/..", 1),
    ("2016-01~/2016-05-29", 1),
    ("2016-05?/..", 1),
]


@pytest.mark.parametrize(("text", "level"), ACCEPTED, ids=[t for t, _ in ACCEPTED])
def test_every_form_we_accept_is_accepted_by_edtf(text: str, level: int) -> None:
    ours = Period.parse(text) if "/" in text else PartialDate.parse(text)
    assert str(ours) == text  # and written back exactly
    parsed = parse_edtf(text)
    assert _day(parsed.lower_strict()) == (
        ours.start.earliest if isinstance(ours, Period) else ours.earliest
    )
    assert level in (0, 1)


# Strings neither accepts: the two agree on what is not a date.
REFUSED_BY_BOTH = ["2016-13", "2016-02-30", "2016-00", "2016-4", "16-04", "10000", ""]


@pytest.mark.parametrize("text", REFUSED_BY_BOTH)
def test_what_edtf_refuses_we_refuse(text: str) -> None:
    with pytest.raises(EDTFParseException):
        parse_edtf(text)
    with pytest.raises(InvalidDateError):
        PartialDate.parse(text)
