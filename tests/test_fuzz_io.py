"""Mutation fuzzing of the loader: a damaged file gives a Timeline or a PeacetrackError.

Valid documents from :func:`peacetrack.testing.timelines` are damaged the way hands
and tools damage files — a field dropped, duplicated or given a value of another
type, ids swapped, records repeated, the text cut short or spliced — and the
loader must answer with a valid Timeline or a :class:`PeacetrackError`: never
another exception, never a hang.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from peacetrack import PeacetrackError, Timeline, io
from peacetrack.testing import timelines

JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=False)
    | st.text(max_size=12)
    | st.sampled_from(["2016-04", "2016-02-30", "2016/..", "state", "", "..", "r1"]),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=8,
)

MUTATIONS = st.sampled_from(
    ["drop", "duplicate", "retype", "swap-ids", "repeat", "rename", "delete"]
)


def mutate(document: dict[str, Any], data: st.DataObject) -> dict[str, Any]:
    records = document["records"]
    if not records:
        document[data.draw(st.text(max_size=5))] = data.draw(JSON_VALUES)
        return document
    index = data.draw(st.integers(0, len(records) - 1))
    record = records[index]
    keys = sorted(record)
    if not keys:  # every key already dropped: give the record one
        record[data.draw(st.text(max_size=5))] = data.draw(JSON_VALUES)
        return document
    key = data.draw(st.sampled_from(keys))
    kind = data.draw(MUTATIONS)
    if kind == "drop":
        del record[key]
    elif kind == "duplicate":
        record[key + data.draw(st.sampled_from(["_", "s", "2"]))] = record[key]
    elif kind == "retype":
        record[key] = data.draw(JSON_VALUES)
    elif kind == "swap-ids":
        other = records[data.draw(st.integers(0, len(records) - 1))]
        record["id"], other["id"] = other.get("id"), record.get("id")
    elif kind == "repeat":
        records.insert(data.draw(st.integers(0, len(records))), dict(record))
    elif kind == "rename":
        record[data.draw(st.text(max_size=8))] = record.pop(key)
    else:
        del records[index]
    return document


def outcome(text: str | bytes) -> Timeline | PeacetrackError:
    try:
        result: Timeline | PeacetrackError = io.loads(text)
    except PeacetrackError as exc:
        result = exc
    if isinstance(result, PeacetrackError):
        assert str(result)  # every error says something
    return result


FUZZ = settings(deadline=timedelta(seconds=5), max_examples=200)


@FUZZ
@given(timelines(max_size=15), st.data())
def test_mutated_documents_load_or_raise_a_peacetrack_error(
    t: Timeline, data: st.DataObject
) -> None:
    document = json.loads(io.dumps(t))
    for _ in range(data.draw(st.integers(1, 4))):
        document = mutate(document, data)
    result = outcome(json.dumps(document))
    if isinstance(result, Timeline):  # what loads accepts, dumps writes back the same
        assert io.loads(io.dumps(result)) == result


@FUZZ
@given(timelines(min_size=1, max_size=10), st.data())
def test_truncated_or_spliced_text_loads_or_raises_a_peacetrack_error(
    t: Timeline, data: st.DataObject
) -> None:
    text = io.dumps(t)
    cut = data.draw(st.integers(0, len(text)))
    insert = data.draw(st.text(alphabet='{}[]",:0123456789.eE-+ tnfalsrue\\', max_size=8))
    mangled = text[:cut] + insert + text[cut + data.draw(st.integers(0, 10)) :]
    assert isinstance(outcome(mangled), Timeline | PeacetrackError)
    result_bytes = outcome(mangled.encode("utf-8")[: data.draw(st.integers(0, len(mangled) + 4))])
    assert isinstance(result_bytes, Timeline | PeacetrackError)


@FUZZ
@given(st.binary(max_size=200))
def test_arbitrary_bytes_load_or_raise_a_peacetrack_error(blob: bytes) -> None:
    assert isinstance(outcome(blob), Timeline | PeacetrackError)


@FUZZ
@given(JSON_VALUES, st.sampled_from(["document", "records", "record"]))
def test_arbitrary_json_in_any_place_loads_or_raises_a_peacetrack_error(
    value: Any, place: str
) -> None:
    if place == "document":
        document: Any = value
    elif place == "records":
        document = {"peacetrack": "1", "records": value}
    else:
        document = {"peacetrack": "1", "records": [value]}
    result = outcome(json.dumps(document))
    if not (place == "records" and value == []):
        assert isinstance(result, PeacetrackError)


@FUZZ
@given(timelines(min_size=1, max_size=10), st.data())
def test_a_key_given_twice_is_always_refused(t: Timeline, data: st.DataObject) -> None:
    text = io.dumps(t, indent=None)
    keys = sorted({key for record in json.loads(text)["records"] for key in record})
    key = data.draw(st.sampled_from(keys))
    needle = f'"{key}": '
    assert needle in text
    first = json.dumps(data.draw(st.text(max_size=8) | st.integers() | st.none()))
    doubled = text.replace(needle, f"{needle}{first}, {needle}", 1)
    result = outcome(doubled)
    assert isinstance(result, PeacetrackError)
    assert "more than once" in str(result)
