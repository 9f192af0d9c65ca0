"""The exports open in the real TimelineJS and mermaid, in headless Chromium.

Fixtures (the local server, Chromium, the Geneva case with an injected party) are
in conftest.py. Each page checks itself and reports JSON; these tests read it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest

from peacetrack import (
    Agreement,
    Ceasefire,
    Claim,
    Designation,
    Incident,
    Membership,
    Participation,
    Position,
    Relation,
    Resignation,
    Round,
    Timeline,
)
from peacetrack.interop import to_mermaid, to_timelinejs

XSS_NAME = "<img src=x onerror=alert(1)>"
RenderPage = Callable[[str, Any], dict[str, Any]]


def _dated_records(t: Timeline) -> int:
    """Counted here from the records, independently of the exporter."""
    always = (Round, Ceasefire, Membership, Position, Relation, Resignation, Incident, Agreement)
    return sum(
        isinstance(r, always)
        or (isinstance(r, Designation | Participation) and r.period is not None)
        or (isinstance(r, Claim) and r.date is not None)
        for r in t.records
    )


def _squash(text: str) -> str:
    # Mermaid wraps long labels into tspans; compare text without whitespace.
    return re.sub(r"\s+", "", text)


# -- TimelineJS --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def timelinejs(render_page: RenderPage, geneva_case: Timeline) -> dict[str, Any]:
    return render_page("timelinejs.html", to_timelinejs(geneva_case))


def test_timelinejs_draws_one_slide_per_dated_record_plus_the_title(
    timelinejs: dict[str, Any], geneva_case: Timeline
) -> None:
    assert "exception" not in timelinejs, timelinejs.get("exception")
    assert timelinejs["errors"] == []
    assert timelinejs["slides"] == _dated_records(geneva_case) + 1
    assert timelinejs["markers"] == _dated_records(geneva_case)


def test_timelinejs_shows_headlines_eras_and_groups(
    timelinejs: dict[str, Any], geneva_case: Timeline
) -> None:
    process = geneva_case.processes[0]
    assert timelinejs["headlines"][0] == process.name  # the title slide
    first_round = min(geneva_case.rounds, key=lambda r: r.number)
    assert f"Round {first_round.number} of {process.name}" in timelinejs["headlines"]
    ended_rounds = [r for r in geneva_case.rounds if r.period.end is not None]
    assert timelinejs["eras"] == len(ended_rounds)
    assert {"Rounds", "Resignations", "Incidents"} <= set(timelinejs["groups"])


def test_timelinejs_shows_an_injected_name_as_text_and_runs_nothing(
    timelinejs: dict[str, Any],
) -> None:
    assert any(XSS_NAME in h for h in timelinejs["headlines"])
    assert f"claimed by {XSS_NAME}" in timelinejs["text"]
    assert timelinejs["images"] == 0
    assert timelinejs["xss"] is False


def test_the_injection_check_would_catch_unescaped_text(render_page: RenderPage) -> None:
    # The control: the same page fed a raw, unescaped headline does turn it into an
    # <img> element, so "images == 0" above means the escaping works, not that the
    # check is blind. (TimelineJS 3.9 strips event handlers such as onerror from the
    # markup it is given, so here the image exists but runs nothing.)
    raw = {
        "events": [{"start_date": {"year": 2016}, "text": {"headline": XSS_NAME, "text": XSS_NAME}}]
    }
    result = render_page("timelinejs.html", raw)
    assert result["images"] >= 1
    assert XSS_NAME not in result["text"]


# -- mermaid -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def mermaid(render_page: RenderPage, geneva_case: Timeline) -> dict[str, Any]:
    sources = {style: to_mermaid(geneva_case, style=style) for style in ("timeline", "gantt")}
    sources["broken"] = "timeline\n    title x\n    section\n"
    sources["unknown"] = "not a diagram at all\n"
    return render_page("mermaid.html", sources)


@pytest.mark.parametrize("style", ["timeline", "gantt"])
def test_mermaid_parses_and_renders_an_svg(mermaid: dict[str, Any], style: str) -> None:
    assert "exception" not in mermaid, mermaid.get("exception")
    result = mermaid["diagrams"][style]
    assert result["parsed"] is True, result.get("parseError")
    assert result["type"] == style
    assert result["svg"] is True, result.get("renderError")


def test_mermaid_parse_rejects_what_is_not_mermaid(mermaid: dict[str, Any]) -> None:
    # The control: parse does fail on bad input, so "parsed" above means something.
    assert mermaid["diagrams"]["unknown"]["parsed"] is False
    assert mermaid["diagrams"]["unknown"]["svg"] is False


def test_mermaid_timeline_draws_every_record_with_its_punctuation(
    mermaid: dict[str, Any], geneva_case: Timeline
) -> None:
    drawn = _squash("".join(mermaid["diagrams"]["timeline"]["labels"]))
    for ceasefire in geneva_case.ceasefires:
        assert _squash(f"Ceasefire: {ceasefire.name}") in drawn  # ":" came back
    assert _squash(XSS_NAME) in drawn
    assert mermaid["diagrams"]["timeline"]["images"] == 0


def test_mermaid_gantt_draws_every_task(mermaid: dict[str, Any], geneva_case: Timeline) -> None:
    drawn = _squash("".join(mermaid["diagrams"]["gantt"]["labels"]))
    for r in geneva_case.rounds:
        assert _squash(f"Round {r.number} ({r.venue})") in drawn
    for c in geneva_case.ceasefires:
        assert _squash(f"Ceasefire {c.name}") in drawn
        for e in c.exclusions:
            party = geneva_case[e.party]
            assert _squash(f"Exclusion of {party.name}") in drawn  # type: ignore[attr-defined]
    for res in geneva_case.resignations:
        person = geneva_case[res.person]
        assert _squash(f"Resignation of {person.name}") in drawn  # type: ignore[attr-defined]


def test_mermaid_runs_nothing_from_the_data(mermaid: dict[str, Any]) -> None:
    assert mermaid["xss"] is False
    assert all(d.get("images", 0) == 0 for d in mermaid["diagrams"].values())
