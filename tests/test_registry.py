"""The record registry: one place that says what record types exist, and a walk over it
that fails when a record type lacks anything a record type needs.

It also shows what adding a record type takes: a toy type registered in a test is
checked, referenced, indexed, written and read, and in the schema, with no other edit.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Iterator
from typing import ClassVar

import attrs
import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import peacetrack
from peacetrack import Party, Person, Record, Timeline, ValidationError, io, records, testing
from peacetrack._display import NAMES, SENTENCES
from peacetrack._field_checks import PERIOD, TEXT, to_period
from peacetrack._registry import (
    RECORD_TYPES,
    Shape,
    ref,
    refs,
    register_record_type,
    spec_of,
    unregister,
)
from peacetrack.dates import Period
from peacetrack.events import _POINT, _SPAN
from peacetrack.io._fast_reader import FastReader
from peacetrack.io._schema import build_schema
from peacetrack.testing._timelines import _TIMELINE_KINDS

TAGS = list(RECORD_TYPES)


def _is_dated(cls: type) -> bool:
    return any(f.name in ("date", "period") for f in attrs.fields(cls)) and cls is not (
        records.Source
    )  # a source's publication date is not an event of the talks


def test_the_registry_holds_every_public_record_class() -> None:
    public = {
        obj
        for name in records.__all__
        if isinstance(obj := getattr(records, name), type) and issubclass(obj, Record)
    }
    assert set(RECORD_TYPES.values()) == public - {Record}
    assert all(RECORD_TYPES[cls.record_type] is cls for cls in public - {Record})


@pytest.mark.parametrize("tag", TAGS)
def test_every_record_type_has_what_a_record_type_needs(tag: str) -> None:
    cls = RECORD_TYPES[tag]
    # A hypothesis strategy, and timelines() makes records of it.
    assert tag in testing.STRATEGIES, f"peacetrack.testing.STRATEGIES lacks {tag!r}"
    assert tag in _TIMELINE_KINDS, f"testing.timelines() never makes a {tag!r}"
    # Words: a display name, and a sentence per event if it is dated.
    assert cls in NAMES, f"_display.NAMES has no rule for {cls.__name__}"
    if _is_dated(cls):
        assert cls in _POINT or cls in _SPAN, f"events.py makes no event of {cls.__name__}"
        assert cls in SENTENCES, f"_display.SENTENCES has no line for {cls.__name__}"
    # A schema entry, and docs: public, documented, re-exported.
    assert io.SCHEMA["$defs"][tag]["properties"]["type"] == {"const": tag}
    assert {"$ref": f"#/$defs/{tag}"} in io.SCHEMA["$defs"]["record"]["oneOf"]
    assert inspect.getdoc(cls), f"{cls.__name__} has no docstring for the reference"
    assert cls.__name__ in peacetrack.__all__


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_every_strategy_makes_records_of_its_type(data: st.DataObject) -> None:
    tag = data.draw(st.sampled_from(TAGS))
    record = data.draw(testing.STRATEGIES[tag]())
    assert type(record) is RECORD_TYPES[tag]


def test_a_tag_is_registered_once() -> None:
    with pytest.raises(TypeError, match="already registered"):

        @register_record_type("party")
        @attrs.frozen
        class Again(Record):
            pass

    with pytest.raises(TypeError, match="not an attrs subclass of Record"):
        register_record_type("thing")(dict)


# -- a toy record type: what adding one takes -------------------------------------------


@attrs.frozen
class _Visit(Record):
    """A party's visit to a person during a period (a toy record type)."""

    record_type: ClassVar[str]

    party: str = attrs.field(metadata=ref("party"))
    hosts: tuple[str, ...] = attrs.field(converter=tuple, metadata=refs("person"))
    period: Period = attrs.field(converter=to_period, metadata=PERIOD)
    note: str = attrs.field(default="visit", metadata=TEXT)


@pytest.fixture
def visit() -> Iterator[type[_Visit]]:
    cls = register_record_type("visit")(_Visit)
    try:
        yield cls
    finally:
        unregister("visit")


def test_a_toy_record_type_works_end_to_end_once_registered(visit: type[_Visit]) -> None:
    base = [Party("ru", "Russia", "state"), Person("p", "P")]
    v = visit("v1", "ru", ["p"], "2016-01/2016-02")
    # Its own checks, and references read from its fields.
    assert list(v.references()) == [("party", "ru"), ("hosts", "p")]
    assert [r.shape for r in spec_of(visit).references][1:] == [Shape.ONE, Shape.MANY]
    with pytest.raises(ValidationError, match="note"):
        visit("v2", "ru", [], "2016", note=" ")
    # The timeline checks its references: unknown ids and wrong types, by field.
    t = Timeline([*base, v])
    with pytest.raises(ValidationError) as info:
        Timeline([*base, visit("v3", "p", ["ru", "ghost"], "2016/..")])
    assert sorted((p.field, p.message) for p in info.value.problems) == [
        ("hosts", "'ru' is a party; expected person"),
        ("hosts", "refers to unknown id 'ghost'"),
        ("party", "'p' is a person; expected party"),
    ]
    # Typed view, in force, who refers to whom.
    assert t.view(visit) == (v,)
    assert t.in_force(visit, "2016-01-15", possibly=True) == (v,)
    assert t.in_force(visit, "2016-03-01") == ()
    # Files: written, validated by the schema, read back the fast way and the slow way.
    text = io.dumps(t)
    jsonschema.validate(json.loads(text), build_schema())
    assert io.loads(text) == t
    raw = {"type": "visit", "id": "v1", "party": "ru", "hosts": ["p"], "period": "2016-01/2016-02"}
    assert FastReader().read(raw) == v
    assert "visit" in build_schema()["$defs"]
    # Gone once unregistered (the fixture does it): no file can name it then.


def test_once_unregistered_a_toy_type_is_unknown_again(visit: type[_Visit]) -> None:
    unregister("visit")
    try:
        with pytest.raises(ValidationError, match="unknown record type 'visit'"):
            io.loads('{"peacetrack": "1", "records": [{"type": "visit", "id": "v"}]}')
    finally:
        register_record_type("visit")(_Visit)
