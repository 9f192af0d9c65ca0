"""Popolo: the output validates against the real Popolo JSON Schemas, and reads back.

The schemas are in tests/data/popolo (see its README); their ``$ref``s resolve to
those files through a local ``referencing`` registry, never over the network.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given, settings
from jsonschema import Draft3Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT3

from peacetrack import (
    Delegation,
    Identifier,
    Link,
    LoadError,
    Membership,
    PartialDate,
    Party,
    PartyKind,
    Period,
    Person,
    Process,
    Resignation,
    Source,
    Timeline,
)
from peacetrack.datasets import geneva_2016
from peacetrack.interop.popolo import from_popolo, to_popolo
from peacetrack.testing import timelines

SCHEMAS = Path(__file__).parent / "data" / "popolo"
BASE = "http://www.popoloproject.com/schemas/"


def _registry() -> Registry[Any]:
    resources = []
    for path in sorted(SCHEMAS.glob("*.json")):
        contents = json.loads(path.read_text(encoding="utf-8"))
        resource = Resource.from_contents(contents, default_specification=DRAFT3)
        resources.append((f"{BASE}{path.name}", resource))
    return Registry().with_resources(resources)


REGISTRY = _registry()
VALIDATORS = {
    key: Draft3Validator(
        json.loads((SCHEMAS / f"{kind}.json").read_text(encoding="utf-8")),
        registry=REGISTRY,
        format_checker=Draft3Validator.FORMAT_CHECKER,
    )
    for key, kind in (
        ("persons", "person"),
        ("organizations", "organization"),
        ("memberships", "membership"),
    )
}


def schema_errors(doc: dict[str, list[dict[str, Any]]]) -> list[str]:
    """Every schema violation in a Popolo document, as readable lines."""
    assert set(doc) == set(VALIDATORS)
    return [
        f"{key}[{i}] {list(error.absolute_path)}: {error.message}"
        for key, validator in VALIDATORS.items()
        for i, item in enumerate(doc[key])
        for error in validator.iter_errors(item)
    ]


# -- the output validates ---------------------------------------------------------------


def test_the_geneva_case_validates_against_the_popolo_schemas() -> None:
    doc = to_popolo(geneva_2016())
    assert schema_errors(doc) == []
    assert all(doc[key] for key in ("persons", "organizations", "memberships"))


@settings(max_examples=50)
@given(timelines(max_size=40))
def test_every_timeline_validates_against_the_popolo_schemas(t: Timeline) -> None:
    assert schema_errors(to_popolo(t)) == []


def test_the_validator_does_check_refs_and_patterns() -> None:
    # The control: what the schemas forbid is caught, through a $ref too.
    bad = {
        "persons": [{"id": "p", "name": "P", "other_names": [{"name": 7}]}],
        "organizations": [{"id": "o", "founding_date": "2016-04~"}],
        "memberships": [{"id": "m", "start_date": "April 2016", "sources": [{"note": "x"}]}],
    }
    errors = schema_errors(bad)
    assert len(errors) == 4, errors


# -- what is written --------------------------------------------------------------------


@pytest.fixture(scope="module")
def geneva() -> Timeline:
    return geneva_2016()


@pytest.fixture(scope="module")
def doc(geneva: Timeline) -> dict[str, list[dict[str, Any]]]:
    return to_popolo(geneva)


def test_parties_and_delegations_are_classified_organizations(
    geneva: Timeline, doc: dict[str, list[dict[str, Any]]]
) -> None:
    orgs = {o["id"]: o for o in doc["organizations"]}
    for party in geneva.parties:
        assert orgs[party.id]["classification"] == party.kind.value
    for delegation in geneva.delegations:
        assert orgs[delegation.id]["classification"] == "delegation"
        assert orgs[delegation.id]["parent_id"] == delegation.party
    for process in geneva.processes:
        assert orgs[process.id]["classification"] == "process"


def test_a_resignation_is_the_end_of_its_membership(
    geneva: Timeline, doc: dict[str, list[dict[str, Any]]]
) -> None:
    by_id = {m.get("id"): m for m in doc["memberships"]}
    assert geneva.resignations
    for resignation in geneva.resignations:
        written = by_id[resignation.membership]
        assert written["end_date"] == str(resignation.date).rstrip("~?%")
        membership = geneva[resignation.membership]
        assert isinstance(membership, Membership)
        assert written["role"] == membership.role
        assert written["person_id"] == resignation.person


def test_dates_keep_their_precision_and_drop_the_qualifiers() -> None:
    t = Timeline(
        [
            Party("p", "P", "opposition"),
            Person("x", "X"),
            Process("geneva", "Geneva"),
            Delegation("d", "p", "geneva"),
            Membership("m", "x", "d", "member", "2015-09~/2016-05?"),
        ]
    )
    written = to_popolo(t)["memberships"][-1]
    assert (written["start_date"], written["end_date"]) == ("2015-09", "2016-05")


def test_sources_become_links_and_come_back() -> None:
    t = Timeline(
        [
            Source("afp", "Talks resume — again", "AFP", url="https://example.org/a"),
            Source("note", "Notes of a meeting", "Office of the Envoy", published="2016-04~"),
            Person("x", "X", sources=("afp", "note")),
        ]
    )
    links = to_popolo(t)["persons"][0]["sources"]
    assert links == [
        {"url": "https://example.org/a", "note": "Talks resume — again — AFP"},
        {
            "url": "urn:peacetrack:source:note",
            "note": "Notes of a meeting — Office of the Envoy (2016-04)",
        },
    ]
    back = from_popolo(to_popolo(t))
    note = back["note"]
    assert note == Source("note", "Notes of a meeting", "Office of the Envoy", published="2016-04")
    (afp,) = [s for s in back.sources if s.url == "https://example.org/a"]
    assert (afp.title, afp.publisher) == ("Talks resume — again", "AFP")
    assert set(back["x"].sources) == {afp.id, "note"}


# -- round trip -------------------------------------------------------------------------


def _plain(d: PartialDate | None) -> PartialDate | None:
    return None if d is None else PartialDate(d.year, d.month, d.day)


def _project(t: Timeline) -> dict[str, Any]:
    """What Popolo carries: people, parties, processes, delegations and memberships,
    with dates without qualifiers and sources by URL (or id, when they have none)."""

    def cited(ids: tuple[str, ...]) -> frozenset[str]:
        out = set()
        for i in ids:
            s = t[i]
            assert isinstance(s, Source)
            out.add(s.url or s.id)
        return frozenset(out)

    def others(record: Party | Person) -> frozenset[tuple[Any, ...]]:
        # An undated name with no note or language reads back as an alias; the
        # qualifiers of a name's dates are dropped.
        found: set[tuple[Any, ...]] = {(a, None, None, None) for a in record.aliases}
        for n in record.names:
            period = None
            if n.period is not None:
                period = Period(_plain(n.period.start), _plain(n.period.end))  # type: ignore[arg-type]
            found.add((n.name, period, n.lang, n.note))
        return frozenset(found)

    return {
        "people": {
            p.id: (p.name, others(p), p.identifiers, p.links, cited(p.sources)) for p in t.people
        },
        "parties": {
            p.id: (p.name, p.kind, others(p), p.identifiers, p.links, cited(p.sources))
            for p in t.parties
        },
        "processes": {p.id: (p.name, p.mediator, cited(p.sources)) for p in t.processes},
        "delegations": {
            d.id: (d.party, d.process, d.name, cited(d.sources)) for d in t.delegations
        },
        "memberships": {
            m.id: (
                m.person,
                m.delegation,
                m.role,
                Period(_plain(m.period.start), _plain(m.period.end)),  # type: ignore[arg-type]
                cited(m.sources),
            )
            for m in t.memberships
        },
    }


def test_identifiers_and_links_travel_through_popolo(geneva: Timeline) -> None:
    nusra = geneva["nusra"]
    envoy = geneva["de-mistura"]
    marked = geneva.with_records(
        attrs.evolve(
            nusra, identifiers=[Identifier("wikidata", "Q2917"), Identifier("ucdp", "1131")]
        ),
        attrs.evolve(
            envoy, links=[Link("https://en.wikipedia.org/wiki/Staffan_de_Mistura", "Wikipedia")]
        ),
    )
    doc = to_popolo(marked)
    assert schema_errors(doc) == []
    orgs = {o["id"]: o for o in doc["organizations"]}
    assert orgs["nusra"]["identifiers"] == [
        {"scheme": "wikidata", "identifier": "Q2917"},
        {"scheme": "ucdp", "identifier": "1131"},
    ]
    back = from_popolo(doc)
    assert _project(back) == _project(marked)
    assert back.by_identifier("ucdp", "1131") == back["nusra"]
    assert back["de-mistura"].links == marked["de-mistura"].links


def test_the_geneva_case_round_trips(geneva: Timeline, doc: dict[str, Any]) -> None:
    back = from_popolo(doc)
    assert _project(back) == _project(geneva)
    assert len(back.memberships) == len(geneva.memberships) > 0


@settings(max_examples=50)
@given(timelines(max_size=40))
def test_every_timeline_round_trips(t: Timeline) -> None:
    assert _project(from_popolo(to_popolo(t))) == _project(t)


def test_what_popolo_cannot_carry_is_left_out(geneva: Timeline, doc: dict[str, Any]) -> None:
    back = from_popolo(doc)
    assert (back.rounds, back.claims, back.resignations) == ((), (), ())
    assert any(isinstance(r, Resignation) for r in geneva.records)


# -- reading other Popolo ---------------------------------------------------------------


def test_an_unknown_classification_is_an_error_naming_the_organization() -> None:
    doc = {"organizations": [{"id": "senate", "name": "Senate", "classification": "chamber"}]}
    with pytest.raises(LoadError, match=r"organization senate: classification 'chamber'"):
        from_popolo(doc)
    t = from_popolo(doc, default_kind=PartyKind.OTHER)
    assert t["senate"] == Party("senate", "Senate", "other")


def test_every_problem_is_reported_at_once() -> None:
    doc = {
        "persons": [{"id": "p", "name": ""}, {"name": "No Id"}],
        "organizations": [
            {"id": "g", "name": "Geneva", "classification": "process"},
            {"id": "d", "classification": "delegation"},
            {"id": "party", "name": "Party", "classification": "opposition"},
        ],
        "memberships": [
            {"id": "m1", "person_id": "p", "organization_id": "party", "role": "member"},
        ],
    }
    with pytest.raises(LoadError) as caught:
        from_popolo(doc)
    message = str(caught.value)
    assert "4 problems" in message
    assert "person p: name" in message
    assert "person #1: id" in message
    assert "organization d: a delegation needs parent_id" in message
    assert "membership m1: peacetrack keeps people's memberships in delegations only" in message


def test_a_membership_needs_a_start_and_reads_datetimes_as_dates() -> None:
    base = {
        "persons": [{"id": "p", "name": "P"}],
        "organizations": [
            {"id": "party", "name": "Party", "classification": "opposition"},
            {"id": "g", "name": "Geneva", "classification": "process"},
            {"id": "d", "classification": "delegation", "parent_id": "party"},
        ],
    }
    structural = {"member": {"@type": "Organization", "id": "d"}, "organization_id": "g"}
    member = {"person_id": "p", "organization_id": "d", "role": "head"}
    with pytest.raises(LoadError, match="membership #1: start_date: missing; a peacetrack"):
        from_popolo({**base, "memberships": [structural, member]})
    with pytest.raises(LoadError, match="start_date: expected YYYY, YYYY-MM or YYYY-MM-DD"):
        from_popolo({**base, "memberships": [structural, {**member, "start_date": "soon"}]})
    timed = {**member, "start_date": "2016-04-13T09:00:00Z"}
    t = from_popolo({**base, "memberships": [structural, timed]})
    (m,) = t.memberships
    assert (m.id, str(m.period)) == ("membership-2", "2016-04-13/..")


@pytest.mark.parametrize("doc", [[], "persons", {"persons": {}}, {"persons": [1]}])
def test_a_document_of_the_wrong_shape_is_a_load_error(doc: Any) -> None:
    with pytest.raises(LoadError):
        from_popolo(doc)
