"""Participation and Agreement records, and the Ceasefire fields that link to them."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import (
    Agreement,
    AgreementKind,
    Ceasefire,
    Delegation,
    PartialDate,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Party,
    PeacetrackError,
    Period,
    Person,
    Process,
    Round,
    Signatory,
    SignatoryRole,
    Timeline,
    UnknownIdError,
    ValidationError,
    testing,
)
from peacetrack.records import Record


def problems_of(make: Any, **kwargs: Any) -> list[tuple[str | None, str | None]]:
    with pytest.raises(ValidationError) as info:
        make(**kwargs)
    return [(p.record_id, p.field) for p in info.value.problems]


def test_a_participation_converts_strings_and_defaults_to_undated() -> None:
    p = Participation("p", "geneva", "pyd", "participant", "excluded")
    assert p.role is ParticipationRole.PARTICIPANT
    assert p.status is ParticipationStatus.EXCLUDED
    assert (p.period, p.round, p.reason) == (None, None, None)
    dated = Participation("q", "geneva", "hnc", "participant", "suspended", period="2016-04-18/..")
    assert dated.period == Period.parse("2016-04-18/..")


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"role": "chair"}, "role"),
        ({"status": "left"}, "status"),
        ({"actor": ""}, "actor"),
        ({"process": 3}, "process"),
        ({"period": "2016-04-31/.."}, "period"),
        ({"round": ""}, "round"),
        ({"reason": "  "}, "reason"),
    ],
)
def test_a_bad_participation_field_is_named(change: dict[str, Any], field: str) -> None:
    kwargs: dict[str, Any] = {
        "id": "p",
        "process": "geneva",
        "actor": "pyd",
        "role": "participant",
        "status": "excluded",
    }
    assert problems_of(Participation, **(kwargs | change)) == [("p", field)]


def test_an_agreement_reads_its_signatories_from_dicts() -> None:
    a = Agreement(
        "mou",
        "Memorandum",
        "memorandum",
        "2017-05-04",
        signatories=[{"actor": "russia", "role": "guarantor"}, {"actor": "turkey"}],
    )
    assert a.kind is AgreementKind.MEMORANDUM
    assert a.signatories == (
        Signatory("russia", SignatoryRole.GUARANTOR),
        Signatory("turkey", SignatoryRole.SIGNATORY),
    )
    assert list(a.references()) == [("signatories", "russia"), ("signatories", "turkey")]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"kind": "treaty"}, "kind"),
        ({"date": "2017-02-30"}, "date"),
        ({"signatories": [{"actor": "a"}, {"actor": "a"}]}, "signatories"),
        ({"signatories": [{"actor": "a", "role": "host"}]}, "signatories"),
        ({"signatories": [{"who": "a"}]}, "signatories"),
        ({"supersedes": ["mou"]}, "supersedes"),
        ({"endorses": ["x", "x"]}, "endorses"),
        ({"period": "2017/2016"}, "period"),
    ],
)
def test_a_bad_agreement_field_is_named(change: dict[str, Any], field: str) -> None:
    kwargs: dict[str, Any] = {"id": "mou", "name": "M", "kind": "memorandum", "date": "2017-05-04"}
    assert problems_of(Agreement, **(kwargs | change)) == [("mou", field)]


def test_a_ceasefire_names_its_agreement_brokers_and_area() -> None:
    records: list[Record] = [
        Party("us", "United States", "state"),
        Party("ru", "Russia", "state"),
        Agreement("js", "Joint statement", "statement", "2016-02-22"),
        Ceasefire(
            "coh",
            "Cessation of hostilities",
            "2016-02-27/..",
            agreement="js",
            brokers=["us", "ru"],
            area="Syria",
        ),
    ]
    t = Timeline(records)
    assert dict(t["coh"].references()) == {"agreement": "js", "brokers": "ru"}
    with pytest.raises(ValidationError) as info:
        Timeline([*records[:2], records[3]])
    assert [(p.record_id, p.field) for p in info.value.problems] == [("coh", "agreement")]


def test_references_of_the_new_records_are_checked_by_type() -> None:
    with pytest.raises(ValidationError) as info:
        Timeline(
            [
                Party("a", "A", "state"),
                Process("g", "G"),
                Participation("p", "a", "nobody", "mediator", "took_part"),
                Agreement("x", "X", "other", "2016", process="a", signatories=[Signatory("g")]),
            ]
        )
    found = {(p.record_id, p.field, p.message) for p in info.value.problems}
    assert found == {
        ("p", "process", "'a' is a party; expected process"),
        ("p", "actor", "refers to unknown id 'nobody'"),
        ("x", "process", "'a' is a party; expected process"),
        ("x", "signatories", "'g' is a process; expected party or person or delegation"),
    }


# -- rules ---------------------------------------------------------------------------


def talks(*extra: Record) -> list[Record]:
    return [
        Party("pyd", "PYD", "armed_group"),
        Process("geneva", "Geneva talks"),
        Process("astana", "Astana talks"),
        Round("r1", "geneva", 1, "2016-01-29/2016-02-03", "Geneva", "proximity", "suspended"),
        Round("a1", "astana", 1, "2017-01-23/2017-01-24", "Astana", "proximity", "concluded"),
        *extra,
    ]


def rule_problems(*extra: Record) -> set[tuple[str | None, str | None]]:
    with pytest.raises(ValidationError) as info:
        Timeline(talks(*extra))
    return {(p.record_id, p.field) for p in info.value.problems}


def test_a_participation_in_a_round_belongs_to_that_rounds_process_and_time() -> None:
    assert rule_problems(
        Participation("p1", "geneva", "pyd", "participant", "excluded", round="a1"),
        Participation("p2", "geneva", "pyd", "observer", "invited", "2016-03/2016-04", round="r1"),
        Agreement("x", "X", "communique", "2017-01-24", process="geneva", round="a1"),
    ) == {("p1", "round"), ("p2", "period"), ("x", "round")}
    # Inside the round, or possibly so: no problem.
    Timeline(
        talks(Participation("p", "geneva", "pyd", "observer", "invited", "2016-02/2016-02", "r1"))
    )


def test_taking_part_and_being_excluded_at_once_is_refused() -> None:
    found = rule_problems(
        Participation("in", "geneva", "pyd", "participant", "took_part", "2016-01/2016-03"),
        Participation("out", "geneva", "pyd", "participant", "excluded", "2016-02-15/2016-04"),
    )
    assert found == {("out", "status")}


@pytest.mark.parametrize(
    ("took_part", "excluded"),
    [
        ("2016-01/2016-02", "2016-03/2016-04"),  # one after the other
        ("2016-01/2016-02", "2016-02/2016-04"),  # may not overlap: February is not certain
    ],
)
def test_taking_part_and_being_excluded_at_other_times_is_fine(
    took_part: str, excluded: str
) -> None:
    t = Timeline(
        talks(
            Participation("in", "geneva", "pyd", "participant", "took_part", took_part),
            Participation("out", "geneva", "pyd", "participant", "excluded", excluded),
            # Another role, another process: no conflict either.
            Participation("obs", "geneva", "pyd", "observer", "excluded", took_part),
            Participation("ast", "astana", "pyd", "participant", "excluded", took_part),
        )
    )
    assert len(t) == 9


def test_a_cycle_of_supersedes_is_refused_and_every_member_named() -> None:
    found = rule_problems(
        Agreement("a", "A", "memorandum", "2017", supersedes=["c"]),
        Agreement("b", "B", "memorandum", "2017", supersedes=["a"]),
        Agreement("c", "C", "memorandum", "2017", supersedes=["b"]),
        Agreement("d", "D", "memorandum", "2017", supersedes=["a"]),  # points in, no cycle
    )
    assert found == {("a", "supersedes"), ("b", "supersedes"), ("c", "supersedes")}


def test_a_long_chain_of_supersedes_is_checked_without_recursion() -> None:
    chain = [
        Agreement(f"x{i}", f"X{i}", "renewal", "2017", supersedes=[f"x{i - 1}"] if i else [])
        for i in range(5000)
    ]
    assert len(Timeline(talks(*chain))) == 5005
    looped = [attrs.evolve(chain[0], supersedes=("x4999",)), *chain[1:]]
    with pytest.raises(ValidationError) as info:
        Timeline(talks(*looped))
    assert len(info.value.problems) == 5000
    assert "and 4,996 others" in info.value.problems[0].message


# -- queries --------------------------------------------------------------------------


def effective_in_force(t: Timeline, p: Participation, d: PartialDate, possibly: bool) -> bool:
    if p.period is not None:
        return p.period.in_force(d, possibly=possibly)
    if p.round is not None:
        found = t[p.round]
        assert isinstance(found, Round)
        return found.period.in_force(d, possibly=possibly)
    return True


def every_participation(t: Timeline) -> list[Participation]:
    implied = [
        Participation(f"{p.id}/mediator", p.id, p.mediator, "mediator", "took_part")
        for p in t.processes
        if p.mediator is not None
    ]
    return [*t.participations, *implied]


def agreement_in_force(t: Timeline, a: Agreement, d: PartialDate, possibly: bool) -> bool:
    own = (a.period or Period(a.date)).in_force(d, possibly=possibly)
    for successor in t.agreements():
        if a.id in successor.supersedes:
            adopted = successor.date.latest if possibly else successor.date.earliest
            if adopted.toordinal() <= d.earliest_ordinal:
                return False
    return own


QUERY_DATES = testing.partial_dates(2014, 2018)


@settings(max_examples=150)
@given(testing.timelines(), QUERY_DATES, st.booleans(), st.data())
def test_participation_queries_equal_a_brute_force_scan(
    t: Timeline, d: PartialDate, possibly: bool, data: st.DataObject
) -> None:
    everyone = every_participation(t)
    for process in t.processes:
        mine = [p for p in everyone if p.process == process.id]
        assert {p.id for p in t.participants(process.id)} == {p.id for p in mine}
        now = [p for p in mine if effective_in_force(t, p, d, possibly)]
        got = t.participants(process.id, at=d, possibly=possibly)
        assert {p.id for p in got} == {p.id for p in now}
        role = data.draw(st.sampled_from(ParticipationRole))
        status = data.draw(st.sampled_from(ParticipationStatus))
        filtered = t.participants(
            process.id, at=d, role=role, status=status.value, possibly=possibly
        )
        assert {p.id for p in filtered} == {
            p.id for p in now if p.role is role and p.status is status
        }
        mediating = {
            p.actor
            for p in now
            if p.role in (ParticipationRole.MEDIATOR, ParticipationRole.CO_MEDIATOR)
            and p.status is ParticipationStatus.TOOK_PART
        }
        assert set(t.mediators(process.id, at=d, possibly=possibly)) == mediating
        snapshot = t.at(d, possibly=possibly)
        assert set(snapshot.mediators.get(process.id, ())) == mediating
        excluded = {p.actor for p in now if p.status is ParticipationStatus.EXCLUDED}
        assert snapshot.excluded_from_talks.get(process.id, frozenset()) == excluded
        away = {"boycotted", "suspended", "walked_out"}
        boycotting = {p.actor for p in now if p.status.value in away}
        assert snapshot.boycotting.get(process.id, frozenset()) == boycotting
        took_part = {(p.role, p.actor) for p in now if p.status is ParticipationStatus.TOOK_PART}
        by_role = snapshot.participants.get(process.id, {})
        assert {(r, a) for r, actors in by_role.items() for a in actors} == took_part


@settings(max_examples=150)
@given(testing.timelines(), QUERY_DATES, st.booleans())
def test_agreements_in_force_equal_a_brute_force_scan(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    expected = [a.id for a in t.agreements() if agreement_in_force(t, a, d, possibly)]
    assert [a.id for a in t.agreements(at=d, possibly=possibly)] == expected
    assert [a.id for a in t.at(d, possibly=possibly).agreements_in_force] == expected
    for process in t.processes:
        assert [a.id for a in t.agreements(process=process.id)] == [
            a.id for a in t.agreements() if a.process == process.id
        ]


def geneva() -> Timeline:
    return Timeline(
        [
            Person("dm", "Staffan de Mistura"),
            Party("pyd", "PYD", "armed_group"),
            Party("hnc", "HNC", "opposition"),
            Process("geneva", "Geneva talks"),
            Round("r1", "geneva", 1, "2016-01-29/2016-02-03", "Geneva", "proximity", "suspended"),
            Round("r3", "geneva", 3, "2016-04-13/2016-04-27", "Geneva", "proximity", "adjourned"),
            Round("r9", "geneva", 9, "2018-01-25/2018-01-26", "Vienna", "proximity", "concluded"),
            Participation(
                "dm-med", "geneva", "dm", "mediator", "took_part", "2014-07-10/2018-11-30"
            ),
            Participation(
                "pyd-out", "geneva", "pyd", "participant", "excluded", "2016-01/2016-04-27"
            ),
            Participation(
                "hnc-susp", "geneva", "hnc", "participant", "suspended", "2016-04-18/2016-04-27"
            ),
            Agreement("a1", "Resolution 2254", "resolution", "2015-12-18", process="geneva"),
            Agreement("a2", "Later", "resolution", "2017-01-01", supersedes=["a1"]),
        ]
    )


def test_a_snapshot_says_who_mediates_who_is_excluded_and_who_is_away() -> None:
    s = geneva().at("2016-04-20")
    assert s.mediators == {"geneva": ("dm",)}
    assert s.participants == {"geneva": {ParticipationRole.MEDIATOR: ("dm",)}}
    assert s.excluded_from_talks == {"geneva": frozenset({"pyd"})}
    assert s.boycotting == {"geneva": frozenset({"hnc"})}
    assert [a.id for a in s.agreements_in_force] == ["a1"]
    assert [a.id for a in geneva().at("2017-06").agreements_in_force] == ["a2"]


def test_a_mediator_is_involved_in_the_rounds_it_mediated() -> None:
    t = geneva()
    kinds = [(e.record_id, e.kind.value) for e in t.involving("dm")]
    assert ("r1", "round_opened") in kinds
    assert ("r9", "round_closed") in kinds
    assert ("dm-med", "participation_began") in kinds
    # Not through another actor's participation.
    assert not any(e.record_id.startswith("r") for e in t.involving("pyd"))
    # A process's mediator too.
    old = Timeline(
        [
            Person("dm", "S"),
            Process("g", "G", "dm"),
            Round("x", "g", 1, "2016-01-29/2016-02-03", "Geneva", "proximity", "suspended"),
        ]
    )
    assert [e.record_id for e in old.involving("dm")] == ["x", "x"]


def test_participations_and_agreements_are_events() -> None:
    t = geneva()
    found = {(str(e.date), e.kind.value): e.summary for e in t.events()}
    # Summaries name records as the command line does (the names come from the records).
    suspended = found[("2016-04-18", "participation_began")]
    assert "suspends its participation" in suspended
    assert t["hnc"].name in suspended  # type: ignore[attr-defined]
    assert found[("2015-12-18", "agreement")].startswith("Resolution 2254 (resolution)")
    assert [e.record_id for e in t.between("2016-04-27", "2016-04-27")] == [
        "hnc-susp",
        "pyd-out",
        "r3",
    ]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda t: t.participants("nowhere"), UnknownIdError),
        (lambda t: t.participants("pyd"), UnknownIdError),
        (lambda t: t.participants("geneva", role="chair"), PeacetrackError),
        (lambda t: t.participants("geneva", status="gone"), PeacetrackError),
        (lambda t: t.mediators("geneva", at="2016-13"), PeacetrackError),
        (lambda t: t.agreements(process="nowhere"), UnknownIdError),
        (lambda t: t.agreements(at="2016", possibly="yes"), PeacetrackError),
    ],
)
def test_bad_query_arguments_get_clear_errors(call: Any, error: type[Exception]) -> None:
    with pytest.raises(error):
        call(geneva())


# -- graphs ---------------------------------------------------------------------------


def astana() -> Timeline:
    return Timeline(
        [
            Party("ru", "Russia", "state"),
            Party("tr", "Turkey", "state"),
            Party("ir", "Iran", "state"),
            Party("gov", "Government of Syria", "government"),
            Party("opp", "Armed opposition", "armed_group"),
            Party("us", "United States", "state"),
            Process("astana", "Astana talks"),
            Delegation("gov-d", "gov", "astana"),
            Delegation("opp-d", "opp", "astana"),
            Round(
                "a4",
                "astana",
                4,
                "2017-05-03/2017-05-04",
                "Astana",
                "proximity",
                "concluded",
                delegations=["gov-d", "opp-d"],
            ),
            *(
                Participation(f"{x}-g", "astana", x, "guarantor", "took_part", "2017-01-23/..")
                for x in ("ru", "tr", "ir")
            ),
            Participation("ru-m", "astana", "ru", "co_mediator", "took_part", round="a4"),
            Participation("tr-m", "astana", "tr", "co_mediator", "took_part", round="a4"),
            Participation("us-o", "astana", "us", "observer", "took_part", "2017-01-23/.."),
            Participation("opp-b", "astana", "opp-d", "participant", "suspended", round="a4"),
            Agreement(
                "mou",
                "Memorandum on the creation of de-escalation areas",
                "memorandum",
                "2017-05-04",
                process="astana",
                round="a4",
                signatories=[Signatory(x, "guarantor") for x in ("ru", "tr", "ir")],
            ),
        ]
    )


def test_a_co_mediated_round_has_two_hubs() -> None:
    from peacetrack import graph

    g = graph.round_topology(astana(), "a4")
    hubs = sorted(n for n, kind in g.nodes(data="kind") if kind == "mediator")
    assert hubs == ["ru", "tr"]
    assert sorted(g.edges) == [("ru", "gov-d"), ("ru", "opp-d"), ("tr", "gov-d"), ("tr", "opp-d")]


def test_the_parties_graph_shows_who_guarantees_observes_boycotts_and_signs() -> None:
    from peacetrack import graph

    g = graph.parties(astana(), at="2017-05-04")
    ties = {(u, v, d["kind"]) for u, v, d in g.edges(data=True)}
    assert {("ru", "astana", "guarantees"), ("us", "astana", "observes")} <= ties
    assert ("opp", "astana", "boycotts") in ties  # the delegation stands as its party
    assert {("ru", "mou", "guaranteed"), ("ir", "mou", "guaranteed")} <= ties
    assert g.nodes["mou"]["kind"] == "agreement"
    before = graph.parties(astana(), at="2017-05-01")
    assert not [e for e in before.edges(data="kind") if e[2] == "guaranteed"]
    assert not [e for e in before.edges(data="kind") if e[2] == "boycotts"]


@settings(max_examples=60)
@given(testing.timelines(), QUERY_DATES, st.booleans())
def test_the_agreement_network_shows_the_agreements_in_force(
    t: Timeline, d: PartialDate, possibly: bool
) -> None:
    from peacetrack import graph

    g = graph.agreement_network(t, at=d, possibly=possibly)
    shown = {n for n, kind in g.nodes(data="kind") if kind == "agreement"}
    assert shown == {a.id for a in t.agreements(at=d, possibly=possibly)}
    signed = {
        (u, v)
        for u, v, kind in g.edges(data="kind")
        if kind in ("signed", "witnessed", "guaranteed")
    }
    assert signed == {
        (s.actor, a.id) for a in t.agreements(at=d, possibly=possibly) for s in a.signatories
    }


# -- exports and the command line -------------------------------------------------------


def test_exports_and_the_command_line_show_participations_and_agreements(
    tmp_path: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from peacetrack import io
    from peacetrack.cli import main
    from peacetrack.interop.mermaid import to_mermaid
    from peacetrack.interop.timelinejs import to_timelinejs

    t = astana()
    headlines = [e["text"]["headline"] for e in to_timelinejs(t)["events"]]
    assert "Memorandum on the creation of de-escalation areas" in headlines
    assert "Russia takes part (guarantor), Astana talks" in headlines
    assert "Memorandum on the creation of de-escalation areas" in to_mermaid(t)
    path = tmp_path / "astana.json"
    io.save(t, path)
    assert main(["snapshot", "--at", "2017-05-04", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Who takes part in the talks" in out
    assert "Astana talks guarantor Iran, Russia, Turkey" in out
    assert "Astana talks co-mediator Russia, Turkey" in out
    assert "Armed opposition delegation suspends its participation" in out
    assert "2017-05-04 Memorandum on the creation of de-escalation areas memorandum" in out
    assert main(["timeline", str(path)]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "Mediator: Russia" in out
    assert "Mediator: Turkey" in out
    assert "signed by Russia, Turkey, Iran" in out


def test_the_new_graphs_write_as_graphml_and_gexf() -> None:
    from peacetrack import graph

    for g in (graph.parties(astana()), graph.agreement_network(astana())):
        for fmt in ("graphml", "gexf", "json"):
            assert "mou" in graph.to_text(g, fmt)


def test_signing_or_brokering_involves_the_actor() -> None:
    t = astana()
    assert ("mou", "agreement") in [(e.record_id, e.kind.value) for e in t.involving("ir")]
    with_ceasefire = t.with_records(
        Ceasefire("dez", "De-escalation", "2017-05-06/..", agreement="mou", brokers=["ru"])
    )
    assert "dez" in {e.record_id for e in with_ceasefire.involving("ru")}
    assert "dez" in {e.record_id for e in with_ceasefire.involving("mou")}


# -- the rules, against brute force ---------------------------------------------------------

STATUSES = st.sampled_from(["took_part", "excluded", "invited"])


@settings(max_examples=200)
@given(st.lists(st.tuples(STATUSES, testing.periods(dates=QUERY_DATES)), max_size=8))
def test_the_took_part_and_excluded_rule_equals_a_brute_force_check(
    drawn: list[tuple[str, Period]],
) -> None:
    records = [
        Participation(f"p{i}", "geneva", "pyd", "participant", status, period)
        for i, (status, period) in enumerate(drawn)
    ]

    def certainly_overlap(a: Period, b: Period) -> bool:
        (a0, a1), (b0, b1) = a.bounds(False), b.bounds(False)
        return a0 <= a1 and b0 <= b1 and max(a0, b0) <= min(a1, b1)

    clash = any(
        {a.status.value, b.status.value} == {"took_part", "excluded"}
        and certainly_overlap(a.period, b.period)  # type: ignore[arg-type]
        for i, a in enumerate(records)
        for b in records[i + 1 :]
    )
    base: list[Record] = [Party("pyd", "PYD", "other"), Process("geneva", "Geneva")]
    fields: set[str | None] = set()
    try:
        Timeline([*base, *records])
    except ValidationError as exc:
        fields = {p.field for p in exc.problems}
    assert fields == ({"status"} if clash else set())


@settings(max_examples=200)
@given(st.lists(st.lists(st.integers(0, 7), max_size=3, unique=True), min_size=1, max_size=8))
def test_the_supersedes_cycle_rule_equals_networkx(edges: list[list[int]]) -> None:
    import networkx as nx

    n = len(edges)
    agreements = [
        Agreement(
            f"a{i}",
            f"A{i}",
            "other",
            "2017",
            supersedes=[f"a{j}" for j in targets if j < n and j != i],
        )
        for i, targets in enumerate(edges)
    ]
    g = nx.DiGraph()
    g.add_nodes_from(a.id for a in agreements)
    g.add_edges_from((a.id, b) for a in agreements for b in a.supersedes)
    on_cycles = {v for c in nx.strongly_connected_components(g) if len(c) > 1 for v in c}
    named: set[str | None] = set()
    fields: set[str | None] = set()
    try:
        Timeline(agreements)
    except ValidationError as exc:
        named = {p.record_id for p in exc.problems}
        fields = {p.field for p in exc.problems}
    assert named == on_cycles
    assert fields == ({"supersedes"} if on_cycles else set())


@pytest.mark.parametrize("kinds", ["party", ["party", "treaty"]])
def test_timelines_refuse_unknown_kinds(kinds: Any) -> None:
    from hypothesis.errors import InvalidArgument

    with pytest.raises(InvalidArgument):
        testing.timelines(kinds=kinds)


@settings(max_examples=30)
@given(testing.record_lists(max_size=20, kinds=["round", "process", "participation", "party"]))
def test_record_lists_draw_only_the_kinds_asked_for(records: list[Record]) -> None:
    assert {r.record_type for r in records} <= {"round", "process", "participation", "party"}
    Timeline(records)


@pytest.mark.parametrize("actor", ["ru", "lavrov", "ru-d"])
@pytest.mark.parametrize("role", list(ParticipationRole))
@pytest.mark.parametrize("in_round", [False, True])
def test_every_actor_kind_in_every_role_is_a_described_node_in_every_graph(
    actor: str, role: ParticipationRole, in_round: bool
) -> None:
    # A party, a person or a delegation may take part in any role. Every graph view
    # must draw the actor as a node with a kind and a name -- networkx silently adds a
    # bare node for an edge end that was never added, which is the class of bug here.
    from peacetrack import graph

    t = Timeline(
        [
            Party("ru", "Russia", "state"),
            Party("gov", "Government", "government"),
            Person("lavrov", "Sergei Lavrov"),
            Process("p", "Talks"),
            Delegation("ru-d", "ru", "p"),
            Delegation("gov-d", "gov", "p"),
            Round(
                "r1",
                "p",
                1,
                "2017-01-23/2017-01-24",
                "Astana",
                "proximity",
                "concluded",
                delegations=["gov-d"],
            ),
            Participation("x", "p", actor, role, "took_part", round="r1" if in_round else None),
            Agreement("a", "Statement", "statement", "2017-01-24", signatories=[Signatory(actor)]),
        ]
    )
    views = [
        graph.parties(t),
        graph.parties(t, at="2017-01-23"),
        graph.parties(t, at="2017-01", possibly=True),
        graph.round_topology(t, "r1"),
        graph.ceasefire_exclusions(t),
        graph.agreement_network(t),
    ]
    for g in views:
        for node, data in g.nodes(data=True):
            assert data.get("kind"), (node, data)
            assert isinstance(data.get("name"), str), (node, data)
    drawn = views[0]
    assert "ru-d" not in drawn  # a delegation stands as its party in the parties graph
    stands_as = "ru" if actor == "ru-d" else actor
    assert drawn.has_edge(stands_as, "p", "x")
