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
    Agreement,
    Delegation,
    Identifier,
    Link,
    LoadError,
    Membership,
    PartialDate,
    Participation,
    Party,
    PartyKind,
    Period,
    Person,
    Process,
    Resignation,
    Round,
    Source,
    Timeline,
)
from peacetrack.datasets import geneva_2016
from peacetrack.errors import PeacetrackError
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


def _plain_period(period: Period | None) -> Period | None:
    """A period as Popolo carries it: its ends without qualifiers, open or unknown
    alike; no end at all is no period."""
    if period is None or (period.start is None and period.end is None):
        return None
    return Period(_plain(period.start), _plain(period.end))  # type: ignore[arg-type]


def _project(t: Timeline) -> dict[str, Any]:
    """What Popolo carries: people, parties, processes, delegations, memberships and
    participations, with dates without qualifiers and sources by URL (or id, when
    they have none). A participation keeps no round: an undated one in a round holds
    over the round's dates."""

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
        "participations": {p.id: _participation(t, p) for p in t.participations},
    }


def _participation(t: Timeline, p: Participation) -> tuple[Any, ...]:
    period = p.period
    if period is None and p.round is not None:
        round_ = t[p.round]
        assert isinstance(round_, Round)
        period = round_.period
    cited = frozenset((s.url or s.id) for s in (t[i] for i in p.sources) if isinstance(s, Source))
    return (p.process, p.actor, p.role, p.status, _plain_period(period), p.reason, cited)


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


PARTICIPATING = ("source", "party", "person", "process", "delegation", "round", "participation")


@settings(max_examples=50)
@given(timelines(min_size=4, max_size=30, kinds=PARTICIPATING, unknown_ends=True))
def test_every_participation_round_trips(t: Timeline) -> None:
    doc = to_popolo(t)
    assert schema_errors(doc) == []
    back = from_popolo(doc)
    assert _project(back)["participations"] == _project(t)["participations"]
    for process in t.processes:
        assert set(back.mediators(process.id)) == set(t.mediators(process.id))


def test_the_geneva_participations_are_process_memberships(
    geneva: Timeline, doc: dict[str, Any]
) -> None:
    assert len(geneva.participations) >= 3
    written = {m["id"]: m for m in doc["memberships"] if "label" in m}
    assert set(written) == {p.id for p in geneva.participations}
    excluded = written["pyd-excluded"]
    assert excluded["member"] == {"@type": "Organization", "id": "pyd"}
    assert (excluded["organization_id"], excluded["role"], excluded["label"]) == (
        "geneva-2016",
        "participant",
        "excluded",
    )
    assert excluded["reason"] == geneva["pyd-excluded"].reason
    envoy = written["de-mistura-mediates"]
    assert (envoy["person_id"], envoy["role"], envoy["label"]) == (
        "de-mistura",
        "mediator",
        "took_part",
    )
    back = from_popolo(doc)
    assert back.mediators("geneva-2016", at="2016-03-01") == ("de-mistura",)
    suspended = back["hnc-suspends-participation"]
    assert isinstance(suspended, Participation)
    assert (suspended.round, str(suspended.period)) == (None, "2016-04-18/2016-04-27")


def test_an_undated_participation_in_a_round_holds_over_the_round() -> None:
    t = Timeline(
        [
            Party("hnc", "HNC", "opposition"),
            Process("geneva", "Geneva talks"),
            Round("r3", "geneva", 3, "2016-04-13~/2016-04-27", "Geneva", None, None),
            Participation("walkout", "geneva", "hnc", "participant", "walked_out", round="r3"),
            Participation("p", "geneva", "hnc", "observer", "invited"),
        ]
    )
    doc = to_popolo(t)
    by_id = {m.get("id"): m for m in doc["memberships"]}
    assert (by_id["walkout"]["start_date"], by_id["walkout"]["end_date"]) == (
        "2016-04-13",
        "2016-04-27",
    )
    assert not by_id["p"].keys() & {"start_date", "end_date"}
    back = from_popolo(doc)
    assert str(back["walkout"].period) == "2016-04-13/2016-04-27"  # type: ignore[attr-defined]
    assert back["p"] == t["p"]


def test_what_popolo_cannot_carry_is_left_out(geneva: Timeline, doc: dict[str, Any]) -> None:
    back = from_popolo(doc)
    assert (back.rounds, back.claims, back.resignations) == ((), (), ())
    assert any(isinstance(r, Resignation) for r in geneva.records)
    # Agreements have no Popolo form: none is written, not even as an organization.
    assert geneva.view(Agreement)
    written = {item.get("id") for items in doc.values() for item in items}
    assert not written & {a.id for a in geneva.view(Agreement)}
    assert back.view(Agreement) == ()


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


# -- participations read back -----------------------------------------------------------

PROCESS_DOC: dict[str, Any] = {
    "persons": [{"id": "envoy", "name": "An Envoy"}, {"id": "other", "name": "Another"}],
    "organizations": [
        {"id": "hnc", "name": "HNC", "classification": "opposition"},
        {"id": "g", "name": "Geneva talks", "classification": "process"},
        {"id": "hnc-d", "classification": "delegation", "parent_id": "hnc"},
    ],
    "memberships": [
        {"member": {"@type": "Organization", "id": "hnc-d"}, "organization_id": "g"},
    ],
}


def _with(*memberships: dict[str, Any]) -> dict[str, Any]:
    return {**PROCESS_DOC, "memberships": [*PROCESS_DOC["memberships"], *memberships]}


def test_an_old_mediator_membership_is_still_the_process_mediator() -> None:
    old = {"person_id": "envoy", "organization_id": "g", "role": "mediator"}
    t = from_popolo(_with(old))
    assert t["g"] == Process("g", "Geneva talks", "envoy")
    assert t.participations == ()
    assert t.mediators("g") == ("envoy",)


def test_a_delegation_takes_part_as_an_organization_member() -> None:
    walkout = {
        "id": "w",
        "member": {"@type": "Organization", "id": "hnc-d"},
        "organization_id": "g",
        "role": "participant",
        "label": "walked_out",
        "end_date": "2016-04-27",
        "reason": "air strikes",
    }
    t = from_popolo(_with(walkout))
    assert t["w"] == Participation(
        "w",
        "g",
        "hnc-d",
        "participant",
        "walked_out",
        Period(None, "2016-04-27"),
        reason="air strikes",
    )
    assert t["hnc-d"] == Delegation("hnc-d", "hnc", "g")  # still the delegation of g


@pytest.mark.parametrize(
    ("membership", "words"),
    [
        (
            {"id": "x", "person_id": "envoy", "role": "chair", "label": "took_part"},
            "membership x: role 'chair': a member of a process is its delegation",
        ),
        (
            {"id": "x", "person_id": "envoy", "role": "observer"},
            "membership x: label: expected the participation's status, one of 'invited'",
        ),
        (
            {"id": "x", "person_id": "envoy", "role": "mediator", "label": "attended"},
            "got 'attended'",
        ),
        (
            {"id": "x", "person_id": "envoy", "role": "mediator"},
            "membership x: label: expected the participation's status",
        ),
        (
            {
                "id": "x",
                "person_id": "envoy",
                "role": "host",
                "label": "invited",
                "start_date": "1",
            },
            "membership x: start_date: expected YYYY, YYYY-MM or YYYY-MM-DD, got '1'",
        ),
        (
            {
                "id": "x",
                "person_id": "envoy",
                "role": "host",
                "label": "invited",
                "start_date": "2016-05",
                "end_date": "2016-04",
            },
            "membership x: start_date/end_date:",
        ),
        (
            {"id": "x", "person_id": "envoy", "role": "host", "label": "invited", "reason": ""},
            "membership x: ",
        ),
        (
            {"id": "x", "person_id": "envoy", "role": "host", "label": "invited", "post_id": "p"},
            "membership x: post_id: has no peacetrack form",
        ),
        (
            {"id": "x", "person_id": "envoy", "member": {"id": "hnc"}, "role": "host"},
            "membership x: person_id or member: expected the id of one person",
        ),
        (
            {"id": "x", "role": "host", "label": "invited"},
            "membership x: person_id or member: expected the id of one person",
        ),
        (
            {"person_id": "other", "role": "mediator"},
            "membership #2: process g already has the mediator 'envoy'",
        ),
        (
            {"person_id": "nobody", "role": "observer", "label": "invited"},
            "participation-3: actor: refers to unknown id 'nobody'",
        ),
    ],
    ids=[
        "unknown-role",
        "no-status",
        "unknown-status",
        "dated-mediator-needs-status",
        "bad-date",
        "ends-before-it-starts",
        "empty-reason",
        "unknown-field",
        "two-members",
        "no-member",
        "two-undated-mediators",
        "unknown-actor",
    ],
)
def test_a_bad_participation_is_an_error_naming_it(membership: dict[str, Any], words: str) -> None:
    mediator = {"person_id": "envoy", "organization_id": "g", "role": "mediator"}
    doc = _with(mediator, {"organization_id": "g", **membership})
    if membership.get("id") == "x" and membership.get("role") == "mediator":
        doc = _with({"organization_id": "g", **membership})
    with pytest.raises(PeacetrackError) as caught:
        from_popolo(doc)
    assert words in str(caught.value)
    # Lenient: the bad participation is left out (a field without a place: the field
    # only) and reported; the rest is read.
    t, report = from_popolo(doc, lenient=True)
    assert not report.complete
    assert (t.get("x") is None) is ("post_id" not in membership)
    assert t["hnc-d"] == Delegation("hnc-d", "hnc", "g")
