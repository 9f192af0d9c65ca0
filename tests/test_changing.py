"""Facts that change over time (#14): designations that end, names over time, positions
held by parties or people, incidents that last, rounds with unknowns, and their rules."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Claim,
    Delegation,
    Designation,
    EventKind,
    Incident,
    Issue,
    Name,
    Party,
    Person,
    Position,
    Process,
    Relation,
    Round,
    Timeline,
    UnknownIdError,
    ValidationError,
    graph,
    io,
    testing,
)
from peacetrack._other_names import name_at
from peacetrack._timeline_rules import certain_overlaps
from peacetrack.cli import main
from peacetrack.datasets import geneva_2016
from peacetrack.dates import PartialDate, Period
from peacetrack.interop.mermaid import sanitize, to_mermaid
from peacetrack.interop.popolo import from_popolo, to_popolo
from peacetrack.interop.timelinejs import to_timelinejs
from peacetrack.io._json import JSONObject
from peacetrack.io._migrate_v1_changing import designation_v1, position_v1
from peacetrack.plot import figure_texts, graph_figure, timeline_figure

DATES = testing.partial_dates(2014, 2018)
JFS = "Jabhat Fateh al-Sham (Nusra Front)"


def _problems(records: list[Any]) -> list[tuple[str | None, str | None]]:
    with pytest.raises(ValidationError) as info:
        Timeline(records)
    return [(p.record_id, p.field) for p in info.value.problems]


# -- version 1 files ------------------------------------------------------------------------


def test_designation_v1_moves_the_date_to_the_start_of_an_open_period() -> None:
    raw = {"type": "designation", "id": "d", "party": "n", "by": "u", "label": "x", "date": "2013"}
    out = designation_v1(raw)
    assert out == {"type": "designation", "id": "d", "party": "n", "by": "u", "label": "x",
                   "period": "2013/.."}  # fmt: skip
    assert list(out) == ["type", "id", "party", "by", "label", "period"]  # the key's place kept
    assert raw["date"] == "2013"
    assert "period" not in raw
    assert "period" not in designation_v1({**raw, "date": None})  # undated stays undated
    new = {"type": "designation", "id": "d", "party": "n", "by": "u", "label": "x"}
    assert designation_v1(new) is new


def test_position_v1_renames_party_to_holder() -> None:
    raw = {"type": "position", "id": "p", "party": "hnc", "issue": "i", "stance": "s",
           "period": "2016/.."}  # fmt: skip
    out = position_v1(raw)
    assert list(out) == ["type", "id", "holder", "issue", "stance", "period"]
    assert out["holder"] == "hnc"
    assert position_v1(out) is out


def test_a_rewrite_leaves_what_it_cannot_read_to_the_loader() -> None:
    both = {"type": "position", "id": "p", "party": "a", "holder": "b"}
    assert position_v1(both) is both
    repeated = JSONObject({"type": "designation", "id": "d", "date": "2013"})
    repeated.repeated = ("date",)
    assert designation_v1(repeated) is repeated


V1 = {
    "peacetrack": "1",
    "records": [
        {"type": "party", "id": "nusra", "name": "Nusra Front", "kind": "armed_group"},
        {"type": "party", "id": "un", "name": "UN", "kind": "intergovernmental"},
        {"type": "issue", "id": "seq", "name": "Sequencing"},
        {"type": "designation", "id": "d", "party": "nusra", "by": "un", "label": "listed",
         "date": "2013-05-30"},
        {"type": "designation", "id": "d0", "party": "nusra", "by": "un", "label": "undated"},
        {"type": "position", "id": "p", "party": "un", "issue": "seq", "stance": "talks",
         "period": "2016/.."},
    ],
}  # fmt: skip


def test_a_version_1_file_loads_into_the_new_records() -> None:
    t = io.loads(json.dumps(V1))
    assert t["d"] == Designation("d", "nusra", "un", "listed", "2013-05-30/..")
    assert t["d0"] == Designation("d0", "nusra", "un", "undated")
    assert t["p"] == Position("p", "un", "seq", "talks", "2016/..")
    assert io.loads(io.dumps(t)) == t


def test_a_version_1_designation_with_a_bad_date_names_the_period() -> None:
    doc = json.loads(json.dumps(V1))
    doc["records"][3]["date"] = "2013-13"
    with pytest.raises(ValidationError) as info:
        io.loads(json.dumps(doc))
    assert [(p.record_id, p.field) for p in info.value.problems] == [("d", "period")]
    assert "2013-13" in str(info.value)


# -- names over time ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (None, "Nusra Front"),
        ("2012-12-11", "Nusra Front"),
        ("2016-05-31", "Nusra Front"),
        ("2016-07-27", "Nusra Front"),
        ("2016-07-28", "Jabhat Fateh al-Sham"),
        ("2016-07", "Nusra Front"),  # renamed that month: not certainly either name
        ("2016-09", "Jabhat Fateh al-Sham"),
        ("2017-01-27", "Jabhat Fateh al-Sham"),
        ("2017-01-28", "Hayat Tahrir al-Sham"),
        ("2020", "Hayat Tahrir al-Sham"),
    ],
)
def test_name_of_nusra_on_the_bundled_case(at: str | None, expected: str) -> None:
    assert geneva_2016().name_of("nusra", at=at) == expected


def test_name_of_languages_other_records_and_unknown_ids() -> None:
    t = Timeline(
        [
            Party("nusra", "Nusra Front", "armed_group", names=[
                Name("جبهة النصرة", lang="ar"),
                Name("جبهة فتح الشام", "2016-07-28/2017-01-27", lang="ar"),
                Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27"),
            ]),
            Process("geneva", "Geneva talks"),
            Delegation("d", "nusra", "geneva"),
        ]
    )  # fmt: skip
    assert t.name_of("nusra", at="2016-05-31", lang="ar") == "جبهة النصرة"
    assert t.name_of("nusra", at="2016-08-01", lang="ar") == "جبهة فتح الشام"
    assert t.name_of("nusra", at="2016-08-01") == "Jabhat Fateh al-Sham"
    assert t.name_of("nusra", at="2016-08-01", lang="fr") == "Nusra Front"
    assert t.name_of("geneva", at="2016") == "Geneva talks"
    with pytest.raises(UnknownIdError, match="delegation, which has no name"):
        t.name_of("d")
    with pytest.raises(UnknownIdError):
        t.name_of("ghost")


@given(
    st.lists(testing.other_names(dates=DATES), max_size=4),
    DATES,
    st.sampled_from([None, "ar", "en"]),
)
def test_name_at_equals_a_scan(names: list[Name], d: PartialDate, lang: str | None) -> None:
    def throughout(n: Name) -> bool:
        # The period's certain core (a qualified start, "2015~", certainly begins only
        # once its fuzzy bounds are past) covers every day ``d`` can be.
        assert n.period is not None
        first, last = n.period.bounds(possibly=False)
        return first <= d.earliest_ordinal and d.latest_ordinal <= last

    dated = [n for n in names if n.lang == lang and n.period is not None and throughout(n)]
    undated = [n for n in names if n.lang == lang and n.period is None]
    if dated:
        expected = max(dated, key=lambda n: n.period.sort_key()).name  # type: ignore[union-attr]
    elif lang is not None and undated:
        expected = undated[0].name
    else:
        expected = "Canonical"
    assert name_at("Canonical", names, d, lang) == expected


def test_a_name_checks_its_fields() -> None:
    with pytest.raises(ValidationError, match=r"names: name\.period"):
        Party("p", "P", "other", names=[{"name": "Q", "period": "2016"}])
    with pytest.raises(ValidationError, match="same name twice"):
        Person("p", "P", names=[Name("Q"), Name("Q")])
    assert Person("p", "P", names=["Q"]).names == (Name("Q"),)


# -- every renderer names Nusra as it was called then ---------------------------------------


def _lines(text: str, date: str) -> str:
    """The table rows of ``text`` for ``date``, with their wrapped continuations."""
    out, inside = [], False
    for line in text.splitlines():
        if line[:1].strip():
            inside = line.startswith(date + " ")
        if inside:
            out.append(line.strip())
    return " ".join(out)


def test_cli_timeline_names_nusra_by_the_date_shown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline"]) == 0
    text = capsys.readouterr().out
    for date in ("2012-12-11", "2013-05-30", "2014-05-14", "2015-03", "2016-02-27"):
        assert "Nusra Front" in _lines(text, date)
        assert "Jabhat" not in _lines(text, date)
    assert JFS in _lines(text, "2016-09-12")


def test_cli_json_and_snapshot_name_nusra_by_the_date(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["timeline", "--json"]) == 0
    events = json.loads(capsys.readouterr().out)["events"]
    summaries = {(e["date"], e["record_id"]): e["summary"] for e in events}
    assert "Jabhat" not in summaries[("2014-05-14", "un-lists-nusra-qde137")]
    assert JFS in summaries[("2016-09-12", "september-2016-ceasefire")]
    assert main(["snapshot", "--at", "2016-09-15"]) == 0
    assert JFS in capsys.readouterr().out
    assert main(["snapshot", "--at", "2016-05-31"]) == 0
    later = capsys.readouterr().out
    assert "Nusra Front" in later
    assert "Jabhat" not in later


def test_timelinejs_names_nusra_by_each_slide_start() -> None:
    slides = {e["unique_id"]: json.dumps(e, ensure_ascii=False) for e in
              to_timelinejs(geneva_2016())["events"]}  # fmt: skip
    assert JFS in slides["september-2016-ceasefire"]
    assert "Nusra Front" in slides["us-designates-nusra"]
    assert "Jabhat" not in slides["us-designates-nusra"]
    assert "Jabhat" not in slides["cessation-of-hostilities"]


def test_mermaid_names_nusra_by_each_bar_start() -> None:
    gantt = to_mermaid(geneva_2016(), style="gantt")
    assert f"Exclusion of {sanitize(JFS)} :crit, 2016-09-12" in gantt
    assert "Exclusion of Nusra Front :crit, 2016-02-27" in gantt


def test_graph_labels_name_nusra_as_of_the_date_asked() -> None:
    t = geneva_2016()
    node = graph.parties(t, at="2016-09-15").nodes["nusra"]
    assert (node["name"], node["canonical_name"]) == ("Jabhat Fateh al-Sham", "Nusra Front")
    assert graph.parties(t, at="2016-05-31").nodes["nusra"]["name"] == "Nusra Front"
    assert graph.parties(t).nodes["nusra"]["name"] == "Nusra Front"
    assert graph.ceasefire_exclusions(t, at="2017-06").nodes["nusra"]["name"] == (
        "Hayat Tahrir al-Sham"
    )


def test_plots_name_nusra_by_the_date_shown() -> None:
    t = geneva_2016()
    late = figure_texts(timeline_figure(t, start="2016-09", end="2016-10"))
    assert any(JFS in text for text in late)
    early = figure_texts(timeline_figure(t, start="2016-02", end="2016-03"))
    assert any("Nusra Front" in text for text in early)
    assert not any("Jabhat" in text for text in early)
    assert JFS in figure_texts(graph_figure(t, at="2016-09-15"))


def test_popolo_carries_names_with_their_dates() -> None:
    t = Timeline(
        [
            Party("nusra", "Nusra Front", "armed_group", aliases=["al-Nusrah Front"], names=[
                Name("Jabhat Fateh al-Sham", "2016-07-28/2017-01-27", note="renamed"),
                Name("Hayat Tahrir al-Sham", "2017-01-28~/.."),
                Name("جبهة النصرة", lang="ar"),
            ]),
        ]
    )  # fmt: skip
    others = to_popolo(t)["organizations"][0]["other_names"]
    assert others == [
        {"name": "al-Nusrah Front"},
        {"name": "Jabhat Fateh al-Sham", "start_date": "2016-07-28", "end_date": "2017-01-27",
         "note": "renamed"},
        {"name": "Hayat Tahrir al-Sham", "start_date": "2017-01-28"},
        {"name": "جبهة النصرة", "lang": "ar"},
    ]  # fmt: skip
    back = from_popolo(to_popolo(t))["nusra"]
    assert isinstance(back, Party)
    assert back.aliases == ("al-Nusrah Front",)
    # Popolo drops the "~": the rest comes back.
    assert back.names == (t["nusra"].names[0], Name("Hayat Tahrir al-Sham", "2017-01-28/.."),  # type: ignore[attr-defined]
                          t["nusra"].names[2])  # type: ignore[attr-defined]  # fmt: skip


def test_popolo_refuses_a_name_that_ends_without_a_start() -> None:
    from peacetrack.errors import LoadError

    doc = {"organizations": [{"id": "x", "name": "X", "classification": "armed_group",
                              "other_names": [{"name": "Y", "end_date": "2016"}]}]}  # fmt: skip
    with pytest.raises((LoadError, ValidationError), match="end_date but no start_date"):
        from_popolo(doc)


# -- designations that end ------------------------------------------------------------------


def _lifted() -> Timeline:
    return Timeline(
        [
            Party("x", "Group X", "armed_group"),
            Party("c", "Coalition", "armed_group"),
            Party("us", "United States", "state"),
            Relation("r", "x", "c", "part_of", "2015/.."),
            Designation("d", "x", "us", "terrorist organization", "2015-03-01/2016-06-30"),
        ]
    )


def test_a_lifted_designation_ends_in_snapshots_graphs_and_events() -> None:
    t = _lifted()
    assert [g.id for g in t.at("2016-06-30").designations] == ["d"]
    assert t.at("2016-07-01").designations == ()
    assert graph.designated_in_coalitions(t, at="2016-01-01") == {"x": ("c",)}
    assert graph.designated_in_coalitions(t, at="2016-07-01") == {}
    edge = graph.parties(t).edges["x", "us", "d"]
    assert (edge["start"], edge["end"]) == ("2015-03-01", "2016-06-30")
    assert not graph.parties(t, at="2016-07-01").has_edge("x", "us")
    events = [(str(e.date), e.kind) for e in t.events() if e.record_id == "d"]
    assert events == [("2015-03-01", EventKind.DESIGNATION),
                      ("2016-06-30", EventKind.DESIGNATION_LIFTED)]  # fmt: skip
    assert [e.record_id for e in t.between("2016-06", "2016-06")] == ["d"]


def _designation_timelines() -> st.SearchStrategy[Timeline]:
    def build(parties: int, draws: list[tuple[int, int, Period | None]]) -> Timeline:
        records: list[Any] = [Party(f"p{i}", f"P{i}", "armed_group") for i in range(parties)]
        records += [Party("c", "Coalition", "armed_group")]
        records += [Relation(f"r{i}", f"p{i}", "c", "part_of", "2000/..") for i in range(parties)]
        for n, (a, b, period) in enumerate(draws):
            if a % parties != b % parties:
                records.append(
                    Designation(f"d{n}", f"p{a % parties}", f"p{b % parties}", "x", period)
                )
        return Timeline(records)

    items = st.tuples(
        st.integers(0, 5), st.integers(0, 5), st.none() | testing.periods(dates=DATES)
    )
    return st.builds(build, st.integers(2, 5), st.lists(items, max_size=30))


@settings(max_examples=150)
@given(_designation_timelines(), DATES, st.booleans())
def test_designations_in_force_equal_a_brute_force_scan(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    def holds(g: Designation) -> bool:
        if g.period is None:
            return possibly
        first, last = g.period.bounds(possibly)
        return first <= d.latest_ordinal and d.earliest_ordinal <= last

    expected = tuple(g for g in t.designations if holds(g))
    assert t.at(d, possibly=possibly).designations == expected
    listed = sorted({g.party for g in expected})
    coalitions = graph.designated_in_coalitions(t, at=d, possibly=possibly)
    assert coalitions == dict.fromkeys(listed, ("c",))
    g = graph.parties(t, at=d, possibly=possibly)
    edges = {k for _, _, k, kind in g.edges(keys=True, data="kind") if kind == "designated_by"}
    assert edges == {g.id for g in expected}


# -- incidents that last --------------------------------------------------------------------


def _offensive() -> Timeline:
    return Timeline(
        [
            Incident("siege", "siege", None, "Aleppo", period="2016-07-17/2016-12-22"),
            Incident("strike", "air strike", "2016-09-19", "Urum al-Kubra"),
            Incident("open", "offensive", None, "Idlib", period="2016-11/.."),
        ]
    )


def test_a_period_incident_is_a_span_in_events_snapshots_and_exports() -> None:
    t = _offensive()
    kinds = [(e.record_id, e.kind, str(e.date)) for e in t.events()]
    assert kinds == [
        ("siege", EventKind.INCIDENT, "2016-07-17"),
        ("strike", EventKind.INCIDENT, "2016-09-19"),
        ("open", EventKind.INCIDENT, "2016-11"),
        ("siege", EventKind.INCIDENT_ENDED, "2016-12-22"),
    ]
    assert [e.record_id for e in t.between("2016-12", "2016-12")] == ["siege"]
    assert [i.id for i in t.at("2016-09-19").incidents] == ["siege", "strike"]
    assert [i.id for i in t.at("2016-11-15").incidents] == ["siege"]  # "open" may start later
    assert [i.id for i in t.at("2016-11-15", possibly=True).incidents] == ["siege", "open"]
    slides = {e["unique_id"]: e for e in to_timelinejs(t)["events"]}
    assert slides["siege"]["end_date"] == {"year": 2016, "month": 12, "day": 22}
    assert "end_date" not in slides["strike"]
    assert "2016-07-17 to 2016-12-22" in to_mermaid(t)
    assert figure_texts(timeline_figure(t))  # a lasting incident is drawn, not a crash


@pytest.mark.parametrize(
    ("date", "period", "said"), [(None, None, "neither"), ("2016", "2016/2017", "both")]
)
def test_an_incident_has_a_date_or_a_period(date: Any, period: Any, said: str) -> None:
    with pytest.raises(ValidationError, match=f"exactly one; got {said}") as info:
        Incident("i", "raid", date, "X", period=period)
    assert [(p.record_id, p.field) for p in info.value.problems] == [("i", "date")]


@settings(max_examples=150)
@given(st.lists(testing.incidents(parties=(), sources=(), dates=DATES), max_size=25,
                unique_by=lambda i: i.id), DATES, DATES, st.booleans())  # fmt: skip
def test_incidents_at_and_between_equal_a_brute_force_scan(
    incidents: list[Incident], d: PartialDate, end: PartialDate, possibly: bool
) -> None:
    t = Timeline(incidents)
    expected = tuple(i for i in t.incidents if i.span.in_force(d, possibly=possibly))
    assert t.at(d, possibly=possibly).incidents == expected
    lo, hi = d.earliest_ordinal, end.latest_ordinal
    if lo <= hi:
        moments = [(i.id, i.span.start) for i in t.incidents]
        moments += [(i.id, i.period.end) for i in t.incidents if i.period and i.period.end]
        inside = sorted(
            (x.sort_key(), rid) for rid, x in moments
            if lo <= x.earliest_ordinal and x.latest_ordinal <= hi
        )  # fmt: skip
        found = sorted((e.date.sort_key(), e.record_id) for e in t.between(d, end))
        assert found == inside


# -- positions ------------------------------------------------------------------------------


def _talks(*positions: Position) -> list[Any]:
    return [
        Party("hnc", "High Negotiations Committee", "opposition"),
        Person("hijab", "Riyad Hijab"),
        Issue("transition", "Transition"),
        *positions,
    ]


def test_a_position_that_changes_makes_two_events_and_one_snapshot_entry() -> None:
    t = Timeline(
        _talks(
            Position("p1", "hijab", "transition", "no role for Assad", "2016-01/2016-04-17"),
            Position("p2", "hijab", "transition", "postpone the talks", "2016-04-18/..",
                     stated="2016-04-18", reason="the truce was collapsing"),
        )
    )  # fmt: skip
    changes = [(e.kind, e.record_id) for e in t.between("2016-04-17", "2016-04-18")]
    assert changes == [(EventKind.POSITION_ENDED, "p1"), (EventKind.POSITION_STATED, "p2")]
    assert t.at("2016-04-17").positions[("hijab", "transition")].id == "p1"
    assert t.at("2016-04-18").positions[("hijab", "transition")].id == "p2"


def test_overlapping_positions_of_one_holder_on_one_issue_are_one_problem() -> None:
    records = _talks(
        Position("p1", "hnc", "transition", "a", "2016-01/2016-05"),
        Position("p2", "hnc", "transition", "b", "2016-04/.."),
        Position("p3", "hijab", "transition", "c", "2016-04/.."),  # another holder
    )
    with pytest.raises(ValidationError) as info:
        Timeline(records)
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == ("p2", "period")
    assert "'p1'" in problem.message
    assert "'hnc'" in problem.message


def test_positions_that_may_overlap_are_allowed() -> None:
    # "2016-01/2016-04" and "2016-04/..": both may cover April, neither certainly does.
    Timeline(
        _talks(
            Position("p1", "hnc", "transition", "a", "2016-01/2016-04"),
            Position("p2", "hnc", "transition", "b", "2016-04/.."),
        )
    )


def test_a_position_holder_must_be_a_party_or_a_person() -> None:
    records = _talks(Position("p", "transition", "transition", "a", "2016/.."))
    assert _problems(records) == [("p", "holder")]


@settings(max_examples=200)
@given(st.lists(st.tuples(testing.periods(dates=DATES), st.integers(0, 99)), max_size=12))
def test_certain_overlaps_equal_a_brute_force_scan(drawn: list[tuple[Period, int]]) -> None:
    items = [(period, f"i{n}") for n, (period, _) in enumerate(drawn)]
    cores = {i: p.bounds(possibly=False) for p, i in items}

    def overlap(a: str, b: str) -> bool:
        (a1, a2), (b1, b2) = cores[a], cores[b]
        return a1 <= a2 and b1 <= b2 and a1 <= b2 and b1 <= a2

    reported = dict(certain_overlaps(items))
    for later, earlier in reported.items():
        assert overlap(later, earlier)
        assert (*cores[earlier], earlier) < (*cores[later], later)
    # An item is reported exactly when it overlaps one that sorts before it.
    order = sorted(cores, key=lambda i: (*cores[i], i))
    for n, item in enumerate(order):
        assert (item in reported) == any(overlap(item, other) for other in order[:n])


# -- rounds ---------------------------------------------------------------------------------


def _process(*rounds: Round) -> list[Any]:
    return [
        Person("envoy", "Envoy"),
        Party("a", "A", "government"),
        Party("b", "B", "opposition"),
        Process("p", "Talks", "envoy"),
        Delegation("da", "a", "p"),
        Delegation("db", "b", "p"),
        *rounds,
    ]


def test_a_round_may_have_unknown_venue_format_and_outcome(
    capsys: pytest.CaptureFixture[str],
) -> None:
    t = Timeline(_process(Round("r1", "p", 1, "2017-02/2017-03", None, None, None,
                                delegations=("da", "db"))))  # fmt: skip
    text = io.dumps(t)
    assert io.loads(text) == t
    assert '"venue": null' in text
    assert graph.round_topology(t, "r1").graph["format"] == ""
    summaries = [e.summary for e in t.events()]
    assert summaries == ["Round 1 opens", "Round 1 ends: unknown"]  # no venue nor format said
    from peacetrack._cli_text import timeline_text

    shown = timeline_text(t, 100)
    assert "Round 1  2017-02 to 2017-03  unknown, unknown, unknown" in shown
    assert "Round 1 opens" in shown
    assert "Round 1 ends: unknown" in shown


@pytest.mark.parametrize(
    ("fmt", "edges"),
    [
        ("shuttle", {("da", "envoy"), ("db", "envoy")}),
        (None, {("da", "envoy"), ("db", "envoy")}),
        ("mixed", {("da", "envoy"), ("db", "envoy"), ("da", "db")}),
    ],
)
def test_round_topology_of_the_new_formats(fmt: str | None, edges: set[tuple[str, str]]) -> None:
    t = Timeline(_process(Round("r", "p", 1, "2017-01-23/2017-01-24", "Astana", fmt, "agreement",
                                delegations=("da", "db"))))  # fmt: skip
    g = graph.round_topology(t, "r")
    assert {tuple(sorted(e)) for e in g.edges} == edges


def test_round_rules() -> None:
    with pytest.raises(ValidationError, match="ongoing cannot have ended") as info:
        Round("r1", "p", 1, "2016-01/2016-02", "G", "proximity", "ongoing")
    assert [(p.record_id, p.field) for p in info.value.problems] == [("r1", "outcome")]
    first = Round("r1", "p", 1, "2016-01-29/2016-02-03", "G", "proximity", "suspended")
    overlapping = Round("r2", "p", 2, "2016-02-01/2016-02-10", "G", "proximity", "concluded")
    assert _problems(_process(first, overlapping)) == [("r2", "period")]
    after = Round("r2", "p", 2, "2016-02-04/2016-02-10", "G", "proximity", "concluded")
    assert len(Timeline(_process(first, after)).rounds) == 2


# -- more rules -----------------------------------------------------------------------------


def test_a_party_cannot_designate_itself_nor_a_claim_be_about_its_claimant() -> None:
    with pytest.raises(ValidationError, match="cannot designate itself"):
        Designation("d", "x", "x", "label")
    with pytest.raises(ValidationError, match="about its own claimant"):
        Claim("c", "x", "x", "said", 1)
    with pytest.raises(ValidationError, match="cannot relate to itself"):
        Relation("r", "x", "x", "supports", "2016/..")


# -- files ----------------------------------------------------------------------------------


def _uses(t: Timeline) -> set[str]:
    """Which of the new fields and values ``t`` uses."""
    used: set[str] = set()
    for r in t.records:
        if isinstance(r, Party | Person) and r.names:
            used.add("names")
            used |= {f"name.{f}" for n in r.names for f in ("period", "lang", "note")
                     if getattr(n, f) is not None}  # fmt: skip
        if isinstance(r, Position):
            used |= {f"position.{f}" for f in ("stated", "quote", "reason")
                     if getattr(r, f) is not None}  # fmt: skip
            if isinstance(t[r.holder], Person):
                used.add("position.person")
        if isinstance(r, Designation) and r.period is not None and r.period.end is not None:
            used.add("designation.lifted")
        if isinstance(r, Incident) and r.period is not None:
            used.add("incident.period")
        if isinstance(r, Round):
            used |= {f"round.{f}" for f in ("venue", "format", "outcome") if getattr(r, f) is None}
    return used


def test_random_timelines_use_every_new_field_and_round_trip() -> None:
    seen: set[str] = set()

    @settings(max_examples=40, derandomize=True, database=None)
    @given(testing.timelines(min_size=30, max_size=50))
    def check(t: Timeline) -> None:
        assert io.loads(io.dumps(t)) == t
        seen.update(_uses(t))

    check()
    assert seen == {
        "names", "name.period", "name.lang", "name.note", "position.stated",
        "position.quote", "position.reason", "position.person", "designation.lifted",
        "incident.period", "round.venue", "round.format", "round.outcome",
    }  # fmt: skip


# -- the index of single dates --------------------------------------------------------------


@settings(max_examples=300)
@given(
    st.lists(
        st.tuples(st.integers(0, 400), st.sampled_from([0, 27, 28, 29, 30, 364, 365, -29, -365])),
        max_size=60,
    ),
    st.integers(-40, 440),
    st.integers(0, 400),
)
def test_date_index_equals_scan(items: list[tuple[int, int]], y: int, width: int) -> None:
    from peacetrack._index import DateIndex

    starts = [a for a, _ in items]
    ends = [a + length for a, length in items]
    index = DateIndex(starts, ends, range(len(items)))
    x = y + width
    expected = [i for i, (a, b) in enumerate(zip(starts, ends, strict=True)) if a <= x and b >= y]
    assert sorted(index.overlapping(y, x)) == expected


# -- the schema -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("record", "valid"),
    [
        ({"date": "2016-07-17"}, True),
        ({"date": None, "period": "2016-07-17/2016-12-22"}, True),
        ({"date": "2016-07-17", "period": "2016-07-17/2016-12-22"}, False),
        ({"date": None}, False),
        ({"date": None, "period": None}, False),
        ({"date": None, "period": "2016-07-17"}, False),
    ],
    ids=["date", "period", "both", "neither", "null-period", "date-as-period"],
)
def test_the_schema_and_the_loader_agree_on_date_or_period(
    record: dict[str, Any], valid: bool
) -> None:
    import jsonschema

    raw = {"type": "incident", "id": "i", "kind": "siege", "place": "Aleppo", **record}
    document = {"peacetrack": "2", "records": [raw]}  # an incident's period is new in 2
    assert jsonschema.Draft202012Validator(io.SCHEMA).is_valid(document) is valid
    if valid:
        assert io.loads(json.dumps(document))["i"].span  # type: ignore[attr-defined]
    else:
        with pytest.raises(ValidationError):
            io.loads(json.dumps(document))


@pytest.mark.parametrize(
    ("kind", "raw", "valid"),
    [
        (
            "party",
            {
                "name": "P",
                "kind": "armed_group",
                "names": [{"name": "Q", "period": "2016/..", "lang": "ar", "note": "n"}],
            },
            True,
        ),
        (
            "party",
            {"name": "P", "kind": "armed_group", "names": [{"name": "Q", "when": "x"}]},
            False,
        ),
        ("party", {"name": "P", "kind": "armed_group", "names": [{"name": ""}]}, False),
        (
            "round",
            {
                "process": "x",
                "number": 1,
                "period": "2016/..",
                "venue": None,
                "format": None,
                "outcome": None,
            },
            True,
        ),
        (
            "round",
            {
                "process": "x",
                "number": 1,
                "period": "2016/2016",
                "venue": "G",
                "format": "shuttle",
                "outcome": "agreement",
            },
            True,
        ),
        (
            "round",
            {
                "process": "x",
                "number": 1,
                "period": "2016/..",
                "venue": "G",
                "format": "circular",
                "outcome": None,
            },
            False,
        ),
        ("designation", {"party": "x", "by": "y", "label": "l", "period": "2013/2016"}, True),
        ("designation", {"party": "x", "by": "y", "label": "l", "period": "2013"}, False),
        (
            "position",
            {
                "holder": "x",
                "issue": "y",
                "stance": "s",
                "period": "2016/..",
                "stated": "2016-01",
                "quote": "q",
                "reason": "r",
            },
            True,
        ),
        ("position", {"party": "x", "issue": "y", "stance": "s", "period": "2016/.."}, False),
    ],
)
def test_the_schema_covers_the_new_fields(kind: str, raw: dict[str, Any], valid: bool) -> None:
    import jsonschema

    document = {"peacetrack": "2", "records": [{"type": kind, "id": "r", **raw}]}
    assert "2" in io.SCHEMA["properties"]["peacetrack"]["enum"]
    assert jsonschema.Draft202012Validator(io.SCHEMA).is_valid(document) is valid
