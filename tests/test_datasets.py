"""The bundled Geneva 2016 case says what its sources say, at their precision."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from peacetrack import (
    Agreement,
    Ceasefire,
    Claim,
    Incident,
    Membership,
    Precision,
    Qualifier,
    Resignation,
    RoundFormat,
    Source,
    Timeline,
    days_between,
)
from peacetrack.datasets import geneva_2016
from peacetrack.io import FORMAT_VERSION, dumps, loads


@pytest.fixture(scope="module")
def t() -> Timeline:
    return geneva_2016()


def _claim(t: Timeline, claim_id: str) -> Claim:
    record = t[claim_id]
    assert isinstance(record, Claim)
    return record


def test_cached_and_immutable(t: Timeline) -> None:
    assert geneva_2016() is t


def test_the_file_is_in_the_fixed_format() -> None:
    text = resources.files("peacetrack.datasets").joinpath("geneva_2016.json").read_text("utf-8")
    doc = json.loads(text)
    assert doc["peacetrack"] == FORMAT_VERSION == "2"
    assert all({"type", "id", "sources"} <= set(r) for r in doc["records"])


def test_round_trips_through_io(t: Timeline) -> None:
    assert loads(dumps(t)) == t


# -- the process and its rounds ---------------------------------------------------------


def test_one_un_mediated_process(t: Timeline) -> None:
    (process,) = t.processes
    assert process.mediator is None  # the mediation is a participation, with its dates
    assert t.mediators(process.id) == ("de-mistura",)
    assert "Geneva" in process.name


def test_on_1_march_2016_de_mistura_mediates_and_the_pyd_is_left_out(t: Timeline) -> None:
    s = t.at("2016-03-01")
    assert s.mediators == {"geneva-2016": ("de-mistura",)}
    assert s.excluded_from_talks == {"geneva-2016": frozenset({"pyd"})}
    assert s.boycotting == {}
    assert [a.id for a in s.agreements_in_force] == [
        "unsc-2254",
        "issg-munich-statement",
        "us-russia-joint-statement",
        "unsc-2268",
    ]
    assert t.at("2016-04-20").boycotting == {"geneva-2016": frozenset({"hnc"})}


def test_the_ceasefire_is_linked_to_the_statement_that_set_it_up(t: Timeline) -> None:
    ceasefire = t["cessation-of-hostilities"]
    assert isinstance(ceasefire, Ceasefire)
    assert ceasefire.agreement == "us-russia-joint-statement"
    assert ceasefire.brokers == ("us", "russia")
    endorsed_by = [a.id for a in t.agreements() if ceasefire.agreement in a.endorses]
    assert endorsed_by == ["unsc-2268"]
    mandate = t["unsc-2254"]
    assert isinstance(mandate, Agreement)
    assert mandate.process == "geneva-2016"
    assert str(mandate.date) == "2015-12-18"
    for agreement in t.agreements():
        assert agreement.sources, agreement.id
        cited = [t[s] for s in agreement.sources]
        assert all(getattr(s, "url", None) for s in cited), agreement.id


def test_three_proximity_rounds_with_sourced_days(t: Timeline) -> None:
    assert [(r.number, str(r.period)) for r in t.rounds] == [
        (1, "2016-01-29/2016-02-03"),
        (2, "2016-03-14/2016-03-24"),
        (3, "2016-04-13/2016-04-27"),
    ]
    assert {r.format for r in t.rounds} == {RoundFormat.PROXIMITY}
    assert {r.venue for r in t.rounds} == {"Geneva"}


def test_rounds_agree_with_the_article_months(t: Timeline) -> None:
    """The article: talks "began in January", "the last round was held in April"."""
    first, *_, last = t.rounds
    assert (first.period.start.year, first.period.start.month) == (2016, 1)
    assert last.period.end is not None
    assert (last.period.end.year, last.period.end.month) == (2016, 4)


def test_gaps_between_rounds(t: Timeline) -> None:
    assert [p.days() for p in t.gaps("geneva-2016")] == [(40, 40), (20, 20)]


# -- people, memberships, the resignation -------------------------------------------------


def test_alloush_in_the_hnc_delegation_until_he_resigned(t: Timeline) -> None:
    may = t.at("2016-05-01").members["hnc-delegation"]
    assert [(m.person, m.role) for m in may] == [("alloush", "chief negotiator")]
    assert "hnc-delegation" not in t.at("2016-06-01").members


def test_resignation(t: Timeline) -> None:
    r = t["alloush-resigns"]
    assert isinstance(r, Resignation)
    assert (str(r.date), r.date.precision) == ("2016-05-29", Precision.DAY)
    assert r.submitted_to == "hnc"
    assert r.reason
    assert "stalled" in r.reason
    assert r.quote == "protest against the international community"


def test_days_from_round_3_to_resignation(t: Timeline) -> None:
    round_3 = t["round-3"]
    resignation = t["alloush-resigns"]
    assert isinstance(resignation, Resignation)
    assert days_between(round_3.period.end, resignation.date) == (32, 32)  # type: ignore[attr-defined]


def test_the_uns_response_is_guerreros_claim_about_the_resignation(t: Timeline) -> None:
    (response,) = list(t.claims_about("alloush-resigns"))
    assert response.claimant == "guerrero"
    assert response.quote == "internal matter for the HNC"
    assert response.date is not None
    assert response.date.precision is Precision.MONTH


def test_envoy_and_spokeswoman(t: Timeline) -> None:
    by_person = {m.person: m for m in t.memberships}
    assert str(by_person["de-mistura"].period) == "2014-07-10/.."
    assert by_person["guerrero"].delegation == by_person["de-mistura"].delegation
    # Her start is not known: only that the article (May 2016) attests her in post.
    assert by_person["guerrero"].period.start.uncertain


def test_everyone_named_is_a_person(t: Timeline) -> None:
    names = {p.name for p in t.people}
    assert {
        "Mohammed Alloush",
        "Staffan de Mistura",
        "Josephine Guerrero",
        "Igor Konashenkov",
        "Rami Abdulrahman",
    } <= names


# -- positions, parties, relations --------------------------------------------------------


def test_positions_on_sequencing_and_assad(t: Timeline) -> None:
    positions = t.at("2016-05-31").positions
    assert positions[("hnc", "sequencing")].stance == "transition-first"
    assert positions[("syrian-government", "sequencing")].stance == "counter-terrorism-first"
    assert "no role" in positions[("hnc", "assad-role")].stance


def test_parties(t: Timeline) -> None:
    assert {p.id for p in t.parties} == {
        "pyd",
        "russia",
        "turkey",
        "us",
        "un",
        "syrian-government",
        "hnc",
        "rebels",
        "nusra",
        "islamic-state",
        "army-of-conquest",
        "sohr",
        "lcc",
    }


@pytest.mark.parametrize(
    ("relation_id", "kind", "start"),
    [
        ("russia-supports-government", "supports", "2015-09"),
        ("nusra-part-of-army-of-conquest", "part_of", "2015-03"),
        ("islamic-state-fights-rebels", "fights", "2014-01"),
        ("rebels-fight-government", "fights", "2011"),
    ],
)
def test_relations(t: Timeline, relation_id: str, kind: str, start: str) -> None:
    relation = t[relation_id]
    assert relation.kind.value == kind  # type: ignore[attr-defined]
    assert str(relation.period.start) == start  # type: ignore[attr-defined]
    assert relation.period.end is None  # type: ignore[attr-defined]


# -- designations and the ceasefire -------------------------------------------------------


def test_nusra_designated_by_the_us_and_the_un(t: Timeline) -> None:
    by = {(g.by, str(g.period)) for g in t.designations if g.party == "nusra"}
    assert ("us", "2012-12-11/..") in by
    assert {b for b, _ in by} == {"us", "un"}


def test_nusra_excluded_from_the_ceasefire(t: Timeline) -> None:
    snapshot = t.at("2016-05-30")
    assert [c.id for c in snapshot.ceasefires_in_force] == ["cessation-of-hostilities"]
    assert {"nusra", "islamic-state"} == snapshot.excluded
    ceasefire = t["cessation-of-hostilities"]
    assert isinstance(ceasefire, Ceasefire)
    reasons = {e.party: e.reason for e in ceasefire.exclusions}
    assert reasons["nusra"]
    assert "terrorist" in reasons["nusra"]


def test_no_ceasefire_before_february_2016(t: Timeline) -> None:
    assert t.at("2016-02-26").ceasefires_in_force == ()


# -- incidents and claims -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("incident_id", "date", "precision"),
    [
        ("idlib-air-strikes", "2016-05-30", Precision.DAY),
        ("aleppo-government-air-strikes", "2016-05-30", Precision.DAY),
        ("foua-kefraya-shelling", "2016-05-30~", Precision.DAY),
        ("is-captures-villages", "2016-05", Precision.MONTH),  # "last week": no day invented
        ("rebels-retake-two-villages", "2016-05-29", Precision.DAY),
        ("army-of-conquest-suspends-administration", "2016-05-31~", Precision.DAY),
        ("russian-air-campaign", "2015-09", Precision.MONTH),  # "last September"
    ],
)
def test_incident_dates(t: Timeline, incident_id: str, date: str, precision: Precision) -> None:
    incident = t[incident_id]
    assert isinstance(incident, Incident)
    assert (str(incident.date), incident.date.precision) == (date, precision)


def test_who_claimed_what_about_the_idlib_strikes(t: Timeline) -> None:
    sohr, turkey = _claim(t, "sohr-idlib-killed"), _claim(t, "turkey-idlib-killed")
    assert (sohr.claimant, sohr.predicate, sohr.value, sohr.qualifier) == (
        "sohr",
        "killed",
        23,
        None,
    )
    assert (turkey.claimant, turkey.predicate, turkey.value, turkey.qualifier) == (
        "turkey",
        "killed",
        60,
        Qualifier.MORE_THAN,
    )
    denial = _claim(t, "russia-idlib-denial")
    assert (denial.claimant, denial.value) == ("russia", False)
    children = _claim(t, "sohr-idlib-children-killed")
    assert (children.claimant, children.value) == ("abdulrahman", 7)
    horror = _claim(t, "konashenkov-horror-story")
    assert (horror.claimant, horror.about, horror.quote) == (
        "konashenkov",
        "sohr-idlib-by-russia",
        "a horror story",
    )


def test_contested_groups_the_idlib_claims(t: Timeline) -> None:
    contested = t.contested()
    killed = contested[("idlib-air-strikes", "killed")]
    assert {c.claimant for c in killed} == {"sohr", "turkey"}
    by_russia = contested[("idlib-air-strikes", "carried out by Russia")]
    assert {(c.claimant, c.value) for c in by_russia} == {
        ("sohr", True),
        ("turkey", True),
        ("russia", False),
    }
    assert set(contested) == {
        ("idlib-air-strikes", "killed"),
        ("idlib-air-strikes", "carried out by Russia"),
    }


def test_events_tell_the_story_in_order(t: Timeline) -> None:
    kinds = [
        (str(e.date), e.kind.value, e.record_id) for e in t.between("2016-05-29", "2016-05-30")
    ]
    assert ("2016-05-29", "member_resigned", "alloush-resigns") in kinds
    assert ("2016-05-30", "incident", "idlib-air-strikes") in kinds
    assert kinds.index(("2016-05-29", "member_resigned", "alloush-resigns")) < kinds.index(
        ("2016-05-30", "incident", "idlib-air-strikes")
    )


# -- sources ------------------------------------------------------------------------------


def test_every_record_cites_a_source_and_every_source_resolves(t: Timeline) -> None:
    for record in t.records:
        if isinstance(record, Source):
            continue
        assert record.sources, f"{record.id} cites no source"
        for source_id in record.sources:
            assert isinstance(t.get(source_id), Source), (record.id, source_id)


def test_the_article_is_a_source(t: Timeline) -> None:
    article = t["article-2016-05-31"]
    assert isinstance(article, Source)
    assert (article.publisher, str(article.published)) == ("Agencies", "2016-05-31")


def test_facts_beyond_the_article_cite_another_source(t: Timeline) -> None:
    """The article does not give these; each must cite something else too."""
    for record_id in [
        "round-1",
        "round-2",
        "round-3",
        "nusra-part-of-army-of-conquest",
        "us-designates-nusra",
        "un-lists-nusra-qde137",
        "cessation-of-hostilities",
        "alloush-chief-negotiator",
        "de-mistura-envoy",
    ]:
        assert set(t[record_id].sources) - {"article-2016-05-31"}, record_id


def test_every_source_with_a_url_is_http(t: Timeline) -> None:
    urls = [s.url for s in t.sources if s.url is not None]
    assert len(urls) >= 20
    assert all(u.startswith(("http://", "https://")) for u in urls)


def test_no_source_is_unused(t: Timeline) -> None:
    cited = {s for r in t.records for s in r.sources}
    assert {s.id for s in t.sources} == cited


def test_alloush_membership_is_ended_by_the_resignation(t: Timeline) -> None:
    membership = t["alloush-chief-negotiator"]
    assert isinstance(membership, Membership)
    assert str(membership.period.end) == "2016-05-29"
