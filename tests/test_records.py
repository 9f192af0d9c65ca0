"""The record types: conversion, immutability, validation of each field, references,
and the public hypothesis strategies in ``peacetrack.testing``."""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from peacetrack import testing
from peacetrack.dates import PartialDate, Period
from peacetrack.errors import PeacetrackError, ValidationError
from peacetrack.records import (
    Agreement,
    Ceasefire,
    Claim,
    Delegation,
    Designation,
    Exclusion,
    Incident,
    Issue,
    Membership,
    Participation,
    Party,
    PartyKind,
    Person,
    Position,
    Process,
    Qualifier,
    Record,
    Relation,
    RelationKind,
    Resignation,
    Round,
    RoundFormat,
    RoundOutcome,
    Source,
)
from peacetrack.timeline import Timeline

# One valid set of keyword arguments per record type, as a user would write them: plain
# strings for dates, periods and enums, lists for sequences.
BASE: dict[type[Record], dict[str, Any]] = {
    Source: {
        "id": "afp-2016-05-31",
        "title": "Russia denies air strikes in Idlib",
        "publisher": "Agencies",
        "url": "https://example.org/afp",
        "published": "2016-05-31",
    },
    Party: {
        "id": "hnc",
        "name": "High Negotiations Committee",
        "kind": "opposition",
        "aliases": ["HNC"],
        "sources": ["afp-2016-05-31"],
    },
    Person: {"id": "alloush", "name": "Mohammed Alloush", "aliases": ["Mohammad Alloush"]},
    Process: {"id": "geneva-2016", "name": "Geneva talks 2016", "mediator": "de-mistura"},
    Round: {
        "id": "r3",
        "process": "geneva-2016",
        "number": 3,
        "period": "2016-04-13/2016-04-27",
        "venue": "Geneva",
        "format": "proximity",
        "outcome": "adjourned",
        "delegations": ["gov-delegation", "hnc-delegation"],
    },
    Delegation: {
        "id": "hnc-delegation",
        "party": "hnc",
        "process": "geneva-2016",
        "name": "HNC delegation",
    },
    Membership: {
        "id": "alloush-chief",
        "person": "alloush",
        "delegation": "hnc-delegation",
        "role": "chief negotiator",
        "period": "2016-01/2016-05-29",
    },
    Resignation: {
        "id": "alloush-resigns",
        "person": "alloush",
        "membership": "alloush-chief",
        "date": "2016-05-29",
        "reason": "failure of the talks",
        "quote": "The talks have failed.",
        "submitted_to": "hnc",
    },
    Issue: {"id": "sequencing", "name": "sequencing"},
    Position: {
        "id": "hnc-transition-first",
        "holder": "hnc",
        "issue": "sequencing",
        "stance": "transition-first",
        "period": "2016-01/..",
        "stated": "2016-01-20",
        "quote": "transition first",
        "reason": "no trust in the government",
    },
    Ceasefire: {
        "id": "cessation-2016",
        "name": "Cessation of hostilities",
        "period": "2016-02-27/..",
        "parties": ["gov", "hnc"],
        "exclusions": [{"party": "nusra", "reason": "designated terrorist organization"}],
    },
    Designation: {
        "id": "nusra-unsc",
        "party": "nusra",
        "by": "unsc",
        "label": "terrorist organization",
        "period": "2013-05/..",
    },
    Relation: {
        "id": "russia-supports-gov",
        "source": "russia",
        "target": "gov",
        "kind": "supports",
        "period": "2015-09/..",
    },
    Incident: {
        "id": "idlib-strikes",
        "kind": "air strike",
        "date": "2016-05-31",
        "place": "Idlib",
        "description": "Strikes on Idlib and Maarat al-Numan",
        "parties": ["russia"],
    },
    Claim: {
        "id": "turkey-60",
        "about": "idlib-strikes",
        "claimant": "turkey",
        "predicate": "civilians killed",
        "value": 60,
        "qualifier": "more than",
        "date": "2016-05-31",
        "quote": "more than 60",
    },
}

RECORD_TYPES = list(BASE)
TYPE_IDS = [cls.__name__ for cls in RECORD_TYPES]


def build(cls: type[Record], **changes: Any) -> Record:
    return cls(**{**BASE[cls], **changes})


# -- construction ----------------------------------------------------------------------------


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
def test_constructs_from_plain_values(cls: type[Record]) -> None:
    record = build(cls)
    assert record.id == BASE[cls]["id"]
    assert record.record_type == cls.__name__.lower()
    for field in attrs.fields(cls):
        value = getattr(record, field.name)
        assert not isinstance(value, list), f"{field.name} should be a tuple"


def test_strings_become_enums_dates_and_periods() -> None:
    r = build(Round)
    assert isinstance(r, Round)
    assert r.format is RoundFormat.PROXIMITY
    assert r.outcome is RoundOutcome.ADJOURNED
    assert r.period == Period(PartialDate(2016, 4, 13), PartialDate(2016, 4, 27))
    assert r.delegations == ("gov-delegation", "hnc-delegation")

    party = build(Party)
    assert isinstance(party, Party)
    assert party.kind is PartyKind.OPPOSITION
    assert party.aliases == ("HNC",)
    assert party.sources == ("afp-2016-05-31",)

    relation = build(Relation)
    assert isinstance(relation, Relation)
    assert relation.kind is RelationKind.SUPPORTS
    assert relation.period.end is None

    claim = build(Claim)
    assert isinstance(claim, Claim)
    assert claim.qualifier is Qualifier.MORE_THAN
    assert claim.date == PartialDate(2016, 5, 31)

    ceasefire = build(Ceasefire)
    assert isinstance(ceasefire, Ceasefire)
    assert ceasefire.exclusions == (Exclusion("nusra", "designated terrorist organization"),)

    resignation = build(Resignation, date=datetime.date(2016, 5, 29))
    assert isinstance(resignation, Resignation)
    assert resignation.date == PartialDate(2016, 5, 29)


def test_enums_and_typed_values_are_accepted_as_they_are() -> None:
    r = build(
        Round,
        format=RoundFormat.DIRECT,
        outcome=RoundOutcome.ONGOING,
        period=Period("2016-04-13"),
    )
    assert isinstance(r, Round)
    assert r.format is RoundFormat.DIRECT
    assert r.period.is_open


def test_optional_fields_default_to_empty() -> None:
    assert Source("s1", "A title", "A publisher").sources == ()
    assert Process("p", "Talks").mediator is None
    assert Ceasefire("c", "Truce", "2016/..").exclusions == ()
    assert Claim("c", "x", "y", "said", "denied").qualifier is None


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
def test_records_are_frozen(cls: type[Record]) -> None:
    record = build(cls)
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.id = "other"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        record.sources = ()  # type: ignore[misc]


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
def test_records_are_hashable_values(cls: type[Record]) -> None:
    a, b = build(cls), build(cls)
    assert a == b
    assert a is not b
    assert hash(a) == hash(b)
    assert len({a, b}) == 1
    assert a != build(cls, id="another-id")


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
def test_evolve_makes_a_changed_copy(cls: type[Record]) -> None:
    record = build(cls)
    changed = attrs.evolve(record, id="renamed", sources=["s9"])
    assert (changed.id, changed.sources) == ("renamed", ("s9",))
    assert record.id == BASE[cls]["id"]
    assert attrs.evolve(changed, id=record.id, sources=record.sources) == record


def test_evolve_validates_the_new_value() -> None:
    with pytest.raises(ValidationError) as info:
        attrs.evolve(build(Round), number=0)  # type: ignore[call-arg]
    assert [(p.record_id, p.field) for p in info.value.problems] == [("r3", "number")]


# -- validation: every bad field names the record and the field --------------------------

NAN = float("nan")

BAD_FIELDS: list[tuple[type[Record], str, Any]] = [
    # Every record
    (Party, "sources", "afp"),
    (Party, "sources", [""]),
    (Party, "sources", ["afp", "afp"]),
    (Party, "sources", [1]),
    (Person, "sources", None),
    # Source
    (Source, "title", ""),
    (Source, "publisher", None),
    (Source, "url", ""),
    (Source, "published", "2016-13"),
    (Source, "published", 2016),
    # Party and Person
    (Party, "name", "   "),
    (Party, "kind", "rebels"),
    (Party, "kind", None),
    (Party, "kind", "OPPOSITION"),
    (Party, "aliases", "HNC"),
    (Party, "aliases", [""]),
    (Person, "name", 3),
    # Process
    (Process, "name", ""),
    (Process, "mediator", ""),
    (Process, "mediator", 7),
    # Round
    (Round, "process", ""),
    (Round, "number", 0),
    (Round, "number", -1),
    (Round, "number", "3"),
    (Round, "number", True),
    (Round, "number", 3.0),
    (Round, "period", "2016-04-27/2016-04-13"),
    (Round, "period", "2016-04"),
    (Round, "period", None),
    (Round, "period", ("2016-04-13", "2016-04-27")),
    (Round, "venue", ""),
    (Round, "format", "face-to-face"),
    (Round, "outcome", "won"),
    (Round, "outcome", "ongoing"),  # but its period has ended
    (Round, "delegations", ["gov", "gov"]),
    (Round, "delegations", "gov"),
    # Delegation
    (Delegation, "party", ""),
    (Delegation, "process", None),
    (Delegation, "name", ""),
    # Membership
    (Membership, "person", ""),
    (Membership, "delegation", " "),
    (Membership, "role", ""),
    (Membership, "period", "2016-05-29/2016-01"),
    (Membership, "period", "bad"),
    # Resignation
    (Resignation, "person", ""),
    (Resignation, "membership", None),
    (Resignation, "date", "2016-02-30"),
    (Resignation, "date", None),
    (Resignation, "date", 2016),
    (Resignation, "date", datetime.datetime(2016, 5, 29, 12, 0)),
    (Resignation, "reason", ""),
    (Resignation, "quote", "  "),
    (Resignation, "submitted_to", ""),
    # Issue and Position
    (Issue, "name", ""),
    (Position, "holder", ""),
    (Position, "stated", "2016-13"),
    (Position, "quote", ""),
    (Position, "reason", " "),
    (Position, "issue", ""),
    (Position, "stance", ""),
    (Position, "period", "2016-05/2016-04"),
    # Ceasefire
    (Ceasefire, "name", ""),
    (Ceasefire, "period", ""),
    (Ceasefire, "parties", [""]),
    (Ceasefire, "parties", ["gov", "gov"]),
    (Ceasefire, "exclusions", "nusra"),
    (Ceasefire, "exclusions", ["nusra"]),
    (Ceasefire, "exclusions", [{"party": ""}]),
    (Ceasefire, "exclusions", [{"party": "nusra", "reason": ""}]),
    (Ceasefire, "exclusions", [{"part": "nusra"}]),
    (Ceasefire, "exclusions", [{"party": "isil"}, {"party": "isil"}]),
    (Ceasefire, "exclusions", [{"party": "hnc"}]),  # hnc is also a party to it
    # Designation
    (Designation, "party", ""),
    (Designation, "by", ""),
    (Designation, "label", ""),
    (Designation, "period", "2016-00/.."),
    (Designation, "period", "2016-05"),  # a date, not a period
    (Designation, "by", "nusra"),  # itself
    # Relation
    (Relation, "source", ""),
    (Relation, "target", ""),
    (Relation, "target", "russia"),  # to itself
    (Relation, "kind", "friends"),
    (Relation, "period", "2016/2015"),
    # Incident
    (Incident, "kind", ""),
    (Incident, "date", None),  # and no period
    (Incident, "period", "2016-06"),
    (Incident, "date", "2016-4"),
    (Incident, "place", ""),
    (Incident, "description", ""),
    (Incident, "parties", ["russia", "russia"]),
    # Claim
    (Claim, "about", ""),
    (Claim, "claimant", ""),
    (Claim, "predicate", ""),
    (Claim, "value", None),
    (Claim, "value", [60]),
    (Claim, "value", {"count": 60}),
    (Claim, "value", NAN),
    (Claim, "value", math.inf),
    (Claim, "value", -math.inf),
    (Claim, "qualifier", "roughly"),
    (Claim, "date", "yesterday"),
    (Claim, "quote", ""),
    (Claim, "about", "turkey"),  # its own claimant
]


def _case_id(case: tuple[type[Record], str, Any]) -> str:
    cls, field, value = case
    return f"{cls.__name__}.{field}={value!r}"


@pytest.mark.parametrize(("cls", "field", "value"), BAD_FIELDS, ids=map(_case_id, BAD_FIELDS))
def test_bad_field_is_named_with_the_record_id(cls: type[Record], field: str, value: Any) -> None:
    with pytest.raises(ValidationError) as info:
        build(cls, **{field: value})
    record_id = BASE[cls]["id"]
    problems = info.value.problems
    assert (record_id, field) in [(p.record_id, p.field) for p in problems]
    assert all(p.message for p in problems)
    assert f"{record_id}: {field}: " in str(info.value)
    assert isinstance(info.value, PeacetrackError)


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
@pytest.mark.parametrize("bad_id", ["", "   ", None, 42], ids=repr)
def test_bad_id_is_reported_without_a_record_id(cls: type[Record], bad_id: Any) -> None:
    with pytest.raises(ValidationError) as info:
        build(cls, id=bad_id)
    assert (None, "id") in [(p.record_id, p.field) for p in info.value.problems]


def test_every_bad_field_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as info:
        build(Round, number=0, period="2016-04-27/2016-04-13", format="circular", venue="")
    problems = info.value.problems
    assert {p.field for p in problems} == {"number", "period", "format", "venue"}
    assert {p.record_id for p in problems} == {"r3"}
    assert str(info.value).startswith("4 problems:")


def test_messages_say_what_was_found_and_expected() -> None:
    with pytest.raises(ValidationError) as info:
        build(Round, period="2016-04-27/2016-04-13", format="circular")
    text = str(info.value)
    assert "end 2016-04-13 is before start 2016-04-27" in text
    assert "'circular' is not a RoundFormat; expected one of 'proximity', 'direct'" in text


def test_claim_qualifier_needs_a_number() -> None:
    for value in ("denied", True, False):
        with pytest.raises(ValidationError) as info:
            build(Claim, value=value)
        assert [(p.record_id, p.field) for p in info.value.problems] == [("turkey-60", "qualifier")]
    for number in (60, 60.5, 0, -3):
        claim = build(Claim, value=number)
        assert isinstance(claim, Claim)
        assert claim.value == number
    unqualified = build(Claim, value="denied", qualifier=None)
    assert isinstance(unqualified, Claim)
    assert unqualified.value == "denied"


@pytest.mark.parametrize("value", [NAN, math.inf, -math.inf], ids=["nan", "inf", "-inf"])
def test_claim_refuses_non_finite_numbers(value: float) -> None:
    with pytest.raises(ValidationError, match="finite"):
        build(Claim, value=value, qualifier=None)


def test_ceasefire_party_cannot_be_excluded_too() -> None:
    with pytest.raises(ValidationError) as info:
        build(Ceasefire, parties=["gov", "nusra"])
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == ("cessation-2016", "exclusions")
    assert "nusra" in problem.message


def test_relation_to_itself_is_refused() -> None:
    with pytest.raises(ValidationError) as info:
        build(Relation, target="russia")
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == ("russia-supports-gov", "target")
    assert "itself" in problem.message


def test_exclusion_checks_itself() -> None:
    assert Exclusion("nusra").reason is None
    with pytest.raises(ValidationError) as info:
        Exclusion("")
    assert [p.field for p in info.value.problems] == ["exclusion.party"]


# -- references ------------------------------------------------------------------------------

REFERENCES: dict[type[Record], list[tuple[str, str]]] = {
    Source: [],
    Party: [("sources", "afp-2016-05-31")],
    Person: [],
    Process: [("mediator", "de-mistura")],
    Round: [
        ("process", "geneva-2016"),
        ("delegations", "gov-delegation"),
        ("delegations", "hnc-delegation"),
    ],
    Delegation: [("party", "hnc"), ("process", "geneva-2016")],
    Membership: [("person", "alloush"), ("delegation", "hnc-delegation")],
    Resignation: [("person", "alloush"), ("membership", "alloush-chief"), ("submitted_to", "hnc")],
    Issue: [],
    Position: [("holder", "hnc"), ("issue", "sequencing")],
    Ceasefire: [("parties", "gov"), ("parties", "hnc"), ("exclusions", "nusra")],
    Designation: [("party", "nusra"), ("by", "unsc")],
    Relation: [("source", "russia"), ("target", "gov")],
    Incident: [("parties", "russia")],
    Claim: [("about", "idlib-strikes"), ("claimant", "turkey")],
}


@pytest.mark.parametrize("cls", RECORD_TYPES, ids=TYPE_IDS)
def test_references_yield_field_and_id(cls: type[Record]) -> None:
    assert list(build(cls).references()) == REFERENCES[cls]


def test_references_include_sources_and_skip_missing_optionals() -> None:
    process = build(Process, mediator=None, sources=["un-1"])
    assert list(process.references()) == [("sources", "un-1")]
    resignation = build(Resignation, submitted_to=None)
    assert ("submitted_to", "hnc") not in list(resignation.references())


# -- the public strategies -------------------------------------------------------------------

RECORD_STRATEGIES: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "source": testing.sources,
    "party": testing.parties,
    "person": testing.people,
    "process": testing.processes,
    "round": testing.rounds,
    "delegation": testing.delegations,
    "membership": testing.memberships,
    "resignation": testing.resignations,
    "issue": testing.agenda_issues,
    "position": testing.positions,
    "ceasefire": testing.ceasefires,
    "designation": testing.designations,
    "relation": testing.relations,
    "incident": testing.incidents,
    "claim": testing.claims,
    "participation": testing.participations,
    "agreement": testing.agreements,
}


def rebuilt(record: Record) -> Record:
    """The record built again from its init fields, through converters and checks."""
    fields = attrs.fields(type(record))
    return type(record)(**{f.name: getattr(record, f.name) for f in fields if f.init})


@pytest.mark.parametrize("record_type", list(RECORD_STRATEGIES))
@settings(max_examples=50)
@given(data=st.data())
def test_each_strategy_gives_valid_records_of_its_type(
    record_type: str, data: st.DataObject
) -> None:
    record = data.draw(RECORD_STRATEGIES[record_type]())
    assert isinstance(record, Record)
    assert record.record_type == record_type
    assert attrs.evolve(record) == record
    assert rebuilt(record) == record
    assert hash(rebuilt(record)) == hash(record)
    for field, ref in record.references():
        assert hasattr(record, field)
        assert isinstance(ref, str)
        assert ref.strip()


@given(testing.rounds())
def test_rounds_are_ongoing_only_when_open(r: Round) -> None:
    if r.outcome is RoundOutcome.ONGOING:
        assert r.period.is_open
    if r.period.is_open:
        assert r.outcome in (RoundOutcome.ONGOING, None)


@given(testing.claims())
def test_claim_qualifiers_only_bound_numbers(c: Claim) -> None:
    if c.qualifier is not None:
        assert isinstance(c.value, int | float)
        assert not isinstance(c.value, bool)
    assert not (isinstance(c.value, float) and not math.isfinite(c.value))


@given(testing.ceasefires(parties=["a", "b", "c"], exclusions=["b", "c", "d"]))
def test_ceasefire_exclusions_are_drawn_apart_from_parties(c: Ceasefire) -> None:
    excluded = {e.party for e in c.exclusions}
    assert set(c.parties) <= {"a", "b", "c"}
    assert excluded <= {"b", "c", "d"}
    assert not excluded & set(c.parties)


@given(testing.relations(source=st.sampled_from(["a", "b"]), target=st.sampled_from(["a", "b"])))
def test_relations_never_point_at_themselves(r: Relation) -> None:
    assert {r.source, r.target} == {"a", "b"}


@given(
    testing.delegations(
        id="d1",
        party=st.sampled_from(["gov", "hnc"]),
        process="geneva",
        sources=st.just(("s1", "s1", "s2")),
    )
)
def test_given_ids_are_used(d: Delegation) -> None:
    assert d.id == "d1"
    assert d.party in {"gov", "hnc"}
    assert d.process == "geneva"
    assert d.sources == ("s1", "s2")


@given(testing.rounds(number=st.integers(5, 6), delegations=[], sources=[]))
def test_given_values_are_used(r: Round) -> None:
    assert r.number in {5, 6}
    assert r.delegations == ()
    assert r.sources == ()


@given(testing.partial_dates(1999, 2001, qualifiers=False))
def test_partial_dates_respect_their_arguments(d: PartialDate) -> None:
    assert 1999 <= d.year <= 2001
    assert not d.approximate
    assert not d.uncertain


@pytest.mark.parametrize(
    "make",
    [
        lambda: testing.partial_dates(min_year=0),
        lambda: testing.partial_dates(2000, 1999),
        lambda: testing.partial_dates(max_year=10000),
        lambda: testing.partial_dates(precisions=[]),
        lambda: testing.partial_dates(precisions=["day"]),  # type: ignore[list-item]
        lambda: testing.relations(source="a", target="a"),
        lambda: testing.sources(sources="s1"),
        lambda: testing.rounds(delegations="gov"),
        lambda: testing.ceasefires(exclusions="nusra"),
        lambda: testing.record_lists(min_size=5, max_size=2),
        lambda: testing.record_lists(min_size=-1),
        lambda: testing.timelines(id_prefix=3),  # type: ignore[arg-type]
    ],
    ids=[
        "year-0",
        "min-above-max",
        "year-10000",
        "no-precisions",
        "precision-as-text",
        "relation-to-itself",
        "sources-as-text",
        "delegations-as-text",
        "exclusions-as-text",
        "min-size-above-max",
        "negative-size",
        "prefix-not-text",
    ],
)
def test_strategies_refuse_bad_arguments_early(make: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        make()


# -- whole record lists and timelines ------------------------------------------------------------

# What each reference may point at (checked here independently of the Timeline).
TARGETS: dict[str, set[str]] = {
    "sources": {"source"},
    "mediator": {"party", "person"},
    "process": {"process"},
    "delegations": {"delegation"},
    "delegation": {"delegation"},
    "person": {"person"},
    "membership": {"membership"},
    "submitted_to": {"party", "person"},
    "party": {"party"},
    "issue": {"issue"},
    "parties": {"party"},
    "exclusions": {"party"},
    "by": {"party", "person"},
    "source": {"party"},
    "target": {"party"},
    "claimant": {"party", "person"},
    "agreement": {"agreement"},
    "brokers": {"party", "person"},
    "actor": {"party", "person", "delegation"},
    "round": {"round"},
    "signatories": {"party", "person", "delegation"},
    "endorses": {"agreement"},
    "amends": {"agreement"},
    "supersedes": {"agreement"},
    "holder": {"party", "person"},
}


def check_consistent(records: list[Record], *, ordered: bool = True) -> None:
    """Brute-force check of every cross-record rule."""
    ids = [r.id for r in records]
    assert len(ids) == len(set(ids)), "ids are unique"
    by_id = {r.id: r for r in records}
    position = {r.id: i for i, r in enumerate(records)}
    for record in records:
        for field, ref in record.references():
            assert ref in by_id, f"{record.id}.{field} -> {ref} resolves"
            if ordered:
                assert position[ref] < position[record.id], "nothing refers forward"
            if field != "about":  # a claim may be about any record
                assert by_id[ref].record_type in TARGETS[field], (record.id, field, ref)
    rounds = [r for r in records if isinstance(r, Round)]
    numbers = [(r.process, r.number) for r in rounds]
    assert len(numbers) == len(set(numbers)), "round numbers are unique per process"
    for r in rounds:
        for delegation_id in r.delegations:
            delegation = by_id[delegation_id]
            assert isinstance(delegation, Delegation)
            assert delegation.process == r.process
    resigned = [r for r in records if isinstance(r, Resignation)]
    assert len({r.membership for r in resigned}) == len(resigned), "one resignation each"
    for resignation in resigned:
        membership = by_id[resignation.membership]
        assert isinstance(membership, Membership)
        assert membership.person == resignation.person
        assert membership.period.end == resignation.date
        assert membership.period.contains(resignation.date)
        assert not resignation.date.definitely_before(membership.period.start)
    for record in records:
        if isinstance(record, Relation):
            assert record.source != record.target
        if isinstance(record, Designation):
            assert record.party != record.by
        if isinstance(record, Participation | Agreement) and record.round is not None:
            in_round = by_id[record.round]
            assert isinstance(in_round, Round)
            assert in_round.process == record.process
        if isinstance(record, Claim):
            assert record.about != record.claimant
    for key in ("round", "position"):
        # Rounds of a process, and a holder's positions on an issue, never certainly
        # overlap: brute force over every pair.
        group: dict[tuple[str, ...], list[Period]] = {}
        for record in records:
            if isinstance(record, Round) and key == "round":
                group.setdefault((record.process,), []).append(record.period)
            if isinstance(record, Position) and key == "position":
                group.setdefault((record.holder, record.issue), []).append(record.period)
        for periods in group.values():
            for i, a in enumerate(periods):
                for b in periods[i + 1 :]:
                    a_first, a_last = a.bounds(possibly=False)
                    b_first, b_last = b.bounds(possibly=False)
                    certain = a_first <= a_last and b_first <= b_last
                    assert not (certain and a_first <= b_last and b_first <= a_last), (key, a, b)


@settings(max_examples=200)
@given(testing.record_lists())
def test_record_lists_are_referentially_consistent(records: list[Record]) -> None:
    assert len(records) <= 50
    check_consistent(records)


def test_record_lists_of_fifty_mix_every_record_type() -> None:
    seen: set[str] = set()

    @settings(max_examples=30, derandomize=True, database=None)
    @given(testing.record_lists(min_size=50, max_size=50))
    def collect(records: list[Record]) -> None:
        assert len(records) == 50
        check_consistent(records)
        seen.update(r.record_type for r in records)

    collect()
    assert seen == set(RECORD_STRATEGIES)


@settings(max_examples=25)
@given(testing.record_lists(max_size=30, dates=testing.partial_dates(9999, 9999)))
def test_record_lists_with_dates_at_the_end_of_the_calendar(records: list[Record]) -> None:
    check_consistent(records)


@given(testing.record_lists(min_size=3, max_size=8, id_prefix="a-"))
def test_record_lists_prefix_their_ids(records: list[Record]) -> None:
    assert 3 <= len(records) <= 8
    assert all(r.id.startswith("a-") for r in records)


@settings(max_examples=200)
@given(testing.timelines())
def test_timelines_are_valid(t: Timeline) -> None:
    assert isinstance(t, Timeline)
    assert len(t.records) <= 50
    check_consistent(list(t.records), ordered=False)
    assert Timeline(list(t.records)) == t


@given(testing.record_lists(max_size=40))
def test_timeline_accepts_exactly_the_drawn_records(records: list[Record]) -> None:
    t = Timeline(records)
    assert set(t.records) == set(records)
    assert len(t.records) == len(records)


@settings(max_examples=25)
@given(testing.timelines(max_size=15), testing.timelines(max_size=15, id_prefix="b-"))
def test_timelines_with_different_prefixes_merge(a: Timeline, b: Timeline) -> None:
    merged = a.merge(b)
    assert set(merged.records) == set(a.records) | set(b.records)


# -- identifiers and links --------------------------------------------------------------


def test_parties_and_people_keep_outside_identifiers_and_links() -> None:
    from peacetrack import Identifier, Link

    party = Party(
        "nusra",
        "Nusra Front",
        "armed_group",
        identifiers=[{"scheme": "wikidata", "identifier": "Q20738"}, Identifier("ucdp", "881")],
        links=[{"url": "https://en.wikipedia.org/wiki/Al-Nusra_Front", "note": "Wikipedia"}],
    )
    assert party.identifiers == (Identifier("wikidata", "Q20738"), Identifier("ucdp", "881"))
    assert party.links == (Link("https://en.wikipedia.org/wiki/Al-Nusra_Front", "Wikipedia"),)
    person = Person("alloush", "Mohammed Alloush", identifiers=[Identifier("wikidata", "Q1")])
    assert person.identifiers[0].scheme == "wikidata"


@pytest.mark.parametrize(
    ("field", "value", "said"),
    [
        (
            "identifiers",
            [{"scheme": "wikidata"}],
            "identifier has the fields scheme and identifier",
        ),
        (
            "identifiers",
            [{"scheme": " ", "identifier": "Q1"}],
            "identifier.scheme: must not be empty",
        ),
        (
            "identifiers",
            [{"scheme": "ucdp", "identifier": "1"}, {"scheme": "ucdp", "identifier": "1"}],
            "repeats an identifier",
        ),
        ("links", [{"url": "https://a"}, {"url": "https://a", "note": "again"}], "repeats a link"),
        ("links", "https://a", "expected a list of Link"),
    ],
)
def test_bad_identifiers_and_links_are_named_with_the_record(
    field: str, value: object, said: str
) -> None:
    with pytest.raises(ValidationError) as info:
        Party("p", "P", "state", **{field: value})  # type: ignore[arg-type]
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == ("p", field)
    assert said in problem.message


def test_an_identifier_names_one_record_in_a_timeline() -> None:
    from peacetrack import Identifier

    same = [Identifier("wikidata", "Q20738")]
    t = Timeline([Party("nusra", "Nusra Front", "armed_group", identifiers=same)])
    assert t.by_identifier("wikidata", "Q20738") is t["nusra"]
    assert t.by_identifier("wikidata", "Q0") is None
    with pytest.raises(ValidationError) as info:
        t.with_records(Person("p", "Someone", identifiers=same))
    (problem,) = info.value.problems
    assert (problem.record_id, problem.field) == ("p", "identifiers")
    assert "also held by 'nusra'" in problem.message
