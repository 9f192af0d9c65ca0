"""Whole-timeline validation: every problem, at once, with the record and the field."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peacetrack import (
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Membership,
    Party,
    Person,
    Position,
    Process,
    Relation,
    Resignation,
    Round,
    Source,
    Timeline,
    ValidationError,
)
from peacetrack._timeline_rules import reference_problems, references_ok
from peacetrack.records import Record
from peacetrack.testing import record_lists


def _problems(records: list[object]) -> list[tuple[str | None, str | None]]:
    with pytest.raises(ValidationError) as info:
        Timeline(records)  # type: ignore[arg-type]
    return [(p.record_id, p.field) for p in info.value.problems]


def _base() -> list[Record]:
    return [
        Source("s", "Report", "Agency"),
        Party("gov", "Government", "government"),
        Party("hnc", "HNC", "opposition"),
        Person("alloush", "Mohammed Alloush"),
        Person("hijab", "Riyad Hijab"),
        Process("geneva", "Geneva", "hijab"),
        Process("vienna", "Vienna", None),
        Delegation("hnc-d", "hnc", "geneva"),
        Delegation("gov-v", "gov", "vienna"),
        Membership("m1", "alloush", "hnc-d", "chief negotiator", "2016-01-20/2016-05-29"),
        Issue("seq", "Sequencing"),
    ]


def test_a_valid_timeline_builds() -> None:
    assert len(Timeline(_base())) == len(_base())


def test_every_problem_is_reported_at_once() -> None:
    records: list[object] = [
        *_base(),
        Party("gov", "Duplicate", "state"),  # duplicate id
        Incident("i1", "raid", "2016-04-19", "Idlib", parties=("ghost",), sources=("nosrc",)),
        Position("pos", "hnc", "alloush", "x", "2016/.."),  # issue -> a person
        Resignation("res-out", "alloush", "m1", "2016-07-01"),  # outside the membership
        Resignation("res-early", "alloush", "m1", "2016-05-01"),  # a second one, another date
        Round("r1", "geneva", 1, "2016-01/2016-02", "Geneva", "proximity", "suspended"),
        Round("r1b", "geneva", 1, "2016-03/2016-03", "Geneva", "proximity", "adjourned"),
        Round(
            "r2",
            "geneva",
            2,
            "2016-04/2016-04",
            "Geneva",
            "proximity",
            "adjourned",
            delegations=("gov-v", "hnc-d"),
        ),
        Claim("c1", "nowhere", "s", "killed", 3),  # about unknown; claimant is a source
    ]
    found = _problems(records)
    expected = {
        ("gov", "id"),
        ("i1", "sources"),
        ("i1", "parties"),
        ("pos", "issue"),
        ("c1", "about"),
        ("c1", "claimant"),
        ("res-out", "date"),
        ("res-early", "membership"),
        ("m1", "period"),
        ("r1", "number"),
        ("r1b", "number"),
        ("r2", "delegations"),
    }
    assert set(found) == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (Membership("m2", "nobody", "hnc-d", "member", "2016/.."), ("m2", "person")),
        (Membership("m2", "alloush", "geneva", "member", "2016/.."), ("m2", "delegation")),
        (Delegation("d2", "alloush", "geneva"), ("d2", "party")),
        (Delegation("d2", "hnc", "hnc"), ("d2", "process")),
        (Process("p2", "P", "seq"), ("p2", "mediator")),
        (Round("r9", "hnc-d", 1, "2016/..", "X", "direct", "ongoing"), ("r9", "process")),
        (
            Round("r9", "geneva", 1, "2016/..", "X", "direct", "ongoing", delegations=("gov",)),
            ("r9", "delegations"),
        ),
        (Position("p2", "hnc-d", "seq", "x", "2016/.."), ("p2", "holder")),
        (Ceasefire("cf", "CF", "2016/..", parties=("ghost",)), ("cf", "parties")),
        (
            Ceasefire("cf", "CF", "2016/..", exclusions=(Exclusion("seq", "r"),)),
            ("cf", "exclusions"),
        ),
        (Designation("g", "hnc", "s", "label"), ("g", "by")),
        (Designation("g", "alloush", "gov", "label"), ("g", "party")),
        (Relation("rel", "hnc", "m1", "supports", "2016/.."), ("rel", "target")),
        (Relation("rel", "ghost", "hnc", "supports", "2016/.."), ("rel", "source")),
        (Incident("i", "raid", "2016", "X", parties=("alloush",)), ("i", "parties")),
        (Claim("c", "ghost", "hnc", "p", 1), ("c", "about")),
        (Claim("c", "m1", "seq", "p", 1), ("c", "claimant")),
        (Resignation("rs", "alloush", "hnc-d", "2016-05-29"), ("rs", "membership")),
        (
            Resignation("rs", "alloush", "m1", "2016-05-29", submitted_to="seq"),
            ("rs", "submitted_to"),
        ),
        (Source("s2", "T", "P", sources=("gov",)), ("s2", "sources")),
    ],
    ids=lambda v: v.id if isinstance(v, Record) else "",
)
def test_bad_references_name_record_and_field(record: Record, problem: tuple[str, str]) -> None:
    assert _problems([*_base(), record]) == [problem]


def test_wrong_type_message_says_what_was_expected() -> None:
    with pytest.raises(ValidationError) as info:
        Timeline([*_base(), Position("p2", "hnc-d", "seq", "x", "2016/..")])
    assert "'hnc-d' is a delegation; expected party or person" in str(info.value)


def test_resignation_by_another_person() -> None:
    found = _problems([*_base(), Resignation("rs", "hijab", "m1", "2016-05-29")])
    assert found == [("rs", "person")]


def test_membership_ended_on_another_date_than_its_resignation() -> None:
    found = _problems([*_base(), Resignation("rs", "alloush", "m1", "2016-05-28")])
    assert found == [("m1", "period")]


def test_open_membership_with_a_resignation() -> None:
    base = [r for r in _base() if r.id != "m1"]
    records = [
        *base,
        Membership("m1", "alloush", "hnc-d", "member", "2016-01-20/.."),
        Resignation("rs", "alloush", "m1", "2016-05-29"),
    ]
    with pytest.raises(ValidationError) as info:
        Timeline(records)
    assert [(p.record_id, p.field) for p in info.value.problems] == [("m1", "period")]
    assert "still open" in info.value.problems[0].message


def test_two_resignations_of_one_membership() -> None:
    found = _problems(
        [
            *_base(),
            Resignation("rs1", "alloush", "m1", "2016-05-29"),
            Resignation("rs2", "alloush", "m1", "2016-05-29"),
        ]
    )
    assert found == [("rs2", "membership")]


def test_round_numbers_repeat_only_within_a_process() -> None:
    ok = [
        *_base(),
        Round("g1", "geneva", 1, "2016/2016-02", "Geneva", "direct", "concluded"),
        Round("v1", "vienna", 1, "2016/..", "Vienna", "direct", "ongoing"),
    ]
    assert len(Timeline(ok)) == len(ok)
    found = _problems([*ok, Round("g1b", "geneva", 1, "2017/..", "G", "direct", "ongoing")])
    assert sorted(found) == [("g1", "number"), ("g1b", "number")]


def test_round_with_a_delegation_of_another_process() -> None:
    found = _problems(
        [
            *_base(),
            Round("r", "geneva", 1, "2016/..", "G", "direct", "ongoing", delegations=("gov-v",)),
        ]
    )
    assert found == [("r", "delegations")]


def test_duplicate_ids_are_reported_once_per_id() -> None:
    found = _problems([*_base(), Party("hnc", "Again", "opposition"), Party("hnc", "X", "other")])
    assert found == [("hnc", "id")]


def test_duplicate_id_of_another_type_also_breaks_references_to_it() -> None:
    # The last record with an id is the one references resolve to.
    found = _problems([*_base(), Person("hnc", "X")])
    assert found == [("hnc", "id"), ("hnc-d", "party")]


def test_non_records_are_refused() -> None:
    with pytest.raises(ValidationError) as info:
        Timeline([*_base(), "not a record"])  # type: ignore[list-item]
    assert info.value.problems[0].record_id is None
    assert "expected a Record" in info.value.problems[0].message


# -- the bulk check agrees with the record-by-record one --------------------------------


@given(record_lists(max_size=40), st.data())
def test_bulk_check_agrees_with_full_report(records: list[Record], data: st.DataObject) -> None:
    dropped = data.draw(st.sets(st.sampled_from([r.id for r in records]))) if records else set()
    kept = [r for r in records if r.id not in dropped]
    by_id = {r.id: r for r in kept}
    by_class: dict[type[Record], list[Record]] = {}
    for r in kept:
        by_class.setdefault(type(r), []).append(r)
    assert references_ok(by_id, by_class) == (not list(reference_problems(kept, by_id)))


@given(record_lists(max_size=40), st.data())
def test_validation_is_the_same_for_incremental_builds(
    records: list[Record], data: st.DataObject
) -> None:
    split = data.draw(st.integers(0, len(records)))
    dropped = data.draw(st.sets(st.sampled_from([r.id for r in records]))) if records else set()
    kept = [r for r in records if r.id not in dropped]
    first, rest = kept[:split], kept[split:]
    try:
        expected: object = Timeline(kept)
    except ValidationError as exc:
        expected = {(p.record_id, p.field, p.message) for p in exc.problems}
    try:
        base = Timeline(first)
    except ValidationError:
        return
    try:
        got: object = base.with_records(*rest)
    except ValidationError as exc:
        got = {(p.record_id, p.field, p.message) for p in exc.problems}
    assert got == expected


def test_reference_problems_leave_out_known_missing_ids_only() -> None:
    records = {r.id: r for r in [Delegation("d", "broken", "nowhere")]}
    assert [p.field for p in reference_problems(records.values(), records)] == [
        "party",
        "process",
    ]
    quiet = reference_problems(records.values(), records, known_missing=frozenset({"broken"}))
    assert [(p.record_id, p.field, p.message) for p in quiet] == [
        ("d", "process", "refers to unknown id 'nowhere'")
    ]
