"""A new user's journeys through the public API, and the bad input found on the way.

Each test is a step a user took that ended in a traceback, or in a result the docs
contradict. Bad input must end in a :class:`PeacetrackError` that says what was
wrong, never in a ``TypeError`` from deep inside, nor in a crash later on.
"""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from typing import Any

import pytest

from peacetrack import LoadError, PeacetrackError, Period, Person, Timeline, graph, io
from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.interop import from_popolo


def popolo_doc() -> dict[str, Any]:
    """A small valid Popolo document: a party, a process, its delegation, a member."""
    return {
        "persons": [{"id": "alloush", "name": "Mohammed Alloush"}],
        "organizations": [
            {"id": "hnc", "name": "HNC", "classification": "opposition"},
            {"id": "geneva", "name": "Geneva talks", "classification": "process"},
            {"id": "hnc-d", "classification": "delegation", "parent_id": "hnc"},
        ],
        "memberships": [
            {
                "member": {"@type": "Organization", "id": "hnc-d"},
                "organization_id": "geneva",
                "role": "delegation",
            },
            {
                "id": "m1",
                "person_id": "alloush",
                "organization_id": "hnc-d",
                "role": "chief negotiator",
                "start_date": "2016-01-20",
            },
        ],
    }


def test_popolo_fixture_is_valid() -> None:
    assert [r.id for r in from_popolo(popolo_doc()).records] == [
        "alloush",
        "hnc",
        "geneva",
        "hnc-d",
        "m1",
    ]


# -- from_popolo: a malformed document is a LoadError, whatever the JSON holds ---------


def _organization_id(doc: dict[str, Any], value: Any) -> None:
    doc["organizations"][0]["id"] = value


def _membership_organization(doc: dict[str, Any], value: Any) -> None:
    doc["memberships"][1]["organization_id"] = value


def _process_member_organization(doc: dict[str, Any], value: Any) -> None:
    doc["memberships"][0]["organization_id"] = value


def _person_sources(doc: dict[str, Any], value: Any) -> None:
    doc["persons"][0]["sources"] = value


def _person_other_names(doc: dict[str, Any], value: Any) -> None:
    doc["persons"][0]["other_names"] = value


def _party_other_names(doc: dict[str, Any], value: Any) -> None:
    doc["organizations"][0]["other_names"] = value


@pytest.mark.parametrize(
    ("mutate", "value", "words"),
    [
        (_organization_id, ["hnc"], "id: expected text"),
        (_organization_id, {"id": "hnc"}, "id: expected text"),
        (_membership_organization, ["hnc-d"], "membership m1"),
        (_membership_organization, {}, "membership m1"),
        (_process_member_organization, ["geneva"], "membership #0"),
        (_person_sources, 5, "sources: expected a list"),
        (_person_sources, True, "sources: expected a list"),
        (_person_other_names, 5, "other_names: expected a list"),
        (_party_other_names, 2.5, "other_names: expected a list"),
    ],
    ids=[
        "organization-id-list",
        "organization-id-object",
        "membership-organization-list",
        "membership-organization-object",
        "process-membership-organization-list",
        "sources-number",
        "sources-bool",
        "person-other-names-number",
        "party-other-names-number",
    ],
)
def test_from_popolo_malformed_values_are_load_errors(mutate: Any, value: Any, words: str) -> None:
    doc = copy.deepcopy(popolo_doc())
    mutate(doc, value)
    with pytest.raises(LoadError) as caught:
        from_popolo(doc)
    assert words in str(caught.value)


# -- text that is not Unicode --------------------------------------------------------
# JSON can spell half of a surrogate pair ("\ud800"). peacetrack keeps such text (and
# `dumps` writes it escaped), but the command line crashed printing it.

LONE_SURROGATE_DOC = (
    '{"peacetrack": "1", "records": ['
    '{"type": "person", "id": "alloush", "name": "Mohammed \\ud800Alloush"},'
    '{"type": "incident", "id": "strike", "kind": "air strike", "date": "2016-05-30",'
    ' "place": "Idlib \\udfff"}]}'
)


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["timeline", "--json"],
        ["export", "--format", "popolo"],
        ["export", "--format", "timelinejs"],
        ["export", "--format", "json"],
    ],
    ids=["timeline", "timeline-json", "popolo", "timelinejs", "json"],
)
def test_cli_prints_a_lone_surrogate_escaped_not_a_traceback(
    argv: list[str], tmp_path: Any, capfd: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "odd.json"
    path.write_text(LONE_SURROGATE_DOC, encoding="utf-8")
    with subprocess.Popen(
        [sys.executable, "-m", "peacetrack", *argv, str(path)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err.decode()
    assert b"Traceback" not in err
    assert b"\\ud800" in out or b"\\udfff" in out


def test_cli_writes_a_lone_surrogate_escaped_to_a_file(tmp_path: Any) -> None:
    path = tmp_path / "odd.json"
    path.write_text(LONE_SURROGATE_DOC, encoding="utf-8")
    out = tmp_path / "popolo.json"
    assert main(["export", "--format", "popolo", "-o", str(out), str(path)]) == 0
    # The escape is JSON's own, so the export reads back as the same text.
    persons = json.loads(out.read_text(encoding="utf-8"))["persons"]
    assert persons[0]["name"] == "Mohammed \ud800Alloush"
    back = tmp_path / "back.json"
    assert main(["export", "--format", "json", "-o", str(back), str(path)]) == 0
    assert io.load(back) == io.load(path)


# -- the command line -----------------------------------------------------------------


def test_cli_mistyped_command_is_named_not_read_as_a_file(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `peacetrack snaphot --at 2016-05` used to say "unrecognized arguments: --at".
    with pytest.raises(SystemExit) as caught:
        main(["snaphot", "--at", "2016-05"])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "snaphot" in err
    assert "snapshot" in err


def test_cli_a_file_named_like_no_command_is_still_a_file(
    tmp_path: Any, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["talks"]) == 1
    assert "cannot read talks" in capsys.readouterr().err
    (tmp_path / "snaphot").write_text('{"peacetrack": "1", "records": []}', encoding="utf-8")
    assert main(["snaphot"]) == 0


# -- found by the QA pass in files then being reworked; fixed after ----------------


@pytest.mark.parametrize("possibly", ["yes", 1, None])
def test_at_refuses_a_possibly_that_is_not_a_bool(possibly: Any) -> None:
    # graph.parties(t, possibly="yes") raises PeacetrackError; Timeline.at took it
    # silently and returned Snapshot(possibly='yes').
    with pytest.raises(PeacetrackError, match="possibly"):
        graph.parties(geneva_2016(), "2016-05", possibly=possibly)
    with pytest.raises(PeacetrackError, match="possibly"):
        geneva_2016().at("2016-05", possibly=possibly)


def test_period_overlaps_takes_an_edtf_interval() -> None:
    period = Period.parse("2016-04/..")
    assert period.overlaps("2016-03/2016-05") is True
    assert period.overlaps("2015/2015-12") is False


@pytest.mark.parametrize("other", [5, None, "2016-05"])
def test_period_overlaps_says_why_not_for_what_is_no_interval(other: Any) -> None:
    with pytest.raises(PeacetrackError, match="interval"):
        Period.parse("2016-04/..").overlaps(other)


@pytest.mark.parametrize("other", [None, [], "x", geneva_2016().records])
def test_merge_refuses_what_is_not_a_timeline_with_a_type_error_naming_it(other: Any) -> None:
    with pytest.raises(TypeError, match="Timeline"):
        Timeline([]).merge(other)


def test_between_refuses_an_end_before_the_start_like_timeline_figure() -> None:
    # plot.timeline_figure(t, start="2016-06", end="2016-01") raises InvalidDateError.
    with pytest.raises(PeacetrackError, match="before"):
        geneva_2016().between("2016-06", "2016-01")


def test_repr_counts_one_record_in_the_singular() -> None:
    assert repr(Timeline([Person("p", "P")])) == "<Timeline of 1 record: 1 person>"


def _entry_points() -> list[Any]:
    from peacetrack import interop, plot

    return [
        io.dumps,
        graph.parties,
        graph.ceasefire_exclusions,
        lambda t: graph.round_topology(t, "r1"),
        graph.excluded_from_all,
        lambda t: graph.backers(t, "d"),
        graph.designated_in_coalitions,
        interop.to_popolo,
        interop.to_timelinejs,
        interop.to_mermaid,
        plot.timeline_figure,
        plot.graph_figure,
        Timeline([]).merge,
    ]


@pytest.mark.parametrize("index", range(13))
@pytest.mark.parametrize("not_a_timeline", [None, [], "geneva"], ids=["None", "list", "str"])
def test_every_function_taking_a_timeline_names_what_it_got(
    index: int, not_a_timeline: Any
) -> None:
    func = _entry_points()[index]
    with pytest.raises(
        TypeError, match=f"expected a Timeline, got {type(not_a_timeline).__name__}"
    ):
        func(not_a_timeline)
