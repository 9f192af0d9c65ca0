"""Participation and Agreement records, and the Ceasefire fields that link to them."""

from __future__ import annotations

from typing import Any

import attrs
import pytest

from peacetrack import (
    Agreement,
    AgreementKind,
    Ceasefire,
    Participation,
    ParticipationRole,
    ParticipationStatus,
    Party,
    Period,
    Process,
    Round,
    Signatory,
    SignatoryRole,
    Timeline,
    ValidationError,
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
