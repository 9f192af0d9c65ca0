"""Notebook reprs: Timeline and Snapshot as escaped HTML tables, Snapshot as a short line."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Delegation,
    Exclusion,
    Membership,
    Party,
    Person,
    Process,
    Round,
    Timeline,
)
from peacetrack._html import MAX_ROWS
from peacetrack.datasets import geneva_2016
from peacetrack.testing import timelines

ALLOWED_TAGS = {
    "div",
    "style",
    "p",
    "b",
    "i",
    "table",
    "caption",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}


class _Reader(HTMLParser):
    """Tags, attributes and text of an HTML fragment, as a browser would read them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: set[str] = set()
        self.cells: list[str] = []
        self._in_cell = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes |= {name for name, _ in attrs}
        if tag in ("td", "th", "caption"):
            self._in_cell = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th", "caption"):
            self._in_cell = False

    def handle_data(self, data: str) -> None:
        if self._in_cell:
            self.cells[-1] += data


def read(html: str) -> _Reader:
    reader = _Reader()
    reader.feed(html)
    reader.close()
    return reader


HOSTILE = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "&amp; &lt;b&gt;",
    "</td></tr></table><h1>x</h1>",
    "' onmouseover='x",
]


def hostile_timeline(text: str) -> Timeline:
    return Timeline(
        [
            Party("p-" + text, text, "armed_group"),
            Party("q", "Q", "state"),
            Person("x-" + text, text),
            Process("proc", text, None),
            Delegation("d-" + text, "q", "proc", name=text),
            Membership("m", "x-" + text, "d-" + text, text, "2016-01/2016-12"),
            Round("r", "proc", 1, "2016-03-01/2016-03-10", text, "proximity", "concluded"),
            Ceasefire("c", text, "2016-02/..", exclusions=[Exclusion("p-" + text, text)]),
        ]
    )


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_names_stay_text(text: str) -> None:
    t = hostile_timeline(text)
    for html in (t._repr_html_(), t.at("2016-03-05")._repr_html_()):
        page = read(html)
        assert set(page.tags) <= ALLOWED_TAGS
        assert page.attributes <= {"class", "colspan"}
        assert any(text in cell for cell in page.cells), "the name is shown, as text"


def test_the_snapshot_shows_delegations_ceasefires_and_exclusions() -> None:
    s = geneva_2016().at("2016-04-20")
    cells = read(s._repr_html_()).cells
    for caption in ("Rounds in progress", "Delegations", "Ceasefires in force", "Exclusions"):
        assert caption in cells
    for ceasefire in s.ceasefires_in_force:
        assert ceasefire.name in cells
        for exclusion in ceasefire.exclusions:
            assert exclusion.party in cells
    members = {m.person for ms in s.members.values() for m in ms}
    assert members <= set(cells)
    assert {r.id for r in s.rounds_in_progress} <= set(cells)


def test_the_timeline_shows_counts_range_and_rounds() -> None:
    t = geneva_2016()
    html = t._repr_html_()
    cells = read(html).cells
    assert str(len(t.rounds)) in cells[cells.index("round") + 1 :]
    events = t.events()
    assert f"{events[0].date} to {events[-1].date}" in html
    for r in t.rounds:
        assert r.venue in cells
        assert str(r.period) in cells


def test_long_tables_stop_and_say_how_many_they_left_out() -> None:
    n = MAX_ROWS + 7
    t = Timeline(
        [Process("p", "P", None)]
        + [
            Round(
                f"r{i}", "p", i, f"2016-01-{i:02d}/2016-01-{i:02d}", "Geneva", "direct", "concluded"
            )
            for i in range(1, n + 1)
        ]
    )
    page = read(t._repr_html_())
    assert f"… and 7 more (of {n})" in page.cells
    assert sum(1 for c in page.cells if c == "Geneva") == MAX_ROWS


def test_the_snapshot_repr_is_short_and_counts() -> None:
    s = geneva_2016().at("2016-04-20")
    text = repr(s)
    assert len(text) < 300
    assert "\n" not in text
    assert text.startswith("<Snapshot at 2016-04-20 (certain): ")
    assert f"{len(s.ceasefires_in_force)} ceasefire" in text
    assert f"{len(s.designations)} designation" in text
    assert repr(geneva_2016().at("2016-04", possibly=True)).startswith(
        "<Snapshot at 2016-04 (possible)"
    )


@settings(max_examples=30, deadline=None)
@given(timelines(max_size=40), st.sampled_from(["2016-04-20", "2016", "2017-01"]))
def test_any_timeline_renders_well_formed_escaped_html(t: Timeline, day: str) -> None:
    for html in (t._repr_html_(), t.at(day)._repr_html_(), t.at(day, possibly=True)._repr_html_()):
        page = read(html)
        assert set(page.tags) <= ALLOWED_TAGS
        assert page.attributes <= {"class", "colspan"}
        assert page.tags.count("table") == html.count("</table>")
    cells = set(read(t._repr_html_()).cells)
    for r in t.rounds[:MAX_ROWS]:
        assert (r.venue or "unknown") in cells  # an unknown venue reads as such
