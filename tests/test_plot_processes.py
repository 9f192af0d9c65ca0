"""The timeline figure with several processes, many ceasefires, uncertain ends, text that
looks like mathtext, and dates at the ends of the calendar."""

from __future__ import annotations

import io
import itertools
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Exclusion,
    Incident,
    Party,
    Person,
    Process,
    Round,
    Timeline,
    UnknownIdError,
)
from peacetrack._timeline_rules import certain_overlaps
from peacetrack.datasets import geneva_2016
from peacetrack.plot import figure_texts, timeline_figure
from peacetrack.testing import partial_dates, periods


def _render(fig: Any) -> bytes:
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png")
    return buffer.getvalue()


def _texts(fig: Any) -> list[Any]:
    from matplotlib.text import Text

    return [t for t in fig.findobj(Text) if t.get_text() and t.get_visible()]


def two_processes() -> Timeline:
    return geneva_2016().with_records(
        Process("astana", "Astana talks", None),
        Round("a1", "astana", 1, "2016-03-20/2016-04-02~", "Astana", "proximity", "concluded"),
        Round("a2", "astana", 2, "2016-04-25?/2016-05-10", "Astana", "proximity", "concluded"),
    )


def _lane_of(fig: Any, title: str) -> float:
    (lane,) = [t for t in fig.axes[0].texts if t.get_text().replace("\n", " ") == title]
    return float(lane.get_position()[1])


def test_each_process_has_its_own_lane_titled_with_its_name() -> None:
    t = two_processes()
    fig = timeline_figure(t)
    geneva = t.processes[0] if t.processes[0].id != "astana" else t.processes[1]
    y_geneva, y_astana = _lane_of(fig, geneva.name), _lane_of(fig, "Astana talks")
    assert y_geneva != y_astana
    rounds = [tx for tx in fig.axes[0].texts if tx.get_text().startswith("Round ")]
    by_lane: dict[float, list[str]] = {}
    for text in rounds:
        y = float(text.get_position()[1])
        nearest = min((y_geneva, y_astana), key=lambda lane: abs(lane - y))
        by_lane.setdefault(nearest, []).append(text.get_text())
    assert sorted(by_lane[y_astana]) == ["Round 1", "Round 2"]
    assert sorted(by_lane[y_geneva]) == ["Round 1", "Round 2", "Round 3"]
    assert "Rounds" not in figure_texts(fig)  # one process's lane is titled "Rounds"


def test_one_process_keeps_a_rounds_lane_and_a_list_of_processes_filters() -> None:
    t = two_processes()
    assert "Rounds" in figure_texts(timeline_figure(t, process="astana"))
    both = figure_texts(timeline_figure(t, process=["astana", t.rounds[0].process]))
    assert "Astana talks" in both
    with pytest.raises(UnknownIdError, match="'nope'"):
        timeline_figure(t, process=["astana", "nope"])


def test_uncertain_and_approximate_ends_are_hatched() -> None:
    def hatches(period: str) -> list[str | None]:
        t = Timeline(
            [
                Process("p", "Talks", None),
                Round("r", "p", 1, period, "Geneva", "proximity", "concluded"),
            ]
        )
        return [patch.get_hatch() for patch in timeline_figure(t).axes[0].patches]

    assert hatches("2016-03-01/2016-03-31") == [None]
    assert sorted(hatches("2016-03-01/2016-03-31~"), key=str) == ["////", None]
    assert sorted(hatches("2016-03-01?/2016-03-31"), key=str) == ["////", None]
    assert sorted(hatches("2016-03-01%/2016-03-31?"), key=str) == ["////", "////", None]


def _overlaps(boxes: list[tuple[str, Any]]) -> list[tuple[str, str]]:
    return [(a, b) for (a, x), (b, y) in itertools.combinations(boxes, 2) if x.overlaps(y)]


def _ceasefire_label_boxes(fig: Any, names: set[str]) -> list[tuple[str, Any]]:
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    return [
        (text.get_text(), text.get_bbox_patch().get_window_extent(renderer))
        for text in fig.axes[0].texts
        if text.get_text().split(" — ")[0] in names
    ]


@settings(max_examples=8, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 40), st.integers(0, 60), st.text("abcdefghij ", max_size=40)),
        min_size=2,
        max_size=8,
    )
)
def test_ceasefire_labels_never_overlap(specs: list[tuple[int, int, str]]) -> None:
    records: list[Any] = [Party("nusra", "Nusra Front", "armed_group")]
    for i, (start, length, name) in enumerate(specs):
        first = 730000 + start  # a day in 1999
        period = f"{_day(first)}/{_day(first + length)}"
        label = f"Ceasefire {i} {name}".strip()
        excluded = [Exclusion("nusra", "designated")] if i % 2 else []
        records.append(Ceasefire(f"c{i}", label, period, exclusions=excluded))
    fig = timeline_figure(Timeline(records))
    names = {r.name for r in records if isinstance(r, Ceasefire)}
    boxes = _ceasefire_label_boxes(fig, names)
    assert len(boxes) == len(names)
    assert _overlaps(boxes) == []
    for text, box in boxes:
        assert fig.bbox.x0 <= box.x0, text
        assert box.x1 <= fig.bbox.x1, text


def _day(ordinal: int) -> str:
    import datetime

    return datetime.date.fromordinal(ordinal).isoformat()


def test_the_bundled_case_beside_a_second_process_has_no_overlapping_ceasefire_labels() -> None:
    t = two_processes().with_records(
        Ceasefire("truce", "Aleppo truce", "2016-04-30/2016-05-10~"),
        Ceasefire("calm", "Latakia regime of calm", "2016-05-01/2016-05-05"),
    )
    fig = timeline_figure(t)
    names = {c.name for c in t.ceasefires}
    boxes = _ceasefire_label_boxes(fig, names)
    assert len(names) == 4  # the bundled case's two ceasefires and the two added here
    assert len(boxes) == len(names)
    assert _overlaps(boxes) == []


DOLLARS = ["$x$", "costs $5 and $6", "$", "$$", r"$\alpha$ \$ $", "$1$2$3"]


@pytest.mark.parametrize("text", DOLLARS)
def test_dollars_are_text_not_mathtext(text: str) -> None:
    t = Timeline(
        [
            Party("q", text, "state"),
            Person("a", text),
            Process("p", text, None),
            Process("p2", "Other", None),
            Round("r", "p", 1, "2016-01-01/2016-02-01", text, "direct", "concluded"),
            Round("r2", "p2", 1, "2016-01-05/2016-01-09", "x", "direct", "concluded"),
            Incident("i", text, "2016-01-05", text),
            Ceasefire("c", text, "2016-01-03/..", exclusions=[Exclusion("q")]),
        ]
    )
    fig = timeline_figure(t)
    assert _render(fig).startswith(b"\x89PNG")  # mathtext would fail on a lone "$"
    with_dollars = [tx for tx in _texts(fig) if "$" in tx.get_text()]
    assert len(with_dollars) >= 4  # title, lane title, incident, ceasefire
    for tx in with_dollars:
        assert tx.get_parse_math() is False, tx.get_text()
    assert text in figure_texts(fig)  # the lane title, as written


@pytest.mark.parametrize("text", DOLLARS)
def test_graph_labels_with_dollars_are_text(text: str) -> None:
    from peacetrack.plot import graph_figure

    fig = graph_figure(Timeline([Party("q", text, "state"), Person("a", text)]))
    assert _render(fig).startswith(b"\x89PNG")
    for tx in _texts(fig):
        if "$" in tx.get_text():
            assert tx.get_parse_math() is False, tx.get_text()


EXTREMES = ["0001-01-01", "0001", "0001-01", "9999-12-31", "9999", "9999-12", "9999-12-31~"]


@pytest.mark.parametrize("day", EXTREMES)
def test_dates_at_the_ends_of_the_calendar_draw(day: str) -> None:
    t = Timeline(
        [
            Process("p", "Talks", None),
            Process("q", "Long talks", None),
            Person("a", "A"),
            Round("r", "p", 1, f"{day}/{day}", "Geneva", "proximity", "concluded"),
            # its own process: rounds of one process may not overlap, and 9999 days would
            Round("r2", "q", 2, "2016-01-01/9999-12-31", "Geneva", "proximity", "concluded"),
            Ceasefire("c", "Forever", f"{day}/.."),
            Incident("i", "strike", day, "Idlib"),
            Incident("j", "x", "0001-01-01", "y"),
        ]
    )
    for window in [(None, None), (day, day)]:
        fig = timeline_figure(t, start=window[0], end=window[1])
        texts = figure_texts(fig)  # draws the figure: ticks, labels, layout
        assert "Round 1" in texts or "Round 2" in texts, window


@settings(max_examples=10, deadline=None)
@given(
    st.lists(periods(dates=partial_dates(1, 9999)), min_size=1, max_size=4),
    st.lists(partial_dates(1, 9999), max_size=3),
    st.none() | partial_dates(1, 9999),
)
def test_any_dates_in_years_1_to_9999_draw(rounds: list[Any], days: list[Any], start: Any) -> None:
    # Rounds of one process may not certainly overlap: a round that would overlap an
    # earlier one of "Talks" gets a process of its own, so every period is still drawn.
    clashing = {
        int(later[1:])
        for later, _ in certain_overlaps((period, f"r{i}") for i, period in enumerate(rounds))
    }
    records: list[Any] = [Process("p", "Talks", None)]
    records += [Process(f"p{i}", f"Other talks {i}", None) for i in sorted(clashing)]
    records += [
        Round(
            f"r{i}",
            f"p{i}" if i in clashing else "p",
            i + 1,
            period,
            "Geneva",
            "direct",
            "concluded",
        )
        for i, period in enumerate(rounds)
    ]
    records += [Incident(f"i{i}", "strike", d, "Idlib") for i, d in enumerate(days)]
    records += [Ceasefire("c", "Truce", rounds[0])]
    fig = timeline_figure(Timeline(records), start=start)
    assert "Talks" in figure_texts(fig)  # drawn, ticks and all


def test_approximate_and_uncertain_marks_are_hollow() -> None:
    t = Timeline(
        [
            Incident("exact", "strike", "2016-05-30", "Idlib"),
            Incident("approx", "strike", "2016-05-31~", "Aleppo"),
            Incident("unsure", "strike", "2016-06-02?", "Homs"),
        ]
    )
    lines = timeline_figure(t).axes[0].lines
    faces = sorted(str(line.get_markerfacecolor()) for line in lines)
    assert len(lines) == 3
    assert faces.count("none") == 2
