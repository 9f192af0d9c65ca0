"""Version 1 files: read as version 2, and refused when they hold what only 2 has."""

from __future__ import annotations

import json
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import given, settings

from peacetrack import (
    Ceasefire,
    Incident,
    Party,
    Person,
    Position,
    Record,
    Timeline,
    ValidationError,
    io,
    testing,
)
from peacetrack.dates import PartialDate
from peacetrack.io._migrate import NEW_IN, V1_TO_V2, migrate
from peacetrack.records import RECORD_TYPES

VALIDATOR = jsonschema.Draft202012Validator(io.SCHEMA)
# The record types version 1 had: every registered type but those version 2 added.
V1_KINDS = [tag for tag in RECORD_TYPES if NEW_IN[2].get(tag, ()) is not None]


def _version_1_record(r: Record) -> Record:
    """``r`` without the fields version 1 cannot hold (:data:`NEW_IN`)."""
    if isinstance(r, Ceasefire):
        return attrs.evolve(r, brokers=(), area=None)
    if isinstance(r, Party | Person):
        return attrs.evolve(r, names=(), identifiers=(), links=())
    if isinstance(r, Position):
        return attrs.evolve(r, stated=None, quote=None, reason=None)
    if isinstance(r, Incident) and r.period is not None:  # a lasting incident: its start
        return attrs.evolve(r, date=r.period.start or PartialDate(2016), period=None)
    return r


def as_version_1(t: Timeline) -> Timeline:
    """``t`` without what version 1 cannot hold (a ceasefire's brokers and area, the
    names, identifiers and links of parties and people, a position's statement, a
    lasting incident's period)."""
    return Timeline(map(_version_1_record, t))


@settings(max_examples=150)
@given(testing.timelines(kinds=V1_KINDS))
def test_every_version_1_file_reads_as_the_timeline_it_wrote(t: Timeline) -> None:
    old = as_version_1(t)
    document = json.loads(io.dumps(old))
    document["peacetrack"] = "1"
    assert VALIDATOR.is_valid(document)
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
