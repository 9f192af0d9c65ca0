"""TimelineJS3 export: slides, dates with only the known parts, eras, groups, and
escaping (no markup from the data ever reaches TimelineJS as markup)."""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from peacetrack import (
    Claim,
    Designation,
    PartialDate,
    Party,
    PeacetrackError,
    Person,
    Process,
    Round,
    Source,
    Timeline,
)
from peacetrack.datasets import geneva_2016
from peacetrack.interop import to_timelinejs
from peacetrack.testing import timelines

XSS = "<img src=x onerror=alert(1)>"


def _dated(t: Timeline) -> list[str]:
    ids = []
    for r in t.records:
        if hasattr(r, "period") or (getattr(r, "date", None) is not None):
            ids.append(r.id)
    return ids


class _Markup(HTMLParser):
    """Collects the tags and attributes of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def _tags(fragment: str) -> list[tuple[str, dict[str, str | None]]]:
    parser = _Markup()
    parser.feed(fragment)
    parser.close()
    return parser.tags


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in _strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v)]
    return []


def test_one_slide_per_dated_record_in_order_with_groups() -> None:
    t = geneva_2016()
    doc = to_timelinejs(t)
    assert sorted(e["unique_id"] for e in doc["events"]) == sorted(_dated(t))
    starts = [t[e["unique_id"]] for e in doc["events"]]
    firsts = [
        (r.period.start if getattr(r, "period", None) else r.date).sort_key()  # type: ignore[attr-defined]
        for r in starts
    ]
    assert firsts == sorted(firsts)
    assert {e["group"] for e in doc["events"]} >= {"Rounds", "Resignations", "Claims"}


def test_dates_carry_only_the_known_parts() -> None:
    t = Timeline(
        [
            Party("un", "UN", "mediator"),
            Party("us", "US", "state"),
            Process("g", "Geneva"),
            Round("r1", "g", 1, "2016/2016-02", "Geneva", "proximity", "concluded"),
            Designation("d1", "un", "us", "listed", "2016-03-04~/.."),
        ]
    )
    doc = to_timelinejs(t)
    by_id = {e["unique_id"]: e for e in doc["events"]}
    assert by_id["r1"]["start_date"] == {"year": 2016}
    assert by_id["r1"]["end_date"] == {"year": 2016, "month": 2}
    assert by_id["d1"]["start_date"] == {
        "year": 2016,
        "month": 3,
        "day": 4,
        "display_date": "about 2016-03-04",
    }
    assert "end_date" not in by_id["d1"]
    assert doc["eras"] == [
        {
            "start_date": {"year": 2016},
            "end_date": {"year": 2016, "month": 2},
            "text": {"headline": "Round 1 of Geneva"},
        }
    ]


def test_an_open_round_is_a_slide_but_not_an_era() -> None:
    t = Timeline(
        [
            Process("g", "Geneva"),
            Round("r1", "g", 1, "2016-05/..", "Geneva", "proximity", "ongoing"),
        ]
    )
    doc = to_timelinejs(t)
    assert [e["unique_id"] for e in doc["events"]] == ["r1"]
    assert "end_date" not in doc["events"][0]
    assert doc["eras"] == []


def test_every_string_from_the_data_is_escaped() -> None:
    t = Timeline(
        [
            Source("s", XSS, "<b>AFP</b>", url="javascript:alert(1)"),
            Source("ok", "Report", "UN", url='https://example.org/?a=1&b="2"'),
            Party("x", XSS, "armed_group"),
            Person("p", 'O\'Brien & "Partners"'),
            Claim("c", "x", "p", "killed", XSS, date="2016-05-31", sources=("s", "ok")),
        ]
    )
    (slide,) = to_timelinejs(t)["events"]
    headline = slide["text"]["headline"]
    assert "<" not in headline
    assert html.unescape(headline) == f'O\'Brien & "Partners": killed = {XSS}'
    tags = _tags(slide["text"]["text"])
    assert {tag for tag, _ in tags} == {"p", "a"}
    (link,) = [attrs for tag, attrs in tags if tag == "a"]
    assert link["href"] == 'https://example.org/?a=1&b="2"'  # escaped in, unescaped by parser
    # The javascript: source is text, not a link (only http and https become links).
    assert "javascript:alert(1)" not in slide["text"]["text"]
    assert f"{html.escape(XSS)}, &lt;b&gt;AFP&lt;/b&gt;" in slide["text"]["text"]


@settings(max_examples=50)
@given(timelines(max_size=40))
def test_no_markup_but_ours_for_any_timeline(t: Timeline) -> None:
    doc = to_timelinejs(t)
    for value in _strings(doc):
        # Tags come only from peacetrack's own <p> and <a>; data never adds one.
        for tag, attrs in _tags(value):
            assert tag in ("p", "a"), value
            assert set(attrs) <= {"href", "rel"}, value
            href = attrs.get("href")
            assert href is None or href.startswith(("http://", "https://")), value
    for event in doc["events"]:
        assert "<" not in event["text"]["headline"]
        assert _tags(event["text"]["headline"]) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2016", {"year": 2016}),
        ("2016-04", {"year": 2016, "month": 4}),
        ("2016-04-27", {"year": 2016, "month": 4, "day": 27}),
        ("2016-04?", {"year": 2016, "month": 4, "display_date": "probably 2016-04"}),
        ("2016%", {"year": 2016, "display_date": "probably about 2016"}),
    ],
)
def test_the_date_objects(text: str, expected: dict[str, Any]) -> None:
    t = Timeline(
        [
            Party("un", "UN", "mediator"),
            Party("us", "US", "state"),
            Designation("d", "un", "us", "x", f"{text}/.."),
        ]
    )
    assert to_timelinejs(t)["events"][0]["start_date"] == expected
    assert PartialDate.parse(text).year == expected["year"]


def test_eras_and_title_name_each_process_when_there_are_several() -> None:
    t = Timeline(
        [
            Process("g", "Geneva <talks>"),
            Process("a", "Astana talks"),
            Round("g1", "g", 1, "2017-02-23/2017-03-03", "Geneva", "proximity", "concluded"),
            Round("a1", "a", 1, "2017-01-23/2017-01-24", "Astana", "proximity", "concluded"),
        ]
    )
    doc = to_timelinejs(t)
    assert doc["title"]["text"]["headline"] == "Astana talks and Geneva &lt;talks&gt;"
    assert [e["text"]["headline"] for e in doc["eras"]] == [
        "Round 1 of Astana talks",
        "Round 1 of Geneva &lt;talks&gt;",
    ]


# -- any URL text: a link when well formed, plain text otherwise, never a crash ----------

URL_TEXT = st.text(max_size=40) | st.builds(
    "{}{}".format,
    st.sampled_from(["http://", "https://", "HTTP://", "http:", "javascript:", "//"]),
    st.text(alphabet="[]:@/?#%.1a \t\n\x00\ufffd\u0430", max_size=20),
)


@given(URL_TEXT)
def test_any_source_url_exports(url: str) -> None:
    try:
        source = Source("s", "Report", "UN", url=url)
    except PeacetrackError:  # text a Source refuses (empty, say) never reaches export
        assume(False)
    t = Timeline(
        [
            source,
            Party("x", "X", "armed_group"),
            Party("y", "Y", "state"),  # a claim is never about its own claimant
            Claim("c", "x", "y", "killed", 1, date="2016-05-31", sources=("s",)),
        ]
    )
    (slide,) = to_timelinejs(t)["events"]
    text = slide["text"]["text"]
    tags = _tags(text)
    links = [attrs["href"] for tag, attrs in tags if tag == "a"]
    assert {tag for tag, _ in tags} <= {"p", "a"}
    assert "Report, UN" in text  # the source is always cited
    if links:
        (href,) = links
        assert href == url
        assert href.lower().startswith(("http://", "https://"))
        assert href.isprintable()
        assert not any(c.isspace() for c in href)


@pytest.mark.parametrize(
    "url",
    ["http://[::1", "https://[fe80::1%en0", "http://example.org:port/", "http://", "http:// x"],
    ids=["open-ipv6", "ipv6-zone", "bad-port", "no-host", "space"],
)
def test_a_malformed_url_cites_the_source_without_a_link(url: str) -> None:
    t = Timeline(
        [
            Source("s", "Report", "UN", url=url),
            Party("x", "X", "armed_group"),
            Party("y", "Y", "state"),  # a claim is never about its own claimant
            Claim("c", "x", "y", "killed", 1, date="2016-05-31", sources=("s",)),
        ]
    )
    (slide,) = to_timelinejs(t)["events"]
    assert slide["text"]["text"].endswith("<p>Sources: Report, UN</p>")
    assert "<a" not in slide["text"]["text"]
