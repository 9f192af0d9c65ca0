"""Mermaid export: the line shapes each style promises, real dates in the gantt, and
text that can never break the syntax. (tests/browser parses and renders it with the
real mermaid.)"""

from __future__ import annotations

import datetime
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Delegation,
    Designation,
    Membership,
    PartialDate,
    Party,
    PeacetrackError,
    Person,
    Process,
    Resignation,
    Round,
    Timeline,
)
from peacetrack.datasets import geneva_2016
from peacetrack.interop import to_mermaid
from peacetrack.interop.mermaid import sanitize
from peacetrack.testing import partial_dates, timelines

ENTITY = re.compile(r"#(\d+);")
SPECIAL = set(":;#%<>&\"'`{}[]()|=\\")
# Text from the data: anything but Mermaid's special characters, which only appear as
# entity codes. The line shapes below allow data nowhere else.
DATA = r"(?:[^:;#%<>&\"'`{}\[\]()|=\\\n]|#\d+;)+"
DAY = r"\d{4}-\d{2}-\d{2}"
TIMELINE_LINE = re.compile(
    rf"timeline|    title {DATA}|    section \d{{4}}"
    rf"|        \S{DATA} : {DATA}|            : {DATA}"
)
GANTT_LINE = re.compile(
    rf"gantt|    title {DATA}|    dateFormat YYYY-MM-DD|    axisFormat %Y-%m-%d"
    rf"|    section (Rounds of|Ceasefire) {DATA}|    section Resignations"
    rf"|    (Round \d+(?: {DATA})?|In force) :{DAY}, (?:{DAY}|\d+d)"  # venue may be None
    rf"|    Exclusion of {DATA} :crit, {DAY}, (?:{DAY}|\d+d)"
    rf"|    Resignation of {DATA} :milestone, {DAY}, 0d"
)


def _decode(text: str) -> str:
    return ENTITY.sub(lambda m: chr(int(m.group(1))), text)


@pytest.mark.parametrize("style", ["timeline", "gantt"])
def test_every_line_has_the_promised_shape(style: str) -> None:
    shape = TIMELINE_LINE if style == "timeline" else GANTT_LINE
    for line in to_mermaid(geneva_2016(), style=style).splitlines():  # type: ignore[arg-type]
        assert shape.fullmatch(line), line


@settings(max_examples=50)
@given(timelines(max_size=25), st.sampled_from(["timeline", "gantt"]))
def test_no_timeline_can_break_the_syntax(t: Timeline, style: str) -> None:
    text = to_mermaid(t, style=style)  # type: ignore[arg-type]
    assert text.endswith("\n")
    shape = TIMELINE_LINE if style == "timeline" else GANTT_LINE
    for line in text.splitlines():
        assert shape.fullmatch(line), line


@given(st.text(max_size=60))
def test_sanitize_keeps_the_text_mermaid_will_draw(text: str) -> None:
    safe = sanitize(text)
    assert "\n" not in safe
    assert not set(ENTITY.sub("", safe)) & SPECIAL
    folded = re.sub(r"\s+", " ", text).strip()
    assert _decode(safe) == (folded or "\u00a0")


def test_gantt_uses_real_dates_read_at_their_widest() -> None:
    t = Timeline(
        [
            Party("gov", "Government", "government"),
            Party("hnc", "HNC", "opposition"),
            Party("nusra", "Nusra Front", "armed_group"),
            Person("a", "Mohammed Alloush"),
            Process("g", "Geneva"),
            Delegation("d", "hnc", "g"),
            Round("r1", "g", 1, "2016-01-29/2016-02-03", "Geneva", "proximity", "suspended"),
            Round("r2", "g", 2, "2016-03/2016-04", "Geneva", "proximity", "adjourned"),
            Ceasefire(
                "coh",
                "Cessation: of hostilities",
                "2016-02-27/..",
                parties=("gov", "hnc"),
                exclusions=[{"party": "nusra", "reason": "designated"}],
            ),
            Membership("m", "a", "d", "chief negotiator", "2016-01/2016-05-29"),
            Resignation("res", "a", "m", "2016-05-29"),
        ]
    )
    lines = to_mermaid(t, style="gantt").splitlines()
    assert "    section Rounds of Geneva" in lines
    assert "    Round 1 #40;Geneva#41; :2016-01-29, 2016-02-04" in lines  # end is exclusive
    assert "    Round 2 #40;Geneva#41; :2016-03-01, 2016-05-01" in lines  # March to April
    assert "    section Ceasefire Cessation#58; of hostilities" in lines
    # The open ceasefire runs to the last date the timeline mentions (29 May).
    assert "    In force :2016-02-27, 2016-05-30" in lines
    assert "    Exclusion of Nusra Front :crit, 2016-02-27, 2016-05-30" in lines
    assert lines[-2:] == [
        "    section Resignations",
        "    Resignation of Mohammed Alloush :milestone, 2016-05-29, 0d",
    ]
    for line in lines:
        for day in re.findall(DAY, line):
            datetime.date.fromisoformat(day)


def test_timeline_sections_by_year_and_spans_as_ranges() -> None:
    text = to_mermaid(geneva_2016())
    years = re.findall(r"^    section (\d{4})$", text, re.M)
    assert years == sorted(set(years))
    assert re.search(r"^        2016-04-13 to 2016-04-27 : Round 3 of ", text, re.M)
    assert re.search(r"^        2016-05-29 : Mohammed Alloush resigns$", text, re.M)


def test_an_unknown_style_is_an_error() -> None:
    with pytest.raises(PeacetrackError, match="unknown Mermaid style 'pie'"):
        to_mermaid(Timeline(), style="pie")  # type: ignore[arg-type]


@pytest.mark.parametrize("style", ["timeline", "gantt"])
def test_the_title_names_every_process(style: str) -> None:
    names = ["Geneva talks", "Astana talks", "Vienna talks", "Sochi congress", "Riyadh meeting"]
    for count in (1, 2, 3, 5):
        t = Timeline([Process(f"p{i}", name) for i, name in enumerate(names[:count])])
        title_line = to_mermaid(t, style=style).splitlines()[1]
        shown = sorted(names[:count])[:3]
        assert all(name in title_line for name in shown), title_line
        if count > 3:
            assert title_line.endswith(f"and {count - 3} more processes")


# -- dates at the ends of the range: year 1 to 31 December 9999 ---------------------------

EDGE_DATES = st.sampled_from(
    ["0001", "0001-01-01", "0001-01", "9999", "9999-12", "9999-12-31", "9999-12-30", "9998~"]
).map(PartialDate.parse)
WHOLE_RANGE = partial_dates(1, 9999) | EDGE_DATES


def _bars(text: str) -> list[tuple[datetime.date, datetime.date | int]]:
    """Every gantt task's start, and its end: a day, or a length in days. Milestones
    (``:milestone, day, 0d``) are not bars: their ``0d`` is no end."""
    found = []
    bars = "\n".join(line for line in text.splitlines() if ":milestone, " not in line)
    for start, end, length in re.findall(rf"({DAY}), (?:({DAY})|(\d+)d)$", bars, re.M):
        found.append(
            (
                datetime.date.fromisoformat(start),
                datetime.date.fromisoformat(end) if end else int(length),
            )
        )
    return found


@settings(max_examples=60)
@given(timelines(max_size=20, dates=WHOLE_RANGE), st.sampled_from(["timeline", "gantt"]))
def test_every_date_in_the_range_can_be_drawn(t: Timeline, style: str) -> None:
    text = to_mermaid(t, style=style)  # type: ignore[arg-type]
    shape = TIMELINE_LINE if style == "timeline" else GANTT_LINE
    for line in text.splitlines():
        assert shape.fullmatch(line), line
    for start, end in _bars(text):
        if isinstance(end, int):  # only a span that reaches the last day is a length
            assert start + datetime.timedelta(days=end - 1) == datetime.date.max
        else:
            assert start < end


@pytest.mark.parametrize(
    ("period", "bar"),
    [
        ("9999-12-25/9999-12-31", "9999-12-25, 7d"),
        ("9999/9999", "9999-01-01, 365d"),
        ("9999-12-31/9999-12-31", "9999-12-31, 1d"),
        ("0001-01-01/0001-01-02", "0001-01-01, 0001-01-03"),
        ("0001/9999-12-31", "0001-01-01, 3652059d"),
        ("9999-12-30/9999-12-30", "9999-12-30, 9999-12-31"),
    ],
)
def test_a_span_to_the_last_day_is_written_as_a_length(period: str, bar: str) -> None:
    # a round with an end is not ongoing any more (an ongoing round has an open period)
    t = Timeline(
        [Process("g", "Geneva"), Round("r", "g", 1, period, "Geneva", "direct", "concluded")]
    )
    assert f"    Round 1 #40;Geneva#41; :{bar}" in to_mermaid(t, style="gantt").splitlines()


def test_an_open_span_in_a_timeline_that_reaches_9999_is_drawn() -> None:
    t = Timeline(
        [
            Party("a", "A", "state"),
            Party("b", "B", "state"),
            Ceasefire("c", "Truce", "2016-02-27/.."),
            # listed and delisted on the last day: the timeline reaches 31 December 9999
            Designation("d", "a", "b", "placeholder", "9999-12-31/9999-12-31"),
        ]
    )
    lines = to_mermaid(t, style="gantt").splitlines()
    days = (datetime.date.max - datetime.date(2016, 2, 27)).days + 1
    assert f"    In force :2016-02-27, {days}d" in lines


def test_a_round_with_an_unknown_venue_is_drawn_without_one() -> None:
    t = Timeline(
        [Process("g", "Geneva"), Round("r", "g", 1, "2016-01-01/2016-01-01", None, None, None)]
    )
    lines = to_mermaid(t, style="gantt").splitlines()
    assert "    Round 1 :2016-01-01, 2016-01-02" in lines
    assert all(GANTT_LINE.fullmatch(line) for line in lines), lines
