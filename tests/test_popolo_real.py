"""Real Popolo files (EveryPolitician exports, tests/data/everypolitician): lenient
reading loads them and reports, by kind, what it did not carry; strict reading
refuses them with a summary first."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import Party, Person, Timeline
from peacetrack.datasets import geneva_2016
from peacetrack.errors import PeacetrackError
from peacetrack.importers import Imported, ImportFailedError, Report
from peacetrack.interop.popolo import from_popolo, to_popolo

DATA = Path(__file__).parent / "data" / "everypolitician"
FILES = sorted(DATA.glob("*-ep-popolo-v1.0.json"))


# An other_name's fields that peacetrack carries: a bare name is an alias; one with a
# date, note or language is a Name.
NAMED = {"start_date", "end_date", "note", "lang"}
OTHER_NAME = NAMED | {"name"}


def _doc(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def _expected(doc: dict[str, Any]) -> tuple[Counter[str], Counter[str]]:
    """Straight from the file: what should be carried, and some of what should not."""
    orgs = {o["id"]: o for o in doc["organizations"]}
    carried = Counter({"Person": len(doc["persons"]), "Party": len(doc["organizations"])})
    urls = {
        s["url"] for item in doc["persons"] + doc["organizations"] for s in item.get("sources", [])
    }
    carried["Source"] = len(urls)
    left: Counter[str] = Counter()
    for m in doc["memberships"]:
        classification = orgs[m["organization_id"]]["classification"]
        left[f"membership in an organization classified {classification!r}"] += 1
    for p in doc["persons"]:
        for key in p.keys() - {"id", "name", "other_names", "sources", "identifiers", "links"}:
            left[f"person field {key!r}"] += 1
    for item in doc["persons"] + doc["organizations"]:
        for other in item.get("other_names", []):
            for key in other.keys() - OTHER_NAME:
                left[f"other_name field {key!r}"] += 1
    for key in doc.keys() - {"persons", "organizations", "memberships"}:
        if doc[key]:
            left[f"top-level {key!r}"] += 1
    return carried, left


@pytest.mark.parametrize("path", FILES, ids=[p.name.split("-ep-")[0] for p in FILES])
def test_a_real_export_loads_leniently_with_a_report(path: Path) -> None:
    doc = _doc(path)
    t, report = from_popolo(doc, lenient=True)
    assert isinstance(t, Timeline)
    assert isinstance(report, Report)
    carried, left = _expected(doc)
    assert report.carried == dict(carried)
    for kind, n in left.items():
        assert report.not_carried[kind] == n, kind
    # Names, notes and languages of other_names are carried, not reported.
    reported = {k for k in report.not_carried if k.startswith("other_name")}
    assert reported == {k for k in left if k.startswith("other_name")}
    # Every organization is a party, its classification reported as read as "other".
    assert {p.kind.value for p in t.parties} == {"other"}
    classes = Counter(o["classification"] for o in doc["organizations"])
    for classification, n in classes.items():
        assert (
            report.not_carried[
                f"organization classification {classification!r} (read as kind 'other')"
            ]
            == n
        )
    # At most three examples of each kind, each naming where it was.
    assert all(1 <= len(report.examples[k]) <= 3 for k in report.not_carried)
    assert not report.complete
    assert str(report).startswith(f"popolo: carried {sum(carried.values())} records")


def test_the_counts_of_the_two_real_files() -> None:
    # Pinned, so a change in what is carried shows up here (the test above derives them).
    reports = {p.name: from_popolo(_doc(p), lenient=True).report for p in FILES}
    estonia = reports["estonia-ep-popolo-v1.0.json"]
    assert estonia.carried == {"Person": 8, "Party": 6, "Source": 5}
    assert estonia.not_carried["membership in an organization classified 'legislature'"] == 14
    assert estonia.not_carried["person field 'birth_date'"] == 8
    zimbabwe = reports["zimbabwe-senate-ep-popolo-v1.0.json"]
    assert zimbabwe.carried == {"Person": 20, "Source": 11, "Party": 4}
    assert zimbabwe.not_carried["membership in an organization classified 'legislature'"] == 21


@pytest.mark.parametrize("path", FILES, ids=[p.name.split("-ep-")[0] for p in FILES])
def test_identifiers_and_links_are_carried(path: Path) -> None:
    doc = _doc(path)
    t = from_popolo(doc, lenient=True).timeline
    carried = 0
    for item in doc["persons"] + doc["organizations"]:
        record = t[item["id"]]
        assert isinstance(record, Person | Party)
        want = [(i["scheme"], i["identifier"]) for i in item.get("identifiers", [])]
        assert [(i.scheme, i.identifier) for i in record.identifiers] == list(dict.fromkeys(want))
        assert [(k.url, k.note) for k in record.links] == [
            (k["url"], k.get("note")) for k in item.get("links", [])
        ]
        for scheme, value in want:
            assert t.by_identifier(scheme, value) == record
        carried += len(want)
    assert carried > 0
    # The bundled exports name people and parties by Wikidata item, found back here.
    wikidata = [i for r in (*t.people, *t.parties) for i in r.identifiers if i.scheme == "wikidata"]
    assert wikidata


@pytest.mark.parametrize("path", FILES, ids=[p.name.split("-ep-")[0] for p in FILES])
def test_multilingual_other_names_are_names_once(path: Path) -> None:
    # EveryPolitician gives each name in each language with the note "multilingual":
    # each (name, language, note) becomes one undated Name; a bare name an alias.
    doc = _doc(path)
    t = from_popolo(doc, lenient=True).timeline
    named = 0
    for item in doc["persons"] + doc["organizations"]:
        record = t[item["id"]]
        assert isinstance(record, Person | Party)
        others = item.get("other_names", [])
        assert record.aliases == tuple(o["name"] for o in others if not o.keys() & NAMED)
        want = [(o["name"], o.get("lang"), o.get("note")) for o in others if o.keys() & NAMED]
        assert [(n.name, n.lang, n.note) for n in record.names] == list(dict.fromkeys(want))
        assert all(n.period is None for n in record.names)
        named += len(record.names)
    assert named > 0
    assert any(n.lang is not None for r in (*t.people, *t.parties) for n in r.names)


@pytest.mark.parametrize("path", FILES, ids=[p.name.split("-ep-")[0] for p in FILES])
def test_strict_reading_refuses_with_a_summary_first(path: Path) -> None:
    with pytest.raises(ImportFailedError) as caught:
        from_popolo(_doc(path))
    err = caught.value
    lines = str(err).splitlines()
    assert (
        lines[0]
        == f"cannot import popolo: {len(err.problems)} problems of {len(err.counts)} kinds:"
    )
    # The counts come first, most frequent first, then at most twenty problems.
    counted = [int(line.split(" × ")[0]) for line in lines[1 : 1 + min(len(err.counts), 20)]]
    assert counted == sorted(counted, reverse=True)
    assert sum(err.counts.values()) == len(err.problems)
    assert len(lines) <= 1 + 21 + 1 + 20 + 1
    assert len(str(err)) < 8000 < sum(map(len, err.problems)) or len(err.problems) <= 20
    assert "membership in an organization classified 'legislature'" in err.counts


def test_peacetracks_own_export_is_carried_whole() -> None:
    t = geneva_2016()
    back, report = from_popolo(to_popolo(t), lenient=True)
    assert report.complete, str(report)
    # (Sources with a URL come back with ids made from it, so compare the rest.)
    assert [(p.id, p.name, p.aliases) for p in back.people] == [
        (p.id, p.name, p.aliases) for p in t.people
    ]
    assert [(d.id, d.party, d.process) for d in back.delegations] == [
        (d.id, d.party, d.process) for d in t.delegations
    ]
    assert from_popolo(to_popolo(t)).records == back.records  # strict agrees


TEXT = st.text(st.characters(codec=None), max_size=8)
ITEM = st.fixed_dictionaries(
    {"id": TEXT, "name": TEXT},
    optional={
        "other_names": st.lists(st.fixed_dictionaries({"name": TEXT}, optional={"lang": TEXT})),
        "sources": st.lists(st.fixed_dictionaries({"url": TEXT}, optional={"note": TEXT})),
        "classification": TEXT,
        TEXT: TEXT,
    },
)
DOCS = st.fixed_dictionaries(
    {},
    optional={
        "persons": st.lists(ITEM, max_size=4),
        "organizations": st.lists(ITEM, max_size=4),
        "memberships": st.lists(
            st.fixed_dictionaries(
                {"person_id": TEXT, "organization_id": TEXT},
                optional={"role": TEXT, "start_date": TEXT, "end_date": TEXT, "id": TEXT},
            ),
            max_size=4,
        ),
    },
)


@settings(max_examples=200, deadline=None)
@given(DOCS)
def test_any_text_even_lone_surrogates_is_read_or_refused_cleanly(doc: dict[str, Any]) -> None:
    # No UnicodeEncodeError (a URL is hashed to make a source id) nor any other traceback.
    result = from_popolo(doc, lenient=True)
    assert isinstance(result, Imported)
    str(result.report)
    try:
        strict = from_popolo(doc)
    except PeacetrackError:
        assert not result.report.complete
    else:
        assert result.report.complete
        assert strict.records == result.timeline.records


def test_many_sources_on_one_person_are_each_kept_once() -> None:
    links = [{"url": f"http://example.org/{i}"} for i in range(20_000)]
    doc = {"persons": [{"id": "p", "name": "P", "sources": [*links, links[7]]}]}
    t = from_popolo(doc)  # linear: a repeat is found by a dict, not a list scan
    assert len(t["p"].sources) == 20_000 == len(set(t["p"].sources))
