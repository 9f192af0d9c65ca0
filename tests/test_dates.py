"""PartialDate, Period and days_between: parsing, bounds, reasoning and ordering."""

from __future__ import annotations

import datetime
import itertools
import re

import attrs
import pendulum
import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack.dates import PartialDate, Period, Precision, days_between
from peacetrack.errors import InvalidDateError, PeacetrackError
from peacetrack.testing import partial_dates, periods

P = PartialDate.parse

# -- parsing and writing -------------------------------------------------------------

VALID = [
    ("2016", (2016, None, None, False, False), Precision.YEAR),
    ("2016-04", (2016, 4, None, False, False), Precision.MONTH),
    ("2016-04-27", (2016, 4, 27, False, False), Precision.DAY),
    ("2016-04~", (2016, 4, None, True, False), Precision.MONTH),
    ("2016-04?", (2016, 4, None, False, True), Precision.MONTH),
    ("2016-04-27%", (2016, 4, 27, True, True), Precision.DAY),
    ("2015~", (2015, None, None, True, False), Precision.YEAR),
    ("0001-01-01", (1, 1, 1, False, False), Precision.DAY),
    ("9999-12-31", (9999, 12, 31, False, False), Precision.DAY),
]


@pytest.mark.parametrize(("text", "parts", "precision"), VALID, ids=[v[0] for v in VALID])
def test_parse_reads_every_part(
    text: str, parts: tuple[int, int | None, int | None, bool, bool], precision: Precision
) -> None:
    d = P(text)
    assert (d.year, d.month, d.day, d.approximate, d.uncertain) == parts
    assert d.precision is precision
    assert str(d) == text


INVALID: list[object] = [
    "2016-13",
    "2016-02-30",
    "16-04",
    "",
    "2016-4",
    "2015-02-29",
    "0000",
    "2016-00",
    "2016-01-32",
    "20160101",
    " 2016",
    "2016 ",
    "2016\n",
    "2016-01-01T00:00",
    "2016?~",
    "201XT10:00:00",
    "2016-21-01",
    "2016-04-27T10:00",
    "2016-04-27~?",
    "?2016",
    "10000",
    "-2016",
    "2016/2017",
    "٢٠١٦",  # Arabic-Indic digits are digits to Python, but not to EDTF
    "２０１６",  # fullwidth digits
    None,
    2016,
    20.16,
    datetime.date(2016, 4, 27),
]


@pytest.mark.parametrize("text", INVALID, ids=[repr(v) for v in INVALID])
def test_parse_refuses_invalid_input_naming_it(text: object) -> None:
    with pytest.raises(InvalidDateError) as info:
        P(text)  # type: ignore[arg-type]
    assert repr(text) in str(info.value)
    assert isinstance(info.value, PeacetrackError)
    assert isinstance(info.value, ValueError)


def test_parse_error_says_why() -> None:
    with pytest.raises(InvalidDateError, match=r"month 13 is not in 1\.\.12"):
        P("2016-13")
    with pytest.raises(InvalidDateError, match=r"day 30 is not in 1\.\.29 for 2016-02"):
        P("2016-02-30")
    with pytest.raises(InvalidDateError, match="expected YYYY, YYYY-MM or YYYY-MM-DD"):
        P("2016-4")


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [
        ((2016, 13), {}),
        ((2016, 0), {}),
        ((2016, None, 3), {}),
        ((2016, 2, 30), {}),
        ((0,), {}),
        ((10000,), {}),
        (("2016",), {}),
        ((True,), {}),
        ((2016, 4.0), {}),
        ((2016,), {"approximate": "yes"}),
        ((2016,), {"uncertain": 1}),
    ],
    ids=[
        "month-13",
        "month-0",
        "day-without-month",
        "feb-30",
        "year-0",
        "year-10000",
        "year-as-text",
        "year-bool",
        "month-float",
        "approximate-text",
        "uncertain-int",
    ],
)
def test_constructor_refuses_impossible_dates(
    args: tuple[object, ...], kwargs: dict[str, object]
) -> None:
    with pytest.raises(InvalidDateError):
        PartialDate(*args, **kwargs)  # type: ignore[arg-type]


@given(partial_dates())
def test_str_then_parse_gives_the_same_date(d: PartialDate) -> None:
    assert P(str(d)) == d
    assert str(P(str(d))) == str(d)


@st.composite
def edtf_strings(draw: st.DrawFn) -> str:
    """EDTF strings written independently of PartialDate.__str__."""
    year = draw(st.integers(1, 9999))
    text = f"{year:04d}"
    if draw(st.booleans()):
        month = draw(st.integers(1, 12))
        text += f"-{month:02d}"
        if draw(st.booleans()):
            length = pendulum.Date(year, month, 1).days_in_month
            text += f"-{draw(st.integers(1, length)):02d}"
    return text + draw(st.sampled_from(["", "~", "?", "%"]))


@given(edtf_strings())
def test_parse_then_str_gives_the_same_string(text: str) -> None:
    assert str(P(text)) == text


def test_repr_shows_the_edtf_string() -> None:
    assert repr(P("2016-04~")) == "PartialDate('2016-04~')"


# -- leap years and month lengths ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("2016-02-29", True),
        ("2015-02-29", False),
        ("1900-02-29", False),
        ("2000-02-29", True),
        ("2100-02-29", False),
        ("2016-04-31", False),
        ("2016-04-30", True),
        ("2016-12-31", True),
    ],
)
def test_leap_years_and_month_lengths(text: str, valid: bool) -> None:
    if valid:
        assert str(P(text)) == text
    else:
        with pytest.raises(InvalidDateError, match=text):
            P(text)


# -- what is known ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "earliest", "latest"),
    [
        ("2016", "2016-01-01", "2016-12-31"),
        ("2016-02", "2016-02-01", "2016-02-29"),
        ("2015-02", "2015-02-01", "2015-02-28"),
        ("1900-02", "1900-02-01", "1900-02-28"),
        ("2016-04", "2016-04-01", "2016-04-30"),
        ("2016-04-27", "2016-04-27", "2016-04-27"),
        # Qualifiers are kept but do not widen the bounds.
        ("2016-04~", "2016-04-01", "2016-04-30"),
        ("2016-04-27%", "2016-04-27", "2016-04-27"),
    ],
)
def test_bounds(text: str, earliest: str, latest: str) -> None:
    d = P(text)
    assert d.earliest == datetime.date.fromisoformat(earliest)
    assert d.latest == datetime.date.fromisoformat(latest)
    assert isinstance(d.earliest, pendulum.Date)
    assert d.earliest_ordinal == d.earliest.toordinal()
    assert d.latest_ordinal == d.latest.toordinal()


@given(partial_dates())
def test_bounds_match_precision(d: PartialDate) -> None:
    assert d.earliest <= d.latest
    assert (d.earliest == d.latest) == (d.precision is Precision.DAY)
    assert d.earliest.year == d.latest.year == d.year
    assert d.is_exact == (d.precision is Precision.DAY and not (d.approximate or d.uncertain))


def test_precision_values_are_lower_case_words() -> None:
    assert [p.value for p in Precision] == [
        "year",
        "month",
        "day",
        "season",
        "decade",
        "century",
        "millennium",
    ]


# -- containment and reasoning --------------------------------------------------------------


@pytest.mark.parametrize(
    ("outer", "inner", "expected"),
    [
        ("2016-04", "2016-04-27", True),
        ("2016", "2016-04", True),
        ("2016", "2016-12-31", True),
        ("2016-04", "2016-04", True),
        ("2016-04-27", "2016-04-27", True),
        ("2016-04-27", "2016-04", False),
        ("2016-04", "2016", False),
        ("2016-04", "2016-05-01", False),
        ("2016-04~", "2016-04-27", True),
    ],
)
def test_contains(outer: str, inner: str, expected: bool) -> None:
    assert P(outer).contains(inner) is expected
    assert P(outer).contains(P(inner)) is expected


@given(partial_dates(), partial_dates())
def test_contains_means_nested_bounds(a: PartialDate, b: PartialDate) -> None:
    assert a.contains(a)
    assert a.contains(b) == (a.earliest <= b.earliest and b.latest <= a.latest)
    if a.contains(b) and b.contains(a):
        assert (a.earliest, a.latest) == (b.earliest, b.latest)


@pytest.mark.parametrize(
    ("a", "b", "definitely", "possibly"),
    [
        # The examples of issue 2.
        ("2016-04", "2016-04-27", False, True),
        ("2016-04-27", "2016-04", False, True),
        ("2016-03", "2016-04-27", True, True),
        ("2016-04-27", "2016-04-28", True, True),
        ("2016-04-27", "2016-04-27", False, False),
        ("2016-04-30", "2016-04", False, False),
        ("2016-04-01", "2016-04", False, True),
        ("2016", "2016-06", False, True),
        ("2015", "2016", True, True),
        ("2017", "2016-12-31", False, False),
    ],
)
def test_definitely_and_possibly_before(a: str, b: str, definitely: bool, possibly: bool) -> None:
    assert P(a).definitely_before(b) is definitely
    assert P(a).possibly_before(P(b)) is possibly


@given(partial_dates(), partial_dates())
def test_before_semantics(a: PartialDate, b: PartialDate) -> None:
    assert a.definitely_before(b) == (a.latest < b.earliest)
    assert a.possibly_before(b) == (a.earliest < b.latest)
    if a.definitely_before(b):
        assert a.possibly_before(b)
        assert not b.possibly_before(a)
    assert not a.definitely_before(a)
    if a.is_exact and b.is_exact:
        assert a.definitely_before(b) == a.possibly_before(b) == (a.earliest < b.earliest)


# -- days_between --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2016-04-27", "2016-05-29", (32, 32)),
        ("2016-04", "2016-05-29", (29, 58)),
        ("2016-01-29", "2016-02-03", (5, 5)),
        ("2016-02-28", "2016-03-01", (2, 2)),
        ("2015-02-28", "2015-03-01", (1, 1)),
        ("2016-04-27", "2016-04-27", (0, 0)),
        ("2016-05-29", "2016-04-27", (-32, -32)),
        ("2016", "2017", (1, 730)),
        ("2016-04", "2016-04", (-29, 29)),
    ],
)
def test_days_between(a: str, b: str, expected: tuple[int, int]) -> None:
    assert days_between(a, b) == expected
    assert days_between(P(a), P(b)) == expected


def test_days_between_accepts_dates() -> None:
    assert days_between(datetime.date(2016, 4, 27), pendulum.date(2016, 5, 29)) == (32, 32)


@given(partial_dates(), partial_dates())
def test_days_between_bounds(a: PartialDate, b: PartialDate) -> None:
    low, high = days_between(a, b)
    assert low <= high
    assert days_between(b, a) == (-high, -low)
    if a.precision is Precision.DAY and b.precision is Precision.DAY:
        assert low == high == (b.earliest - a.earliest).days


# -- ordering -------------------------------------------------------------------------------


def test_order_is_by_earliest_then_latest() -> None:
    ordered = ["2015-12", "2016-01-01", "2016-01", "2016", "2016-04", "2016-04-27"]
    assert [str(d) for d in sorted(P(t) for t in reversed(ordered))] == ordered


def test_qualifiers_break_ties_so_the_order_is_total() -> None:
    plain, approximate, uncertain = P("2016-04"), P("2016-04~"), P("2016-04?")
    assert plain != approximate
    assert plain < approximate < uncertain
    assert len({plain, approximate, uncertain}) == 3


@given(partial_dates(), partial_dates(), partial_dates())
def test_order_is_total_and_consistent(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    # Exactly one of a < b, a == b, b < a.
    assert [a < b, a == b, b < a].count(True) == 1
    assert (a == b) == (not a < b and not b < a)
    assert (a <= b) == (a < b or a == b)
    assert (a >= b) == (b <= a)
    assert (a > b) == (b < a)
    if a == b:
        assert hash(a) == hash(b)
    if a < b and b < c:
        assert a < c
    if a.definitely_before(b):
        assert a < b
    assert (a < b) == (a.sort_key() < b.sort_key())


@given(st.lists(partial_dates(min_year=2015, max_year=2017)), st.data())
def test_sorting_is_deterministic(dates: list[PartialDate], data: st.DataObject) -> None:
    forward = sorted(dates)
    assert sorted(data.draw(st.permutations(dates))) == forward
    assert all(x <= y for x, y in itertools.pairwise(forward))
    # No element sorts after one it is definitely before.
    for i, x in enumerate(forward):
        assert not any(y.definitely_before(x) for y in forward[i + 1 :])


def test_comparing_with_other_types() -> None:
    assert P("2016") != "2016"
    with pytest.raises(TypeError):
        _ = P("2016") < "2017"  # type: ignore[operator]


# -- coercion -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    ["2016-04-27", datetime.date(2016, 4, 27), pendulum.date(2016, 4, 27), P("2016-04-27")],
    ids=["str", "date", "pendulum-date", "partial-date"],
)
def test_coerce_accepts_strings_and_dates(value: object) -> None:
    assert PartialDate.coerce(value) == PartialDate(2016, 4, 27)  # type: ignore[arg-type]


def test_coerce_returns_partial_dates_unchanged() -> None:
    d = P("2016-04~")
    assert PartialDate.coerce(d) is d


@pytest.mark.parametrize(
    "value",
    [
        datetime.datetime(2016, 4, 27, 12, 0),
        pendulum.datetime(2016, 4, 27),
        2016,
        None,
        (2016, 4),
    ],
    ids=["datetime", "pendulum-datetime", "int", "none", "tuple"],
)
def test_coerce_refuses_datetimes_and_other_types(value: object) -> None:
    with pytest.raises(InvalidDateError):
        PartialDate.coerce(value)  # type: ignore[arg-type]


def test_from_date_is_day_precise() -> None:
    d = PartialDate.from_date(datetime.date(2016, 2, 29))
    assert d.precision is Precision.DAY
    assert str(d) == "2016-02-29"


# -- periods ----------------------------------------------------------------------------------

PERIODS = [
    "2016-01-29/2016-02-03",
    "2016-01/..",
    "2016/2016-04",
    "2016-04-13/2016-04-27",
    "2016-04~/2016-05?",
    "2016-04-27/2016-04-27",
    "2016-04/2016-04-01",
]


@pytest.mark.parametrize("text", PERIODS)
def test_period_parse_then_str(text: str) -> None:
    assert str(Period.parse(text)) == text


@given(periods())
def test_period_str_then_parse(p: Period) -> None:
    assert Period.parse(str(p)) == p
    assert (p.end is None) == str(p).endswith("/..")


def test_open_period() -> None:
    p = Period.parse("2016-01/..")
    assert p.end is None
    assert p.is_open
    assert p == Period("2016-01")
    assert repr(p) == "Period('2016-01/..')"


BAD_PERIODS: list[object] = [
    "2016-04-27/2016-04-13",
    "2016/2015",
    "2016-05/2016-04-30",
    "2016",
    "/",
    "../..",
    "/..",
    "2016-01/2016-13",
    "2016-13/2017",
    "2016-01/2016-02/2016-03",
    "",
    None,
    2016,
]


@pytest.mark.parametrize("text", BAD_PERIODS, ids=[repr(v) for v in BAD_PERIODS])
def test_period_parse_refuses_bad_input_naming_it(text: object) -> None:
    with pytest.raises(InvalidDateError) as info:
        Period.parse(text)  # type: ignore[arg-type]
    assert repr(text) in str(info.value)


def test_end_before_start_is_refused_with_both_dates() -> None:
    with pytest.raises(InvalidDateError, match="end 2016-04-01 is before start 2016-04-13"):
        Period("2016-04-13", "2016-04-01")


def test_period_converts_its_ends() -> None:
    p = Period(datetime.date(2016, 1, 29), "2016-02")
    assert p.start == PartialDate(2016, 1, 29)
    assert p.end == PartialDate(2016, 2)
    with pytest.raises(InvalidDateError):
        Period(datetime.datetime(2016, 1, 29, 10, 0))
    with pytest.raises(InvalidDateError):
        Period("2016-02-30")


def test_period_coerce() -> None:
    p = Period("2016-01")
    assert Period.coerce(p) is p
    assert Period.coerce("2016-01/..") == p
    with pytest.raises(InvalidDateError, match="expected a Period"):
        Period.coerce(("2016-01", None))  # type: ignore[arg-type]


ALLOUSH = Period("2016-01", "2016-05-29")


@pytest.mark.parametrize(
    ("period", "date", "contains"),
    [
        (ALLOUSH, "2016-01-15", True),
        (ALLOUSH, "2016-05-29", True),
        (ALLOUSH, "2016-05-30", False),
        (ALLOUSH, "2016-05", False),
        (ALLOUSH, "2016-03", True),
        (ALLOUSH, "2016", False),
        (ALLOUSH, "2015-12-31", False),
        (Period("2016-02-27"), "2030-01-01", True),
        (Period("2016-02-27"), "2016-02", False),
        (Period("2016"), "2016", True),
    ],
)
def test_period_contains(period: Period, date: str, contains: bool) -> None:
    assert period.contains(date) is contains


@pytest.mark.parametrize(
    ("period", "date", "certain", "possible"),
    [
        (ALLOUSH, "2016-01-15", False, True),
        (ALLOUSH, "2016-01-31", True, True),
        (ALLOUSH, "2016-01", True, True),
        (ALLOUSH, "2016-05-29", True, True),
        (ALLOUSH, "2016-05-30", False, False),
        (ALLOUSH, "2015-12-31", False, False),
        (ALLOUSH, "2016", True, True),
        (Period("2016-02-27"), "2016-02-26", False, False),
        (Period("2016-02-27"), "2016-02-27", True, True),
        (Period("2016-02-27"), "2016-02", True, True),
        (Period("2016-02-27"), "2099-12-31", True, True),
        (Period("2016-02"), "2016-02-10", False, True),
        (Period("2016-04-13", "2016-04"), "2016-04-20", False, True),
        (Period("2016-04-13", "2016-04"), "2016-04-13", True, True),
    ],
)
def test_in_force(period: Period, date: str, certain: bool, possible: bool) -> None:
    assert period.in_force(date) is certain
    assert period.in_force(date, possibly=True) is possible


@given(periods(), partial_dates())
def test_in_force_laws(p: Period, d: PartialDate) -> None:
    if p.in_force(d):
        assert p.in_force(d, possibly=True)
    if p.contains(d):
        assert p.in_force(d, possibly=True)
    if p.in_force(d, possibly=True):
        assert p.overlaps(Period(d, d))


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2016-01/2016-02", "2016-02-15/2016-03", True),
        ("2016-01/2016-01-31", "2016-02/..", False),
        ("2016-01/..", "2030/2031", True),
        ("2016-01/2016-01-31", "2016-01-31/..", True),
        ("2016-04/2016-04", "2016-04-27/2016-05", True),
        ("2015/2015", "2016/2016", False),
    ],
)
def test_overlaps(a: str, b: str, expected: bool) -> None:
    assert Period.parse(a).overlaps(Period.parse(b)) is expected
    assert Period.parse(b).overlaps(Period.parse(a)) is expected


@given(periods(), periods())
def test_overlaps_is_symmetric_and_reflexive(a: Period, b: Period) -> None:
    assert a.overlaps(a)
    assert a.overlaps(b) == b.overlaps(a)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016-04-13/2016-04-27", (14, 14)),
        ("2016-01-29/2016-02-03", (5, 5)),
        ("2016-04/2016-05-29", (29, 58)),
        ("2016/2016-04", (0, 120)),
        ("2016-04-27/2016-04-27", (0, 0)),
    ],
)
def test_days(text: str, expected: tuple[int, int]) -> None:
    assert Period.parse(text).days() == expected


def test_days_of_an_open_period_needs_until() -> None:
    p = Period("2016-04-13")
    with pytest.raises(InvalidDateError, match="open"):
        p.days()
    assert p.days(until="2016-04-27") == (14, 14)
    assert p.days(until=datetime.date(2016, 5, 1)) == (18, 18)


@given(periods(open_end=False))
def test_days_of_closed_periods(p: Period) -> None:
    low, high = p.days()
    assert 0 <= low <= high
    assert p.end is not None
    assert high == days_between(p.start, p.end)[1]


@given(periods(open_end=False))
def test_periods_without_open_end_are_closed(p: Period) -> None:
    assert p.end is not None
    assert not p.end.definitely_before(p.start)


def test_period_sort_key_puts_open_ends_last() -> None:
    texts = ["2016-01/..", "2016-01/2016-02", "2015/2016", "2016-01/2016-01-15"]
    ordered = sorted((Period.parse(t) for t in texts), key=Period.sort_key)
    assert [str(p) for p in ordered] == [
        "2015/2016",
        "2016-01/2016-01-15",
        "2016-01/2016-02",
        "2016-01/..",
    ]


def test_periods_are_hashable_values() -> None:
    assert Period.parse("2016-01/..") == Period("2016-01", None)
    assert len({Period.parse("2016-01/.."), Period("2016-01")}) == 1


# -- every EDTF level 0/1 form ----------------------------------------------------------

EVERY = partial_dates(1, 9999, times=True, unspecified=True, seasons=True)
EVERY_PERIOD = periods(dates=EVERY, unknown_ends=True, open_start=True)

LEVEL1 = [
    ("2016-04-27T10:00:00", "2016-04-27", "2016-04-27", Precision.DAY),
    ("2016-04-27T10:00:00Z", "2016-04-27", "2016-04-27", Precision.DAY),
    ("2016-04-27T23:59:59-04", "2016-04-27", "2016-04-27", Precision.DAY),
    ("2016-04-27T24:00:00+05:30", "2016-04-27", "2016-04-27", Precision.DAY),
    ("2016-21", "2016-03-01", "2016-05-31", Precision.SEASON),
    ("2016-22?", "2016-06-01", "2016-08-31", Precision.SEASON),
    ("2016-23", "2016-09-01", "2016-11-30", Precision.SEASON),
    ("2016-24", "2016-12-01", "2016-12-31", Precision.SEASON),
    ("201X", "2010-01-01", "2019-12-31", Precision.DECADE),
    ("20XX~", "2000-01-01", "2099-12-31", Precision.CENTURY),
    ("2XXX", "2000-01-01", "2999-12-31", Precision.MILLENNIUM),
    ("9XXX", "9000-01-01", "9999-12-31", Precision.MILLENNIUM),
    ("001X", "0010-01-01", "0019-12-31", Precision.DECADE),
    ("2016-XX", "2016-01-01", "2016-12-31", Precision.YEAR),
    ("2016-02-XX%", "2016-02-01", "2016-02-29", Precision.MONTH),
    ("2016-XX-XX", "2016-01-01", "2016-12-31", Precision.YEAR),
]


@pytest.mark.parametrize(
    ("text", "earliest", "latest", "precision"), LEVEL1, ids=[v[0] for v in LEVEL1]
)
def test_every_level_1_form_parses_prints_back_and_has_bounds(
    text: str, earliest: str, latest: str, precision: Precision
) -> None:
    d = P(text)
    assert str(d) == text
    assert (str(d.earliest), str(d.latest), d.precision) == (earliest, latest, precision)
    assert P(str(d)) == d
    assert hash(P(str(d))) == hash(d)


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("?2016-04", "qualification of a part of a date"),
        ("2004-06-~11", "qualification of a part of a date"),
        ("2004?-06-11", "qualification of a part of a date"),
        ("[1667, 1760-12]", "sets of dates"),
        ("{1667,1668}", "sets of dates"),
        ("1950S2", "significant digits"),
        ("Y17E7", "exponential years"),
        ("2016-25", "sub-year groupings 25 to 41"),
        ("2016-33~", "sub-year groupings 25 to 41"),
        ("156X-12-25", "unspecified digits other than"),
        ("1XXX-XX", "unspecified digits other than"),
        ("2016-XX-05", "unspecified digits other than"),
        ("2004-1X", "unspecified digits other than"),
    ],
)
def test_level_2_is_refused_naming_the_feature(text: str, feature: str) -> None:
    with pytest.raises(InvalidDateError, match=r"EDTF level 2 \(") as info:
        P(text)
    assert feature in str(info.value)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    "text", ["0000", "0000~", "-0050", "-1985-04", "-01XX", "Y170000002", "Y-170000002", "0XXX"]
)
def test_years_peacetrack_cannot_hold_say_so(text: str) -> None:
    with pytest.raises(InvalidDateError, match="outside the years peacetrack can hold") as info:
        Period.parse(f"{text}/..") if text[0] == "-" else P(text)
    assert repr(text) in str(info.value)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"season": 25}, "season 25 is not in 21..24"),
        ({"season": 21, "month": 4}, "a season has no month"),
        ({"unspecified_digits": 1, "year": 2016}, "a year ending in as many zeros"),
        ({"unspecified_digits": 4, "year": 2000}, "needs 1..3"),
        ({"unspecified_digits": 1, "year": 2010, "month": 4}, "has no other parts"),
        ({"unspecified_parts": 3}, "does not fit"),
        ({"unspecified_parts": 1, "month": 4, "day": 2}, "does not fit"),
        ({"time": "10:00:00", "month": 4}, "needs a full date"),
        ({"time": "10:00:00", "month": 4, "day": 2, "approximate": True}, "not dates with"),
        ({"time": "25:00:00", "month": 4, "day": 2}, "not a time of day"),
        ({"time": "10:00:00+15:00", "month": 4, "day": 2}, "offset outside"),
        ({"time": "10:00", "month": 4, "day": 2}, "is not hh:mm:ss"),
        ({"unspecified_parts": True}, "must be an integer"),
    ],
)
def test_constructor_checks_the_level_1_parts(kwargs: dict[str, object], message: str) -> None:
    args = {"year": 2016, **kwargs}
    with pytest.raises(InvalidDateError, match=re.escape(message)):
        PartialDate(**args)  # type: ignore[arg-type]


def test_a_qualified_date_and_time_is_refused_saying_why() -> None:
    with pytest.raises(InvalidDateError, match="EDTF qualifies dates, not times"):
        P("2016-04-27T10:00:00~")


@given(EVERY)
def test_every_drawn_form_prints_back_exactly(d: PartialDate) -> None:
    assert str(P(str(d))) == str(d)
    assert P(str(d)) == d


@given(EVERY_PERIOD)
def test_every_drawn_period_prints_back_exactly(p: Period) -> None:
    assert str(Period.parse(str(p))) == str(p)
    assert Period.parse(str(p)) == p


@given(EVERY, EVERY, EVERY)
def test_order_is_total_over_every_form(a: PartialDate, b: PartialDate, c: PartialDate) -> None:
    assert (a == b) == (not a < b and not b < a)
    assert (a < b) != (a >= b)
    if a <= b and b <= c:
        assert a <= c


def test_times_order_a_day_by_instant() -> None:
    texts = [
        "2016-04-27T10:00:00+03:00",  # 07:00 UTC
        "2016-04-27T08:00:00",  # no offset: read as UTC
        "2016-04-27T09:00:00Z",
        "2016-04-27T05:00:00-05:00",  # 10:00 UTC
    ]
    day = P("2016-04-27")
    ordered = sorted([*map(P, reversed(texts)), day])
    assert [str(d) for d in ordered] == ["2016-04-27", *texts]
    assert {d.earliest_ordinal for d in ordered} == {day.earliest_ordinal}


@given(st.integers(0, 23), st.integers(0, 59), st.integers(-12, 14), st.integers(0, 23))
def test_time_order_within_a_day_agrees_with_utc(h1: int, m1: int, off: int, h2: int) -> None:
    zone = f"{'+' if off >= 0 else '-'}{abs(off):02d}:00"
    a = P(f"2016-04-27T{h1:02d}:{m1:02d}:00{zone}")
    b = P(f"2016-04-27T{h2:02d}:00:00Z")
    utc_a = datetime.datetime(2016, 4, 27, h1, m1) - datetime.timedelta(hours=off)
    utc_b = datetime.datetime(2016, 4, 27, h2)
    if utc_a != utc_b:
        assert (a < b) == (utc_a < utc_b)


# -- fuzzy bounds -----------------------------------------------------------------------


def _iso(pair: tuple[int, int]) -> tuple[str, str]:
    return (
        datetime.date.fromordinal(pair[0]).isoformat(),
        datetime.date.fromordinal(pair[1]).isoformat(),
    )


@pytest.mark.parametrize(
    ("text", "fuzzy"),
    [
        ("2016-05-29?", ("2016-05-28", "2016-05-30")),
        ("2016-05-29%", ("2016-05-27", "2016-05-31")),
        ("2017-05?", ("2017-04-01", "2017-06-30")),
        ("2016-03~", ("2016-02-01", "2016-04-30")),
        ("2016-12%", ("2016-10-01", "2017-02-28")),
        ("1984~", ("1983-01-01", "1985-12-31")),
        ("1984%", ("1982-01-01", "1986-12-31")),
        ("2016-21~", ("2015-12-08", "2016-08-23")),
        ("201X?", ("2000-01-01", "2029-12-31")),
        ("16XX%", ("1400-01-01", "1899-12-31")),
        ("0001~", ("0001-01-01", "0002-12-31")),
        ("9999-12-31?", ("9999-12-30", "9999-12-31")),
        ("2016-05-29", ("2016-05-29", "2016-05-29")),
    ],
)
def test_fuzzy_bounds_widen_by_one_unit_of_the_precision(text: str, fuzzy: tuple[str, str]) -> None:
    assert _iso(P(text).bounds(possibly=True)) == fuzzy


@given(EVERY)
def test_fuzzy_bounds_contain_the_strict_ones(d: PartialDate) -> None:
    lo, hi = d.bounds()
    fuzzy_lo, fuzzy_hi = d.bounds(possibly=True)
    assert (lo, hi) == (d.earliest_ordinal, d.latest_ordinal)
    assert fuzzy_lo <= lo <= hi <= fuzzy_hi
    if not d.is_qualified:
        assert (fuzzy_lo, fuzzy_hi) == (lo, hi)
    both = attrs.evolve(d, approximate=True, uncertain=True) if d.time is None else d
    wide_lo, wide_hi = both.bounds(possibly=True)
    assert wide_lo <= fuzzy_lo
    assert fuzzy_hi <= wide_hi


# -- periods: readings, unknown and open ends ---------------------------------------------


def test_the_issue_examples() -> None:
    assert Period.parse("1984~/2004~").in_force("1983-06", possibly=True)
    assert not Period.parse("1984~/2004~").in_force("1985-06")
    ended = Period.parse("2016-01/2017-05?")
    assert not ended.in_force("2017-05-01")  # "probably May" may be April
    assert ended.in_force("2017-06-15", possibly=True)
    assert ended.in_force("2017-03-31")


@given(EVERY_PERIOD, EVERY)
def test_certain_is_within_possible_and_strict(p: Period, d: PartialDate) -> None:
    if p.in_force(d):
        assert p.in_force(d, possibly=True)
    possible, certain = p.bounds(possibly=True), p.bounds(possibly=False)
    assert possible[0] <= p.earliest_ordinal <= p.latest_ordinal <= possible[1]
    assert possible[0] <= certain[0]
    assert certain[1] <= possible[1]


def test_unknown_end_is_not_open() -> None:
    ended, running = Period.parse("2016-05-29/"), Period.parse("2016-05-29/..")
    assert ended.unknown_end
    assert not ended.is_open
    assert ended.end is None
    assert running.is_open
    assert not running.unknown_end
    assert ended != running
    assert str(ended) == "2016-05-29/"
    assert ended.in_force("2016-05-29")
    assert not ended.in_force("2016-05-30")
    assert ended.in_force("2026-05-29", possibly=True)
    assert not ended.in_force("2026-05-30", possibly=True)
    assert running.in_force("2026-05-30")
    assert running.in_force("9999", possibly=True)
    assert ended.days() == (0, 3652)
    with pytest.raises(InvalidDateError, match="pass until="):
        running.days()


def test_unknown_and_open_starts() -> None:
    joined = Period.parse("/2016-05-29")
    assert joined.start is None
    assert joined.unknown_start
    assert not joined.open_start
    assert joined == Period(None, "2016-05-29", unknown_start=True)
    assert joined.in_force("2016-05-29")
    assert not joined.in_force("2016-05-28")
    assert joined.in_force("2006-05-29", possibly=True)
    assert not joined.in_force("2006-05-28", possibly=True)
    assert joined.days() == (0, 3653)
    always = Period.parse("../2016-05-29")
    assert always.open_start
    assert always.in_force("0001-01-01")
    assert not always.in_force("2016-05-30", possibly=True)
    with pytest.raises(InvalidDateError, match="open start"):
        always.days()


@pytest.mark.parametrize(
    ("args", "kwargs", "message"),
    [
        ((None,), {}, "at least one of its ends"),
        ((None, None), {"unknown_start": True, "unknown_end": True}, "at least one"),
        (("2016",), {"unknown_start": True}, "start 2016 is given"),
        (("2016", "2017"), {"unknown_end": True}, "end 2017 is given"),
        (("2016",), {"unknown_end": "yes"}, "unknown_end must be True or False"),
    ],
)
def test_period_checks_its_missing_ends(
    args: tuple[object, ...], kwargs: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidDateError, match=message):
        Period(*args, **kwargs)  # type: ignore[arg-type]


@given(st.lists(EVERY_PERIOD, min_size=2, max_size=6))
def test_periods_with_missing_ends_sort(ps: list[Period]) -> None:
    ordered = sorted(ps, key=Period.sort_key)
    keys = [p.sort_key() for p in ordered]
    assert keys == sorted(keys)
    assert all(
        k[0] == p.earliest_ordinal and k[3] == p.latest_ordinal
        for k, p in zip(keys, ordered, strict=True)
    )


def test_in_words() -> None:
    words = {
        "2016-05~": "about 2016-05",
        "2016-05?": "probably 2016-05",
        "2016%": "probably about 2016",
        "2016-24": "winter 2016",
        "20XX": "2000-2099",
        "2016-XX": "2016",
        "2016-04-27T10:00:00Z": "2016-04-27 10:00:00Z",
    }
    assert {text: P(text).in_words() for text in words} == words


EDTF_ALPHABET = st.text(alphabet="0123456789X-?~%/.TZ:+SYE[]{},", max_size=30)


@given(EDTF_ALPHABET)
def test_any_string_parses_back_exactly_or_is_refused_clearly(text: str) -> None:
    for parse in (P, Period.parse):
        message = None
        try:
            value = parse(text)
        except InvalidDateError as exc:
            message = str(exc)
        if message is None:
            assert str(value) == text
        else:
            assert repr(text) in message


# -- the JSON schema's patterns -----------------------------------------------------------


def _schema_pattern(name: str) -> re.Pattern[str]:
    from peacetrack import io

    return re.compile(io.SCHEMA["$defs"][name]["pattern"])


@given(EVERY, EVERY_PERIOD)
def test_the_schema_patterns_take_every_form(d: PartialDate, p: Period) -> None:
    assert _schema_pattern("date").search(str(d))
    assert _schema_pattern("period").search(str(p))


@given(st.one_of(EDTF_ALPHABET, EVERY.map(str), EVERY_PERIOD.map(str)))
def test_the_schema_patterns_agree_with_the_parser(text: str) -> None:
    for name, parse in (("date", P), ("period", Period.parse)):
        try:
            parse(text)
        except InvalidDateError:
            accepted = False
        else:
            accepted = True
        matched = _schema_pattern(name).search(text) is not None
        # The schema cannot know month lengths, nor whether an end is before its start.
        undecidable = re.search(r"-(29|30|31)", text) or (name == "period" and "/" in text)
        if accepted or not undecidable:
            assert matched == accepted, (name, text)
