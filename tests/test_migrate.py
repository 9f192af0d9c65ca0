"""Version 1 files: read as version 2, and refused when they hold what only 2 has."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

from peacetrack import (
    Ceasefire,
    Designation,
    Incident,
    Party,
    Period,
    Person,
    Position,
    Record,
    Round,
    RoundFormat,
    RoundOutcome,
    Timeline,
    ValidationError,
    io,
    testing,
)
from peacetrack.dates import PartialDate
from peacetrack.io._migrate import NEW_IN, NEW_VALUES_IN, V1_TO_V2, migrate
from peacetrack.records import RECORD_TYPES

VALIDATOR = jsonschema.Draft202012Validator(io.SCHEMA)
# The record types version 1 had: every registered type but those version 2 added.
V1_KINDS = [tag for tag in RECORD_TYPES if NEW_IN[2].get(tag, ()) is not None]


def _version_1_record(r: Record, parties: set[str]) -> Record | None:
    """``r`` as version 1 could hold it (:data:`NEW_IN`, :data:`NEW_VALUES_IN`), or
    ``None`` for a record version 1 had no form for."""
    if isinstance(r, Ceasefire):
        return attrs.evolve(r, brokers=(), area=None)
    if isinstance(r, Party | Person):
        return attrs.evolve(r, names=(), identifiers=(), links=())
    if isinstance(r, Position):  # held by a party, and stated nowhere
        return (
            attrs.evolve(r, stated=None, quote=None, reason=None) if r.holder in parties else None
        )
    if isinstance(r, Incident) and r.period is not None:  # a lasting incident: its start
        return attrs.evolve(r, date=r.period.start or PartialDate(2016), period=None)
    if isinstance(r, Designation) and r.period is not None:  # listed on a date, never lifted
        start = r.period.start
        return attrs.evolve(r, period=None if start is None else Period(start))
    if isinstance(r, Round):  # known venue, format and outcome, of version 1's values
        return attrs.evolve(
            r,
            venue=r.venue or "Geneva",
            format=r.format
            if r.format in (RoundFormat.PROXIMITY, RoundFormat.DIRECT)
            else "direct",
            outcome=(
                r.outcome
                if r.outcome not in (None, RoundOutcome.AGREEMENT)
                else RoundOutcome.CONCLUDED
            ),
        )
    return r


def as_version_1(t: Timeline) -> Timeline:
    """``t`` without what version 1 cannot hold (a ceasefire's brokers and area, the
    names, identifiers and links of parties and people, a position's statement or a
    person's position, a lasting incident's period, a designation's end, a round's
    unknown or newer values)."""
    parties = {p.id for p in t.parties}
    kept = {r.id: _version_1_record(r, parties) for r in t}
    # What refers to a record version 1 has no form for goes with it.
    dropped = {record_id for record_id, r in kept.items() if r is None}
    while dropped:
        refer = {
            r.id
            for r in kept.values()
            if r is not None and any(i in dropped for _, i in r.references())
        }
        for record_id in dropped:
            kept.pop(record_id, None)
        dropped = refer
    return Timeline(r for r in kept.values() if r is not None)


def version_1_document(t: Timeline) -> dict[str, Any]:
    """``t`` (which version 1 can hold) written as version 1 wrote it: a position's
    holder as ``party``, a designation's open period as the ``date`` it starts."""
    document = json.loads(io.dumps(t))
    document["peacetrack"] = "1"
    for raw in document["records"]:
        if raw["type"] == "position":
            raw["party"] = raw.pop("holder")
        elif raw["type"] == "designation" and "period" in raw:
            period = raw.pop("period")
            raw["date"] = None if period is None else period.removesuffix("/..")
    return document


@settings(max_examples=150)
@given(testing.timelines(kinds=V1_KINDS))
def test_every_version_1_file_reads_as_the_timeline_it_wrote(t: Timeline) -> None:
    old = as_version_1(t)
    document = version_1_document(old)
    assert VALIDATOR.is_valid(document), list(VALIDATOR.iter_errors(document))[:1]
    migrated = io.loads(json.dumps(document))
    assert migrated == old
    assert io.dumps(migrated) == io.dumps(old)
    assert json.loads(io.dumps(migrated))["peacetrack"] == "2"


@settings(max_examples=100)
@given(testing.timelines())
def test_every_version_2_file_round_trips_and_matches_the_schema(t: Timeline) -> None:
    text = io.dumps(t)
    assert VALIDATOR.is_valid(json.loads(text))
    assert io.loads(text) == t


def version_1(*records: dict[str, Any]) -> dict[str, Any]:
    return {"peacetrack": "1", "records": list(records)}


CEASEFIRE = {"type": "ceasefire", "id": "coh", "name": "CoH", "period": "2016-02-27/.."}
PROCESS = {"type": "process", "id": "g", "name": "Geneva talks"}
ROUND = {"type": "round", "id": "r", "process": "g", "number": 1, "period": "2016-01-29/2016-02-03"}
ROUND |= {"venue": "Geneva", "format": "proximity", "outcome": "suspended"}


@pytest.mark.parametrize(
    ("record", "problem"),
    [
        (
            {"type": "participation", "id": "p", "process": "g", "actor": "a"},
            "p: type: 'participation' records are new in format version 2; "
            "this file says version 1",
        ),
        (
            {"type": "agreement", "id": "a", "name": "A", "kind": "other", "date": "2016"},
            "a: type: 'agreement' records are new in format version 2; this file says version 1",
        ),
        (
            CEASEFIRE | {"area": "Syria"},
            "coh: area: new in format version 2; this file says version 1",
        ),
        (
            CEASEFIRE | {"brokers": []},
            "coh: brokers: new in format version 2; this file says version 1",
        ),
        (
            {"type": "designation", "id": "d", "party": "n", "by": "u", "label": "terrorist"}
            | {"period": "2013/.."},
            "d: period: new in format version 2; this file says version 1",
        ),
        (
            {"type": "position", "id": "p", "holder": "h", "issue": "i", "stance": "s"}
            | {"period": "2016/.."},
            "p: holder: new in format version 2; this file says version 1",
        ),
        (
            ROUND | {"format": "shuttle"},
            "r: format: 'shuttle' is new in format version 2; this file says version 1",
        ),
        (
            ROUND | {"venue": None},
            "r: venue: null (unknown) is new in format version 2; this file says version 1",
        ),
        (
            ROUND | {"outcome": "agreement"},
            "r: outcome: 'agreement' is new in format version 2; this file says version 1",
        ),
        (
            {"type": "incident", "id": "i", "kind": "attack", "date": None, "place": "Aleppo"}
            | {"period": "2016-04-22/2016-04-30"},
            "i: date: null (unknown) is new in format version 2; this file says version 1",
        ),
        (
            {"type": "agreement", "name": "A"},
            "records[0]: type: 'agreement' records are new in format version 2; "
            "this file says version 1",
        ),
    ],
)
def test_a_version_1_file_cannot_hold_what_version_2_added(
    record: dict[str, Any], problem: str
) -> None:
    document = version_1(record)
    assert not VALIDATOR.is_valid(document)
    with pytest.raises(ValidationError) as info:
        io.loads(json.dumps(document))
    assert problem in [str(p) for p in info.value.problems]
    # The same record in a version 2 file is not refused for its version.
    document["peacetrack"] = "2"
    messages: list[str] = []
    try:
        io.loads(json.dumps(document))
    except ValidationError as exc:
        messages = [p.message for p in exc.problems]
    assert all("format version" not in m for m in messages)


def test_a_version_1_mediator_stays_on_its_process() -> None:
    document = version_1(
        {"type": "person", "id": "dm", "name": "Staffan de Mistura"},
        {"type": "process", "id": "geneva", "name": "Geneva talks", "mediator": "dm"},
    )
    t = io.loads(json.dumps(document))
    assert t["geneva"].mediator == "dm"  # type: ignore[attr-defined]
    assert json.loads(io.dumps(t))["records"][1]["mediator"] == "dm"


def test_the_rewrite_table_is_applied_per_type_in_order() -> None:
    calls: list[str] = []

    def first(raw: dict[str, Any]) -> dict[str, Any]:
        calls.append("first")
        return raw | {"name": raw["name"].upper()}

    def second(raw: dict[str, Any]) -> dict[str, Any]:
        calls.append("second")
        return raw | {"aliases": [raw["name"]]}

    V1_TO_V2["person"] = [first, second]
    try:
        records, problems = migrate([{"type": "person", "id": "p", "name": "x"}, 3], 1, 2)
    finally:
        del V1_TO_V2["person"]
    assert records == [{"type": "person", "id": "p", "name": "X", "aliases": ["X"]}, 3]
    assert problems == []
    assert calls == ["first", "second"]


def test_what_version_2_added_is_listed_for_version_2() -> None:
    assert set(NEW_IN) == {2}
    assert NEW_IN[2]["ceasefire"] == frozenset({"agreement", "brokers", "area"})


def test_a_file_version_1_wrote_matches_the_schema_and_loads() -> None:
    # The bundled case as version 1 wrote it: designations listed on a date, positions
    # held by a "party".
    path = Path(__file__).parent / "data" / "v1" / "geneva_2016.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["peacetrack"] == "1"
    assert list(VALIDATOR.iter_errors(document)) == []
    t = io.load(path)
    assert len(t) == len(document["records"])
    raw = {r["id"]: r for r in document["records"]}
    for designation in t.designations:
        date = raw[designation.id].get("date")
        assert designation.period == (None if date is None else Period(date))
    for position in t.positions:
        assert position.holder == raw[position.id]["party"]
    # Read as version 2, the same records are not what version 2 writes.
    document["peacetrack"] = "2"
    assert not VALIDATOR.is_valid(document)


def test_values_version_2_added_are_refused_by_schema_and_reader_alike() -> None:
    # Each value NEW_VALUES_IN lists, in an otherwise valid version 1 record.
    base = {"round": ROUND, "incident": {"type": "incident", "id": "i", "kind": "attack"}}
    base["incident"] |= {"date": "2016-04-22", "place": "Aleppo"}
    for kind, fields in NEW_VALUES_IN[2].items():
        assert VALIDATOR.is_valid(version_1(PROCESS, base[kind]))
        io.loads(json.dumps(version_1(PROCESS, base[kind])))
        for field, values in fields.items():
            for value in values:
                document = version_1(PROCESS, base[kind] | {field: value})
                assert not VALIDATOR.is_valid(document), (kind, field, value)
                with pytest.raises(ValidationError, match="new in format version 2"):
                    io.loads(json.dumps(document))
